package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/precis-news/precis"
)

func open(t testing.TB) (*SQLite, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "precis.db")
	s, err := OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func fixture() (*precis.Brief, []precis.Document) {
	docs := []precis.Document{
		{ID: "a", Title: "Sessions met envoy", URL: "https://a.example/1", Outlet: "A", Text: "Sessions met the envoy. He denied it.",
			Published: time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), Removed: []precis.Removal{{Text: "Share this", Reason: "boilerplate"}}},
		{ID: "b", Outlet: "B", Text: "The envoy met Sessions twice."},
	}
	b := &precis.Brief{
		Algorithm: "lead", Budget: 150,
		Documents: []precis.DocumentInfo{docs[0].Info(), docs[1].Info()},
		Summary: []precis.Statement{{Text: "Sessions met the envoy.", Sources: []precis.Source{
			{Doc: "a", Sentence: "Sessions met the envoy.", Span: precis.Span{Start: 0, End: 23}}}}},
		Quotes:   []precis.Quote{{Speaker: "Sessions", Text: "I did not", Sources: []string{"a"}}},
		Entities: []precis.Entity{{Name: "Jeff Sessions", Type: precis.Person, Aliases: []string{"Sessions"}, Mentions: 3, Sources: []string{"a", "b"}}},
	}
	return b, docs
}

func TestPutGet(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	b, docs := fixture()
	if err := s.Put(ctx, b, docs); err != nil {
		t.Fatal(err)
	}
	if !ValidID(b.ID) || !ValidID(b.Story) || b.Created.IsZero() {
		t.Fatalf("Put set id %q story %q created %v", b.ID, b.Story, b.Created)
	}
	got, err := s.Brief(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("Brief = %+v\nwant %+v", got, b)
	}
	raw, err := s.BriefJSON(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON precis.Brief
	if err := json.Unmarshal(raw, &fromJSON); err != nil || !reflect.DeepEqual(&fromJSON, b) {
		t.Errorf("BriefJSON = %s (%v)", raw, err)
	}
	gotDocs, err := s.Documents(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotDocs, docs) {
		t.Errorf("Documents = %+v\nwant %+v", gotDocs, docs)
	}
	cur, err := s.Current(ctx, b.Story)
	if err != nil || cur.ID != b.ID {
		t.Errorf("Current = %v, %v; want %s", cur, err, b.ID)
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	for _, id := range []string{"", "nope", "aaaaaaaaaaaaaaaa", "AAAAAAAAAAAAAAAA", "'; DROP TABLE x"} {
		t.Run(id, func(t *testing.T) {
			if _, err := s.Brief(ctx, id); !errors.Is(err, precis.ErrNotFound) {
				t.Errorf("Brief: %v", err)
			}
			if _, err := s.BriefJSON(ctx, id); !errors.Is(err, precis.ErrNotFound) {
				t.Errorf("BriefJSON: %v", err)
			}
			if _, err := s.Documents(ctx, id); !errors.Is(err, precis.ErrNotFound) {
				t.Errorf("Documents: %v", err)
			}
			if err := s.Delete(ctx, id); !errors.Is(err, precis.ErrNotFound) {
				t.Errorf("Delete: %v", err)
			}
			if _, err := s.Current(ctx, id); !errors.Is(err, precis.ErrNotFound) {
				t.Errorf("Current: %v", err)
			}
		})
	}
	b, docs := fixture()
	b.Story = "aaaaaaaaaaaaaaaa"
	if err := s.Put(ctx, b, docs); !errors.Is(err, precis.ErrNotFound) {
		t.Errorf("Put to a missing story: %v", err)
	}
}

func TestStoryGrows(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	b1, docs := fixture()
	if err := s.Put(ctx, b1, docs[:1]); err != nil {
		t.Fatal(err)
	}
	b2, _ := fixture()
	b2.Story = b1.Story
	// The same first article again, under another name, and a new one.
	again := []precis.Document{docs[0], docs[1]}
	again[0].ID = "a-again"
	if err := s.Put(ctx, b2, again); err != nil {
		t.Fatal(err)
	}
	if b2.Story != b1.Story || b2.ID == b1.ID {
		t.Fatalf("second brief: story %s id %s; first: story %s id %s", b2.Story, b2.ID, b1.Story, b1.ID)
	}
	cur, err := s.Current(ctx, b1.Story)
	if err != nil || cur.ID != b2.ID {
		t.Fatalf("Current = %v, %v; want the second brief %s", cur, err, b2.ID)
	}
	page, err := s.List(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Briefs) != 2 || page.Briefs[0].Version != 2 || page.Briefs[1].Version != 1 {
		t.Errorf("List = %+v; want versions 2 then 1", page.Briefs)
	}
	var articles int
	s.r.QueryRow(`SELECT count(*) FROM articles WHERE story_id = ?`, b1.Story).Scan(&articles)
	if articles != 2 {
		t.Errorf("story has %d articles, want 2 (the repeated one stored once)", articles)
	}
	got, _ := s.Documents(ctx, b2.ID)
	if len(got) != 2 || got[0].ID != "a-again" || got[0].Text != docs[0].Text {
		t.Errorf("Documents of the second brief = %+v", got)
	}

	// Deleting one version keeps the story; deleting the last removes its articles.
	if err := s.Delete(ctx, b2.ID); err != nil {
		t.Fatal(err)
	}
	if cur, err := s.Current(ctx, b1.Story); err != nil || cur.ID != b1.ID {
		t.Errorf("after deleting v2, Current = %v, %v; want v1", cur, err)
	}
	if err := s.Delete(ctx, b1.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"stories", "articles", "briefs", "brief_articles"} {
		var n int
		s.r.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after deleting every brief", table, n)
		}
	}
}

// TestRemovalsKept checks that articles with the same cleaned text but other
// removals are kept apart, each with what cleaning took out of it.
func TestRemovalsKept(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	b, _ := fixture()
	text := "The council approved the bridge. It opens next year."
	docs := []precis.Document{
		{ID: "a", Text: text, Removed: []precis.Removal{{Text: "Share this", Reason: "share"}}},
		{ID: "b", Text: text, Removed: []precis.Removal{{Text: "Photo: Reuters", Reason: "caption"}}},
		{ID: "c", Text: text},
		{ID: "d", Text: text, Removed: []precis.Removal{{Text: "Share this", Reason: "share"}}},
	}
	if err := s.Put(ctx, b, docs); err != nil {
		t.Fatal(err)
	}
	got, err := s.Documents(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, docs) {
		t.Errorf("Documents = %+v\nwant %+v", got, docs)
	}
	var articles int
	s.r.QueryRow(`SELECT count(*) FROM articles WHERE story_id = ?`, b.Story).Scan(&articles)
	if articles != 3 {
		t.Errorf("%d articles stored, want 3 (a and d are the same)", articles)
	}
	// An article without removals hashes as databases made before removals were stored.
	if h, want := contentHash(&docs[2]), sha256.Sum256([]byte(text)); !bytes.Equal(h, want[:]) {
		t.Errorf("contentHash without removals = %x, want SHA-256 of the text", h)
	}
}

func TestList(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	var ids []string
	for i := range 7 {
		b, docs := fixture()
		b.Documents[0].Title = fmt.Sprint("story ", i)
		if err := s.Put(ctx, b, docs); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.ID)
	}
	var got []string
	q := Query{Limit: 3}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		page, err := s.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range page.Briefs {
			got = append(got, b.ID)
		}
		if page.Next == "" {
			break
		}
		q.Cursor = page.Next
	}
	var want []string
	for i := len(ids) - 1; i >= 0; i-- {
		want = append(want, ids[i])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paged listing = %v, want newest first %v", got, want)
	}
	page, _ := s.List(ctx, Query{Limit: 1})
	if page.Briefs[0].Headline != "story 6" || page.Briefs[0].Documents != 2 || page.Briefs[0].Algorithm != "lead" {
		t.Errorf("summary = %+v", page.Briefs[0])
	}
	for _, q := range []Query{{Limit: -1}, {Limit: MaxLimit + 1}, {Cursor: "!"}, {Cursor: "-5"}} {
		if _, err := s.List(ctx, q); !errors.Is(err, precis.ErrInvalid) {
			t.Errorf("List(%+v) = %v, want ErrInvalid", q, err)
		}
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	b, docs := fixture()
	if err := s.Put(ctx, b, docs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.Brief(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	var mode string
	var sync int
	s2.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	s2.w.QueryRow(`PRAGMA synchronous`).Scan(&sync)
	if mode != "wal" || sync != 2 {
		t.Errorf("journal_mode %s synchronous %d; want wal and 2 (FULL)", mode, sync)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations)+1))
	db.Close()
	if s, err := OpenSQLite(ctx, path); err == nil {
		s.Close()
		t.Fatal("opened a database from a newer program")
	}
}

