package date

import (
	"strings"
	"sync"
	"time"

	"github.com/precis-news/precis"
)

// Kind says what an expression needs before it names a date.
type Kind uint8

// The kinds of expression.
const (
	// Absolute expressions carry their year: "March 2, 2017", "late February 2016", "the 1990s".
	Absolute Kind = iota + 1
	// Partial expressions lack the year: "Dec. 29", "in July", "this summer".
	Partial
	// Weekday expressions name a day of the week: "Wednesday night", "last Tuesday".
	Weekday
	// Relative expressions count from the day of writing: "today", "last year", "two weeks ago".
	Relative
)

var kindNames = [...]string{"", "absolute", "partial", "weekday", "relative"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Expr is one date expression of a text.
type Expr struct {
	// Span locates the expression in the text given to Find; Text is that slice.
	Span precis.Span
	Text string
	Kind Kind
	// Value is what the expression says by itself: the whole date of an Absolute
	// expression; the month, day or season of a Partial one, with Year 0.
	Value Value
	// Weekday is the day of the week of a Weekday expression, and of a dated one
	// when HasWeekday ("Tuesday, Sept. 25").
	Weekday    time.Weekday
	HasWeekday bool
	// Unit and Shift place a Relative expression: Shift units from the day of writing
	// ("last year": Years, -1; "two weeks ago": Weeks, -2; "today": Days, 0).
	Unit  Unit
	Shift int
	// Dir is -1 for "last July" or "last Tuesday", +1 for "next …", 0 when the tense decides.
	Dir int
	// Future marks an expression in a sentence about the future ("will testify Thursday").
	Future bool
	// Vague marks an amount that is not known ("more than 58 years ago", "a few days ago"):
	// such an expression is found but never resolved.
	Vague bool
}

// Granularity returns how precise the expression's date is once resolved.
func (e Expr) Granularity() Granularity {
	switch e.Kind {
	case Absolute, Partial:
		return e.Value.Gran
	case Weekday:
		return Day
	case Relative:
		switch e.Unit {
		case Days:
			return Day
		case Weeks, Weekends, Months:
			return Month
		case Years:
			return Year
		case Decades:
			return Decade
		}
	}
	return None
}

// Find returns the date expressions of text, in order and without overlaps.
//
// Numeric dates are read in US order (3/2/2017 is March 2). Bare month names need a
// cue ("in May", "last March", "the April trial") so that the verb and the name are
// not dates; a four-digit number is a year only in a year's company ("in 2016",
// "2016.", "the 2016 election", but not "2,000 people" or "1600 Pennsylvania Ave.").
func Find(text string) []Expr {
	if len(text) > maxText {
		return nil
	}
	s := scanners.Get().(*scanner)
	s.text = text
	out := s.find(nil)
	s.text = ""
	if cap(s.toks) <= 1<<16 {
		scanners.Put(s)
	}
	return out
}

// maxText is the longest text Find reads: token offsets are 32-bit.
const maxText = 1<<31 - 1

var scanners = sync.Pool{New: func() any { return new(scanner) }}

type scanner struct {
	text    string
	toks    []tok
	lastEnd int // index of the token after the last expression found, -1 for none
}

func (s *scanner) find(out []Expr) []Expr {
	s.toks = lex(s.text, s.toks[:0])
	s.lastEnd = -10
	for i := 0; i < len(s.toks); {
		e, next, ok := s.at(i)
		if !ok || next <= i {
			i++
			continue
		}
		e.Span = precis.Span{Start: int(s.toks[i].start), End: int(s.toks[next-1].end)}
		e.Future = s.future(i)
		for e.Span.Start < e.Span.End && s.leadingThe(e.Span) {
			e.Span.Start += 4
		}
		e.Text = s.text[e.Span.Start:e.Span.End]
		out = append(out, e)
		s.lastEnd = next
		i = next
	}
	return out
}

func (s *scanner) leadingThe(sp precis.Span) bool {
	return sp.Len() > 4 && strings.EqualFold(s.text[sp.Start:sp.Start+4], "the ")
}

// at tries every pattern at token i; next is the index after the expression.
func (s *scanner) at(i int) (e Expr, next int, ok bool) {
	t := &s.toks[i]
	k := s.key(i)
	switch t.kind {
	case tNum:
		if e, n, ok := s.ago(i); ok {
			return e, n, true
		}
		if e, n, ok := s.numeric(i); ok {
			return e, n, true
		}
		if e, n, ok := s.dayMonth(i); ok {
			return e, n, true
		}
		return s.year(i, s.yearCued(i))
	case tPunct:
		return s.apostropheDecade(i)
	}
	if k == nil {
		return e, 0, false
	}
	if k.is(cEdge) {
		if e, n, ok := s.edge(i); ok {
			return e, n, true
		}
	}
	if k.is(cApprox) || k.is(cNumber) {
		if e, n, ok := s.ago(i); ok {
			return e, n, true
		}
	}
	if k.is(cMonth) && s.capital(i) {
		return s.month(i, s.monthCued(i))
	}
	if k.is(cWeekday) && s.capital(i) {
		return s.weekday(i)
	}
	if k.is(cDir) {
		if e, n, ok := s.dir(i); ok {
			return e, n, true
		}
	}
	if k.is(cDeictic) && !(s.capital(i) && !s.sentenceStart(i)) { // not "USA Today"
		return s.deictic(i)
	}
	if k.is(cSeason) {
		return s.season(i)
	}
	if k.is(cUnit) && k.val(cUnit) == int(Weekends) && s.lower(i) == "weekend" && s.lowerIs(i-1, "the") && s.lowerIn(i-2, "over", "on", "during", "at", "for", "this") {
		return Expr{Kind: Relative, Unit: Weekends}, i + 1, true
	}
	return e, 0, false
}

// Token helpers; all accept any index and answer false out of range.

func (s *scanner) ok(i int) bool { return 0 <= i && i < len(s.toks) }

func (s *scanner) str(i int) string {
	if !s.ok(i) {
		return ""
	}
	return s.text[s.toks[i].start:s.toks[i].end]
}

func (s *scanner) lower(i int) string {
	if !s.ok(i) || s.toks[i].kind != tWord {
		return ""
	}
	return strings.ToLower(s.str(i))
}

func (s *scanner) lowerIs(i int, w string) bool {
	return s.ok(i) && s.toks[i].kind == tWord && strings.EqualFold(s.str(i), w)
}

func (s *scanner) lowerIn(i int, ws ...string) bool {
	for _, w := range ws {
		if s.lowerIs(i, w) {
			return true
		}
	}
	return false
}

func (s *scanner) key(i int) *keyword {
	if !s.ok(i) || s.toks[i].key == 0 {
		return nil
	}
	return &keys[s.toks[i].key]
}

func (s *scanner) is(i int, c class) bool { return s.key(i).is(c) }

func (s *scanner) capital(i int) bool {
	if !s.ok(i) {
		return false
	}
	c := s.text[s.toks[i].start]
	return 'A' <= c && c <= 'Z'
}

func (s *scanner) punct(i int, p string) bool {
	return s.ok(i) && s.toks[i].kind == tPunct && s.str(i) == p
}

// glued reports whether token i exists and touches the token before it on the same line.
func (s *scanner) glued(i int) bool { return s.ok(i) && s.toks[i].glued }

// sameLine reports whether token i exists and no line break comes before it.
func (s *scanner) sameLine(i int) bool { return s.ok(i) && !s.toks[i].newline }

func (s *scanner) num(i int, digits int) (int, bool) {
	if !s.ok(i) || s.toks[i].kind != tNum {
		return 0, false
	}
	if digits > 0 && int(s.toks[i].end-s.toks[i].start) != digits {
		return 0, false
	}
	return int(s.toks[i].n), true
}

// dayNum reads a day of the month (1-31, one or two digits) and its ordinal suffix.
func (s *scanner) dayNum(i int) (day, next int, ok bool) {
	if !s.ok(i) || s.toks[i].kind != tNum || s.toks[i].end-s.toks[i].start > 2 || !s.sameLine(i) {
		return 0, 0, false
	}
	d := int(s.toks[i].n)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	next = i + 1
	if s.glued(next) && s.lowerIn(next, "st", "nd", "rd", "th") {
		next++
	}
	// Not a count or a time: "5,000", "5:30", "5.5", "5%".
	if s.glued(next) && (s.punct(next, ":") || s.punct(next, ".") || s.punct(next, ",")) && s.glued(next+1) && s.ok(next+1) && s.toks[next+1].kind == tNum {
		return 0, 0, false
	}
	if s.glued(next) && s.punct(next, "%") {
		return 0, 0, false
	}
	return d, next, true
}

// yearNum reads a four-digit year from 1000 to 2099 that is not part of a larger number.
func (s *scanner) yearNum(i int) (int, bool) {
	y, ok := s.num(i, 4)
	if !ok || y < 1000 || y > 2099 {
		return 0, false
	}
	if s.glued(i) && (s.punct(i-1, "$") || s.punct(i-1, "#") || s.punct(i-1, ".") || s.punct(i-1, "£") || s.punct(i-1, "€") || s.punct(i-1, "-") && s.ok(i-2) && s.toks[i-2].kind == tNum || s.punct(i-1, ",") && s.glued(i-1) && s.ok(i-2) && s.toks[i-2].kind == tNum) {
		return 0, false
	}
	if s.glued(i+1) && (s.punct(i+1, ",") || s.punct(i+1, ".") || s.punct(i+1, ":")) && s.glued(i+2) && s.ok(i+2) && s.toks[i+2].kind == tNum {
		return 0, false
	}
	if s.glued(i+1) && (s.punct(i+1, "%") || s.toks[i+1].kind == tWord && !s.lowerIs(i+1, "s")) {
		return 0, false
	}
	return y, true
}

// sentenceStart reports whether token i begins a sentence or a line.
func (s *scanner) sentenceStart(i int) bool {
	if i == 0 || !s.ok(i) || s.toks[i].newline {
		return true
	}
	p := s.str(i - 1)
	return p == "." || p == "!" || p == "?" || p == "\"" || p == "“" || p == "(" || p == ":"
}

// future reports whether the words before token i, in its sentence, speak of the future.
func (s *scanner) future(i int) bool {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		t := s.toks[j]
		if t.kind == tPunct {
			p := s.str(j)
			abbr := p == "." && s.glued(j) && s.ok(j-1) && s.toks[j-1].end-s.toks[j-1].start == 1 // "p.m.", "U.S."
			if p == "." && !abbr || p == "!" || p == "?" || p == ";" {
				return false
			}
		}
		switch s.lower(j) {
		case "will", "shall", "scheduled", "slated", "upcoming", "expected", "due":
			return true
		case "ll":
			if s.glued(j) {
				return true
			}
		case "to":
			if s.lowerIn(j-1, "set", "plans", "plan", "planned", "planning", "going", "is", "are", "due") {
				return true
			}
		case "for":
			if s.lowerIn(j-1, "set", "planned", "scheduled") {
				return true
			}
		}
		if t.newline {
			return false
		}
	}
	return false
}

