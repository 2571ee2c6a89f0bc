package summarize

import (
	"cmp"
	"math"
	"slices"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// Submodular maximizes coverage plus diversity, the objective of Lin and Bilmes
// ("A class of submodular functions for document summarization", ACL 2011):
//
//	F(S) = Σ_i min(C_i(S), α·C_i(V)) + Diversity × Σ_k sqrt(Σ_{j ∈ S ∩ P_k} r_j)
//
// where C_i(S) = Σ_{j∈S} cos(i, j) is how well the summary S covers sentence i,
// α = Saturation / N saturates that coverage, the P_k are the clusters of a
// k-medoids over the sentences, and r_j is sentence j's mean similarity
// to the others. Sentences are added greedily by gain × prior / words^LengthExponent,
// and the result is compared with the best single sentence, as in the paper
// (whose guarantee is 1 − 1/√e of the optimum for the budgeted problem).
//
// The objective needs the similarity of every candidate with every sentence: on
// stories of more than Pool sentences both are restricted to the Pool sentences
// that the prior and the centroid rank best, so the cost is O(min(S, Pool)²·len)
// plus O(nnz) for the ranking.
type Submodular struct {
	// Saturation is a in α = a/N (5 in the paper): how many sentences' worth of
	// coverage of a sentence counts before it saturates.
	Saturation float64
	// Diversity is λ, the weight of the diversity reward (6 in the paper).
	Diversity float64
	// Clusters is the share of sentences (0..1) that sets the number of clusters (k-medoids).
	Clusters float64
	// LengthExponent is r in the cost-scaled greedy gain / words^r (0.3 in the paper).
	LengthExponent float64
	// Pool is the most sentences the objective is computed over.
	Pool   int
	Select Selection
}

// DefaultSubmodular returns the parameters the paper found best on DUC 2004.
func DefaultSubmodular() Submodular {
	return Submodular{Saturation: 5, Diversity: 6, Clusters: 0.2, LengthExponent: 0.3, Pool: 1000, Select: DefaultSelection()}
}

// Summarize implements Summarizer.
func (m Submodular) Summarize(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, m.Select, b)
	pool := candidatePool(c, p.prior, m.Pool)
	n := len(pool)
	if n == 0 {
		return nil
	}
	// w[x*n+y]: cosine of pool sentences x and y.
	w := make([]float32, n*n)
	for x := range pool {
		w[x*n+x] = 1
		for y := x + 1; y < n; y++ {
			s := float32(similarity.Dot(c.Vectors[pool[x]], c.Vectors[pool[y]]))
			w[x*n+y], w[y*n+x] = s, s
		}
	}
	limit := make([]float64, n) // α·C_i(V)
	reward := make([]float64, n)
	alpha := m.Saturation / float64(n)
	for x := range n {
		sum := 0.0
		for _, s := range w[x*n : x*n+n] {
			sum += float64(s)
		}
		limit[x] = alpha * sum
		reward[x] = sum / float64(n)
	}
	k := max(1, int(math.Round(m.Clusters*float64(n))))
	cluster := kmedoids(w, reward, n, k)
	cover := make([]float64, n) // C_i(S)
	mass := make([]float64, k)  // Σ r_j over chosen j of each cluster
	gain := func(y int) float64 {
		g := 0.0
		for x := range n {
			g += min(cover[x]+float64(w[x*n+y]), limit[x]) - min(cover[x], limit[x])
		}
		cl := cluster[y]
		g += m.Diversity * (math.Sqrt(mass[cl]+reward[y]) - math.Sqrt(mass[cl]))
		return g
	}
	for !p.full() {
		best, bestScore := -1, 0.0
		for y, i := range pool {
			if p.prior[i] == 0 || !p.ok(i) {
				continue
			}
			s := gain(y) * p.weight(i) / math.Pow(float64(c.Words[i]), m.LengthExponent)
			if best < 0 || s > bestScore {
				best, bestScore = y, s
			}
		}
		if best < 0 {
			break
		}
		p.add(pool[best])
		for x := range n {
			cover[x] += float64(w[x*n+best])
		}
		mass[cluster[best]] += reward[best]
	}
	// The best single sentence, when it alone is worth more than the greedy summary.
	value := func(set []int) float64 {
		clear(cover)
		clear(mass)
		for _, y := range set {
			for x := range n {
				cover[x] += float64(w[x*n+y])
			}
			mass[cluster[y]] += reward[y]
		}
		f := 0.0
		for x := range n {
			f += min(cover[x], limit[x])
		}
		for _, s := range mass {
			f += m.Diversity * math.Sqrt(s)
		}
		return f
	}
	at := make(map[int]int, n)
	for y, i := range pool {
		at[i] = y
	}
	var chosen []int
	for _, i := range p.chosen {
		chosen = append(chosen, at[i])
	}
	greedy := value(chosen)
	single, singleValue := -1, greedy
	for y, i := range pool {
		if p.prior[i] > 0 && b.fits(0, 0, c.Words[i]) {
			if v := value([]int{y}) * p.prior[i]; v > singleValue {
				single, singleValue = i, v
			}
		}
	}
	if single >= 0 {
		return []int{single}
	}
	return order(c, p.chosen, p.allowed)
}

