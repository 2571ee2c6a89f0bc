package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// word is one word of a document as the finder sees it.
type word struct {
	span precis.Span // the word without a possessive ending
	text string      // text[span]
	norm string      // lower case, accents folded, periods dropped
	cap  bool        // opens with an upper-case letter
	acro bool        // an acronym: "CIA", "U.S."
	poss bool        // followed by a possessive 's or '
	// gap tells what separates the word from the previous one:
	// ' ' spaces, '-' a hyphen, 'p' punctuation, '\n' a line break.
	gap byte
	// initial marks a word that opens a sentence, a line or a quotation, where
	// capitals tell nothing.
	initial bool
	// head marks a word of a headline-like line (every word capitalised, no final stop).
	head bool
}

// abbrevs are words written with a final period that does not end a sentence.
var abbrevs = set(`mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj cpl pvt prof rev st mt ft jr sr
inc corp co ltd no vs ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich
minn miss mo mont neb nev okla ore pa tenn tex vt va wis wyo jan feb mar apr jun jul aug sep
sept oct nov dec`)

// scan splits text into words. starts holds offsets where sentences begin (from the
// corpus); the scanner also finds sentence starts of its own so that it does not
// depend on one splitter.
func scan(text string, starts []int) []word {
	out := make([]word, 0, len(text)/6)
	si := 0
	prevEnd := 0
	afterStop := true // the next word opens a sentence
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		end := wordEnd(text, i)
		w := word{span: precis.Span{Start: start, End: end}}
		// possessive endings
		if s := w.span.Of(text); len(s) > 2 && (strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s")) {
			if strings.HasSuffix(s, "'s") {
				w.span.End -= 2
			} else {
				w.span.End -= len("’s")
			}
			w.poss = true
		} else if end < len(text) && (text[end] == '\'' || strings.HasPrefix(text[end:], "’")) && s[len(s)-1] == 's' {
			k := end + 1
			if text[end] != '\'' {
				k = end + len("’")
			}
			if k >= len(text) || !isWordRune(firstRune(text[k:])) {
				w.poss = true
			}
		}
		w.text = w.span.Of(text)
		w.norm = normWord(w.text)
		first, _ := utf8.DecodeRuneInString(w.text)
		w.cap = unicode.IsUpper(first)
		w.acro = isAcronym(w.text)
		gap := text[prevEnd:start]
		switch {
		case gap == " ":
			w.gap = ' '
		case strings.Contains(gap, "\n") || strings.Contains(gap, "  ") || strings.Contains(gap, "\t"):
			w.gap = '\n' // a line break, or the wide gap that joins scraped fragments
		case strings.TrimSpace(gap) == "":
			w.gap = ' '
		case gap == "-":
			w.gap = '-'
		case strings.HasPrefix(gap, ".") && strings.TrimSpace(gap[1:]) == "" && len(out) > 0 && isAbbrev(out[len(out)-1]):
			w.gap = ' '
		default:
			w.gap = 'p'
		}
		for si < len(starts) && starts[si] <= start {
			abbrev := len(out) > 0 && isAbbrev(out[len(out)-1]) && strings.HasPrefix(gap, ".")
			if !abbrev && strings.TrimFunc(text[starts[si]:start], isOpening) == "" {
				w.initial = true
			}
			si++
		}
		if afterStop || w.gap == '\n' || opensQuote(gap) {
			w.initial = true
		}
		afterStop = endsSentence(text, end) && !isAbbrev(w)
		out = append(out, w)
		prevEnd = end // after any possessive ending
		i = end
	}
	markHeadlines(text, out)
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEnd returns the end of the word starting at i: letters and digits, inner
// apostrophes ("O'Brien", "Trump's") and dotted acronyms ("U.S.").
func wordEnd(text string, i int) int {
	letters := 0 // letters since the last period, for dotted acronyms
	dotted := false
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			i += n
			letters++
			continue
		case r == '\'' || r == '’':
			if j := i + n; j < len(text) && unicode.IsLetter(firstRune(text[j:])) {
				i = j
				continue
			}
		case r == '.':
			if letters == 1 {
				j := i + 1
				if j < len(text) && unicode.IsLetter(firstRune(text[j:])) {
					_, m := utf8.DecodeRuneInString(text[j:])
					if k := j + m; k >= len(text) || !isWordRune(firstRune(text[k:])) {
						i, letters, dotted = j, 0, true
						continue
					}
				}
				if dotted {
					return i + 1
				}
			}
		}
		break
	}
	return i
}

func isAcronym(s string) bool {
	upper, n := 0, 0
	for _, r := range s {
		if r == '.' {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			upper++
		} else if !unicode.IsDigit(r) {
			return false
		}
	}
	// Longer words in capitals are shouting ("ANALYSIS"), not acronyms.
	return upper >= 2 && n <= 5 || (upper == 1 && strings.Contains(s, "."))
}

// isAbbrev reports whether w is a title or initial whose period does not end a sentence.
func isAbbrev(w word) bool {
	if abbrevs[w.norm] {
		return true
	}
	r, n := utf8.DecodeRuneInString(w.text)
	return n == len(w.text) && unicode.IsUpper(r) || w.acro && strings.Contains(w.text, ".")
}

func isOpening(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("\"'“‘«‹„`([{—–-*•", r)
}

// opensQuote reports whether a gap ends with an opening quotation mark or bracket
// attached to the next word, or with a colon.
func opensQuote(gap string) bool {
	r, _ := utf8.DecodeLastRuneInString(gap)
	if strings.ContainsRune("\"“‘«„`('", r) {
		return true
	}
	g := strings.TrimRightFunc(gap, unicode.IsSpace)
	return strings.HasSuffix(g, ":")
}

// endsSentence reports whether the text after a word ending at i closes a sentence.
func endsSentence(text string, i int) bool {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '.' || r == '!' || r == '?':
			return true
		case strings.ContainsRune("\"'”’») ", r):
			i += n
		default:
			return false
		}
	}
	return false
}

// markHeadlines flags the words of lines that look like headlines: every word of four
// letters or more capitalised and no closing stop. There capitals tell nothing.
func markHeadlines(text string, ws []word) {
	for i := 0; i < len(ws); {
		j := i + 1
		for j < len(ws) && ws[j].gap != '\n' {
			j++
		}
		long, caps := 0, 0
		for _, w := range ws[i:j] {
			if len(w.text) >= 4 && !w.acro {
				long++
				if w.cap {
					caps++
				}
			}
		}
		lineEnd := strings.IndexByte(text[ws[j-1].span.End:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += ws[j-1].span.End
		}
		tail := strings.TrimSpace(text[ws[j-1].span.End:lineEnd])
		stopped := tail != "" && strings.ContainsAny(tail[len(tail)-1:], ".!?\"”")
		if long >= 2 && caps == long && !stopped {
			for k := i; k < j; k++ {
				ws[k].head = true
			}
		}
		i = j
	}
}
