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
	// stamp[token] == stampN marks the tokens of the current peer unit; rows lists the
	// reference positions whose token it contains.
	stamp  []uint32
	stampN uint32
	rows   []int32
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
//
// Rows of reference tokens that p does not contain are left out: such a row equals the one
// above it (no cell matches, and ties take the cell above), and the traceback crosses it
// straight up, so leaving it out marks the same positions. Columns cannot be left out,
// because ties are broken towards the reference. markPlain is the unabridged table.
func (sc *lcsScratch) mark(u, p []int32) {
	if len(u) == 0 || len(p) == 0 {
		return
	}
	sc.stampN++
	if sc.stampN == 0 { // wrapped: old stamps could collide
		clear(sc.stamp)
		sc.stampN = 1
	}
	for _, t := range p {
		if int(t) >= len(sc.stamp) {
			sc.stamp = slices.Grow(sc.stamp, int(t)+1-len(sc.stamp))[:int(t)+1]
		}
		sc.stamp[t] = sc.stampN
	}
	rows := sc.rows[:0]
	for i, t := range u {
		if int(t) < len(sc.stamp) && sc.stamp[t] == sc.stampN {
			rows = append(rows, int32(i))
		}
	}
	sc.rows = rows
	if len(rows) == 0 {
		return
	}
	sc.fill(u, p, rows)
}

// markPlain is mark on the whole table, every reference row kept.
func (sc *lcsScratch) markPlain(u, p []int32) {
	if len(u) == 0 || len(p) == 0 {
		return
	}
	rows := sc.rows[:0]
	for i := range u {
		rows = append(rows, int32(i))
	}
	sc.rows = rows
	sc.fill(u, p, rows)
}

// fill computes the LCS table of the reference rows u[rows[0]], u[rows[1]], … against p
// and marks the traceback's diagonal steps.
func (sc *lcsScratch) fill(u, p []int32, rows []int32) {
	m, n := len(rows), len(p)
	w := n + 1
	sc.table = slices.Grow(sc.table[:0], (m+1)*w)[:(m+1)*w]
	c := sc.table
	clear(c[:w])
	for i := 1; i <= m; i++ {
		prev, row := c[(i-1)*w:i*w:i*w], c[i*w:(i+1)*w:(i+1)*w]
		ui, left, diag := u[rows[i-1]], int32(0), int32(0)
		row[0] = 0
		for j, pj := range p {
			up := prev[j+1]
			switch {
			case ui == pj:
				left = diag + 1
			case up >= left:
				left = up
			}
			row[j+1] = left
			diag = up
		}
	}
	if c[m*w+n] == 0 {
		return
	}
	for i, j := m, n; i > 0 && j > 0; {
		switch {
		case u[rows[i-1]] == p[j-1]:
			i--
			j--
			sc.mask[rows[i]] = true
		case c[(i-1)*w+j] >= c[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}
