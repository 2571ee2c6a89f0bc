package date

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFind feeds arbitrary text to Find and Resolve: no panic, spans in bounds, in
// order and not overlapping, Text the span's slice, values well-formed.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"WASHINGTON, March 2 (Reuters) - Sessions met Kislyak in July and Sept. 9th, 2016.",
		"Posted: Wednesday, June 27, 2012 1:32 PM EDT",
		"Just over a year ago, in late February 2016; the ’80s; 2012-13; 9/11; 3/2/2017; 2017-03-02",
		"this past weekend, last December, next Tuesday night, two weeks ago, earlier this month",
		"mid-", "May, 2", "’", "2016-", "31/12/2099/", "Feb 29", "the 1990s", "Sun, 3 Sept",
		"\xff\xfe2016", "Dec.\n\n29", "more than a few years ago",
	} {
		f.Add(s)
	}
	refs := []Reference{{}, {Day: time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), Exact: true}, {Day: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Exact: true}, {Day: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, e := range Find(text) {
			if e.Span.Start < end || e.Span.Start >= e.Span.End || e.Span.End > len(text) {
				t.Fatalf("span %v after %d in %d bytes", e.Span, end, len(text))
			}
			end = e.Span.End
			if e.Text != text[e.Span.Start:e.Span.End] {
				t.Fatalf("Text %q is not its span %v", e.Text, e.Span)
			}
			if utf8.ValidString(text) && !utf8.ValidString(e.Text) {
				t.Fatalf("span %v cuts a rune", e.Span)
			}
			if e.Kind == Absolute && (!e.Value.Valid() || e.Value.IsZero()) {
				t.Fatalf("%q: absolute value %+v", e.Text, e.Value)
			}
			for _, r := range refs {
				v := e.Resolve(r)
				if !v.Valid() {
					t.Fatalf("%q against %v: invalid %+v", e.Text, r, v)
				}
				if s := v.String(); s != "" {
					if w, err := ParseValue(s); err != nil || w != v {
						t.Fatalf("%q: %q does not round-trip: %v %+v", e.Text, s, err, w)
					}
				}
			}
		}
	})
}
