package summarize

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// TestPassages: a passage goes on while each sentence mends the one before or
// stays inside the quotation the passage opened, and keeps as residual the flaws
// nothing in it mends; it stops at the end of a paragraph.
func TestPassages(t *testing.T) {
	text := "The county closed the Old Mill Bridge on Tuesday after inspectors found a crack. " + // 0
		"But the county said that safety had to come first for every driver. " + // 1 connective
		"“Nobody should drive across that river until every single weld is checked. " + // 2 unattributed quote start
		"Only then will the county reopen it for its daily drivers,” engineer Maria Lopez said. " + // 3 closes, attributed
		"“The damage is far worse than anybody in the county had thought. " + // 4 unattributed quote start
		"It will take the whole summer to fix the old steel supports.”\n\n" + // 5 closes, says nobody
		"He said the detour through Millbrook would add fourteen kilometres to each trip." // 6 anaphor, new paragraph
	c := corpus.Build([]precis.Document{{ID: "a", Text: text}})
	if len(c.Sentences) != 7 {
		t.Fatalf("%d sentences, want 7", len(c.Sentences))
	}
	p := newPicker(c, DefaultSelection(), Budget{})
	got := map[[2]int]Flaw{}
	for _, ps := range p.passages(3) {
		got[[2]int{ps.first, ps.end}] = ps.residual
	}
	want := map[[2]int]Flaw{
		{0, 1}: 0, {0, 2}: 0, // the connective reads after its sentence; 2 does not go on from 1
		{1, 2}: Connective,
		{2, 3}: Unattributed | QuoteStart, {2, 4}: 0, // the quotation closed and attributed
		{3, 4}: QuoteEnd,
		{4, 5}: Unattributed | QuoteStart, {4, 6}: Unattributed, // closed, but nobody speaks
		{5, 6}: QuoteEnd | Anaphor, // "It will take …" closes a quotation it did not open
		{6, 7}: Anaphor,            // the paragraph before does not mend it
	}
	if len(got) != len(want) {
		t.Errorf("%d passages, want %d: %v", len(got), len(want), got)
	}
	for k, w := range want {
		if r, ok := got[k]; !ok || r != w {
			t.Errorf("passage %v: residual %v (found %v), want %v", k, r, ok, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected passage %v", k)
		}
	}
}

func TestSaysWhoAfterQuote(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`Then we will reopen it,” engineer Maria Lopez said.`, true},
		{`Then we will reopen it," she told reporters on Monday.`, true},
		{`Then we will reopen it," according to the county.`, true},
		{`It will take the whole summer.”`, false},
		{`Said nobody, "It will take the whole summer."`, false},
		{`No quotation mark at all, she said.`, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := saysWhoAfterQuote(tt.text); got != tt.want {
				t.Errorf("saysWhoAfterQuote = %v, want %v", got, tt.want)
			}
		})
	}
}

// readsAlone returns the flaws of the summary's sentences that the summary does
// not mend, by position: a mendable flaw right after the sentence before it in
// its document, the start of a quotation the next sentences close (and its lack
// of attribution when the closing one says who speaks).
func readsAlone(c *corpus.Corpus, out []int) map[int]Flaw {
	bad := map[int]Flaw{}
	next := func(k int) bool {
		return k+1 < len(out) && out[k+1] == out[k]+1 && c.Sentences[out[k]].Doc == c.Sentences[out[k+1]].Doc
	}
	for k, i := range out {
		f := Flaws(c.BodyText(i))
		if k > 0 && next(k-1) {
			f &^= Mendable
		}
		if f&QuoteStart != 0 {
			for j := k; next(j); j++ {
				if end := out[j+1]; Flaws(c.BodyText(end))&QuoteEnd != 0 {
					f &^= QuoteStart
					if saysWhoAfterQuote(c.BodyText(end)) {
						f &^= Unattributed
					}
					break
				}
			}
		}
		if f != 0 {
			bad[k] = f
		}
	}
	return bad
}

