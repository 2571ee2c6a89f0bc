package quote

import (
	"cmp"
	"slices"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

// similar reports whether two quotations are one: nearly all the words of the shorter
// one, and most of its word pairs, appear in the longer, so that small differences of
// wording and a quotation of only a part still meet.
func similar(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 3 {
		return slices.Equal(a, b)
	}
	counts := map[string]int{}
	for _, w := range b {
		counts[w]++
	}
	common := 0
	for _, w := range a {
		if counts[w] > 0 {
			counts[w]--
			common++
		}
	}
	if common*4 < len(a)*3 {
		return false
	}
	pairs := map[[2]string]int{}
	for i := 1; i < len(b); i++ {
		pairs[[2]string{b[i-1], b[i]}]++
	}
	shared := 0
	for i := 1; i < len(a); i++ {
		p := [2]string{a[i-1], a[i]}
		if pairs[p] > 0 {
			pairs[p]--
			shared++
		}
	}
	return shared*2 >= len(a)-1
}

// merge groups the quotations that several documents (or one document twice) carry.
func merge(c *corpus.Corpus, all []found) []precis.Quote {
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if root(i) != root(j) && similar(all[i].words, all[j].words) {
				parent[root(j)] = root(i)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range all {
		r := root(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []precis.Quote
	for _, r := range order {
		members := groups[r]
		q := precis.Quote{}
		longest := members[0]
		votes := map[string]int{}
		seen := map[int]bool{}
		for _, i := range members {
			f := all[i]
			if len(f.words) > len(all[longest].words) {
				longest = i
			}
			if f.speaker != Unknown {
				votes[f.speaker] += 2
				if len(f.speaker) > 0 && f.speaker[0] >= 'A' && f.speaker[0] <= 'Z' {
					votes[f.speaker]++ // a name beats a description
				}
			}
			if !seen[f.doc] {
				seen[f.doc] = true
				q.Sources = append(q.Sources, c.Docs[f.doc].ID)
			}
			q.Mentions = append(q.Mentions, precis.Mention{Doc: c.Docs[f.doc].ID, Span: f.span})
		}
		q.Text = all[longest].text
		q.Speaker = Unknown
		best := 0
		for _, i := range members {
			if sp := all[i].speaker; votes[sp] > best {
				q.Speaker, best = sp, votes[sp]
			}
		}
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b precis.Quote) int { return cmp.Compare(len(b.Sources), len(a.Sources)) })
	return out
}
