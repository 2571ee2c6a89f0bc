package disagree

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// topic names the disputed fact from the words around the value in the first
// version's sentence: "number of conversations with foreign ambassadors".
func topic(c *corpus.Corpus, s *slot) string {
	switch s.kind {
	case titleSlot:
		return "title of " + s.name.who
	case roleSlot:
		return "who is " + s.name.title
	}
	sent := &c.Sentences[s.sent]
	text := sent.Text
	// A value the splitter cut may run past its sentence's end.
	local := precis.Span{Start: s.span.Start - sent.Span.Start, End: min(s.span.End-sent.Span.Start, len(text))}
	left := words(text[:local.Start], 5, true)
	right := words(text[local.End:], 6, false)
	var b strings.Builder
	switch {
	case s.kind == dateSlot || s.kind == weekdaySlot:
		b.WriteString("when")
	case s.quantity.Kind == Count && unitClass(s.quantity.Unit) == "length":
		b.WriteString("distance")
	case s.quantity.Kind == Count:
		b.WriteString("number of")
		if unit := unitWords(s.quantity); unit != "" {
			b.WriteString(" " + unit)
		}
		left = ""
	case s.quantity.Kind == Money:
		b.WriteString("amount")
	case s.quantity.Kind == Percent:
		b.WriteString("share")
	case s.quantity.Kind == Age:
		b.WriteString("age")
	case s.quantity.Kind == Clock:
		b.WriteString("time")
	}
	if left != "" {
		b.WriteString(": " + left + " …")
		if right != "" {
			b.WriteString(" " + right)
		}
	} else if right != "" {
		if s.quantity.Kind == Count {
			b.WriteString(" " + right)
		} else {
			b.WriteString(": … " + right)
		}
	}
	return b.String()
}

// unitWords returns the words of a count after its number: "conversations" of
// "over 25 conversations", "arrests" of "no arrests".
func unitWords(q Quantity) string {
	f := strings.Fields(q.Text)
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) || isNumberWord(strings.ToLower(w)) || i == 0 && q.Value == 0 && strings.EqualFold(w, "no") {
			rest := strings.Join(f[i+1:], " ")
			rest = strings.TrimLeft(rest, "-")
			if j := strings.LastIndex(rest, "-"); strings.HasPrefix(w, "") && j >= 0 && !strings.Contains(rest, " ") {
				rest = rest[j+1:]
			}
			return rest
		}
	}
	return ""
}

// words returns up to n words of s next to the value (the last n when fromEnd),
// stopping at clause punctuation, without function words at the outer edge.
func words(s string, n int, fromEnd bool) string {
	cut := func(r rune) bool { return strings.ContainsRune(",;:()\"“”—–[]!?", r) }
	if fromEnd {
		if i := strings.LastIndexFunc(s, cut); i >= 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			s = s[i+size:]
		}
	} else if i := strings.IndexFunc(s, cut); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	if fromEnd && len(f) > n {
		f = f[len(f)-n:]
	} else if !fromEnd && len(f) > n {
		f = f[:n]
	}
	for len(f) > 0 && edgeWord(f[0]) && fromEnd {
		f = f[1:]
	}
	for len(f) > 0 && edgeWord(f[len(f)-1]) && !fromEnd {
		f = f[:len(f)-1]
	}
	return strings.TrimRight(strings.Join(f, " "), ".")
}

func edgeWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".'’")) {
	case "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "as", "that", "which", "who", "was", "were", "is", "are", "had", "has", "have", "be", "been", "but", "from", "s":
		return true
	}
	return false
}
