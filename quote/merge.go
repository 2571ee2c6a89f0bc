package quote

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/token"
)

// bag holds the words and word pairs of a quotation as sorted hashes, for comparing
// quotations without building strings.
type bag struct {
	words []uint64
	pairs []uint64
	// mask has bit h%64 set for each word hash h: a cheap test that rules out most pairs.
	mask uint64
	// content counts the words that are not stop words, for short quotations only.
	content int
}

// newBag makes the bag of a quotation's word hashes hs; text is its text.
func newBag(hs []uint64, text string) bag {
	b := bag{words: hs, pairs: make([]uint64, 0, len(hs))}
	if len(hs) < shortQuote {
		b.content = contentWords(text)
	}
	for i, h := range hs {
		b.mask |= 1 << (h % 64)
		if i > 0 {
			b.pairs = append(b.pairs, hs[i-1]*31^h)
		}
	}
	slices.Sort(b.words)
	slices.Sort(b.pairs)
	return b
}

// similar reports whether two quotations are one: nearly all the words of the shorter
// one, and three fifths of its word pairs, appear in the longer, so that small
// differences of wording and a quotation of only a part still meet.
func similar(a, b bag) bool {
	if len(a.words) > len(b.words) {
		a, b = b, a
	}
	n := len(a.words)
	// Each bit of a's mask missing from b's stands for at least one word of a that b lacks.
	if bits.OnesCount64(a.mask&^b.mask)*4 > n {
		return false
	}
	if n < 3 {
		return n == len(b.words) && slices.Equal(a.words, b.words) && slices.Equal(a.pairs, b.pairs)
	}
	// A short quotation of common words ("All of them", "THE POLLS. ALL OF THEM.")
	// inside a longer one is an echo, not a part of it: it is the same only at
	// nearly the same length. "all options on the table" is a part.
	if n < shortQuote && a.content < 2 && 3*len(b.words) > 4*n {
		return false
	}
	if overlap(a.words, b.words)*4 < n*3 {
		return false
	}
	return overlap(a.pairs, b.pairs)*5 >= (n-1)*3
}

// shortQuote is the length in words under which a quotation is too common to be
// recognised inside a longer one.
const shortQuote = 6

// together reports whether two quotations stand in one paragraph of one document:
// then they are two parts of what was said ("We lost a future leader," he said. "We
// lost a future athlete."), not one quotation repeated. No line break stands
// between them when the first one's count at its end is the second's at its start.
func together(a, b found) bool {
	if a.doc != b.doc {
		return false
	}
	if a.span.Start > b.span.Start {
		a, b = b, a
	}
	return a.span.End <= b.span.Start && a.lines[1] == b.lines[0]
}

// contentWords counts the words of text that are not stop words.
func contentWords(text string) int {
	n := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		if !token.IsStop(strings.ToLower(strings.Trim(w, "'’"))) {
			n++
		}
	}
	return n
}

// overlap counts the items two sorted lists share, repeats included.
func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
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
	bags := make([]bag, len(all))
	for i := range all {
		bags[i] = newBag(all[i].words, all[i].text)
	}
	// The groups are the connected parts of the graph of similar quotations,
	// whatever order the pairs are compared in; a pair is compared only when
	// the longer quotation holds one of the shorter one's rarest words, as it
	// must to hold three quarters of them (see candidates).
	if len(all) <= allPairsBelow {
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				if root(i) != root(j) && similar(bags[i], bags[j]) && !together(all[i], all[j]) {
					parent[root(j)] = root(i)
				}
			}
		}
	} else {
		forPairs(bags, maxVisits, func(i, j int) {
			if ri, rj := root(i), root(j); ri != rj && similar(bags[i], bags[j]) && !together(all[i], all[j]) {
				parent[max(ri, rj)] = min(ri, rj)
			}
		})
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
				// An attribution of its own outweighs one taken from the text before.
				votes[f.speaker] += 2 * f.evidence
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

// allPairsBelow is the number of quotations up to which comparing every pair
// costs less than indexing their words.
const allPairsBelow = 150

// maxVisits bounds the work of forPairs in merge: a story of 1,000 articles
// (BenchmarkStagesLarge) takes under a million visits; only a degenerate text,
// such as thousands of copies of one quotation in one paragraph (each pair
// compared and kept apart, as parts of one statement), comes near it. Beyond
// it, quotations are left unmerged rather than the brief left unfinished.
const maxVisits = 1 << 24

// forPairs calls f(i, j) for every pair of bags that may be similar: those
// where the longer one (either when of equal length) holds one of the shorter
// one's rarest words, enough of them that a bag lacking them all lacks more
// than a quarter of the shorter one's words. Bags without words are all paired
// with the first of them. It stops after visiting budget candidates, and then
// reports false.
func forPairs(bags []bag, budget int, f func(i, j int)) bool {
	// post[w]: the bags holding word w, each once, in order.
	post := make(map[uint64][]int32)
	for i, b := range bags {
		for k, w := range b.words {
			if k == 0 || w != b.words[k-1] {
				post[w] = append(post[w], int32(i))
			}
		}
	}
	empty := -1
	var rare []uint64 // the distinct words of a bag, rarest first
	stamp := make([]int32, len(bags))
	for i, a := range bags {
		n := len(a.words)
		if n == 0 {
			if empty < 0 {
				empty = i
			} else {
				f(empty, i)
			}
			continue
		}
		// A similar bag holds at least need of a's words (all of them when
		// n < 3), so it holds one of any words of a with more than n − need occurrences.
		need := (3*n + 3) / 4
		if n < 3 {
			need = n
		}
		rare = rare[:0]
		for k, w := range a.words {
			if k == 0 || w != a.words[k-1] {
				rare = append(rare, w)
			}
		}
		slices.SortFunc(rare, func(x, y uint64) int {
			if d := len(post[x]) - len(post[y]); d != 0 {
				return d
			}
			return cmp.Compare(x, y)
		})
		covered := 0
		for _, w := range rare {
			if covered > n-need {
				break
			}
			for k, x := range a.words { // occurrences of w in a: a run of the sorted words
				if x == w {
					for k < len(a.words) && a.words[k] == w {
						covered++
						k++
					}
					break
				}
			}
			if budget -= len(post[w]); budget < 0 {
				return false
			}
			for _, j := range post[w] {
				if int(j) == i || stamp[j] == int32(i)+1 {
					continue
				}
				stamp[j] = int32(i) + 1
				if m := len(bags[j].words); m > n || m == n && int(j) > i {
					f(i, int(j))
				}
			}
		}
	}
	return true
}
