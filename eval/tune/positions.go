package main

import (
	"context"
	"fmt"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/summarize"
)

// positions prints, by a sentence's rank among its document's allowed sentences
// (summarize.Selection.Standalone above 0), the share of its words that end a
// bigram of the references, in ROUGE's tokens: how much a sentence's place in its
// document tells of its worth, which Selection.Lead and Position model.
func positions(ds *dataset.Dataset) error {
	buckets := []string{"0", "1", "2", "3", "4", "5-9", "10-19", "20+"}
	bucket := func(r int) int {
		switch {
		case r < 5:
			return r
		case r < 10:
			return 5
		case r < 20:
			return 6
		}
		return 7
	}
	hits := make([]float64, len(buckets))
	words := make([]float64, len(buckets))
	count := make([]int, len(buckets))
	for _, cl := range ds.Clusters {
		if len(cl.Docs) == 0 || len(cl.Refs) == 0 {
			continue
		}
		ref := map[[2]string]bool{}
		for _, r := range cl.Refs {
			toks := rougeTokens(r.Text)
			for i := 1; i < len(toks); i++ {
				ref[[2]string{toks[i-1], toks[i]}] = true
			}
		}
		look := func(c *corpus.Corpus) {
			sel := summarize.DefaultSelection()
			for d := range c.Docs {
				first, end := c.DocSentences(d)
				r := 0
				for i := first; i < end; i++ {
					if sel.Standalone(c, i) == 0 {
						continue
					}
					toks := rougeTokens(c.BodyText(i))
					k := bucket(r)
					for j := 1; j < len(toks); j++ {
						if ref[[2]string{toks[j-1], toks[j]}] {
							hits[k]++
						}
					}
					words[k] += float64(len(toks))
					count[k]++
					r++
				}
			}
		}
		cfg := engine.Config{Words: 1, Summarizer: lookSummarizer(look)}
		if _, err := engine.Brief(context.Background(), cl.Docs, cfg); err != nil {
			return fmt.Errorf("%s: %w", cl.ID, err)
		}
	}
	fmt.Printf("%s: reference bigrams per word of the allowed sentences, by rank in their document\n\n", ds.Name)
	fmt.Printf("%-6s %9s %11s\n", "rank", "sentences", "bigrams/word")
	for k, name := range buckets {
		if words[k] > 0 {
			fmt.Printf("%-6s %9d %11.3f\n", name, count[k], hits[k]/words[k])
		}
	}
	return nil
}

// lookSummarizer calls itself on the corpus and chooses nothing.
type lookSummarizer func(c *corpus.Corpus)

func (f lookSummarizer) Summarize(c *corpus.Corpus, _ summarize.Budget) []int {
	f(c)
	return nil
}
