package summarize

import (
	"slices"

	"github.com/precis-news/precis/corpus"
)

// Lead takes the first sentences of the documents in turns: the first allowed
// sentence of each document (earliest published first), then the second, and so
// on, skipping sentences that repeat the summary or do not fit. It is the
// baseline every other algorithm must beat. Cost: O(S) for S sentences.
type Lead struct {
	Select Selection
}

// DefaultLead returns Lead with the default selection.
func DefaultLead() Lead { return Lead{Select: DefaultSelection()} }

// Summarize implements Summarizer.
func (l Lead) Summarize(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, l.Select, b)
	docs := documentOrder(c.Docs)
	p.fillFrom(docs)
	return order(c, p.chosen, p.allowed)
}

// fillLead adds the documents' leading sentences in turns, earliest published
// document first, while they fit and do not repeat the summary.
func (p *picker) fillLead() { p.fillFrom(documentOrder(p.c.Docs)) }

// fillStandAlone is fillLead without its last resorts: it takes only sentences
// that stand alone (or that the sentence just before them mends), never from
// off-story documents when OffStory is below 1.
func (p *picker) fillStandAlone() {
	docs := documentOrder(p.c.Docs)
	if p.sel.OffStory < 1 {
		docs = slices.DeleteFunc(docs, func(d int) bool { return p.c.OffStory[d] })
	}
	p.fillTurns(docs, true)
}

// fillFrom adds the leading allowed sentences of docs in turns: the first of each,
// then the second …, skipping those that do not fit or repeat the summary. A
// sentence with Flaws is passed over while a document has sentences that stand
// alone, unless it opens with a connective or anaphor and the sentence before it
// is in the summary (where it is placed, see Order); once no document has any
// left, the passed-over ones are taken in the same turns. Off-story documents
// (corpus.Corpus.OffStory) take their turns only after that, when
// Selection.OffStory is below 1.
func (p *picker) fillFrom(docs []int) {
	story := docs
	if p.sel.OffStory < 1 {
		story = slices.DeleteFunc(slices.Clone(docs), func(d int) bool { return p.c.OffStory[d] })
	}
	p.fillTurns(story, true)
	p.fillTurns(story, false)
	if len(story) < len(docs) {
		p.fillTurns(docs, false)
	}
}

// fillTurns is one pass of fillFrom; strict passes over flawed sentences.
func (p *picker) fillTurns(docs []int, strict bool) {
	c := p.c
	next := make([]int, len(c.Docs)) // next[d]: the next sentence of d to consider
	for d := range next {
		next[d], _ = c.DocSentences(d)
	}
	for progress := true; progress && !p.full(); {
		progress = false
		for _, d := range docs {
			_, end := c.DocSentences(d)
			for ; next[d] < end; next[d]++ {
				i := next[d]
				if p.prior[i] == 0 || slices.Contains(p.chosen, i) {
					continue
				}
				if strict && p.flaws[i] != 0 && !(p.flaws[i].Contextual() && i > 0 && slices.Contains(p.chosen, i-1) && c.Sentences[i-1].Doc == d) {
					continue
				}
				if p.ok(i) {
					p.add(i)
				}
				next[d]++
				progress = true
				break
			}
		}
	}
}
