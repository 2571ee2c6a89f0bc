// Package sentence splits English news text into paragraphs and sentences, keeping byte offsets.
//
// The splitter is deterministic and rule-based: it scans bytes once, decides at each
// candidate boundary (. ! ? … and line breaks) from the word before it and the word
// after it, and allocates nothing but the result. The rules are written for news
// English: titles and abbreviations (Sen., U.S., Calif., Inc., No. 5, a.m.), initials,
// numbers and money, ellipses, quotations, AP-style quotes made of backticks and apostrophes, lists and headlines.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// Paragraphs returns the spans of the paragraphs of text: runs of lines separated by
// one or more blank lines (lines holding only white space), trimmed of surrounding space.
func Paragraphs(text string) []precis.Span {
	var out []precis.Span
	start := 0 // start of the current paragraph
	line := 0  // start of the current line
	blank := true
	for i := 0; i < len(text); {
		if !blank { // the rest of a line with text tells nothing
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				break
			}
			i += j
		}
		c := text[i]
		if c == '\n' {
			if blank && line > start {
				// The line that ends here is blank: it closes the paragraph.
				if s := trim(text, precis.Span{Start: start, End: line}); s.Len() > 0 {
					out = append(out, s)
				}
				start = i + 1
			} else if blank {
				start = i + 1
			}
			i++
			line, blank = i, true
			continue
		}
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				blank = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			blank = false
		}
		i += n
	}
	if s := trim(text, precis.Span{Start: start, End: len(text)}); s.Len() > 0 {
		out = append(out, s)
	}
	return out
}

// Split returns the spans of the sentences of text, in order: byte offsets into
// text, trimmed of surrounding space. Sentences never cross a paragraph break.
func Split(text string) []precis.Span {
	out := make([]precis.Span, 0, len(text)/100+1)
	for _, p := range Paragraphs(text) {
		out = splitParagraph(text, p, out)
	}
	return out
}

// splitter holds the state of one paragraph's scan.
type splitter struct {
	text  string
	end   int // end of the paragraph
	start int // start of the current sentence
	out   []precis.Span
	list  listMarkers
}

func (s *splitter) emit(end, next int) {
	if sp := trim(s.text, precis.Span{Start: s.start, End: end}); sp.Len() > 0 {
		s.out = append(s.out, sp)
	}
	s.start = next
}

func splitParagraph(text string, p precis.Span, out []precis.Span) []precis.Span {
	s := splitter{text: text, end: p.End, start: p.Start, out: out}
	s.list.find(text, p)
	lineStart := p.Start
	for i := p.Start; i < p.End; {
		if i >= s.list.next {
			if i > s.list.next { // passed over inside a terminator's run: drop it
				s.list.skip()
				continue
			}
			if !s.onlyBullets(i) {
				s.emit(i, i)
			}
			i = s.list.skip()
			continue
		}
		c := text[i]
		if !interesting[c] {
			i++
			continue
		}
		switch {
		case c == '\n':
			if !s.softWrap(lineStart, i) {
				s.emit(i, i+1)
			}
			i++
			lineStart = i
		case c == '.' || c == '!' || c == '?':
			i = s.terminator(i)
		case c == 0xE2 && i+2 < p.End && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			i = s.terminator(i)
		default:
			n := bulletLen(text[i:])
			if n > 0 && i > s.start && isSpaceBefore(text, i) {
				s.emit(i, i)
			}
			if n == 0 {
				_, n = utf8.DecodeRuneInString(text[i:])
			}
			i += n
		}
	}
	s.emit(p.End, p.End)
	return s.out
}

// softWrap reports whether the line break at i only wraps a long line of running
// prose: the line is long, ends inside a sentence and the next line goes on in lower case.
func (s *splitter) softWrap(lineStart, i int) bool {
	text := s.text
	e := i
	for e > lineStart && asciiSpace[text[e-1]] {
		e--
	}
	if e-lineStart < softWrapMin || e == lineStart {
		return false
	}
	last := text[e-1]
	if !(isASCIILower(last) || last == ',' || last == ';') {
		return false
	}
	j := i + 1
	for j < s.end && asciiSpace[text[j]] {
		j++
	}
	if j >= s.end || !isASCIILower(text[j]) {
		return false
	}
	return !hasPrefixFold(text[j:], "http") && !hasPrefixFold(text[j:], "www.")
}

// softWrapMin is the shortest line taken as wrapped prose: list items and
// headlines are shorter, hard-wrapped text (72 columns) is longer.
const softWrapMin = 50

