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
	id   int32       // the word in lower case, accents folded, periods dropped: see vocab
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
	// party marks the state of a party tag: "Minn." in "D-Minn.".
	party bool
	// apos marks a word with an inner apostrophe ("I'll", "O'Brien").
	apos bool
	// dotted marks a word written with periods ("U.S.", "P.O.").
	dotted bool
}

// letter reports whether the word is a single capital letter: an initial.
func (w *word) letter() bool { return w.cap && w.span.Len() == 1 }

// abbrevs are words written with a final period that does not end a sentence.
var abbrevs = set(`mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj cpl pvt prof rev st mt ft jr sr
inc corp co ltd no vs ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich
minn miss mo mont neb nev okla ore pa tenn tex vt va wis wyo jan feb mar apr jun jul aug sep
sept oct nov dec`)

// scan appends the words of a document to dst, read from its tokens. sents are the
// document's sentences from the corpus, tokens included; words take their sentence
// starts from them, and also find sentence ends of their own (a stop after a word
// that is not an abbreviation), so that a splitter's miss costs little.
func scan(dst []word, text string, sents []precis.Sentence, v *vocab) []word {
	s := scanner{text: text, v: v, out: dst, afterStop: true}
	start := len(dst)
	for i := range sents {
		s.sentence(sents[i].Tokens)
	}
	markHeadlines(text, s.out[start:])
	return s.out
}

type scanner struct {
	text      string
	v         *vocab
	out       []word
	prevEnd   int  // end of the last word, possessive ending included
	afterStop bool // the last word closed a sentence
}

func (s *scanner) sentence(toks []precis.Token) {
	opening := true // only opening marks so far
	for k := range toks {
		t := &toks[k]
		if t.Kind == precis.Punct {
			opening = opening && strings.TrimFunc(t.Text, isOpening) == ""
			continue
		}
		c := t.Text[0]
		if c == '@' || c == '#' {
			opening = false
			continue // handles and hashtags name nothing by their capitals
		}
		s.token(t, opening)
		opening = false
	}
}

// token adds the words of one word or number token: hyphens split it ("D-Minn",
// "Schertz-Cibolo-Universal"), and a possessive ending is cut off.
func (s *scanner) token(t *precis.Token, opensSentence bool) {
	start := t.Span.Start
	text, lower := t.Text, t.Lower
	sameLen := len(lower) == len(text)
	for {
		h := strings.IndexByte(text, '-')
		part := text
		if h >= 0 {
			part = text[:h]
		}
		if part != "" {
			var pl string
			if sameLen {
				pl = lower[:len(part)]
			}
			s.word(start, part, pl, opensSentence)
			opensSentence = false
		}
		if h < 0 {
			return
		}
		start += h + 1
		text = text[h+1:]
		if sameLen {
			lower = lower[h+1:]
		}
	}
}

// word adds one word written text at start; lower is its lower-case form or "".
func (s *scanner) word(start int, text, lower string, opensSentence bool) {
	end := start + len(text)
	w := word{span: precis.Span{Start: start, End: end}}
	if n := len(text); n > 1 {
		switch text[n-1] {
		case 's':
			if text[n-2] == '\'' && n > 2 {
				w.span.End -= 2
				w.poss = true
			} else if n > 4 && text[n-2] == 0x99 && strings.HasSuffix(text[:n-1], "’") {
				w.span.End -= len("’s")
				w.poss = true
			}
		case '\'':
			if text[n-2] == 's' {
				w.span.End--
				w.poss = true
			}
		case 0x99:
			if n > 3 && strings.HasSuffix(text, "s’") {
				w.span.End -= len("’")
				w.poss = true
			}
		}
	}
	wt := s.text[w.span.Start:w.span.End]
	if lower != "" && len(lower) >= len(wt) {
		lower = lower[:len(wt)]
		w.apos = strings.IndexByte(lower, '\'') >= 0
		w.id = s.v.lower(lower)
	} else {
		w.apos = strings.IndexByte(wt, '\'') >= 0 || strings.Contains(wt, "’")
		w.id = s.v.id(normWord(wt))
	}
	first := wt[0]
	if first < utf8.RuneSelf {
		w.cap = 'A' <= first && first <= 'Z'
	} else {
		w.cap = unicode.IsUpper(firstRune(wt))
	}
	if w.cap || first >= '0' && first <= '9' {
		w.acro = isAcronym(wt)
		w.dotted = strings.IndexByte(wt, '.') >= 0
	}
	gap := s.text[s.prevEnd:start]
	switch {
	case gap == " ":
		w.gap = ' '
	case strings.IndexByte(gap, '\n') >= 0 || strings.Contains(gap, "  ") || strings.IndexByte(gap, '\t') >= 0:
		w.gap = '\n' // a line break, or the wide gap that joins scraped fragments
	case strings.TrimSpace(gap) == "":
		w.gap = ' '
	case gap == "-":
		w.gap = '-'
	case gap[0] == '.' && strings.TrimSpace(gap[1:]) == "" && len(s.out) > 0 && s.v.isAbbrev(&s.out[len(s.out)-1]):
		w.gap = ' '
	default:
		w.gap = 'p'
	}
	if opensSentence {
		abbrev := gap != "" && gap[0] == '.' && len(s.out) > 0 && s.v.isAbbrev(&s.out[len(s.out)-1])
		w.initial = !abbrev
	}
	if s.afterStop || w.gap == '\n' || w.gap != ' ' && (opensQuote(gap) || afterDateline(gap)) {
		w.initial = true
	}
	if n := len(s.out); n > 0 && s.out[n-1].cap && s.v.cls[s.out[n-1].id]&cFurniture != 0 {
		w.initial = true // page furniture ends a fragment: "CLOSE Animal advocacy group"
	}
	s.afterStop = end < len(s.text) && s.text[end] != ' ' && endsSentence(s.text, end) && !s.v.isAbbrev(&w)
	s.out = append(s.out, w)
	s.prevEnd = end
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
func (v *vocab) isAbbrev(w *word) bool {
	return w.letter() || w.acro && w.dotted || v.cls[w.id]&cAbbrev != 0
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

// afterDateline reports whether a gap ends a dateline or a source tag, after which a
// sentence starts: "BROOKSVILLE, Ala. (AP) — Authorities", "(CNN) Hours after".
func afterDateline(gap string) bool {
	g := strings.TrimRightFunc(gap, unicode.IsSpace)
	return g != gap && (strings.HasSuffix(g, "—") || strings.HasSuffix(g, "–") || strings.HasSuffix(g, "--") || strings.HasSuffix(g, ")"))
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
			if w.span.Len() >= 4 && !w.acro {
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
