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

// words returns the lower-case words of s, possessives and punctuation dropped, for
// comparing quotations.
func words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(strings.ReplaceAll(w, "’", "'"), "'")
		if w != "" {
			out = append(out, w)
		}
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
