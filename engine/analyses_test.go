package engine

import (
	"context"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// TestSharedEntities checks that the analyses of one brief share one entity
// set, and that another corpus, or a context of no brief, gets its own.
func TestSharedEntities(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Text: "Sen. Al Franken asked Attorney General Jeff Sessions about Russia."},
		{ID: "b", Text: "Attorney-General Jeff Sessions answered Sen. Al Franken on Tuesday."},
	}
	c1, c2 := corpus.Build(docs), corpus.Build(docs)
	ctx := context.WithValue(context.Background(), storyKey{}, &story{c: c1})
	s1 := entities(ctx, c1)
	if s1 == nil || len(s1.Entities) == 0 {
		t.Fatal("no entities found")
	}
	if entities(ctx, c1) != s1 {
		t.Error("the entities of one corpus were found twice")
	}
	if s2 := entities(ctx, c2); s2 == s1 {
		t.Error("another corpus got the first corpus's entities")
	}
	if s3 := entities(context.Background(), c1); s3 == s1 || len(s3.Entities) != len(s1.Entities) {
		t.Error("a context of no brief got the brief's entities, or others")
	}
}
