package summarize_test

import (
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/summarize"
)

func ExampleNew() {
	c := corpus.Build([]precis.Document{
		{ID: "a", Text: "The county closed the Old Mill Bridge on Tuesday after inspectors found a crack.\n\nDrivers face a long detour through the town of Millbrook for three weeks."},
		{ID: "b", Text: "Inspectors found a crack, and the county closed the Old Mill Bridge on Tuesday.\n\nRepairs could cost two million dollars, the county roads department said."},
	})
	s, err := summarize.New("lexrank")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range s.Summarize(c, summarize.Budget{Words: 30}) {
		fmt.Println(c.Sentences[i].Text)
	}
	// Output:
	// The county closed the Old Mill Bridge on Tuesday after inspectors found a crack.
	// Repairs could cost two million dollars, the county roads department said.
}

func ExampleLexRank() {
	c := corpus.Build([]precis.Document{
		{ID: "a", Text: "The county closed the Old Mill Bridge on Tuesday after inspectors found a crack."},
		{ID: "b", Text: "Inspectors found a crack, and the county closed the Old Mill Bridge on Tuesday."},
	})
	l := summarize.DefaultLexRank()
	l.SameDocument = 0 // only edges between documents count
	fmt.Println(len(l.Summarize(c, summarize.Budget{Sentences: 1})))
	// Output: 1
}

func ExampleFlaws() {
	for _, s := range []string{
		"The county closed the Old Mill Bridge on Tuesday.",
		"But he said the bridge would reopen within three weeks.",
		`"The bridge is not safe and must stay closed."`,
		`"The bridge is not safe," the county engineer said.`,
	} {
		fmt.Println(summarize.Flaws(s))
	}
	// Output:
	// none
	// connective
	// unattributed
	// none
}
