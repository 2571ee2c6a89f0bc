// Package date finds date expressions in English news text ("late February 2016",
// "Dec. 29", "last year", "Wednesday night"), keeping byte offsets, and resolves them
// to calendar dates against a reference date.
package date

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ErrValue reports a malformed date value.
var ErrValue = errors.New("date: malformed value")

// Granularity is how precisely a value names a time.
type Granularity uint8

// The granularities, coarse to fine.
const (
	None Granularity = iota
	Decade
	Year
	Seasonal
	Month
	Day
)

var granNames = [...]string{"none", "decade", "year", "season", "month", "day"}

func (g Granularity) String() string {
	if int(g) < len(granNames) {
		return granNames[g]
	}
	return "granularity(" + strconv.Itoa(int(g)) + ")"
}

// A Season of the northern hemisphere. A winter is named by the year it starts in:
// winter 2016 runs from December 2016 to February 2017.
type Season uint8

// The seasons; NoSeason is the zero value.
const (
	NoSeason Season = iota
	Spring
	Summer
	Fall
	Winter
)

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// firstMonth is the month a season starts in.
func (s Season) firstMonth() time.Month { return time.Month(3 * int(s)) }

// Value is a calendar date known to some granularity: a decade, a year, a season,
// a month or a day. The zero Value means unknown.
type Value struct {
	Year   int        // the full year; for a decade its first year (1990)
	Month  time.Month // set from Month granularity on
	Day    int        // set at Day granularity
	Season Season     // set at Season granularity
	Gran   Granularity
}

// IsZero reports whether v is the unknown value.
func (v Value) IsZero() bool { return v.Gran == None }

// DayOf returns the Day value of t's calendar date.
func DayOf(t time.Time) Value {
	return Value{Year: t.Year(), Month: t.Month(), Day: t.Day(), Gran: Day}
}

// String writes v as "2016-09-08", "2016-09", "2016-SU", "2016" or "1990s",
// and the unknown value as "".
func (v Value) String() string {
	switch v.Gran {
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", v.Year, int(v.Month), v.Day)
	case Month:
		return fmt.Sprintf("%04d-%02d", v.Year, int(v.Month))
	case Seasonal:
		if v.Season < Spring || v.Season > Winter {
			return ""
		}
		return fmt.Sprintf("%04d-%s", v.Year, seasonCodes[v.Season])
	case Year:
		return fmt.Sprintf("%04d", v.Year)
	case Decade:
		return fmt.Sprintf("%04ds", v.Year)
	}
	return ""
}

// Calendar writes v with the calendar forms alone ("2016-09-08", "2016-09", "2016"):
// a season becomes the year it starts in and a decade becomes "" (no calendar unit holds it).
func (v Value) Calendar() string {
	switch v.Gran {
	case Seasonal:
		return Value{Year: v.Year, Gran: Year}.String()
	case Decade:
		return ""
	}
	return v.String()
}

// ParseValue reads a value written by String; "" is the unknown value.
func ParseValue(s string) (Value, error) {
	bad := fmt.Errorf("%w: %q", ErrValue, s)
	if s == "" {
		return Value{}, nil
	}
	if len(s) < 4 {
		return Value{}, bad
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || s[0] < '0' || s[0] > '9' {
		return Value{}, bad
	}
	v := Value{Year: y, Gran: Year}
	rest := s[4:]
	switch {
	case rest == "":
		return v, nil
	case rest == "s" && y%10 == 0:
		v.Gran = Decade
		return v, nil
	case len(rest) == 3 && rest[0] == '-' && (rest[1] < '0' || rest[1] > '9'):
		for i, c := range seasonCodes {
			if i > 0 && c == rest[1:] {
				v.Season, v.Gran = Season(i), Seasonal
				return v, nil
			}
		}
		return Value{}, bad
	case len(rest) == 3 && rest[0] == '-':
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 || rest[1] == '+' || rest[1] == '-' {
			return Value{}, bad
		}
		v.Month, v.Gran = time.Month(m), Month
		return v, nil
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, err1 := strconv.Atoi(rest[1:3])
		d, err2 := strconv.Atoi(rest[4:])
		if err1 != nil || err2 != nil || !validDay(y, time.Month(m), d) || rest[1] == '+' || rest[4] == '+' || rest[4] == '-' {
			return Value{}, bad
		}
		return Value{Year: y, Month: time.Month(m), Day: d, Gran: Day}, nil
	}
	return Value{}, bad
}

// Valid reports whether v is the unknown value or a real date of its granularity.
func (v Value) Valid() bool {
	switch v.Gran {
	case None:
		return v == Value{}
	case Decade:
		return v.Year >= 0 && v.Year <= 9999 && v.Year%10 == 0 && v.Month == 0 && v.Day == 0 && v.Season == 0
	case Year:
		return v.Year >= 0 && v.Year <= 9999 && v.Month == 0 && v.Day == 0 && v.Season == 0
	case Seasonal:
		return v.Year >= 0 && v.Year <= 9999 && v.Month == 0 && v.Day == 0 && v.Season >= Spring && v.Season <= Winter
	case Month:
		return v.Year >= 0 && v.Year <= 9999 && v.Month >= 1 && v.Month <= 12 && v.Day == 0 && v.Season == 0
	case Day:
		return v.Year >= 0 && v.Year <= 9999 && validDay(v.Year, v.Month, v.Day) && v.Season == 0
	}
	return false
}

// Start returns the first day v covers (the zero Time for the unknown value).
func (v Value) Start() time.Time {
	switch v.Gran {
	case Decade, Year:
		return time.Date(v.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	case Seasonal:
		return time.Date(v.Year, v.Season.firstMonth(), 1, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(v.Year, v.Month, 1, 0, 0, 0, 0, time.UTC)
	case Day:
		return time.Date(v.Year, v.Month, v.Day, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// End returns the day after the last day v covers.
func (v Value) End() time.Time {
	s := v.Start()
	switch v.Gran {
	case Decade:
		return s.AddDate(10, 0, 0)
	case Year:
		return s.AddDate(1, 0, 0)
	case Seasonal:
		return s.AddDate(0, 3, 0)
	case Month:
		return s.AddDate(0, 1, 0)
	case Day:
		return s.AddDate(0, 0, 1)
	}
	return s
}

// Compare orders values for a timeline: by the day they start, and among values
// starting the same day the coarser first (2016 before 2016-01 before 2016-01-01),
// so that a period comes before what happens inside it. The unknown value sorts last.
func (v Value) Compare(w Value) int {
	switch {
	case v.IsZero() && w.IsZero():
		return 0
	case v.IsZero():
		return 1
	case w.IsZero():
		return -1
	}
	if c := v.Start().Compare(w.Start()); c != 0 {
		return c
	}
	switch {
	case v.Gran < w.Gran:
		return -1
	case v.Gran > w.Gran:
		return 1
	}
	return 0
}

// Contains reports whether w lies inside v (a value contains itself).
func (v Value) Contains(w Value) bool {
	if v.IsZero() || w.IsZero() {
		return false
	}
	return !w.Start().Before(v.Start()) && !w.End().After(v.End())
}

func validDay(y int, m time.Month, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
