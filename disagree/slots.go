package disagree

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/date"
	"github.com/precis-news/precis/similarity"
)

// story is one run of the detector over a corpus.
type story struct {
	c    *corpus.Corpus
	cfg  Config
	toks [][]ctok // per document, its content words in text order (numbers left out)
	refs []date.Reference
	// keys interns the slot keys: slots are compared only within a key.
	keys  map[string]int
	slots []slot
	// sole[doc*len(keys)+key] marks a document that gives one value only of a key.
	sole []bool
	// Buffers shared by the slots' contexts, and scratch.
	ctxBuf   []int32
	ctxWBuf  []float64
	vecT     []int32
	vecW     []float32
	scratchT []int32
	scratchW []termWeight
}

// ctok is one content word of a document, as a context word.
type ctok struct {
	start, end int32 // in the document's text
	term       int32
	para       int32 // the paragraph index within the document
}

// slot is one value of the story and its context.
type slot struct {
	sent, doc int
	span      precis.Span // in the document
	kind      slotKind
	quantity  Quantity     // for quantities
	weekday   time.Weekday // for weekdays
	day       date.Value   // for dates: resolved, or as written
	name      nameValue    // for names and titles
	key       int
	// ctx holds the distinct terms of the content words next to the value, sorted,
	// with their weights (SentenceIDF × nearness); weight is the weights' sum and
	// plain the sum of the terms' SentenceIDF.
	ctx    []int32
	ctxW   []float64
	weight float64
	plain  float64
	// wide is the unit TF-IDF vector of the content words within Config.Wide words
	// of the value in its paragraph: what the passage around the value is about.
	wide similarity.Vector
	// anchor is, for ages, the term of the person's name or noun; -1 if none.
	anchor int32
}

type slotKind uint8

const (
	quantitySlot slotKind = iota
	dateSlot
	weekdaySlot
	titleSlot
	roleSlot
	placeSlot
)

func newStory(c *corpus.Corpus, cfg Config) *story {
	st := &story{c: c, cfg: cfg, keys: map[string]int{}}
	st.refs = make([]date.Reference, len(c.Docs))
	for d := range c.Docs {
		if p := c.Docs[d].Published; !p.IsZero() {
			st.refs[d] = date.Reference{Day: p, Exact: true}
		}
	}
	return st
}

func (st *story) key(k string) int {
	if id, ok := st.keys[k]; ok {
		return id
	}
	id := len(st.keys)
	st.keys[k] = id
	return id
}

