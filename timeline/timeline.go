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
	b := builder{c: c, cfg: cfg, groups: map[groupKey]*group{}, shared: map[int]float64{}}
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
	c       *corpus.Corpus
	cfg     Config
	groups  map[groupKey]*group
	events  []*event
	shared  map[int]float64 // scratch: weight shared with each event of a big group
	scratch []int32         // scratch: a sentence's distinct terms
}

// group holds the events of one date; past indexAbove events, an index from term to event.
type group struct {
	events []int
	post   map[int32][]int
}

type groupKey struct {
	value date.Value
	expr  string // the expression, for unresolved dates
}

// indexAbove is the number of events of one date from which they are found through an
// inverted index rather than compared one by one: a story of thousands of sentences
// makes no all-pairs comparison.
const indexAbove = 32

// similar returns the event of group g most similar to a mention with the given sorted
// distinct terms and weight, if it reaches Similarity; else -1.
func (b *builder) similar(g *group, terms []int32, w float64) int {
	target, score := -1, 0.0
	consider := func(e int, sw float64) {
		if sim := 2 * sw / (w + b.events[e].weight); sim >= b.cfg.Similarity && (sim > score || sim == score && e < target) {
			target, score = e, sim
		}
	}
	if len(g.events) <= indexAbove {
		for _, e := range g.events {
			consider(e, b.sharedWeight(terms, b.events[e].terms))
		}
		return target
	}
	if g.post == nil {
		g.post = map[int32][]int{}
		for _, e := range g.events {
			for _, t := range b.events[e].terms {
				g.post[t] = append(g.post[t], e)
			}
		}
	}
	shared := b.shared
	clear(shared)
	for _, t := range terms {
		for _, e := range g.post[t] {
			shared[e] += b.c.IDF[t]
		}
	}
	for e, sw := range shared {
		consider(e, sw)
	}
	return target
}

// sharedWeight sums the IDF of the terms two sorted distinct lists share.
func (b *builder) sharedWeight(x, y []int32) float64 {
	sum := 0.0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			sum += b.c.IDF[x[i]]
			i++
			j++
		}
	}
	return sum
}

type event struct {
	value    date.Value
	first    int // sentence index of the first mention
	docs     []int
	terms    []int32 // the first mention's distinct terms
	weight   float64
	sentence int         // the mention that tells the event: its sentence
	span     precis.Span // and its date
	expr     string
	richness float64
}

func (b *builder) sentence(ms []Mention) {
	// The anchor is the most precise resolved date, preferring dates of what happened
	// to the dates of what was said ("met in September, officials said Wednesday").
	best, bestSaid := -1, false
	for i, m := range ms {
		if m.Dateline {
			continue
		}
		said := b.saidAt(m)
		switch {
		case best < 0:
			best, bestSaid = i, said
		case m.Value.IsZero():
		case ms[best].Value.IsZero() || bestSaid && !said || said == bestSaid && m.Value.Gran > ms[best].Value.Gran:
			best, bestSaid = i, said
		}
	}
	if best < 0 {
		return
	}
	m := ms[best]
	if m.Value.Gran == date.Decade || m.Value.IsZero() && !b.cfg.Unresolved {
		return
	}
	if !b.hasWords(&b.c.Sentences[m.Sentence], ms) {
		return
	}
	key := groupKey{value: m.Value}
	if m.Value.IsZero() {
		key.expr = strings.ToLower(m.Expr.Text)
	}
	b.scratch = append(b.scratch[:0], b.c.Terms[m.Sentence]...)
	slices.Sort(b.scratch)
	terms := slices.Compact(b.scratch)
	w := b.weight(terms)
	g := b.groups[key]
	if g == nil {
		g = &group{}
		b.groups[key] = g
	}
	target := b.similar(g, terms, w)
	if target < 0 {
		terms = slices.Clone(terms)
		target = len(b.events)
		b.events = append(b.events, &event{value: m.Value, first: m.Sentence, terms: terms, weight: w})
		g.events = append(g.events, target)
		if g.post != nil {
			for _, t := range terms {
				g.post[t] = append(g.post[t], target)
			}
		}
	}
	ev := b.events[target]
	if !slices.Contains(ev.docs, m.Doc) {
		ev.docs = append(ev.docs, m.Doc)
	}
	// The most informative mention tells the event: the most weight of distinct terms.
	if ev.expr == "" || w > ev.richness {
		ev.sentence, ev.span, ev.expr, ev.richness = m.Sentence, m.Expr.Span, m.Expr.Text, w
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
		text := b.trim(e.sentence, e.span)
		out = append(out, precis.Event{Date: e.value.Calendar(), Expression: e.expr, Text: text, Sources: src})
	}
	return out
}

// hasWords reports whether the sentence says something besides its dates: a lower-case
// content word of three letters or more outside them. Timestamps and bylines
// ("Updated 9:04 PM ET Sun, 3 Sept 2017") do not.
func (b *builder) hasWords(s *precis.Sentence, ms []Mention) bool {
	for _, t := range s.Tokens {
		if !t.IsContent() || t.Kind != precis.Word || len(t.Text) < 3 || t.Text[0] < 'a' || t.Text[0] > 'z' {
			continue
		}
		inside := false
		for _, m := range ms {
			if t.Span.Start >= m.Expr.Span.Start && t.Span.End <= m.Expr.Span.End {
				inside = true
				break
			}
		}
		if !inside {
			return true
		}
	}
	return false
}

// saidAt reports whether the date tells when something was said: "said Wednesday",
// "told reporters on Monday", "in a statement Thursday".
func (b *builder) saidAt(m Mention) bool {
	text := b.c.Docs[m.Doc].Text
	lo := max(b.c.Sentences[m.Sentence].Span.Start, m.Expr.Span.Start-40)
	before := text[lo:m.Expr.Span.Start]
	for n := 0; n < 4 && before != ""; n++ {
		before = strings.TrimRight(before, " \t\n,.;:\"'“”‘’")
		i := strings.LastIndexAny(before, " \t\n")
		w := before[i+1:]
		before = before[:i+1]
		switch strings.ToLower(w) {
		case "said", "says", "told", "announced", "reported", "confirmed", "added", "claimed", "stated", "wrote", "tweeted", "declared", "statement", "interview", "reporters":
			return true
		}
	}
	return false
}

func (b *builder) weight(terms []int32) float64 {
	w := 0.0
	for _, t := range terms {
		w += b.c.IDF[t]
	}
	return w
}
