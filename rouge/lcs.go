package rouge

import (
	"fmt"
	"slices"
	"sync"

	"github.com/precis-news/precis"
)

// MaxLCSCells bounds the LCS table of one reference unit and one peer unit (tokens of one ×
// tokens of the other), 64 Mi cells or 256 MiB. Units are sentences, so only input without
// line breaks comes near it (two lines of 8,192 tokens), where ROUGE-1.5.5 itself would need
// gigabytes.
const MaxLCSCells = 1 << 26

// lcsScratch holds the buffers of one ROUGE-L computation, reused through lcsPool.
type lcsScratch struct {
	table []int32 // the LCS table of one unit pair, (m+1)×(n+1)
	mask  []bool  // hit flags of one reference unit
	// refBudget and peerBudget are the remaining unigram counts of the reference and the
	// peer, indexed by token number; only the summaries' own tokens are set, and they are
	// cleared after use.
	refBudget, peerBudget []int32
}

var lcsPool = sync.Pool{New: func() any { return new(lcsScratch) }}

// unionLCS returns ROUGE-L's hits and base for one reference, as ROUGE-1.5.5's lcs does.
// For each reference unit, the union of its LCS with every peer unit is marked; a marked
// token is a hit only while both the reference's and the peer's unigram count of that token
// (from the ROUGE-N token sequences) are above zero, and each hit takes one from both. The
// peer's counts start afresh for each reference. base is the number of tokens in the
// reference's units.
func (sc *lcsScratch) unionLCS(ref, peer *Summary) (hit, base int, err error) {
	sc.refBudget = setBudget(sc.refBudget, ref.grams[0])
	sc.peerBudget = setBudget(sc.peerBudget, peer.grams[0])
	for _, u := range ref.units {
		base += len(u)
		sc.mask = slices.Grow(sc.mask[:0], len(u))[:len(u)]
		clear(sc.mask)
		for _, p := range peer.units {
			if cells := (len(u) + 1) * (len(p) + 1); cells > MaxLCSCells {
				clearBudget(sc.refBudget, ref.grams[0])
				clearBudget(sc.peerBudget, peer.grams[0])
				return 0, 0, fmt.Errorf("rouge: ROUGE-L of a %d-token line against a %d-token line needs %d cells, above %d: %w",
					len(u), len(p), cells, MaxLCSCells, precis.ErrTooLarge)
			}
			sc.mark(u, p)
		}
		for j, tok := range u {
			// A token of an untruncated unit (-b) may be missing from the budgets.
			if sc.mask[j] && int(tok) < len(sc.refBudget) && int(tok) < len(sc.peerBudget) &&
				sc.refBudget[tok] > 0 && sc.peerBudget[tok] > 0 {
				hit++
				sc.refBudget[tok]--
				sc.peerBudget[tok]--
			}
		}
	}
	clearBudget(sc.refBudget, ref.grams[0])
	clearBudget(sc.peerBudget, peer.grams[0])
	return hit, base, nil
}

// setBudget sets b[token] to each unigram's count, growing b as needed.
func setBudget(b []int32, unigrams []gram) []int32 {
	for _, g := range unigrams {
		if int(g.lo) >= len(b) {
			b = slices.Grow(b, int(g.lo)+1-len(b))[:int(g.lo)+1]
		}
		b[g.lo] = g.n
	}
	return b
}

func clearBudget(b []int32, unigrams []gram) {
	for _, g := range unigrams {
		b[g.lo] = 0
	}
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
