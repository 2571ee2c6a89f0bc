package engine_test

import (
	"context"
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/engine"
)

func ExampleBrief() {
	docs := []precis.Document{
		{ID: "herald", Outlet: "Harbour Herald", Text: "The Old Mill Bridge closed to all traffic on Tuesday after inspectors found a crack in a steel support.\n\nDrivers are being sent on a long detour through the town of Millbrook."},
		{ID: "times", Outlet: "Valley Times", Text: "Inspectors found a crack in a steel support, and the Old Mill Bridge closed to all traffic on Tuesday.\n\nRepairs could cost up to two million dollars, the county said on Wednesday."},
	}
	cfg := engine.DefaultConfig()
	cfg.Sentences = 1
	b, err := engine.Brief(context.Background(), docs, cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range b.Summary {
		fmt.Println(s.Text)
		for _, src := range s.Sources {
			fmt.Printf("  %s: %s\n", src.Doc, src.Sentence)
		}
	}
	// Output:
	// The Old Mill Bridge closed to all traffic on Tuesday after inspectors found a crack in a steel support.
	//   herald: The Old Mill Bridge closed to all traffic on Tuesday after inspectors found a crack in a steel support.
	//   times: Inspectors found a crack in a steel support, and the Old Mill Bridge closed to all traffic on Tuesday.
}
