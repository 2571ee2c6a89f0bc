package engine

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/summarize"
)

// stories are the fixture stories every brief test runs on.
var stories = []string{"../examples/sessions", "../testdata/stories/bridge"}

// checkBrief checks what every brief must be: within budget, each statement
// citing its own sentence first, every source checkable in its cleaned document.
func checkBrief(t *testing.T, docs []precis.Document, b *precis.Brief, words, sentences int) {
	t.Helper()
	cleaned := map[string]string{}
	for _, d := range docs {
		d.Removed = slices.Clip(d.Removed)
		clean.Document(&d)
		cleaned[d.ID] = d.Text
	}
	if len(b.Documents) != len(docs) {
		t.Fatalf("%d documents, want %d", len(b.Documents), len(docs))
	}
	total := 0
	seen := map[string]bool{}
	for k, s := range b.Summary {
		total += precis.CountWords(s.Text)
		if seen[s.Text] {
			t.Errorf("statement %d repeats %q", k, s.Text)
		}
		seen[s.Text] = true
		if len(s.Sources) == 0 || s.Sources[0].Sentence != s.Text {
			t.Fatalf("statement %d %q: first source is not its own sentence: %+v", k, s.Text, s.Sources)
		}
		if n := corpus.Dateline(s.Text); n > 0 {
			t.Errorf("statement %d keeps its dateline %q", k, s.Text[:n])
		}
		docSeen := map[string]bool{}
		for _, src := range s.Sources {
			text, ok := cleaned[src.Doc]
			if !ok {
				t.Fatalf("statement %d cites unknown document %q", k, src.Doc)
			}
			if docSeen[src.Doc] {
				t.Errorf("statement %d cites %q twice", k, src.Doc)
			}
			docSeen[src.Doc] = true
			if got := src.Span.Of(text); got != src.Sentence || got == "" {
				t.Fatalf("statement %d: %s[%d:%d] = %q, source says %q", k, src.Doc, src.Span.Start, src.Span.End, got, src.Sentence)
			}
		}
	}
	if words > 0 && total > words {
		t.Errorf("summary has %d words, budget %d", total, words)
	}
	if sentences > 0 && len(b.Summary) > sentences {
		t.Errorf("summary has %d sentences, budget %d", len(b.Summary), sentences)
	}
}

func TestBrief(t *testing.T) {
	budgets := []struct{ words, sentences int }{{150, 0}, {60, 0}, {0, 3}, {400, 2}, {1, 0}}
	for _, dir := range stories {
		docs := readStory(t, dir)
		for _, alg := range summarize.Names() {
			for _, bud := range budgets {
				t.Run(fmt.Sprintf("%s/%s/%dw%ds", dir, alg, bud.words, bud.sentences), func(t *testing.T) {
					cfg := DefaultConfig()
					cfg.Algorithm, cfg.Words, cfg.Sentences = alg, bud.words, bud.sentences
					b, err := Brief(context.Background(), docs, cfg)
					if err != nil {
						t.Fatal(err)
					}
					if b.Algorithm != alg {
						t.Errorf("Algorithm = %q, want %q", b.Algorithm, alg)
					}
					checkBrief(t, docs, b, bud.words, bud.sentences)
					if bud.words >= 60 && len(b.Summary) == 0 {
						t.Errorf("empty summary within %d words", bud.words)
					}
					if bud.words == 1 && len(b.Warnings) == 0 {
						t.Errorf("no warning for an empty summary")
					}
				})
			}
		}
	}
}

func TestBriefErrors(t *testing.T) {
	docs := []precis.Document{{ID: "a", Text: "The council met on Monday. It approved the budget."}}
	tests := []struct {
		name string
		docs []precis.Document
		cfg  Config
		is   []error
	}{
		{"no documents", nil, DefaultConfig(), []error{precis.ErrInvalid}},
		{"unknown algorithm", docs, Config{Algorithm: "nope"}, []error{precis.ErrInvalid, summarize.ErrUnknown}},
		{"negative words", docs, Config{Words: -1}, []error{precis.ErrInvalid}},
		{"negative sentences", docs, Config{Sentences: -2}, []error{precis.ErrInvalid}},
		{"no text", []precis.Document{{ID: "a", Text: " \n\n "}, {ID: "b"}}, DefaultConfig(), []error{precis.ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Brief(context.Background(), tt.docs, tt.cfg)
			if err == nil {
				t.Fatalf("Brief = %+v, want an error", b)
			}
			for _, target := range tt.is {
				if !errors.Is(err, target) {
					t.Errorf("error %q is not %v", err, target)
				}
			}
		})
	}
}

func TestBriefWarnsFurniture(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Source: "news/a.txt", Text: "The council met on Monday. It approved the budget of the city for next year."},
		{ID: "junk", Source: "news/junk.txt", Text: "Share this article\nAdvertisement\n"},
	}
	b, err := Brief(context.Background(), docs, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"junk (news/junk.txt): no text left after cleaning: all page furniture"}
	if !reflect.DeepEqual(b.Warnings, want) {
		t.Errorf("warnings %q, want %q", b.Warnings, want)
	}
}

