package similarity

import (
	"math"
	"slices"
)

// Index finds, for a query vector, every indexed unit vector whose cosine with it
// reaches the index's threshold, without comparing the query with every vector.
//
// It is the prefix filter of the all-pairs similarity search (Bayardo, Ma and
// Srikant, "Scaling up all pairs similarity search", WWW 2007): terms are ranked
// rarest first, and each vector indexes only its rarest terms, as many as it takes
// for the rest of the vector to have a length below the threshold. Two vectors with
// a cosine at or above the threshold must then share a term of both their
// prefixes, so a query walks only the lists of its own rarest terms and verifies
// the few candidates there with an exact dot product. The search is exact, not
// approximate; its cost is quadratic only among sentences made of nothing but
// the story's commonest words.
//
// Identical vectors (the same sentence carried by several documents, boilerplate)
// are stored once as a class, so a wire story repeated by a hundred outlets costs
// one verification per query, not a hundred.
//
// An Index is immutable and safe for concurrent use; each goroutine queries it
// through its own Searcher.
type Index struct {
	threshold float64
	rank      []int32 // rank[t]: position of term t when terms are sorted rarest first
	vecs      []Vector
	class     []int32 // class[i]: the class of vector i, -1 for a zero vector
	reps      []int32 // reps[c]: the first vector of class c
	memStart  []int32 // members of class c: members[memStart[c]:memStart[c+1]]
	members   []int32
	postStart []int32 // classes indexing term t: postings[postStart[t]:postStart[t+1]]
	postings  []int32
	preStart  []int32 // the prefix of class c: pre[preStart[c]:preStart[c+1]]
	pre       []int32
}

// NewIndex indexes vecs (unit vectors, see New) for queries at cosine threshold
// (0 < threshold ≤ 1). freq[t] is how common term t is (its document or sentence
// frequency); rarer terms are indexed first. Every term of every vector must be
// below len(freq).
func NewIndex(vecs []Vector, freq []int, threshold float64) *Index {
	threshold = min(max(threshold, 1e-3), 1)
	idx := &Index{threshold: threshold, vecs: vecs, class: make([]int32, len(vecs))}

	// rank[t]: position of term t when terms are sorted rarest first.
	order := make([]int32, len(freq))
	for t := range order {
		order[t] = int32(t)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if freq[a] != freq[b] {
			return freq[a] - freq[b]
		}
		return int(a - b)
	})
	rank := make([]int32, len(freq))
	for r, t := range order {
		rank[t] = int32(r)
	}
	idx.rank = rank

	// Classes of identical vectors.
	byHash := make(map[uint64]int32, len(vecs))
	var next []int32 // next vector of the same hash chain (collisions)
	count := []int32{}
	for i, v := range vecs {
		if v.Len() == 0 {
			idx.class[i] = -1
			continue
		}
		h := hash(v)
		c := int32(-1)
		if first, ok := byHash[h]; ok {
			for k := first; k >= 0; k = next[k] {
				if equal(vecs[idx.reps[k]], v) {
					c = k
					break
				}
			}
			if c < 0 {
				c = int32(len(idx.reps))
				next = append(next, first)
				byHash[h] = c
			}
		} else {
			c = int32(len(idx.reps))
			next = append(next, -1)
			byHash[h] = c
		}
		if int(c) == len(idx.reps) {
			idx.reps = append(idx.reps, int32(i))
			count = append(count, 0)
		}
		idx.class[i] = c
		count[c]++
	}
	idx.memStart = make([]int32, len(idx.reps)+1)
	for c, n := range count {
		idx.memStart[c+1] = idx.memStart[c] + n
	}
	idx.members = make([]int32, idx.memStart[len(idx.reps)])
	fill := slices.Clone(idx.memStart[:len(idx.reps)])
	for i, c := range idx.class {
		if c >= 0 {
			idx.members[fill[c]] = int32(i)
			fill[c]++
		}
	}

	// Prefixes: each class indexes its rarest terms until the rest is shorter
	// than the threshold; they are kept, all in one array, for the queries of a
	// class at the threshold (SimilarClass).
	idx.preStart = make([]int32, len(idx.reps)+1)
	termCount := make([]int32, len(freq)+1)
	var byRank []int32
	for c, r := range idx.reps {
		idx.pre, byRank = idx.prefix(vecs[r], threshold, idx.pre, byRank)
		idx.preStart[c+1] = int32(len(idx.pre))
		for _, t := range idx.pre[idx.preStart[c]:] {
			termCount[t+1]++
		}
	}
	prefix := func(c int) []int32 { return idx.pre[idx.preStart[c]:idx.preStart[c+1]] }
	idx.postStart = make([]int32, len(freq)+1)
	for t := range freq {
		idx.postStart[t+1] = idx.postStart[t] + termCount[t+1]
	}
	idx.postings = make([]int32, idx.postStart[len(freq)])
	at := slices.Clone(idx.postStart[:len(freq)])
	for c := range idx.reps {
		for _, t := range prefix(c) {
			idx.postings[at[t]] = int32(c)
			at[t]++
		}
	}
	return idx
}

