// Package disagree finds where a story's outlets report the same fact differently:
// counts, amounts, ages, times of day and dates that cannot all be true.
//
// It compares values, not sentences. Each number and date of the story is a slot
// with its context: the content words around it. Two slots of different documents
// are about the same fact when they measure the same thing (a count of the same
// noun, an amount of the same currency, a date) and their contexts overlap enough;
// they disagree when their values cannot both hold, allowing for rounding ("$973,000"
// and "$972,814"), hedges ("over 25" and "26") and granularity ("2016" and
// "2016-09"). It is tuned for precision: a false alarm costs more than a miss.
package disagree

import (
	"cmp"
	"slices"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/date"
	"github.com/precis-news/precis/similarity"
)

// Config sets how strict the detector is.
type Config struct {
	// Context is the evidence at or above which two slots are taken to be about
	// the same fact: the mean of their contexts' IDF-weighted Dice overlap (the
	// better of the plain and the nearness-weighted one) and their sentences' cosine.
	Context float64
	// Near is the lower evidence that suffices when two values nearly match
	// (within NearMiss of each other, "25" and "26"): near misses of precise values
	// are rarely two different facts.
	Near     float64
	NearMiss float64
	// Window is how many content words on each side of a value make its context.
	Window int
	// MinShared is the fewest context words two slots must share.
	MinShared int
	// MaxClaims caps the versions listed per disagreement.
	MaxClaims int
}

// DefaultConfig returns the configuration Find uses.
func DefaultConfig() Config {
	return Config{Context: 0.33, Near: 0.18, NearMiss: 0.05, Window: 6, MinShared: 2, MaxClaims: 4}
}

// Find returns the story's disagreements with the default configuration.
func Find(c *corpus.Corpus) []precis.Disagreement { return DefaultConfig().Find(c) }

// Find returns the story's disagreements, those with the most sources first.
func (cfg Config) Find(c *corpus.Corpus) []precis.Disagreement {
	out := []precis.Disagreement{}
	for _, con := range cfg.Conflicts(c) {
		d := precis.Disagreement{Topic: con.Topic}
		for _, cl := range con.Claims {
			ids := make([]string, len(cl.Docs))
			for k, doc := range cl.Docs {
				ids[k] = c.Docs[doc].ID
			}
			d.Claims = append(d.Claims, precis.Claim{Text: oneLine(c.Sentences[cl.Sentence].Text), Value: cl.Value, Sources: ids})
		}
		out = append(out, d)
	}
	return out
}

// Conflict is one disputed fact with its versions, located in the documents.
type Conflict struct {
	Topic  string
	Claims []Claim
}

// Claim is one version of a disputed fact.
type Claim struct {
	// Value is the version as the first document writes it ("26 meetings").
	Value string
	// Sentence is the index in the corpus of the first sentence giving it.
	Sentence int
	// Docs lists the documents giving it, in order; Spans locate the value in each.
	Docs  []int
	Spans []precis.Span
}

// slot is one value of the story and its context.
type slot struct {
	sent, doc int
	span      precis.Span // in the document
	quantity  Quantity    // for quantities
	date      date.Expr   // for dates (quantity.Kind == 0)
	key       string      // slots are compared only within a key
	ctx       []int32     // distinct context terms, sorted
	ctxW      []float64   // their weights
	weight    float64     // the weights' sum
	plain     float64     // the sum of the terms' SentenceIDF
	anchor    int32       // for ages, the term of the person's name or noun; -1 if none
}

func (s *slot) isDate() bool { return s.quantity.Kind == 0 }

