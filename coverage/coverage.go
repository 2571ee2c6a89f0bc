// Package coverage tells what each outlet of a story reports that no other does,
// and which statements most outlets share.
//
// Both rest on containment: another document says what a sentence says when one
// of its passages (a sentence, or two in a row, whatever the splitter made of them)
// holds much of the sentence's term weight, and most of the weight of its
// specific terms, those the documents use about once each (a detail, a number,
// a date): the names a story repeats throughout recur in most of its facts. A sentence no other document says, and
// whose weight lies largely in words no other document uses (a name, a number, a
// new detail), is what its outlet adds; a news sentence that several documents say
// is shared.
package coverage

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// Config sets what counts as unique and shared.
type Config struct {
	// Contained is the share of a sentence's term weight (SentenceIDF) that a
	// passage of another document must hold for that document to say it too:
	// softer than the corpus's paraphrase cosine, so that a fact repeated inside a
	// longer sentence, or reworded around the same names and numbers, counts.
	// It applies to sentences with specific terms (see Spread), whose passage
	// must also hold Specific of their weight; ContainedCommon, to the others.
	Contained, ContainedCommon float64
	// Spread sets the specific terms: those of at least two documents whose
	// sentences number at most Spread times their documents (SF ≤ Spread·DF),
	// a detail each document that has it tells about once, not a name it
	// repeats throughout. (A term of one document only is no evidence: no other
	// document can hold it.)
	Spread float64
	// Specific is the share of the weight of a sentence's specific terms that
	// a passage must hold: the names of the story alone, in another fact, do not
	// say the sentence.
	Specific float64
	// Novel is the share of a unique sentence's term weight that must lie in
	// words no other document uses: a sentence that rewords what others report
	// adds nothing, however it is phrased.
	Novel float64
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
	return Config{Contained: 0.4, ContainedCommon: 0.5, Spread: 1.5, Specific: 0.5, Novel: 0.4, MinTerms: 5, MinWords: 8, MaxWords: 80, MaxUnique: 5, MaxShared: 10}
}

// Result is a story's coverage: per document what only it reports, and what several share.
type Result struct {
	// Unique has one entry per document, in document order; none for a story
	// of one document.
	Unique []precis.Coverage
	// Shared lists statements carried by at least two documents, most sources
	// first; a quotation counts one source less (the brief lists quotes apart).
	Shared []precis.Fact
}

// Find returns the story's coverage with the default configuration.
func Find(c *corpus.Corpus) Result { return DefaultConfig().Find(c) }

// Find returns the story's coverage.
func (cfg Config) Find(c *corpus.Corpus) Result {
	r := Result{Unique: []precis.Coverage{}, Shared: []precis.Fact{}}
	if len(c.Docs) < 2 {
		return r // one document has nothing to be compared with
	}
	r.Unique = make([]precis.Coverage, len(c.Docs))
	for d := range c.Docs {
		r.Unique[d] = precis.Coverage{Doc: c.Docs[d].ID, Unique: []string{}}
	}
	st := newStory(c, cfg)
	for d, idx := range st.unique() {
		for _, i := range idx {
			r.Unique[d].Unique = append(r.Unique[d].Unique, oneLine(c.Sentences[i].Text))
		}
	}
	r.Shared = st.shared()
	return r
}

// story is one run over a corpus.
type story struct {
	c   *corpus.Corpus
	cfg Config
	// terms[i] holds sentence i's distinct terms, sorted; weight[i] their SentenceIDF sum.
	terms  [][]int32
	weight []float64
	// info[i] is sentence i's weight when it is informative news copy, else 0;
	// quoted marks sentences mostly inside quotation marks.
	info   []float64
	quoted []bool
	// post lists, per term, the sentences holding it, in order.
	post [][]int32
	// class[i] is the class of informative sentence i (-1 for others): the
	// sentences with its terms. docs[k] lists the documents with a passage that
	// says the sentences of class k, and at[k] that passage (its first sentence):
	// sentence i is said by those of its class's documents other than its own
	// (see sayings).
	class    []int32
	docs, at [][]int32
	// repeats marks the sentences that say another document's informative sentence.
	repeats []bool
	// specific marks the specific terms (see Config.Spread); sweight[i] is the
	// weight of sentence i's.
	specific []bool
	sweight  []float64
}

