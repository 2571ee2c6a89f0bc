// Package sentence splits English news text into paragraphs and sentences, keeping byte offsets.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// Paragraphs returns the spans of the paragraphs of text: runs of lines
// separated by one or more blank lines, trimmed of surrounding space.
func Paragraphs(text string) []precis.Span {
	var out []precis.Span
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 2
		}
		if s := trim(text, precis.Span{Start: start, End: end}); s.Len() > 0 {
			out = append(out, s)
		}
		start = next
	}
	return out
}

// Split returns the spans of the sentences of text, in order.
// Sentences never cross a paragraph break.
//
// PLACEHOLDER: splits after . ! ? followed by space and an upper-case letter.
func Split(text string) []precis.Span {
	var out []precis.Span
	for _, p := range Paragraphs(text) {
		start := p.Start
		for i := p.Start; i < p.End; i++ {
			c := text[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			if j >= p.End || text[j] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[j+1:])
			if !unicode.IsUpper(r) {
				continue
			}
			if s := trim(text, precis.Span{Start: start, End: j}); s.Len() > 0 {
				out = append(out, s)
			}
			start = j
		}
		if s := trim(text, precis.Span{Start: start, End: p.End}); s.Len() > 0 {
			out = append(out, s)
		}
	}
	return out
}

func trim(text string, s precis.Span) precis.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}
