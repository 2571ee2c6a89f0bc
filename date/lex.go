package date

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// tok is one word (a run of letters), number (a run of ASCII digits) or punctuation rune.
type tok struct {
	start, end int32
	n          int32 // the number's value (capped), for tNum
	key        int16 // index in keys of the word's keyword, 0 for other words
	kind       tokKind
	glued      bool // no space between the previous token and this one
	newline    bool // a line break lies between the previous token and this one
}

// lex splits text into tokens; it never fails. Offsets are int32: Find reads texts
// below 2 GiB (see maxText).
func lex(text string, toks []tok) []tok {
	i := 0
	glued, newline := false, false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				glued = false
				i++
				continue
			case c == '\n':
				glued, newline = false, true
				i++
				continue
			case '0' <= c && c <= '9':
				j, n := i, int32(0)
				for j < len(text) && '0' <= text[j] && text[j] <= '9' {
					if n < 1e6 {
						n = n*10 + int32(text[j]-'0')
					}
					j++
				}
				toks = append(toks, tok{start: int32(i), end: int32(j), kind: tNum, glued: glued && len(toks) > 0, newline: newline, n: n})
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j := i
				for j < len(text) {
					if c := text[j]; c < utf8.RuneSelf {
						if c|0x20 < 'a' || c|0x20 > 'z' {
							break
						}
						j++
						continue
					}
					r, size := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r) {
						break
					}
					j += size
				}
				t := tok{start: int32(i), end: int32(j), kind: tWord, glued: glued && len(toks) > 0, newline: newline}
				t.key = lookup(text[i:j])
				toks = append(toks, t)
			default:
				toks = append(toks, tok{start: int32(i), end: int32(i + 1), kind: tPunct, glued: glued && len(toks) > 0, newline: newline})
			}
			i = int(toks[len(toks)-1].end)
			glued, newline = true, false
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			glued = false
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				newline = true
			}
			i += size
			continue
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, tok{start: int32(i), end: int32(j), kind: tWord, glued: glued && len(toks) > 0, newline: newline})
		default:
			toks = append(toks, tok{start: int32(i), end: int32(i + size), kind: tPunct, glued: glued && len(toks) > 0, newline: newline})
		}
		i = int(toks[len(toks)-1].end)
		glued, newline = true, false
	}
	return toks
}

// lookup finds a word, in any case, among the keywords: its index in keys, or 0.
func lookup(w string) int16 {
	if len(w) > 13 || len(w) == 0 {
		return 0
	}
	if c := w[0] | 0x20; c < 'a' || c > 'z' || shapes[c-'a']&(1<<len(w)) == 0 {
		return 0
	}
	var buf [13]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	lw := buf[:len(w)]
	for h := hashWord(lw); ; h++ {
		slot := &table[h&(uint32(len(table))-1)]
		if slot.key == 0 || slot.word == string(lw) {
			return slot.key
		}
	}
}
