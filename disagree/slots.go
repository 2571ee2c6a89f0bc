package disagree

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/date"
)

// slots returns the values of every sentence of c, in sentence order.
func (cfg Config) slots(c *corpus.Corpus) []slot {
	var out []slot
	for i := range c.Sentences {
		s := &c.Sentences[i]
		has, dated := values(s)
		if !has {
			continue
		}
		var dates []date.Expr
		if dated {
			dates = date.Find(s.Text)
		}
		for _, e := range dates {
			if k := dateKey(e); k != "" {
				out = append(out, slot{sent: i, doc: s.Doc, span: shift(e.Span, s.Span.Start), date: e, key: k})
			}
		}
		for _, q := range Scan(s.Text) {
			if q.Partial || inDate(q.Span, dates) {
				continue
			}
			out = append(out, slot{sent: i, doc: s.Doc, span: shift(q.Span, s.Span.Start), quantity: q, key: quantityKey(q)})
		}
	}
	for k := range out {
		cfg.context(c, &out[k])
	}
	slices.SortStableFunc(out, func(a, b slot) int { return a.sent - b.sent })
	return out
}

// values is a cheap filter: most sentences hold no value at all, and fewer a date.
func values(s *precis.Sentence) (has, dated bool) {
	for _, t := range s.Tokens {
		switch {
		case t.Kind == precis.Number:
			has = true
			dated = dated || len(t.Text) == 4
		case len(t.Lower) >= 3 && dateWords[t.Lower[:3]]:
			has, dated = true, true
		default:
			if _, ok := numberWords[t.Lower]; ok {
				has = true
			}
		}
	}
	return has, dated
}

// dateWords are the first three letters of month and weekday names.
var dateWords = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
}

func shift(sp precis.Span, by int) precis.Span {
	return precis.Span{Start: sp.Start + by, End: sp.End + by}
}

func inDate(sp precis.Span, dates []date.Expr) bool {
	for _, e := range dates {
		if sp.Start < e.Span.End && e.Span.Start < sp.End {
			return true
		}
	}
	return false
}

func quantityKey(q Quantity) string {
	if q.Kind == Count || q.Kind == Money {
		return q.Kind.String() + ":" + unitClass(q.Unit)
	}
	return q.Kind.String()
}

// dateKey groups the date expressions that can be compared: calendar dates of a
// month or finer, years, and weekdays named alone. Relative expressions ("last
// week") and seasons are left out: without the day of writing they prove nothing.
func dateKey(e date.Expr) string {
	switch e.Kind {
	case date.Weekday:
		return "" // "said Wednesday", "reported Thursday": mostly two events
	case date.Absolute, date.Partial:
		switch e.Value.Gran {
		case date.Year:
			if e.Kind == date.Absolute {
				return "date"
			}
		case date.Month, date.Day:
			return "date"
		}
	}
	return ""
}

// context fills a slot's context: the distinct terms of the content words
// within Window content words of its value, numbers left out, each weighing its
// SentenceIDF times its nearness (1 for the two nearest words on each side, then
// halving every two words): the words next to a value say what it measures.
func (cfg Config) context(c *corpus.Corpus, s *slot) {
	sent := &c.Sentences[s.sent]
	terms := c.Terms[s.sent]
	var before, after []int32
	k := 0
	for _, t := range sent.Tokens {
		if !t.IsContent() {
			continue
		}
		id := terms[k]
		k++
		if t.Kind == precis.Number {
			continue
		}
		switch {
		case t.Span.End <= s.span.Start:
			before = append(before, id)
		case t.Span.Start >= s.span.End:
			if len(after) < cfg.Window {
				after = append(after, id)
			}
		}
	}
	if len(before) > cfg.Window {
		before = before[len(before)-cfg.Window:]
	}
	type tw struct {
		t int32
		w float64
	}
	var ws []tw
	for d, t := range slices.Backward(before) {
		ws = append(ws, tw{t, c.SentenceIDF[t] * nearness(len(before)-1-d)})
	}
	for d, t := range after {
		ws = append(ws, tw{t, c.SentenceIDF[t] * nearness(d)})
	}
	slices.SortFunc(ws, func(a, b tw) int {
		if a.t != b.t {
			return int(a.t - b.t)
		}
		return cmp.Compare(b.w, a.w)
	})
	s.ctx, s.ctxW, s.weight = s.ctx[:0], s.ctxW[:0], 0
	for k, x := range ws {
		if k > 0 && ws[k-1].t == x.t {
			continue
		}
		s.ctx = append(s.ctx, x.t)
		s.ctxW = append(s.ctxW, x.w)
		s.weight += x.w
		s.plain += c.SentenceIDF[x.t]
	}
	s.anchor = -1
	if !s.isDate() && s.quantity.Kind == Age {
		// The person an age belongs to: the noun after "a 20-year-old", the name before "Cosme, 32,".
		if strings.HasSuffix(strings.ToLower(s.quantity.Text), "old") {
			if rest := strings.TrimLeft(c.Docs[s.doc].Text[s.span.End:], " "); len(after) > 0 && rest != "" && unicode.IsUpper(firstRune(rest)) {
				s.anchor = after[0] // a name; a noun ("child", "son") may be any word for one person
			}
		} else if len(before) > 0 {
			s.anchor = before[len(before)-1]
		}
	}
}

