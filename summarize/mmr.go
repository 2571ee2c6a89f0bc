package summarize

import (
	"math"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// MMR is maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): it
// adds, one at a time, the sentence with the best
//
//	Lambda × cos(sentence, story centroid) × prior − (1 − Lambda) × max cos(sentence, chosen)
//
// where the story centroid is the sum of every sentence's TF-IDF vector (the
// story is its own query). Cost: O(k·nnz) for k chosen sentences, keeping each
// sentence's best similarity to the summary up to date.
type MMR struct {
	// Lambda trades relevance (1) for diversity (0).
	Lambda float64
	Select Selection
}

// DefaultMMR returns MMR with Lambda 0.7.
func DefaultMMR() MMR { return MMR{Lambda: 0.7, Select: DefaultSelection()} }

// Summarize implements Summarizer.
func (m MMR) Summarize(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, m.Select, b)
	center := make(similarity.Dense, len(c.Vocab))
	for _, v := range c.Vectors {
		center.Add(v, 1)
	}
	norm := center.Norm()
	rel := make([]float64, len(c.Sentences))
	for i, v := range c.Vectors {
		if norm > 0 {
			rel[i] = center.Dot(v) / norm
		}
	}
	near := make([]float64, len(c.Sentences)) // best cosine with the summary so far
	last := make(similarity.Dense, len(c.Vocab))
	for !p.full() {
		best, bestScore := -1, math.Inf(-1)
		for i := range rel {
			if p.prior[i] == 0 {
				continue
			}
			if s := m.Lambda*rel[i]*p.weight(i) - (1-m.Lambda)*near[i]; s > bestScore && p.ok(i) {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		p.add(best)
		clear(last)
		last.Add(c.Vectors[best], 1)
		for i, v := range c.Vectors {
			near[i] = max(near[i], last.Dot(v))
		}
	}
	return order(c, p.chosen, p.allowed)
}
