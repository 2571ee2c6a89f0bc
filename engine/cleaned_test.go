package engine

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
)

// TestBriefCleaned checks Config.Cleaned: documents cleaned once by the caller
// give the same brief as the engine cleaning them, with every span pointing
// into the text the caller holds, and nothing is cleaned twice.
func TestBriefCleaned(t *testing.T) {
	for _, dir := range stories {
		t.Run(dir, func(t *testing.T) {
			raw := readStory(t, dir)
			want, err := Brief(context.Background(), raw, DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			docs := slices.Clone(raw)
			text := map[string]string{}
			for i := range docs {
				clean.Document(&docs[i])
				text[docs[i].ID] = docs[i].Text
			}
			given := slices.Clone(docs)
			cfg := DefaultConfig()
			cfg.Cleaned = true
			got, err := Brief(context.Background(), docs, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the brief of documents cleaned by the caller differs from the engine's own")
			}
			if !reflect.DeepEqual(docs, given) {
				t.Errorf("Brief changed the documents it was given")
			}
			for _, st := range got.Summary {
				for _, src := range st.Sources {
					if src.Span.Of(text[src.Doc]) != src.Sentence {
						t.Errorf("source %+v does not point into the caller's text", src)
					}
				}
			}
			for _, q := range got.Quotes {
				for _, m := range q.Mentions {
					if strings.TrimSpace(m.Span.Of(text[m.Doc])) == "" {
						t.Errorf("quote mention %+v is not in the caller's text", m)
					}
				}
			}
		})
	}

	// With Cleaned set, furniture the caller left in stays in.
	doc := precis.Document{ID: "a", Text: "Share this article\n\nThe council approved the bridge on Monday. It will open next year."}
	cfg := DefaultConfig()
	cfg.Cleaned = true
	b, err := Brief(context.Background(), []precis.Document{doc}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if b.Documents[0].Words != precis.CountWords(doc.Text) || b.Documents[0].RemovedWords != 0 {
		t.Errorf("Cleaned: the document was cleaned again: %+v", b.Documents[0])
	}
	b, err = Brief(context.Background(), []precis.Document{doc}, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if b.Documents[0].RemovedWords == 0 {
		t.Errorf("without Cleaned, %q was not removed: the test does not test Cleaned", "Share this article")
	}
}
