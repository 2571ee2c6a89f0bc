package summarize

import (
	"cmp"
	"math"
	"slices"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// Selection holds what every algorithm shares: which sentences may be chosen,
// how much a sentence gains from being carried by several documents or loses
// from not standing alone, and when a sentence repeats the summary.
type Selection struct {
	// MinWords and MaxWords bound the length of a chosen sentence: shorter ones
	// are captions, labels and fragments; longer ones are run-ons the splitter missed.
	MinWords, MaxWords int
	// Redundancy is the cosine with a chosen sentence at or above which a sentence
	// says the same thing and is never chosen.
	Redundancy float64
	// Novelty is the least share (0..1) of a sentence's squared TF-IDF weight that
	// the summary must not already cover for the sentence to be chosen.
	Novelty float64
	// Support is how much a sentence gains from being carried by other documents:
	// its prior is multiplied by 1 + Support × (documents carrying it − 1) / (documents − 1).
	Support float64
	// Dependent multiplies the prior of a sentence that cannot stand alone, once
	// for each kind of flaw it has (see Flaws): an opening connective or anaphor
	// ("But", "He said", "The official said"), a quotation that does not say who
	// speaks, a question, a fragment, a caption. A sentence whose flaw the sentence
	// before it mends (Mendable) gets its prior back once that one is chosen.
	Dependent float64
	// Quotation multiplies the prior of a sentence that opens with a quotation mark:
	// a quote reads less well as a summary's statement than reported speech.
	Quotation float64
	// Position is the lead bias of news: the prior of the sentence of rank r among its
	// document's allowed sentences (from 0) is multiplied by (1 + r)^−Position.
	// 0 leaves position out.
	Position float64
	// OffStory multiplies the prior of the sentences of a document that seems not
	// to be about the story (corpus.Corpus.OffStory): small, so that they are
	// chosen only when nothing else is left. Lead (and Concepts.Fill) take them
	// after every other document's when it is below 1. 1 ignores off-story documents.
	OffStory float64
	// Lead is the number of leading sentences of each document that Position
	// does not discount: the prior of the sentence of rank r is multiplied by
	// (1 + max(0, r − Lead))^−Position. News states its facts in its first
	// paragraphs, not in its first sentence alone.
	Lead int
}

// DefaultSelection returns the shared defaults.
func DefaultSelection() Selection {
	return Selection{MinWords: 8, MaxWords: 55, Redundancy: 0.3, Novelty: 0.3, Support: 2, Dependent: 0.25, Quotation: 0.8, OffStory: 0.05}
}

// prior returns, per sentence, Standalone × the support factor: the weight every
// algorithm multiplies its own score or gain by. Zero means never chosen.
// When no sentence qualifies, every sentence with content gets 1, so that text
// without the usual punctuation still yields a summary.
func (s Selection) prior(c *corpus.Corpus) []float64 {
	p, _ := s.priorFlaws(c)
	return p
}

// priorFlaws returns prior and each sentence's Flaws.
func (s Selection) priorFlaws(c *corpus.Corpus) ([]float64, []Flaw) {
	p, flaws, _ := s.priorParts(c)
	return p, flaws
}

// priorParts returns prior, each sentence's Flaws, and the prior without the
// penalties of the flaws (see standaloneParts).
func (s Selection) priorParts(c *corpus.Corpus) ([]float64, []Flaw, []float64) {
	p := make([]float64, len(c.Sentences))
	flaws := make([]Flaw, len(c.Sentences))
	base := make([]float64, len(c.Sentences))
	any := false
	n := len(c.Docs)
	for i := range p {
		p[i], flaws[i], base[i] = s.standaloneParts(c, i)
		if base[i] > 0 && n > 1 {
			f := 1 + s.Support*float64(c.Support[i]-1)/float64(n-1)
			if c.OffStory[c.Sentences[i].Doc] {
				f *= s.OffStory
			}
			p[i] *= f
			base[i] *= f
		}
		any = any || p[i] > 0
	}
	if s.Position != 0 {
		for d := range c.Docs {
			first, end := c.DocSentences(d)
			r := 0
			for i := first; i < end; i++ {
				if base[i] > 0 {
					f := math.Pow(float64(1+max(0, r-s.Lead)), -s.Position)
					p[i] *= f
					base[i] *= f
					r++
				}
			}
		}
	}
	if !any {
		for i := range p {
			if len(c.Terms[i]) > 0 {
				p[i], base[i] = 1, 1
			}
		}
	}
	return p, flaws, base
}

// picker builds a summary one sentence at a time, refusing sentences that do not
// fit the budget, are not allowed by their prior, or repeat the summary.
type picker struct {
	c       *corpus.Corpus
	sel     Selection
	b       Budget
	prior   []float64
	flaws   []Flaw    // flaws[i]: why sentence i cannot stand alone
	mended  []float64 // mended[i]: prior[i] without the penalty of an opening connective or anaphor
	base    []float64 // base[i]: prior[i] without the penalties of its flaws
	in      []bool    // in[i]: sentence i is chosen
	chosen  []int
	words   int
	covered []bool // covered[t]: a chosen sentence has term t
	minW    int    // the fewest words of an allowed sentence
}

func newPicker(c *corpus.Corpus, sel Selection, b Budget) *picker {
	p := &picker{c: c, sel: sel, b: b, covered: make([]bool, len(c.Vocab)), minW: 1 << 30}
	p.prior, p.flaws, p.base = sel.priorParts(c)
	p.mended = slices.Clone(p.prior)
	p.in = make([]bool, len(c.Sentences))
	for i, x := range p.prior {
		if x > 0 {
			p.minW = min(p.minW, c.Words[i])
			for f := p.flaws[i] & Mendable; f != 0 && sel.Dependent > 0; f &= f - 1 {
				p.mended[i] /= sel.Dependent
			}
		}
	}
	return p
}

// follows reports whether sentence i comes right after sentence i−1 in the same
// document and opens with a connective or an anaphor that i−1 may resolve.
func (p *picker) follows(i int) bool {
	return i > 0 && p.flaws[i]&Mendable != 0 && p.c.Sentences[i-1].Doc == p.c.Sentences[i].Doc
}

// weight returns the prior of sentence i given the summary so far: a sentence
// that opens with a connective or an anaphor loses its penalty once the sentence
// before it in its document is chosen, since Order then places it right after.
func (p *picker) weight(i int) float64 {
	if p.follows(i) && p.in[i-1] {
		return p.mended[i]
	}
	return p.prior[i]
}

// allowed reports whether the prior allows sentence i at all.
func (p *picker) allowed(i int) bool { return p.prior[i] > 0 }

// full reports whether no allowed sentence can fit any more.
func (p *picker) full() bool { return !p.b.fits(p.words, len(p.chosen), p.minW) }

// fits reports whether sentence i fits what is left of the budget.
func (p *picker) fits(i int) bool { return p.b.fits(p.words, len(p.chosen), p.c.Words[i]) }

// ok reports whether sentence i may join the summary now: allowed, fitting, new.
func (p *picker) ok(i int) bool {
	return p.prior[i] > 0 && p.fits(i) && !p.redundant(i)
}

// redundant reports whether sentence i says what the summary already says.
func (p *picker) redundant(i int) bool {
	v := p.c.Vectors[i]
	for _, j := range p.chosen {
		if j == i || similarity.Dot(v, p.c.Vectors[j]) >= p.sel.Redundancy {
			return true
		}
	}
	if p.sel.Novelty > 0 && len(p.chosen) > 0 {
		fresh := 0.0
		for k, t := range v.Terms {
			if !p.covered[t] {
				fresh += float64(v.Weights[k]) * float64(v.Weights[k])
			}
		}
		if fresh < p.sel.Novelty {
			return true
		}
	}
	return false
}

func (p *picker) add(i int) {
	p.chosen = append(p.chosen, i)
	p.in[i] = true
	p.words += p.c.Words[i]
	for _, t := range p.c.Vectors[i].Terms {
		p.covered[t] = true
	}
}

// ranked fills the summary from the allowed sentences ranked by score × prior,
// best first (the earlier sentence on ties), skipping those that do not fit or
// repeat the summary, and returns it in reading order. When a sentence is chosen,
// the next one in its document, if it opens with a connective or an anaphor, is
// ranked again by its mended prior (see weight).
func (p *picker) ranked(score []float64) []int {
	type cand struct {
		i int
		s float64
	}
	better := func(a, b cand) int {
		if c := cmp.Compare(b.s, a.s); c != 0 {
			return c
		}
		return a.i - b.i
	}
	cands := make([]cand, 0, len(score))
	for i, s := range score {
		if p.prior[i] > 0 {
			cands = append(cands, cand{i, s * p.prior[i]})
		}
	}
	slices.SortFunc(cands, better)
	var promoted []cand // sentences whose prior was mended, best first
	for x := 0; !p.full(); {
		var next cand
		switch {
		case len(promoted) > 0 && (x >= len(cands) || better(promoted[0], cands[x]) <= 0):
			next, promoted = promoted[0], promoted[1:]
		case x < len(cands):
			next = cands[x]
			x++
		default:
			return order(p.c, p.chosen, p.allowed)
		}
		if p.in[next.i] || !p.ok(next.i) {
			continue
		}
		p.add(next.i)
		if j := next.i + 1; j < len(score) && p.prior[j] > 0 && !p.in[j] && p.follows(j) {
			c := cand{j, score[j] * p.mended[j]}
			k, _ := slices.BinarySearchFunc(promoted, c, better)
			promoted = slices.Insert(promoted, k, c)
		}
	}
	return order(p.c, p.chosen, p.allowed)
}

// documentOrder returns the documents by publication time, unknown times after
// known ones, the input order breaking ties.
func documentOrder(docs []precis.Document) []int {
	order := make([]int, len(docs))
	for d := range order {
		order[d] = d
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, tb := docs[a].Published, docs[b].Published
		switch {
		case ta.IsZero() && tb.IsZero():
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return ta.Compare(tb)
	})
	return order
}
