package disagree

import (
	"os"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// TestScatteredEvidence: the evidence of a scattered slot is evidence, to the last bit.
func TestScatteredEvidence(t *testing.T) {
	docs := []precis.Document{}
	for _, f := range []string{"000_1f412d886c9ac067", "001_1b1538d279cd85fa", "002_1d55d7acc583357e", "003_903e5b4707e011a3", "004_bded27397a1f154d"} {
		b, err := os.ReadFile("../examples/sessions/" + f + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: f, Text: string(b)})
	}
	for _, minShared := range []int{0, 1, 2} {
		cfg := DefaultConfig()
		cfg.MinShared = minShared
		st := newStory(corpus.Build(docs), cfg)
		st.values()
		st.words()
		st.contexts()
		if len(st.slots) < 20 {
			t.Fatalf("%d slots", len(st.slots))
		}
		var sc scattered
		for a := range st.slots {
			for b := range st.slots {
				sc.set(st, a)
				e, n := sc.evidence(st, &st.slots[b])
				we, wn := st.evidence(&st.slots[a], &st.slots[b])
				if e != we || n != wn {
					t.Fatalf("slots %d, %d: scattered evidence %v, %d; evidence %v, %d", a, b, e, n, we, wn)
				}
			}
		}
	}
}
