package entity_test

import (
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/entity"
)

func ExampleExtract() {
	docs := []precis.Document{
		{ID: "a", Text: "Attorney General Jeff Sessions met Russian Ambassador Sergey Kislyak in Washington."},
		{ID: "b", Text: "Sessions spoke twice with Russia's ambassador, Sergei Kislyak, The Washington Post reported."},
		{ID: "c", Text: "Sen. John McCain did not meet with Kisylak."},
	}
	for _, e := range entity.Extract(corpus.Build(docs)) {
		fmt.Println(e.Name, e.Type, e.Aliases, e.Mentions, e.Sources)
	}
	// Output:
	// Sergey Kislyak person [Sergei Kislyak Kisylak] 3 [a b c]
	// Jeff Sessions person [Sessions] 2 [a b]
	// John McCain person [] 1 [c]
	// Russia place [] 1 [b]
	// Washington Post organization [] 1 [b]
	// Washington, D.C. place [Washington] 1 [a]
}
