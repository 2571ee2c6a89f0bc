package date_test

import (
	"fmt"
	"time"

	"github.com/precis-news/precis/date"
)

func ExampleFind() {
	text := "Sessions met Kislyak in July and again in September, the Post reported Wednesday. Just over a year ago, in late February 2016, he endorsed Trump."
	written := date.Reference{Day: time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), Exact: true}
	for _, e := range date.Find(text) {
		fmt.Printf("%-20q %-8s %-7s → %s\n", e.Text, e.Kind, e.Granularity(), e.Resolve(written))
	}
	// Output:
	// "July"               partial  month   → 2016-07
	// "September"          partial  month   → 2016-09
	// "Wednesday"          weekday  day     → 2017-03-01
	// "Just over a year ago" relative year    → 2016
	// "late February 2016" absolute month   → 2016-02
}

func ExampleExpr_Resolve() {
	e := date.Find("He resigned last month.")[0]
	fmt.Printf("unknown day: %q\n", e.Resolve(date.Reference{}))
	fmt.Printf("inferred (written on or after Feb. 9, 2017): %q\n", e.Resolve(date.Reference{Day: time.Date(2017, 2, 9, 0, 0, 0, 0, time.UTC)}))
	fmt.Printf("published March 2, 2017: %q\n", e.Resolve(date.Reference{Day: time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), Exact: true}))
	// Output:
	// unknown day: ""
	// inferred (written on or after Feb. 9, 2017): ""
	// published March 2, 2017: "2017-02"
}