func TestConcurrentPuts(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for range 4 {
		wg.Go(func() {
			for range 10 {
				b, docs := fixture()
				if err := s.Put(ctx, b, docs); err != nil {
					errs <- err
				}
				if _, err := s.Brief(ctx, b.ID); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	page, _ := s.List(ctx, Query{Limit: MaxLimit})
	if len(page.Briefs) != 40 {
		t.Errorf("%d briefs stored, want 40", len(page.Briefs))
	}
}

func TestHeadline(t *testing.T) {
	long := "The attorney general met the Russian ambassador twice during the campaign, according to officials who spoke on condition of anonymity to the newspaper"
	tests := []struct {
		name string
		b    precis.Brief
		want string
	}{
		{"title", precis.Brief{Documents: []precis.DocumentInfo{{Title: " "}, {Title: "Second  title"}}}, "Second title"},
		{"a longer title", precis.Brief{Documents: []precis.DocumentInfo{{Title: "Jeff Sessions"}, {Title: "Sessions met the envoy twice"}}}, "Sessions met the envoy twice"},
		{"the lead article's title", precis.Brief{
			Documents: []precis.DocumentInfo{{ID: "a", Title: "Sessions met the envoy twice"}, {ID: "b", Title: "Sessions faces calls to resign"}},
			Summary:   []precis.Statement{{Text: "x", Sources: []precis.Source{{Doc: "b"}, {Doc: "a"}}}},
		}, "Sessions faces calls to resign"},
		{"summary", precis.Brief{Summary: []precis.Statement{{Text: "Short."}}}, "Short."},
		{"long", precis.Brief{Summary: []precis.Statement{{Text: long}}}, "The attorney general met the Russian ambassador twice during the campaign, according to officials who spoke on condition…"},
		{"empty", precis.Brief{}, "Untitled brief"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(&tt.b); got != tt.want {
				t.Errorf("Headline = %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s, _ := open(b)
	br, docs := fixture()
	var size int
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		c := *br
		c.ID, c.Story = "", ""
		if err := s.Put(ctx, &c, docs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBrief(b *testing.B) {
	ctx := context.Background()
	s, _ := open(b)
	br, docs := fixture()
	if err := s.Put(ctx, br, docs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Brief(ctx, br.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBriefJSON(b *testing.B) {
	ctx := context.Background()
	s, _ := open(b)
	br, docs := fixture()
	if err := s.Put(ctx, br, docs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.BriefJSON(ctx, br.ID); err != nil {
			b.Fatal(err)
		}
	}
}
