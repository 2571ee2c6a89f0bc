package rouge

import (
	"strings"

	"github.com/precis-news/precis"
)

// Lines turns a summary's text into ROUGE's input, one line per sentence: the text of each
// sentence span, with every '\n' and '\r' inside it replaced by a space and Perl's
// whitespace (space, \t, \n, \v, \f, \r) trimmed from both ends. Sentences left empty, and
// spans that do not fit the text, are skipped. Nothing else changes: ROUGE reads raw bytes,
// so the lines score the same here as in ROUGE-1.5.5 when written one per line to a file.
//
// The result is stable: the same text and spans always give the same lines, and the lines
// joined with '\n' and split again give them back.
func Lines(text string, sentences []precis.Span) []string {
	var out []string
	for _, sp := range sentences {
		if !sp.Valid(len(text)) {
			continue
		}
		s := text[sp.Start:sp.End]
		if strings.ContainsAny(s, "\r\n") {
			s = strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, s)
		}
		if s = trimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// trimSpace trims Perl's ASCII whitespace, leaving NBSP and other non-ASCII bytes alone.
func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}
