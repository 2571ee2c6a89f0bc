// Package token splits sentences into words, numbers and punctuation, keeping byte offsets.
//
// A word keeps its inner apostrophes and hyphens ("don't", "Trump's", "then-senator"),
// the periods of short abbreviations ("U.S.", "a.m.", "Ph.D.") and the apostrophe of a
// plural possessive ("Sessions'"). A number keeps its separators, currency sign and
// ordinal or plural suffix ("1,200", "3.5", "$1.5", "25th", "1990s", "9:30", "50%").
// URLs, e-mail addresses, @handles and #hashtags are single words. Every other
// character is punctuation; runs such as "...", "--", "“" and "”" are one token.
package token

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// Tokenize splits text[span] into tokens whose spans point into text. A span
// reaching outside text is clipped to it.
//
// Each token gets its Text, its Lower form (lower case, with the typographic
// apostrophe ’ folded to '), its Kind, and for words and numbers its Stem (the
// Snowball stem of Lower for words, Lower itself for numbers, URLs and addresses)
// and Stop (whether Lower is a stopword; the upper-case "US" never is).
func Tokenize(text string, span precis.Span) []precis.Token {
	span.Start = max(span.Start, 0)
	span.End = min(span.End, len(text))
	if span.Start >= span.End {
		return nil
	}
	// The tokens are made in a pooled scratch slice, then copied into one of
	// their exact number: a token costs the garbage collector (72 bytes, three
	// strings), so a guessed size would waste memory, and a first pass only
	// counting them cost more than the copy.
	sp := scratchPool.Get().(*[]precis.Token)
	t := tokenizer{text: text, end: span.End, out: (*sp)[:0]}
	t.run(span.Start)
	out := make([]precis.Token, len(t.out))
	copy(out, t.out)
	clear(t.out) // the pool keeps no text alive
	*sp = t.out[:0]
	scratchPool.Put(sp)
	return out
}

var scratchPool = sync.Pool{New: func() any { s := make([]precis.Token, 0, 128); return &s }}

type tokenizer struct {
	text string
	end  int
	out  []precis.Token
	// inQuote is set between an opening single quote and its close, so that a
	// closing ' after "s" is read as the quote and not as a possessive.
	inQuote bool
}

// kind of a scanned token, finer than precis.TokenKind.
type kind uint8

const (
	kWord kind = iota
	kNumber
	kAddress // URL or e-mail address: not stemmed
	kPunct
)

func (t *tokenizer) run(i int) {
	text, end := t.text, t.end
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				i++
			case isDigit(c):
				i = t.number(i, i)
			case isLetter(c):
				i = t.word(i)
			case (c == '$') && i+1 < end && isDigit(text[i+1]):
				i = t.number(i, i+1)
			case (c == '@' || c == '#') && i+1 < end && isWordByte(text[i+1]) && (i == 0 || !isWordByte(text[i-1])):
				i = t.handle(i)
			default:
				i = t.punct(i)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			i = t.word(i)
		case unicode.IsDigit(r):
			i = t.word(i)
		case (r == '£' || r == '€' || r == '¥') && i+n < end && isDigit(text[i+n]):
			i = t.number(i, i+n)
		default:
			i = t.punct(i)
		}
	}
}

func (t *tokenizer) emit(start, end int, k kind) {
	s := t.text[start:end]
	tok := precis.Token{Span: precis.Span{Start: start, End: end}, Text: s}
	switch k {
	case kPunct:
		tok.Kind = precis.Punct
		tok.Lower = s
	case kNumber:
		tok.Kind = precis.Number
		tok.Lower = lower(s)
		tok.Stem = tok.Lower
	case kAddress:
		tok.Kind = precis.Word
		tok.Lower = lower(s)
		tok.Stem = tok.Lower
	default:
		w := lookup(s)
		tok.Kind = precis.Word
		tok.Lower, tok.Stem, tok.Stop = w.lower, w.stem, w.stop
	}
	t.out = append(t.out, tok)
}

// word scans a word, URL or address starting at i and returns its end.
func (t *tokenizer) word(i int) int {
	text, end := t.text, t.end
	j := t.letters(i)
	if j < end && (text[j] == '.' || text[j] == '@' || text[j] == ':' || text[j] == '+' || text[j] == '%') {
		// Only a word followed by one of these may be an address or an acronym.
		if e := t.address(i); e > i {
			t.emit(i, e, kAddress)
			return e
		}
		if e := acronym(text, i, end); e > i {
			j = e
		}
	}
	j = t.connected(i, j)
	t.emit(i, j, kWord)
	return j
}

// letters scans letters, digits and combining marks from i.
func (t *tokenizer) letters(i int) int {
	text, end := t.text, t.end
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiAlnum[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isWordRune(r) {
			return i
		}
		i += n
	}
	return i
}

// connected extends the word text[start:j] over inner apostrophes and hyphens
// and a possessive plural's final apostrophe.
func (t *tokenizer) connected(start, j int) int {
	text, end := t.text, t.end
	for j < end {
		c := text[j]
		n := 0 // length of the connector at j
		apostrophe := false
		switch {
		case c == '\'':
			n, apostrophe = 1, true
		case c == '-':
			n = 1
		case c == 0xE2 && j+2 < end && text[j+1] == 0x80 && text[j+2] == 0x99: // ’
			n, apostrophe = 3, true
		case c == 0xE2 && j+2 < end && text[j+1] == 0x80 && (text[j+2] == 0x90 || text[j+2] == 0x91): // ‐ ‑
			n = 3
		}
		if n == 0 {
			return j
		}
		if j+n < end && startsWord(text, j+n, end) {
			k := acronym(text, j+n, end)
			if k == j+n {
				k = t.letters(j + n)
			}
			j = k
			continue
		}
		// Sessions' office: an apostrophe after a final s closes the word,
		// unless a single quotation is open and this is its end.
		if apostrophe && (text[j-1] == 's' || text[j-1] == 'S') && !t.inQuote && j-start > 1 {
			return j + n
		}
		return j
	}
	return j
}

