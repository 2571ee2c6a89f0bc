package disagree

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/stem"
	"github.com/precis-news/precis/token"
)

// Kind says what a quantity measures.
type Kind uint8

// The kinds of quantity.
const (
	// Count is a number of things: "25 conversations", "five felony counts", "nine stories".
	Count Kind = iota + 1
	// Money is an amount of a currency: "$972,815", "24.2 million euros".
	Money
	// Percent is a share: "59%", "20 per cent".
	Percent
	// Age is a person's age: "a 2-year-old", "Cosme, 32,", "94 years old".
	Age
	// Clock is a time of day: "11:15 p.m.", "7:30pm"; Low and High count minutes from midnight.
	Clock
)

var kindNames = [...]string{"", "count", "money", "percent", "age", "time"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Quantity is one number of a text with what it counts and how exactly the text says it.
type Quantity struct {
	// Span locates the quantity as written, hedge and unit included ("over 25
	// conversations"), in the text given to Scan; Text is that slice.
	Span precis.Span
	Text string
	Kind Kind
	// Value is the number as written, scaled ("$1.5 billion": 1.5e9); a range gives its low end.
	Value float64
	// Low and High bound what the text allows: a rounded number covers its rounding
	// interval ("973,000": 972,500 to 973,500), a hedged one its hedge ("over 25": 25
	// and up; "about 40": 36 to 44), a range its ends, an age its year (2 to 3).
	Low, High float64
	// Unit is the stem of the noun counted ("convers" for "conversations"), the
	// currency ("$", "euro"), or "" for percentages, ages and times.
	Unit string
	// Hedged marks an approximate or bounded number ("over", "about", "nearly", "up to").
	Hedged bool
	// Bound is +1 for a lower bound ("over 25", "at least"), -1 for an upper bound
	// ("up to 2 million", "as much as"), else 0.
	Bound int
	// Partial marks a number that is part of, or added to, another ("20 of 26",
	// "another 3,000 jobs", "a total of 7,000"): it is never compared.
	Partial bool

	prec float64 // the place value the number is written to: 1 for "21", 0.1 for "21.3"
}

// Compatible reports whether q and r can both be true of one fact: they measure
// the same kind in the same unit and their intervals overlap. Quantities of
// different kinds or units are not comparable, and so not compatible either;
// callers check Comparable first.
//
// Two bounds in the same direction are compared by their numbers: "up to 2
// million" and "as much as 3 million" report different ceilings.
//
// A whole number beside one with decimals is taken as rounded: "21 percent" covers
// "21.3 percent".
func (q Quantity) Compatible(r Quantity) bool {
	const eps = 1e-9
	if q.Bound != 0 && q.Bound == r.Bound {
		return math.Abs(q.Value-r.Value) <= eps*math.Max(1, math.Abs(q.Value))
	}
	ql, qh := q.rounded(r)
	rl, rh := r.rounded(q)
	if q.Unit != r.Unit {
		// Lengths in different units: compared in metres, allowing for the rounding
		// of a conversion ("12 miles (19 km)") and for the height of a storey.
		if fq, ok := lengths[q.Unit]; ok {
			ql, qh = inMetres(ql, qh, q.prec, fq)
			rl, rh = inMetres(rl, rh, r.prec, lengths[r.Unit])
		}
	}
	return ql <= rh+eps*math.Max(1, math.Abs(rh)) && rl <= qh+eps*math.Max(1, math.Abs(qh))
}

// inMetres converts an interval of a unit of length f to metres, widened by half
// a unit for a whole number and by a tenth for the conversion.
func inMetres(lo, hi, prec float64, f [2]float64) (float64, float64) {
	if lo == hi && prec == 1 {
		lo, hi = lo-0.5, hi+0.5
	}
	return 0.9 * lo * f[0], 1.1 * hi * f[1]
}

// lengths gives, per unit of length, the metres one unit measures: the least
// and the most (a storey is 3 to 4.5 metres).
var lengths = map[string][2]float64{
	"ft": {0.3048, 0.3048}, "feet": {0.3048, 0.3048}, "foot": {0.3048, 0.3048},
	"m": {1, 1}, "metr": {1, 1}, "meter": {1, 1},
	"km": {1000, 1000}, "kilometr": {1000, 1000},
	"mile": {1609.344, 1609.344}, "yard": {0.9144, 0.9144},
	"stori": {3, 4.5}, "floor": {3, 4.5},
}

// rounded returns q's interval, widened by half a unit when q is a whole number
// and r is written with decimals.
func (q Quantity) rounded(r Quantity) (float64, float64) {
	if q.Kind != Age && q.Kind != Clock && q.prec == 1 && r.prec > 0 && r.prec < 1 {
		return q.Low - 0.5, q.High + 0.5
	}
	return q.Low, q.High
}

// Comparable reports whether q and r measure the same kind of thing in the same unit.
func (q Quantity) Comparable(r Quantity) bool {
	if q.Partial || r.Partial || q.Kind != r.Kind {
		return false
	}
	if q.Kind != Count && q.Kind != Money {
		return true
	}
	return unitClass(q.Unit) == unitClass(r.Unit)
}

// synonyms groups the counted nouns that news copy uses for one another
// ("25 conversations" and "26 meetings"), by stem. A noun not listed is its own class.
var synonyms = map[string]string{
	"convers": "meet", "meet": "meet", "talk": "meet", "contact": "meet", "encount": "meet",
	"peopl": "person", "person": "person", "individu": "person",
	"child": "child", "children": "child", "kid": "child", "toddler": "child",
	"stori": "length", "floor": "length", "yard": "length",
	"dollar": "$", "$": "$", "usd": "$",
	"euro": "€", "€": "€",
	"pound": "£", "£": "£", "sterl": "£",
	"ft": "length", "feet": "length", "foot": "length",
	"m": "length", "metr": "length", "meter": "length",
	"mile": "length", "km": "length", "kilometr": "length",
}

func unitClass(u string) string {
	if c, ok := synonyms[u]; ok {
		return c
	}
	return u
}

// maxScan is the longest text Scan reads; longer texts yield nothing.
const maxScan = 1 << 20

// Scan returns the quantities of an English text in order: numbers written in digits
// or words with the noun they count, amounts of money, percentages, ages and times of
// day. A bare number without a unit ("No. 3", a year, a score) is not a quantity.
// Dates are left to package date: callers drop quantities inside date expressions.
func Scan(text string) []Quantity {
	out, _ := scan(text, nil, nil)
	return out
}

// scan appends the quantities of text to out, lexing into the scratch ts, and
// returns both for reuse.
func scan(text string, out []Quantity, ts []tok) ([]Quantity, []tok) {
	if len(text) > maxScan {
		return out, ts
	}
	ts = lex(text, ts)
	for i := 0; i < len(ts); i++ {
		q, next, ok := quantityAt(text, ts, i)
		if !ok {
			continue
		}
		q.Text = q.Span.Of(text)
		out = append(out, q)
		i = next - 1
	}
	return out, ts
}

// tok is one token of the scanner's own light lexer: a run of letters, a run of
// digits (with inner commas and points), or one other character.
type tok struct {
	start, end int
	kind       byte // 'w' word, 'd' digits, 'p' punctuation or symbol
	lower      string
}

// lex cuts text into tokens, reusing ts.
func lex(text string, ts []tok) []tok {
	ts = ts[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c >= '\t' && c <= '\r':
				i++
			case c >= '0' && c <= '9':
				j := digitsEnd(text, i+1)
				ts = append(ts, tok{i, j, 'd', text[i:j]})
				i = j
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				j := wordEnd(text, i)
				ts = append(ts, tok{i, j, 'w', lexLower(text[i:j])})
				i = j
			default:
				ts = append(ts, tok{i, i + 1, 'p', text[i : i+1]})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			ts = append(ts, tok{i, i + n, 'd', text[i : i+n]})
			i += n
		case unicode.IsLetter(r):
			j := wordEnd(text, i)
			ts = append(ts, tok{i, j, 'w', lexLower(text[i:j])})
			i = j
		default:
			ts = append(ts, tok{i, i + n, 'p', text[i : i+n]})
			i += n
		}
	}
	return ts
}