// monthCued reports whether the words before a bare month name make it a month:
// "in July", "since March", "the April trial", "July and September".
func (s *scanner) monthCued(i int) bool {
	if !s.sameLine(i) {
		return false
	}
	may := s.lowerIs(i, "may")
	switch s.lower(i - 1) {
	case "in", "since", "until", "till", "through", "during", "by", "from", "before", "after", "between", "early", "late", "mid", "last", "next", "this", "of":
		if may && s.glued(i+1) && (s.punct(i+1, "'") || s.punct(i+1, "’")) {
			return false // Theresa May's
		}
		return true
	case "the", "a", "an":
		return !may && s.ok(i+1) && s.toks[i+1].kind == tWord && !s.capital(i+1)
	case "and", "or", "to":
		return s.lastEnd >= i-3 && s.lastEnd > 0
	}
	if s.punct(i-1, "-") || s.punct(i-1, "–") {
		return s.lastEnd == i-1
	}
	return false
}

// yearCued reports whether the words around a four-digit number make it a year.
func (s *scanner) yearCued(i int) bool {
	if s.is(i-1, cYearCue) || s.sentenceStart(i) {
		return true
	}
	if s.lowerIs(i-1, "s") && s.glued(i-1) && (s.punct(i-2, "'") || s.punct(i-2, "’")) {
		return true // Krystal's 2014 suit
	}
	if s.ok(i-1) && s.toks[i-1].kind == tPunct {
		switch s.str(i - 1) {
		case ",", "(", "-", "–", "—", "/":
			return true
		}
	}
	if !s.ok(i + 1) {
		return true
	}
	if s.toks[i+1].kind == tPunct {
		switch s.str(i + 1) {
		case ".", ",", ";", ":", ")", "?", "!", "'", "’", "\"", "”", "-", "–", "—":
			return true
		}
	}
	return s.toks[i+1].newline
}