func newStory(c *corpus.Corpus, cfg Config) *story {
	n := len(c.Sentences)
	st := &story{c: c, cfg: cfg, terms: make([][]int32, n), weight: make([]float64, n), info: make([]float64, n), quoted: make([]bool, n),
		specific: make([]bool, len(c.Vocab)), sweight: make([]float64, n)}
	for t := range st.specific {
		st.specific[t] = c.DF[t] >= 2 && float64(c.SF[t]) <= cfg.Spread*float64(c.DF[t])
	}
	total := 0
	for i := range c.Terms {
		total += len(c.Terms[i])
	}
	buf := make([]int32, 0, total)
	counts := make([]int32, len(c.Vocab))
	for i, ts := range c.Terms {
		k := len(buf)
		buf = append(buf, ts...)
		d := buf[k:]
		slices.Sort(d)
		d = slices.Compact(d)
		buf = buf[:k+len(d)]
		st.terms[i] = d[:len(d):len(d)]
		for _, t := range d {
			st.weight[i] += c.SentenceIDF[t]
			if st.specific[t] {
				st.sweight[i] += c.SentenceIDF[t]
			}
			counts[t]++
		}
	}
	// Postings in one backing array: post[t] = flat[start[t]:start[t+1]].
	start := make([]int32, len(c.Vocab)+1)
	for t, n := range counts {
		start[t+1] = start[t] + n
	}
	flat := make([]int32, start[len(c.Vocab)])
	fill := slices.Clone(start[:len(c.Vocab)])
	for i, d := range st.terms {
		for _, t := range d {
			flat[fill[t]] = int32(i)
			fill[t]++
		}
	}
	st.post = make([][]int32, len(c.Vocab))
	for t := range st.post {
		st.post[t] = flat[start[t]:start[t+1]:start[t+1]]
	}
	for i := range c.Sentences {
		st.info[i], st.quoted[i] = st.informative(i)
	}
	st.containment()
	return st
}

// informative returns a sentence's term weight when it is informative news copy:
// long enough, with enough content words, written as a sentence (opening with a
// capital, ending with a full stop or a quotation mark, mostly lower-case words),
// with no phone number, address or link (calls to action); else 0. It also tells
// whether most of the sentence's words lie inside quotation marks.
func (st *story) informative(i int) (float64, bool) {
	c, cfg := st.c, st.cfg
	s := &c.Sentences[i]
	if w := c.Words[i]; w < cfg.MinWords || w > cfg.MaxWords || len(st.terms[i]) < cfg.MinTerms {
		return 0, false
	}
	text := strings.TrimSpace(s.Text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if !strings.ContainsRune(".!?\"”’'", last) {
		return 0, false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(text, "\"“‘'("))
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return 0, false // a fragment
	}
	lower, words, inQuote, quoted := 0, 0, false, 0
	for k, t := range s.Tokens {
		switch t.Kind {
		case precis.Punct:
			switch t.Text {
			case "“":
				inQuote = true
			case "”":
				if !inQuote {
					quoted = words // the quotation opened in an earlier sentence
				}
				inQuote = false
			case "\"":
				if !inQuote && closes(s.Tokens[k+1:]) {
					quoted = words // a closing mark: the quotation opened earlier
					continue
				}
				inQuote = !inQuote
			}
			continue
		}
		if phone(t.Text) {
			return 0, false // a call to action: "call 816-474-TIPS"
		}
		if t.Kind == precis.Number {
			continue
		}
		if strings.IndexByte(t.Text, '@') >= 0 || strings.IndexByte(t.Text, '/') >= 0 || strings.HasPrefix(t.Lower, "www.") {
			return 0, false // an address or a link
		}
		words++
		if inQuote {
			quoted++
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
			lower++
		}
	}
	if 2*lower < words {
		return 0, false // a headline, a credit line, a list of names
	}
	return st.weight[i], 2*quoted > words
}

// closes reports whether a quotation mark followed by these tokens ends its
// sentence, so closes a quotation rather than opens one.
func closes(rest []precis.Token) bool {
	for _, t := range rest {
		if t.Kind != precis.Punct {
			return false
		}
	}
	return true
}

// phone reports a phone number: "816-474-8477", "432-333-TIPS", "335-5784".
func phone(s string) bool {
	if len(s) < 8 || s[0] < '0' || s[0] > '9' || s[3] != '-' {
		return false
	}
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts[0]) != 3 || len(parts[1]) < 3 || len(parts[1]) > 4 {
		return false
	}
	for _, p := range parts[:2] {
		if strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return len(parts) > 2 || len(parts[1]) == 4
}

