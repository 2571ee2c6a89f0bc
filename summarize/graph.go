package summarize

import (
	"math"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// lowRank is a sentence graph whose weight matrix is W = A·Bᵀ − diag, A and B
// sparse sentence × term matrices (rows of A and B are sentences), optionally
// with edges inside one document scaled by same. Such a graph is never built:
// W·x = A·(Bᵀ·x) costs O(nnz) instead of O(S²), so graph ranking over every pair
// of sentences stays linear in the size of the story.
type lowRank struct {
	c    *corpus.Corpus
	a, b []similarity.Vector
	same float64 // weight of edges between sentences of one document (1: no change)
	diag []float64
	tmp  similarity.Dense
}

func newLowRank(c *corpus.Corpus, a, b []similarity.Vector, same float64) *lowRank {
	g := &lowRank{c: c, a: a, b: b, same: same, diag: make([]float64, len(a)), tmp: make(similarity.Dense, len(c.Vocab))}
	for i := range a {
		g.diag[i] = similarity.Dot(a[i], b[i])
	}
	return g
}

// mul sets y = W·x, where W = A·Bᵀ with its diagonal removed and same-document
// blocks scaled by same. transpose multiplies by Wᵀ = B·Aᵀ instead.
func (g *lowRank) mul(y, x []float64, transpose bool) {
	a, b := g.a, g.b
	if transpose {
		a, b = b, a
	}
	g.spread(y, a, b, x, 0, len(x), 1)
	if g.same != 1 {
		for d := range g.c.Docs {
			first, end := g.c.DocSentences(d)
			g.spread(y, a, b, x, first, end, g.same-1)
		}
	}
	for i := range y {
		y[i] -= g.same * g.diag[i] * x[i]
	}
}

// spread adds f × A[first:end]·(B[first:end]ᵀ·x[first:end]) to y[first:end]
// (it sets y when f is 1 over the whole range).
func (g *lowRank) spread(y []float64, a, b []similarity.Vector, x []float64, first, end int, f float64) {
	clear(g.tmp)
	for j := first; j < end; j++ {
		if x[j] != 0 {
			g.tmp.Add(b[j], x[j])
		}
	}
	whole := first == 0 && end == len(x) && f == 1
	for i := first; i < end; i++ {
		v := f * g.tmp.Dot(a[i])
		if whole {
			y[i] = v
		} else {
			y[i] += v
		}
	}
}

// pageRank returns the stationary distribution of the random walk on g.
func (g *lowRank) pageRank(damping float64, iterations int, tolerance float64) []float64 {
	return pageRank(len(g.a),
		func(y, x []float64) { g.mul(y, x, false) },
		func(y, x []float64) { g.mul(y, x, true) },
		damping, iterations, tolerance)
}

// pageRank returns the stationary distribution of the random walk on the graph
// of n nodes whose weight matrix W is applied by mul (y = W·x) and mulT (y = Wᵀ·x):
// the walk follows an edge with probability damping, chosen by weight, and jumps
// to a random node otherwise. Nodes without edges only receive jumps.
func pageRank(n int, mul, mulT func(y, x []float64), damping float64, iterations int, tolerance float64) []float64 {
	if n == 0 {
		return nil
	}
	deg := make([]float64, n)
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	mul(deg, ones) // out-weight of each node: W·1
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	q := make([]float64, n)
	next := make([]float64, n)
	for it := 0; it < iterations; it++ {
		dangling := 0.0
		for i := range q {
			if deg[i] > 1e-12 {
				q[i] = p[i] / deg[i]
			} else {
				q[i] = 0
				dangling += p[i]
			}
		}
		mulT(next, q) // Wᵀ·(p / deg)
		delta := 0.0
		for i := range next {
			next[i] = (1-damping)/float64(n) + damping*(next[i]+dangling/float64(n))
			delta += math.Abs(next[i] - p[i])
		}
		p, next = next, p
		if delta < tolerance {
			break
		}
	}
	return p
}
