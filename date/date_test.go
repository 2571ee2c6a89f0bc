package date

import (
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ref2017 is Thursday, March 2, 2017, the day the example story was written.
var ref2017 = Reference{Day: day(2017, 3, 2), Exact: true}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "expression=value" against ref2017, in order
	}{
		{"full date", "He met her on March 2, 2017 in Paris.", []string{"March 2, 2017=2017-03-02"}},
		{"day month year", "On 2 March 2017, they met.", []string{"2 March 2017=2017-03-02"}},
		{"iso", "Filed 2017-03-02.", []string{"2017-03-02=2017-03-02"}},
		{"us numeric", "Dated 3/2/2017 and 12/31/99.", []string{"3/2/2017=2017-03-02", "12/31/99=1999-12-31"}},
		{"weekday full date", "Posted: Wednesday, June 27, 2012 1:32 PM", []string{"Wednesday, June 27, 2012=2012-06-27"}},
		{"abbreviated weekday", "9:04 PM ET Sun, 3 Sept 2017 | 02:51", []string{"Sun, 3 Sept 2017=2017-09-03"}},
		{"odd commas", "Belfast, Friday, May, 2 2014. Police", []string{"Friday, May, 2 2014=2014-05-02"}},
		{"month day", "They spoke on Dec. 29, when Obama acted.", []string{"Dec. 29=2016-12-29"}},
		{"ordinal", "On Sept. 9th and February 13th.", []string{"Sept. 9th=2016-09-09", "February 13th=2017-02-13"}},
		{"upcoming month day", "The vote on March 15 decides.", []string{"March 15=2017-03-15"}},
		{"months", "They met in July and again in September.", []string{"July=2016-07", "September=2016-09"}},
		{"month list", "They met in July and September.", []string{"July=2016-07", "September=2016-09"}},
		{"month year and edges", "In late February 2016 and mid-2015 and the end of July.", []string{"late February 2016=2016-02", "mid-2015=2015", "end of July=2016-07"}},
		{"future month", "The trial will start in June.", []string{"June=2017-06"}},
		{"last month name", "He resigned last December.", []string{"last December=2016-12"}},
		{"years", "In 2016, and since 1989; the 2016 election; Krystal's 2014 suit; (1988).", []string{"2016=2016", "1989=1989", "2016=2016", "2014=2014", "1988=1988"}},
		{"year ranges", "The 2012-13 and 2014–2016 seasons.", []string{"2012-13=2012", "2014–2016=2014"}},
		{"decades", "In the 1990s and the ’80s and the late 1950s.", []string{"1990s=1990s", "’80s=1980s", "late 1950s=1950s"}},
		{"seasons", "In summer 2015, last spring, this summer and the fall of 2014.", []string{"summer 2015=2015-SU", "last spring=2016-SP", "this summer=2017-SU", "fall of 2014=2014-FA"}},
		{"relative years", "Last year, this year, next year; a year ago; just over a year ago.", []string{"Last year=2016", "this year=2017", "next year=2018", "a year ago=2016", "just over a year ago=2016"}},
		{"relative days", "Yesterday afternoon and today and tonight, not tomorrow.", []string{"Yesterday afternoon=2017-03-01", "today=2017-03-02", "tonight=2017-03-02", "tomorrow=2017-03-03"}},
		{"relative months and weeks", "Last month, two months ago, earlier this month, last week, two weeks ago.", []string{"Last month=2017-02", "two months ago=2017-01", "earlier this month=2017-03", "last week=2017-02", "two weeks ago=2017-02"}},
		{"weekdays", "He spoke Wednesday night and will testify Friday; last Thursday too.", []string{"Wednesday night=2017-03-01", "Friday=2017-03-03", "last Thursday=2017-02-23"}},
		{"weekend", "It happened over the weekend.", []string{"weekend=2017-02"}},
		{"vague amounts", "More than 58 years ago, a few days ago.", []string{"More than 58 years ago=", "a few days ago="}},
		{"september 11", "Since the Sept. 11 attacks and 9/11.", []string{"Sept. 11=2001-09-11", "9/11=2001-09-11"}},
		{"not dates", "May I say that 2,000 people march at 1600 Pennsylvania Ave. at 3 p.m.; the 2000 people; he may go; Theresa May's plan; she is 52 years old; for two years; the past year; Black Friday sales; USA Today; 1,600 inmates; the Arab Spring; the last year", nil},
		{"march the verb", "Protesters March on Washington.", nil},
		{"may the name", "Theresa May said in May that May was fine.", []string{"May=2016-05"}},
		{"paragraph break", "the\n\n2016 presidential election", []string{"2016=2016"}},
		{"no merge across lines", "February 2, 2018\n\nJanuary 18, 2018", []string{"February 2, 2018=2018-02-02", "January 18, 2018=2018-01-18"}},
		{"file photo", "In this Monday, May 31, 1999 file photo", []string{"Monday, May 31, 1999=1999-05-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range Find(tt.text) {
				if e.Text != tt.text[e.Span.Start:e.Span.End] {
					t.Errorf("span %v is %q, Text %q", e.Span, tt.text[e.Span.Start:e.Span.End], e.Text)
				}
				got = append(got, e.Text+"="+e.Resolve(ref2017).String())
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	inferred := Reference{Day: day(2017, 2, 9)} // the story's latest date: written on or after it, in 2017
	tests := []struct {
		text string
		ref  Reference
		want string
	}{
		{"last year", inferred, "2016"},
		{"in January", inferred, "2017-01"},
		{"in February", inferred, "2017-02"},
		{"in July", inferred, ""}, // July 2016 or July 2017: not settled
		{"last December", inferred, "2016-12"},
		{"Dec. 29", inferred, ""},
		{"Wednesday", inferred, ""}, // weekdays need the day of writing
		{"last month", inferred, ""},
		{"Tuesday, Sept. 25", inferred, "2018-09-25"}, // of 2016, 2017 and 2018, only 2018's Sept. 25 is a Tuesday
		{"Sunday, Sept. 25", inferred, "2016-09-25"},
		{"Friday, Sept. 25", inferred, ""}, // 2015 and 2020 are too far
		{"Tuesday, Sept. 25", Reference{Day: day(2018, 9, 26)}, "2018-09-25"},
		{"in July", Reference{}, ""},
		{"Wednesday", Reference{}, ""},
		{"Dec. 29", Reference{Day: day(2017, 1, 3), Exact: true}, "2016-12-29"},
		{"in March", ref2017, "2017-03"},
		{"on Thursday", ref2017, "2017-03-02"},
		{"he will rest this weekend", ref2017, "2017-03"},
		{"last week", Reference{Day: day(2017, 3, 8), Exact: true}, ""}, // Feb 27 - Mar 5 spans two months
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			es := Find(tt.text)
			if len(es) != 1 {
				t.Fatalf("Find(%q) = %v, want one expression", tt.text, es)
			}
			if got := es[0].Resolve(tt.ref).String(); got != tt.want {
				t.Errorf("%q against %v: got %q, want %q", tt.text, tt.ref, got, tt.want)
			}
		})
	}
}

