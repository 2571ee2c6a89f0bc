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
// a cosine at or above the threshold must then share an indexed term, so a query
// walks only the short lists of rare terms and verifies the few candidates there
// with an exact dot product. The search is exact, not approximate.
//
// Identical vectors (the same sentence carried by several documents, boilerplate)
// are stored once as a class, so a wire story repeated by a hundred outlets costs
// one verification per query, not a hundred.
//
// An Index is immutable and safe for concurrent use; each goroutine queries it
// through its own Searcher.
type Index struct {
	threshold float64
	vecs      []Vector
	class     []int32 // class[i]: the class of vector i, -1 for a zero vector
	reps      []int32 // reps[c]: the first vector of class c
	memStart  []int32 // members of class c: members[memStart[c]:memStart[c+1]]
	members   []int32
	postStart []int32 // classes indexing term t: postings[postStart[t]:postStart[t+1]]
	postings  []int32
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

	// Prefixes: each class indexes its rarest terms until the rest is shorter than the threshold.
	t2 := threshold * threshold
	prefix := make([][]int32, len(idx.reps))
	termCount := make([]int32, len(freq)+1)
	var byRank []int32 // positions in the vector, rarest term first
	for c, r := range idx.reps {
		v := vecs[r]
		byRank = byRank[:0]
		rest := 0.0
		for k, w := range v.Weights {
			byRank = append(byRank, int32(k))
			rest += float64(w) * float64(w)
		}
		slices.SortFunc(byRank, func(a, b int32) int { return int(rank[v.Terms[a]] - rank[v.Terms[b]]) })
		p := make([]int32, 0, 4)
		for _, k := range byRank {
			if rest < t2*(1-1e-6) {
				break
			}
			t := v.Terms[k]
			p = append(p, t)
			termCount[t+1]++
			w := float64(v.Weights[k])
			rest -= w * w
		}
		prefix[c] = p
	}
	idx.postStart = make([]int32, len(freq)+1)
	for t := range freq {
		idx.postStart[t+1] = idx.postStart[t] + termCount[t+1]
	}
	idx.postings = make([]int32, idx.postStart[len(freq)])
	at := slices.Clone(idx.postStart[:len(freq)])
	for c, p := range prefix {
		for _, t := range p {
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

// Searcher queries an Index. It keeps scratch space between queries, so it is
// not safe for concurrent use: give each goroutine its own.
type Searcher struct {
	idx   *Index
	stamp []uint32
	now   uint32
	cand  []int32
}

// Searcher returns a new Searcher of idx.
func (idx *Index) Searcher() *Searcher {
	return &Searcher{idx: idx, stamp: make([]uint32, len(idx.reps))}
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
	for _, t := range q.Terms {
		if int(t)+1 >= len(idx.postStart) {
			continue
		}
		for _, c := range idx.postings[idx.postStart[t]:idx.postStart[t+1]] {
			if s.stamp[c] != s.now {
				s.stamp[c] = s.now
				s.cand = append(s.cand, c)
			}
		}
	}
	for _, c := range s.cand {
		if cos := Dot(q, idx.vecs[idx.reps[c]]); cos >= min-1e-6 {
			fn(int(c), cos)
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
