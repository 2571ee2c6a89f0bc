package summarize

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

func story(t testing.TB, dir string) *corpus.Corpus {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	var docs []precis.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: filepath.Base(f), Text: string(b)})
	}
	return corpus.Build(docs)
}

func TestNew(t *testing.T) {
	for _, name := range append(Names(), "", " LexRank ") {
		if _, err := New(name); err != nil {
			t.Errorf("New(%q): %v", name, err)
		}
	}
	_, err := New("magic")
	if !errors.Is(err, ErrUnknown) || !errors.Is(err, precis.ErrInvalid) || !strings.Contains(err.Error(), `"magic"`) {
		t.Errorf("New(magic) error %v", err)
	}
	if !slices.IsSorted(Names()) || !slices.Contains(Names(), Default) {
		t.Errorf("Names() = %v, Default %q", Names(), Default)
	}
}

// TestInvariants runs every algorithm on both fixture stories within several
// budgets: never over budget, never a sentence twice, never two that say the
// same thing, never a sentence the selection forbids, in reading order.
func TestInvariants(t *testing.T) {
	budgets := []Budget{{Words: 150}, {Words: 40}, {Sentences: 3}, {Words: 1000, Sentences: 4}, {Words: 5}}
	for _, dir := range []string{"../examples/sessions", "../testdata/stories/bridge"} {
		c := story(t, dir)
		sel := DefaultSelection()
		for _, name := range Names() {
			s, _ := New(name)
			for _, b := range budgets {
				t.Run(filepath.Base(dir)+"/"+name, func(t *testing.T) {
					got := s.Summarize(c, b)
					words := 0
					for k, i := range got {
						words += c.Words[i]
						if sel.Standalone(c, i) == 0 {
							t.Errorf("chose a forbidden sentence %q", c.Sentences[i].Text)
						}
						for _, j := range got[:k] {
							if i == j {
								t.Fatalf("chose sentence %d twice", i)
							}
							if cos := similarity.Dot(c.Vectors[i], c.Vectors[j]); cos >= sel.Redundancy {
								t.Errorf("chose two sentences with cosine %.2f:\n%s\n%s", cos, c.Sentences[i].Text, c.Sentences[j].Text)
							}
						}
					}
					if b.Words > 0 && words > b.Words || b.Sentences > 0 && len(got) > b.Sentences {
						t.Errorf("%d words, %d sentences over budget %+v", words, len(got), b)
					}
					if b.Words >= 40 && len(got) == 0 {
						t.Errorf("empty summary within %+v", b)
					}
					if again := s.Summarize(c, b); !slices.Equal(again, got) {
						t.Errorf("not deterministic: %v then %v", got, again)
					}
					if !slices.Equal(Order(c, got), got) {
						t.Errorf("not in reading order: %v, ordered %v", got, Order(c, got))
					}
				})
			}
		}
	}
}