// containment fills says and match: for every informative sentence, the other
// documents with a passage of one or two sentences in a row (of one paragraph)
// that holds Contained of its weight and Specific of its specific weight
// (ContainedCommon of its weight when it has no specific term).
//
// A passage holding Specific of a sentence's specific weight holds one of its
// rarest specific terms: those that weigh, together, more than 1 − Specific of
// it (the prefix filter of all-pairs similarity search); for a sentence with
// no specific term, one of its rarest terms, by ContainedCommon. Only the passages holding a term of
// that prefix are compared with the sentence, exactly: the cost grows with the
// passages sharing a rare term, not with every pair of sentences sharing a word.
func (st *story) containment() {
	c := st.c
	n := len(c.Sentences)
	st.repeats = make([]bool, n)
	number := make([]bool, len(c.Vocab))
	for t, v := range c.Vocab {
		number[t] = isNumber(v)
	}
	hasNumber := make([]bool, n)
	for j := range c.Sentences {
		for _, t := range st.terms[j] {
			if number[t] {
				hasNumber[j] = true
				break
			}
		}
	}
	// Sentences with the same terms (the same sentence in several copies of a
	// wire story) have the same passages in every document: found once per
	// class of them, for its first sentence, in every document but its own when
	// all the class's sentences are of one document.
	st.class = make([]int32, n)
	var reps []int32 // reps[k]: the first sentence of class k
	var only []int32 // only[k]: the one document of class k's sentences, or -1
	byHash := map[uint64][]int32{}
	for i := range c.Sentences {
		st.class[i] = -1
		if st.info[i] == 0 {
			continue
		}
		h := hashTerms(st.terms[i])
		k := int32(-1)
		for _, x := range byHash[h] {
			if slices.Equal(st.terms[reps[x]], st.terms[i]) {
				k = x
				break
			}
		}
		if k < 0 {
			k = int32(len(reps))
			byHash[h] = append(byHash[h], k)
			reps = append(reps, int32(i))
			only = append(only, int32(c.Sentences[i].Doc))
		}
		if only[k] != int32(c.Sentences[i].Doc) {
			only[k] = -1
		}
		st.class[i] = k
	}
	st.docs = make([][]int32, len(reps))
	st.at = make([][]int32, len(reps))
	var f finder
	for k, r := range reps {
		i := int(r)
		st.docs[k], st.at[k] = f.passages(st, i, int(only[k]), hasNumber, number)
		// The sentences of the passages that carry the fact repeat it: every
		// passage of the class is another document's for some sentence of it.
		need := st.need(i)
		for _, j := range st.at[k] {
			for _, p := range [2]int32{j, j + 1} {
				if (p == j || st.sameParagraph(int(j), int(p))) && st.single(i, int(p)) >= need/2 {
					st.repeats[p] = true
				}
			}
		}
	}
}

// need returns the weight a passage must hold to say sentence i.
func (st *story) need(i int) float64 {
	if st.sweight[i] > 0 {
		return st.cfg.Contained * st.weight[i]
	}
	return st.cfg.ContainedCommon * st.weight[i]
}

// says returns how many documents other than its own say sentence i.
func (st *story) says(i int) int {
	k := st.class[i]
	if k < 0 {
		return 0
	}
	n := len(st.docs[k])
	if _, own := slices.BinarySearch(st.docs[k], int32(st.c.Sentences[i].Doc)); own {
		n--
	}
	return n
}

// sayings returns the documents other than its own that say sentence i, in
// order, and the passage (its first sentence) of each.
func (st *story) sayings(i int) (docs, passages []int32) {
	k := st.class[i]
	if k < 0 {
		return nil, nil
	}
	d := int32(st.c.Sentences[i].Doc)
	for x, e := range st.docs[k] {
		if e != d {
			docs = append(docs, e)
			passages = append(passages, st.at[k][x])
		}
	}
	return docs, passages
}

// hashTerms is FNV-1a of a sentence's terms.
func hashTerms(terms []int32) uint64 {
	h := uint64(14695981039346656037)
	for _, t := range terms {
		h = (h ^ uint64(uint32(t))) * 1099511628211
	}
	return h
}

