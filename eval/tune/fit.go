package main

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/rouge"
	"github.com/precis-news/precis/summarize"
)

// recorder is a summarizer that keeps the corpus the engine built and chooses nothing.
type recorder struct{ c **corpus.Corpus }

func (r recorder) Summarize(c *corpus.Corpus, b summarize.Budget) []int {
	*r.c = c
	return nil
}

// sample is one cluster's training data: the features and target of each allowed sentence.
type sample struct {
	x [][]float64
	y []float64
}

// samples builds the training data of every cluster: the corpus exactly as engine.Brief
// builds it, the features of summarize.Features, and as target each sentence's bigram
// hits against the references (ROUGE's tokens and stems) per word.
func samples(ds *dataset.Dataset, sel summarize.Selection) ([]sample, error) {
	out := make([]sample, len(ds.Clusters))
	for k, cl := range ds.Clusters {
		var c *corpus.Corpus
		if _, err := engine.Brief(context.Background(), cl.Docs, engine.Config{Summarizer: recorder{&c}, Words: 250}); err != nil {
			return nil, fmt.Errorf("%s: %w", cl.ID, err)
		}
		ref := map[[2]string]int{}
		for _, r := range cl.Refs {
			toks := rougeTokens(r.Text)
			for i := 1; i < len(toks); i++ {
				ref[[2]string{toks[i-1], toks[i]}]++
			}
		}
		feats := summarize.Features(c, sel)
		var picked map[int]bool
		if oracleTarget {
			var bs [][2]string
			for _, r := range cl.Refs {
				toks := rougeTokens(r.Text)
				for i := 1; i < len(toks); i++ {
					bs = append(bs, [2]string{toks[i-1], toks[i]})
				}
			}
			picked = map[int]bool{}
			o := oracleSummarizer{refs: map[string][][2]string{cl.Docs[0].Text: bs}}
			for _, i := range o.Summarize(c, summarize.Budget{Words: 250}) {
				picked[i] = true
			}
		}
		for i, s := range c.Sentences {
			if sel.Standalone(c, i) == 0 {
				continue
			}
			toks := rougeTokens(s.Text)
			seen := map[[2]string]int{}
			hits := 0
			for j := 1; j < len(toks); j++ {
				b := [2]string{toks[j-1], toks[j]}
				seen[b]++
				if seen[b] <= ref[b] {
					hits++
				}
			}
			out[k].x = append(out[k].x, feats[i])
			y := float64(hits) / float64(max(c.Words[i], 1))
			if oracleTarget {
				y = 0
				if picked[i] {
					y = 1
				}
			}
			out[k].y = append(out[k].y, y)
		}
	}
	return out, nil
}

// rougeTokens splits text as ROUGE-1.5.5 does (ASCII letters and digits, lower case) and
// stems as its -m does.
func rougeTokens(text string) []string {
	var out []string
	for f := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		out = append(out, rouge.Stem(f))
	}
	return out
}

// fit solves ridge regression over the clusters picked by use, each cluster centred
// (features and target) and its target scaled to unit variance, so that each cluster's
// ranking counts alike; lambda is the ridge penalty per cluster.
func fit(data []sample, use func(k int) bool, lambda float64) []float64 {
	dim := len(summarize.FeatureNames)
	a := make([][]float64, dim)
	for i := range a {
		a[i] = make([]float64, dim+1)
	}
	clusters := 0
	for k, s := range data {
		if !use(k) || len(s.y) < 2 {
			continue
		}
		clusters++
		n := float64(len(s.y))
		mx := make([]float64, dim)
		my := 0.0
		for i := range s.y {
			for j := range dim {
				mx[j] += s.x[i][j] / n
			}
			my += s.y[i] / n
		}
		sd := 0.0
		for _, y := range s.y {
			sd += (y - my) * (y - my) / n
		}
		sd = math.Sqrt(sd)
		if sd == 0 {
			continue
		}
		for i := range s.y {
			y := (s.y[i] - my) / sd
			for p := range dim {
				xp := s.x[i][p] - mx[p]
				for q := range dim {
					a[p][q] += xp * (s.x[i][q] - mx[q]) / n
				}
				a[p][dim] += xp * y / n
			}
		}
	}
	for p := range dim {
		a[p][p] += lambda * float64(clusters)
	}
	return solve(a)
}

