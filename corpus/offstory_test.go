package corpus

import (
	"slices"
	"testing"

	"github.com/precis-news/precis"
)

func TestOffStory(t *testing.T) {
	bridge1 := "The county closed the Old Mill Bridge on Tuesday after inspectors found a crack in a steel support. " +
		"Engineers said the bridge would stay closed for at least three weeks while they study the damage. " +
		"Drivers must take a long detour through Millbrook until the repairs are done."
	bridge2 := "Inspectors found a crack in a steel support of the Old Mill Bridge, and the county closed it on Tuesday. " +
		"The repairs could cost two million dollars, the county engineer said. " +
		"About twelve thousand vehicles cross the bridge every day."
	bridge3 := "Commuters faced long delays on Wednesday, a day after the county shut the Old Mill Bridge. " +
		"The county engineer said the crack in the steel support was found during a routine inspection. " +
		"Shops in Millbrook said the detour brought them more customers."
	recipe := "Preheat the oven before you start on the pastry. " +
		"Rub the cold butter into the flour until it looks like fine breadcrumbs. " +
		"Chill the pastry for half an hour, then roll it out thinly."
	tests := []struct {
		name string
		docs []string
		opts Options
		want []bool
	}{
		{"recipe among three", []string{bridge1, recipe, bridge2, bridge3}, DefaultOptions(), []bool{false, true, false, false}},
		{"recipe and one article", []string{recipe, bridge1}, DefaultOptions(), []bool{true, false}},
		{"wire copies and an article", []string{bridge2, bridge2, bridge2, bridge3}, DefaultOptions(), []bool{false, false, false, false}},
		{"copies and a recipe", []string{bridge2, recipe, bridge2}, DefaultOptions(), []bool{false, true, false}},
		{"one document", []string{recipe}, DefaultOptions(), []bool{false}},
		{"empty document", []string{bridge1, "", bridge2}, DefaultOptions(), []bool{false, false, false}},
		{"switched off", []string{bridge1, recipe, bridge2}, Options{OffStory: -1}, []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []precis.Document
			for _, text := range tt.docs {
				docs = append(docs, precis.Document{Text: text})
			}
			c := BuildWith(docs, tt.opts)
			if !slices.Equal(c.OffStory, tt.want) {
				t.Errorf("OffStory = %v, want %v (relatedness %.2f)", c.OffStory, tt.want, c.Relatedness)
			}
			for d, r := range c.Relatedness {
				if r < 0 || r > 1+1e-9 || (len(docs) == 1 || docs[d].Text == "") && r != 0 {
					t.Errorf("relatedness %d = %v", d, r)
				}
			}
		})
	}
}
