package date

import "strings"

type class uint8

const (
	cMonth     class = iota + 1 // n: 1-12; abbr: an abbreviation ("Sept")
	cWeekday                    // n: time.Weekday
	cSeason                     // n: Season
	cUnit                       // n: Unit
	cDeictic                    // today, tonight, yesterday, tomorrow: n is the shift in days
	cPartOfDay                  // morning, afternoon, evening, night
	cDir                        // last, next, this, past, coming: n is -1, +1 or 0
	cNumber                     // a number word: n is its value
	cAgo                        // ago
	cApprox                     // about, nearly, more, over …: n is 1 when the amount is a lower bound
	cEdge                       // early, late, mid, end, beginning …
	cCount                      // a noun that counts things: "2000 people" is no year
	cYearCue                    // a word after which a number is a year: in, since, the …
	cHoliday                    // a word before a weekday that names something else: Black Friday
	cEvent                      // a word after "Sept. 11" that makes it the 2001 attacks
)

const nClasses = 16

// keyword is a word of one or more classes ("may" is a month; "a" a number and a year cue).
type keyword struct {
	mask uint32
	n    [nClasses]int16
	abbr bool // an abbreviated month or weekday ("Sept", "Wed")
}

// is reports whether the keyword k (nil for other words) is of class c, and its number there.
func (k *keyword) is(c class) bool { return k != nil && k.mask&(1<<c) != 0 }

func (k *keyword) val(c class) int { return int(k.n[c]) }

// Unit is what a relative expression counts in.
type Unit uint8

// The units of relative expressions.
const (
	NoUnit Unit = iota
	Days
	Weeks
	Weekends
	Months
	Years
	Decades
)

// keywords maps a lower-case word to its index in keys (from 1); a small open-addressing
// table is faster than a map for the one look-up per word of every text.
var (
	keys  = []keyword{{}}
	table [1 << 10]struct {
		word string
		key  int16
	}
	byWord = map[string]int16{}
)

func hashWord(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// shapes[l] has bit n set when a keyword of n letters starts with 'a'+l: most words
// are rejected by it before any hashing.
var shapes [26]uint16

func add(c class, n int, abbr bool, words ...string) {
	for _, w := range words {
		i, ok := byWord[w]
		if !ok {
			shapes[w[0]-'a'] |= 1 << len(w)
			i = int16(len(keys))
			keys = append(keys, keyword{})
			byWord[w] = i
			for h := hashWord([]byte(w)); ; h++ {
				slot := &table[h&(uint32(len(table))-1)]
				if slot.key == 0 {
					slot.word, slot.key = w, i
					break
				}
			}
		}
		k := &keys[i]
		k.mask |= 1 << c
		k.n[c] = int16(n)
		k.abbr = k.abbr || abbr
	}
}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	abbrs := []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	for i, m := range months {
		add(cMonth, i+1, false, m)
		if abbrs[i] != "" {
			add(cMonth, i+1, true, abbrs[i])
		}
	}
	add(cMonth, 9, true, "sept")
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	dabbr := [][]string{{"sun"}, {"mon"}, {"tue", "tues"}, {"wed"}, {"thu", "thur", "thurs"}, {"fri"}, {"sat"}}
	for i, d := range days {
		add(cWeekday, i, false, d)
		add(cWeekday, i, true, dabbr[i]...)
	}
	add(cSeason, int(Spring), false, "spring")
	add(cSeason, int(Summer), false, "summer")
	add(cSeason, int(Fall), false, "fall", "autumn")
	add(cSeason, int(Winter), false, "winter")
	add(cUnit, int(Days), false, "day", "days")
	add(cUnit, int(Weeks), false, "week", "weeks")
	add(cUnit, int(Weekends), false, "weekend")
	add(cUnit, int(Months), false, "month", "months")
	add(cUnit, int(Years), false, "year", "years")
	add(cUnit, int(Decades), false, "decade", "decades")
	add(cDeictic, 0, false, "today", "tonight")
	add(cDeictic, -1, false, "yesterday")
	add(cDeictic, 1, false, "tomorrow")
	add(cPartOfDay, 0, false, "morning", "afternoon", "evening", "night")
	add(cDir, -1, false, "last")
	add(cDir, 1, false, "next", "coming")
	add(cDir, 0, false, "this", "past")
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty") {
		add(cNumber, i, false, w)
	}
	add(cNumber, 1, false, "a", "an")
	add(cNumber, 30, false, "thirty")
	add(cNumber, 40, false, "forty")
	add(cNumber, 50, false, "fifty")
	add(cAgo, 0, false, "ago")
	add(cApprox, 1, false, "more", "over", "least")
	add(cApprox, 0, false, "about", "nearly", "almost", "around", "roughly", "some", "just", "only", "barely", "less", "under", "than", "approximately", "exactly", "precisely")
	add(cEdge, 0, false, "early", "late", "mid", "end", "beginning", "start", "middle", "earlier", "later")
	add(cCount, 0, false, strings.Fields(`people persons men women children kids residents members employees
		workers students troops soldiers officers police jobs homes houses cars vehicles votes voters
		miles kilometers km feet foot meters metres yards inches pounds lbs kilograms kg tons tonnes
		dollars euros calories words pages times cases deaths patients acres inmates points units
		copies signatures block rooms seats square hp degrees lives guests visitors fans users
		customers accounts sites stores shares barrels gallons liters litres passengers flights`)...)
	add(cYearCue, 0, false, strings.Fields(`in since of by until till through during from to before after
		between and or the a his her their its our my your fiscal circa c year season class around
		spring summer fall autumn winter election budget census olympics`)...)
	add(cHoliday, 0, false, "black", "good", "super", "cyber", "ash", "fat", "holy", "easter", "maundy", "palm", "giving", "manic", "casual", "bloody", "girl", "man", "joe")
	add(cEvent, 0, false, "attacks", "attack", "attackers", "terrorist", "terror", "hijackers", "hijacker", "commission", "memorial", "museum", "victims", "responders", "hijackings", "era")
}

// IsMonth reports whether word, in any case and without a final period, names a
// month, in full or abbreviated: "March", "mar", "Sept".
func IsMonth(word string) bool {
	k := lookup(word)
	return k != 0 && keys[k].is(cMonth)
}

// IsWeekday reports whether word, in any case and without a final period, names
// a day of the week, in full or abbreviated: "Tuesday", "tues", "Thu".
func IsWeekday(word string) bool {
	k := lookup(word)
	return k != 0 && keys[k].is(cWeekday)
}