// Conflicts returns the disputed facts of the story, those with the most sources first.
func (cfg Config) Conflicts(c *corpus.Corpus) []Conflict {
	if cfg.Window <= 0 {
		cfg.Window = DefaultConfig().Window
	}
	if cfg.MaxClaims < 2 {
		cfg.MaxClaims = DefaultConfig().MaxClaims
	}
	slots := cfg.slots(c)
	if len(slots) < 2 || len(c.Docs) < 2 {
		return nil
	}
	// Group slots by key, then find same-fact pairs through an inverted index of
	// context terms within each group: no all-pairs comparison.
	order := make([]int, len(slots))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(slots[a].key, slots[b].key) })
	parent := make([]int, len(slots))
	for i := range parent {
		parent[i] = i
	}
	conflicting := map[[2]int]bool{}
	shared := map[int]float64{}
	plain := map[int]float64{}
	nshared := map[int]int{}
	for g := 0; g < len(order); {
		h := g + 1
		for h < len(order) && slots[order[h]].key == slots[order[g]].key {
			h++
		}
		group := order[g:h]
		g = h
		if len(group) < 2 {
			continue
		}
		post := map[int32][]posting{}
		for _, s := range group {
			for k, t := range slots[s].ctx {
				post[t] = append(post[t], posting{s, slots[s].ctxW[k]})
			}
		}
		for _, a := range group {
			clear(shared)
			clear(plain)
			clear(nshared)
			for k, t := range slots[a].ctx {
				ps := post[t]
				if len(ps) > maxPostings {
					continue
				}
				for _, p := range ps {
					if b := p.slot; b > a && slots[b].doc != slots[a].doc {
						shared[b] += min(slots[a].ctxW[k], p.w)
						plain[b] += c.SentenceIDF[t]
						nshared[b]++
					}
				}
			}
			for b, w := range shared {
				sa, sb := &slots[a], &slots[b]
				if nshared[b] < cfg.MinShared || sa.anchor != sb.anchor {
					continue
				}
				ctx := max(2*w/(sa.weight+sb.weight), 2*plain[b]/(sa.plain+sb.plain))
				evidence := (ctx + similarity.Dot(c.Vectors[sa.sent], c.Vectors[sb.sent])) / 2
				if evidence < cfg.Context && (evidence < cfg.Near || !nearMiss(sa, sb, cfg.NearMiss)) {
					continue
				}
				switch {
				case agree(sa, sb):
					union(parent, a, b)
				case !comparable(sa, sb):
				case mentions(slots, sb.sent, sa) || mentions(slots, sa.sent, sb):
					// Each sentence gives the other's value too: two facts, not two versions.
				default:
					union(parent, a, b)
					conflicting[[2]int{min(a, b), max(a, b)}] = true
				}
			}
		}
	}
	if len(conflicting) == 0 {
		return nil
	}
	roots := map[int]bool{}
	for p := range conflicting {
		roots[find(parent, p[0])] = true
	}
	var out []Conflict
	byRoot := map[int][]int{}
	for i := range slots {
		if r := find(parent, i); roots[r] {
			byRoot[r] = append(byRoot[r], i)
		}
	}
	for _, members := range byRoot {
		out = append(out, cfg.conflict(c, slots, members, conflicting))
	}
	slices.SortFunc(out, func(a, b Conflict) int {
		if n, m := sources(a), sources(b); n != m {
			return m - n
		}
		return cmp.Compare(a.Claims[0].Sentence, b.Claims[0].Sentence)
	})
	return out
}

type posting struct {
	slot int
	w    float64
}

// maxPostings skips context terms shared by so many slots that they tell nothing.
const maxPostings = 256

func sources(c Conflict) int {
	n := 0
	for _, cl := range c.Claims {
		n += len(cl.Docs)
	}
	return n
}

func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

func union(parent []int, a, b int) {
	ra, rb := find(parent, a), find(parent, b)
	if ra != rb {
		parent[max(ra, rb)] = min(ra, rb)
	}
}

// conflict builds one disputed fact from its slots: one claim per distinct value.
func (cfg Config) conflict(c *corpus.Corpus, slots []slot, members []int, conflicting map[[2]int]bool) Conflict {
	slices.Sort(members)
	type version struct {
		claim Claim
		first int // slot
		fight bool
	}
	var vs []*version
	byValue := map[string]*version{}
	for _, m := range members {
		s := &slots[m]
		k := valueKey(s)
		v, ok := byValue[k]
		if !ok {
			v = &version{claim: Claim{Value: valueText(s), Sentence: s.sent}, first: m}
			byValue[k] = v
			vs = append(vs, v)
		}
		if !slices.Contains(v.claim.Docs, s.doc) {
			v.claim.Docs = append(v.claim.Docs, s.doc)
			v.claim.Spans = append(v.claim.Spans, s.span)
		}
	}
	for p := range conflicting {
		for _, v := range vs {
			if valueKey(&slots[p[0]]) == valueKey(&slots[v.first]) && find2(members, p[0]) ||
				valueKey(&slots[p[1]]) == valueKey(&slots[v.first]) && find2(members, p[1]) {
				v.fight = true
			}
		}
	}
	// Versions in a conflict first, then by sources, then by first mention.
	slices.SortStableFunc(vs, func(a, b *version) int {
		if a.fight != b.fight {
			if a.fight {
				return -1
			}
			return 1
		}
		return len(b.claim.Docs) - len(a.claim.Docs)
	})
	// A version no conflict involves is kept only when its sentence gives no other version.
	kept := vs[:0]
	for _, v := range vs {
		if v.fight || !slices.ContainsFunc(kept, func(k *version) bool { return k.claim.Sentence == v.claim.Sentence }) {
			kept = append(kept, v)
		}
	}
	vs = kept
	if len(vs) > cfg.MaxClaims {
		vs = vs[:cfg.MaxClaims]
	}
	out := Conflict{Topic: topic(c, &slots[vs[0].first])}
	for _, v := range vs {
		out.Claims = append(out.Claims, v.claim)
	}
	return out
}

func find2(sorted []int, x int) bool { _, ok := slices.BinarySearch(sorted, x); return ok }

// oneLine folds a sentence's line breaks and runs of spaces into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
