package eval_test

import (
	"context"
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/eval"
)

func ExampleRun() {
	ds := &dataset.Dataset{Name: "example", Clusters: []dataset.Cluster{
		{
			ID:   "bridge",
			Docs: []precis.Document{{ID: "1", Text: "The bridge reopened on Monday after repairs. Drivers cheered."}},
			Refs: []dataset.Summary{{Name: "A", Text: "The bridge reopened on Monday."}},
		},
		{
			ID:   "floods",
			Docs: []precis.Document{{ID: "1", Text: "Floods hit the valley on Sunday. Homes were evacuated."}},
			Refs: []dataset.Summary{{Name: "A", Text: "Floods forced families from their homes."}},
		},
	}}
	// A summarizer for the example: the first six words of the first document.
	firstWords := eval.Summarizer{Name: "first-words", Summarize: func(ctx context.Context, docs []precis.Document, words int) ([]string, error) {
		return []string{"The bridge reopened on Monday after"}, nil
	}}
	cfg := eval.DefaultConfig()
	cfg.Summarizers = []eval.Summarizer{firstWords}
	cfg.Words = 6
	report, err := eval.Run(context.Background(), ds, cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	row := report.Rows[0]
	// Bridge: all 5 reference words found among the summary's 6: R 1, P 0.83333, F 0.90909.
	fmt.Printf("%s on %d clusters: ROUGE-1 F per cluster %.5f and %.5f, mean %.5f\n", row.Name, report.Scored,
		row.Items[0].Scores.Rouge1.F, row.Items[1].Scores.Rouge1.F, row.Scores.Rouge1.F.Mean)
	// Output:
	// first-words on 2 clusters: ROUGE-1 F per cluster 0.90909 and 0.00000, mean 0.45454
}
