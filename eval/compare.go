package eval

import (
	"fmt"
	"strconv"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/rouge"
)

// Comparison is one row's scores against another's on the same clusters, for one measure.
type Comparison struct {
	Metric rouge.Metric `json:"metric"`
	// Better, Worse and Ties count the clusters where the first row's F is above, below
	// or equal to the second's.
	Better int `json:"better"`
	Worse  int `json:"worse"`
	Ties   int `json:"ties"`
	// Delta is the mean difference of F (first minus second) with a paired bootstrap
	// interval: the clusters are resampled as ROUGE resamples them, both rows together.
	Delta rouge.Estimate `json:"delta"`
}

func (c Comparison) String() string {
	return fmt.Sprintf("%s F %+.2f [%+.2f, %+.2f], better on %d clusters, worse on %d",
		shortName(c.Metric), 100*c.Delta.Mean, 100*c.Delta.Lower, 100*c.Delta.Upper, c.Better, c.Worse)
}

// Compare compares row a with row b of the same report on metric m's F, cluster by cluster.
func Compare(a, b *Row, m rouge.Metric, bs rouge.Bootstrap) (Comparison, error) {
	if len(a.Items) != len(b.Items) {
		return Comparison{}, fmt.Errorf("eval: %s has %d clusters and %s %d: %w", a.Name, len(a.Items), b.Name, len(b.Items), precis.ErrInvalid)
	}
	c := Comparison{Metric: m}
	ids := make([]string, len(a.Items))
	diffs := make([]rouge.Scores, len(a.Items))
	for k := range a.Items {
		if a.Items[k].Cluster != b.Items[k].Cluster {
			return Comparison{}, fmt.Errorf("eval: cluster %d is %s for %s and %s for %s: %w", k, a.Items[k].Cluster, a.Name, b.Items[k].Cluster, b.Name, precis.ErrInvalid)
		}
		fa, fb := a.Items[k].Scores.Get(m).F, b.Items[k].Scores.Get(m).F
		switch {
		case fa > fb:
			c.Better++
		case fa < fb:
			c.Worse++
		default:
			c.Ties++
		}
		ids[k] = strconv.Itoa(a.Items[k].index + 1)
		diffs[k].Rouge1.F = fa - fb
	}
	if err := rouge.SortByID(ids, diffs); err != nil {
		return Comparison{}, fmt.Errorf("eval: %w", err)
	}
	avg, err := bs.Average(diffs)
	if err != nil {
		return Comparison{}, fmt.Errorf("eval: %w", err)
	}
	c.Delta = avg.Rouge1.F
	return c, nil
}

// CompareTo compares every other row with the row named base on ROUGE-1 and ROUGE-2 (and
// ROUGE-SU4 when computed) and keeps the comparisons in the rows' Versus.
func (r *Report) CompareTo(base string, bs rouge.Bootstrap) error {
	b := r.Row(base)
	if b == nil {
		return fmt.Errorf("eval: no row named %q to compare with: %w", base, precis.ErrInvalid)
	}
	r.Base = base
	for k := range r.Rows {
		row := &r.Rows[k]
		row.Versus = nil
		if row.Name == base {
			continue
		}
		for _, m := range r.Metrics {
			if m != rouge.Rouge1 && m != rouge.Rouge2 && m != rouge.RougeSU4 {
				continue
			}
			c, err := Compare(row, b, m, bs)
			if err != nil {
				return err
			}
			row.Versus = append(row.Versus, c)
		}
	}
	return nil
}
