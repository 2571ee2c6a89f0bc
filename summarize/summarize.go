// Package summarize chooses the sentences of a story's summary within a budget.
//
// Each algorithm is one type with documented parameters and a DefaultX function
// that sets them, and one file; all of them share the pieces in select.go (which
// sentences may be chosen, how support weighs, when two sentences say the same
// thing, fitting the budget) and order.go (the reading order).
package summarize

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// Summarizer chooses the sentences of a summary.
type Summarizer interface {
	// Summarize returns the indexes in c.Sentences of the chosen sentences, in
	// reading order. Their words never exceed b.Words (when above 0) and their
	// number never exceeds b.Sentences (when above 0).
	Summarize(c *corpus.Corpus, b Budget) []int
}

// Budget limits a summary. A limit of 0 is no limit; at least one should be set.
type Budget struct {
	// Words is the most words (precis.CountWords) the summary may have.
	Words int
	// Sentences is the most sentences the summary may have.
	Sentences int
}

// fits reports whether a sentence of w words can join a summary of n sentences and words words.
func (b Budget) fits(words, n, w int) bool {
	return (b.Words <= 0 || words+w <= b.Words) && (b.Sentences <= 0 || n < b.Sentences)
}

// Default names the default algorithm.
const Default = "concepts-lead"

// ErrUnknown is returned by New for an algorithm that does not exist. The error
// New returns also matches precis.ErrInvalid.
var ErrUnknown = errors.New("summarize: unknown algorithm")

type unknownError struct{ name string }

func (e unknownError) Error() string {
	return fmt.Sprintf("summarize: unknown algorithm %q (have %s)", e.name, strings.Join(Names(), ", "))
}

func (e unknownError) Is(target error) bool {
	return target == ErrUnknown || target == precis.ErrInvalid
}

var algorithms = []struct {
	name string
	new  func() Summarizer
}{
	{"centroid", func() Summarizer { return DefaultCentroid() }},
	{"concepts", func() Summarizer { return DefaultConcepts() }},
	{"concepts-lead", func() Summarizer { return DefaultConceptsLead() }},
	{"klsum", func() Summarizer { return DefaultKLSum() }},
	{"lead", func() Summarizer { return DefaultLead() }},
	{"lexrank", func() Summarizer { return DefaultLexRank() }},
	{"mmr", func() Summarizer { return DefaultMMR() }},
	{"submodular", func() Summarizer { return DefaultSubmodular() }},
	{"textrank", func() Summarizer { return DefaultTextRank() }},
}

// Names returns the names of the algorithms, sorted.
func Names() []string {
	out := make([]string, len(algorithms))
	for i, a := range algorithms {
		out[i] = a.name
	}
	return out
}

// New returns the named algorithm with its default parameters; "" names the default.
// An unknown name returns an error wrapping ErrUnknown (and precis.ErrInvalid).
func New(name string) (Summarizer, error) {
	if name == "" {
		name = Default
	}
	key := strings.ToLower(strings.TrimSpace(name))
	i := slices.IndexFunc(algorithms, func(a struct {
		name string
		new  func() Summarizer
	}) bool {
		return a.name == key
	})
	if i < 0 {
		return nil, unknownError{name}
	}
	return algorithms[i].new(), nil
}
