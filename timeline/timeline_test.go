package timeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/timeline"
)

func story(texts ...string) []precis.Document {
	docs := make([]precis.Document, len(texts))
	for i, t := range texts {
		docs[i] = precis.Document{ID: fmt.Sprintf("d%d", i+1), Text: t}
	}
	return docs
}

func TestExtract(t *testing.T) {
	published := time.Date(2017, 3, 2, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		docs []precis.Document
		want []string // "date|expression|sources"
	}{
		{
			name: "merged across outlets, ordered, periods first",
			docs: story(
				"Sessions met the Russian ambassador Sergey Kislyak in September 2016 in his Senate office.\n\nThe senator endorsed Trump in 2016 after a long primary campaign.",
				"In September 2016, Sessions met ambassador Sergey Kislyak in his Senate office, officials said.\n\nThe Kremlin denied on March 1, 2017 that anything was discussed.",
			),
			want: []string{"2016|2016|d1", "2016-09|September 2016|d1,d2", "2017-03-01|March 1, 2017|d2"},
		},
		{
			name: "relative dates against the publication date",
			docs: func() []precis.Document {
				d := story("Sessions spoke twice last year with the Russian ambassador.\n\nThe Post reported the meetings on Wednesday night, citing officials.")
				d[0].Published = published
				return d
			}(),
			want: []string{"2016|last year|d1", "2017-03-01|Wednesday night|d1"},
		},
		{
			name: "unresolved kept last, never guessed",
			docs: story("The Post reported the meetings on Wednesday night, citing officials.\n\nSessions endorsed Trump in late February 2016 at a rally in Alabama."),
			want: []string{"2016-02|late February 2016|d1", "|Wednesday night|d1"},
		},
		{
			name: "dateline dates the document and is no event",
			docs: story("WASHINGTON, March 2, 2017 (Reuters) - Attorney General Jeff Sessions said on Wednesday he never met Russian officials to discuss the campaign."),
			want: []string{"2017-03-01|Wednesday|d1"},
		},
		{
			name: "timestamps alone are no events",
			docs: story("Updated 9:04 PM ET Sun, 3 Sept 2017\n\nNorth Korea tested its most powerful weapon yet on Sunday, officials said."),
			want: []string{"2017-09-03|Sunday|d1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range timeline.Extract(corpus.Build(tt.docs)) {
				got = append(got, e.Date+"|"+e.Expression+"|"+strings.Join(e.Sources, ","))
				if e.Text == "" {
					t.Errorf("event %q without text", e.Expression)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestExtractTrims(t *testing.T) {
	long := "The committee, which met behind closed doors for most of the afternoon and heard from a long list of witnesses, officials, lawyers, aides and experts from several agencies, voted on Jan. 29, 2018 to release the memo; the White House, after a long review by its lawyers and the Justice Department, agreed."
	ev := timeline.Extract(corpus.Build(story(long)))
	if len(ev) != 1 {
		t.Fatalf("got %d events", len(ev))
	}
	if n := precis.CountWords(ev[0].Text); n > timeline.DefaultConfig().MaxWords+2 || !strings.Contains(ev[0].Text, "Jan. 29, 2018") {
		t.Errorf("trimmed to %d words: %q", n, ev[0].Text)
	}
}

func seedDocs(b testing.TB) []precis.Document {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "sessions", "*.txt"))
	var docs []precis.Document
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: filepath.Base(f), Text: string(t)})
	}
	return docs
}

// BenchmarkExtract makes the example story's timeline from its corpus (built once).
func BenchmarkExtract(b *testing.B) {
	docs := seedDocs(b)
	c := corpus.Build(docs)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		timeline.Extract(c)
	}
}

func ExampleExtract() {
	docs := []precis.Document{
		{ID: "post", Published: time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC),
			Text: "Sessions met the Russian ambassador in September in his Senate office. He spoke with him twice last year."},
		{ID: "wire", Text: "WASHINGTON, March 2, 2017 (Reuters) - Sessions met ambassador Sergey Kislyak in his Senate office in September, officials said on Wednesday."},
	}
	for _, e := range timeline.Extract(corpus.Build(docs)) {
		fmt.Printf("%-10s %-16q %v %s\n", e.Date, e.Expression, e.Sources, e.Text)
	}
	// Output:
	// 2016       "last year"      [post] He spoke with him twice last year.
	// 2016-09    "September"      [post wire] WASHINGTON, March 2, 2017 (Reuters) - Sessions met ambassador Sergey Kislyak in his Senate office in September, officials said on Wednesday.
}