// digitsEnd returns the end of the run of digits at i, inner commas and points included.
func digitsEnd(text string, j int) int {
	for j < len(text) {
		c := text[j]
		if c >= '0' && c <= '9' {
			j++
		} else if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' && text[j-1] >= '0' && text[j-1] <= '9' {
			j++
		} else {
			break
		}
	}
	return j
}

// wordEnd returns the end of the word at i: letters, and apostrophes between letters.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				j++
				continue
			}
			if c == '\'' && j+1 < len(text) && isLetterAt(text, j+1) {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || r == '’' && j+n < len(text) && isLetterAt(text, j+n) {
			j += n
			continue
		}
		break
	}
	return j
}

// lexLower returns a word as the scanner looks it up: in lower case, except
// words longer than any it looks up, left as they are.
func lexLower(w string) string {
	if len(w) > 13 {
		return w
	}
	return lowerWord(w)
}

// lowerWord returns w in lower case, without allocating when it already is.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// numberValue returns the value of a number written in words ("seven", "dozen").
func numberValue(w string) (float64, bool) {
	if len(w) < 3 || len(w) > 9 {
		return 0, false
	}
	switch w {
	case "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve", "dozen":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	case "hundred":
		return 100, true
	}
	return 0, false
}

func isNumberWord(w string) bool { _, ok := numberValue(w); return ok }