// startsWord reports whether a letter or digit starts at i.
func startsWord(text string, i, end int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isLetter(c) || isDigit(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// acronym returns the end of an abbreviation of short letter groups joined by
// periods at i ("U.S.", "a.m.", "Ph.D.", "U.S.A."), or i when there is none.
func acronym(text string, i, end int) int {
	j, groups := i, 0
	for {
		k := j
		for k < end && k-j < 3 && isLetter(text[k]) {
			k++
		}
		if k == j || k-j > 2 || k < end && isLetter(text[k]) {
			break
		}
		if k >= end || text[k] != '.' {
			if groups >= 1 && k > j {
				// "Ph.D": the last group without its period.
				return k
			}
			break
		}
		groups++
		j = k + 1
		if j >= end || !isLetter(text[j]) {
			if groups >= 2 {
				return j
			}
			break
		}
	}
	return i
}

// number scans a number whose digits start at d (after a currency sign at i).
func (t *tokenizer) number(i, d int) int {
	text, end := t.text, t.end
	j := d
	for j < end && isDigit(text[j]) {
		j++
	}
	for j+1 < end && isNumberSep(text[j]) && isDigit(text[j+1]) {
		j++
		for j < end && isDigit(text[j]) {
			j++
		}
	}
	if j < end && text[j] == '%' {
		t.emit(i, j+1, kNumber)
		return j + 1
	}
	// A suffix: 25th, 1990s. Other letters make a word: 3D, 10am, F-35 stays a word.
	k := j
	for k < end && isLetter(text[k]) {
		k++
	}
	if k > j && !ordinal(text[j:k]) || k < end && (startsWord(text, k, end) || text[k] == '-' && k+1 < end && startsWord(text, k+1, end)) {
		if i < d {
			t.emit(i, d, kPunct) // the currency sign alone
		}
		k = t.letters(d)
		k = t.connected(d, k)
		t.emit(d, k, kWord)
		return k
	}
	t.emit(i, k, kNumber)
	return k
}

func ordinal(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th", "s":
		return true
	}
	return false
}

func isNumberSep(c byte) bool { return c == ',' || c == '.' || c == ':' || c == '/' || c == '-' }

// handle scans an @handle or a #hashtag.
func (t *tokenizer) handle(i int) int {
	j := i + 1
	for j < t.end && isWordByte(t.text[j]) {
		j++
	}
	t.emit(i, j, kAddress)
	return j
}

// address returns the end of a URL or e-mail address starting at i, or i.
func (t *tokenizer) address(i int) int {
	text, end := t.text, t.end
	rest := text[i:end]
	if hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.") {
		j := i
		for j < end && !asciiSpace[text[j]] && text[j] >= ' ' && text[j] < utf8.RuneSelf {
			j++
		}
		return trimURL(text, i, j)
	}
	// user.name+tag@example.com
	j := i
	for j < end && j-i < 64 && (isWordByte(text[j]) || text[j] == '.' || text[j] == '%' || text[j] == '+' || text[j] == '-') {
		j++
	}
	if j+1 >= end || text[j] != '@' || !isWordByte(text[j+1]) || j == i {
		return i
	}
	k := j + 1
	dot := false
	for k < end && (isWordByte(text[k]) || text[k] == '.' || text[k] == '-') {
		dot = dot || text[k] == '.'
		k++
	}
	for k > j+1 && (text[k-1] == '.' || text[k-1] == '-') {
		k--
	}
	if !dot || strings.IndexByte(text[j+1:k], '.') < 0 {
		return i
	}
	return k
}

// trimURL drops the punctuation that ends the sentence or closes a bracket
// from the end of a URL.
func trimURL(text string, i, j int) int {
	for j > i {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?', '"', '\'', ')', ']', '>':
			if text[j-1] == ')' && strings.IndexByte(text[i:j-1], '(') >= 0 {
				return j
			}
			j--
			continue
		}
		break
	}
	return j
}

// punct emits the punctuation at i: a run of the same ASCII mark, or one rune.
func (t *tokenizer) punct(i int) int {
	text, end := t.text, t.end
	c := text[i]
	j := i + 1
	if c >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(text[i:end])
		j = i + n
		switch r {
		case '‘':
			t.inQuote = true
		case '’':
			t.inQuote = false
		}
	} else {
		if strings.IndexByte(".-`'!?*=_~", c) >= 0 {
			for j < end && text[j] == c {
				j++
			}
		}
		if c == '\'' && j == i+1 {
			// An opening single quote: after a space or a bracket, before a letter.
			opening := (i == 0 || asciiSpace[text[i-1]] || text[i-1] == '(' || text[i-1] == '"') && j < end && startsWord(text, j, end)
			t.inQuote = opening
		}
	}
	t.emit(i, j, kPunct)
	return j
}

// lower returns s in lower case with ’ folded to ', reusing s when it already is.
func lower(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; isUpper(c) || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isLetter(byte(c)) || isDigit(byte(c))
	}
	return t
}()

var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isUpper(c byte) bool    { return 'A' <= c && c <= 'Z' }
func isLetter(c byte) bool   { return 'a' <= c && c <= 'z' || isUpper(c) }
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

// isWordRune reports whether r continues a word: a letter, a digit, a combining
// mark, or an invisible format character such as the soft hyphen.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Cf)
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
