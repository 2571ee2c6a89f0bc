// Package engine wires the pipeline's stages: articles in, a sourced brief out.
package engine

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/summarize"
)

// Config sets how a brief is made. The zero Config is the default brief:
// the default summarizer, 150 words, no analyses.
type Config struct {
	// Algorithm names the summarizer (see summarize.Names); "" means summarize.Default.
	Algorithm string
	// Summarizer, when not nil, is used instead of Algorithm, for summarizers
	// with parameters of their own (summarize.DefaultLexRank() with changes, say).
	// Brief.Algorithm then reads "custom" unless Algorithm names it.
	Summarizer summarize.Summarizer
	// Words is the summary's word budget (precis.CountWords); 0 means no word
	// limit when Sentences is set, else 150.
	Words int
	// Sentences, when above 0, limits the summary to that many sentences.
	Sentences int
	// Corpus sets how sentences are compared (paraphrase threshold).
	Corpus corpus.Options
	// Analyses fill their parts of the brief: the concurrent ones at the same
	// time as the summary, then the others in order (see Analysis).
	Analyses []Analysis
	// Cleaned says the documents are already cleaned with clean.Document: Brief
	// does not clean them again, so every span of the brief points into their
	// Text as given. A caller that keeps the documents (a server's store) cleans
	// them once, keeps them, and briefs them with Cleaned set.
	Cleaned bool
}

// DefaultWords is the word budget of a brief when none is given.
const DefaultWords = 150

// DefaultConfig returns the default configuration: the default summarizer,
// 150 words, the default analyses.
func DefaultConfig() Config {
	return Config{Algorithm: summarize.Default, Words: DefaultWords, Corpus: corpus.DefaultOptions(), Analyses: DefaultAnalyses()}
}

// An Analysis is one stage of a story's analysis (quotes, entities, timeline,
// disagreements, coverage): a function over the corpus that fills its part of the
// brief. Unless Concurrent, it runs after the summary and the concurrent
// analyses, so it may read b.Summary and b.Documents and their parts; it must
// not change what other analyses own. An error stops the brief.
type Analysis struct {
	// Name identifies the analysis in errors ("quotes").
	Name string
	Run  func(ctx context.Context, c *corpus.Corpus, b *precis.Brief) error
	// Concurrent lets the analysis run at the same time as the summary and
	// the other concurrent analyses, on the processors there are: it reads
	// the corpus only and writes its own part of the brief only. The others
	// run after them, in order.
	Concurrent bool
}

// ErrNoText is Brief's error when no document has any text once cleaned: each
// was empty or page furniture. It is a precis.ErrInvalid.
var ErrNoText = precis.Errorf(precis.ErrInvalid, "engine: no text left after cleaning: every document was empty or page furniture")

// Brief cleans copies of docs (clean.Document), unless cfg.Cleaned, and writes
// their sourced brief: the summary, each statement with every document that says
// it, and the analyses of cfg. docs is not modified.
//
// Documents without an ID get their position (from 1) as ID, and repeated IDs
// get a suffix, so that citations are unambiguous; both are warned about.
// It returns an error wrapping precis.ErrInvalid for no documents, documents
// without any text (ErrNoText), an unknown algorithm or a negative budget.
//
// Brief keeps no state between calls and may be called concurrently.
func Brief(ctx context.Context, docs []precis.Document, cfg Config) (*precis.Brief, error) {
	if len(docs) == 0 {
		return nil, fmt.Errorf("engine: no documents: %w", precis.ErrInvalid)
	}
	if cfg.Words < 0 || cfg.Sentences < 0 {
		return nil, fmt.Errorf("engine: negative budget (%d words, %d sentences): %w", cfg.Words, cfg.Sentences, precis.ErrInvalid)
	}
	budget := summarize.Budget{Words: cfg.Words, Sentences: cfg.Sentences}
	if budget.Words == 0 && budget.Sentences == 0 {
		budget.Words = DefaultWords
	}
	sum, name := cfg.Summarizer, cfg.Algorithm
	if sum == nil {
		if name == "" {
			name = summarize.Default
		}
		var err error
		if sum, err = summarize.New(name); err != nil {
			return nil, fmt.Errorf("engine: %w", err)
		}
	} else if name == "" {
		name = "custom"
	}

	b := &precis.Brief{
		Algorithm: name, Budget: budget.Words,
		Documents: []precis.DocumentInfo{}, Summary: []precis.Statement{},
		Quotes: []precis.Quote{}, Entities: []precis.Entity{}, Timeline: []precis.Event{},
		Disagreements: []precis.Disagreement{}, Coverage: []precis.Coverage{}, Shared: []precis.Fact{},
	}
	docs = prepare(docs, &b.Warnings)
	if !cfg.Cleaned {
		cleaning := make([]func() error, len(docs))
		for d := range docs {
			cleaning[d] = func() error {
				if err := ctx.Err(); err != nil {
					return err
				}
				clean.Document(&docs[d])
				return nil
			}
		}
		if err := runAll(cleaning); err != nil {
			return nil, err
		}
	}
	words := 0
	for d := range docs {
		b.Documents = append(b.Documents, docs[d].Info())
		words += b.Documents[d].Words
		if b.Documents[d].Words == 0 {
			b.Warnings = append(b.Warnings, docName(docs[d])+": no text left after cleaning: all page furniture")
		}
	}
	if words == 0 {
		return nil, ErrNoText
	}

	c := corpus.BuildWith(docs, cfg.Corpus)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ctx = context.WithValue(ctx, storyKey{}, &story{c: c})
	// The summary and the concurrent analyses, at the same time; then the others in order.
	tasks := []func() error{func() error {
		chosen := sum.Summarize(c, budget)
		if len(chosen) == 0 {
			b.Warnings = append(b.Warnings, fmt.Sprintf("no sentence fits the budget of %s", budgetText(budget)))
		}
		for _, i := range chosen {
			b.Summary = append(b.Summary, Statement(c, i))
		}
		b.Warnings = append(b.Warnings, offStory(c, chosen)...)
		return nil
	}}
	var later []Analysis
	for _, a := range cfg.Analyses {
		if !a.Concurrent {
			later = append(later, a)
			continue
		}
		tasks = append(tasks, func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := a.Run(ctx, c, b); err != nil {
				return fmt.Errorf("engine: %s: %w", a.Name, err)
			}
			return nil
		})
	}
	if err := runAll(tasks); err != nil {
		return nil, err
	}
	for _, a := range later {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := a.Run(ctx, c, b); err != nil {
			return nil, fmt.Errorf("engine: %s: %w", a.Name, err)
		}
	}
	return b, nil
}

