package engine

import (
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// TestMemo checks that the analyses of one brief share one entity set, and that
// another corpus gets its own.
func TestMemo(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Text: "Sen. Al Franken asked Attorney General Jeff Sessions about Russia."},
		{ID: "b", Text: "Attorney-General Jeff Sessions answered Sen. Al Franken on Tuesday."},
	}
	c1, c2 := corpus.Build(docs), corpus.Build(docs)
	var m memo
	s1 := m.entities(c1)
	if s1 == nil || len(s1.Entities) == 0 {
		t.Fatal("no entities found")
	}
	if m.entities(c1) != s1 {
		t.Error("the entities of one corpus were found twice")
	}
	if s2 := m.entities(c2); s2 == s1 {
		t.Error("another corpus got the first corpus's entities")
	}
	m.forget(c2)
	if m.c != nil || m.set != nil {
		t.Error("forget kept the corpus")
	}
}
