package rouge

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/precis-news/precis"
)

// Bootstrap is how ROUGE-1.5.5 averages the scores of several evaluations (items: one peer
// and its references each) and estimates a confidence interval by bootstrap resampling
// (its -c and -r flags).
//
// For resample i = 0 … Resamples-1, ROUGE seeds Perl's random number generator with i
// (srand(i); Perl ≥ 5.20 uses drand48 everywhere, reproduced here), draws as many items
// as there are, with replacement (index int(rand(n))), and takes the mean of their
// already rounded per-item values. The printed "Average" is the mean of these Resamples
// sample means (summed in ascending order), rounded to 5 decimals. The interval bounds are
// the sorted sample means at the percentile positions ROUGE computes: with
// delta = Resamples·((100-Confidence)/2)/100, the lower bound interpolates between ranks
// int(delta) and int(delta)+1 and the upper one between int(Resamples-delta-1) and the next,
// both with the weight Resamples-delta-1-int(Resamples-delta-1) (0 for -c 95 -r 1000, so
// ranks 25 and 974 of 0…999); a rank past the end counts as 0, as Perl's undef does.
//
// The result is therefore deterministic, and identical to ROUGE-1.5.5's when the items come
// in the order ROUGE sorts their evaluation IDs (as strings). Each measure is resampled with
// the same draws, as in ROUGE, which seeds each measure's resampling the same way.
type Bootstrap struct {
	// Confidence is -c: the interval's confidence level in percent, 0 to 100.
	Confidence float64
	// Resamples is -r: the number of bootstrap samples, at least 1.
	Resamples int
}

// DefaultBootstrap returns ROUGE-1.5.5's defaults, -c 95 -r 1000.
func DefaultBootstrap() Bootstrap { return Bootstrap{Confidence: 95, Resamples: 1000} }

