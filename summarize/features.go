package summarize

import (
	"math"

	"github.com/precis-news/precis/corpus"
)

// FeatureNames names the sentence features of Features, in order.
var FeatureNames = []string{"first", "lead", "rest", "centroid", "concepts", "support", "document", "length"}

// Features returns, for every sentence of c, the features the Linear summarizer
// weighs, each between 0 and 1 within the story (see FeatureNames):
//
//   - first: 1 for the first sentence of its document that sel allows, else 0;
//   - lead: 1/(1+r), r the sentence's rank among its document's allowed sentences;
//   - rest: 1 − r/n, n the number of its document's allowed sentences;
//   - centroid: the MEAD centroid weight of its distinct terms (see Centroid), over the story's best;
//   - concepts: the weight of its bigram concepts per word (see Concepts), over the story's best;
//   - support: (documents that carry it − 1) / (documents − 1), 0 for a single document;
//   - document: its document's mean cosine with the other documents, over the best document's
//     (1 for a single document): low for a page that is off the story;
//   - length: its words / 40, at most 1.
//
// Sentences sel does not allow have all features 0.
func Features(c *corpus.Corpus, sel Selection) [][]float64 {
	n := len(c.Sentences)
	out := make([][]float64, n)
	flat := make([]float64, n*len(FeatureNames))
	for i := range out {
		out[i] = flat[i*len(FeatureNames) : (i+1)*len(FeatureNames) : (i+1)*len(FeatureNames)]
	}
	allowed := make([]bool, n)
	for i := range allowed {
		allowed[i] = sel.Standalone(c, i) > 0
	}

	cw := centroid(c, 100)
	cent := make([]float64, n)
	concepts, weight := bigramConcepts(c, 0)
	dens := make([]float64, n)
	maxCent, maxDens := 0.0, 0.0
	for i := range n {
		if !allowed[i] {
			continue
		}
		for _, t := range c.Vectors[i].Terms {
			cent[i] += cw[t]
		}
		for _, k := range concepts[i] {
			dens[i] += weight[k]
		}
		dens[i] /= float64(max(c.Words[i], 1))
		maxCent, maxDens = max(maxCent, cent[i]), max(maxDens, dens[i])
	}
	docSim := documentSimilarity(c)

	for d := range c.Docs {
		first, end := c.DocSentences(d)
		total := 0
		for i := first; i < end; i++ {
			if allowed[i] {
				total++
			}
		}
		r := 0
		for i := first; i < end; i++ {
			if !allowed[i] {
				continue
			}
			f := out[i]
			if r == 0 {
				f[0] = 1
			}
			f[1] = 1 / float64(1+r)
			f[2] = 1 - float64(r)/float64(total)
			if maxCent > 0 {
				f[3] = cent[i] / maxCent
			}
			if maxDens > 0 {
				f[4] = dens[i] / maxDens
			}
			if len(c.Docs) > 1 {
				f[5] = float64(c.Support[i]-1) / float64(len(c.Docs)-1)
			}
			f[6] = docSim[d]
			f[7] = min(float64(c.Words[i])/40, 1)
			r++
		}
	}
	return out
}

// documentSimilarity returns each document's mean cosine with the other documents
// (sums of their sentences' TF-IDF vectors), over the best document's; 1 for a
// story of one document.
func documentSimilarity(c *corpus.Corpus) []float64 {
	nd := len(c.Docs)
	out := make([]float64, nd)
	if nd < 2 {
		for d := range out {
			out[d] = 1
		}
		return out
	}
	vecs := make([]map[int32]float64, nd)
	norms := make([]float64, nd)
	for d := range vecs {
		v := map[int32]float64{}
		first, end := c.DocSentences(d)
		for i := first; i < end; i++ {
			for k, t := range c.Vectors[i].Terms {
				v[t] += float64(c.Vectors[i].Weights[k])
			}
		}
		for _, w := range v {
			norms[d] += w * w
		}
		norms[d] = math.Sqrt(norms[d])
		vecs[d] = v
	}
	best := 0.0
	for a := range nd {
		for b := a + 1; b < nd; b++ {
			if norms[a] == 0 || norms[b] == 0 {
				continue
			}
			small, large := vecs[a], vecs[b]
			if len(small) > len(large) {
				small, large = large, small
			}
			dot := 0.0
			for t, w := range small {
				dot += w * large[t]
			}
			cos := dot / (norms[a] * norms[b])
			out[a] += cos / float64(nd-1)
			out[b] += cos / float64(nd-1)
		}
	}
	for _, s := range out {
		best = max(best, s)
	}
	if best > 0 {
		for d := range out {
			out[d] /= best
		}
	}
	return out
}

// Linear scores each sentence by a weighted sum of its Features and fills the
// summary with the best-scoring sentences, skipping those that do not fit or repeat
// the summary (Selection.Redundancy and Novelty).
type Linear struct {
	// Weights are the features' weights, in the order of FeatureNames.
	Weights []float64
	// Prior, when true, multiplies the score by the selection's prior.
	Prior  bool
	Select Selection
}

// Summarize implements Summarizer.
func (m Linear) Summarize(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, m.Select, b)
	feats := Features(c, m.Select)
	score := make([]float64, len(c.Sentences))
	for i, f := range feats {
		for k, w := range m.Weights {
			if k < len(f) {
				score[i] += w * f[k]
			}
		}
	}
	if m.Prior {
		return p.ranked(score)
	}
	return p.rankedBy(score)
}
