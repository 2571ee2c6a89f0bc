package engine

import (
	"context"
	"errors"
	"testing"

	"github.com/precis-news/precis"
)

// FuzzBrief feeds arbitrary text to the whole engine: it must never panic, and
// every statement it makes must be checkable in its source.
func FuzzBrief(f *testing.F) {
	f.Add("The council met on Monday. It approved the budget.", "The council met on Monday!", 20, 0)
	f.Add("“Quoted,” he said. \"Unbalanced.\n\nNew paragraph? Yes…", "", 0, 2)
	f.Add("\xff\xfe invalid UTF-8 \x00 bytes. Another sentence here is long enough to count.", "a\n\n\n\nb", 5, 1)
	f.Fuzz(func(t *testing.T, a, b string, words, sentences int) {
		docs := []precis.Document{{ID: "a", Text: a}, {ID: "b", Text: b}}
		for _, alg := range []string{"lead", "centroid", "lexrank", "textrank", "mmr", "klsum", "submodular", "concepts"} {
			cfg := Config{Algorithm: alg, Words: words % 500, Sentences: sentences % 10}
			brief, err := Brief(context.Background(), docs, cfg)
			if err != nil {
				if !errors.Is(err, precis.ErrInvalid) {
					t.Fatalf("%s: error %v is not ErrInvalid", alg, err)
				}
				continue
			}
			checkBrief(t, docs, brief, cfg.Words, cfg.Sentences)
		}
	})
}
