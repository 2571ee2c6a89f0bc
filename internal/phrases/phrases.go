// Package phrases finds which of several lists of fixed phrases a text holds,
// in one pass over the text instead of one search per phrase.
package phrases

import (
	"unicode"
	"unicode/utf8"
)

// Index holds lists of phrases; list k is bit k of the masks Find returns.
// It is immutable once made and safe for concurrent use.
type Index struct {
	single [256]uint64 // lists of each one-byte phrase
	// byPair[a][b] holds the phrases of two bytes or more opening with bytes
	// a, b; pairs has bit a<<8|b set when there are some (8 KB, which stays
	// in the cache where the tables would not).
	byPair [256]*[256][]phrase
	pairs  [1 << 16 / 64]uint64
}

type phrase struct {
	text  string
	lists uint64
}

// New indexes lists (64 at most; more are ignored). Phrases are matched byte
// for byte: lower-case them, and the texts given to Find, for a search that
// ignores case. Empty phrases are ignored.
func New(lists ...[]string) *Index {
	x := new(Index)
	for k, ps := range lists[:min(len(lists), 64)] {
		bit := uint64(1) << k
		for _, p := range ps {
			switch len(p) {
			case 0:
				continue
			case 1:
				x.single[p[0]] |= bit
				continue
			}
			t := x.byPair[p[0]]
			if t == nil {
				t = new([256][]phrase)
				x.byPair[p[0]] = t
			}
			x.pairs[(uint16(p[0])<<8|uint16(p[1]))/64] |= 1 << ((uint16(p[0])<<8 | uint16(p[1])) % 64)
			bucket := &t[p[1]]
			j := 0
			for j < len(*bucket) && (*bucket)[j].text != p {
				j++
			}
			if j == len(*bucket) {
				*bucket = append(*bucket, phrase{text: p})
			}
			(*bucket)[j].lists |= bit
		}
	}
	return x
}

// Find returns the lists of which s holds a phrase, as strings.Contains finds
// it; for the lists of words, only a phrase that stands as a whole word
// counts: with no letter or digit right before or after it.
func (x *Index) Find(s string, words uint64) uint64 {
	var found uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if l := x.single[c] &^ found; l != 0 {
			found |= l &^ words
			if l&words != 0 && wholeAt(s, i, i+1) {
				found |= l
			}
		}
		if i+1 >= len(s) {
			continue
		}
		if pair := uint16(c)<<8 | uint16(s[i+1]); x.pairs[pair/64]&(1<<(pair%64)) == 0 {
			continue
		}
		for _, p := range x.byPair[c][s[i+1]] {
			l := p.lists &^ found
			// The last byte first: most candidates fail there, without a call.
			if n := len(p.text); l == 0 || i+n > len(s) || s[i+n-1] != p.text[n-1] || s[i:i+n] != p.text {
				continue
			}
			found |= l &^ words
			if l&words != 0 && wholeAt(s, i, i+len(p.text)) {
				found |= l
			}
		}
	}
	return found
}

// wholeAt reports whether s[start:end] has no letter or digit right before or after it.
func wholeAt(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return !isWordRune(before) && !isWordRune(after)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