var scales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}

// hedges maps the words before a number to how they widen it.
type hedge uint8

const (
	noHedge hedge = iota
	atLeast       // over, more than, at least
	nearly        // nearly, almost, just under
	about         // about, around, roughly
	atMost        // up to, fewer than, less than
)

var hedges2 = map[string]hedge{
	"more than": atLeast, "at least": atLeast, "just over": atLeast, "upwards of": atLeast, "in excess": atLeast,
	"just under": nearly, "close to": nearly, "nearly all": nearly,
	"an estimated": about, "many as": atMost, "much as": atMost, "fewer than": atMost, "less than": atMost,
	"up to": atMost, "no more": atMost,
}

var hedges1 = map[string]hedge{
	"over": atLeast, "above": atLeast, "exceeding": atLeast,
	"nearly": nearly, "almost": nearly,
	"about": about, "around": about, "roughly": about, "approximately": about, "some": about,
	"estimated": about, "circa": about, "approx": about, "~": about,
	"under": atMost, "below": atMost,
}

// partialBefore marks a number that adds to or is part of another.
var partialBefore = map[string]bool{
	"another": true, "additional": true, "further": true, "extra": true, "of": true, "total": true,
	"remaining": true, "other": true, "first": true, "last": true, "latest": true, "new": true,
}

