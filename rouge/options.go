package rouge

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
)

// Formula is how ROUGE-1.5.5 combines several references (its -f flag).
type Formula byte

const (
	// FormulaA pools the counts of all references (ROUGE's default, "model average").
	FormulaA Formula = 'A'
	// FormulaB keeps, for each measure, the reference with the best recall ("best model").
	FormulaB Formula = 'B'
)

// String returns "A" or "B".
func (f Formula) String() string { return string(rune(f)) }

// ParseFormula reads the value of ROUGE's -f flag: "A" or "B".
func ParseFormula(s string) (Formula, error) {
	switch s {
	case "A":
		return FormulaA, nil
	case "B":
		return FormulaB, nil
	}
	return 0, fmt.Errorf("rouge: formula %q is not A or B: %w", s, precis.ErrInvalid)
}

// MaxN is the largest n of ROUGE-N that package rouge computes.
const MaxN = 4

// Options are ROUGE-1.5.5's scoring flags. The zero value is not usable; start from
// [DefaultOptions], which is "-n 4 -2 4 -u -f A -p 0.5".
type Options struct {
	// MaxN is -n: ROUGE-1 to ROUGE-MaxN are computed, 1 ≤ MaxN ≤ 4.
	MaxN int
	// SU4 is "-2 4 -u": skip-bigrams at most 4 words apart, plus unigrams.
	SU4 bool
	// Stem is -m: tokens longer than 3 bytes are replaced by their WordNet exception
	// lemma or else by their (Lin-modified) Porter stem.
	Stem bool
	// RemoveStopwords is -s: tokens on the SMART stopword list are removed before
	// n-grams are built.
	RemoveStopwords bool
	// LimitWords is -l: only the first LimitWords whitespace-separated words of each
	// summary are read. 0 means no limit.
	LimitWords int
	// LimitBytes is -b: only the first LimitBytes bytes of each summary are read.
	// 0 means no limit. It cannot be combined with LimitWords.
	LimitBytes int
	// Formula is -f: how several references are combined.
	Formula Formula
	// Alpha is -p: the weight of precision in F = PR/((1-α)P + αR), 0 ≤ α ≤ 1.
	Alpha float64
}

// DefaultOptions returns the options of "ROUGE-1.5.5.pl -n 4 -2 4 -u -f A -p 0.5": no
// stemming, stopwords kept, no length limit.
func DefaultOptions() Options {
	return Options{MaxN: 4, SU4: true, Formula: FormulaA, Alpha: 0.5}
}

// Validate reports whether ROUGE-1.5.5 would accept the options and package rouge can
// compute them.
func (o Options) Validate() error {
	switch {
	case o.MaxN < 1 || o.MaxN > MaxN:
		return fmt.Errorf("rouge: -n %d is outside 1..%d: %w", o.MaxN, MaxN, precis.ErrInvalid)
	case o.LimitWords < 0:
		return fmt.Errorf("rouge: -l %d is negative: %w", o.LimitWords, precis.ErrInvalid)
	case o.LimitBytes < 0:
		return fmt.Errorf("rouge: -b %d is negative: %w", o.LimitBytes, precis.ErrInvalid)
	case o.LimitWords > 0 && o.LimitBytes > 0:
		return fmt.Errorf("rouge: -l and -b cannot be used together: %w", precis.ErrInvalid)
	case o.Formula != FormulaA && o.Formula != FormulaB:
		return fmt.Errorf("rouge: formula %q is not A or B: %w", string(rune(o.Formula)), precis.ErrInvalid)
	case math.IsNaN(o.Alpha) || o.Alpha < 0 || o.Alpha > 1:
		return fmt.Errorf("rouge: -p %v is outside 0..1: %w", o.Alpha, precis.ErrInvalid)
	}
	return nil
}

// String returns the ROUGE-1.5.5 flags that score as o does, for instance
// "-n 4 -2 4 -u -m -l 100 -f A -p 0.5".
func (o Options) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "-n %d", o.MaxN)
	if o.SU4 {
		b.WriteString(" -2 4 -u")
	}
	if o.Stem {
		b.WriteString(" -m")
	}
	if o.RemoveStopwords {
		b.WriteString(" -s")
	}
	if o.LimitWords > 0 {
		fmt.Fprintf(&b, " -l %d", o.LimitWords)
	}
	if o.LimitBytes > 0 {
		fmt.Fprintf(&b, " -b %d", o.LimitBytes)
	}
	fmt.Fprintf(&b, " -f %s -p %s", o.Formula, strconv.FormatFloat(o.Alpha, 'g', -1, 64))
	return b.String()
}

// Metrics returns the measures the options compute, in the order ROUGE-1.5.5 prints them.
func (o Options) Metrics() []Metric {
	var ms []Metric
	for n := 1; n <= o.MaxN && n <= MaxN; n++ {
		ms = append(ms, Metric(n-1))
	}
	ms = append(ms, RougeL)
	if o.SU4 {
		ms = append(ms, RougeSU4)
	}
	return ms
}
