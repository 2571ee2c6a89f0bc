package disagree

import (
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// TestRound3Rules runs the whole detector on small stories of two documents, each
// about one rule of the third round: sentences opened by a number word, a
// document's one count of an event or time of day, and values whose context fits
// two facts of the other document.
func TestRound3Rules(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []string // the values found in conflict, none for no disagreement
		sole float64  // Config.Sole; 0: the default
	}{
		{"a number word opening a sentence", "Police cleared the square before dawn.\n\nFour demonstrators were arrested during the brief confrontation at City Hall.",
			"Police cleared the square before dawn.\n\nThree demonstrators were arrested during the brief confrontation at City Hall.",
			[]string{"Four demonstrators", "Three demonstrators"}, 0},
		{"one count of an event each, little context shared", "Malaysia says the attack was planned abroad. Four people are in custody, including one man and the two women.",
			"The police chief spoke on Monday. Malaysia has three people in custody in connection with the death.",
			[]string{"Four people", "three people"}, 0},
		{"the same with the rule off", "Malaysia says the attack was planned abroad. Four people are in custody, including one man and the two women.",
			"The police chief spoke on Monday. Malaysia has three people in custody in connection with the death.",
			nil, -1},
		{"a count of none against one", "The march ended at the park. No arrests have yet been made.",
			"The march ended at the park. Police said four people were arrested.",
			[]string{"No arrests", "four people"}, 0},
		{"two counts in one document are two facts", "Three people were arrested on Friday. Two people were arrested on Saturday after the march downtown.",
			"Officers said five people were arrested overnight near the river.", nil, 0},
		{"one context fitting two values of the other document", "When the guide hiked the trail in 2006, few set off. Strayed hiked the trail in 1995.",
			"Hiking the trail in 2016, I set off north.", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if tt.sole < 0 {
				cfg.Sole = 0
			}
			c := corpus.Build([]precis.Document{{ID: "a", Text: tt.a}, {ID: "b", Text: tt.b}})
			var got []string
			for _, con := range cfg.Conflicts(c, nil) {
				for _, cl := range con.Claims {
					got = append(got, cl.Value)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("found %q, want %q", got, tt.want)
			}
			for k := range got {
				if got[k] != tt.want[k] {
					t.Fatalf("found %q, want %q", got, tt.want)
				}
			}
		})
	}
}
