package summarize

import (
	"math"
	"slices"
	"testing"
)

// TestPositionPrior: Selection.Position multiplies the prior of the r-th allowed sentence of
// each document by (1 + r)^−Position and leaves forbidden sentences forbidden.
func TestPositionPrior(t *testing.T) {
	c := story(t, "../examples/sessions")
	flat := DefaultSelection()
	biased := flat
	biased.Position = 1.5
	p0, p1 := flat.prior(c), biased.prior(c)
	for d := range c.Docs {
		first, end := c.DocSentences(d)
		r := 0
		for i := first; i < end; i++ {
			if p0[i] == 0 {
				if p1[i] != 0 {
					t.Errorf("sentence %d: forbidden, prior %g with position", i, p1[i])
				}
				continue
			}
			if want := p0[i] * math.Pow(float64(1+r), -1.5); math.Abs(p1[i]-want) > 1e-12 {
				t.Errorf("sentence %d (rank %d): prior %g, want %g", i, r, p1[i], want)
			}
			r++
		}
	}
}

// TestConceptsFill: Fill keeps every sentence the concept model chose and spends the words
// it left on leading sentences, never past the budget.
func TestConceptsFill(t *testing.T) {
	grew := 0
	for _, dir := range []string{"../examples/sessions", "../testdata/stories/bridge"} {
		c := story(t, dir)
		for _, words := range []int{60, 150, 400} {
			b := Budget{Words: words}
			plain := DefaultConcepts().Summarize(c, b)
			m := DefaultConcepts()
			m.Fill = true
			filled := m.Summarize(c, b)
			count := func(s []int) int {
				n := 0
				for _, i := range s {
					n += c.Words[i]
				}
				return n
			}
			for _, i := range plain {
				if !slices.Contains(filled, i) {
					t.Errorf("%s, %d words: Fill dropped sentence %d", dir, words, i)
				}
			}
			if count(filled) < count(plain) || count(filled) > words {
				t.Errorf("%s, %d words: %d words with Fill, %d without", dir, words, count(filled), count(plain))
			}
			if count(filled) > count(plain) {
				grew++
			}
		}
	}
	if grew == 0 {
		t.Error("Fill never added a sentence")
	}
}

// TestConceptsLeadDefault: the default summarizer is the concept model with the lead bias
// and the readability of briefs.
func TestConceptsLeadDefault(t *testing.T) {
	s, err := New(Default)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := s.(Concepts)
	if !ok || !m.Fill || m.Select.Position <= 0 || m.Select.Lead <= 0 || !m.StandAlone || m.Passage < 2 {
		t.Errorf("default %q is %#v, want Concepts with Fill, a lead window, StandAlone and passages", Default, s)
	}
}
