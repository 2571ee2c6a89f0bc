package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/precis-news/precis"
)

// write creates the named files (path → content) under a new temporary directory.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const story = "Bridge reopens after repairs\n\nThe Old Mill bridge reopened on Monday after eight months of repairs, the county said.\n\nThe $4 million project replaced the deck.\n"

func TestFromTextHeadline(t *testing.T) {
	tests := []struct {
		name, in, title, text string
	}{
		{"headline", story, "Bridge reopens after repairs", "The Old Mill bridge reopened on Monday after eight months of repairs, the county said.\n\nThe $4 million project replaced the deck."},
		{"first line a sentence", "The bridge reopened on Monday.\nIt had been closed for months.", "", "The bridge reopened on Monday.\nIt had been closed for months."},
		{"first line ends with a colon", "Officials said:\nThe bridge is safe.", "", "Officials said:\nThe bridge is safe."},
		{"one line only", "Bridge reopens after repairs", "", "Bridge reopens after repairs"},
		{"quoted headline", "Mayor: 'We fixed it'\n\nThe bridge reopened.", "Mayor: 'We fixed it'", "The bridge reopened."},
		{"caption credit is no headline", "Workers on the bridge (AP Photo/Jo Li)\nThe bridge reopened.", "", "Workers on the bridge (AP Photo/Jo Li)\nThe bridge reopened."},
		{"long first line", strings.Repeat("word ", 30) + "\nbody", "", strings.Repeat("word ", 29) + "word \nbody"},
		{"leading blank lines", "\n\n  Bridge reopens\n\nBody text.", "Bridge reopens", "Body text."},
		{"markdown heading", "# Bridge reopens\n\nBody text.", "Bridge reopens", "Body text."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromText([]byte(tc.in), "x")
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title || d.Text != tc.text {
				t.Errorf("FromText(%q) = title %q text %q, want %q %q", tc.in, d.Title, d.Text, tc.title, tc.text)
			}
		})
	}
}

func TestFromTextEmpty(t *testing.T) {
	for _, in := range []string{"", "   \n\t\n", "\u200b\u200b"} {
		if _, err := FromText([]byte(in), "x"); !errors.Is(err, precis.ErrInvalid) {
			t.Errorf("FromText(%q) error %v, want ErrInvalid", in, err)
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name  string
		in    []byte
		want  string
		notes int
		err   bool
	}{
		{"utf-8", []byte("café\r\nbar"), "café\nbar", 0, false},
		{"bom", []byte("\xef\xbb\xbfhello"), "hello", 0, false},
		{"utf-16le", []byte("\xff\xfeh\x00i\x00"), "hi", 1, false},
		{"windows-1252", []byte("caf\xe9 cr\xe8me"), "café crème", 1, false},
		{"a bad byte in utf-8", []byte("café \xff bar"), "café \uFFFD bar", 1, false},
		{"invisible characters", []byte("a\u200bb\u00adc\x01d"), "abcd", 0, false},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, notes, err := decode(tc.in)
			if (err != nil) != tc.err {
				t.Fatalf("decode error %v, want error %v", err, tc.err)
			}
			if got != tc.want || len(notes) != tc.notes {
				t.Errorf("decode = %q %v, want %q with %d notes", got, notes, tc.want, tc.notes)
			}
		})
	}
}