// TestConceptsStandAlone: with StandAlone, every sentence of the summary stands
// alone or is mended by the sentences next to it, in the order Order gives;
// without it, some do not (else the test could not fail).
func TestConceptsStandAlone(t *testing.T) {
	flawedWithout := 0
	for _, dir := range []string{"../examples/sessions", "../testdata/stories/bridge"} {
		c := story(t, dir)
		for _, words := range []int{60, 100, 150, 250, 400} {
			t.Run(fmt.Sprintf("%s/%d", dir, words), func(t *testing.T) {
				out := DefaultConceptsLead().Summarize(c, Budget{Words: words})
				if len(out) == 0 {
					t.Fatal("empty summary")
				}
				for k, f := range readsAlone(c, out) {
					t.Errorf("sentence %d of the summary (%q) has %v", k, c.BodyText(out[k]), f)
				}
				loose := DefaultConceptsLead()
				loose.StandAlone, loose.Passage = false, 0
				loose.Select.Dependent = 1
				flawedWithout += len(readsAlone(c, loose.Summarize(c, Budget{Words: words})))
			})
		}
	}
	if flawedWithout == 0 {
		t.Error("a test that cannot fail: no flawed sentence without StandAlone either")
	}
}

// TestLeadWindow: Selection.Lead leaves the first Lead allowed sentences of each
// document undiscounted by Position.
func TestLeadWindow(t *testing.T) {
	c := story(t, "../examples/sessions")
	flat := DefaultSelection()
	for _, lead := range []int{0, 2, 6} {
		biased := flat
		biased.Position, biased.Lead = 1.5, lead
		p0, p1 := flat.prior(c), biased.prior(c)
		for d := range c.Docs {
			first, end := c.DocSentences(d)
			r := 0
			for i := first; i < end; i++ {
				if p0[i] == 0 {
					continue
				}
				want := p0[i]
				if r > lead {
					want *= math.Pow(float64(1+r-lead), -1.5)
				}
				if diff := p1[i] - want; diff > 1e-12 || diff < -1e-12 {
					t.Errorf("Lead %d, sentence %d (rank %d): prior %g, want %g", lead, i, r, p1[i], want)
				}
				r++
			}
		}
	}
	if got := slices.Max(flat.prior(c)); got == 0 {
		t.Fatal("no sentence allowed")
	}
}

// TestConceptsExactPassages compares the branch and bound over passages with
// every set of passages on a small story: the value of a set of sentences is the
// weight of their concepts less each sentence's penalty (none left for a sentence
// that stands alone in its passage but its prior's other factors).
func TestConceptsExactPassages(t *testing.T) {
	c := story(t, "../testdata/stories/bridge")
	const words = 70
	m := DefaultConceptsLead()
	m.Fill = false
	concepts, weight := bigramConcepts(c, m.MinDocs)
	p := newPicker(c, m.Select, Budget{Words: words})
	value := func(set []int) float64 {
		seen := map[int32]bool{}
		v := 0.0
		for _, i := range set {
			total := 0.0
			for _, k := range concepts[i] {
				total += weight[k]
				if !seen[k] {
					seen[k] = true
					v += weight[k]
				}
			}
			v -= total * (1 - min(p.base[i], 1))
		}
		return v
	}
	var cands []passage
	multi := 0
	for _, ps := range p.passages(m.Passage) {
		w, any := 0, false
		for i := ps.first; i < ps.end; i++ {
			w += c.Words[i]
			any = any || len(concepts[i]) > 0
		}
		if ps.residual == 0 && any && w <= words {
			cands = append(cands, ps)
			if ps.end-ps.first > 1 {
				multi++
			}
		}
	}
	if len(cands) > 22 || len(cands) < 5 || multi == 0 {
		t.Fatalf("%d candidates, %d of several sentences: the test needs 5 to 22, some of several", len(cands), multi)
	}
	clash := func(a, b passage) bool {
		if a.first < b.end && b.first < a.end {
			return true
		}
		for i := a.first; i < a.end; i++ {
			for j := b.first; j < b.end; j++ {
				if similarity.Dot(c.Vectors[i], c.Vectors[j]) >= m.Select.Redundancy {
					return true
				}
			}
		}
		return false
	}
	best := 0.0
	for mask := 1; mask < 1<<len(cands); mask++ {
		var set []int
		var chosen []passage
		w, ok := 0, true
		for k, ps := range cands {
			if mask&(1<<k) == 0 {
				continue
			}
			for _, q := range chosen {
				ok = ok && !clash(ps, q)
			}
			chosen = append(chosen, ps)
			for i := ps.first; i < ps.end; i++ {
				set = append(set, i)
				w += c.Words[i]
			}
			if !ok || w > words {
				ok = false
				break
			}
		}
		if ok {
			best = max(best, value(set))
		}
	}
	if best <= 0 {
		t.Fatalf("best value %v: a test that cannot fail", best)
	}
	exact := m
	exact.Candidates, exact.Nodes = 0, 1<<30
	if got := value(exact.Summarize(c, Budget{Words: words})); math.Abs(got-best) > 1e-9 {
		t.Errorf("branch and bound value %v, exhaustive search %v", got, best)
	}
}