// finder finds the passages that say a sentence; it keeps its scratch memory between sentences.
type finder struct {
	cands   []candidate
	order   []int32
	suffix  []float64
	docs    []int32
	mark    []int32 // mark[p] == stamp: p is a candidate of the sentence
	docMark []int32
	best    []float64
	bestAt  []int32
	bestKey []int64
	stamp   int32
	index   []int16 // see passages
}

// A candidate passage of a sentence, with what the sentence shares with it
// and its rank among passages of equal weight: by the first of the sentence's
// terms (in term order) that it holds, then by position, a passage that holds
// the term only in its second sentence before the passage starting there.
type candidate struct {
	p       int32
	term    int32 // index in terms[i] of the first term the passage holds
	at      int32 // 2p+1 when p holds that term, else 2p+2
	numbers int32 // the sentence's number terms the passage holds
	shared  float64
	special float64 // the part of shared in specific terms
}

// passages returns the documents (in order) with a passage holding Contained
// of sentence i's weight and Specific of its specific weight (or
// ContainedCommon of a sentence without specific terms), but document skip
// (-1: none), and the best passage of each.
func (f *finder) passages(st *story, i, skip int, hasNumber, number []bool) (docs, at []int32) {
	c := st.c
	if f.mark == nil {
		f.mark = make([]int32, len(c.Sentences))
		f.docMark = make([]int32, len(c.Docs))
		f.best = make([]float64, len(c.Docs))
		f.bestAt = make([]int32, len(c.Docs))
		f.bestKey = make([]int64, len(c.Docs))
	}
	f.stamp++
	terms := st.terms[i]
	need := st.need(i)
	// The prefix: the rarest terms, until the others weigh less than need.
	// A sentence with specific terms: those of them, until the others weigh
	// less than Specific of theirs.
	f.order = f.order[:0]
	for _, t := range terms {
		if st.sweight[i] == 0 || st.specific[t] {
			f.order = append(f.order, t)
		}
	}
	slices.SortFunc(f.order, func(a, b int32) int {
		if c.SF[a] != c.SF[b] {
			return c.SF[a] - c.SF[b]
		}
		return cmp.Compare(a, b)
	})
	f.suffix = slices.Grow(f.suffix[:0], len(f.order)+1)[:len(f.order)+1]
	f.suffix[len(f.order)] = 0
	for k := len(f.order) - 1; k >= 0; k-- {
		f.suffix[k] = f.suffix[k+1] + c.SentenceIDF[f.order[k]]
	}
	floor := need
	if st.sweight[i] > 0 {
		floor = st.cfg.Specific * st.sweight[i]
	}
	prefix := 0
	for prefix < len(f.order) && f.suffix[prefix] >= max(floor, 1e-9*st.weight[i])*(1-1e-9) {
		prefix++
	}
	// The candidates: the passages holding a term of the prefix.
	f.cands = f.cands[:0]
	add := func(p int32) {
		if f.mark[p] != f.stamp {
			f.mark[p] = f.stamp
			f.cands = append(f.cands, candidate{p: p})
		}
	}
	for _, t := range f.order[:prefix] {
		for _, j := range st.post[t] {
			if c.Sentences[j].Doc == skip {
				continue
			}
			if j > 0 && st.sameParagraph(int(j)-1, int(j)) {
				add(j - 1)
			}
			add(j)
		}
	}
	// index[t] is 1 + the position of term t in terms, for the comparisons.
	if f.index == nil {
		f.index = make([]int16, len(c.Vocab))
	}
	byIndex := len(terms) <= 128
	if byIndex {
		for k, t := range terms {
			f.index[t] = int16(k + 1)
		}
	}
	for x := range f.cands {
		cd := &f.cands[x]
		if byIndex {
			st.compareIndexed(i, cd, f.index, hasNumber[i], number)
		} else {
			st.compare(i, cd, hasNumber[i], number)
		}
	}
	if byIndex {
		for _, t := range terms {
			f.index[t] = 0
		}
	}
	// The best passage of each document: the most shared weight, the first
	// considered among equals. A passage with numbers, none of them the
	// sentence's, tells another fact, or the same one otherwise: it does not
	// say the sentence.
	f.docs = f.docs[:0]
	for _, cd := range f.cands {
		j := cd.p
		if hasNumber[i] && cd.numbers == 0 && (hasNumber[j] || st.sameParagraph(int(j), int(j)+1) && hasNumber[j+1]) {
			continue
		}
		if cd.special < st.cfg.Specific*st.sweight[i]*(1-1e-9) {
			continue // the story's names, in another fact
		}
		e := c.Sentences[j].Doc
		key := int64(cd.term)<<32 | int64(cd.at)
		if f.docMark[e] != f.stamp {
			f.docMark[e] = f.stamp
			f.docs = append(f.docs, int32(e))
		} else if cd.shared < f.best[e] || cd.shared == f.best[e] && key > f.bestKey[e] {
			continue
		}
		f.best[e], f.bestAt[e], f.bestKey[e] = cd.shared, j, key
	}
	slices.Sort(f.docs)
	for _, e := range f.docs {
		if f.best[e] >= need {
			docs = append(docs, e)
			at = append(at, f.bestAt[e])
		}
	}
	return docs, at
}