func TestReadFormats(t *testing.T) {
	dir := write(t, map[string]string{
		"a.txt":       story,
		"b.md":        "# Dam opens\n\nThe **new** dam opened, [officials](http://x) said.\n",
		"c.html":      page,
		"d.jsonl":     `{"id":"wire-1","title":"Strike ends","url":"https://example.com/1","outlet":"Wire","published":"2023-10-04T09:00:00Z","text":"Dockworkers returned to work on Thursday."}` + "\n\n" + `{"title":"No id","published":"2023-10-05","text":"Second article text."}` + "\n",
		"e.json":      `[{"id":"j1","text":"First JSON article."},{"id":"j2","html":"<html><body><article><p>Second JSON article, from HTML, long enough to be taken as the body of a page by the extractors.</p></article></body></html>"}]`,
		"f.txt":       "First document of the cluster. NEWLINE_CHAR NEWLINE_CHAR Its second paragraph. ||||| Second document of the cluster.",
		".hidden.txt": "not read",
		"notes.pdf":   "skipped",
		"sub/x.txt":   "not read either",
	})
	docs, warnings, err := Read(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	want := []string{"a", "b", "c", "wire-1", "d-2", "j1", "j2", "f-1", "f-2"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Fatalf("ids %v, want %v", ids, want)
	}
	byID := map[string]precis.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	if d := byID["a"]; d.Title != "Bridge reopens after repairs" || d.Source != filepath.Join(dir, "a.txt") {
		t.Errorf("a: %+v", d)
	}
	if d := byID["b"]; d.Title != "Dam opens" || d.Text != "The new dam opened, officials said." {
		t.Errorf("b: title %q text %q", d.Title, d.Text)
	}
	if d := byID["c"]; d.Title != "Storm floods coastal towns" || d.Author != "Ana Ruiz" || d.Outlet != "The Coast Herald" ||
		d.URL != "https://coastherald.example/storm" || d.Published.Format("2006-01-02") != "2023-09-14" ||
		!strings.Contains(d.Text, "Hundreds of homes were flooded") {
		t.Errorf("c: %+v", d)
	}
	if d := byID["wire-1"]; d.Title != "Strike ends" || d.Outlet != "Wire" || d.URL != "https://example.com/1" || !d.Published.Equal(time.Date(2023, 10, 4, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("wire-1: %+v", d)
	}
	if d := byID["d-2"]; d.Published.Format("2006-01-02") != "2023-10-05" || d.Text != "Second article text." {
		t.Errorf("d-2: %+v", d)
	}
	if d := byID["j2"]; !strings.Contains(d.Text, "Second JSON article") {
		t.Errorf("j2: %+v", d)
	}
	if d := byID["f-1"]; d.Text != "First document of the cluster.\n\nIts second paragraph." {
		t.Errorf("f-1 text %q", d.Text)
	}
	msgs := joinErrors(warnings)
	for _, w := range []string{"subdirectories not read", "sub", "notes.pdf"} {
		if !strings.Contains(msgs, w) {
			t.Errorf("warnings %q lack %q", msgs, w)
		}
	}
}

func joinErrors(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

// page is a small article page with the metadata pages usually carry.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Storm floods coastal towns | The Coast Herald</title>
<meta property="og:title" content="Storm floods coastal towns | The Coast Herald">
<meta property="og:site_name" content="The Coast Herald">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2023-09-14T08:30:00Z">
<link rel="canonical" href="https://coastherald.example/storm">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Storm floods coastal towns</h1>
<p class="byline">By Ana Ruiz</p>
<p>Hundreds of homes were flooded on Wednesday night as a storm pushed the sea over the harbour walls of three coastal towns, forcing more than 2,000 people from their homes.</p>
<p>"The water came up through the floor in minutes," said Mark Ellis, a fisherman whose house stands thirty metres from the quay.</p>
<p>The regional government said it would open emergency shelters in schools and sports halls and asked residents to stay away from the seafront until Friday.</p>
<p>Forecasters expect the wind to ease on Thursday afternoon, but warned that the high tide on Friday morning could bring more flooding to low-lying streets.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Council votes on parking fees</a></li><li><a href="/b">Local team wins cup</a></li></ul></aside>
<footer>© 2023 The Coast Herald. All rights reserved.</footer>
</body></html>`

func TestFromHTML(t *testing.T) {
	d, err := FromHTML([]byte(page), "https://coastherald.example/storm?utm=x")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Storm floods coastal towns" || d.Outlet != "The Coast Herald" || d.Author != "Ana Ruiz" {
		t.Errorf("metadata: %q %q %q", d.Title, d.Outlet, d.Author)
	}
	for _, want := range []string{"Hundreds of homes were flooded", `"The water came up`, "high tide on Friday"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	for _, junk := range []string{"Council votes on parking", "Sport", "All rights reserved"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, d.Text)
		}
	}
	if strings.Count(d.Text, "\n\n") < 3 {
		t.Errorf("paragraphs lost:\n%s", d.Text)
	}
}

func TestFromHTMLBad(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"blank":      "  \n ",
		"no article": "<html><body><nav><a href=/>Home</a></nav></body></html>",
		"binary":     "\x00\x01\x02<html>",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := FromHTML([]byte(in), ""); !errors.Is(err, precis.ErrInvalid) {
				t.Errorf("error %v, want ErrInvalid", err)
			}
		})
	}
}

func TestFromHTMLNoArticleMessage(t *testing.T) {
	_, err := FromHTML([]byte("<html><body><nav><a href=/>Home</a></nav><p>Subscribe</p></body></html>"), "")
	if err == nil || !strings.HasSuffix(err.Error(), "no article text found in the page (1 word)") {
		t.Errorf("error %v, want one naming 1 word", err)
	}
}

func TestFromHTMLCharset(t *testing.T) {
	latin := "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Le caf\xe9 de la place a rouvert ses portes lundi apr\xe8s trois mois de travaux, a annonc\xe9 la mairie dans un communiqu\xe9.</p></article></body></html>"
	d, err := FromHTML([]byte(latin), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "Le café de la place") {
		t.Errorf("text %q", d.Text)
	}
}

