package quote_test

import (
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/quote"
)

func ExampleExtract() {
	docs := []precis.Document{
		{ID: "reuters", Text: "Attorney General Jeff Sessions denied the report.\n\n" +
			"\u201cI never met with any Russian officials to discuss issues of the campaign,\u201d Sessions said."},
		{ID: "abc", Text: "\"I never met with any Russian officials to discuss issues of the campaign,\" Sessions said in a statement. " +
			"\"There was absolutely nothing misleading about his answer,\" said Sessions spokeswoman Sarah Isgur Flores."},
	}
	c := corpus.Build(docs)
	for _, q := range quote.Extract(c, entity.Find(c)) {
		fmt.Printf("%s: %q %v\n", q.Speaker, q.Text, q.Sources)
	}
	// Output:
	// Jeff Sessions: "I never met with any Russian officials to discuss issues of the campaign," [reuters abc]
	// Sarah Isgur Flores: "There was absolutely nothing misleading about his answer," [abc]
}