// month reads "March 2, 2017", "Feb. 9", "Sept. 9th", "May, 2 2014", "August 2015",
// "May of 2017", and a bare month name when cued.
func (s *scanner) month(i int, cued bool) (Expr, int, bool) {
	k := s.key(i)
	m := time.Month(k.val(cMonth))
	j := i + 1
	abbr := k.abbr && !s.lowerIs(i, "may")
	if s.punct(j, ".") && s.glued(j) {
		j++
	} else if abbr && len(s.str(i)) > 3 && !s.lowerIs(i, "sept") {
		return Expr{}, 0, false
	}
	if s.punct(j, ",") && s.sameLine(j) {
		if _, _, ok := s.dayNum(j + 1); ok {
			j++
		}
	}
	if d, n, ok := s.dayNum(j); ok {
		n2 := n
		if s.punct(n2, ",") && s.sameLine(n2) {
			n2++
		}
		if y, ok := s.yearNum(n2); ok && s.sameLine(n2) && validDay(y, m, d) {
			return Expr{Kind: Absolute, Value: Value{Year: y, Month: m, Day: d, Gran: Day}}, n2 + 1, true
		}
		if !validDay(2000, m, d) {
			return Expr{}, 0, false
		}
		if m == 9 && d == 11 && s.is(n, cEvent) {
			return Expr{Kind: Absolute, Value: Value{Year: 2001, Month: 9, Day: 11, Gran: Day}}, n, true
		}
		return Expr{Kind: Partial, Value: Value{Month: m, Day: d, Gran: Day}}, n, true
	}
	y2 := j
	if s.punct(y2, ",") || s.lowerIs(y2, "of") {
		y2++
	}
	if y, ok := s.yearNum(y2); ok && s.sameLine(y2) {
		return Expr{Kind: Absolute, Value: Value{Year: y, Month: m, Gran: Month}}, y2 + 1, true
	}
	if abbr || !cued {
		return Expr{}, 0, false
	}
	return Expr{Kind: Partial, Value: Value{Month: m, Gran: Month}}, i + 1, true
}

