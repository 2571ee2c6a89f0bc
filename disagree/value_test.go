package disagree

import (
	"math"
	"testing"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Quantity // Text, Kind, Value, Low, High, Unit, Partial checked
	}{
		{"count with hedge", "the senator had over 25 conversations with ambassadors",
			[]Quantity{{Text: "over 25 conversations", Kind: Count, Value: 25, Low: 25, High: math.Inf(1), Unit: "convers"}}},
		{"number word", "he fell nine stories", []Quantity{{Text: "nine stories", Kind: Count, Value: 9, Low: 9, High: 9, Unit: "stori"}}},
		{"money exact", "seeking $972,814 in legal costs", []Quantity{{Text: "$972,814", Kind: Money, Value: 972814, Low: 972814, High: 972814, Unit: "$"}}},
		{"money rounded", "costs of $973,000", []Quantity{{Text: "$973,000", Kind: Money, Value: 973000, Low: 972500, High: 973500, Unit: "$"}}},
		{"money scale", "24.2 million euros", []Quantity{{Text: "24.2 million euros", Kind: Money, Value: 24.2e6, Low: 24.15e6, High: 24.25e6, Unit: "€"}}},
		{"percent", "59 per cent of votes", []Quantity{{Text: "59 per cent", Kind: Percent, Value: 59, Low: 59, High: 59}}},
		{"age hyphenated", "a 2-year-old toddler", []Quantity{{Text: "2-year-old", Kind: Age, Value: 2, Low: 2, High: 2.999}}},
		{"age in words", "a two and a half year old child", []Quantity{{Text: "two and a half year old", Kind: Age, Value: 2.5, Low: 2, High: 2.999}}},
		{"appositive age", "Lizandra Cosme, 32, and", []Quantity{{Text: "32", Kind: Age, Value: 32, Low: 32, High: 32.999}}},
		{"clock", "at about 11:15 p.m. when", []Quantity{{Text: "about 11:15 p.m.", Kind: Clock, Value: 1395, Low: 1380, High: 1410}}},
		{"range", "fell 20-30 feet down", []Quantity{{Text: "20-30 feet", Kind: Count, Value: 20, Low: 20, High: 30, Unit: "feet"}}},
		{"part of a whole", "20 of the 26 members", []Quantity{{Text: "26 members", Kind: Count, Value: 26, Low: 26, High: 26, Unit: "member", Partial: true}}},
		{"another", "axing another 3,000 jobs", []Quantity{{Text: "3,000 jobs", Kind: Count, Value: 3000, Low: 2500, High: 3500, Unit: "job", Partial: true}}},
		{"bare numbers are not quantities", "No. 3 and 1600 Pennsylvania", nil},
		{"an address", "in the 5500 block of East 84th Street", nil},
		{"none", "No arrests have been made", []Quantity{{Text: "No arrests", Kind: Count, Unit: "event:arrest"}}},
		{"people counted by what happened to them", "four demonstrators were arrested", []Quantity{{Text: "four demonstrators", Kind: Count, Value: 4, Low: 4, High: 4, Unit: "event:arrest"}}},
		{"specific people are not", "two officers were hurt", []Quantity{{Text: "two officers", Kind: Count, Value: 2, Low: 2, High: 2, Unit: "offic"}}},
		{"ordinal", "his 34th birthday", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Scan(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Scan(%q) = %+v, want %d quantities", tt.text, got, len(tt.want))
			}
			for k, w := range tt.want {
				g := got[k]
				if g.Text != w.Text || g.Kind != w.Kind || !near(g.Value, w.Value) || !near(g.Low, w.Low) || !near(g.High, w.High) || g.Unit != w.Unit || g.Partial != w.Partial {
					t.Errorf("Scan(%q)[%d] = %q %s %g [%g, %g] %q partial=%v, want %q %s %g [%g, %g] %q partial=%v", tt.text, k,
						g.Text, g.Kind, g.Value, g.Low, g.High, g.Unit, g.Partial, w.Text, w.Kind, w.Value, w.Low, w.High, w.Unit, w.Partial)
				}
			}
		})
	}
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"25 meetings", "26 meetings", false},
		{"over 25 conversations", "26 meetings", true},
		{"over 25 conversations", "25 conversations", true},
		{"30km", "12 miles", false},
		{"20 miles", "30km", true},
		{"nine stories", "25 feet", false},
		{"nine stories", "30 metres", true},
		{"100 yards", "300 feet", true},
		{"21 percent", "21.3 percent", true},
		{"22 percent", "21.3 percent", false},
		{"25 conversations", "26 conversations", false},
		{"$972,815", "$972,814", false},
		{"about $973,000", "$972,814", true},
		{"€5.6m", "€5.58m", true},
		{"$1.5 billion", "$1.52 billion", true},
		{"a 3-year-old", "a 2-year-old", false},
		{"two and a half year old", "a 2-year-old", true},
		{"up to 2 million dollars", "as much as 3 million dollars", false},
		{"20-30 feet", "30 feet", true},
		{"two people", "2 people", true},
		{"nearly $20 million", "$19.6 million", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			qa, qb := Scan(tt.a), Scan(tt.b)
			if len(qa) != 1 || len(qb) != 1 {
				t.Fatalf("Scan: %+v, %+v", qa, qb)
			}
			if !qa[0].Comparable(qb[0]) {
				t.Fatalf("%q and %q not comparable", tt.a, tt.b)
			}
			if got := qa[0].Compatible(qb[0]); got != tt.want {
				t.Errorf("Compatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestComparable(t *testing.T) {
	for _, p := range [][2]string{{"25 feet", "25 pounds"}, {"$5 million", "€5 million"}, {"20%", "20 people"}} {
		qa, qb := Scan(p[0]), Scan(p[1])
		if len(qa) != 1 || len(qb) != 1 || qa[0].Comparable(qb[0]) {
			t.Errorf("%q and %q: %+v %+v, want two quantities not comparable", p[0], p[1], qa, qb)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"over 25 conversations", "$972,815 and €5.58m", "at 11:15 p.m.", "a two and a half year old", "Cosme, 32,", "20-30 feet", "as much as 3 million dollars", "1,2.3.4", "9:", "$", "twenty-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Scan(text) {
			if !q.Span.Valid(len(text)) || q.Span.Len() == 0 || q.Text != text[q.Span.Start:q.Span.End] {
				t.Fatalf("Scan(%q): bad span %+v", text, q)
			}
			if q.Low > q.High || math.IsNaN(q.Low) || math.IsNaN(q.High) {
				t.Fatalf("Scan(%q): bad interval %+v", text, q)
			}
		}
	})
}
