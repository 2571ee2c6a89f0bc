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

// gram is an n-gram (n ≤ 4) or SU4 item packed into 128 bits, token numbers in order and
// zero-padded, with its count. Token numbers start at 1, so a unigram never equals a pair.
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
		m.grams[n-1] = countGrams(ngrams(m.seq, n))
	}
	if s.opts.SU4 {
		items := skipBigrams(m.seq)
		m.nSU4 = len(items)
		m.su4 = countGrams(items)
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

func pack(ids ...int32) (hi, lo uint64) {
	var w [4]uint64
	for i, id := range ids {
		w[i] = uint64(uint32(id))
	}
	return w[0]<<32 | w[1], w[2]<<32 | w[3]
}

// ngrams returns every n-gram of seq, in order, each with count 1.
func ngrams(seq []int32, n int) []gram {
	if len(seq) < n {
		return nil
	}
	out := make([]gram, 0, len(seq)-n+1)
	for i := 0; i+n <= len(seq); i++ {
		hi, lo := pack(seq[i : i+n]...)
		out = append(out, gram{hi, lo, 1})
	}
	return out
}

// skipBigrams returns ROUGE-SU4's items ("-2 4 -u"): for every token but the last, its
// unigram and its pairs with each of the next 5 tokens. ROUGE never adds the last token's
// unigram, so a one-token summary has no items.
func skipBigrams(seq []int32) []gram {
	var out []gram
	for i := 0; i < len(seq)-1; i++ {
		hi, lo := pack(seq[i])
		out = append(out, gram{hi, lo, 1})
		for j := i + 1; j < len(seq) && j <= i+5; j++ {
			hi, lo := pack(seq[i], seq[j])
			out = append(out, gram{hi, lo, 1})
		}
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
	return slices.Clip(out)
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

// Score scores a peer against its references, which must all have been prepared by s.
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
	for _, r := range refs {
		hit, base := sc.unionLCS(r, peer)
		t.add(s.opts.Formula, hit, base, len(peer.seq), false)
	}
	lcsPool.Put(sc)
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
