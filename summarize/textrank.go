package summarize

import (
	"math"
	"slices"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// TextRank ranks sentences by PageRank over a graph whose edges weigh how well
// one sentence, taken as a query, retrieves the other with BM25: TextRank
// (Mihalcea and Tarau, EMNLP 2004) with the BM25 similarity of Barrios, López,
// Argerich and Wachenchauzer ("Variations of the similarity function of TextRank
// for automated summarization", 2016), which is what gensim's summarizer (the
// Multi-News TextRank baseline) runs. The edge between i and j weighs the mean of
// BM25(i→j) and BM25(j→i).
//
// BM25(i→j) = Σ over the terms t of i of idf(t) × f(t,j)·(K1+1) / (f(t,j) + K1·(1 − B + B·|j|/avglen)),
// a product of a query matrix and a document matrix, so, as for LexRank, the
// complete graph is never built and each iteration costs O(nnz).
type TextRank struct {
	// Damping is the probability of following an edge rather than jumping (0.85).
	Damping float64
	// K1 and B are the BM25 parameters (1.5 and 0.75, as gensim).
	K1, B float64
	// Epsilon replaces a negative idf by Epsilon × the mean idf (0.25, as gensim).
	Epsilon    float64
	Iterations int
	Tolerance  float64
	Select     Selection
}

// DefaultTextRank returns TextRank with gensim's parameters.
func DefaultTextRank() TextRank {
	return TextRank{Damping: 0.85, K1: 1.5, B: 0.75, Epsilon: 0.25, Iterations: 100, Tolerance: 1e-7, Select: DefaultSelection()}
}

// Summarize implements Summarizer.
func (r TextRank) Summarize(c *corpus.Corpus, b Budget) []int {
	n := float64(len(c.Sentences))
	idf := make([]float64, len(c.SF))
	mean := 0.0
	for t, sf := range c.SF {
		idf[t] = math.Log(n-float64(sf)+0.5) - math.Log(float64(sf)+0.5)
		mean += idf[t]
	}
	if len(idf) > 0 {
		mean /= float64(len(idf))
	}
	for t := range idf {
		if idf[t] < 0 {
			idf[t] = r.Epsilon * mean
		}
	}
	avg := 0.0
	for _, terms := range c.Terms {
		avg += float64(len(terms))
	}
	avg /= max(n, 1)
	query := make([]similarity.Vector, len(c.Terms))
	doc := make([]similarity.Vector, len(c.Terms))
	for i, terms := range c.Terms {
		query[i], doc[i] = bm25(terms, idf, r.K1, r.B, float64(len(terms))/max(avg, 1e-9))
	}
	// W = (Q·Dᵀ + D·Qᵀ)/2: the sum of two low-rank graphs.
	g1 := newLowRank(c, query, doc, 1)
	g2 := newLowRank(c, doc, query, 1)
	tmp := make([]float64, len(c.Sentences))
	mul := func(y, x []float64) { // symmetric: W = Wᵀ
		g1.mul(y, x, false)
		g2.mul(tmp, x, false)
		for i := range y {
			y[i] = (y[i] + tmp[i]) / 2
		}
	}
	rank := pageRank(len(c.Sentences), mul, mul, r.Damping, r.Iterations, r.Tolerance)
	return newPicker(c, r.Select, b).ranked(rank)
}

// bm25 returns a sentence's query vector (term count × idf) and document vector
// (the BM25 term saturation), both sorted by term and not normalized.
func bm25(terms []int32, idf []float64, k1, b, rel float64) (q, d similarity.Vector) {
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	for i := 0; i < len(sorted); {
		t := sorted[i]
		j := i + 1
		for j < len(sorted) && sorted[j] == t {
			j++
		}
		f := float64(j - i)
		q.Terms = append(q.Terms, t)
		q.Weights = append(q.Weights, float32(f*idf[t]))
		d.Terms = append(d.Terms, t)
		d.Weights = append(d.Weights, float32(f*(k1+1)/(f+k1*(1-b+b*rel))))
		i = j
	}
	return q, d
}