// terminator decides at the sentence-ending punctuation at i and returns where the
// scan goes on.
func (s *splitter) terminator(i int) int {
	text, end := s.text, s.end
	if text[i] == '?' && i >= 3 && text[i-3:i] == "\uFFFD" {
		return i + 1 // "vision,\uFFFD? Carson said": a closing quote lost to mojibake
	}
	if text[i] == '.' && i > s.start && i+1 < end && text[i+1] == ' ' && !asciiSpace[text[i-1]] && text[i-1] != '.' {
		// "compounds. . . . The": a period ends the sentence and an ellipsis opens the next.
		if j, n := spacedDots(text, i+1, end); n >= 3 {
			k := s.closers(j)
			if k < end && !isSpaceAt(text, k) {
				return k
			}
			if k < end && s.next(k).upper {
				s.emit(i+1, i+1)
			}
			return k
		}
	}
	// The run of terminal punctuation: "." "?!" "..." "…" ". . . ."
	j, dots, bang := i, 0, false
	spaced := i > 0 && text[i-1] == ' ' // a spaced ellipsis may follow: " . . ."
	for j < end {
		c := text[j]
		switch {
		case c == '.':
			dots++
			j++
			continue
		case c == '!' || c == '?':
			bang = true
			j++
			continue
		case c == 0xE2 && j+2 < end && text[j+1] == 0x80 && text[j+2] == 0xA6:
			dots += 3
			j += 3
			continue
		case c == ' ' && spaced && !bang && j+1 < end && text[j+1] == '.':
			j++
			continue
		}
		break
	}
	spaced = spaced && dots > 1
	if dots >= 3 && i > 0 && text[i-1] == '[' {
		return j // "[...]" marks an omission inside a quotation
	}
	k := s.closers(j)
	if k < end && !isSpaceAt(text, k) {
		if dots == 1 && !bang && k == j && s.glued(i) {
			s.emit(j, j)
		}
		return k
	}
	if k >= end {
		return k
	}
	nx := s.next(k)
	if nx.newline {
		return k // a line break after a terminator ends the sentence in any case
	}
	var boundary bool
	switch {
	case bang && dots == 0:
		boundary = !nx.lower && !(k > j && s.attribution(nx))
	case dots >= 3:
		// An ellipsis ends a sentence before a capital, except ". . ." spaced
		// inside a sentence; four dots are an ellipsis and a period.
		boundary = nx.upper && (!spaced || dots >= 4)
	case bang || dots > 1:
		boundary = !nx.lower
	default:
		boundary = s.period(i, nx)
	}
	if boundary {
		s.emit(k, k)
	}
	return k
}

// spacedDots counts the " ." pairs from j and returns where they end.
func spacedDots(text string, j, end int) (int, int) {
	n := 0
	for j+1 < end && text[j] == ' ' && text[j+1] == '.' {
		j += 2
		n++
	}
	return j, n
}

// onlyBullets reports whether the current sentence holds nothing before i but
// spaces and bullets, so that a list marker at i opens no new sentence.
func (s *splitter) onlyBullets(i int) bool {
	for x := s.start; x < i; {
		if asciiSpace[s.text[x]] {
			x++
			continue
		}
		n := bulletLen(s.text[x:i])
		if n == 0 {
			return false
		}
		x += n
	}
	return true
}

// closers skips the closing quotes and brackets after a terminator.
func (s *splitter) closers(j int) int {
	text, end := s.text, s.end
	for j < end {
		c := text[j]
		switch c {
		case '"', '\'', ')', ']', '}':
			j++
			continue
		case '[': // a footnote mark: "drugs.[7] The"
			if n := footnoteLen(text[j:end]); n > 0 {
				j += n
				continue
			}
		case 0xE2: // ” ’ ›
			if j+2 < end && text[j+1] == 0x80 && (text[j+2] == 0x9D || text[j+2] == 0x99 || text[j+2] == 0xBA) {
				j += 3
				continue
			}
		case 0xC2: // »
			if j+1 < end && text[j+1] == 0xBB {
				j += 2
				continue
			}
		}
		break
	}
	return j
}

// footnoteLen returns the length of a footnote mark "[12]" at the start of s, or 0.
func footnoteLen(s string) int {
	k := 1
	for k < len(s) && k < 5 && isDigit(s[k]) {
		k++
	}
	if k == 1 || k >= len(s) || s[k] != ']' {
		return 0
	}
	return k + 1
}

// following describes what comes after a candidate boundary.
type following struct {
	pos     int  // start of the next word, after spaces and opening punctuation
	newline bool // the gap holds a line break
	opener  byte // the last opening mark skipped: '"' for any quote, '(' for any bracket, 0 for none
	upper   bool // the next word starts with a capital (or is an iPhone-style word)
	lower   bool
	digit   bool // a digit, or a currency sign before one
	word    string
}