// dayMonth reads "2 March 2017", "3 Sept 2017", "25th of December".
func (s *scanner) dayMonth(i int) (Expr, int, bool) {
	d, j, ok := s.dayNum(i)
	if !ok {
		return Expr{}, 0, false
	}
	if s.lowerIs(j, "of") {
		j++
	}
	if !s.is(j, cMonth) || !s.capital(j) || !s.sameLine(j) {
		return Expr{}, 0, false
	}
	m := time.Month(s.key(j).val(cMonth))
	j++
	if s.punct(j, ".") && s.glued(j) {
		j++
	}
	n := j
	if s.punct(n, ",") {
		n++
	}
	if y, ok := s.yearNum(n); ok && s.sameLine(n) && validDay(y, m, d) {
		return Expr{Kind: Absolute, Value: Value{Year: y, Month: m, Day: d, Gran: Day}}, n + 1, true
	}
	if !validDay(2000, m, d) || s.lowerIs(i+1, "may") {
		return Expr{}, 0, false
	}
	return Expr{Kind: Partial, Value: Value{Month: m, Day: d, Gran: Day}}, j, true
}

// numeric reads "2017-03-02", "3/2/2017" (US order), "3/2/17" and "9/11".
func (s *scanner) numeric(i int) (Expr, int, bool) {
	if y, ok := s.num(i, 4); ok && s.punct(i+1, "-") && s.glued(i+1) && s.glued(i+2) && s.punct(i+3, "-") && s.glued(i+3) && s.glued(i+4) {
		m, ok1 := s.num(i+2, 2)
		d, ok2 := s.num(i+4, 2)
		if ok1 && ok2 && validDay(y, time.Month(m), d) && !(s.glued(i+5) && s.ok(i+5) && s.toks[i+5].kind == tNum) {
			return Expr{Kind: Absolute, Value: Value{Year: y, Month: time.Month(m), Day: d, Gran: Day}}, i + 5, true
		}
		return Expr{}, 0, false
	}
	if !s.punct(i+1, "/") || !s.glued(i+1) || !s.glued(i+2) {
		return Expr{}, 0, false
	}
	m, ok1 := s.num(i, 0)
	d, ok2 := s.num(i+2, 0)
	if !ok1 || !ok2 || s.toks[i].end-s.toks[i].start > 2 || s.toks[i+2].end-s.toks[i+2].start > 2 {
		return Expr{}, 0, false
	}
	if s.glued(i) && (s.punct(i-1, "/") || s.punct(i-1, ".")) {
		return Expr{}, 0, false
	}
	if s.punct(i+3, "/") && s.glued(i+3) && s.glued(i+4) && s.ok(i+4) && s.toks[i+4].kind == tNum {
		y := int(s.toks[i+4].n)
		switch s.toks[i+4].end - s.toks[i+4].start {
		case 2:
			y += 1900
			if y < 1950 {
				y += 100
			}
		case 4:
		default:
			return Expr{}, 0, false
		}
		if y < 1000 || y > 2099 || !validDay(y, time.Month(m), d) || s.glued(i+5) && (s.punct(i+5, "/") || s.ok(i+5) && s.toks[i+5].kind == tNum) {
			return Expr{}, 0, false
		}
		return Expr{Kind: Absolute, Value: Value{Year: y, Month: time.Month(m), Day: d, Gran: Day}}, i + 5, true
	}
	if m == 9 && d == 11 && !(s.glued(i+3) && (s.punct(i+3, "/") || s.ok(i+3) && s.toks[i+3].kind == tNum)) {
		return Expr{Kind: Absolute, Value: Value{Year: 2001, Month: 9, Day: 11, Gran: Day}}, i + 3, true
	}
	return Expr{}, 0, false
}