// Threshold returns the cosine the index was built for.
func (idx *Index) Threshold() float64 { return idx.threshold }

// Classes returns the number of classes of identical non-zero vectors.
func (idx *Index) Classes() int { return len(idx.reps) }

// Class returns the class of vector i, or -1 when it is the zero vector.
func (idx *Index) Class(i int) int { return int(idx.class[i]) }

// Members returns the vectors of class c, in increasing order. The caller must not modify it.
func (idx *Index) Members(c int) []int32 { return idx.members[idx.memStart[c]:idx.memStart[c+1]] }

// prefix appends to dst the terms of v that must be indexed (or probed) at
// threshold th: its rarest terms, until the rest of v has a length below th.
// byRank is scratch space for v's positions sorted rarest first; both are returned for reuse.
func (idx *Index) prefix(v Vector, th float64, dst, byRank []int32) ([]int32, []int32) {
	byRank = byRank[:0]
	rest := 0.0
	for k, w := range v.Weights {
		if int(v.Terms[k]) < len(idx.rank) {
			byRank = append(byRank, int32(k))
		}
		rest += float64(w) * float64(w)
	}
	slices.SortFunc(byRank, func(a, b int32) int { return int(idx.rank[v.Terms[a]] - idx.rank[v.Terms[b]]) })
	t2 := th * th * (1 - 1e-6)
	for _, k := range byRank {
		if rest < t2 {
			break
		}
		dst = append(dst, v.Terms[k])
		w := float64(v.Weights[k])
		rest -= w * w
	}
	return dst, byRank
}

// Searcher queries an Index. It keeps scratch space between queries, so it is
// not safe for concurrent use: give each goroutine its own.
type Searcher struct {
	idx    *Index
	stamp  []uint32
	now    uint32
	cand   []int32
	prefix []int32
	byRank []int32
	dense  []float32 // the query scattered over term ids, zero elsewhere
}

// Searcher returns a new Searcher of idx.
func (idx *Index) Searcher() *Searcher {
	return &Searcher{idx: idx, stamp: make([]uint32, len(idx.reps)), dense: make([]float32, len(idx.rank))}
}

// Similar calls fn for every class whose vectors have a cosine with q of at least
// min (which must be at or above the index's threshold, else the index's threshold
// is used), with that cosine. Classes come in no particular order.
func (s *Searcher) Similar(q Vector, min float64, fn func(class int, cos float64)) {
	idx := s.idx
	min = math.Max(min, idx.threshold)
	s.now++
	if s.now == 0 { // wrapped: reset stamps
		clear(s.stamp)
		s.now = 1
	}
	s.cand = s.cand[:0]
	// Two vectors at or above the threshold share a term in both their prefixes
	// (the prefixes are initial segments of one global order, and a vector's
	// suffix alone has a length below the threshold), so only the query's prefix
	// is probed: a query also made of rare terms walks only short lists.
	s.prefix, s.byRank = idx.prefix(q, min, s.prefix[:0], s.byRank)
	s.similar(q, s.prefix, min, fn)
}

// SimilarClass is Similar for the vectors of class c (their representative)
// at the index's threshold, using the prefix the index keeps for it.
func (s *Searcher) SimilarClass(c int, fn func(class int, cos float64)) {
	idx := s.idx
	s.now++
	if s.now == 0 { // wrapped: reset stamps
		clear(s.stamp)
		s.now = 1
	}
	s.cand = s.cand[:0]
	s.similar(idx.vecs[idx.reps[c]], idx.pre[idx.preStart[c]:idx.preStart[c+1]], idx.threshold, fn)
}

// similar finds the candidates of q through the postings of its prefix and verifies them.
func (s *Searcher) similar(q Vector, prefix []int32, min float64, fn func(class int, cos float64)) {
	idx := s.idx
	for _, t := range prefix {
		for _, c := range idx.postings[idx.postStart[t]:idx.postStart[t+1]] {
			if s.stamp[c] != s.now {
				s.stamp[c] = s.now
				s.cand = append(s.cand, c)
			}
		}
	}
	if len(s.cand) == 0 {
		return
	}
	for k, t := range q.Terms {
		if int(t) < len(s.dense) {
			s.dense[t] = q.Weights[k]
		}
	}
	for _, c := range s.cand {
		x := idx.vecs[idx.reps[c]]
		var cos float64
		for k, t := range x.Terms {
			cos += float64(s.dense[t] * x.Weights[k])
		}
		if cos >= min-1e-6 {
			fn(int(c), cos)
		}
	}
	for _, t := range q.Terms {
		if int(t) < len(s.dense) {
			s.dense[t] = 0
		}
	}
}

func hash(v Vector) uint64 {
	h := uint64(14695981039346656037)
	for k, t := range v.Terms {
		h ^= uint64(uint32(t))
		h *= 1099511628211
		h ^= uint64(math.Float32bits(v.Weights[k]))
		h *= 1099511628211
	}
	return h
}

func equal(a, b Vector) bool {
	return slices.Equal(a.Terms, b.Terms) && slices.Equal(a.Weights, b.Weights)
}
