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
// entities carry) and the coverage. The entities are found once for all of them.
func DefaultAnalyses() []Analysis {
	m := new(memo)
	return []Analysis{
		{Name: "entities and quotes", Run: m.entitiesAndQuotes},
		{Name: "timeline", Run: dated},
		{Name: "disagreements", Run: m.disagreements},
		{Name: "coverage", Run: covered},
	}
}

// memo keeps the entities of the story last analysed, so that the analyses of
// one brief find them once. Briefs made at the same time with one Config share
// it: then an analysis may find the entities of another corpus there, and finds
// its own again, which is slower but right.
type memo struct {
	mu  sync.Mutex
	c   *corpus.Corpus
	set *entity.Set
}

// entities returns the entities of c, found once.
func (m *memo) entities(c *corpus.Corpus) *entity.Set {
	m.mu.Lock()
	if m.c == c {
		set := m.set
		m.mu.Unlock()
		return set
	}
	m.mu.Unlock()
	set := entity.Find(c)
	m.mu.Lock()
	m.c, m.set = c, set
	m.mu.Unlock()
	return set
}

// forget lets go of c's entities once the last analysis needing them is done.
func (m *memo) forget(c *corpus.Corpus) {
	m.mu.Lock()
	if m.c == c {
		m.c, m.set = nil, nil
	}
	m.mu.Unlock()
}

func (m *memo) entitiesAndQuotes(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	set := m.entities(c)
	b.Entities = nonNil(set.Entities)
	b.Quotes = nonNil(quote.Extract(c, set))
	return nil
}

func dated(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	b.Timeline = nonNil(timeline.Extract(c))
	return nil
}

func (m *memo) disagreements(_ context.Context, c *corpus.Corpus, b *precis.Brief) error {
	b.Disagreements = nonNil(disagree.DefaultConfig().Find(c, m.entities(c)))
	m.forget(c)
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