var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// quantityAt reads a quantity starting at token i, returning it and the index of
// the token after it.
func quantityAt(text string, ts []tok, i int) (Quantity, int, bool) {
	t := ts[i]
	var v, prec float64
	j := i + 1
	if t.lower == "no" {
		return zeroAt(ts, i)
	}
	switch t.kind {
	case 'd':
		var ok bool
		if v, prec, ok = parseDigits(t.lower); !ok {
			return Quantity{}, 0, false
		}
		if j < len(ts) && ts[j].start == t.end && ts[j].kind == 'w' && ordinalSuffix[ts[j].lower] {
			return Quantity{}, 0, false
		}
	case 'w':
		if len(t.lower) < 3 || len(t.lower) > 9 {
			return Quantity{}, 0, false
		}
		n, ok := numberValue(t.lower)
		if !ok || t.lower == "hundred" || t.lower == "dozen" && (i == 0 || ts[i-1].lower != "a") {
			return Quantity{}, 0, false
		}
		v, prec = n, 1
		// "twenty-five", "two and a half"
		if n >= 20 && n < 100 && j+1 < len(ts) && ts[j].lower == "-" {
			if u, ok := numberValue(ts[j+1].lower); ok && u < 10 {
				v += u
				j += 2
			}
		}
		if j+2 < len(ts) && ts[j].lower == "and" && ts[j+1].lower == "a" && ts[j+2].lower == "half" {
			v += 0.5
			prec = 0.5
			j += 3
		}
		if j < len(ts) && (ts[j].lower == "hundred" || ts[j].lower == "dozen") {
			m, _ := numberValue(ts[j].lower)
			v *= m
			j++
		}
	default:
		return Quantity{}, 0, false
	}
	start := t.start
	q := Quantity{Kind: Count, Value: v}

	// A currency sign before the number.
	if i > 0 && ts[i-1].kind == 'p' && ts[i-1].end == t.start {
		switch ts[i-1].lower {
		case "$", "€", "£", "¥":
			q.Kind, q.Unit = Money, ts[i-1].lower
			start = ts[i-1].start
			if i > 1 && ts[i-2].kind == 'w' && ts[i-2].end == ts[i-1].start && len(ts[i-2].lower) <= 2 { // US$
				start = ts[i-2].start
			}
		case "-", "/", "#", ".", ":", "–":
			return Quantity{}, 0, false // the tail of a phone number, a score, a date, a list number
		}
	}
	b := i // first token of the quantity, currency included
	if q.Kind == Money {
		b = i - 1
	}

	// A time of day: "11:15 p.m.", "5 p.m.", "7:30pm".
	if t.kind == 'd' && !strings.ContainsAny(t.lower, ".,") {
		if c, end, ok := clockAt(ts, i, v); ok {
			q.Kind, q.Value, q.Low, q.High = Clock, c, c, c
			q.Span = precis.Span{Start: t.start, End: ts[end-1].end}
			applyHedge(&q, ts, b, 1, &start)
			q.Span.Start = start
			return q, end, true
		}
	}

	// A range: "20-30 feet", "three to 10 years".
	hi := v
	if j+1 < len(ts) && (ts[j].lower == "-" || ts[j].lower == "–" || ts[j].lower == "to") {
		if w, p2, ok := numberAt(ts, j+1); ok && w > v {
			hi = w
			prec = math.Min(prec, p2)
			j += 2
		}
	}
	// A scale: "1.5 billion", "€5.58m".
	if j < len(ts) && ts[j].kind == 'w' {
		if s, ok := scales[ts[j].lower]; ok && (len(ts[j].lower) > 2 || ts[j].start == ts[j-1].end) {
			v, hi, prec = v*s, hi*s, prec*s
			j++
		}
	}
	q.Value = v
	end := ts[j-1].end

	switch {
	case j < len(ts) && (ts[j].lower == "%" || ts[j].lower == "percent"):
		q.Kind = Percent
		end = ts[j].end
		j++
	case j+1 < len(ts) && ts[j].lower == "per" && ts[j+1].lower == "cent":
		q.Kind = Percent
		end = ts[j+1].end
		j += 2
	}
	if q.Kind == Count {
		if a, ok := ageAfter(ts, j); ok {
			q.Kind = Age
			end = ts[a-1].end
			j = a
		} else if appositiveAge(text, ts, b, j, v) {
			q.Kind = Age
		}
	}
	if q.Kind == Count || q.Kind == Money && q.Unit == "" {
		unit, uend, ok := unitAfter(text, ts, j)
		if q.Kind == Count && !ok {
			return Quantity{}, 0, false
		}
		if ok {
			if c := unitClass(unit); c == "$" || c == "€" || c == "£" {
				q.Kind = Money
			}
			q.Unit = unit
			end = ts[uend-1].end
			j = uend
			if q.Kind == Count {
				q.Unit = eventUnit(ts, j, unit)
			}
		}
	}
	if q.Kind == Money {
		q.Unit = unitClass(q.Unit)
	}

	// The interval the text allows.
	q.prec = prec
	q.Low, q.High = v, hi
	if q.Kind == Age {
		q.Low, q.High = math.Floor(v), math.Floor(hi)+0.999
	} else if hi == v && prec > 1 {
		q.Low, q.High = v-prec/2, v+prec/2
	}
	h := applyHedge(&q, ts, b, prec, &start)
	if h == noHedge && b > 0 && partialBefore[ts[b-1].lower] && (q.Kind == Count || ts[b-1].lower != "of") ||
		b > 1 && ts[b-1].lower == "the" && ts[b-2].lower == "of" || j < len(ts) && ts[j].lower == "of" && q.Kind != Money && q.Kind != Percent && q.Unit == "" {
		q.Partial = true
	}
	if j < len(ts) && (ts[j].lower == "more" || ts[j].lower == "additional" || ts[j].lower == "new") {
		q.Partial = true
	}
	q.Span = precis.Span{Start: start, End: end}
	return q, j, true
}

// zeroAt reads "no arrests", "no injuries": none of an event that news counts.
func zeroAt(ts []tok, i int) (Quantity, int, bool) {
	if i+1 >= len(ts) || ts[i+1].kind != 'w' {
		return Quantity{}, 0, false
	}
	ev, ok := zeroEvents[ts[i+1].lower]
	if !ok {
		return Quantity{}, 0, false
	}
	q := Quantity{Kind: Count, Unit: ev, prec: 1, Span: precis.Span{Start: ts[i].start, End: ts[i+1].end}}
	return q, i + 2, true
}

// zeroEvents are the plural nouns of events whose absence news reports ("no
// arrests have been made"), with the event they count.
var zeroEvents = map[string]string{
	"arrests": "event:arrest", "injuries": "event:injury", "deaths": "event:death", "fatalities": "event:death",
}

