package summarize

import "github.com/precis-news/precis/corpus"

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

// fillFrom adds the leading allowed sentences of docs in turns: the first of each,
// then the second …, skipping those that do not fit or repeat the summary.
func (p *picker) fillFrom(docs []int) {
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
				if i := next[d]; p.prior[i] > 0 {
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
}