// TestBadInput checks that each bad input gets one clear message naming it,
// and that the error wraps the right domain error when nothing is left.
func TestBadInput(t *testing.T) {
	good := map[string]string{"good.txt": story}
	tests := []struct {
		name    string
		files   map[string]string
		opts    Options
		warning string // in a warning when good.txt is also given
		err     error  // when the file is given alone
	}{
		{"empty file", map[string]string{"bad.txt": ""}, Options{}, "bad.txt: empty file", precis.ErrInvalid},
		{"white space", map[string]string{"bad.txt": " \n\t\n"}, Options{}, "bad.txt: only white space", precis.ErrInvalid},
		{"binary", map[string]string{"bad.txt": "\x7fELF\x02\x01\x01\x00\x00\x00"}, Options{}, "bad.txt: binary file", precis.ErrInvalid},
		{"too large", map[string]string{"bad.txt": strings.Repeat("word ", 200)}, Options{MaxFileBytes: 500}, "bad.txt: larger than the 500 bytes limit", precis.ErrTooLarge},
		{"broken json", map[string]string{"bad.json": `{"text": "unterminated`}, Options{}, "bad.json: invalid JSON", precis.ErrInvalid},
		{"json without text", map[string]string{"bad.jsonl": `{"id":"x","title":"T"}`}, Options{}, `bad.jsonl:1: article "x" skipped: no "text" or "html" field`, precis.ErrInvalid},
		{"empty html", map[string]string{"bad.html": "<html><body></body></html>"}, Options{}, "bad.html: no article text found", precis.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range tc.files {
				files[k] = v
			}
			for k, v := range good {
				files[k] = v
			}
			dir := write(t, files)
			docs, warnings, err := Read(context.Background(), []string{dir}, tc.opts)
			if err != nil || len(docs) != 1 {
				t.Fatalf("with a good file: %d docs, error %v", len(docs), err)
			}
			if msg := joinErrors(warnings); !strings.Contains(msg, tc.warning) {
				t.Errorf("warnings %q lack %q", msg, tc.warning)
			}
			for name := range tc.files {
				_, _, err = Read(context.Background(), []string{filepath.Join(dir, name)}, tc.opts)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("alone: error %v, want %v", err, tc.err)
			}
			if err != nil && (strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tc.warning)) {
				t.Errorf("alone: error %q should be one line naming %q", err, tc.warning)
			}
		})
	}
}

func TestReadRepairs(t *testing.T) {
	dir := write(t, map[string]string{
		"a.txt":     "Caf\xe9 reopens\n\nThe caf\xe9 reopened on Monday.",
		"b.txt":     "Bad byte \xff in a UTF-8 caf\u00e9 story.",
		"sub/a.txt": story,
		"c.jsonl":   `{"id":"a","text":"Same id as the file a.txt.","published":"last Tuesday"}` + "\n" + `not json` + "\n",
	})
	docs, warnings, err := Read(context.Background(), []string{dir, filepath.Join(dir, "sub")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "a b a-2 a-3" {
		t.Errorf("ids %q, want unique ids in reading order", got)
	}
	if docs[0].Title != "Café reopens" || !strings.Contains(docs[1].Text, "\uFFFD") {
		t.Errorf("repairs: %q %q", docs[0].Title, docs[1].Text)
	}
	msg := joinErrors(warnings)
	for _, w := range []string{"a.txt: not UTF-8: read as Windows-1252", "b.txt: invalid UTF-8: 1 bad byte replaced", `c.jsonl:2: invalid JSON, line skipped`, `published "last Tuesday" is not a date`, `id "a" already used: renamed "a-2"`} {
		if !strings.Contains(msg, w) {
			t.Errorf("warnings lack %q:\n%s", w, msg)
		}
	}
	// A repair is marked for Read's own bookkeeping, not in the message.
	for _, w := range warnings {
		if strings.HasSuffix(w.Error(), "repaired") {
			t.Errorf("warning ends with its marker: %q", w)
		}
	}
}

func TestReadErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name  string
		paths []string
		err   error
		msg   string
	}{
		{"no path", nil, precis.ErrInvalid, "no input"},
		{"missing", []string{filepath.Join(empty, "nope.txt")}, precis.ErrNotFound, "nope.txt"},
		{"empty directory", []string{empty}, precis.ErrInvalid, "empty directory"},
		{"stdin without reader", []string{"-"}, precis.ErrInvalid, "standard input"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Read(context.Background(), tc.paths, Options{})
			if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want %v naming %q", err, tc.err, tc.msg)
			}
		})
	}
}

func TestReadStdin(t *testing.T) {
	docs, _, err := Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader(story)})
	if err != nil || len(docs) != 1 || docs[0].ID != "stdin" || docs[0].Source != "-" {
		t.Fatalf("%+v %v", docs, err)
	}
	_, _, err = Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader("")})
	if !errors.Is(err, precis.ErrInvalid) || !strings.Contains(err.Error(), "standard input: empty input") {
		t.Errorf("empty stdin: %v", err)
	}
}

