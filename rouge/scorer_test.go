package rouge

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/precis-news/precis"
)

func TestScorerConcurrent(t *testing.T) {
	cs := benchClusters(t, 8, 2, 60, 50)
	o := DefaultOptions()
	o.Stem = true
	want := make([]Scores, len(cs))
	for i, c := range cs {
		var err error
		if want[i], err = Score(c.peer, c.refs, o); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := New(o)
	var wg sync.WaitGroup
	got := make([]Scores, len(cs))
	for i, c := range cs {
		wg.Go(func() {
			refs := []*Summary{s.Prepare(c.refs[0]), s.Prepare(c.refs[1])}
			got[i], _ = s.Score(s.Prepare(c.peer), refs)
		})
	}
	wg.Wait()
	for i := range cs {
		if got[i] != want[i] {
			t.Errorf("cluster %d: concurrent %+v, alone %+v", i, got[i], want[i])
		}
	}
}

func TestScoreErrors(t *testing.T) {
	s, _ := New(DefaultOptions())
	other, _ := New(DefaultOptions())
	p := s.Prepare([]string{"a b"})
	if _, err := s.Score(p, nil); !errors.Is(err, precis.ErrInvalid) {
		t.Errorf("no references: %v", err)
	}
	if _, err := s.Score(p, []*Summary{other.Prepare([]string{"a b"})}); !errors.Is(err, ErrForeignSummary) {
		t.Errorf("foreign reference: %v", err)
	}
	if _, err := s.Score(nil, []*Summary{p}); !errors.Is(err, ErrForeignSummary) {
		t.Errorf("nil peer: %v", err)
	}
	for _, o := range []Options{
		{MaxN: 0, Formula: FormulaA, Alpha: 0.5},
		{MaxN: 5, Formula: FormulaA, Alpha: 0.5},
		{MaxN: 4, Formula: 'C', Alpha: 0.5},
		{MaxN: 4, Formula: FormulaA, Alpha: 1.5},
		{MaxN: 4, Formula: FormulaA, Alpha: 0.5, LimitWords: 10, LimitBytes: 10},
		{MaxN: 4, Formula: FormulaA, Alpha: 0.5, LimitWords: -1},
	} {
		if _, err := New(o); !errors.Is(err, precis.ErrInvalid) {
			t.Errorf("New(%+v) = %v, want ErrInvalid", o, err)
		}
	}
}

func TestScoreTooLarge(t *testing.T) {
	s, _ := New(DefaultOptions())
	long := strings.Repeat("word ", 8200)
	_, err := s.Score(s.Prepare([]string{long}), []*Summary{s.Prepare([]string{long})})
	if !errors.Is(err, precis.ErrTooLarge) {
		t.Errorf("two 8,200-token lines: err = %v, want ErrTooLarge", err)
	}
	// Cut to 100 words, the same text scores 1.
	o := DefaultOptions()
	o.LimitWords = 100
	got, err := Score([]string{long}, [][]string{{long}}, o)
	if err != nil || got.RougeL.F != 1 || got.Rouge4.F != 1 {
		t.Errorf("with -l 100: %+v, %v", got, err)
	}
}

func TestOptionsString(t *testing.T) {
	o := DefaultOptions()
	if got := o.String(); got != "-n 4 -2 4 -u -f A -p 0.5" {
		t.Errorf("default = %q", got)
	}
	o = Options{MaxN: 2, Stem: true, RemoveStopwords: true, LimitWords: 100, Formula: FormulaB, Alpha: 0.8}
	if got := o.String(); got != "-n 2 -m -s -l 100 -f B -p 0.8" {
		t.Errorf("got %q", got)
	}
	if got := o.Metrics(); len(got) != 3 || got[0] != Rouge1 || got[1] != Rouge2 || got[2] != RougeL {
		t.Errorf("Metrics = %v", got)
	}
}

// TestRound5 checks C's %7.5f rounding: the exact binary value, ties to even.
func TestRound5(t *testing.T) {
	for _, tc := range []struct{ x, want float64 }{
		{1.0 / 64, 0.01562}, {3.0 / 64, 0.04688}, {5.0 / 64, 0.07812}, {2.0 / 3, 0.66667}, {0, 0}, {1, 1},
	} {
		if got := round5(tc.x); got != tc.want {
			t.Errorf("round5(%v) = %v, want %v", tc.x, got, tc.want)
		}
	}
	// F comes from the rounded R and P: R = 1 and P = 1/6 → 0.16667 give F = 0.28572,
	// where the unrounded P would give 0.28571.
	if got := newScore(1, 1, 6, 0.5); got != (PRF{Recall: 1, Precision: 0.16667, F: 0.28572}) {
		t.Errorf("newScore(1, 1, 6) = %+v, want F 0.28572 from the rounded P", got)
	}
}

// TestMarkMatchesPlainLCS checks that leaving out reference rows absent from the peer unit
// marks the same positions as the whole table, on random units over small alphabets (many
// repeated tokens and ties).
func TestMarkMatchesPlainLCS(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	fast, plain := new(lcsScratch), new(lcsScratch)
	for k := range 20000 {
		alpha := 2 + r.IntN(8)
		unit := func() []int32 {
			u := make([]int32, r.IntN(12))
			for i := range u {
				u[i] = int32(1 + r.IntN(alpha))
			}
			return u
		}
		u, p := unit(), unit()
		fast.mask, plain.mask = make([]bool, len(u)), make([]bool, len(u))
		fast.mark(u, p)
		plain.markPlain(u, p)
		if !slices.Equal(fast.mask, plain.mask) {
			t.Fatalf("case %d: u=%v p=%v: marks %v, whole table %v", k, u, p, fast.mask, plain.mask)
		}
	}
}