// compare reads sentence i against the passage starting at sentence p: the
// weight of i's terms the passage holds (summed in i's term order), the number
// terms among them when i has numbers, the index in terms[i] of the first of
// them and where the passage holds it (see containment).
func (st *story) compare(i int, cd *candidate, hasNumber bool, number []bool) {
	p := int(cd.p)
	shared, numbers, first, at := &cd.shared, &cd.numbers, &cd.term, &cd.at
	a, b := st.terms[p], []int32(nil)
	if st.sameParagraph(p, p+1) {
		b = st.terms[p+1]
	}
	*first = -1
	x, y := 0, 0
	for k, t := range st.terms[i] {
		for x < len(a) && a[x] < t {
			x++
		}
		for y < len(b) && b[y] < t {
			y++
		}
		inA, inB := x < len(a) && a[x] == t, y < len(b) && b[y] == t
		if !inA && !inB {
			continue
		}
		*shared += st.c.SentenceIDF[t]
		if st.specific[t] {
			cd.special += st.c.SentenceIDF[t]
		}
		if hasNumber && number[t] {
			*numbers++
		}
		if *first < 0 {
			*first = int32(k)
			*at = int32(2*p + 2)
			if inA {
				*at = int32(2*p + 1)
			}
		}
	}
}

// compareIndexed is compare for a sentence of at most 128 terms, index[t]
// being 1 + the position of term t in terms[i]: the passage's terms are looked
// up rather than merged with the sentence's, and the shared ones summed in the
// sentence's term order all the same.
func (st *story) compareIndexed(i int, cd *candidate, index []int16, hasNumber bool, number []bool) {
	p := int(cd.p)
	var inA, inB [2]uint64 // bit k: terms[i][k] is in sentence p, in sentence p+1
	for _, t := range st.terms[p] {
		if k := index[t] - 1; k >= 0 {
			inA[k>>6] |= 1 << (k & 63)
		}
	}
	if st.sameParagraph(p, p+1) {
		for _, t := range st.terms[p+1] {
			if k := index[t] - 1; k >= 0 {
				inB[k>>6] |= 1 << (k & 63)
			}
		}
	}
	terms := st.terms[i]
	cd.term = -1
	for w := range inA {
		for m := inA[w] | inB[w]; m != 0; m &= m - 1 {
			k := w<<6 | bits.TrailingZeros64(m)
			t := terms[k]
			cd.shared += st.c.SentenceIDF[t]
			if st.specific[t] {
				cd.special += st.c.SentenceIDF[t]
			}
			if hasNumber && number[t] {
				cd.numbers++
			}
			if cd.term < 0 {
				cd.term = int32(k)
				cd.at = int32(2*p + 2)
				if inA[w]&(1<<(k&63)) != 0 {
					cd.at = int32(2*p + 1)
				}
			}
		}
	}
}

// single returns the weight of sentence i's terms that sentence k holds, summed in i's term order.
func (st *story) single(i, k int) float64 {
	a := st.terms[k]
	w, x := 0.0, 0
	for _, t := range st.terms[i] {
		for x < len(a) && a[x] < t {
			x++
		}
		if x < len(a) && a[x] == t {
			w += st.c.SentenceIDF[t]
		}
	}
	return w
}

func (st *story) sameParagraph(a, b int) bool {
	c := st.c
	return b < len(c.Sentences) && c.Sentences[a].Doc == c.Sentences[b].Doc && c.Sentences[a].Paragraph == c.Sentences[b].Paragraph
}

// isNumber reports a term written with digits: "12,000", "2019", "14-kilometre".
func isNumber(term string) bool {
	for i := 0; i < len(term); i++ {
		if term[i] >= '0' && term[i] <= '9' {
			return true
		}
	}
	return false
}

