package rouge

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/precis-news/precis"
)

// ErrForeignSummary is returned when a Summary prepared by one Scorer is scored by another:
// token numbers are private to a Scorer.
var ErrForeignSummary = errors.New("rouge: summary prepared by another scorer")

// A Scorer scores summaries with fixed options. It gives every distinct token a number once
// (stopword lookup and stemming included) and keeps that table, so a Scorer used for a whole
// evaluation stems each word once; the table grows with the vocabulary it has seen.
//
// Prepare each reference once and score it against many peers. A Scorer is safe for
// concurrent use.
type Scorer struct {
	opts Options

	mu    sync.Mutex
	ids   map[string]int32 // token → number of its final form; 0 for a removed stopword
	forms map[string]int32 // final form (stem) → number, from 1
	buf   []byte
}

// New returns a Scorer for the options.
func New(o Options) (*Scorer, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return &Scorer{opts: o, ids: make(map[string]int32), forms: make(map[string]int32)}, nil
}

// Options returns the scorer's options.
func (s *Scorer) Options() Options { return s.opts }

// A Summary is a peer or reference summary prepared by a Scorer: read, cut, tokenized,
// stemmed and counted once. It is read-only and may be scored concurrently.
type Summary struct {
	scorer *Scorer
	seq    []int32      // the ROUGE-N token sequence (after -l/-b, -s, -m)
	units  [][]int32    // the ROUGE-L units
	grams  [MaxN][]gram // grams[n-1]: distinct n-grams of seq with their counts, sorted
	su4    []gram       // distinct SU4 items (unigrams and skip-bigrams) with counts
	nSU4   int          // number of SU4 items
}

// Tokens returns the number of tokens ROUGE counts in the summary: its ROUGE-1 count, after
// the length limit and stopword removal.
func (m *Summary) Tokens() int { return len(m.seq) }

// gram is an n-gram (n ≤ 4) or SU4 item packed into 128 bits, token numbers in order
// (unigrams, bigrams and SU4 items in lo alone), with its count. Token numbers start at 1,
// so an SU4 unigram (a, 0) never equals a pair.
type gram struct {
	hi, lo uint64
	n      int32
}

func cmpGram(a, b gram) int {
	if c := cmp.Compare(a.hi, b.hi); c != 0 {
		return c
	}
	return cmp.Compare(a.lo, b.lo)
}

// Prepare reads a summary given as lines, one unit (sentence) per line, as ROUGE-1.5.5
// reads an SPL file: raw bytes, a string holding '\n' counts as several lines, and lines
// of zero length are skipped.
func (s *Scorer) Prepare(lines []string) *Summary {
	raw := readLines(lines)
	text := cut(raw, s.opts)
	m := &Summary{scorer: s}
	ends := make([]int, 0, len(text))

	s.mu.Lock()
	for _, l := range text {
		m.seq = s.appendIDs(m.seq, l)
		ends = append(ends, len(m.seq))
	}
	if s.opts.LimitBytes > 0 {
		for _, l := range cutLCS(raw, s.opts) {
			if u := s.appendIDs(nil, l); len(u) > 0 {
				m.units = append(m.units, u)
			}
		}
	}
	s.mu.Unlock()

	if s.opts.LimitBytes <= 0 {
		start := 0
		for _, end := range ends {
			if end > start {
				m.units = append(m.units, m.seq[start:end:end])
			}
			start = end
		}
	}
	for n := 1; n <= s.opts.MaxN; n++ {
		m.grams[n-1] = ngrams(m.seq, n)
	}
	if s.opts.SU4 {
		m.su4, m.nSU4 = skipBigrams(m.seq)
	}
	return m
}

// appendIDs appends the token numbers of one line; s.mu is held.
func (s *Scorer) appendIDs(ids []int32, line string) []int32 {
	s.buf = tokens(line, s.buf, func(tok []byte) {
		if id := s.id(tok); id != 0 {
			ids = append(ids, id)
		}
	})
	return ids
}

// id returns the number of a token's final form, or 0 when -s removes it; s.mu is held.
func (s *Scorer) id(tok []byte) int32 {
	if id, ok := s.ids[string(tok)]; ok {
		return id
	}
	word := string(tok)
	if s.opts.RemoveStopwords && IsStopword(word) {
		s.ids[word] = 0
		return 0
	}
	form := word
	if s.opts.Stem {
		form = Stem(word)
	}
	id, ok := s.forms[form]
	if !ok {
		id = int32(len(s.forms) + 1)
		s.forms[form] = id
	}
	s.ids[word] = id
	return id
}

// The keys of unigrams, bigrams and SU4 items fit in 64 bits (two token numbers); those of
// trigrams and 4-grams take 128.

