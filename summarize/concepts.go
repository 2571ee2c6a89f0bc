package summarize

import (
	"cmp"
	"math"
	"slices"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// Concepts chooses the sentences that cover the most concept weight within the
// budget: the concept model of Gillick and Favre ("A scalable global model for
// summarization", ILP for NLP 2009), whose concepts are word bigrams weighted by
// the number of documents that carry them, so what several outlets say weighs more.
//
// A concept is a pair of consecutive word stems, punctuation breaking pairs, that
// are not both stopwords. Concepts carried by fewer than MinDocs documents are
// dropped (MinDocs 0: 3 for stories of 10 documents or more, else 2, as in the
// paper), the threshold lowered while fewer than 10 concepts are left. In a story
// of one document a concept weighs the number of its sentences instead, from 2.
//
// The paper solves an integer linear program. Here a depth-first branch and bound
// solves the same problem over the Candidates sentences with the best concept
// weight per word: it starts from the cost-scaled greedy solution (compared with
// the best single sentence, which guarantees ½(1 − 1/e) of the optimum, Khuller,
// Moss and Naor 1999), and prunes a branch when the chosen weight plus a
// fractional knapsack of the remaining sentences' marginal weights (an upper
// bound, coverage being submodular) cannot beat the best found. When the search
// ends within Nodes nodes the summary is optimal over the candidates; otherwise
// it is the best found, never worse than the greedy one. Sentences that say the
// same thing (cosine ≥ Selection.Redundancy) are never chosen together, and the
// concept weight of a sentence that does not stand alone is discounted by its prior.
//
// DefaultConceptsLead is the model with the lead bias of news and the readability
// of briefs added (see Selection.Lead and Position, StandAlone, Passage and Fill):
// the default summarizer, "concepts-lead".
type Concepts struct {
	// MinDocs is the fewest documents a concept must appear in to count (0: automatic).
	MinDocs int
	// Candidates is the number of sentences (or passages) the exact search considers.
	Candidates int
	// Nodes caps the branch-and-bound search; 0 keeps the greedy solution.
	Nodes int
	// LengthExponent is r in the greedy's gain / words^r.
	LengthExponent float64
	// Fill, when true, spends the words the concepts leave over on the documents'
	// leading sentences, in turns, as Lead does.
	Fill bool
	// StandAlone, when true, makes the search choose only sentences and passages
	// that stand alone (no Flaws left), and Fill take only such sentences: the
	// summary may then be shorter than the budget. Otherwise a sentence's concept
	// weight is discounted by its prior.
	StandAlone bool
	// Passage is the most sentences one candidate of the search may have: a
	// sentence with the ones after it in its paragraph that mend its flaws (an
	// opening connective or anaphor, a quotation of several sentences closed and
	// attributed by its last). 0 or 1: single sentences, whose penalty is lifted
	// once the sentence before them is chosen.
	Passage int
	Select  Selection
}

// DefaultConceptsLead returns the default summarizer, "concepts-lead": the concept
// model with the lead bias of news, chosen on Multi-News (docs/evaluation.md). The
// first six sentences of each document weigh in full and the ones after are
// discounted by (1 + r − 6)^−1.5, r their rank in their document (Selection.Lead
// and Position); the search chooses only sentences and passages of up to three
// sentences that stand alone (StandAlone, Passage); and the words the concepts
// leave over are spent on the documents' leading sentences that stand alone (Fill).
func DefaultConceptsLead() Concepts {
	m := DefaultConcepts()
	m.Fill = true
	m.Select.Position = 1.5
	m.Select.Lead = 6
	m.StandAlone = true
	m.Passage = 3
	return m
}

// DefaultConcepts returns Concepts with a search of up to 2,000 nodes over 60 candidates.
func DefaultConcepts() Concepts {
	return Concepts{Candidates: 60, Nodes: 2000, LengthExponent: 1, Select: DefaultSelection()}
}

// Summarize implements Summarizer. With StandAlone, when no sentence or passage
// that stands alone fits the budget (a story of one short article whose only
// sentence opens with "But", say), it chooses as if StandAlone were off rather
// than return nothing.
func (m Concepts) Summarize(c *corpus.Corpus, b Budget) []int {
	chosen := m.search(c, b)
	if len(chosen) == 0 && m.StandAlone {
		m.StandAlone = false
		chosen = m.search(c, b)
	}
	return chosen
}

// search is Summarize without its fallback.
func (m Concepts) search(c *corpus.Corpus, b Budget) []int {
	p := newPicker(c, m.Select, b)
	concepts, weight := bigramConcepts(c, m.MinDocs)
	// cands: allowed sentences (or passages) with some concept, best weight per word first.
	type cand struct {
		i, end  int // the sentences [i, end)
		words   int
		con     []int32
		penalty float64 // weight lost for not standing alone
		mended  float64 // the penalty once the sentence before it is chosen (picker.weight)
		value   float64
	}
	sum := func(cs []int32) float64 {
		v := 0.0
		for _, k := range cs {
			v += weight[k]
		}
		return v
	}
	var cands []cand
	if m.Passage > 1 {
		for _, ps := range p.passages(m.Passage) {
			if m.StandAlone && ps.residual != 0 {
				continue
			}
			words := 0
			var con []int32
			pen := 0.0
			q := 1.0
			for x := ps.residual; x != 0; x &= x - 1 {
				q *= m.Select.Dependent
			}
			for i := ps.first; i < ps.end; i++ {
				words += c.Words[i]
				v := sum(concepts[i])
				pen += v * (1 - min(p.base[i]*q, 1))
				for _, k := range concepts[i] {
					if !slices.Contains(con, k) {
						con = append(con, k)
					}
				}
			}
			v := sum(con)
			if v == 0 || !b.fits(0, 0, words) || b.Sentences > 0 && ps.end-ps.first > b.Sentences {
				continue
			}
			cands = append(cands, cand{ps.first, ps.end, words, con, pen, pen, v - pen})
		}
	} else {
		for i, cs := range concepts {
			if p.prior[i] == 0 || len(cs) == 0 || !b.fits(0, 0, c.Words[i]) {
				continue
			}
			v := sum(cs)
			if v == 0 {
				continue
			}
			pen := v * (1 - min(p.prior[i], 1))
			if m.StandAlone && p.flaws[i] != 0 {
				continue
			}
			cands = append(cands, cand{i, i + 1, c.Words[i], cs, pen, v * (1 - min(p.mended[i], 1)), v - pen})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if r := cmp.Compare(b.value/float64(b.words), a.value/float64(a.words)); r != 0 {
			return r
		}
		if a.i != b.i {
			return a.i - b.i
		}
		return a.end - b.end
	})
	if m.Candidates > 0 && len(cands) > m.Candidates {
		cands = cands[:m.Candidates]
	}
	n := len(cands) // may be 0: Fill still has the leading sentences
	// Only concepts of some weight change a marginal gain: the others are left
	// out of the search (adding their weight, 0, changed nothing).
	weighty := make([]int32, 0, 8*n)
	for x := range cands {
		start := len(weighty)
		for _, k := range cands[x].con {
			if weight[k] != 0 {
				weighty = append(weighty, k)
			}
		}
		cands[x].con = weighty[start:len(weighty):len(weighty)]
	}
	// Each sentence of a candidate scattered over the terms, so that its dot
	// product with the sentences of the candidates before reads their terms
	// only (the same sum, in the same order, as similarity.Dot).
	conflict := make([][]bool, n)
	for x := range cands {
		conflict[x] = make([]bool, n)
	}
	dense := make(similarity.Dense, len(c.Vocab))
	for x, a := range cands {
		for i := a.i; i < a.end; i++ {
			dense.Add(c.Vectors[i], 1)
			for y, b := range cands[:x] {
				clash := conflict[x][y] || a.i < b.end && b.i < a.end // the same sentence twice
				for j := b.i; j < b.end && !clash; j++ {
					clash = dense.Dot(c.Vectors[j]) >= m.Select.Redundancy
				}
				conflict[x][y], conflict[y][x] = clash, clash
			}
			for _, t := range c.Vectors[i].Terms {
				dense[t] = 0
			}
		}
	}
	// pred[x] and succ[x]: the candidates of the sentences before and after x's in
	// its document, when the later one opens with a connective or an anaphor that
	// the earlier one resolves (its penalty is then mended), else -1.
	pred, succ := make([]int, n), make([]int, n)
	at := make(map[int]int, n)
	for x, cd := range cands {
		at[cd.i] = x
		pred[x], succ[x] = -1, -1
	}
	for x, cd := range cands {
		if y, ok := at[cd.i-1]; ok && p.follows(cd.i) && m.Passage <= 1 {
			pred[x], succ[y] = y, x
		}
	}
	count := make([]int, len(weight)) // how many chosen sentences carry each concept
	in := make([]bool, n)             // in[x]: candidate x is chosen
	// marginal is what adding x (not chosen) adds to the value: the weight of
	// its new concepts, less its penalty, plus the penalty it mends in its successor.
	marginal := func(x int) float64 {
		g := -cands[x].penalty
		if y := pred[x]; y >= 0 && in[y] {
			g = -cands[x].mended
		}
		if y := succ[x]; y >= 0 && in[y] {
			g += cands[y].penalty - cands[y].mended
		}
		for _, k := range cands[x].con {
			if count[k] == 0 {
				g += weight[k]
			}
		}
		return g
	}
	// optimistic bounds marginal(x) whatever is chosen among the candidates from on.
	optimistic := func(x, from int) float64 {
		g := marginal(x)
		if y := pred[x]; y >= from && !in[y] {
			g += cands[x].penalty - cands[x].mended
		}
		if y := succ[x]; y >= from && !in[y] {
			g += cands[y].penalty - cands[y].mended
		}
		return g
	}
	// The search state.
	var chosen []int
	words, sents, value := 0, 0, 0.0
	fits := func(x int) bool {
		if !b.fits(words, sents+cands[x].end-cands[x].i-1, cands[x].words) {
			return false
		}
		for _, y := range chosen {
			if conflict[x][y] {
				return false
			}
		}
		return true
	}
	push := func(x int) {
		chosen = append(chosen, x)
		words += cands[x].words
		sents += cands[x].end - cands[x].i
		value += marginal(x)
		in[x] = true
		for _, k := range cands[x].con {
			count[k]++
		}
	}
	pop := func() {
		x := chosen[len(chosen)-1]
		chosen = chosen[:len(chosen)-1]
		words -= cands[x].words
		sents -= cands[x].end - cands[x].i
		in[x] = false
		for _, k := range cands[x].con {
			count[k]--
		}
		value -= marginal(x)
	}

	// Greedy: best marginal weight per word^r, then the best single sentence.
	for {
		best, bestScore := -1, 0.0
		for x := range cands {
			if slices.Contains(chosen, x) || !fits(x) {
				continue
			}
			if s := marginal(x) / math.Pow(float64(cands[x].words), m.LengthExponent); s > bestScore {
				best, bestScore = x, s
			}
		}
		if best < 0 {
			break
		}
		push(best)
	}
	bestSet, bestValue := slices.Clone(chosen), value
	for len(chosen) > 0 {
		pop()
	}
	for x := range cands {
		if cands[x].value > bestValue {
			bestSet, bestValue = []int{x}, cands[x].value
		}
	}

	// Branch and bound over the candidates in order: take x, or leave it.
	nodes := 0
	type item struct {
		x       int
		g, cost float64
	}
	var items []item
	bound := func(from int) float64 {
		items = items[:0]
		for x := from; x < n; x++ {
			if fits(x) {
				if g := optimistic(x, from); g > 0 {
					items = append(items, item{x, g, float64(cands[x].words)})
				}
			}
		}
		// Two upper bounds, each valid alone: a fractional knapsack over the
		// words left, and the best gains for the sentences left.
		ub := math.Inf(1)
		if b.Words > 0 {
			slices.SortFunc(items, func(a, b item) int { return cmp.Compare(b.g/b.cost, a.g/a.cost) })
			u, left := value, float64(b.Words-words)
			for _, it := range items {
				if left <= 0 {
					break
				}
				u += min(1, left/it.cost) * it.g
				left -= it.cost
			}
			ub = u
		}
		if b.Sentences > 0 {
			slices.SortFunc(items, func(a, b item) int { return cmp.Compare(b.g, a.g) })
			u := value
			for k := 0; k < len(items) && k < b.Sentences-sents; k++ {
				u += items[k].g
			}
			ub = min(ub, u)
		}
		return ub
	}
	var search func(from int)
	search = func(from int) {
		nodes++
		if value > bestValue+1e-9 {
			bestSet, bestValue = slices.Clone(chosen), value
		}
		if from >= n || nodes > m.Nodes || bound(from) <= bestValue+1e-9 {
			return
		}
		if fits(from) && marginal(from) > 0 {
			push(from)
			search(from + 1)
			pop()
		}
		search(from + 1)
	}
	if m.Nodes > 0 {
		search(0)
	}
	for _, x := range bestSet {
		for i := cands[x].i; i < cands[x].end; i++ {
			if !p.in[i] {
				p.add(i)
			}
		}
	}
	switch {
	case m.Fill && m.StandAlone:
		p.fillStandAlone()
	case m.Fill:
		p.fillLead()
	}
	return order(c, p.chosen, p.allowed)
}

// bigramConcepts returns each sentence's distinct concepts (ids) and the weight of
// each concept: the number of documents that carry it (the number of sentences,
// in a story of one document), 0 for concepts below the document threshold.
func bigramConcepts(c *corpus.Corpus, minDocs int) ([][]int32, []float64) {
	// A concept is keyed by the numbers of its two stems, which is cheaper
	// than hashing the two strings.
	// Sized once: there are fewer concepts than words.
	words := 0
	for _, s := range c.Sentences {
		words += len(s.Tokens)
	}
	stems := make(map[string]uint32, len(c.Vocab)+256)
	ids := make(map[uint64]int32, words/2)
	df, sf := make([]int, 0, words/2), make([]int, 0, words/2)
	last := make([]int32, 0, words/2)         // last[k]: 1 + the last document counted for concept k
	lastSentence := make([]int32, 0, words/2) // lastSentence[k]: 1 + the last sentence counted for concept k
	concepts := make([][]int32, len(c.Sentences))
	all := make([]int32, 0, words) // the sentences' concepts, one after the other
	for i, s := range c.Sentences {
		var prev uint32
		prevStop, have := false, false
		start := len(all)
		for _, t := range s.Tokens {
			if t.Kind == precis.Punct {
				have = false
				continue
			}
			stem, ok := stems[t.Stem]
			if !ok {
				stem = uint32(len(stems))
				stems[t.Stem] = stem
			}
			if have && !(prevStop && t.Stop) {
				key := uint64(prev)<<32 | uint64(stem)
				k, ok := ids[key]
				if !ok {
					k = int32(len(df))
					ids[key] = k
					df = append(df, 0)
					sf = append(sf, 0)
					last = append(last, 0)
					lastSentence = append(lastSentence, 0)
				}
				if lastSentence[k] != int32(i)+1 { // not yet in the sentence's concepts
					lastSentence[k] = int32(i) + 1
					all = append(all, k)
					sf[k]++
					if last[k] != int32(s.Doc)+1 {
						last[k] = int32(s.Doc) + 1
						df[k]++
					}
				}
			}
			prev, prevStop, have = stem, t.Stop, true
		}
		if len(all) > start {
			concepts[i] = all[start:len(all):len(all)]
		}
	}
	// A concept counts by its documents, or by its sentences in a story of one
	// document; the threshold is lowered while fewer than 10 concepts pass it.
	count := df
	if len(c.Docs) == 1 {
		count, minDocs = sf, 2
	} else if minDocs <= 0 {
		minDocs = 2
		if len(c.Docs) >= 10 {
			minDocs = 3
		}
	}
	weight := make([]float64, len(df))
	for ; minDocs >= 1; minDocs-- {
		kept := 0
		for k := range weight {
			if count[k] >= minDocs {
				weight[k] = float64(count[k])
				kept++
			} else {
				weight[k] = 0
			}
		}
		if kept >= 10 {
			break
		}
	}
	return concepts, weight
}