// words fills toks: every document's content words, numbers left out.
func (st *story) words() {
	c := st.c
	st.toks = make([][]ctok, len(c.Docs))
	number := make([]bool, len(c.Vocab)) // terms written with digits: values, not context
	for t, v := range c.Vocab {
		number[t] = hasDigit(v)
	}
	for d := range c.Docs {
		first, end := c.DocSentences(d)
		n := 0
		for i := first; i < end; i++ {
			n += len(c.Terms[i])
		}
		ts := make([]ctok, 0, n)
		for i := first; i < end; i++ {
			s := &c.Sentences[i]
			terms := c.Terms[i]
			k := 0
			for j := range s.Tokens {
				t := &s.Tokens[j]
				if t.Kind == precis.Punct || t.Stop {
					continue
				}
				term := terms[k]
				k++
				if !number[term] {
					ts = append(ts, ctok{int32(t.Span.Start), int32(t.Span.End), term, int32(s.Paragraph)})
				}
			}
		}
		st.toks[d] = ts
	}
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// values finds the numbers and dates of every sentence. A sentence is read with a
// little of the text after it, so that a value the splitter cut in two ("Oct." |
// "30") is still whole; a value is kept by the sentence it starts in.
func (st *story) values() {
	c := st.c
	st.slots = make([]slot, 0, 64)
	var qs []Quantity
	var ts []tok
	for i := range c.Sentences {
		s := &c.Sentences[i]
		lo, hi, dated := cues(s, st.refs[s.Doc].Exact, st.cfg.Weekdays)
		if lo < 0 && !dated {
			continue
		}
		text := c.Docs[s.Doc].Text
		end := s.Span.End
		if i+1 < len(c.Sentences) && c.Sentences[i+1].Doc == s.Doc && c.Sentences[i+1].Paragraph == s.Paragraph {
			end = min(c.Sentences[i+1].Span.End, end+lookAhead)
		}
		read := text[s.Span.Start:end]
		inside := s.Span.End - s.Span.Start
		var dates []date.Expr
		if dated {
			dates = date.Find(read)
		}
		for _, e := range dates {
			if e.Span.Start >= inside {
				continue
			}
			if k, day := st.dateKey(e, s.Doc); k != "" {
				st.slots = append(st.slots, slot{sent: i, doc: s.Doc, span: shift(e.Span, s.Span.Start), kind: dateKind(k), weekday: e.Weekday, day: day, key: st.key(k)})
			}
		}
		if lo < 0 {
			continue
		}
		// Only the words around the numbers are read: hedges before them, units after.
		from, to := window(text, s.Span.Start, end, lo, hi)
		qs, ts = scan(text[from:to], qs[:0], ts)
		for _, q := range qs {
			q.Span = shift(q.Span, from-s.Span.Start)
			if q.Span.Start >= inside || q.Partial || inDate(q.Span, dates) {
				continue
			}
			st.slots = append(st.slots, slot{sent: i, doc: s.Doc, span: shift(q.Span, s.Span.Start), quantity: q, key: st.key(quantityKey(q))})
		}
	}
}

// window returns the part of text[start:end] that the scanner reads around the
// numbers in [lo, hi): from a word start some way before the first to a word end
// some way after the last.
func window(text string, start, end, lo, hi int) (int, int) {
	from, to := max(start, lo-readBefore), min(end, hi+readAfter)
	if from > start {
		if i := strings.IndexByte(text[from:lo], ' '); i >= 0 {
			from += i + 1
		} else {
			from = lo
		}
	}
	if to < end {
		if i := strings.LastIndexByte(text[hi:to], ' '); i >= 0 {
			to = hi + i
		} else {
			to = hi
		}
	}
	return from, to
}

// readBefore and readAfter bound the text read around numbers: enough for "in
// excess of", "as much as", a name before an age ("Lizandra Cosme, 32,"), and the
// noun counted, "per cent" or "years old" after.
const readBefore, readAfter = 48, 64

// lookAhead is how far past its end a sentence is read for values cut by the splitter.
const lookAhead = 24

func dateKind(k string) slotKind {
	if k == "weekday" {
		return weekdaySlot
	}
	return dateSlot
}

// cues is a cheap filter: most sentences hold no value at all, and fewer a date.
// It reads tokens as any tokenizer may cut them: "three-year-old" and "30km" are
// one token each. relative tells whether relative dates ("two days ago") can be
// resolved, which needs the day of writing.
//
// The numbers lie within [lo, hi) of the document's text.
func cues(s *precis.Sentence, relative, weekdays bool) (lo, hi int, dated bool) {
	lo, hi = -1, -1
	for k := range s.Tokens {
		t := &s.Tokens[k]
		w := t.Lower
		if w == "" {
			continue
		}
		number := false
		switch c := w[0]; {
		case c >= '0' && c <= '9':
			number = true
			dated = dated || len(w) == 4 && year(w) || strings.IndexByte(w, '/') > 0
		case c == '$' || c >= utf8.RuneSelf && (strings.HasPrefix(w, "€") || strings.HasPrefix(w, "£")):
			number = true
		case c < 'a' || c > 'z':
		case t.Text[0] >= 'A' && t.Text[0] <= 'Z' && len(w) <= 10 && isDateWord(w):
			// Months and weekdays are capitalised: "may" is a verb, "May" likely a month.
			// A weekday alone is compared only when resolved or asked for. Other
			// capitalised words go on: "Four demonstrators", "No arrests" open sentences.
			if m, wd := dateWord(w); m || wd && (relative || weekdays) {
				dated = true
			}
		case w == "no":
			if k+1 < len(s.Tokens) {
				_, number = zeroEvents[s.Tokens[k+1].Lower]
			}
		case numberInitial[c]:
			if i := strings.IndexByte(w, '-'); i > 0 {
				w = w[:i]
			}
			number = numberWord(w)
		case relative && (w == "ago" || w == "yesterday" || w == "today"):
			dated = true
		}
		if number {
			if lo < 0 {
				lo = t.Span.Start
			}
			hi = t.Span.End
		}
	}
	return lo, hi, dated
}

// year reports four digits that may be a year of news: 1800 to 2099.
func year(w string) bool { return w[0] == '1' && w[1] >= '8' || w[0] == '2' && w[1] == '0' }

// dateWord reports the name of a month or a weekday, or its abbreviation.
func dateWord(w string) (month, weekday bool) {
	w = strings.TrimSuffix(w, ".")
	return date.IsMonth(w), date.IsWeekday(w)
}

func isDateWord(w string) bool { m, wd := dateWord(w); return m || wd }

// numberInitial marks the letters number words start with.
var numberInitial = [256]bool{'o': true, 't': true, 'f': true, 's': true, 'e': true, 'n': true, 'h': true, 'd': true}

// numberWord reports a number written in words.
func numberWord(w string) bool {
	if len(w) < 3 || len(w) > 9 || !numberInitial[w[0]] {
		return false
	}
	return isNumberWord(w)
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

// dateKey groups the date expressions that can be compared, and returns the date
// each names: its resolved value (package date, against the document's day of
// publication) or, without one, what it says by itself. A date with both its
// weekday and its year is a caption's timestamp, left out. Calendar dates of a month or
// finer and years are compared; a weekday alone only when nothing resolves it.
// Seasons, decades and unresolved relative dates ("last week") prove nothing.
func (st *story) dateKey(e date.Expr, doc int) (string, date.Value) {
	if e.Kind == date.Absolute && e.HasWeekday {
		// "on Tuesday, Jan. 24, 2017": the timestamp of a photo or video caption
		// (news copy names the weekday or the date), the day a picture was taken.
		return "", date.Value{}
	}
	v := e.Resolve(st.refs[doc])
	if v.IsZero() && (e.Kind == date.Absolute || e.Kind == date.Partial) {
		v = e.Value
	}
	switch {
	case !v.IsZero():
		switch v.Gran {
		case date.Year:
			if v.Year != 0 && e.Kind == date.Absolute {
				return "date", v
			}
		case date.Month, date.Day:
			return "date", v
		}
	case e.Kind == date.Weekday && st.cfg.Weekdays:
		return "weekday", date.Value{}
	}
	return "", date.Value{}
}

// context fills a slot's context from the document's content words around it,
// within its paragraph: the local context (Window words on each side, weighted by
// SentenceIDF and nearness: 1 for the two nearest words on each side, then halving
// every two words) and the wide one (Wide words on each side). Sentence boundaries
// are crossed, so that the context does not depend on where a splitter cuts.
//
// A local context stops at the next value of the same key (left, right: the
// byte bounds): in "died in December, and in April wrote a letter", "letter" is
// April's, not December's.
func (st *story) context(s *slot, left, right int) {
	c := st.c
	ts := st.toks[s.doc]
	para := int32(c.Sentences[s.sent].Paragraph)
	k0, _ := slices.BinarySearchFunc(ts, int32(s.span.Start), func(t ctok, pos int32) int { return cmp.Compare(t.end, pos+1) })
	k1 := k0
	for k1 < len(ts) && ts[k1].start < int32(s.span.End) {
		k1++
	}
	// The wide context crosses paragraphs too: news paragraphs are often one sentence.
	lo, hi := max(0, k0-st.cfg.Wide), min(len(ts), k1+st.cfg.Wide)
	ws := st.scratchW[:0]
	wide := st.scratchT[:0]
	for k := lo; k < hi; k++ {
		if k >= k0 && k < k1 {
			continue
		}
		t := ts[k].term
		wide = append(wide, t)
		d := k - k1 // distance in words from the value
		if k < k0 {
			d = k0 - 1 - k
		}
		if d < st.cfg.Window && ts[k].para == para && int(ts[k].start) >= left && int(ts[k].end) <= right {
			ws = append(ws, termWeight{t, c.SentenceIDF[t] * nearness(d)})
		}
	}
	st.scratchW, st.scratchT = ws, wide
	s.wide = st.vector(wide)
	slices.SortFunc(ws, func(a, b termWeight) int {
		if a.t != b.t {
			return cmp.Compare(a.t, b.t)
		}
		return cmp.Compare(b.w, a.w)
	})
	s.weight, s.plain = 0, 0
	n := len(st.ctxBuf)
	for k, x := range ws {
		if k > 0 && ws[k-1].t == x.t {
			continue
		}
		st.ctxBuf = append(st.ctxBuf, x.t)
		st.ctxWBuf = append(st.ctxWBuf, x.w)
		s.weight += x.w
		s.plain += c.SentenceIDF[x.t]
	}
	s.ctx, s.ctxW = st.ctxBuf[n:len(st.ctxBuf):len(st.ctxBuf)], st.ctxWBuf[n:len(st.ctxWBuf):len(st.ctxWBuf)]
	s.anchor = -1
	if s.kind == quantitySlot && s.quantity.Kind == Age {
		s.anchor = st.ageAnchor(s, ts, k0, k1, para)
	}
}

type termWeight struct {
	t int32
	w float64
}

// vector returns the unit TF-IDF vector of a bag of terms (as similarity.New),
// sorting terms in place and storing the vector in the story's buffers.
func (st *story) vector(terms []int32) similarity.Vector {
	slices.Sort(terms)
	n := len(st.vecT)
	var norm float64
	for i := 0; i < len(terms); {
		t := terms[i]
		j := i + 1
		for j < len(terms) && terms[j] == t {
			j++
		}
		if w := float64(j-i) * st.c.SentenceIDF[t]; w > 0 {
			st.vecT = append(st.vecT, t)
			st.vecW = append(st.vecW, float32(w))
			norm += w * w
		}
		i = j
	}
	if norm == 0 {
		return similarity.Vector{}
	}
	inv := float32(1 / math.Sqrt(norm))
	ws := st.vecW[n:len(st.vecW):len(st.vecW)]
	for i := range ws {
		ws[i] *= inv
	}
	return similarity.Vector{Terms: st.vecT[n:len(st.vecT):len(st.vecT)], Weights: ws}
}

// ageAnchor returns the term of the person an age belongs to: the name after "a
// 20-year-old" (a noun, "child" or "son", may be any word for one person: none),
// the name before "Cosme, 32,".
func (st *story) ageAnchor(s *slot, ts []ctok, k0, k1 int, para int32) int32 {
	text := st.c.Docs[s.doc].Text
	if strings.HasSuffix(strings.ToLower(s.quantity.Text), "old") {
		if k1 < len(ts) && ts[k1].para == para && unicode.IsUpper(firstRune(text[ts[k1].start:])) &&
			strings.TrimSpace(text[s.span.End:ts[k1].start]) == "" {
			return ts[k1].term
		}
		return -1
	}
	if k0 > 0 && ts[k0-1].para == para {
		return ts[k0-1].term
	}
	return -1
}

// nearness weighs a context word d words away from the value (0: next to it).
func nearness(d int) float64 { return 1 / float64(int(1)<<(d/2)) }

// local returns the overlap of two slots' local contexts: the better of the
// nearness-weighted and the plain IDF-weighted Dice coefficient, and the number
// of words they share.
func (st *story) local(a, b *slot) (float64, int) {
	var w, plain float64
	n := 0
	i, j := 0, 0
	for i < len(a.ctx) && j < len(b.ctx) {
		switch {
		case a.ctx[i] < b.ctx[j]:
			i++
		case a.ctx[i] > b.ctx[j]:
			j++
		default:
			w += min(a.ctxW[i], b.ctxW[j])
			plain += st.c.SentenceIDF[a.ctx[i]]
			n++
			i++
			j++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return max(2*w/(a.weight+b.weight), 2*plain/(a.plain+b.plain)), n
}

// evidence is how surely two slots are about the same fact: the mean of their
// local contexts' overlap and their wide contexts' cosine.
func (st *story) evidence(a, b *slot) (float64, int) {
	l, n := st.local(a, b)
	if n < st.cfg.MinShared {
		return 0, n
	}
	return (l + similarity.Dot(a.wide, b.wide)) / 2, n
}

// scattered holds one slot's contexts over term ids, so that evidence with
// many other slots reads their terms only instead of merging two lists.
type scattered struct {
	slot int       // 1 + the slot scattered, 0 for none
	ctx  []int32   // ctx[t]: 1 + the position of term t in the slot's ctx
	wide []float32 // wide[t]: term t's weight in the slot's wide vector
}

// set scatters slot a, unless it is the one scattered.
func (sc *scattered) set(st *story, a int) {
	if sc.slot == a+1 {
		return
	}
	if sc.ctx == nil {
		sc.ctx = make([]int32, len(st.c.Vocab))
		sc.wide = make([]float32, len(st.c.Vocab))
	}
	if sc.slot > 0 {
		old := &st.slots[sc.slot-1]
		for _, t := range old.ctx {
			sc.ctx[t] = 0
		}
		for _, t := range old.wide.Terms {
			sc.wide[t] = 0
		}
	}
	s := &st.slots[a]
	for k, t := range s.ctx {
		sc.ctx[t] = int32(k + 1)
	}
	for k, t := range s.wide.Terms {
		sc.wide[t] = s.wide.Weights[k]
	}
	sc.slot = a + 1
}

// evidence is st.evidence of the scattered slot and b, summed in the same
// (term) order, so the same to the last bit.
func (sc *scattered) evidence(st *story, b *slot) (float64, int) {
	a := &st.slots[sc.slot-1]
	var w, plain float64
	n := 0
	for j, t := range b.ctx {
		if i := sc.ctx[t] - 1; i >= 0 {
			w += min(a.ctxW[i], b.ctxW[j])
			plain += st.c.SentenceIDF[t]
			n++
		}
	}
	if n < st.cfg.MinShared {
		return 0, n
	}
	l := 0.0
	if n > 0 {
		l = max(2*w/(a.weight+b.weight), 2*plain/(a.plain+b.plain))
	}
	var dot float64
	for k, t := range b.wide.Terms {
		if x := sc.wide[t]; x != 0 {
			dot += float64(x) * float64(b.wide.Weights[k])
		}
	}
	return (l + dot) / 2, n
}

// needed returns the evidence two slots need to be taken as one fact: Context,
// less when the values themselves say so. Near misses of precise values are rarely
// two different facts, the less so the more digits they share ("$972,815" and
// "$972,814"); when each document gives one age only, with no name to tell
// whose, the ages are likely the same person's; and so are each document's one
// count of people arrested, killed or hurt, and its one time of day (Config.Sole).
func (st *story) needed(a, b *slot) float64 {
	switch {
	case a.kind == quantitySlot && closeDigits(a.quantity, b.quantity):
		return st.cfg.Near / 2
	case nearMiss(a, b, st.cfg.NearMiss):
		return st.cfg.Near
	case a.kind == quantitySlot && a.quantity.Kind == Age && a.anchor < 0 && st.bothSole(a, b):
		return st.cfg.Near
	case st.cfg.Sole > 0 && soleKind(a) && st.bothSole(a, b):
		if a.quantity.Kind == Count && (a.quantity.Value == 0 || b.quantity.Value == 0) {
			// "No arrests have been made" stands alone: it has no context to share.
			return 0
		}
		return st.cfg.Sole
	}
	return st.cfg.Context
}

// closeDigits reports two exact numbers of four significant digits or more that
// differ by less than one in a thousand.
func closeDigits(q, r Quantity) bool {
	if q.Hedged || r.Hedged || q.Low != q.High || r.Low != r.High || q.Kind == Clock || q.Kind == Age {
		return false
	}
	x, y := q.Value, r.Value
	return x != y && math.Abs(x-y) < 1e-3*math.Max(math.Abs(x), math.Abs(y)) && digits(q) >= 4 && digits(r) >= 4
}

// digits counts the significant digits a quantity is written with.
func digits(q Quantity) int {
	if q.prec <= 0 || q.Value == 0 {
		return 0
	}
	return int(math.Floor(math.Log10(math.Abs(q.Value)/q.prec))) + 1
}

// nearMiss reports two precise values within a fraction tol of each other:
// counts and amounts that differ by a little, days of one month three days apart or
// less. Times
// of day are not: "dispatched at 9:09" and "reported at 9:06" are two events.
func nearMiss(a, b *slot, tol float64) bool {
	switch a.kind {
	case dateSlot:
		va, vb := a.day, b.day
		if va.Gran != date.Day || vb.Gran != date.Day || va.Month != vb.Month || va.Year != vb.Year {
			return false
		}
		return va.Day-vb.Day <= 3 && vb.Day-va.Day <= 3
	case quantitySlot:
		x, y := a.quantity.Value, b.quantity.Value
		if a.quantity.Kind == Clock {
			return false
		}
		return math.Abs(x-y) <= tol*math.Max(math.Abs(x), math.Abs(y))
	}
	return false
}

// comparable reports whether two slots measure the same kind of thing.
func comparable(a, b *slot) bool {
	if a.kind != b.kind || a.key != b.key {
		return false
	}
	if a.kind == quantitySlot {
		return a.quantity.Comparable(b.quantity)
	}
	return true
}

// agree reports whether two comparable slots can both be true.
func agree(a, b *slot) bool {
	switch a.kind {
	case quantitySlot:
		return a.quantity.Compatible(b.quantity)
	case dateSlot:
		return !datesConflict(a.day, b.day)
	case weekdaySlot:
		return a.weekday == b.weekday
	default:
		return a.name.agrees(b.name)
	}
}

// datesConflict reports two dates that cannot name one day: values that differ
// where both are known (a date without its year is compared on its month and day;
// 2016 and 2016-09 do not conflict).
func datesConflict(va, vb date.Value) bool {
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

// soleKind reports the values of which a story has usually one, so that one each
// in two documents are likely one fact even with little context in common: counts
// of people by what happened to them ("four demonstrators were arrested", "no
// arrests") and times of day.
func soleKind(a *slot) bool {
	if a.kind != quantitySlot {
		return false
	}
	q := a.quantity
	return q.Kind == Clock || q.Kind == Count && strings.HasPrefix(q.Unit, "event:")
}

// bothSole reports whether the documents of a and b each give one value only of their key.
func (st *story) bothSole(a, b *slot) bool {
	return st.sole[a.doc*len(st.keys)+a.key] && st.sole[b.doc*len(st.keys)+b.key]
}
