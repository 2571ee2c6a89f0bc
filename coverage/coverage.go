// Package coverage tells what each outlet of a story reports that no other does,
// and which statements most outlets share.
package coverage

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// Config sets what counts as unique and shared.
type Config struct {
	// Contained is the share of a sentence's term weight (SentenceIDF) that one
	// sentence of another document must hold for that document to say it too:
	// softer than the corpus's paraphrase cosine, so that a fact repeated inside a
	// longer sentence, or reworded around the same names and numbers, is not unique.
	Contained float64
	// MinTerms is the fewest distinct content terms of an informative sentence;
	// MinWords and MaxWords bound its length in words.
	MinTerms, MinWords, MaxWords int
	// MaxUnique caps the unique sentences listed per document, most informative first.
	MaxUnique int
	// MaxShared caps the shared statements listed.
	MaxShared int
}

// DefaultConfig returns the configuration Find uses.
func DefaultConfig() Config {
	return Config{Contained: 0.5, MinTerms: 5, MinWords: 8, MaxWords: 80, MaxUnique: 5, MaxShared: 10}
}

// Result is a story's coverage: per document what only it reports, and what several share.
type Result struct {
	// Unique has one entry per document, in document order.
	Unique []precis.Coverage
	// Shared lists statements carried by at least two documents, most sources first.
	Shared []precis.Fact
}

// Find returns the story's coverage with the default configuration.
func Find(c *corpus.Corpus) Result { return DefaultConfig().Find(c) }

// Find returns the story's coverage.
func (cfg Config) Find(c *corpus.Corpus) Result {
	r := Result{Unique: make([]precis.Coverage, len(c.Docs)), Shared: []precis.Fact{}}
	info := make([]float64, len(c.Sentences)) // informativeness; 0: not informative
	for i := range c.Sentences {
		info[i] = cfg.informative(c, i)
	}
	for d := range c.Docs {
		r.Unique[d] = precis.Coverage{Doc: c.Docs[d].ID, Unique: []string{}}
	}
	if len(c.Docs) > 1 {
		for d, idx := range cfg.unique(c, info) {
			for _, i := range idx {
				r.Unique[d].Unique = append(r.Unique[d].Unique, oneLine(c.Sentences[i].Text))
			}
		}
	}
	r.Shared = cfg.shared(c, info)
	return r
}

// informative returns a sentence's IDF mass when it is informative news copy:
// long enough, with enough content words, written as a sentence (ending with a
// full stop or a quotation mark, mostly lower-case words); else 0.
func (cfg Config) informative(c *corpus.Corpus, i int) float64 {
	s := &c.Sentences[i]
	if w := c.Words[i]; w < cfg.MinWords || w > cfg.MaxWords {
		return 0
	}
	text := strings.TrimSpace(s.Text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if !strings.ContainsRune(".!?\"”’'", last) {
		return 0
	}
	lower, words := 0, 0
	for _, t := range s.Tokens {
		if t.Kind != precis.Word {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
			lower++
		}
	}
	if 2*lower < words {
		return 0 // a headline, a credit line, a list of names
	}
	terms := distinct(c.Terms[i])
	if len(terms) < cfg.MinTerms {
		return 0
	}
	var w float64
	for _, t := range terms {
		w += c.SentenceIDF[t]
	}
	return w
}

func distinct(terms []int32) []int32 {
	out := slices.Clone(terms)
	slices.Sort(out)
	return slices.Compact(out)
}

// maxPostings skips terms so common that they say nothing about containment.
const maxPostings = 1024

// unique returns per document its informative sentences that no sentence of
// another document contains, most informative first, at most MaxUnique.
func (cfg Config) unique(c *corpus.Corpus, info []float64) [][]int {
	post := make([][]int32, len(c.Vocab))
	for i, terms := range c.Terms {
		for _, t := range distinct(terms) {
			if c.SF[t] <= maxPostings {
				post[t] = append(post[t], int32(i))
			}
		}
	}
	out := make([][]int, len(c.Docs))
	shared := make([]float64, len(c.Sentences)) // dense, reset through touched
	var touched []int32
	for i := range c.Sentences {
		if info[i] == 0 {
			continue
		}
		d := c.Sentences[i].Doc
		for _, j := range touched {
			shared[j] = 0
		}
		touched = touched[:0]
		best := 0.0
		for _, t := range distinct(c.Terms[i]) {
			for _, j := range post[t] {
				if c.Sentences[j].Doc != d {
					if shared[j] == 0 {
						touched = append(touched, j)
					}
					shared[j] += c.SentenceIDF[t]
					best = max(best, shared[j])
				}
			}
		}
		if best < cfg.Contained*info[i] {
			out[d] = append(out[d], i)
		}
	}
	for d := range out {
		slices.SortStableFunc(out[d], func(a, b int) int { return cmp.Compare(info[b], info[a]) })
		// Two unique sentences of one document that repeat each other count once.
		kept := out[d][:0]
		for _, i := range out[d] {
			if !slices.ContainsFunc(kept, func(k int) bool { return oneLine(c.Sentences[k].Text) == oneLine(c.Sentences[i].Text) }) {
				kept = append(kept, i)
			}
		}
		out[d] = kept
		if len(out[d]) > cfg.MaxUnique {
			out[d] = out[d][:cfg.MaxUnique]
		}
	}
	return out
}

// shared returns the statements several documents carry: one representative per
// group of paraphrases (corpus.Paraphrases), most sources first.
func (cfg Config) shared(c *corpus.Corpus, info []float64) []precis.Fact {
	var cand []int
	for i := range c.Sentences {
		if c.Support[i] >= 2 && info[i] > 0 {
			cand = append(cand, i)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int {
		if c.Support[a] != c.Support[b] {
			return c.Support[b] - c.Support[a]
		}
		return cmp.Compare(info[b], info[a])
	})
	used := make(map[int]bool)
	type fact struct {
		first int
		fact  precis.Fact
	}
	var facts []fact
	for _, i := range cand {
		if used[i] {
			continue
		}
		used[i] = true
		docs := []int{c.Sentences[i].Doc}
		for _, m := range c.Paraphrases(i) {
			used[m.Sentence] = true
			docs = append(docs, c.Sentences[m.Sentence].Doc)
		}
		if len(docs) < 2 {
			continue
		}
		slices.Sort(docs)
		docs = slices.Compact(docs)
		ids := make([]string, len(docs))
		for k, d := range docs {
			ids[k] = c.Docs[d].ID
		}
		facts = append(facts, fact{i, precis.Fact{Text: oneLine(c.Sentences[i].Text), Sources: ids}})
	}
	slices.SortStableFunc(facts, func(a, b fact) int {
		if n, m := len(a.fact.Sources), len(b.fact.Sources); n != m {
			return m - n
		}
		return a.first - b.first
	})
	out := []precis.Fact{}
	for _, f := range facts {
		if len(out) == cfg.MaxShared {
			break
		}
		if !slices.ContainsFunc(out, func(o precis.Fact) bool { return o.Text == f.fact.Text }) {
			out = append(out, f.fact)
		}
	}
	return out
}

// oneLine folds a sentence's line breaks and runs of spaces into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
