package stem_test

import (
	"fmt"

	"github.com/precis-news/precis/stem"
)

func ExampleEnglish() {
	for _, w := range []string{"senators", "investigating", "allegedly", "then-senator", "sessions'"} {
		fmt.Print(stem.English(w), " ")
	}
	fmt.Println()
	// Output: senat investig alleg then-senat session
}
