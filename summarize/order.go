package summarize

import (
	"cmp"
	"slices"

	"github.com/precis-news/precis/corpus"
)

// Order returns the chosen sentences (indexes into c.Sentences) in reading order.
//
// Sentence a goes before b when the documents that carry both (as the sentence
// itself or a close paraphrase) mostly put a first; when no document carries
// both, the one nearer the top of its own document goes first (news puts the
// main facts first), then the one from the earlier published document. A
// sentence's place in its document counts only the sentences that
// DefaultSelection allows, so a page whose text opens with furniture does not
// push its lead down. With k sentences it costs O(k² + k·p + S_d), p the cost of
// a paraphrase search and S_d the sentences of the documents concerned.
func Order(c *corpus.Corpus, chosen []int) []int {
	sel := DefaultSelection()
	return order(c, chosen, func(i int) bool { return sel.Standalone(c, i) > 0 })
}

// order is Order with the sentences that count for positions given by allowed.
func order(c *corpus.Corpus, chosen []int, allowed func(i int) bool) []int {
	k := len(chosen)
	if k < 2 {
		return slices.Clone(chosen)
	}
	type place struct {
		pos map[int]int // document → position of the sentence or its paraphrase
		rel float64     // position in its own document, 0 (top) to 1
	}
	places := make([]place, k)
	for x, i := range chosen {
		s := c.Sentences[i]
		first, end := c.DocSentences(s.Doc)
		before, all := 0, 0
		for j := first; j < end; j++ {
			if allowed(j) {
				all++
				if j < i {
					before++
				}
			}
		}
		pl := place{pos: map[int]int{s.Doc: s.Index}, rel: float64(before) / float64(max(all, 1))}
		for _, m := range c.Paraphrases(i) {
			t := c.Sentences[m.Sentence]
			pl.pos[t.Doc] = t.Index
		}
		places[x] = pl
	}
	// before > 0 when chosen[a] should precede chosen[b].
	before := func(a, b int) int {
		votes := 0
		for d, pa := range places[a].pos {
			if pb, ok := places[b].pos[d]; ok {
				votes += cmp.Compare(pb, pa)
			}
		}
		if votes != 0 {
			return votes
		}
		if r := cmp.Compare(places[b].rel, places[a].rel); r != 0 {
			return r
		}
		da, db := c.Docs[c.Sentences[chosen[a]].Doc], c.Docs[c.Sentences[chosen[b]].Doc]
		if !da.Published.IsZero() && !db.Published.IsZero() {
			if r := db.Published.Compare(da.Published); r != 0 {
				return r
			}
		}
		return chosen[b] - chosen[a]
	}
	// The comparison need not be transitive (documents may disagree), so place
	// first, each time, the sentence that should precede the most of the rest.
	left := make([]int, k)
	for x := range left {
		left[x] = x
	}
	out := make([]int, 0, k)
	for len(left) > 0 {
		best, bestWins := 0, -1<<30
		for y, a := range left {
			wins := 0
			for _, b := range left {
				if a != b {
					wins += cmp.Compare(before(a, b), 0)
				}
			}
			if wins > bestWins || (wins == bestWins && places[a].rel < places[left[best]].rel) {
				best, bestWins = y, wins
			}
		}
		out = append(out, chosen[left[best]])
		left = slices.Delete(left, best, best+1)
	}
	return keepTogether(c, out)
}

// keepTogether moves each sentence that opens with a connective or an anaphor
// ("But …", "He said …") right after the sentence before it in its document,
// when that sentence is in the summary too: there it reads as it was written.
func keepTogether(c *corpus.Corpus, out []int) []int {
	in := make(map[int]bool, len(out))
	for _, i := range out {
		in[i] = true
	}
	attached := map[int]bool{}
	for _, i := range out {
		if i > 0 && in[i-1] && c.Sentences[i-1].Doc == c.Sentences[i].Doc && (Flaws(c.BodyText(i))&Mendable != 0 || insideQuote(c, i)) {
			attached[i] = true
		}
	}
	if len(attached) == 0 {
		return out
	}
	res := make([]int, 0, len(out))
	for _, i := range out {
		if attached[i] {
			continue
		}
		res = append(res, i)
		for j := i + 1; attached[j]; j++ {
			res = append(res, j)
		}
	}
	return res
}

// insideQuote reports whether sentence i lies inside a quotation that one of
// the three sentences before it in its paragraph opened and none closed.
func insideQuote(c *corpus.Corpus, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if c.Sentences[j].Doc != c.Sentences[i].Doc || c.Sentences[j].Paragraph != c.Sentences[i].Paragraph {
			return false
		}
		f := Flaws(c.BodyText(j))
		if f&QuoteEnd != 0 {
			return false
		}
		if f&QuoteStart != 0 {
			return true
		}
	}
	return false
}