// year reads "2016", the decade "1990s" and the ranges "2012-13" and "2014–2016"
// (a range is dated by its first year).
func (s *scanner) year(i int, cued bool) (Expr, int, bool) {
	y, ok := s.yearNum(i)
	if !ok {
		return Expr{}, 0, false
	}
	if s.glued(i+1) && s.lowerIs(i+1, "s") {
		if y%10 != 0 {
			return Expr{}, 0, false
		}
		return Expr{Kind: Absolute, Value: Value{Year: y, Gran: Decade}}, i + 2, true
	}
	if (s.punct(i+1, "-") || s.punct(i+1, "–")) && s.glued(i+1) && s.glued(i+2) {
		if y2, ok := s.num(i+2, 2); ok && y2 == (y+1)%100 && !s.glued(i+3) {
			return Expr{Kind: Absolute, Value: Value{Year: y, Gran: Year}}, i + 3, true
		}
		if y2, ok := s.num(i+2, 4); ok && y2 > y && y2 <= y+50 && !s.glued(i+3) {
			return Expr{Kind: Absolute, Value: Value{Year: y, Gran: Year}}, i + 3, true
		}
	}
	if !cued || s.is(i+1, cCount) && !s.capital(i+1) {
		return Expr{}, 0, false
	}
	return Expr{Kind: Absolute, Value: Value{Year: y, Gran: Year}}, i + 1, true
}

// apostropheDecade reads "’80s" and "'90s".
func (s *scanner) apostropheDecade(i int) (Expr, int, bool) {
	p := s.str(i)
	if p != "'" && p != "’" && p != "‘" {
		return Expr{}, 0, false
	}
	d, ok := s.num(i+1, 2)
	if !ok || !s.glued(i+1) || !s.glued(i+2) || !s.lowerIs(i+2, "s") || d%10 != 0 {
		return Expr{}, 0, false
	}
	y := 1900 + d
	if d == 0 {
		y = 2000
	}
	return Expr{Kind: Absolute, Value: Value{Year: y, Gran: Decade}}, i + 3, true
}