func TestEndsWithDate(t *testing.T) {
	tests := map[string]bool{
		"A crew films the bridge in Easton on Tuesday, Jan. 24, 2017.": true,
		"A crew films the bridge on May 14, 2024":                      true,
		"Lopez poses at the bridge, September 7, 1999.)":               true,
		"The bridge was built in 1962.":                                false,
		"It closed on Jan. 24, and reopened in 2017.":                  false,
		"The count rose to 24, 2017 people.":                           false,
		"Inspectors found 3 cracks, 2017.":                             false,
		"2017.":                                                        false,
		"The vote is set for Monday, Mayday 12, 2024.":                 false,
	}
	for text, want := range tests {
		if got := endsWithDate(text); got != want {
			t.Errorf("endsWithDate(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestStandalone(t *testing.T) {
	sel := DefaultSelection()
	tests := []struct {
		text string
		want string // "0", "<1" or "1"
	}{
		{"The county closed the Old Mill Bridge on Tuesday after a crack was found in a support.", "1"},
		{"But the county said that safety had to come first for every driver in the area.", "<1"},
		{"He said the county would reopen the bridge within three weeks of the first inspection.", "<1"},
		{"Will the county reopen the Old Mill Bridge before the end of the summer season?", "<1"},
		{"“We closed it the moment we understood how serious it was,” county engineer Maria Lopez said.", "<1"},
		{"reopen the bridge within three weeks, the county roads department said on Tuesday.", "<1"},
		{"The bridge was closed on Tuesday.", "0"},
		{"“The county is not fit to manage a bridge of this age and must hand it over.”", "<1"},
		{"EASTON (AP) — The county closed the Old Mill Bridge on Tuesday after a crack was found.", "1"},
		{"EASTON (AP) — The bridge was closed on Tuesday.", "0"},
		{"A woman waves the county flag during a protest at the Old Mill Bridge on Tuesday.", "<1"},
		{"Lopez speaks to reporters at the Old Mill Bridge in Easton, May 14, 2024.", "<1"},
		{"A local news crew films the Old Mill Bridge in Easton on Tuesday, May 14, 2024.", "<1"},
		{"Lopez speaks often about the bridge, and she said on Tuesday that it would reopen.", "1"},
		{"County engineer Maria Lopez inspects the bridge. (AP Photo/John Smith)", "0"},
		{"Old Mill Bridge shut after crack found in steel support during routine inspection", "0"},
		{"Sign up for our newsletter to get the local news from Easton every single morning.", "0"},
		{"Photo: The Old Mill Bridge seen from the west bank of the Wren River on Tuesday.", "0"},
		{"Read the full report at https://example.com/bridge for all the details of the closure.", "0"},
		{"THE COUNTY CLOSED THE OLD MILL BRIDGE ON TUESDAY AFTER A CRACK WAS FOUND IN IT.", "0"},
		{"The county closed the Old Mill Bridge on Tuesday after a crack was found, and the", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			c := corpus.Build([]precis.Document{{ID: "a", Text: tt.text}})
			if len(c.Sentences) != 1 {
				t.Skipf("the splitter made %d sentences", len(c.Sentences))
			}
			got := sel.Standalone(c, 0)
			ok := map[string]bool{"0": got == 0, "<1": got > 0 && got < 1, "1": got == 1}[tt.want]
			if !ok {
				t.Errorf("Standalone = %v, want %s", got, tt.want)
			}
		})
	}
}

// TestLowRank checks the graph products that are never built against the
// graph built pair by pair.
func TestLowRank(t *testing.T) {
	c := story(t, "../testdata/stories/bridge")
	n := len(c.Sentences)
	for _, same := range []float64{1, 0.5, 0} {
		g := newLowRank(c, c.Vectors, c.Vectors, same)
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(i%7) + 0.5
		}
		y := make([]float64, n)
		g.mul(y, x, false)
		for i := range n {
			want := 0.0
			for j := range n {
				if i == j {
					continue
				}
				w := similarity.Dot(c.Vectors[i], c.Vectors[j])
				if c.Sentences[i].Doc == c.Sentences[j].Doc {
					w *= same
				}
				want += w * x[j]
			}
			if math.Abs(y[i]-want) > 1e-4 {
				t.Fatalf("same %v: (W·x)[%d] = %v, built graph gives %v", same, i, y[i], want)
			}
		}
	}
	rank := newLowRank(c, c.Vectors, c.Vectors, 1).pageRank(0.85, 200, 1e-12)
	sum := 0.0
	for _, p := range rank {
		sum += p
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("PageRank sums to %v", sum)
	}
}

// TestConceptsExact compares the branch and bound with every subset of the
// candidates on a small story.
func TestConceptsExact(t *testing.T) {
	c := story(t, "../testdata/stories/bridge")
	m := DefaultConcepts()
	concepts, weight := bigramConcepts(c, m.MinDocs)
	p := newPicker(c, m.Select, Budget{Words: 70})
	// The value of a set: its concepts' weight, less each sentence's penalty for
	// not standing alone, mended when the sentence before it is in the set.
	value := func(set []int) float64 {
		seen := map[int32]bool{}
		v := 0.0
		for _, i := range set {
			total := 0.0
			for _, k := range concepts[i] {
				total += weight[k]
			}
			prior := p.prior[i]
			if p.follows(i) && slices.Contains(set, i-1) {
				prior = p.mended[i]
			}
			v -= total * (1 - min(prior, 1))
			for _, k := range concepts[i] {
				if !seen[k] {
					seen[k] = true
					v += weight[k]
				}
			}
		}
		return v
	}
	// Every subset of the allowed sentences that fits the budget.
	const words = 70
	var cands []int
	for i := range c.Sentences {
		if p.prior[i] > 0 && c.Words[i] <= words && len(concepts[i]) > 0 {
			cands = append(cands, i)
		}
	}
	if len(cands) > 20 {
		t.Fatalf("%d candidates: too many to enumerate", len(cands))
	}
	best := 0.0
	for mask := 1; mask < 1<<len(cands); mask++ {
		var set []int
		w := 0
		for k, i := range cands {
			if mask&(1<<k) != 0 {
				set = append(set, i)
				w += c.Words[i]
			}
		}
		ok := w <= words
		for x := 0; ok && x < len(set); x++ {
			for _, j := range set[:x] {
				if similarity.Dot(c.Vectors[set[x]], c.Vectors[j]) >= m.Select.Redundancy {
					ok = false
				}
			}
		}
		if ok {
			best = max(best, value(set))
		}
	}
	mendable := 0
	for _, i := range cands {
		if p.follows(i) && slices.Contains(cands, i-1) {
			mendable++
		}
	}
	if best == 0 || len(cands) < 5 || mendable == 0 {
		t.Fatalf("a test that cannot fail: %d candidates (%d mendable), best value %v", len(cands), mendable, best)
	}
	exact := m
	exact.Candidates, exact.Nodes = 0, 1<<30
	if got := value(exact.Summarize(c, Budget{Words: words})); math.Abs(got-best) > 1e-9 {
		t.Errorf("branch and bound value %v, exhaustive search %v", got, best)
	}
	greedy := m
	greedy.Nodes = 0
	if g := value(greedy.Summarize(c, Budget{Words: words})); g > best+1e-9 || g < best*(1-1/math.E)/2 {
		t.Errorf("greedy value %v, optimum %v", g, best)
	}
}

func BenchmarkSummarize(b *testing.B) {
	c := story(b, "../examples/sessions")
	size := 0
	for _, d := range c.Docs {
		size += len(d.Text)
	}
	for _, name := range Names() {
		s, _ := New(name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				s.Summarize(c, Budget{Words: 150})
			}
		})
	}
}

// TestShortStory: a story of one short article still gets a summary from every
// algorithm, when its only sentence stands alone and when it does not (the
// default, concepts-lead, chooses stand-alone sentences only while there are some).
func TestShortStory(t *testing.T) {
	for _, text := range []string{
		"Officials said the bridge would reopen next week after repairs.",
		"But it will reopen next week after repairs, officials said.",
		"Bridge reopens\n\nThe bridge will reopen next week after repairs, officials said on Monday.",
	} {
		c := corpus.Build([]precis.Document{{ID: "one", Text: text}})
		for _, name := range Names() {
			s, _ := New(name)
			if got := s.Summarize(c, Budget{Words: 150}); len(got) != 1 {
				t.Errorf("%s on %q: chose %v, want its one sentence", name, text, got)
			}
		}
	}
}
