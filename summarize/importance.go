package summarize

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/token"
)

// TermFeatureNames names the term features of TermFeatures, in order.
var TermFeatureNames = []string{"documents", "earliest", "position", "frequency", "specificity", "title", "capitalized"}

// TermFeatures returns, for every term of c (indexed like c.Vocab), the features
// that predict whether a summary written by a person uses it, each between 0 and 1
// (see TermFeatureNames). Only sentences sel allows count; terms they lack have all
// features 0.
//
//   - documents: the share of documents that use the term;
//   - earliest: 1/(1+r), r the earliest rank (among its document's allowed
//     sentences) of a sentence using it, in any document;
//   - position: the mean over all documents of 1/(1+r) for the document's first
//     sentence using it (0 in a document that does not);
//   - frequency: log(1+count)/log(1+the story's largest count);
//   - specificity: SentenceIDF over the story's largest;
//   - title: the share of documents whose title uses it;
//   - capitalized: the share of its uses written with a capital letter, the first
//     word of a sentence left out (names of people, places, organisations).
func TermFeatures(c *corpus.Corpus, sel Selection) [][]float64 {
	nt, nd := len(c.Vocab), len(c.Docs)
	dim := len(TermFeatureNames)
	out := make([][]float64, nt)
	flat := make([]float64, nt*dim)
	for t := range out {
		out[t] = flat[t*dim : (t+1)*dim : (t+1)*dim]
	}
	count := make([]float64, nt)
	docs := make([]float64, nt)
	earliest := make([]float64, nt)
	posSum := make([]float64, nt)
	caps, uses := make([]float64, nt), make([]float64, nt)
	seen := make([]int, nt) // 1 + the last document that used the term
	ids := make(map[string]int32, nt)
	for t, s := range c.Vocab {
		ids[s] = int32(t)
	}
	for d := range c.Docs {
		first, end := c.DocSentences(d)
		r := 0
		for i := first; i < end; i++ {
			if sel.Standalone(c, i) == 0 {
				continue
			}
			lead := 1 / float64(1+r)
			for _, t := range c.Terms[i] {
				count[t]++
				if seen[t] != d+1 {
					seen[t] = d + 1
					docs[t]++
					posSum[t] += lead
					earliest[t] = max(earliest[t], lead)
				}
			}
			for k, tok := range c.Sentences[i].Tokens {
				if !tok.IsContent() {
					continue
				}
				t, ok := ids[tok.Stem]
				if !ok {
					continue
				}
				if k > 0 {
					uses[t]++
					if r, _ := utf8.DecodeRuneInString(tok.Text); unicode.IsUpper(r) {
						caps[t]++
					}
				}
			}
			r++
		}
	}
	title := make([]float64, nt)
	for _, doc := range c.Docs {
		if doc.Title == "" {
			continue
		}
		var in []int32
		for _, tok := range token.Tokenize(doc.Title, precis.Span{Start: 0, End: len(doc.Title)}) {
			if t, ok := ids[tok.Stem]; ok && tok.IsContent() && !slices.Contains(in, t) {
				in = append(in, t)
				title[t]++
			}
		}
	}
	maxCount, maxIDF := 0.0, 0.0
	for t := range nt {
		if count[t] > 0 {
			maxCount = max(maxCount, count[t])
			maxIDF = max(maxIDF, c.SentenceIDF[t])
		}
	}
	for t := range nt {
		if count[t] == 0 {
			continue
		}
		f := out[t]
		f[0] = docs[t] / float64(nd)
		f[1] = earliest[t]
		f[2] = posSum[t] / float64(nd)
		f[3] = math.Log1p(count[t]) / math.Log1p(maxCount)
		if maxIDF > 0 {
			f[4] = c.SentenceIDF[t] / maxIDF
		}
		f[5] = title[t] / float64(nd)
		if uses[t] > 0 {
			f[6] = caps[t] / uses[t]
		}
	}
	return out
}

// Importance predicts how likely a person's summary is to use each term of the
// story, by logistic regression over TermFeatures, and chooses the sentences that
// cover the most predicted importance: greedily, the sentence whose new terms add
// the most importance × its prior / words^LengthExponent, skipping sentences that
// do not fit or repeat the summary. Word importance learned from where and how
// often words occur follows Hong and Nenkova ("Improving the estimation of word
// importance for news multi-document summarization", EACL 2014); the weights here
// are learned on Multi-News with cross-validation (docs/evaluation.md).
type Importance struct {
	// Weights are the logistic regression's weights, in the order of
	// TermFeatureNames, then the intercept.
	Weights []float64
	// LengthExponent is r in the greedy's gain / words^r.
	LengthExponent float64
	Select         Selection
}

// DefaultImportance returns the weights learned on Multi-News (docs/evaluation.md).
func DefaultImportance() Importance {
	sel := DefaultSelection()
	sel.Position = 2
	return Importance{
		Weights:        []float64{0.7373, 0.9069, 0.6768, 1.5995, -1.9631, 0.0948, -0.0504, -0.8056},
		LengthExponent: 0.3,
		Select:         sel,
	}
}

// TermWeights returns the predicted importance of every term of c.
func (m Importance) TermWeights(c *corpus.Corpus) []float64 {
	feats := TermFeatures(c, m.Select)
	w := make([]float64, len(feats))
	for t, f := range feats {
		if f[0] == 0 {
			continue
		}
		z := 0.0
		for k, x := range f {
			if k < len(m.Weights) {
				z += m.Weights[k] * x
			}
		}
		if len(m.Weights) > len(f) {
			z += m.Weights[len(f)]
		}
		w[t] = 1 / (1 + math.Exp(-z))
	}
	return w
}

// Summarize implements Summarizer.
func (m Importance) Summarize(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, m.Select, b)
	weight := m.TermWeights(c)
	covered := make([]bool, len(weight))
	distinct := make([][]int32, len(c.Sentences))
	for i, ts := range c.Terms {
		for _, t := range ts {
			if !slices.Contains(distinct[i], t) {
				distinct[i] = append(distinct[i], t)
			}
		}
	}
	for !p.full() {
		best, bestScore := -1, 0.0
		for i := range c.Sentences {
			if p.prior[i] == 0 || !p.ok(i) {
				continue
			}
			g := 0.0
			for _, t := range distinct[i] {
				if !covered[t] {
					g += weight[t]
				}
			}
			if s := g * p.prior[i] / math.Pow(float64(c.Words[i]), m.LengthExponent); s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		p.add(best)
		for _, t := range distinct[best] {
			covered[t] = true
		}
	}
	return order(c, p.chosen, p.allowed)
}
