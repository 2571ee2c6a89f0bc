package rouge

import (
	"slices"
	"sync"
)

// lcsScratch holds the buffers of one ROUGE-L computation, reused through lcsPool.
type lcsScratch struct {
	table      []int32 // the LCS table of one unit pair, (m+1)×(n+1)
	mask       []bool  // hit flags of one reference unit
	refBudget  []int32 // remaining counts of the reference's unigrams
	peerBudget []int32 // remaining counts of the peer's unigrams
}

var lcsPool = sync.Pool{New: func() any { return new(lcsScratch) }}

// unionLCS returns ROUGE-L's hits and base for one reference, as ROUGE-1.5.5's lcs does.
// For each reference unit, the union of its LCS with every peer unit is marked; a marked
// token is a hit only while both the reference's and the peer's unigram count of that token
// (from the ROUGE-N token sequences) are above zero, and each hit takes one from both. The
// peer's counts start afresh for each reference. base is the number of tokens in the
// reference's units.
func (sc *lcsScratch) unionLCS(ref, peer *Summary) (hit, base int) {
	sc.refBudget = budget(sc.refBudget, ref.grams[0])
	sc.peerBudget = budget(sc.peerBudget, peer.grams[0])
	for _, u := range ref.units {
		base += len(u)
		sc.mask = slices.Grow(sc.mask[:0], len(u))[:len(u)]
		clear(sc.mask)
		for _, p := range peer.units {
			sc.mark(u, p)
		}
		for j, tok := range u {
			if !sc.mask[j] {
				continue
			}
			hi, _ := pack(tok)
			ri, pi := find(ref.grams[0], hi), find(peer.grams[0], hi)
			if ri >= 0 && pi >= 0 && sc.refBudget[ri] > 0 && sc.peerBudget[pi] > 0 {
				hit++
				sc.refBudget[ri]--
				sc.peerBudget[pi]--
			}
		}
	}
	return hit, base
}

func budget(dst []int32, unigrams []gram) []int32 {
	dst = dst[:0]
	for _, g := range unigrams {
		dst = append(dst, g.n)
	}
	return dst
}

// find returns the index of the unigram whose key is hi, or -1.
func find(unigrams []gram, hi uint64) int {
	i, ok := slices.BinarySearchFunc(unigrams, hi, func(g gram, hi uint64) int {
		switch {
		case g.hi < hi:
			return -1
		case g.hi > hi:
			return 1
		}
		return 0
	})
	if !ok {
		return -1
	}
	return i
}

// mark flags in sc.mask the reference positions on the LCS of ref unit u and peer unit p,
// as ROUGE-1.5.5's lcs_inner and markLCS find it. Equal tokens take the diagonal; otherwise
// the cell takes the one above (previous reference token) when it is at least the one to
// the left, else the left one. The traceback from the bottom-right corner follows the same
// choices, so ties move up, along the reference.
func (sc *lcsScratch) mark(u, p []int32) {
	m, n := len(u), len(p)
	if m == 0 || n == 0 {
		return
	}
	w := n + 1
	sc.table = slices.Grow(sc.table[:0], (m+1)*w)[:(m+1)*w]
	c := sc.table
	clear(c[:w])
	for i := 1; i <= m; i++ {
		row, prev := c[i*w:(i+1)*w], c[(i-1)*w:i*w]
		row[0] = 0
		ui := u[i-1]
		for j := 1; j <= n; j++ {
			switch {
			case ui == p[j-1]:
				row[j] = prev[j-1] + 1
			case prev[j] >= row[j-1]:
				row[j] = prev[j]
			default:
				row[j] = row[j-1]
			}
		}
	}
	if c[m*w+n] == 0 {
		return
	}
	for i, j := m, n; i > 0 && j > 0; {
		switch {
		case u[i-1] == p[j-1]:
			i--
			j--
			sc.mask[i] = true
		case c[(i-1)*w+j] >= c[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}