// candidatePool returns the sentences allowed by the prior, all of them when they
// are at most size, else the size best by prior × similarity to the story's centroid.
func candidatePool(c *corpus.Corpus, prior []float64, size int) []int {
	var pool []int
	for i, x := range prior {
		if x > 0 {
			pool = append(pool, i)
		}
	}
	if size <= 0 || len(pool) <= size {
		return pool
	}
	center := make(similarity.Dense, len(c.Vocab))
	for _, v := range c.Vectors {
		center.Add(v, 1)
	}
	score := make([]float64, len(c.Sentences))
	for _, i := range pool {
		score[i] = center.Dot(c.Vectors[i]) * prior[i]
	}
	slices.SortFunc(pool, func(a, b int) int {
		if r := cmp.Compare(score[b], score[a]); r != 0 {
			return r
		}
		return a - b
	})
	pool = pool[:size]
	slices.Sort(pool)
	return pool
}

// kmedoids clusters the n pool sentences into k clusters by k-medoids over their
// similarity matrix w (n×n), seeded by farthest-first traversal from the most
// central sentence, and returns each sentence's cluster. Cost: O(n·k + n²) per round.
func kmedoids(w []float32, reward []float64, n, k int) []int {
	k = min(k, n)
	medoids := make([]int, 0, k)
	first := 0
	for x := range n {
		if reward[x] > reward[first] {
			first = x
		}
	}
	medoids = append(medoids, first)
	near := make([]float32, n) // best similarity to a medoid so far
	for x := range n {
		near[x] = w[x*n+first]
	}
	for len(medoids) < k {
		far := -1
		for x := range n {
			if far < 0 || near[x] < near[far] {
				far = x
			}
		}
		medoids = append(medoids, far)
		for x := range n {
			near[x] = max(near[x], w[x*n+far])
		}
	}
	assign := make([]int, n)
	for round := 0; round < 5; round++ {
		for x := range n {
			best := 0
			for m, y := range medoids {
				if w[x*n+y] > w[x*n+medoids[best]] {
					best = m
				}
			}
			assign[x] = best
		}
		changed := false
		for m := range medoids {
			best, bestSum := medoids[m], float32(-1)
			for x := range n {
				if assign[x] != m {
					continue
				}
				var sum float32
				for y := range n {
					if assign[y] == m {
						sum += w[x*n+y]
					}
				}
				if sum > bestSum {
					best, bestSum = x, sum
				}
			}
			if best != medoids[m] {
				medoids[m], changed = best, true
			}
		}
		if !changed {
			break
		}
	}
	return assign
}
