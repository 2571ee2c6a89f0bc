package engine

import (
	"context"
	"sync"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/coverage"
	"github.com/precis-news/precis/disagree"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/quote"
	"github.com/precis-news/precis/timeline"
)

// DefaultAnalyses returns the analyses a brief runs by default: entities and
// quotes (one stage, since speakers take their canonical names from the
// entities), the timeline, the disagreements (which compare the titles the
// entities carry) and the coverage. They are concurrent: they run at the same
// time as the summary and each other, and the entities are found once for all
// of them.
func DefaultAnalyses() []Analysis {
	return []Analysis{
		{Name: "entities and quotes", Run: entitiesAndQuotes, Concurrent: true},
		{Name: "timeline", Run: dated, Concurrent: true},
		{Name: "disagreements", Run: disagreements, Concurrent: true},
		{Name: "coverage", Run: covered, Concurrent: true},
	}
}

// story is what the analyses of one brief share: the story's entities, found
// once. Brief puts it in the context it gives the analyses.
type story struct {
	c    *corpus.Corpus
	once sync.Once
	set  *entity.Set
}

type storyKey struct{}

// entities returns the entities of c: found once per brief, or now when ctx
// is not a brief's.
func entities(ctx context.Context, c *corpus.Corpus) *entity.Set {
	if st, ok := ctx.Value(storyKey{}).(*story); ok && st.c == c {
		st.once.Do(func() { st.set = entity.Find(c) })
		return st.set
	}
	return entity.Find(c)
}

func entitiesAndQuotes(ctx context.Context, c *corpus.Corpus, b *precis.Brief) error {
	set := entities(ctx, c)
	b.Entities = nonNil(set.Entities)
	b.Quotes = nonNil(quote.Extract(c, set))
	return nil
}

func dated(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	b.Timeline = nonNil(timeline.Extract(c))
	return nil
}

func disagreements(ctx context.Context, c *corpus.Corpus, b *precis.Brief) error {
	b.Disagreements = nonNil(disagree.DefaultConfig().Find(c, entities(ctx, c)))
	return nil
}

func covered(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	r := coverage.Find(c)
	b.Coverage = nonNil(r.Unique)
	b.Shared = nonNil(r.Shared)
	return nil
}

// nonNil keeps JSON lists as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
