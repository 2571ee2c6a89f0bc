package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// segment is one quoted passage of one document, between its marks.
type segment struct {
	// open and close locate the opening and closing marks; close is empty when the
	// passage ran to the end of its paragraph without one.
	open, close precis.Span
	// parts hold the quoted text, one span per paragraph it runs over.
	parts []precis.Span
	// single marks a passage in single quotation marks.
	single bool
	// term marks a passage found to be a term or a title, not a quotation: the words
	// around it still attribute the next one ("said on "Meet the Press" that …").
	term bool
}

// span covers the quoted text from its first part to its last.
func (s *segment) span() precis.Span {
	return precis.Span{Start: s.parts[0].Start, End: s.parts[len(s.parts)-1].End}
}

// text joins the parts with single spaces.
func (s *segment) text(doc string) string {
	if len(s.parts) == 1 {
		if t := s.parts[0].Of(doc); plainSpaces(t) {
			return t // the usual case: nothing to normalise
		}
	}
	var b strings.Builder
	for i, p := range s.parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Join(strings.Fields(p.Of(doc)), " "))
	}
	return b.String()
}

// plainSpaces reports whether s separates its words by single ASCII spaces only.
func plainSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return false
			}
		case c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80 && isWideSpace(s[i:]):
			return false
		}
	}
	return true
}

// isWideSpace reports whether s opens with a non-ASCII space (no-break, em space …).
func isWideSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// Mark classes.
const (
	notMark = iota
	opener  // “ „ « ``
	closer  // ” » ''
	either  // "
	sOpener // ‘ ‹
	sCloser // ’ ›
	sEither // '
)

// markAt returns the class and byte length of a quotation mark at text[i:].
func markAt(text string, i int) (class, size int) {
	if strings.HasPrefix(text[i:], "``") {
		return opener, 2
	}
	if strings.HasPrefix(text[i:], "''") {
		return closer, 2
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“', '„', '«':
		return opener, n
	case '”', '»':
		return closer, n
	case '"':
		return either, n
	case '‘', '‹':
		return sOpener, n
	case '’', '›':
		return sCloser, n
	case '\'':
		return sEither, n
	}
	return notMark, n
}

// markStart flags the bytes that can open a quotation mark or a line break: ASCII
// marks and the lead bytes of « » (U+00AB, U+00BB) and of the marks at U+2018–U+203A.
var markStart = func() (t [256]bool) {
	for _, c := range []byte("\n\"'`\xc2\xe2") {
		t[c] = true
	}
	return t
}()

// segments finds the quoted passages of text. Double marks of any style pair with each
// other (scraped text mixes “ with "); a paragraph that ends inside a quotation continues
// it when the next paragraph opens with a mark, as news style writes quotations of several
// paragraphs. Single marks count only outside double ones, and only where they cannot be
// apostrophes.
func segments(text string) []segment {
	var out []segment
	var cur *segment    // open double quotation
	var single *segment // open single quotation
	partStart := 0
	finish := func(end int, close precis.Span) {
		if close.Len() == 0 {
			// "sexually violent predator' just before…": a mismatched closing mark.
			for k := partStart; k < end; k++ {
				if class, n := markAt(text, k); (class == sEither || class == sCloser) && closesSingle(text, k, n) && k > partStart && text[k-1] != 's' {
					end, close = k, precis.Span{Start: k, End: k + n}
					break
				}
			}
		}
		cur.parts = append(cur.parts, trimSpan(text, precis.Span{Start: partStart, End: end}))
		cur.close = close
		if cur.span().Len() > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	for i := 0; i < len(text); {
		c := text[i]
		if !markStart[c] {
			i++ // most bytes: nothing to look at
			continue
		}
		if c == '\n' {
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			single = nil
			if cur != nil {
				// A paragraph break: the quotation goes on only if the next paragraph
				// opens with a mark.
				if j < len(text) {
					if class, n := markAt(text, j); class == opener || class == either {
						cur.parts = append(cur.parts, trimSpan(text, precis.Span{Start: partStart, End: i}))
						partStart = j + n
						i = j + n
						continue
					}
				}
				finish(i, precis.Span{})
			}
			i = j
			continue
		}
		class, n := markAt(text, i)
		switch class {
		case opener:
			if cur != nil && i > 0 && text[i-1] == ' ' && (i+n == len(text) || text[i+n] == ' ' || text[i+n] == '\n') {
				// "… a diagnostic workup, “ Winawer added": an opening mark standing
				// alone after a quotation's words closes it.
				finish(i, precis.Span{Start: i, End: i + n})
				break
			}
			if cur != nil {
				finish(i, precis.Span{}) // the last one was never closed
			}
			cur = &segment{open: precis.Span{Start: i, End: i + n}}
			partStart, single = i+n, nil
		case closer:
			if cur != nil {
				finish(i, precis.Span{Start: i, End: i + n})
			}
		case either:
			if cur != nil {
				finish(i, precis.Span{Start: i, End: i + n})
			} else {
				cur = &segment{open: precis.Span{Start: i, End: i + n}}
				partStart, single = i+n, nil
			}
		case sOpener, sEither:
			if cur != nil {
				break
			}
			if single != nil && class == sEither && closesSingle(text, i, n) {
				single.parts = []precis.Span{trimSpan(text, precis.Span{Start: single.open.End, End: i})}
				single.close = precis.Span{Start: i, End: i + n}
				if single.span().Len() > 0 {
					out = append(out, *single)
				}
				single = nil
			} else if opensSingle(text, i, n) {
				single = &segment{open: precis.Span{Start: i, End: i + n}, single: true}
			}
		case sCloser:
			if cur == nil && single != nil && closesSingle(text, i, n) {
				single.parts = []precis.Span{trimSpan(text, precis.Span{Start: single.open.End, End: i})}
				single.close = precis.Span{Start: i, End: i + n}
				if single.span().Len() > 0 {
					out = append(out, *single)
				}
				single = nil
			}
		}
		i += n
	}
	if cur != nil {
		finish(len(text), precis.Span{})
	}
	return out
}

// opensSingle reports whether a single mark at i opens a quotation: after a space, a
// bracket or the start, and before a letter ("'90s" and "'em" are elisions).
func opensSingle(text string, i, n int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("([{—–-:", r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(text[i+n:])
	if !unicode.IsLetter(r) {
		return false
	}
	rest := text[i+n:]
	return !strings.HasPrefix(rest, "em ") && !strings.HasPrefix(rest, "n ") && !strings.HasPrefix(rest, "til ")
}

// closesSingle reports whether a single mark at i closes a quotation: after a letter or
// punctuation and before a space, punctuation or the end, and not a plural possessive
// ("the Sessions' meetings").
func closesSingle(text string, i, n int) bool {
	if i == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(before) {
		return false
	}
	rest := text[i+n:]
	after, _ := utf8.DecodeRuneInString(rest)
	if rest != "" && (unicode.IsLetter(after) || unicode.IsDigit(after)) {
		return false
	}
	if before == 's' && strings.HasPrefix(rest, " ") {
		next, _ := utf8.DecodeRuneInString(rest[1:])
		if unicode.IsLower(next) {
			return false
		}
	}
	return true
}

func trimSpan(text string, s precis.Span) precis.Span {
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
