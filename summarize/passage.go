package summarize

import (
	"strings"
)

// A passage is a run of consecutive sentences of one document, [first, end),
// chosen together: a sentence that cannot stand alone reads well after the
// ones before it in its document, and a quotation of several sentences reads
// whole. Residual holds the flaws the passage keeps when read alone.
type passage struct {
	first, end int
	residual   Flaw
}

// passages returns, for each sentence allowed by its flaw-free prior (p.base),
// the passages of up to maxLen sentences that start with it: the sentence alone,
// and the runs each of whose later sentences goes on from the one before it (an
// opening connective or anaphor, the end of a quotation, or a sentence inside a
// quotation the run opened). The flaws a run mends are left out of its residual:
// the mendable flaws of every sentence but the first, the start of a quotation
// the run closes, and a quotation that does not say who speaks when the sentence
// that closes it does ("…," the mayor said.). A run that ends inside its quotation
// keeps QuoteStart. Runs stop at a paragraph's end.
func (p *picker) passages(maxLen int) []passage {
	c := p.c
	var out []passage
	for s := range c.Sentences {
		if p.base[s] == 0 {
			continue
		}
		_, docEnd := c.DocSentences(c.Sentences[s].Doc)
		var residual Flaw
		open, unattributed := false, false
		for e := s; e < docEnd && e-s < maxLen; e++ {
			if p.base[e] == 0 || e > s && c.Sentences[e].Paragraph != c.Sentences[e-1].Paragraph {
				break
			}
			f := p.flaws[e]
			if e > s && !open && f&Mendable == 0 {
				break // it does not go on from the sentence before
			}
			fixed := Flaw(0)
			if e > s {
				fixed |= Mendable
			}
			if f&QuoteStart != 0 {
				open = true
				fixed |= QuoteStart
				if f&Unattributed != 0 {
					unattributed = true
					fixed |= Unattributed
				}
			}
			if f&QuoteEnd != 0 && open {
				open = false
				if unattributed && saysWhoAfterQuote(c.BodyText(e)) {
					unattributed = false
				}
			}
			residual |= f &^ fixed
			r := residual
			if open {
				r |= QuoteStart
			}
			if unattributed {
				r |= Unattributed
			}
			out = append(out, passage{s, e + 1, r})
		}
	}
	return out
}

// saysWhoAfterQuote reports whether the text after the last quotation mark of a
// sentence that closes a quotation has a verb of saying: "…," the mayor said.
func saysWhoAfterQuote(text string) bool {
	k := strings.LastIndexAny(text, "\"”»")
	if k < 0 {
		return false
	}
	return namesSource(text[k:])
}
