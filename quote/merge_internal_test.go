package quote

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// components returns the connected parts of the similar graph of bags, as
// the smallest member of each bag's part, comparing the pairs forPairs gives
// (all of them when all is set).
func components(bags []bag, all bool) []int {
	parent := make([]int, len(bags))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		if ri, rj := root(i), root(j); ri != rj && similar(bags[i], bags[j]) {
			parent[max(ri, rj)] = min(ri, rj)
		}
	}
	if all {
		for i := range bags {
			for j := i + 1; j < len(bags); j++ {
				union(i, j)
			}
		}
	} else {
		forPairs(bags, maxVisits, union)
	}
	out := make([]int, len(bags))
	for i := range out {
		out[i] = root(i)
	}
	return out
}

// TestForPairs: comparing only the pairs forPairs gives groups quotations as
// comparing every pair does, on random quotations made of a small vocabulary
// (so that many share words), with copies, parts and rewordings of each other.
func TestForPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	merged := 0
	for round := range 200 {
		var quotes [][]uint64
		for range 2 + r.IntN(40) {
			var q []uint64
			switch k := r.IntN(4); {
			case k == 0 && len(quotes) > 0: // a part or a rewording of another
				q = slices.Clone(quotes[r.IntN(len(quotes))])
				if len(q) > 2 && r.IntN(2) == 0 {
					q = q[r.IntN(len(q)/2):]
				}
				for range r.IntN(3) {
					if len(q) > 0 {
						q[r.IntN(len(q))] = uint64(r.IntN(30))
					}
				}
			default:
				for range r.IntN(12) {
					q = append(q, uint64(r.IntN(30)))
				}
			}
			quotes = append(quotes, q)
		}
		bags := make([]bag, len(quotes))
		for i, q := range quotes {
			bags[i] = newBag(slices.Clone(q), "")
		}
		got, want := components(bags, false), components(bags, true)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: groups %v, every pair compared: %v", round, got, want)
		}
		for i, r := range want {
			if r != i {
				merged++
			}
		}
	}
	if merged < 500 {
		t.Errorf("only %d quotations merged: the test compares little", merged)
	}
}

// TestForPairsBudget: forPairs stops once it has visited its budget of
// candidates, and says so; with budget enough it says it finished.
func TestForPairsBudget(t *testing.T) {
	bags := make([]bag, 300)
	for i := range bags {
		bags[i] = newBag([]uint64{1, 2, 3, 4}, "a b c d") // one quotation, 300 times
	}
	pairs := 0
	if forPairs(bags, 1000, func(i, j int) { pairs++ }) {
		t.Error("forPairs finished 300 copies within 1,000 visits")
	}
	if pairs > 1000 {
		t.Errorf("%d pairs over a budget of 1,000", pairs)
	}
	pairs = 0
	if !forPairs(bags, maxVisits, func(i, j int) { pairs++ }) || pairs != 300*299/2 {
		t.Errorf("%d pairs of 300 copies, want %d", pairs, 300*299/2)
	}
}