// solve solves the linear system of the augmented matrix a by Gaussian elimination with
// partial pivoting.
func solve(a [][]float64) []float64 {
	n := len(a)
	for col := range n {
		piv := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[piv][col]) {
				piv = r
			}
		}
		a[col], a[piv] = a[piv], a[col]
		if a[col][col] == 0 {
			continue
		}
		for r := range n {
			if r == col {
				continue
			}
			f := a[r][col] / a[col][col]
			for k := col; k <= n; k++ {
				a[r][k] -= f * a[col][k]
			}
		}
	}
	w := make([]float64, n)
	for i := range n {
		if a[i][i] != 0 {
			w[i] = a[i][n] / a[i][i]
		}
	}
	return w
}

func formatWeights(w []float64) string {
	parts := make([]string, len(w))
	for k, v := range w {
		parts[k] = fmt.Sprintf("%s=%.3f", summarize.FeatureNames[k], v)
	}
	return strings.Join(parts, " ")
}

func weightSpec(w []float64) string {
	parts := make([]string, len(w))
	for k, v := range w {
		parts[k] = fmt.Sprintf("%.4f", v)
	}
	return strings.Join(parts, ";")
}

// termSamples builds, per cluster, the term features of summarize.TermFeatures and as
// label whether the references use the term (by ROUGE's stems of its written forms).
func termSamples(ds *dataset.Dataset, sel summarize.Selection) ([]sample, error) {
	out := make([]sample, len(ds.Clusters))
	for k, cl := range ds.Clusters {
		var c *corpus.Corpus
		if _, err := engine.Brief(context.Background(), cl.Docs, engine.Config{Summarizer: recorder{&c}, Words: 250}); err != nil {
			return nil, fmt.Errorf("%s: %w", cl.ID, err)
		}
		ref := map[string]bool{}
		for _, r := range cl.Refs {
			for _, t := range rougeTokens(r.Text) {
				ref[t] = true
			}
		}
		ids := make(map[string]int, len(c.Vocab))
		for t, s := range c.Vocab {
			ids[s] = t
		}
		used := make([]bool, len(c.Vocab))
		for _, s := range c.Sentences {
			for _, tok := range s.Tokens {
				if t, ok := ids[tok.Stem]; ok && tok.IsContent() && !used[t] {
					for _, rt := range rougeTokens(tok.Lower) {
						if ref[rt] {
							used[t] = true
						}
					}
				}
			}
		}
		for t, f := range summarize.TermFeatures(c, sel) {
			if f[0] == 0 {
				continue
			}
			out[k].x = append(out[k].x, append(append([]float64(nil), f...), 1))
			y := 0.0
			if used[t] {
				y = 1
			}
			out[k].y = append(out[k].y, y)
		}
	}
	return out, nil
}

// fitLogistic fits L2-regularized logistic regression (the intercept unpenalized) by
// Newton's method over the clusters picked by use, each cluster weighing as much as any
// other; lambda is the penalty per cluster.
func fitLogistic(data []sample, use func(k int) bool, lambda float64) []float64 {
	dim := len(data[0].x[0])
	w := make([]float64, dim)
	for iter := 0; iter < 30; iter++ {
		a := make([][]float64, dim)
		for i := range a {
			a[i] = make([]float64, dim+1)
		}
		clusters := 0.0
		for k, s := range data {
			if !use(k) || len(s.y) == 0 {
				continue
			}
			clusters++
			cw := 1 / float64(len(s.y))
			for i, x := range s.x {
				z := 0.0
				for j := range dim {
					z += w[j] * x[j]
				}
				p := 1 / (1 + math.Exp(-z))
				h := cw * p * (1 - p)
				for q := range dim {
					for r := range dim {
						a[q][r] += h * x[q] * x[r]
					}
					a[q][dim] += cw * (s.y[i] - p) * x[q]
				}
			}
		}
		for q := range dim - 1 {
			a[q][q] += lambda * clusters
			a[q][dim] -= lambda * clusters * w[q]
		}
		step := solve(a)
		change := 0.0
		for j := range dim {
			w[j] += step[j]
			change = max(change, math.Abs(step[j]))
		}
		if change < 1e-8 {
			break
		}
	}
	return w
}

func formatTermWeights(w []float64) string {
	parts := make([]string, len(w))
	for k, v := range w {
		name := "intercept"
		if k < len(summarize.TermFeatureNames) {
			name = summarize.TermFeatureNames[k]
		}
		parts[k] = fmt.Sprintf("%s=%.3f", name, v)
	}
	return strings.Join(parts, " ")
}
