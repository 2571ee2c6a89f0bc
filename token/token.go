// Package token splits sentences into words, numbers and punctuation, keeping byte offsets.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/stem"
)

// Tokenize splits text[span] into tokens whose spans point into text.
//
// PLACEHOLDER: letters and digits form tokens; every other non-space rune is punctuation.
func Tokenize(text string, span precis.Span) []precis.Token {
	var out []precis.Token
	i := span.Start
	for i < span.End {
		r, n := utf8.DecodeRuneInString(text[i:span.End])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		kind := precis.Punct
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			kind = precis.Word
			digits := true
			for i < span.End {
				r, n = utf8.DecodeRuneInString(text[i:span.End])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				digits = digits && unicode.IsDigit(r)
				i += n
			}
			if digits {
				kind = precis.Number
			}
		} else {
			i += n
		}
		t := precis.Token{Span: precis.Span{Start: start, End: i}, Text: text[start:i], Kind: kind}
		t.Lower = strings.ToLower(t.Text)
		if kind != precis.Punct {
			t.Stem = stem.English(t.Lower)
			t.Stop = IsStop(t.Lower)
		}
		out = append(out, t)
	}
	return out
}

// IsStop reports whether a lower-case word is a stopword.
//
// PLACEHOLDER list.
func IsStop(lower string) bool { return stop[lower] }

var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an the and or but of to in on at by for with from as is are was were be been being it its this that these those he she they we you i his her their our your him them us me not no said says say has have had do does did will would could should may might can than then there here which who whom whose what when where why how all any some such also into over after before about up out more most other") {
		stop[w] = true
	}
}
