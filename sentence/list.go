package sentence

import (
	"math"
	"strings"

	"github.com/precis-news/precis"
)

// listMarkers holds the numbered-list markers of a paragraph ("1.", "2)", "a.",
// "3.)"): each starts a sentence, and its period ends none.
//
// A list is recognised only when it starts at the beginning of a line (after
// optional bullets); a marker in the middle of a line counts only when it goes on
// such a list with the next number in the same style. Prose such as "rose to 2. Then"
// is thus never read as a list.
type listMarkers struct {
	starts, ends []int
	i            int
	// next is the start of the next marker to meet, or noMarker.
	next int
}

// noMarker is past any offset, so that the scan tests one comparison a byte.
const noMarker = math.MaxInt

// marker style: the punctuation after the number.
const (
	styleDot    = 1 // 1.
	styleParen  = 2 // 1)
	styleDotPar = 3 // 1.)
)

// find collects the markers of the paragraph p of text.
func (l *listMarkers) find(text string, p precis.Span) {
	l.next = noMarker
	for line := p.Start; line < p.End; {
		i := skipBullets(text, line, p.End)
		if v, style, end := parseMarker(text, i, p.End); v > 0 {
			l.chain(text, p, i, v, style, end)
		}
		nl := indexByteFrom(text, '\n', line, p.End)
		if nl < 0 {
			break
		}
		line = nl + 1
	}
	if len(l.starts) > 0 {
		l.next = l.starts[0]
	}
}

// chain records the marker at start and the markers that go on its list.
func (l *listMarkers) chain(text string, p precis.Span, start, v, style, end int) {
	if n := len(l.starts); n > 0 && l.starts[n-1] >= start {
		return // already part of an earlier chain
	}
	l.starts = append(l.starts, start)
	l.ends = append(l.ends, end)
	for x := end; x < p.End; x++ {
		if !(isDigit(text[x]) || isASCIILower(text[x])) {
			continue
		}
		if !(asciiSpace[text[x-1]] || bulletLen(text[prevRune(text, x):x]) > 0) {
			continue
		}
		w, st, e := parseMarker(text, x, p.End)
		if w == v+1 && st == style {
			l.starts = append(l.starts, x)
			l.ends = append(l.ends, e)
			v, x = w, e-1
		}
	}
}

// skip moves past the current marker and returns where it ends.
func (l *listMarkers) skip() int {
	e := l.ends[l.i]
	l.i++
	if l.i < len(l.starts) {
		l.next = l.starts[l.i]
	} else {
		l.next = noMarker
	}
	return e
}

// parseMarker reads a list marker at i: one or two digits or a lower-case letter,
// then ".", ")" or ".)", then a space. It returns the marker's value (a=1) or 0.
func parseMarker(text string, i, end int) (v, style, after int) {
	j := i
	switch {
	case j < end && isDigit(text[j]):
		for j < end && isDigit(text[j]) && j-i < 3 {
			v = v*10 + int(text[j]-'0')
			j++
		}
		if j-i > 2 || j < end && isDigit(text[j]) {
			return 0, 0, 0
		}
	case j < end && isASCIILower(text[j]):
		v = int(text[j]-'a') + 1
		j++
	default:
		return 0, 0, 0
	}
	switch {
	case j+1 < end && text[j] == '.' && text[j+1] == ')':
		style, j = styleDotPar, j+2
	case j < end && text[j] == '.':
		style, j = styleDot, j+1
	case j < end && text[j] == ')':
		style, j = styleParen, j+1
	default:
		return 0, 0, 0
	}
	if j >= end || text[j] != ' ' || v == 0 {
		return 0, 0, 0
	}
	return v, style, j
}

func skipBullets(text string, i, end int) int {
	for i < end {
		if asciiSpace[text[i]] && text[i] != '\n' {
			i++
			continue
		}
		n := bulletLen(text[i:end])
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

func prevRune(text string, x int) int {
	p := x - 1
	for p > 0 && text[p]&0xC0 == 0x80 {
		p--
	}
	return p
}

func indexByteFrom(text string, c byte, from, end int) int {
	if i := strings.IndexByte(text[from:end], c); i >= 0 {
		return from + i
	}
	return -1
}
