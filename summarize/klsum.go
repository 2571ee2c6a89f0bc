package summarize

import (
	"math"
	"slices"

	"github.com/precis-news/precis/corpus"
)

// KLSum adds, one at a time, the sentence that brings the summary's distribution
// of content terms closest to the story's, in Kullback-Leibler divergence
// KL(story ‖ summary) (Haghighi and Vanderwende, "Exploring content models for
// multi-document summarization", NAACL 2009). The summary's distribution is
// smoothed: (count + Smoothing) / (length + Smoothing × V).
//
// A candidate's divergence is updated from its own terms only, so a step costs
// O(nnz) and the whole summary O(k·nnz). The gain of a sentence (the drop in
// divergence, which may be negative) is scaled by its prior and by its length in
// words to the power −LengthExponent; the best sentence is added even when the
// divergence grows, until the budget is spent.
type KLSum struct {
	// Smoothing is the pseudo-count added to every term of the summary.
	Smoothing float64
	// LengthExponent scales a sentence's gain by 1/words^LengthExponent: 0 prefers
	// the sentences that move the summary most, 1 the most per word.
	LengthExponent float64
	Select         Selection
}

// DefaultKLSum returns KLSum with a smoothing of 0.01 and a length exponent of 0.3.
func DefaultKLSum() KLSum {
	return KLSum{Smoothing: 0.01, LengthExponent: 0.3, Select: DefaultSelection()}
}

// Summarize implements Summarizer.
func (k KLSum) Summarize(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, k.Select, b)
	v := float64(len(c.Vocab))
	story := make([]float64, len(c.Vocab))
	total := 0.0
	for _, terms := range c.Terms {
		for _, t := range terms {
			story[t]++
			total++
		}
	}
	if total == 0 {
		return nil
	}
	for t := range story {
		story[t] /= total
	}
	summary := make([]float64, len(c.Vocab)) // term counts of the summary
	length := 0.0
	// cross = Σ_t P(t) log(count_t + δ): the divergence is constant − cross + log(length + δV).
	cross := 0.0
	for t := range story {
		cross += story[t] * math.Log(k.Smoothing)
	}
	var counts []int32
	for !p.full() {
		best, bestScore, bestCross := -1, 0.0, 0.0
		current := -cross + math.Log(length+k.Smoothing*v)
		for i, terms := range c.Terms {
			if p.prior[i] == 0 || !p.ok(i) {
				continue
			}
			counts = append(counts[:0], terms...)
			slices.Sort(counts)
			nc := cross
			for x := 0; x < len(counts); {
				t := counts[x]
				y := x + 1
				for y < len(counts) && counts[y] == t {
					y++
				}
				nc += story[t] * (math.Log(summary[t]+float64(y-x)+k.Smoothing) - math.Log(summary[t]+k.Smoothing))
				x = y
			}
			next := -nc + math.Log(length+float64(len(terms))+k.Smoothing*v)
			// The drop in divergence, scaled so that a better prior and fewer
			// words help whether the drop is positive or not.
			gain, scale := current-next, p.weight(i)/math.Pow(float64(c.Words[i]), k.LengthExponent)
			if gain > 0 {
				gain *= scale
			} else {
				gain /= scale
			}
			if best < 0 || gain > bestScore {
				best, bestScore, bestCross = i, gain, nc
			}
		}
		if best < 0 {
			break
		}
		p.add(best)
		cross = bestCross
		for _, t := range c.Terms[best] {
			summary[t]++
		}
		length += float64(len(c.Terms[best]))
	}
	return order(c, p.chosen, p.allowed)
}
