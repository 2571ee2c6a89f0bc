package corpus_test

import (
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func ExampleDateline() {
	text := "EASTON (AP) — The county closed the Old Mill Bridge on Tuesday."
	n := corpus.Dateline(text)
	fmt.Printf("%q\n%q\n", text[:n], text[n:])
	// Output:
	// "EASTON (AP) — "
	// "The county closed the Old Mill Bridge on Tuesday."
}

func ExampleCorpus_OffStory() {
	c := corpus.Build([]precis.Document{
		{ID: "a", Text: "The county closed the Old Mill Bridge on Tuesday after inspectors found a crack in a support."},
		{ID: "b", Text: "Inspectors found a crack in a support of the Old Mill Bridge, and the county closed it."},
		{ID: "c", Text: "The Old Mill Bridge will stay closed for three weeks while engineers repair the crack."},
		{ID: "d", Text: "Preheat the oven and rub the cold butter into the flour until it looks like breadcrumbs."},
	})
	for d, doc := range c.Docs {
		fmt.Printf("%s off-story: %v\n", doc.ID, c.OffStory[d])
	}
	// Output:
	// a off-story: false
	// b off-story: false
	// c off-story: false
	// d off-story: true
}
