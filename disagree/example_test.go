package disagree_test

import (
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/disagree"
)

func ExampleFind() {
	c := corpus.Build([]precis.Document{
		{ID: "herald", Text: "Repairs to the Old Mill Bridge could cost up to 2 million dollars, according to a preliminary estimate."},
		{ID: "post", Text: "Repairs to the Old Mill Bridge could cost as much as 3 million dollars, a county official said."},
	})
	for _, d := range disagree.Find(c) {
		fmt.Println(d.Topic)
		for _, cl := range d.Claims {
			fmt.Println("-", cl.Value, cl.Sources)
		}
	}
	// Output:
	// amount: Old Mill Bridge could cost …
	// - up to 2 million dollars [herald]
	// - as much as 3 million dollars [post]
}

func ExampleScan() {
	for _, q := range disagree.Scan("The senator had over 25 conversations; the list shows 26 meetings.") {
		fmt.Printf("%q %s from %g\n", q.Text, q.Kind, q.Low)
	}
	// Output:
	// "over 25 conversations" count from 25
	// "26 meetings" count from 26
}

// The titles one person is given are compared too: a person holds many titles at
// once, but not two ranks of one ("senior author" and "lead author").
func ExampleConfig_Find() {
	c := corpus.Build([]precis.Document{
		{ID: "wire", Text: "\"This study is a wake-up call,\" said senior study author Dr. Samantha Hendren of the University of Michigan."},
		{ID: "daily", Text: "\"This study is a wake-up call,\" said study lead author Dr. Samantha Hendren, an associate professor of surgery."},
	})
	for _, d := range disagree.DefaultConfig().Find(c, nil) {
		fmt.Println(d.Topic)
		for _, cl := range d.Claims {
			fmt.Println("-", cl.Value, cl.Sources)
		}
	}
	// Output:
	// title of Samantha Hendren
	// - senior study author [wire]
	// - study lead author [daily]
}