func (s *splitter) next(k int) following {
	text, end := s.text, s.end
	var f following
	j := k
	for j < end {
		c := text[j]
		if c == '\n' {
			f.newline = true
			j++
			continue
		}
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	for j < end {
		c := text[j]
		switch c {
		case '"', '\'', '`':
			f.opener = '"'
			j++
			continue
		case '(', '[', '{':
			f.opener = '('
			j++
			continue
		case 0xE2: // “ ‘ ‹
			if j+2 < end && text[j+1] == 0x80 && (text[j+2] == 0x9C || text[j+2] == 0x98 || text[j+2] == 0xB9) {
				f.opener = '"'
				j += 3
				continue
			}
		case 0xC2: // « ¿ ¡
			if j+1 < end && (text[j+1] == 0xAB || text[j+1] == 0xBF || text[j+1] == 0xA1) {
				f.opener = '"'
				j += 2
				continue
			}
		}
		break
	}
	f.pos = j
	if j >= end {
		return f
	}
	c := text[j]
	switch {
	case isDigit(c):
		f.digit = true
	case c == '$' || c == '#':
		f.digit = j+1 < end && isDigit(text[j+1])
	case c < utf8.RuneSelf:
		f.upper = isASCIIUpper(c)
		f.lower = isASCIILower(c)
	default:
		r, _ := utf8.DecodeRuneInString(text[j:])
		f.upper = unicode.IsUpper(r) || unicode.IsTitle(r)
		f.lower = unicode.IsLower(r)
		if r == '£' || r == '€' || r == '¥' {
			f.digit = true
		}
	}
	w := j
	for w < end && (isASCIILetter(text[w]) || text[w] == '\'' || text[w] >= utf8.RuneSelf && letterAt(text, w)) {
		if text[w] >= utf8.RuneSelf {
			_, n := utf8.DecodeRuneInString(text[w:])
			w += n
		} else {
			w++
		}
	}
	f.word = text[j:w]
	if f.lower {
		// iPhone, eBay, iOS: a lower-case first letter, then a capital.
		for x := j + 1; x < w; x++ {
			if isASCIIUpper(text[x]) {
				f.upper, f.lower = true, false
				break
			}
		}
	}
	return f
}

// period decides whether the single period at i, followed by nx, ends a sentence.
func (s *splitter) period(i int, nx following) bool {
	text := s.text
	if nx.lower {
		return false
	}
	// The word before the period: letters, with inner periods for U.S. and a.m.
	w := s.wordBefore(i)
	word := text[w:i]
	if word == "" {
		if i > s.start {
			switch prev := text[i-1]; {
			case isDigit(prev):
				return nx.upper || nx.digit || nx.opener != 0 || otherStart(nx)
			case prev == 0xB0 || prev == '#': // N°. 5, #. 5
				return nx.upper
			}
		}
		return !nx.lower
	}
	if w > s.start && isDigit(text[w-1]) {
		// 5th. 25km. The word is the tail of a number.
		return !nx.lower
	}
	inner := false
	for x := w; x < i; x++ {
		if text[x] == '.' {
			inner = true
			break
		}
	}
	class := classOf(word)
	switch {
	case class == clockWord:
		// "5 p.m. Sunday", "10 a.m. EST" go on; any other capital starts a sentence.
		return nx.upper && !isTimeWord(nx.word) || nx.opener == '"'
	case class == never || class == title:
		return false
	case inner || len(word) == 1 || class == starterOnly:
		// U.S., initials, Inc.: a sentence follows only when the next word is one
		// that starts sentences ("The", "He", "But") or a quotation opens.
		if nx.opener == '(' {
			return false
		}
		return nx.upper && (isStarter(nx.word) || nx.opener == '"')
	case class == numbered:
		if nx.digit {
			return false
		}
		return nx.upper && nx.opener != '('
	case class == state:
		return nx.upper && nx.opener != '('
	}
	return nx.upper || nx.digit || nx.opener != 0 || otherStart(nx)
}

// wordBefore returns the start of the word that ends at i: a run of letters, or
// short letter groups joined by periods (U.S, a.m, Ph.D) but not content.html.
func (s *splitter) wordBefore(i int) int {
	text := s.text
	w := i
	for w > s.start {
		c := text[w-1]
		if isASCIILetter(c) {
			w--
			continue
		}
		// An apostrophe inside a word: weren't, O'Neill, don’t.
		if c == '\'' && w-1 > s.start && w < i && isASCIILetter(text[w-2]) {
			w--
			continue
		}
		if c == 0x99 && w-3 > s.start && w < i && text[w-3] == 0xE2 && text[w-2] == 0x80 && isASCIILetter(text[w-4]) {
			w -= 3
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeLastRuneInString(text[s.start:w])
			if unicode.IsLetter(r) {
				w -= n
				continue
			}
		}
		break
	}
	if i-w > 2 {
		return w
	}
	// Short groups: extend over ".X" and ".XY" while every group is short.
	for a := w; a-2 >= s.start && text[a-1] == '.' && isASCIILetter(text[a-2]); {
		b := a - 2
		if b > s.start && isASCIILetter(text[b-1]) {
			b--
		}
		if b > s.start && isASCIILetter(text[b-1]) {
			break // a group of three letters or more: not an abbreviation
		}
		a = b
		w = a
	}
	return w
}

// otherStart reports whether the next sentence starts with a symbol that may open
// one (a dash, a bullet, an asterisk): anything but a letter or a digit.
func otherStart(nx following) bool { return !nx.upper && !nx.lower && !nx.digit && nx.word == "" }

// glued reports whether the period at i ends a sentence although no space follows:
// "Hello world.Today is Tuesday." but not "Jane.Doe@example.com" or "Node.JS".
func (s *splitter) glued(i int) bool {
	text, end := s.text, s.end
	if i+2 >= end || !isASCIIUpper(text[i+1]) {
		return false
	}
	if !isASCIILower(text[i+2]) && !(text[i+2] == ' ' && (text[i+1] == 'A' || text[i+1] == 'I')) {
		return false // "said.A second": the words "A" and "I" may start a sentence too
	}
	if i == s.start {
		return false
	}
	prev := text[i-1]
	// The whitespace-delimited chunk must not be an address.
	a := i
	for a > s.start && !asciiSpace[text[a-1]] {
		a--
	}
	b := i
	for b < end && !asciiSpace[text[b]] {
		b++
	}
	chunk := text[a:b]
	for x := 0; x < len(chunk); x++ {
		switch chunk[x] {
		case '@', '/':
			return false
		}
	}
	if hasPrefixFold(chunk, "www.") {
		return false
	}
	if isDigit(prev) {
		return true
	}
	// The word before must be a plain word ending in lower case, of 2+ letters.
	w := i
	for w > a && isASCIILetter(text[w-1]) {
		w--
	}
	word := text[w:i]
	if len(word) < 2 || !isASCIILower(word[len(word)-1]) || classOf(word) != plain {
		return false
	}
	return w == a || text[w-1] != '.'
}

// attribution reports whether a quotation ending in ? or ! is followed by its
// speaker and a reporting verb: “Why not?” Trump asked.
func (s *splitter) attribution(nx following) bool {
	if !nx.upper || nx.opener != 0 {
		return false
	}
	text, end := s.text, s.end
	j := nx.pos
	for n := 0; n < 4 && j < end; n++ {
		// Read a word.
		w := j
		for j < end && (isASCIILetter(text[j]) || text[j] == '.' || text[j] == '-' || text[j] == '\'') {
			j++
		}
		word := text[w:j]
		if word == "" {
			return false
		}
		if n > 0 && isReportingVerb(strings.TrimRight(word, ".")) {
			return true
		}
		if !isASCIIUpper(word[0]) {
			return false
		}
		if j >= end || text[j] != ' ' {
			return false
		}
		j++
	}
	return false
}

func isSpaceAt(text string, i int) bool {
	if text[i] < utf8.RuneSelf {
		return asciiSpace[text[i]]
	}
	return isUnicodeSpaceAt(text, i)
}

func isUnicodeSpaceAt(text string, i int) bool {
	if text[i] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

func isSpaceBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	if text[i-1] < utf8.RuneSelf {
		return asciiSpace[text[i-1]]
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

func letterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// bulletLen returns the length of the list bullet at the start of s, or 0.
func bulletLen(s string) int {
	if len(s) < 3 {
		return 0
	}
	switch {
	case s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0xA3): // • ‣
		return 3
	case s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x83: // ⁃
		return 3
	case s[0] == 0xE2 && s[1] == 0x96 && (s[2] == 0xAA || s[2] == 0xA0): // ▪ ■
		return 3
	case s[0] == 0xE2 && s[1] == 0x97 && (s[2] == 0x8F || s[2] == 0xA6): // ● ◦
		return 3
	case s[0] == 0xE2 && s[1] == 0x96 && s[2] == 0xBA: // ►
		return 3
	}
	return 0
}

func trim(text string, s precis.Span) precis.Span {
	for s.Start < s.End {
		c := text[s.Start]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			s.Start++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		c := text[s.End-1]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			s.End--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// interesting marks the bytes the scan stops at: terminators, line breaks and the
// lead byte of … and of the bullets.
var interesting = [256]bool{'.': true, '!': true, '?': true, '\n': true, 0xE2: true}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isASCIIUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isASCIILetter(c byte) bool { return isASCIILower(c) || isASCIIUpper(c) }

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isASCIIUpper(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