// eventUnit returns the unit of a count of people, which is the event that
// happened to them when the text says it ("four demonstrators were arrested",
// "three people in custody", "two people died"), else the noun counted. People
// are counted by event only when named generally ("people", "protesters"), so that
// "two officers were hurt" and "five people were hurt" are not compared.
func eventUnit(ts []tok, j int, unit string) string {
	if !generalPeople[unit] {
		return unit
	}
	for k := j; k < len(ts) && k < j+3; k++ {
		w := ts[k].lower
		switch w {
		case "were", "was", "are", "is", "have", "has", "had", "been", "being", "later", "reportedly", "all", "in":
			if w == "in" && k+1 < len(ts) && ts[k+1].lower == "custody" {
				return "event:arrest"
			}
			continue
		}
		if ts[k].kind != 'w' {
			break
		}
		for _, e := range events {
			if strings.HasPrefix(w, e[0]) {
				return "event:" + e[1]
			}
		}
		break
	}
	return unit
}

// generalPeople are the stems of nouns that count people in general.
var generalPeople = map[string]bool{
	"peopl": true, "person": true, "individu": true, "protest": true, "protestor": true, "demonstr": true,
	"activist": true, "other": true,
}

// events maps the start of a verb or adjective to the event it reports.
var events = [][2]string{
	{"arrest", "arrest"}, {"detain", "arrest"},
	{"kill", "death"}, {"dead", "death"}, {"die", "death"},
	{"injur", "injury"}, {"hurt", "injury"}, {"wound", "injury"},
	{"shot", "shot"}, {"missing", "missing"}, {"evacuat", "evacuation"},
	{"hospitali", "hospital"},
}

// numberAt reads a number in digits or words at token i.
func numberAt(ts []tok, i int) (float64, float64, bool) {
	if i >= len(ts) {
		return 0, 0, false
	}
	if ts[i].kind == 'd' {
		return parseDigits(ts[i].lower)
	}
	if n, ok := numberValue(ts[i].lower); ok && ts[i].lower != "hundred" && ts[i].lower != "dozen" {
		return n, 1, true
	}
	return 0, 0, false
}

// parseDigits reads "972,815", "5.58", "1,000" and returns the number and the
// place value it is rounded to: 1 for small whole numbers, 0.01 for "5.58", 1,000
// for "973,000" (whole numbers of four digits or more with trailing zeros are rounded).
func parseDigits(s string) (float64, float64, bool) {
	if len(s) > 24 {
		return 0, 0, false
	}
	plain := strings.ReplaceAll(s, ",", "")
	if strings.Count(plain, ".") > 1 {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, 0, false
	}
	if k := strings.IndexByte(plain, '.'); k >= 0 {
		return v, math.Pow(10, -float64(len(plain)-k-1)), true
	}
	prec := 1.0
	if v >= 1000 {
		for k := len(plain) - 1; k > 0 && plain[k] == '0'; k-- {
			prec *= 10
		}
	}
	return v, prec, true
}

// clockAt reads a time of day at token i (whose number is h): "11:15 p.m.",
// "5 p.m.", "7:30pm", "10:40". It returns minutes from midnight.
func clockAt(ts []tok, i int, h float64) (float64, int, bool) {
	j := i + 1
	m := 0.0
	colon := false
	if j+1 < len(ts) && ts[j].lower == ":" && ts[j+1].kind == 'd' && len(ts[j+1].lower) == 2 && ts[j].start == ts[i].end {
		mm, err := strconv.Atoi(ts[j+1].lower)
		if err != nil || mm > 59 {
			return 0, 0, false
		}
		m, colon = float64(mm), true
		j += 2
	}
	pm, ampm := false, false
	switch {
	case j < len(ts) && (ts[j].lower == "am" || ts[j].lower == "pm"):
		pm, ampm = ts[j].lower == "pm", true
		j++
	case j+2 < len(ts) && (ts[j].lower == "a" || ts[j].lower == "p") && ts[j+1].lower == "." && ts[j+2].lower == "m":
		pm, ampm = ts[j].lower == "p", true
		j += 3
		if j < len(ts) && ts[j].lower == "." && ts[j].start == ts[j-1].end {
			j++
		}
	}
	if !colon && !ampm || h > 23 || ampm && (h > 12 || h < 1) {
		return 0, 0, false
	}
	if ampm {
		if h == 12 {
			h = 0
		}
		if pm {
			h += 12
		}
	}
	return h*60 + m, j, true
}

