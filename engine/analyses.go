package engine

import (
	"context"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/quote"
	"github.com/precis-news/precis/timeline"
)

// DefaultAnalyses returns the analyses a brief runs by default: entities and
// quotes (one stage, since speakers take their canonical names from the
// entities), then the timeline.
func DefaultAnalyses() []Analysis {
	return []Analysis{
		{Name: "entities and quotes", Run: entitiesAndQuotes},
		{Name: "timeline", Run: dated},
	}
}

func entitiesAndQuotes(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	set := entity.Find(c)
	b.Entities = nonNil(set.Entities)
	b.Quotes = nonNil(quote.Extract(c, set))
	return nil
}

func dated(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	b.Timeline = nonNil(timeline.Extract(c))
	return nil
}

// nonNil keeps JSON lists as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