func TestReadMany(t *testing.T) {
	var b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&b, `{"id":"n%d","title":"Story %d","text":"Article number %d says something about the story."}`+"\n", i, i, i)
	}
	dir := write(t, map[string]string{"many.jsonl": b.String()})
	docs, warnings, err := Read(context.Background(), []string{dir}, Options{})
	if err != nil || len(docs) != 1000 || len(warnings) != 0 {
		t.Fatalf("%d docs, %v, %v", len(docs), warnings, err)
	}
	docs, warnings, err = Read(context.Background(), []string{dir}, Options{MaxDocuments: 10})
	if err != nil || len(docs) != 10 || !strings.Contains(joinErrors(warnings), "over the limit of 10 documents: 990 documents skipped") {
		t.Fatalf("cap: %d docs, %v, %v", len(docs), warnings, err)
	}
}

func TestReadCancelled(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": story})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Read(ctx, []string{dir}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestMultiNews(t *testing.T) {
	in := "Doc one. NEWLINE_CHAR NEWLINE_CHAR Para two. ||||| ||||| Doc three.\nSecond cluster doc. ||||| Another."
	dir := write(t, map[string]string{"mn.txt": in})
	docs, warnings, err := Read(context.Background(), []string{filepath.Join(dir, "mn.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "mn-1.1 mn-1.3 mn-2.1 mn-2.2" {
		t.Errorf("ids %q", got)
	}
	msg := joinErrors(warnings)
	if !strings.Contains(msg, "2 Multi-News clusters") || !strings.Contains(msg, "mn.txt:1: document 2 of the cluster is empty") {
		t.Errorf("warnings %q", msg)
	}
}

func ExampleFromText() {
	d, err := FromText([]byte("Bridge reopens after repairs\n\nThe Old Mill bridge reopened on Monday."), "bridge")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %s\n", d.ID, d.Title, d.Text)
	// Output: bridge | Bridge reopens after repairs | The Old Mill bridge reopened on Monday.
}

func ExampleRead() {
	in := strings.NewReader(`{"id":"wire-1","title":"Strike ends","outlet":"Wire","text":"Dockworkers returned to work."}` + "\n" +
		`{"id":"wire-1","title":"Strike ends","text":"A second copy."}` + "\n")
	docs, warnings, err := Read(context.Background(), []string{"-"}, Options{Stdin: in})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range docs {
		fmt.Println(d.ID, d.Title)
	}
	for _, w := range warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// wire-1 Strike ends
	// wire-1-2 Strike ends
	// warning: standard input: id "wire-1" already used: renamed "wire-1-2"
}

func ExampleReadFile() {
	upload := []byte(`{"id":"wire-1","title":"Strike ends","text":"Dockworkers returned to work."}` + "\n" +
		`{"id":"wire-2", broken` + "\n")
	docs, warnings, err := ReadFile("wire.jsonl", upload, Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range docs {
		fmt.Println(d.ID, d.Title, d.Source)
	}
	for _, w := range warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// wire-1 Strike ends wire.jsonl
	// warning: wire.jsonl:2: invalid JSON, line skipped: invalid character 'b' looking for beginning of object key string (at byte 17)
}

func TestReadFile(t *testing.T) {
	tests := []struct {
		name, file, content string
		ids                 []string
		err                 error
		msg                 string
	}{
		{"text", "a.txt", story, []string{"a"}, nil, ""},
		{"markdown", "b.md", "# Dam opens\n\nThe dam opened.", []string{"b"}, nil, ""},
		{"json array", "c.json", `[{"text":"One."},{"text":"Two."}]`, []string{"c-1", "c-2"}, nil, ""},
		{"empty", "e.txt", "", nil, precis.ErrInvalid, "ingest: e.txt: empty file, no text"},
		{"binary", "x.txt", "\x7fELF\x00\x00\x00\x00\x01\x02", nil, precis.ErrInvalid, "ingest: x.txt: binary file, not text"},
		{"too large", "big.txt", strings.Repeat("word ", 300), nil, precis.ErrTooLarge, "ingest: big.txt: larger than the 1 KiB limit per file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _, err := ReadFile(tt.file, []byte(tt.content), Options{MaxFileBytes: 1 << 10})
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("ids %q, want %q", ids, tt.ids)
			}
			if tt.err == nil {
				if err != nil {
					t.Errorf("error %v", err)
				}
				return
			}
			if !errors.Is(err, tt.err) || err.Error() != tt.msg {
				t.Errorf("error %v, want %q (%v)", err, tt.msg, tt.err)
			}
		})
	}
}
