package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// tok is one word or punctuation mark of an attribution. Punctuation compares by its
// lower form, which is its text.
type tok struct {
	span  precis.Span
	lower string
	word  bool
	cap   bool
}

// abbrevs keep their period: "Sen.", "Calif.".
var abbrevs = set(`mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj prof rev st jr sr inc corp co
ltd ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
okla ore pa tenn tex vt va wis wyo`)

// convert appends a sentence's tokens to out as attribution tokens: the period of a title,
// an abbreviation or an initial joins its word ("Sen.", "Calif.", "J."), so that it
// is not read as the end of a sentence.
func convert(out []tok, text string, ts []precis.Token) []tok {
	start := len(out)
	for i := range ts {
		t := &ts[i]
		if t.Text == "." && len(out) > start {
			p := &out[len(out)-1]
			if p.word && p.span.End == t.Span.Start && text[p.span.End-1] != '.' && (abbrevs[p.lower] || p.span.Len() == 1 && p.cap) {
				p.span.End = t.Span.End
				continue
			}
		}
		w := t.Kind != precis.Punct
		out = append(out, tok{span: t.Span, lower: t.Lower, word: w, cap: w && startsUpper(t.Text)})
	}
	return out
}

func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// wordHashes appends to out a 64-bit FNV-1a hash of each lower-case word of s (letters
// and digits, inner apostrophes as ', outer ones dropped), for comparing quotations
// without building their words.
func wordHashes(out []uint64, s string) []uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, in, pending := uint64(offset), false, 0
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			if in {
				pending++
			}
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || 'A' <= r && r <= 'Z':
			if !in {
				h, in = offset, true
			}
			for ; pending > 0; pending-- {
				h = (h ^ '\'') * prime
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			} else if r >= utf8.RuneSelf {
				r = unicode.ToLower(r)
			}
			h = (h ^ uint64(r)) * prime
		default:
			if in {
				out = append(out, h)
			}
			in, pending = false, 0
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