// weekday reads "Wednesday", "Wednesday night", "Tuesday, Sept. 25, 2018" and "Sun, 3 Sept 2017".
func (s *scanner) weekday(i int) (Expr, int, bool) {
	k := s.key(i)
	wd := time.Weekday(k.val(cWeekday))
	j := i + 1
	if s.punct(j, ".") && s.glued(j) && k.abbr {
		j++
	}
	if s.punct(j, ",") && s.sameLine(j) {
		j++
	}
	var e Expr
	var n int
	var ok bool
	if s.is(j, cMonth) && s.sameLine(j) {
		e, n, ok = s.month(j, false)
	} else if s.ok(j) && s.toks[j].kind == tNum {
		e, n, ok = s.dayMonth(j)
	}
	if ok && e.Value.Gran == Day {
		e.Weekday, e.HasWeekday = wd, true
		return e, n, true
	}
	if k.abbr || s.is(i-1, cHoliday) && s.capital(i-1) {
		return Expr{}, 0, false
	}
	next := i + 1
	if s.is(next, cPartOfDay) && !s.capital(next) && s.sameLine(next) {
		next++
	}
	return Expr{Kind: Weekday, Weekday: wd}, next, true
}

// dir reads "last year", "this past weekend", "next Tuesday", "last December",
// "this summer", "last night", "this morning".
func (s *scanner) dir(i int) (Expr, int, bool) {
	if s.lowerIn(i, "past", "coming") || s.lowerIn(i-1, "the", "that", "a") {
		return Expr{}, 0, false // "the last year", "the past week": durations
	}
	d := s.key(i).val(cDir)
	j := i + 1
	if s.lowerIs(i, "this") && s.lowerIs(j, "past") {
		d, j = -1, j+1
	}
	if !s.sameLine(j) {
		return Expr{}, 0, false
	}
	k := s.key(j)
	switch {
	case k.is(cUnit):
		u := Unit(k.val(cUnit))
		w := s.lower(j)
		if u == Decades || strings.HasSuffix(w, "s") {
			return Expr{}, 0, false
		}
		if u == Weekends {
			return Expr{Kind: Relative, Unit: Weekends, Shift: d}, j + 1, true
		}
		if u == Days {
			return Expr{}, 0, false
		}
		return Expr{Kind: Relative, Unit: u, Shift: d}, j + 1, true
	case k.is(cMonth) && s.capital(j) && !k.abbr:
		return Expr{Kind: Partial, Value: Value{Month: time.Month(k.val(cMonth)), Gran: Month}, Dir: d}, j + 1, true
	case k.is(cWeekday) && s.capital(j) && !k.abbr:
		if e, _, ok := s.weekday(j); ok && e.Kind != Weekday {
			return Expr{}, 0, false // "In this Monday, May 31, 1999 file photo": the date is read at "Monday"
		}
		return Expr{Kind: Weekday, Weekday: time.Weekday(k.val(cWeekday)), Dir: d}, j + 1, true
	case k.is(cSeason) && !s.capital(j):
		return Expr{Kind: Partial, Value: Value{Season: Season(k.val(cSeason)), Gran: Seasonal}, Dir: d}, j + 1, true
	case k.is(cPartOfDay) && !s.capital(j):
		w := s.lower(j)
		if d == -1 && w == "night" {
			return Expr{Kind: Relative, Unit: Days, Shift: -1}, j + 1, true
		}
		if d == 0 && s.lowerIs(i, "this") && w != "night" {
			return Expr{Kind: Relative, Unit: Days}, j + 1, true
		}
	}
	return Expr{}, 0, false
}

// deictic reads "today", "tonight", "yesterday afternoon", "tomorrow".
func (s *scanner) deictic(i int) (Expr, int, bool) {
	next := i + 1
	if !s.lowerIs(i, "tonight") && s.is(next, cPartOfDay) && s.sameLine(next) && !s.capital(next) {
		next++
	}
	return Expr{Kind: Relative, Unit: Days, Shift: s.key(i).val(cDeictic)}, next, true
}

