package coverage

import "testing"

func TestPhone(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"816-474-8477", true}, {"432-333-TIPS", true}, {"335-5784", true},
		{"2-year-old", false}, {"2016-17", false}, {"2017-2018", false}, {"9-11", false}, {"52-story", false},
	}
	for _, tt := range tests {
		if got := phone(tt.s); got != tt.want {
			t.Errorf("phone(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestSameWords(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"The bridge closed.", "The  bridge\nclosed.", true},
		{" The bridge closed.", "The bridge closed. ", true},
		{"The bridge closed.", "The bridge closes.", false},
		{"The bridge", "The bridge closed.", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := sameWords(tt.a, tt.b); got != tt.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
