// Package entity finds the people, organisations and places a story names, and merges the
// titles, short forms and spellings that several outlets use for each of them.
//
// Detection reads capitalised runs of words, with the cues a news reader uses: titles
// ("Sen.", "spokeswoman"), organisation and place heads ("Committee", "County"), "in" before
// a place, appositions ("Worth Sparkman, a Tyson spokesman"), a small hand-written lexicon
// of given names, countries, US states, cities, well-known organisations and page furniture
// ("Subscribe", "Credit"; see lexicon/LICENSE.md), and capitals that only open sentences.
// Merging joins a surname to the full name it shortens, spellings one edit apart
// ("Sergei"/"Sergey", "Kislyak"/"Kisylak"), acronyms to their names, and "Justice
// Department" to "Department of Justice"; it keeps apart people who share a surname but not
// a given name or suffix ("Donald Trump", "Donald Trump Jr.", "Melania Trump").
package entity

import (
	"cmp"
	"slices"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// Gender is what a person's given name suggests, for resolving "he" and "she".
type Gender uint8

// The genders a given name can suggest.
const (
	Unknown Gender = iota
	Male
	Female
)

// Mention is one place where a document names an entity.
type Mention struct {
	// Doc is the index of the document in the corpus.
	Doc  int
	Span precis.Span
	// Entity is the index of the entity in Set.Entities.
	Entity int
}

// Set holds a story's entities and every place the documents name them.
type Set struct {
	// Entities are sorted by importance: mentions × sources, then mentions, then name.
	Entities []precis.Entity
	// Genders[i] is the gender entity i's given name suggests (Unknown for non-people).
	Genders []Gender
	// Mentions[d] lists document d's mentions in text order.
	Mentions [][]Mention

	forms map[string]int // normalised name form → entity
}

// Extract returns the entities of the story, most important first.
func Extract(c *corpus.Corpus) []precis.Entity { return Find(c).Entities }

// Find detects and merges the entities of every document of c.
func Find(c *corpus.Corpus) *Set {
	f := newFinder(c)
	defer f.release()
	f.detect()
	f.cluster()
	return f.result()
}

// Lookup returns the index of the entity a name refers to, or -1. The name may carry
// titles ("Sen. Al Franken") and may be any form the story uses ("Franken").
func (s *Set) Lookup(name string) int {
	toks := splitName(name)
	for len(toks) > 1 && titles[toks[0]] {
		toks = toks[1:]
	}
	if e, ok := s.forms[join(toks)]; ok {
		return e
	}
	return -1
}

// In returns document doc's mentions that lie inside span, in text order.
func (s *Set) In(doc int, span precis.Span) []Mention {
	if doc < 0 || doc >= len(s.Mentions) {
		return nil
	}
	ms := s.Mentions[doc]
	i, _ := slices.BinarySearchFunc(ms, span.Start, func(m Mention, start int) int { return cmp.Compare(m.Span.Start, start) })
	j := i
	for j < len(ms) && ms[j].Span.End <= span.End {
		j++
	}
	return ms[i:j]
}

// At returns the mention of document doc that covers byte pos.
func (s *Set) At(doc, pos int) (Mention, bool) {
	if doc < 0 || doc >= len(s.Mentions) {
		return Mention{}, false
	}
	ms := s.Mentions[doc]
	i, _ := slices.BinarySearchFunc(ms, pos+1, func(m Mention, p int) int { return cmp.Compare(m.Span.Start, p) })
	if i > 0 && ms[i-1].Span.End > pos {
		return ms[i-1], true
	}
	return Mention{}, false
}

// Type returns the type of entity e.
func (s *Set) Type(e int) precis.EntityType { return s.Entities[e].Type }
