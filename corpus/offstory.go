package corpus

import "math"

// relatedness fills Relatedness and OffStory.
//
// A document's vector sums its sentences' term counts × SentenceIDF; its
// relatedness is the cosine of its unit vector with the sum of the other
// documents' unit vectors (each document counts once, whatever its length).
// The most related document (the longer on ties, so that of two documents the
// longer is the story) anchors the story and is never off-story. Another is
// off-story when its relatedness is below Options.OffStory and below half the
// anchor's: an absolute floor, so that copies of one wire story, which relate
// to each other far more than to a reporter's own article, do not push that
// article out; and a relative one, so that a story whose documents all share
// little (a collection of posts) keeps them. Of two documents, whose
// relatedness is the same, the shorter is off-story below half the floor: with
// no third document to say which one is the outlier, it takes stronger evidence.
func (c *Corpus) relatedness() {
	n := len(c.Docs)
	c.Relatedness = make([]float64, n)
	c.OffStory = make([]bool, n)
	if n < 2 {
		return
	}
	// Each document's unit vector, sparse: its terms in order of first use and
	// their weights; dense holds the weights of the document being read, sum
	// the sum of the unit vectors.
	type doc struct {
		terms   []int32
		weights []float64
	}
	vecs := make([]doc, n)
	words := make([]int, n)
	dense := make([]float64, len(c.Vocab))
	sum := make([]float64, len(c.Vocab))
	for d := range c.Docs {
		var v doc
		first, end := c.DocSentences(d)
		for i := first; i < end; i++ {
			words[d] += c.Words[i]
			for _, t := range c.Terms[i] {
				if dense[t] == 0 {
					v.terms = append(v.terms, t)
				}
				dense[t] += c.SentenceIDF[t]
			}
		}
		norm := 0.0
		for _, t := range v.terms {
			norm += dense[t] * dense[t]
		}
		norm = math.Sqrt(norm)
		v.weights = make([]float64, len(v.terms))
		for k, t := range v.terms {
			v.weights[k] = dense[t] / norm
			sum[t] += v.weights[k]
			dense[t] = 0
		}
		vecs[d] = v
	}
	sumNorm := 0.0
	for _, x := range sum {
		sumNorm += x * x
	}
	anchor, texts := -1, 0
	for d, v := range vecs {
		if len(v.terms) == 0 {
			continue
		}
		texts++
		// cos(v, sum − v), sum − v being the other documents' vectors, from v·sum
		// and |v| = 1 alone: v·(sum − v) = v·sum − 1, |sum − v|² = |sum|² − 2 v·sum + 1.
		dot := 0.0
		for k, t := range v.terms {
			dot += v.weights[k] * sum[t]
		}
		if norm := sumNorm - 2*dot + 1; norm > 1e-12 {
			c.Relatedness[d] = max(0, min(1, (dot-1)/math.Sqrt(norm)))
		}
		if r := c.Relatedness[d]; anchor < 0 || r > c.Relatedness[anchor]+1e-9 ||
			r > c.Relatedness[anchor]-1e-9 && words[d] > words[anchor] {
			anchor = d
		}
	}
	if anchor < 0 || c.opts.OffStory <= 0 {
		return
	}
	limit := min(c.opts.OffStory, relativeOffStory*c.Relatedness[anchor])
	if texts == 2 {
		limit = c.opts.OffStory / 2 // no third document to tell which is the outlier
	}
	for d, v := range vecs {
		c.OffStory[d] = d != anchor && len(v.terms) > 0 && c.Relatedness[d] < limit
	}
}

// relativeOffStory is the share of the anchor's relatedness below which a
// document may be off-story.
const relativeOffStory = 0.5
