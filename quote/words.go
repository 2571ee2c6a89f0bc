package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// tok is one word or punctuation mark of an attribution.
type tok struct {
	span  precis.Span
	text  string
	lower string
	word  bool
	cap   bool
}

// abbrevs keep their period: "Sen.", "Calif.".
var abbrevs = set(`mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj prof rev st jr sr inc corp co
ltd ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
okla ore pa tenn tex vt va wis wyo`)

// tokens splits text[s] into words and punctuation marks.
func tokens(text string, s precis.Span) []tok {
	var out []tok
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start, first := i, r
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for i < s.End {
				r, n = utf8.DecodeRuneInString(text[i:s.End])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					i += n
					continue
				}
				if (r == '\'' || r == '’' || r == '.' || r == '-') && i+n < s.End {
					if next, _ := utf8.DecodeRuneInString(text[i+n : s.End]); unicode.IsLetter(next) {
						i += n
						continue
					}
				}
				break
			}
			w := text[start:i]
			if i < s.End && text[i] == '.' && (abbrevs[strings.ToLower(w)] || strings.Contains(w, ".") || len(w) == 1 && unicode.IsUpper(first)) {
				i++
			}
		} else {
			i += n
		}
		t := tok{span: precis.Span{Start: start, End: i}, text: text[start:i]}
		t.lower = strings.ToLower(t.text)
		t.word = unicode.IsLetter(first) || unicode.IsDigit(first)
		t.cap = unicode.IsUpper(first)
		out = append(out, t)
	}
	return out
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