func key2(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// ngrams returns the counted n-grams of seq.
func ngrams(seq []int32, n int) []gram {
	if len(seq) < n {
		return nil
	}
	k := len(seq) - n + 1
	switch n {
	case 1, 2:
		kb := keyPool.Get().(*[]uint64)
		defer keyPool.Put(kb)
		keys := slices.Grow((*kb)[:0], k)[:k]
		*kb = keys
		for i := range keys {
			if n == 1 {
				keys[i] = uint64(uint32(seq[i]))
			} else {
				keys[i] = key2(seq[i], seq[i+1])
			}
		}
		return countKeys(keys)
	}
	gb := gramPool.Get().(*[]gram)
	defer gramPool.Put(gb)
	items := slices.Grow((*gb)[:0], k)[:k]
	*gb = items
	for i := range items {
		if n == 3 {
			items[i] = gram{hi: uint64(uint32(seq[i])), lo: key2(seq[i+1], seq[i+2]), n: 1}
		} else {
			items[i] = gram{hi: key2(seq[i], seq[i+1]), lo: key2(seq[i+2], seq[i+3]), n: 1}
		}
	}
	return countGrams(items)
}

// skipBigrams returns ROUGE-SU4's counted items ("-2 4 -u") and their number: for every
// token but the last, its unigram and its pairs with each of the next 5 tokens. ROUGE never
// adds the last token's unigram, so a one-token summary has no items.
func skipBigrams(seq []int32) ([]gram, int) {
	kb := keyPool.Get().(*[]uint64)
	defer keyPool.Put(kb)
	keys := (*kb)[:0]
	for i := 0; i < len(seq)-1; i++ {
		keys = append(keys, key2(seq[i], 0))
		for j := i + 1; j < len(seq) && j <= i+5; j++ {
			keys = append(keys, key2(seq[i], seq[j]))
		}
	}
	*kb = keys
	return countKeys(keys), len(keys)
}

// gramPool recycles the item buffers of countGrams.
var gramPool = sync.Pool{New: func() any { return new([]gram) }}

// keyPool recycles the key buffers of countKeys.
var keyPool = sync.Pool{New: func() any { return new([]uint64) }}

// countKeys sorts 64-bit keys and counts equal ones.
func countKeys(keys []uint64) []gram {
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys)
	distinct := 1
	for i := 1; i < len(keys); i++ {
		if keys[i] != keys[i-1] {
			distinct++
		}
	}
	out := make([]gram, 0, distinct)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		out = append(out, gram{lo: keys[i], n: int32(j - i)})
		i = j
	}
	return out
}

// countGrams sorts items and merges equal ones, adding their counts.
func countGrams(items []gram) []gram {
	slices.SortFunc(items, cmpGram)
	out := items[:0]
	for _, g := range items {
		if k := len(out) - 1; k >= 0 && out[k].hi == g.hi && out[k].lo == g.lo {
			out[k].n += g.n
			continue
		}
		out = append(out, g)
	}
	return slices.Clone(out)
}

// hits returns ROUGE's clipped overlap of two count lists: Σ min(count in a, count in b).
func hits(a, b []gram) int {
	h, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch c := cmpGram(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			h += int(min(a[i].n, b[j].n))
			i++
			j++
		}
	}
	return h
}

// Score scores a peer against its references, which must all have been prepared by s. It
// fails only on misuse or when one line of each is so long that ROUGE-L's table would
// exceed [MaxLCSCells] (an error wrapping precis.ErrTooLarge).
func (s *Scorer) Score(peer *Summary, refs []*Summary) (Scores, error) {
	if len(refs) == 0 {
		return Scores{}, fmt.Errorf("rouge: no reference summary: %w", precis.ErrInvalid)
	}
	if peer == nil || peer.scorer != s {
		return Scores{}, ErrForeignSummary
	}
	for _, r := range refs {
		if r == nil || r.scorer != s {
			return Scores{}, ErrForeignSummary
		}
	}
	var out Scores
	for n := 1; n <= s.opts.MaxN; n++ {
		t := tally{best: -1}
		for _, r := range refs {
			t.add(s.opts.Formula, hits(r.grams[n-1], peer.grams[n-1]), max(0, len(r.seq)-n+1), max(0, len(peer.seq)-n+1), true)
		}
		*out.at(Metric(n - 1)) = t.score(s.opts.Alpha)
	}
	if s.opts.SU4 {
		t := tally{best: -1}
		for _, r := range refs {
			t.add(s.opts.Formula, hits(r.su4, peer.su4), r.nSU4, peer.nSU4, true)
		}
		out.RougeSU4 = t.score(s.opts.Alpha)
	}
	sc := lcsPool.Get().(*lcsScratch)
	t := tally{best: -1}
	defer lcsPool.Put(sc)
	for _, r := range refs {
		hit, base, err := sc.unionLCS(r, peer)
		if err != nil {
			return Scores{}, err
		}
		t.add(s.opts.Formula, hit, base, len(peer.seq), false)
	}
	out.RougeL = t.score(s.opts.Alpha)
	return out, nil
}

// tally combines the counts of several references by formula A or B.
type tally struct {
	hit, model, peer int
	best             float64
}

// add counts one reference. Formula A adds its counts (and the peer's count once per
// reference). Formula B keeps the reference only if its recall is strictly above the best
// so far (which starts at -1, so the first is always kept): the recall is the rounded one
// for ROUGE-N and SU4 and the unrounded one for ROUGE-L, as ROUGE-1.5.5 compares them.
func (t *tally) add(f Formula, hit, model, peer int, rounded bool) {
	if f == FormulaA {
		t.hit += hit
		t.model += model
		t.peer += peer
		return
	}
	var r float64
	if model != 0 {
		r = float64(hit) / float64(model)
		if rounded {
			r = round5(r)
		}
	}
	if r > t.best {
		t.best = r
		t.hit, t.model, t.peer = hit, model, peer
	}
}

func (t *tally) score(alpha float64) PRF { return newScore(t.hit, t.model, t.peer, alpha) }

// Score scores one peer against its references with options o, each summary given as lines
// (see [Scorer.Prepare]). To score many summaries, use a [Scorer] and prepare each once.
func Score(peer []string, refs [][]string, o Options) (Scores, error) {
	s, err := New(o)
	if err != nil {
		return Scores{}, err
	}
	prepared := make([]*Summary, len(refs))
	for i, r := range refs {
		prepared[i] = s.Prepare(r)
	}
	return s.Score(s.Prepare(peer), prepared)
}