// novel returns the weight of sentence i's terms that no other document uses.
func (st *story) novel(i int) float64 {
	var w float64
	for _, t := range st.terms[i] {
		if st.c.DF[t] == 1 {
			w += st.c.SentenceIDF[t]
		}
	}
	return w
}

// unique returns per document its informative sentences that no other document
// says and that carry words of their own, most new weight first (quotes after
// news sentences), at most MaxUnique.
func (st *story) unique() [][]int {
	c := st.c
	out := make([][]int, len(c.Docs))
	score := make([]float64, len(c.Sentences))
	for i := range c.Sentences {
		// A sentence that says another document's sentence repeats that fact,
		// whatever it adds around it.
		if st.info[i] == 0 || st.says(i) > 0 || st.repeats[i] {
			continue
		}
		nw := st.novel(i)
		if nw < st.cfg.Novel*st.weight[i] {
			continue
		}
		score[i] = nw
		if st.quoted[i] {
			score[i] /= 2 // a quote is less of a fact than the news around it
		}
		d := c.Sentences[i].Doc
		out[d] = append(out[d], i)
	}
	for d := range out {
		slices.SortStableFunc(out[d], func(a, b int) int { return cmp.Compare(score[b], score[a]) })
		// Two unique sentences of one document that repeat each other count once.
		kept := out[d][:0]
		for _, i := range out[d] {
			if len(kept) == st.cfg.MaxUnique {
				break
			}
			if !slices.ContainsFunc(kept, func(k int) bool { return sameWords(c.Sentences[k].Text, c.Sentences[i].Text) }) {
				kept = append(kept, i)
			}
		}
		out[d] = kept
	}
	return out
}

// shared returns the statements several documents say: one representative per
// fact, most sources first (a quotation counting one less), news before quotes,
// then the most informative.
func (st *story) shared() []precis.Fact {
	c := st.c
	var cand []int
	for i := range c.Sentences {
		if st.info[i] > 0 && st.says(i) > 0 {
			cand = append(cand, i)
		}
	}
	// A quotation several outlets carry ranks with facts one source less widely
	// reported: the brief lists the quotes apart.
	rank := func(i int) int {
		if st.quoted[i] {
			return st.says(i) - 1
		}
		return st.says(i)
	}
	slices.SortStableFunc(cand, func(a, b int) int {
		if n, m := rank(a), rank(b); n != m {
			return m - n
		}
		if st.quoted[a] != st.quoted[b] {
			if st.quoted[b] {
				return -1
			}
			return 1
		}
		return cmp.Compare(st.info[b], st.info[a])
	})
	used := make([]bool, len(c.Sentences))
	out := []precis.Fact{}
	var texts []string
	for _, i := range cand {
		if len(out) == st.cfg.MaxShared {
			break
		}
		if used[i] {
			continue
		}
		used[i] = true
		// The passages that say it are the same fact: not listed again.
		says, match := st.sayings(i)
		for _, j := range match {
			used[j] = true
			if k := int(j) + 1; k < len(c.Sentences) && c.Sentences[k].Doc == c.Sentences[j].Doc && c.Sentences[k].Paragraph == c.Sentences[j].Paragraph {
				used[k] = true
			}
		}
		docs := []int{c.Sentences[i].Doc}
		for _, e := range says {
			docs = append(docs, int(e))
		}
		slices.Sort(docs)
		ids := make([]string, len(docs))
		for k, d := range docs {
			ids[k] = c.Docs[d].ID
		}
		text := oneLine(c.Sentences[i].Text)
		if slices.Contains(texts, text) {
			continue
		}
		texts = append(texts, text)
		out = append(out, precis.Fact{Text: text, Sources: ids})
	}
	return out
}

// sameWords reports whether two texts have the same words, however spaced.
func sameWords(a, b string) bool {
	for {
		a, b = strings.TrimLeft(a, " \t\n\r"), strings.TrimLeft(b, " \t\n\r")
		if a == "" || b == "" {
			return a == b
		}
		i := strings.IndexAny(a, " \t\n\r")
		j := strings.IndexAny(b, " \t\n\r")
		if i < 0 {
			i = len(a)
		}
		if j < 0 {
			j = len(b)
		}
		if a[:i] != b[:j] {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// oneLine folds a sentence's line breaks and runs of spaces into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