// Estimate is one averaged value: the recall, precision or F of one measure over all items.
type Estimate struct {
	// Mean is the plain mean of the items' rounded values, not rounded. ROUGE does not
	// print it; it does not depend on resampling.
	Mean float64 `json:"mean"`
	// Average is what ROUGE-1.5.5 prints as Average_R, _P or _F: the mean of the bootstrap
	// sample means, rounded to 5 decimals. It differs from Mean in the 5th decimal at most
	// by resampling noise.
	Average float64 `json:"average"`
	// Lower and Upper bound the bootstrap confidence interval, rounded to 5 decimals.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// MetricAverage is one measure's averaged recall, precision and F.
type MetricAverage struct {
	Recall    Estimate `json:"recall"`
	Precision Estimate `json:"precision"`
	F         Estimate `json:"f1"`
}

// Averages are every measure averaged over a set of items.
type Averages struct {
	// Items is the number of items averaged.
	Items int `json:"items"`

	Rouge1   MetricAverage `json:"rouge1"`
	Rouge2   MetricAverage `json:"rouge2"`
	Rouge3   MetricAverage `json:"rouge3"`
	Rouge4   MetricAverage `json:"rouge4"`
	RougeL   MetricAverage `json:"rougeL"`
	RougeSU4 MetricAverage `json:"rougeSU4"`
}

// Get returns one measure's averages.
func (a *Averages) Get(m Metric) MetricAverage {
	if p := a.at(m); p != nil {
		return *p
	}
	return MetricAverage{}
}

func (a *Averages) at(m Metric) *MetricAverage {
	return [...]*MetricAverage{&a.Rouge1, &a.Rouge2, &a.Rouge3, &a.Rouge4, &a.RougeL, &a.RougeSU4}[m]
}

// Validate reports whether ROUGE-1.5.5 would accept the settings.
func (b Bootstrap) Validate() error {
	if math.IsNaN(b.Confidence) || b.Confidence < 0 || b.Confidence > 100 {
		return fmt.Errorf("rouge: -c %v is outside 0..100: %w", b.Confidence, precis.ErrInvalid)
	}
	if b.Resamples < 1 {
		return fmt.Errorf("rouge: -r %d is below 1: %w", b.Resamples, precis.ErrInvalid)
	}
	return nil
}

// nValues is the number of values per item: recall, precision and F of every measure.
const nValues = 3 * 6

func values(s *Scores) [nValues]float64 {
	var v [nValues]float64
	for i, m := range AllMetrics {
		p := s.at(m)
		v[3*i], v[3*i+1], v[3*i+2] = p.Recall, p.Precision, p.F
	}
	return v
}

// Average averages the items' scores as ROUGE-1.5.5 does with -c b.Confidence -r b.Resamples.
// With no items every value is 0.
func (b Bootstrap) Average(items []Scores) (Averages, error) {
	if err := b.Validate(); err != nil {
		return Averages{}, err
	}
	out := Averages{Items: len(items)}
	n := len(items)
	if n == 0 {
		return out, nil
	}
	vals := make([][nValues]float64, n)
	for i := range items {
		vals[i] = values(&items[i])
	}

	// means[v][i] is the mean of value v in resample i.
	means := make([][]float64, nValues)
	for v := range means {
		means[v] = make([]float64, b.Resamples)
	}
	for i := range b.Resamples {
		rng := newDrand48(uint64(i))
		var sum [nValues]float64
		for range n {
			k := int(float64(n) * rng.next())
			for v := range sum {
				sum[v] += vals[k][v]
			}
		}
		for v := range sum {
			means[v][i] = sum[v] / float64(n)
		}
	}

	r := float64(b.Resamples)
	delta := r * ((100 - b.Confidence) / 2.0) / 100.0
	ciUa := int(r - delta - 1)
	ciLa := int(delta)
	ciR := r - delta - 1 - float64(ciUa)
	rank := func(a []float64, i int) float64 {
		if i < 0 || i >= len(a) {
			return 0 // Perl's undef
		}
		return a[i]
	}
	for mi, m := range AllMetrics {
		ma := out.at(m)
		for k, e := range []*Estimate{&ma.Recall, &ma.Precision, &ma.F} {
			v := 3*mi + k
			total := 0.0
			for i := range vals {
				total += vals[i][v]
			}
			e.Mean = total / float64(n)

			sorted := means[v]
			slices.Sort(sorted)
			total = 0
			for _, x := range sorted {
				total += x
			}
			e.Average = round5(total / r)
			e.Lower = round5(rank(sorted, ciLa) + (rank(sorted, ciLa+1)-rank(sorted, ciLa))*ciR)
			e.Upper = round5(rank(sorted, ciUa) + (rank(sorted, ciUa+1)-rank(sorted, ciUa))*ciR)
		}
	}
	return out, nil
}

// SortByID puts items in the order ROUGE-1.5.5 resamples its evaluations: by ID, compared
// byte-wise as ROUGE compares the strings "ID.peer" (so 1, 10, 100, 11, …, 2). ids[i] names
// items[i]; both are sorted in place. Only the bootstrap Average and interval depend on the
// order, so sort before [Bootstrap.Average] to reproduce ROUGE's figures digit for digit.
func SortByID(ids []string, items []Scores) error {
	if len(ids) != len(items) {
		return fmt.Errorf("rouge: %d ids for %d items: %w", len(ids), len(items), precis.ErrInvalid)
	}
	idx := make([]int, len(ids))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(ids[a]+".", ids[b]+".") })
	sortedIDs, sortedItems := make([]string, len(ids)), make([]Scores, len(items))
	for i, k := range idx {
		sortedIDs[i], sortedItems[i] = ids[k], items[k]
	}
	copy(ids, sortedIDs)
	copy(items, sortedItems)
	return nil
}

// drand48 is Perl's random number generator (Perl_drand48, used by rand on every platform
// since Perl 5.20): a 48-bit linear congruential generator seeded as srand(seed) does.
type drand48 struct{ x uint64 }

func newDrand48(seed uint64) *drand48 { return &drand48{x: seed<<16 + 0x330e} }

func (d *drand48) next() float64 {
	d.x = (0x5deece66d*d.x + 0xb) & (1<<48 - 1)
	return float64(d.x) / (1 << 48)
}