// runAll runs tasks on as many goroutines as there are processors (up to one
// each), taking them in order, and returns the error of the first task, in
// order, that failed.
func runAll(tasks []func() error) error {
	errs := make([]error, len(tasks))
	workers := min(runtime.GOMAXPROCS(0), len(tasks))
	if workers < 2 {
		for _, t := range tasks {
			if err := t(); err != nil {
				return err
			}
		}
		return nil
	}
	var next atomic.Int32
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(tasks); k = int(next.Add(1) - 1) {
				errs[k] = tasks[k]()
			}
		})
	}
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Statement returns sentence i of c as a statement of the summary, citing its
// own document first, then every other document that says the same thing (its
// sentence most similar to i), in document order. Sentences are given without
// the dateline that opens them (c.Body), in the text and in every source.
func Statement(c *corpus.Corpus, i int) precis.Statement {
	st := precis.Statement{Text: c.BodyText(i), Sources: []precis.Source{source(c, i)}}
	for _, m := range c.Paraphrases(i) {
		st.Sources = append(st.Sources, source(c, m.Sentence))
	}
	return st
}

func source(c *corpus.Corpus, i int) precis.Source {
	return precis.Source{Doc: c.Docs[c.Sentences[i].Doc].ID, Sentence: c.BodyText(i), Span: c.Body[i]}
}

// offStory warns about each document that seems not to be about the story
// (corpus.Corpus.OffStory): it stays in the brief's documents, and the summary
// uses it only when nothing else is left.
func offStory(c *corpus.Corpus, chosen []int) []string {
	var out []string
	for d, off := range c.OffStory {
		if !off {
			continue
		}
		used := 0
		for _, i := range chosen {
			if c.Sentences[i].Doc == d {
				used++
			}
		}
		w := fmt.Sprintf("%s seems not to be about the story (relatedness %.2f to the other documents): ", c.Docs[d].ID, c.Relatedness[d])
		if used == 0 {
			w += "not summarized"
		} else {
			w += fmt.Sprintf("%d of its sentences summarized, for want of others", used)
		}
		out = append(out, w)
	}
	return out
}

// prepare returns a copy of docs with unique, non-empty IDs, warning about each ID it gives.
func prepare(docs []precis.Document, warnings *[]string) []precis.Document {
	out := slices.Clone(docs)
	seen := make(map[string]bool, len(out))
	for d := range out {
		out[d].Removed = slices.Clip(out[d].Removed) // clean appends: never into the caller's array
		id := out[d].ID
		if id == "" {
			id = strconv.Itoa(d + 1)
		}
		for k := 2; seen[id]; k++ {
			id = fmt.Sprintf("%s-%d", out[d].ID, k)
			if out[d].ID == "" {
				id = fmt.Sprintf("%d-%d", d+1, k)
			}
		}
		if id != out[d].ID {
			if out[d].ID == "" {
				*warnings = append(*warnings, fmt.Sprintf("document %d has no id: named %q", d+1, id))
			} else {
				*warnings = append(*warnings, fmt.Sprintf("document %d repeats the id %q: renamed %q", d+1, out[d].ID, id))
			}
			out[d].ID = id
		}
		seen[id] = true
	}
	return out
}

func budgetText(b summarize.Budget) string {
	switch {
	case b.Words > 0 && b.Sentences > 0:
		return fmt.Sprintf("%d words and %d sentences", b.Words, b.Sentences)
	case b.Words > 0:
		return fmt.Sprintf("%d words", b.Words)
	}
	return fmt.Sprintf("%d sentences", b.Sentences)
}

// docName names a document in a warning: its id, and where it was read from
// when that says more (the file of a JSON Lines article, standard input).
func docName(d precis.Document) string {
	switch {
	case d.Source == "" || d.Source == d.ID:
		return d.ID
	case d.Source == "-":
		return d.ID + " (standard input)"
	}
	return d.ID + " (" + d.Source + ")"
}
