package date

import "time"

// Reference is the day an expression is read against.
//
// An Exact reference is the day of writing (a publication date or a dateline): every
// kind of expression resolves against it. An inferred reference (Exact false) is a day
// the text was written on or after, in the same year (the latest full date a story
// mentions): only what that knowledge settles resolves, never a weekday or "last week".
type Reference struct {
	Day   time.Time // zero: no reference
	Exact bool
}

// Known reports whether the reference holds a day.
func (r Reference) Known() bool { return !r.Day.IsZero() }

// Resolve returns the date e names when read against ref, or the zero Value when
// ref does not settle it. It never guesses:
//
//   - Absolute expressions need no reference.
//   - "last year", "this year", "next year", "N years ago" need a reference year
//     (an inferred reference will do).
//   - A month or a month-day without its year ("in July", "Dec. 29") takes its most
//     recent occurrence on or before the day of writing, or its next occurrence on or
//     after it in a sentence about the future ("will testify March 15"); a month-day up
//     to 31 days ahead of the day of writing is taken as upcoming. Against an inferred
//     reference only the occurrences the reference settles resolve (a month before it
//     in its year: "in January" against a story whose latest date is Feb. 9, 2017).
//     "Tuesday, Sept. 25" picks the one year near the reference whose Sept. 25 is a Tuesday.
//   - Weekdays, days, weeks and months counted from the day of writing ("Wednesday
//     night", "yesterday", "last week", "two months ago") need an Exact reference.
//     A weekday is the most recent such day on or before it, or the next on or after
//     it in a sentence about the future; weeks and weekends resolve to the month that
//     holds them, else to nothing.
//   - Vague amounts ("more than 58 years ago", "a few days ago") never resolve.
func (e Expr) Resolve(ref Reference) Value {
	if v := e.resolve(ref); v.Valid() {
		return v
	}
	return Value{} // February 29 of a common year, or a year beyond 0-9999
}

func (e Expr) resolve(ref Reference) Value {
	if e.Kind == Absolute {
		return e.Value
	}
	if e.Vague || !ref.Known() {
		return Value{}
	}
	day := time.Date(ref.Day.Year(), ref.Day.Month(), ref.Day.Day(), 0, 0, 0, 0, time.UTC)
	switch e.Kind {
	case Relative:
		return e.relative(day, ref.Exact)
	case Weekday:
		if !ref.Exact {
			return Value{}
		}
		return DayOf(weekdayNear(day, e.Weekday, e.Dir, e.Future))
	case Partial:
		return e.partial(day, ref.Exact)
	}
	return Value{}
}

func (e Expr) relative(day time.Time, exact bool) Value {
	y, m, _ := day.Date()
	if e.Unit == Years {
		return Value{Year: y + e.Shift, Gran: Year}
	}
	if !exact {
		return Value{}
	}
	switch e.Unit {
	case Days:
		return DayOf(day.AddDate(0, 0, e.Shift))
	case Months:
		t := time.Date(y, m+time.Month(e.Shift), 1, 0, 0, 0, 0, time.UTC)
		return Value{Year: t.Year(), Month: t.Month(), Gran: Month}
	case Weeks:
		t := day.AddDate(0, 0, 7*e.Shift)
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		return container(monday, monday.AddDate(0, 0, 6))
	case Weekends:
		var sat time.Time
		switch {
		case e.Shift > 0:
			sat = weekdayNear(day.AddDate(0, 0, 1), time.Saturday, 0, true).AddDate(0, 0, 7*(e.Shift-1))
		case e.Shift < 0:
			sat = weekdayNear(day.AddDate(0, 0, -1), time.Saturday, 0, false).AddDate(0, 0, 7*(e.Shift+1))
		case e.Future && day.Weekday() != time.Sunday:
			sat = weekdayNear(day, time.Saturday, 0, true)
		default:
			sat = weekdayNear(day, time.Saturday, 0, false)
		}
		return container(sat, sat.AddDate(0, 0, 1))
	}
	return Value{}
}

// container returns the month that holds the days from a to b, or the zero Value.
func container(a, b time.Time) Value {
	if a.Year() == b.Year() && a.Month() == b.Month() {
		return Value{Year: a.Year(), Month: a.Month(), Gran: Month}
	}
	return Value{}
}

// weekdayNear returns the day of week wd nearest day: before it (dir < 0), after it
// (dir > 0), on or after it (future) or on or before it.
func weekdayNear(day time.Time, wd time.Weekday, dir int, future bool) time.Time {
	back := (int(day.Weekday()) - int(wd) + 7) % 7
	ahead := (int(wd) - int(day.Weekday()) + 7) % 7
	switch {
	case dir < 0:
		if back == 0 {
			back = 7
		}
		return day.AddDate(0, 0, -back)
	case dir > 0:
		if ahead == 0 {
			ahead = 7
		}
		return day.AddDate(0, 0, ahead)
	case future:
		return day.AddDate(0, 0, ahead)
	}
	return day.AddDate(0, 0, -back)
}

func (e Expr) partial(day time.Time, exact bool) Value {
	y := day.Year()
	v := e.Value
	at := func(year int) Value { w := v; w.Year = year; return w }
	if v.Gran == Day && e.HasWeekday {
		found, n := 0, 0
		for _, c := range []int{y - 1, y, y + 1} {
			if validDay(c, v.Month, v.Day) && time.Date(c, v.Month, v.Day, 0, 0, 0, 0, time.UTC).Weekday() == e.Weekday {
				found, n = c, n+1
			}
		}
		if n == 1 {
			return at(found)
		}
	}
	if v.Gran == Seasonal && e.Dir == 0 && !e.Future {
		if v.Season == Winter && day.Month() <= 2 {
			return at(y - 1)
		}
		return at(y)
	}
	// cmp compares the occurrence in year y with the reference: -1 before, 0 same unit, +1 after.
	cmp := func(year int) int {
		s := at(year)
		if v.Gran == Day && !validDay(year, v.Month, v.Day) {
			s.Day = 28 // February 29 of a common year
		}
		switch {
		case !s.End().After(day):
			return -1
		case s.Start().After(day):
			return 1
		}
		return 0
	}
	c := cmp(y)
	if exact {
		switch {
		case e.Dir < 0:
			if c < 0 {
				return at(y)
			}
			return at(y - 1)
		case e.Dir > 0:
			if c > 0 {
				return at(y)
			}
			return at(y + 1)
		case e.Future:
			if c >= 0 {
				return at(y)
			}
			return at(y + 1)
		}
		if c <= 0 || v.Gran == Day && at(y).Start().Sub(day) <= 31*24*time.Hour {
			return at(y)
		}
		return at(y - 1)
	}
	// Inferred: the text was written on or after day, in year y.
	switch {
	case e.Dir < 0:
		if c < 0 {
			return at(y)
		}
		if v.Gran == Month && v.Month == 12 {
			return at(y - 1)
		}
	case e.Dir == 0 && !e.Future:
		if c <= 0 {
			return at(y)
		}
	}
	return Value{}
}