func TestBriefZeroConfig(t *testing.T) {
	docs := readStory(t, "../testdata/stories/bridge")
	b, err := Brief(context.Background(), docs, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Algorithm != summarize.Default || b.Budget != DefaultWords {
		t.Errorf("zero Config: algorithm %q, budget %d; want %q, %d", b.Algorithm, b.Budget, summarize.Default, DefaultWords)
	}
	checkBrief(t, docs, b, DefaultWords, 0)
}

func TestBriefIDs(t *testing.T) {
	docs := []precis.Document{
		{Text: "The council met on Monday to vote on the new city budget for next year."},
		{ID: "x", Text: "The council met on Monday to vote on the new city budget for next year."},
		{ID: "x", Text: "The mayor said the vote on the city budget would take place next week."},
	}
	before := slices.Clone(docs)
	b, err := Brief(context.Background(), docs, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range b.Documents {
		ids = append(ids, d.ID)
	}
	if want := []string{"1", "x", "x-2"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %q, want %q", ids, want)
	}
	if len(b.Warnings) != 2 {
		t.Errorf("warnings = %q, want 2", b.Warnings)
	}
	if !reflect.DeepEqual(docs, before) {
		t.Errorf("Brief modified its input")
	}
}

func TestBriefConcurrent(t *testing.T) {
	docs := readStory(t, "../examples/sessions")
	want, err := Brief(context.Background(), docs, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			got, err := Brief(context.Background(), docs, DefaultConfig())
			if err == nil && !reflect.DeepEqual(got, want) {
				err = errors.New("concurrent briefs differ")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestAnalyses(t *testing.T) {
	docs := readStory(t, "../testdata/stories/bridge")
	var order []string
	stage := func(name string, err error) Analysis {
		return Analysis{Name: name, Run: func(ctx context.Context, c *corpus.Corpus, b *precis.Brief) error {
			order = append(order, name)
			if len(b.Summary) == 0 || len(c.Docs) != len(docs) {
				return errors.New("analysis ran before the summary")
			}
			b.Shared = append(b.Shared, precis.Fact{Text: name})
			return err
		}}
	}
	cfg := DefaultConfig()
	cfg.Analyses = []Analysis{stage("one", nil), stage("two", nil)}
	b, err := Brief(context.Background(), docs, cfg)
	if err != nil || !slices.Equal(order, []string{"one", "two"}) || len(b.Shared) != 2 {
		t.Fatalf("analyses ran %q, shared %v, error %v", order, b.Shared, err)
	}
	order = nil
	boom := errors.New("boom")
	cfg.Analyses = []Analysis{stage("one", boom), stage("two", nil)}
	if _, err := Brief(context.Background(), docs, cfg); !errors.Is(err, boom) || len(order) != 1 {
		t.Fatalf("error %v after %q, want boom after one", err, order)
	}
}

func TestBriefCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Brief(ctx, readStory(t, "../testdata/stories/bridge"), DefaultConfig()); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

func TestCustomSummarizer(t *testing.T) {
	docs := readStory(t, "../testdata/stories/bridge")
	cfg := Config{Summarizer: summarize.Lead{Select: summarize.DefaultSelection()}, Sentences: 1}
	b, err := Brief(context.Background(), docs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if b.Algorithm != "custom" || len(b.Summary) != 1 {
		t.Errorf("algorithm %q, %d statements; want custom, 1", b.Algorithm, len(b.Summary))
	}
}

// TestOffStory adds a page about something else to a story: it stays among the
// documents, is warned about, and supplies no statement while the story has enough.
func TestOffStory(t *testing.T) {
	docs := readStory(t, "../testdata/stories/bridge")
	docs = append(docs, precis.Document{ID: "recipe", Text: "Preheat the oven to 200 degrees before you start on the pastry. " +
		"Rub the cold butter into the flour with your fingertips until it looks like fine breadcrumbs. " +
		"Add a pinch of salt and enough iced water to bring the dough together into a smooth ball. " +
		"Chill the pastry for half an hour, then roll it out thinly on a floured surface. " +
		"Bake the tart case blind for fifteen minutes, until the edges turn a pale golden colour."})
	for _, alg := range summarize.Names() {
		t.Run(alg, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Algorithm = alg
			b, err := Brief(context.Background(), docs, cfg)
			if err != nil {
				t.Fatal(err)
			}
			checkBrief(t, docs, b, cfg.Words, 0)
			warned := slices.ContainsFunc(b.Warnings, func(w string) bool {
				return strings.HasPrefix(w, "recipe seems not to be about the story") && strings.HasSuffix(w, "not summarized")
			})
			if !warned {
				t.Errorf("no warning about the recipe: %q", b.Warnings)
			}
			for _, s := range b.Summary {
				for _, src := range s.Sources {
					if src.Doc == "recipe" {
						t.Errorf("the recipe is cited: %q", s.Text)
					}
				}
			}
		})
	}
}