// nearMiss reports two precise values within a fraction tol of each other:
// counts, amounts and times that differ by a little, dates a month apart or less.
func nearMiss(a, b *slot, tol float64) bool {
	if a.isDate() {
		if a.date.Value.Gran < date.Month || b.date.Value.Gran < date.Month {
			return false
		}
		ma := int(a.date.Value.Month) + 12*a.date.Value.Year
		mb := int(b.date.Value.Month) + 12*b.date.Value.Year
		if a.date.Value.Year == 0 || b.date.Value.Year == 0 {
			ma, mb = int(a.date.Value.Month), int(b.date.Value.Month)
		}
		return ma-mb <= 1 && mb-ma <= 1
	}
	x, y := a.quantity.Value, b.quantity.Value
	if a.quantity.Kind == Clock {
		x, y = x/(24*60), y/(24*60) // a fraction of a day
		return math.Abs(x-y) <= tol
	}
	return math.Abs(x-y) <= tol*math.Max(math.Abs(x), math.Abs(y))
}

// nearness weighs a context word d words away from the value (0: next to it).
func nearness(d int) float64 { return 1 / float64(int(1)<<(d/2)) }

// comparable reports whether two slots measure the same kind of thing.
func comparable(a, b *slot) bool {
	if a.isDate() != b.isDate() {
		return false
	}
	if !a.isDate() {
		return a.quantity.Comparable(b.quantity)
	}
	return a.key == b.key
}

// agree reports whether two comparable slots can both be true.
func agree(a, b *slot) bool {
	if !comparable(a, b) {
		return false
	}
	if !a.isDate() {
		return a.quantity.Compatible(b.quantity)
	}
	return !datesConflict(a.date, b.date)
}

// datesConflict reports two dates that cannot name one day: different weekdays,
// or calendar values that differ where both are known (a date without its year
// is compared on its month and day; 2016 and 2016-09 do not conflict).
func datesConflict(a, b date.Expr) bool {
	if a.Kind == date.Weekday || b.Kind == date.Weekday {
		return a.Kind == b.Kind && a.Weekday != b.Weekday
	}
	va, vb := a.Value, b.Value
	if va.Year != 0 && vb.Year != 0 && va.Year != vb.Year {
		return true
	}
	if va.Gran < date.Month || vb.Gran < date.Month {
		return false
	}
	if va.Month != vb.Month {
		return true
	}
	return va.Gran == date.Day && vb.Gran == date.Day && va.Day != vb.Day
}

// mentions reports whether sentence sent holds a value that agrees with x.
func mentions(slots []slot, sent int, x *slot) bool {
	i, _ := slices.BinarySearchFunc(slots, sent, func(s slot, n int) int { return s.sent - n })
	for ; i < len(slots) && slots[i].sent == sent; i++ {
		if agree(&slots[i], x) {
			return true
		}
	}
	return false
}

// valueKey tells versions apart: slots with one key give the same version.
func valueKey(s *slot) string {
	if s.isDate() {
		v := s.date.Value
		if s.date.Kind == date.Weekday {
			return "w" + s.date.Weekday.String()
		}
		return fmt.Sprintf("d%d-%d-%d-%d", v.Year, v.Month, v.Day, v.Gran)
	}
	q := s.quantity
	return fmt.Sprintf("%s|%g|%g|%g", unitClass(q.Unit), q.Value, q.Low, q.High)
}

func valueText(s *slot) string {
	if s.isDate() {
		return s.date.Text
	}
	return s.quantity.Text
}

// topic names the disputed fact from the words around the value in the first
// version's sentence: "number of conversations with foreign ambassadors".
func topic(c *corpus.Corpus, s *slot) string {
	sent := &c.Sentences[s.sent]
	local := precis.Span{Start: s.span.Start - sent.Span.Start, End: s.span.End - sent.Span.Start}
	text := sent.Text
	left := words(text[:local.Start], 5, true)
	right := words(text[local.End:], 6, false)
	var b strings.Builder
	switch {
	case s.isDate():
		b.WriteString("when")
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
// "over 25 conversations".
func unitWords(q Quantity) string {
	f := strings.Fields(q.Text)
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) || numberWords[strings.ToLower(w)] != 0 {
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
