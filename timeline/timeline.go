// Package timeline orders a story's dated events: it finds the date expressions of
// every document, resolves them against each document's reference date, and merges
// the same event told by several outlets into one entry.
package timeline

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/date"
)

// Config sets how a timeline is made.
type Config struct {
	// MaxWords is the longest an event's text may be; a longer sentence is cut to the
	// clause around its date.
	MaxWords int
	// Similarity is the IDF-weighted share of content terms (Dice) above which two
	// mentions of one date are the same event.
	Similarity float64
	// Unresolved keeps the events whose date could not be resolved (Date ""), after the
	// dated ones, merged the same way; otherwise they are dropped.
	Unresolved bool
	// Inference is how documents without a date of their own get a reference date.
	Inference Inference
}

// DefaultConfig returns the configuration Extract uses.
func DefaultConfig() Config {
	return Config{MaxWords: 40, Similarity: 0.3, Unresolved: true, Inference: InferSafe}
}

// Extract returns the story's timeline with the default configuration.
func Extract(c *corpus.Corpus) []precis.Event { return DefaultConfig().Extract(c) }

// Mention is one date expression of a story and the date it resolves to.
type Mention struct {
	// Doc is the document's index in the corpus; Sentence the index in c.Sentences of
	// the sentence holding the expression, or -1 when it lies outside every sentence.
	Doc, Sentence int
	// Expr is the expression; its Span points into the document's Text.
	Expr date.Expr
	// Value is the resolved date; the zero Value when it could not be resolved.
	Value date.Value
	// Dateline marks the expression that dates the document itself (a dateline or a
	// "Posted:" line): it is no event.
	Dateline bool
}

// Dates returns every date expression of the story in document order, resolved,
// and each document's reference date.
func (cfg Config) Dates(c *corpus.Corpus) ([]Mention, []Reference) {
	found := make([][]date.Expr, len(c.Docs))
	lines := make([]int, len(c.Docs))
	n := 0
	for d := range c.Docs {
		found[d] = date.Find(c.Docs[d].Text)
		lines[d] = dateline(c.Docs[d].Text, found[d])
		n += len(found[d])
	}
	refs := references(c, found, lines, cfg.Inference)
	out := make([]Mention, 0, n)
	for d := range c.Docs {
		first, end := c.First[d], c.First[d+1]
		for i, e := range found[d] {
			m := Mention{Doc: d, Sentence: -1, Expr: e, Value: e.Resolve(refs[d].Reference), Dateline: i == lines[d]}
			k := first + sort.Search(end-first, func(k int) bool { return c.Sentences[first+k].Span.End > e.Span.Start })
			if k < end && c.Sentences[k].Span.Start <= e.Span.Start {
				m.Sentence = k
			}
			out = append(out, m)
		}
	}
	return out, refs
}

// Extract returns the story's timeline: one event per dated sentence, the same event
// told by several documents merged into one entry citing them all, ordered by date
// (a period before what happens inside it: 2016 before 2016-09) and then by first
// mention. A sentence with several dates is placed at its most precise one; a sentence
// dated only by a decade is left out, and so are dates with hardly any words around
// them (captions' timestamps) and the documents' own datelines.
func (cfg Config) Extract(c *corpus.Corpus) []precis.Event {
	ms, _ := cfg.Dates(c)
	b := builder{c: c, cfg: cfg, groups: map[string]*group{}}
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Sentence == ms[i].Sentence && ms[j].Doc == ms[i].Doc {
			j++
		}
		if ms[i].Sentence >= 0 {
			b.sentence(ms[i:j])
		}
		i = j
	}
	return b.timeline()
}

type builder struct {
	c      *corpus.Corpus
	cfg    Config
	groups map[string]*group
	events []*event
}

// group holds the events of one date, with an index from term to event.
type group struct {
	events []int
	post   map[int32][]int
}

type event struct {
	value    date.Value
	first    int // sentence index of the first mention
	docs     []int
	terms    []int32 // the first mention's distinct terms
	weight   float64
	text     string
	expr     string
	richness float64
}

func (b *builder) sentence(ms []Mention) {
	best := -1
	for i, m := range ms {
		if m.Dateline {
			continue
		}
		switch {
		case best < 0:
			best = i
		case m.Value.IsZero():
		case ms[best].Value.IsZero() || m.Value.Gran > ms[best].Value.Gran:
			best = i
		}
	}
	if best < 0 {
		return
	}
	m := ms[best]
	if m.Value.Gran == date.Decade || m.Value.IsZero() && !b.cfg.Unresolved {
		return
	}
	s := &b.c.Sentences[m.Sentence]
	if b.wordsOutside(s, ms) < 3 {
		return
	}
	key := m.Value.String()
	if m.Value.IsZero() {
		key = "?" + strings.ToLower(m.Expr.Text)
	}
	terms := distinct(b.c.Terms[m.Sentence])
	w := b.weight(terms)
	g := b.groups[key]
	if g == nil {
		g = &group{post: map[int32][]int{}}
		b.groups[key] = g
	}
	text, rich := b.trim(m.Sentence, m.Expr.Span)
	// Find the event of this date sharing the most weight with the sentence.
	shared := map[int]float64{}
	for _, t := range terms {
		for _, e := range g.post[t] {
			shared[e] += b.c.IDF[t]
		}
	}
	target, score := -1, 0.0
	for e, sw := range shared {
		if sim := 2 * sw / (w + b.events[e].weight); sim >= b.cfg.Similarity && (sim > score || sim == score && e < target) {
			target, score = e, sim
		}
	}
	if target < 0 {
		target = len(b.events)
		b.events = append(b.events, &event{value: m.Value, first: m.Sentence, terms: terms, weight: w})
		g.events = append(g.events, target)
		for _, t := range terms {
			g.post[t] = append(g.post[t], target)
		}
	}
	ev := b.events[target]
	if !slices.Contains(ev.docs, m.Doc) {
		ev.docs = append(ev.docs, m.Doc)
	}
	if ev.text == "" || rich > ev.richness {
		ev.text, ev.expr, ev.richness = text, m.Expr.Text, rich
	}
}

func (b *builder) timeline() []precis.Event {
	slices.SortStableFunc(b.events, func(x, y *event) int {
		if c := x.value.Compare(y.value); c != 0 {
			return c
		}
		return cmp.Compare(x.first, y.first)
	})
	out := make([]precis.Event, 0, len(b.events))
	for _, e := range b.events {
		slices.Sort(e.docs)
		src := make([]string, len(e.docs))
		for i, d := range e.docs {
			src[i] = b.c.Docs[d].ID
		}
		out = append(out, precis.Event{Date: e.value.Calendar(), Expression: e.expr, Text: e.text, Sources: src})
	}
	return out
}

// wordsOutside counts the sentence's content tokens outside every date expression.
func (b *builder) wordsOutside(s *precis.Sentence, ms []Mention) int {
	n := 0
	for _, t := range s.Tokens {
		if !t.IsContent() {
			continue
		}
		inside := false
		for _, m := range ms {
			if t.Span.Start >= m.Expr.Span.Start && t.Span.End <= m.Expr.Span.End {
				inside = true
				break
			}
		}
		if !inside && t.Kind == precis.Word {
			n++
		}
	}
	return n
}

func (b *builder) weight(terms []int32) float64 {
	w := 0.0
	for _, t := range terms {
		w += b.c.IDF[t]
	}
	return w
}

func distinct(terms []int32) []int32 {
	out := slices.Clone(terms)
	slices.Sort(out)
	return slices.Compact(out)
}
