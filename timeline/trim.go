package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// trim returns the text of sentence si cut to at most MaxWords words around the date
// at span, on clause boundaries where it can.
func (b *builder) trim(si int, span precis.Span) string {
	s := &b.c.Sentences[si]
	text := b.c.Docs[s.Doc].Text
	words := fields(text, s.Span)
	if len(words) == 0 {
		return ""
	}
	at := 0 // the word holding the date's start
	for i, w := range words {
		if w.Start <= span.Start {
			at = i
		}
	}
	lo, hi := 0, len(words)
	if max := b.cfg.MaxWords; max > 0 && hi-lo > max {
		lo, hi = clause(text, words, at, max)
	}
	var sb strings.Builder
	if lo > 0 {
		sb.WriteString("… ")
	}
	for i := lo; i < hi; i++ {
		if i > lo {
			sb.WriteByte(' ')
		}
		w := words[i].Of(text)
		if i == hi-1 && hi < len(words) {
			w = strings.TrimRight(w, ",;:–—-")
		}
		sb.WriteString(w)
	}
	if hi < len(words) {
		sb.WriteString(" …")
	}
	return sb.String()
}

// clause returns the words [lo, hi) to keep around word at: the clause holding it
// (between semicolons, colons and dashes), else the run of comma-separated pieces
// around it that fits, else a window of max words.
func clause(text string, words []precis.Span, at, max int) (int, int) {
	strong := func(i int) bool { // a clause ends after word i
		w := words[i].Of(text)
		return strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") || w == "–" || w == "—" || w == "-" || w == "--"
	}
	weak := func(i int) bool { return strings.HasSuffix(words[i].Of(text), ",") }
	bounds := func(end func(int) bool) (int, int) {
		lo := at
		for lo > 0 && !end(lo-1) {
			lo--
		}
		hi := at + 1
		for hi < len(words) && !end(hi-1) {
			hi++
		}
		return lo, hi
	}
	lo, hi := bounds(strong)
	if hi-lo <= max {
		return lo, hi
	}
	clo, chi := lo, hi
	lo, hi = bounds(func(i int) bool { return strong(i) || weak(i) })
	if lo < clo {
		lo = clo
	}
	if hi > chi {
		hi = chi
	}
	if hi-lo > max {
		lo = max0(at - max/3)
		hi = min(len(words), lo+max)
		return lo, hi
	}
	// Grow by whole comma pieces while the clause fits.
	for grown := true; grown; {
		grown = false
		if hi < chi {
			n := hi + 1
			for n < chi && !weak(n-1) && !strong(n-1) {
				n++
			}
			if n-lo <= max {
				hi, grown = n, true
			}
		}
		if lo > clo {
			n := lo - 1
			for n > clo && !weak(n-1) && !strong(n-1) {
				n--
			}
			if hi-n <= max {
				lo, grown = n, true
			}
		}
	}
	return lo, hi
}

func max0(i int) int {
	if i < 0 {
		return 0
	}
	return i
}

// fields returns the spans of the runs of non-space characters of text[span].
func fields(text string, span precis.Span) []precis.Span {
	var out []precis.Span
	start := -1
	for i := span.Start; i < span.End; {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:span.End])
		}
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, precis.Span{Start: start, End: i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		out = append(out, precis.Span{Start: start, End: span.End})
	}
	return out
}