func TestValue(t *testing.T) {
	for _, s := range []string{"", "2016", "2016-09", "2016-09-08", "2016-SU", "2016-WI", "1990s", "2016-02-29"} {
		v, err := ParseValue(s)
		if err != nil || v.String() != s || !v.Valid() {
			t.Errorf("ParseValue(%q) = %v, %v; String %q", s, v, err, v.String())
		}
	}
	for _, s := range []string{"16", "2016-13", "2015-02-29", "2016-XX", "1995s", "2016-9", "+016", "2016-09-8", "abcd"} {
		if _, err := ParseValue(s); err == nil {
			t.Errorf("ParseValue(%q) succeeded", s)
		}
	}
	order := []string{"1990s", "1990", "2016", "2016-01", "2016-01-01", "2016-01-02", "2016-SU", "2016-09", "2016-WI", "2017", ""}
	for i := 0; i+1 < len(order); i++ {
		a, _ := ParseValue(order[i])
		b, _ := ParseValue(order[i+1])
		if a.Compare(b) >= 0 || b.Compare(a) <= 0 {
			t.Errorf("%q should sort before %q", order[i], order[i+1])
		}
	}
	if got := (Value{Year: 2016, Season: Winter, Gran: Seasonal}).Calendar(); got != "2016" {
		t.Errorf("winter 2016 on the calendar: %q", got)
	}
}
