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
	return order(c, p.chosen, p.allowed)
}
