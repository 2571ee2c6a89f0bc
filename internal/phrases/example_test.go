package phrases_test

import (
	"fmt"

	"github.com/precis-news/precis/internal/phrases"
)

func Example() {
	x := phrases.New(
		[]string{"click here", "subscribe"}, // list 0: calls to action
		[]string{"said", "told"},            // list 1: reported speech
	)
	fmt.Printf("%02b\n", x.Find("the mayor told reporters to subscribe", 0))
	// List 1 as whole words: "retold" is no report of speech.
	fmt.Printf("%02b\n", x.Find("they retold it; subscribe", 1<<1))
	// Output:
	// 11
	// 01
}