// ageAfter reads "-year-old", "years old", "year old" at token j, returning the index after it.
func ageAfter(ts []tok, j int) (int, bool) {
	if j+3 < len(ts) && ts[j].lower == "-" && (ts[j+1].lower == "year" || ts[j+1].lower == "years") && ts[j+2].lower == "-" && ts[j+3].lower == "old" {
		return j + 4, true
	}
	if j+1 < len(ts) && (ts[j].lower == "year" || ts[j].lower == "years") && ts[j+1].lower == "old" {
		return j + 2, true
	}
	if j+2 < len(ts) && (ts[j].lower == "year" || ts[j].lower == "years") && ts[j+1].lower == "-" && ts[j+2].lower == "old" {
		return j + 3, true
	}
	return 0, false
}

// appositiveAge reports a number set off by commas after a capitalised name, the
// news way of giving an age: "Lizandra Cosme, 32, and".
func appositiveAge(text string, ts []tok, b, j int, v float64) bool {
	if b < 2 || j >= len(ts) || v < 1 || v > 120 || v != math.Trunc(v) {
		return false
	}
	if ts[b-1].lower != "," || ts[j].lower != "," && ts[j].lower != ")" && ts[j].lower != "." {
		return false
	}
	name := ts[b-2]
	if name.kind != 'w' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[name.start:])
	return unicode.IsUpper(r)
}

// unitAfter finds the noun a number counts: the last of up to three lower-case
// content words that follow it ("25 conversations with", "five felony counts of",
// "52-story hotel" reads "story"). It returns the noun's stem.
func unitAfter(text string, ts []tok, j int) (string, int, bool) {
	if j < len(ts) && ts[j].lower == "-" && j+1 < len(ts) && ts[j+1].kind == 'w' {
		w := ts[j+1].lower
		if !isNumberWord(w) && !token.IsStop(w) {
			return stem.English(w), j + 2, true
		}
		return "", 0, false
	}
	unit, end := "", 0
	for k := j; k < len(ts) && k < j+3; k++ {
		t := ts[k]
		if t.kind != 'w' || token.IsStop(t.lower) || isNumberWord(t.lower) || scales[t.lower] != 0 || !unicode.IsLower(firstRune(text[t.start:])) {
			break
		}
		if k > j && ts[k-1].end == t.start { // "30ft"-like joins only for the first word
			break
		}
		unit, end = t.lower, k+1
		if isNounEnd(t.lower) {
			break
		}
	}
	if unit == "" || unit == "block" && end < len(ts) && ts[end].lower == "of" { // an address: "the 5500 block of"
		return "", 0, false
	}
	return stem.English(unit), end, true
}

// isNounEnd guesses that a word ends its noun phrase: a plural after which the
// next word starts something else ("five toddlers injured").
func isNounEnd(w string) bool {
	if _, ok := synonyms[stem.English(w)]; ok || w == "men" || w == "women" || w == "people" {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// hedgeBefore returns the hedge in the words before token b and the index of its first token.
func hedgeBefore(ts []tok, b int) (hedge, int) {
	if b >= 3 && ts[b-1].lower == "of" {
		if h, ok := hedges2[ts[b-3].lower+" "+ts[b-2].lower]; ok { // "in excess of"
			return h, b - 3
		}
		if ts[b-2].lower == "upwards" {
			return atLeast, b - 2
		}
	}
	if b >= 2 {
		if h, ok := hedges2[ts[b-2].lower+" "+ts[b-1].lower]; ok {
			if b >= 3 && ts[b-3].lower == "as" && ts[b-1].lower == "as" { // "as much as"
				return h, b - 3
			}
			return h, b - 2
		}
	}
	if b >= 1 {
		if h, ok := hedges1[ts[b-1].lower]; ok {
			return h, b - 1
		}
	}
	return noHedge, b
}

// applyHedge widens q's interval by the hedge before token b and starts its span there.
func applyHedge(q *Quantity, ts []tok, b int, prec float64, start *int) hedge {
	h, first := hedgeBefore(ts, b)
	if h == noHedge {
		return h
	}
	*start = ts[first].start
	q.Hedged = true
	v := q.Value
	switch q.Kind {
	case Clock:
		switch h {
		case about:
			q.Low, q.High = v-15, v+15
		case atLeast:
			q.High = v + 30
		case nearly, atMost:
			q.Low = v - 30
		}
		return h
	}
	switch h {
	case atLeast:
		q.High = math.Inf(1)
		q.Bound = 1
	case nearly:
		q.Low = math.Min(q.Low, 0.85*v)
	case about:
		q.Low, q.High = math.Min(q.Low, 0.9*v-prec/2), math.Max(q.High, 1.1*q.High+prec/2)
	case atMost:
		q.Low = 0
		q.Bound = -1
	}
	return h
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