// season reads "summer 2015", "the summer of 2015" and "in the summer".
func (s *scanner) season(i int) (Expr, int, bool) {
	se := Season(s.key(i).val(cSeason))
	j := i + 1
	if s.lowerIs(j, "of") {
		j++
	}
	if y, ok := s.yearNum(j); ok && s.sameLine(j) {
		return Expr{Kind: Absolute, Value: Value{Year: y, Season: se, Gran: Seasonal}}, j + 1, true
	}
	if s.capital(i) && !s.sentenceStart(i) {
		return Expr{}, 0, false // the Arab Spring
	}
	if s.lowerIs(i-1, "the") && s.lowerIn(i-2, "in", "during", "over", "by", "until", "since", "through") && !s.lowerIs(i+1, "of") {
		return Expr{Kind: Partial, Value: Value{Season: se, Gran: Seasonal}}, i + 1, true
	}
	return Expr{}, 0, false
}

// edge reads a date after "early", "late", "mid-", "earlier", "later", "the end of":
// "late June 2011", "mid-2016", "early this year", "late last year", "earlier this month",
// "the end of July".
func (s *scanner) edge(i int) (Expr, int, bool) {
	w := s.lower(i)
	j := i + 1
	switch w {
	case "mid":
		if (s.punct(j, "-") || s.punct(j, "–")) && s.glued(j) {
			j++
		}
	case "end", "beginning", "start", "middle":
		if !s.lowerIs(j, "of") {
			return Expr{}, 0, false
		}
		j++
	case "earlier", "later":
		if s.lowerIn(j, "this", "last", "next") && s.is(j+1, cUnit) {
			u := Unit(s.key(j + 1).val(cUnit))
			if u == Weeks || u == Months || u == Years {
				if strings.HasSuffix(s.lower(j+1), "s") {
					return Expr{}, 0, false
				}
				return Expr{Kind: Relative, Unit: u, Shift: s.key(j).val(cDir)}, j + 2, true
			}
		}
		return Expr{}, 0, false
	}
	if !s.sameLine(j) {
		return Expr{}, 0, false
	}
	var e Expr
	var n int
	var ok bool
	switch {
	case s.is(j, cMonth) && s.capital(j):
		e, n, ok = s.month(j, true)
	case s.ok(j) && s.toks[j].kind == tNum:
		e, n, ok = s.year(j, true)
	case s.is(j, cDir):
		e, n, ok = s.dir(j)
		ok = ok && e.Kind == Relative && (e.Unit == Years || e.Unit == Months || e.Unit == Weeks) || ok && e.Kind == Partial
	case s.is(j, cSeason):
		e, n, ok = s.season(j)
	case s.punct(j, "'") || s.punct(j, "’"):
		e, n, ok = s.apostropheDecade(j)
	}
	if !ok {
		return Expr{}, 0, false
	}
	return e, n, true
}

// ago reads "two weeks ago", "a year ago", "Just over a year ago", "more than 58 years ago".
func (s *scanner) ago(i int) (Expr, int, bool) {
	j := i
	vague := false
	for s.is(j, cApprox) && j < i+3 {
		if s.key(j).val(cApprox) == 1 && !s.lowerIs(j-1, "just") {
			vague = true
		}
		j++
	}
	count := 0
	switch {
	case s.ok(j) && s.toks[j].kind == tNum && s.toks[j].end-s.toks[j].start <= 4:
		count = int(s.toks[j].n)
		j++
	case s.lowerIs(j, "a") && s.lowerIs(j+1, "couple") && s.lowerIs(j+2, "of"):
		count, j = 2, j+3
	case s.lowerIs(j, "a") && s.lowerIs(j+1, "few"), s.lowerIs(j, "several"), s.lowerIs(j, "many"):
		vague = true
		count = 1
		if s.lowerIs(j, "a") {
			j++
		}
		j++
	case s.is(j, cNumber):
		count = s.key(j).val(cNumber)
		j++
		if s.is(j, cNumber) && count >= 20 && s.key(j).val(cNumber) < 10 { // "twenty five"
			count += s.key(j).val(cNumber)
			j++
		}
	default:
		return Expr{}, 0, false
	}
	if s.punct(j, "-") && s.glued(j) {
		return Expr{}, 0, false
	}
	if !s.is(j, cUnit) || !s.lowerIs(j+1, "ago") || !s.sameLine(j+1) {
		return Expr{}, 0, false
	}
	u := Unit(s.key(j).val(cUnit))
	if u == Weekends {
		return Expr{}, 0, false
	}
	return Expr{Kind: Relative, Unit: u, Shift: -count, Vague: vague}, j + 2, true
}
