package disagree_test

import (
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/disagree"
)

// FuzzConflicts runs the whole detector on two documents made of the input (the
// second with its numbers changed): no panic, every claim's spans in bounds.
func FuzzConflicts(f *testing.F) {
	for _, s := range []string{
		"Sen. Al Franken said 25 people were hurt on Oct. 30, 2017.",
		"said senior study author Dr. Samantha Hendren, an associate professor of",
		"No arrests have been made. Four demonstrators were arrested Oct.\n\n30 in the 5500 block of",
		"a 2-year-old fell nine stories, about 30km away, at 11:15 p.m. Wednesday",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		other := strings.NewReplacer("2", "3", "5", "4", "senior", "lead", "Oct", "Nov").Replace(text)
		docs := []precis.Document{{ID: "a", Text: text}, {ID: "b", Text: other}}
		c := corpus.Build(docs)
		for _, con := range disagree.DefaultConfig().Conflicts(c, nil) {
			for _, cl := range con.Claims {
				if len(cl.Docs) != len(cl.Spans) || cl.Sentence < 0 || cl.Sentence >= len(c.Sentences) {
					t.Fatalf("bad claim %+v", cl)
				}
				for k, d := range cl.Docs {
					if !cl.Spans[k].Valid(len(docs[d].Text)) {
						t.Fatalf("claim %q: span %+v out of document %d", cl.Value, cl.Spans[k], d)
					}
				}
			}
		}
	})
}
