package summarize

import (
	"cmp"
	"slices"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// Centroid scores sentences as MEAD does (Radev, Jing, Styś and Tam, "Centroid-based
// summarization of multiple documents", 2004): by how much of the cluster's
// centroid their words carry, plus a bonus for coming early in their document and
// for resembling their document's first sentence.
//
// The centroid weighs each term by its mean count per document × its inverse
// sentence frequency (SentenceIDF, there being no background corpus) and keeps the
// Words heaviest terms. A sentence's score is
//
//	CentroidWeight × Σ centroid[t] over its distinct terms
//	+ PositionWeight × Cmax × (n − i) / n   (the i-th of n sentences, Cmax the best centroid score)
//	+ FirstWeight × its cosine with its document's first sentence × Cmax
//
// Cost: O(T + V log V) for T tokens and V terms.
type Centroid struct {
	// Words is the number of terms the centroid keeps (0: all).
	Words int
	// CentroidWeight, PositionWeight and FirstWeight weigh the three features.
	CentroidWeight, PositionWeight, FirstWeight float64
	Select                                      Selection
}

// DefaultCentroid returns MEAD's default weights (1, 1, 0 here: the first
// sentence of a scraped page is too often a headline or a caption).
func DefaultCentroid() Centroid {
	return Centroid{Words: 100, CentroidWeight: 1, PositionWeight: 1, FirstWeight: 0, Select: DefaultSelection()}
}

// centroid returns the centroid weight of every term, the top words kept.
func centroid(c *corpus.Corpus, words int) []float64 {
	w := make([]float64, len(c.Vocab))
	for _, terms := range c.Terms {
		for _, t := range terms {
			w[t]++
		}
	}
	n := float64(max(len(c.Docs), 1))
	for t := range w {
		w[t] = w[t] / n * c.SentenceIDF[t]
	}
	if words > 0 && words < len(w) {
		sorted := slices.Clone(w)
		slices.SortFunc(sorted, func(a, b float64) int { return cmp.Compare(b, a) })
		cut := sorted[words-1]
		for t := range w {
			if w[t] < cut {
				w[t] = 0
			}
		}
	}
	return w
}

// Summarize implements Summarizer.
func (m Centroid) Summarize(c *corpus.Corpus, b Budget) []int {
	cw := centroid(c, m.Words)
	score := make([]float64, len(c.Sentences))
	cmax := 0.0
	for i, v := range c.Vectors {
		for _, t := range v.Terms {
			score[i] += cw[t]
		}
		cmax = max(cmax, score[i])
	}
	for d := range c.Docs {
		first, end := c.DocSentences(d)
		n := float64(end - first)
		for i := first; i < end; i++ {
			score[i] *= m.CentroidWeight
			score[i] += m.PositionWeight * cmax * (n - float64(i-first)) / n
			if m.FirstWeight != 0 {
				score[i] += m.FirstWeight * cmax * similarity.Dot(c.Vectors[i], c.Vectors[first])
			}
		}
	}
	return newPicker(c, m.Select, b).ranked(score)
}
