// Package engine wires the pipeline's stages: articles in, a sourced brief out.
package engine

import (
	"context"
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
)

// Config sets how a brief is made.
type Config struct {
	// Algorithm names the summarizer; "" means the default.
	Algorithm string
	// Words is the summary's word budget.
	Words int
	// Sentences, when above 0, limits the summary to that many sentences instead.
	Sentences int
}

// DefaultConfig returns the default configuration: the default summarizer, 150 words.
func DefaultConfig() Config { return Config{Words: 150} }

// Brief cleans docs and writes their sourced brief.
//
// PLACEHOLDER: takes the first sentence of each document.
func Brief(ctx context.Context, docs []precis.Document, cfg Config) (*precis.Brief, error) {
	if len(docs) == 0 {
		return nil, fmt.Errorf("engine: no documents: %w", precis.ErrInvalid)
	}
	for i := range docs {
		clean.Document(&docs[i])
	}
	c := corpus.Build(docs)
	b := &precis.Brief{Algorithm: "lead", Budget: cfg.Words}
	for d := range docs {
		b.Documents = append(b.Documents, docs[d].Info())
		if first, end := c.DocSentences(d); first < end {
			s := c.Sentences[first]
			b.Summary = append(b.Summary, precis.Statement{Text: s.Text, Sources: []precis.Source{{Doc: docs[d].ID, Sentence: s.Text, Span: s.Span}}})
		}
	}
	return b, nil
}
