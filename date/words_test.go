package date

import "testing"

func TestIsMonthWeekday(t *testing.T) {
	for _, tt := range []struct {
		word           string
		month, weekday bool
	}{
		{"March", true, false}, {"mar", true, false}, {"SEPT", true, false}, {"may", true, false},
		{"Tues", false, true}, {"thursday", false, true}, {"Thu", false, true},
		{"spring", false, false}, {"today", false, false}, {"Marc", false, false}, {"", false, false},
		{"Mar.", false, false}, // without its period
	} {
		if m, w := IsMonth(tt.word), IsWeekday(tt.word); m != tt.month || w != tt.weekday {
			t.Errorf("%q: month %v weekday %v, want %v %v", tt.word, m, w, tt.month, tt.weekday)
		}
	}
}
