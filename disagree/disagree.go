// Package disagree finds where a story's outlets report the same fact differently:
// counts, amounts, ages, times of day, dates, and the titles of people, that cannot
// all be true.
//
// It compares values, not sentences. Each number, date and title of the story is a
// slot with its context: the content words around it in its paragraph, whatever
// sentences a splitter cut the paragraph into. Two slots of different documents are
// about the same fact when they measure the same thing (a count of the same noun, an
// amount of the same currency, a date) and their contexts overlap enough; they
// disagree when their values cannot both hold, allowing for rounding ("$973,000" and
// "$972,814"), hedges ("over 25" and "26") and granularity ("2016" and "2016-09"),
// and when neither document also gives the other's value for that fact ("72 percent
// versus 63 percent" in both). It is tuned for precision: a false alarm costs more
// than a miss.
package disagree

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/similarity"
)

// Config sets how strict the detector is.
type Config struct {
	// Context is the evidence at or above which two slots are taken to be about
	// the same fact: the mean of their local contexts' IDF-weighted Dice overlap
	// (the better of the plain and the nearness-weighted one) and their wide
	// contexts' cosine.
	Context float64
	// Near is the lower evidence that suffices when two values nearly match
	// (within NearMiss of each other, "25" and "26"): near misses of precise values
	// are rarely two different facts. It is also the evidence from which a value
	// that agrees with the other side counts against a conflict.
	Near     float64
	NearMiss float64
	// Window is how many content words on each side of a value make its local
	// context; Wide how many make its wide context.
	Window, Wide int
	// MinShared is the fewest local context words two slots must share.
	MinShared int
	// MaxClaims caps the versions listed per disagreement.
	MaxClaims int
	// Weekdays compares weekdays that no publication date resolves ("filed
	// Wednesday" and "filed Thursday"), as if both documents were written in the
	// same week.
	Weekdays bool
	// Sole is the evidence that suffices for two counts of people by event ("four
	// demonstrators were arrested", "three people in custody") or two times of day
	// when each of the two documents gives that one value only of its kind: a story
	// usually has one count of arrests, one time of the attack. A count of none
	// ("no arrests have been made") needs no evidence then: it stands alone, with
	// no context to share. 0 turns the rule off.
	Sole float64
	// Titles compares the titles the documents give one person ("lead author" and
	// "senior author"); it needs the story's entities.
	Titles bool
}

// DefaultConfig returns the configuration Find uses.
func DefaultConfig() Config {
	return Config{Context: 0.25, Near: 0.18, NearMiss: 0.05, Window: 6, Wide: 15, MinShared: 1, MaxClaims: 4, Titles: true, Sole: 0.09}
}

// Find returns the story's disagreements with the default configuration.
func Find(c *corpus.Corpus) []precis.Disagreement { return DefaultConfig().Find(c, nil) }

// Find returns the story's disagreements, those with the most sources first. set
// is the story's entities (entity.Find), computed here when nil and needed.
func (cfg Config) Find(c *corpus.Corpus, set *entity.Set) []precis.Disagreement {
	out := []precis.Disagreement{}
	for _, con := range cfg.Conflicts(c, set) {
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

// link is two slots of different documents found to be about one fact.
type link struct {
	a, b     int // slots, a < b
	evidence float64
}

// Conflicts returns the disputed facts of the story, those with the most sources
// first. set is the story's entities, computed here when nil and Titles is set.
func (cfg Config) Conflicts(c *corpus.Corpus, set *entity.Set) []Conflict {
	def := DefaultConfig()
	if cfg.Window <= 0 {
		cfg.Window = def.Window
	}
	if cfg.Wide < cfg.Window {
		cfg.Wide = max(def.Wide, cfg.Window)
	}
	if cfg.MaxClaims < 2 {
		cfg.MaxClaims = def.MaxClaims
	}
	if len(c.Docs) < 2 {
		return nil
	}
	st := newStory(c, cfg)
	st.values()
	if cfg.Titles {
		if set == nil {
			set = entity.Find(c)
		}
		st.titles(set)
	}
	if len(st.slots) < 2 {
		return nil
	}
	slices.SortStableFunc(st.slots, func(a, b slot) int {
		if a.doc != b.doc {
			return a.doc - b.doc
		}
		return cmp.Compare(a.span.Start, b.span.Start)
	})
	st.words()
	st.contexts()
	st.soles()
	links := st.links()
	return st.conflicts(links)
}

// contexts fills every slot's context, each bounded by the values of its key
// before and after it in its document.
func (st *story) contexts() {
	slots := st.slots
	st.ctxBuf = make([]int32, 0, len(slots)*2*st.cfg.Window)
	st.ctxWBuf = make([]float64, 0, len(slots)*2*st.cfg.Window)
	st.vecT = make([]int32, 0, len(slots)*2*st.cfg.Wide)
	st.vecW = make([]float32, 0, len(slots)*2*st.cfg.Wide)
	last := make([]int, len(st.keys)) // 1 + the last slot of each key in the document
	next := make([]int, len(slots))   // 1 + the next slot of the same key in the document
	for i := range slots {
		if i > 0 && slots[i].doc != slots[i-1].doc {
			clear(last)
		}
		k := slots[i].key
		if p := last[k]; p > 0 {
			next[p-1] = i + 1
		}
		last[k] = i + 1
	}
	clear(last)
	for i := range slots {
		s := &slots[i]
		if i > 0 && s.doc != slots[i-1].doc {
			clear(last)
		}
		left, right := 0, len(st.c.Docs[s.doc].Text)
		if p := last[s.key]; p > 0 {
			left = slots[p-1].span.End
		}
		if n := next[i]; n > 0 {
			right = slots[n-1].span.Start
		}
		st.context(s, left, right)
		last[s.key] = i + 1
	}
}

// soles fills sole: the documents that give one value only of a key.
func (st *story) soles() {
	nk := len(st.keys)
	st.sole = make([]bool, len(st.c.Docs)*nk)
	first := make([]int, len(st.c.Docs)*nk) // 1 + the first slot of the document and key
	for i := range st.slots {
		s := &st.slots[i]
		k := s.doc*nk + s.key
		switch f := first[k]; {
		case f == 0:
			first[k] = i + 1
			st.sole[k] = true
		case !sameValue(&st.slots[f-1], s):
			st.sole[k] = false
		}
	}
}

// links returns the pairs of slots of different documents whose evidence reaches
// Near, found through an inverted index of wide-context terms within each key:
// no all-pairs comparison.
func (st *story) links() []link {
	slots := st.slots
	byKey := make([][]int, len(st.keys))
	for i := range slots {
		byKey[slots[i].key] = append(byKey[slots[i].key], i)
	}
	var out []link
	var post map[int32][]int
	seen := make([]int, len(slots)) // seen[b] == a+1: pair (a, b) already scored
	var sc scattered
	try := func(a, b int) {
		sa, sb := &slots[a], &slots[b]
		if sb.doc == sa.doc || !comparable(sa, sb) || sa.anchor != sb.anchor {
			return
		}
		sc.set(st, a)
		need := st.needed(sa, sb)
		if e, n := sc.evidence(st, sb); e >= min(st.cfg.Near, need) && (n >= st.cfg.MinShared || need <= 0) {
			out = append(out, link{min(a, b), max(a, b), e})
		}
	}
	for _, group := range byKey {
		if len(group) < 2 {
			continue
		}
		if k := slots[group[0]].kind; k == titleSlot || k == roleSlot {
			// The titles of one person, the holder of one office, are one fact
			// wherever they are written.
			for x, a := range group {
				for _, b := range group[x+1:] {
					if slots[a].doc != slots[b].doc {
						out = append(out, link{min(a, b), max(a, b), 1})
					}
				}
			}
			continue
		}
		if len(group) <= indexAbove {
			for x, a := range group {
				for _, b := range group[x+1:] {
					try(a, b)
				}
			}
			continue
		}
		if post == nil {
			post = map[int32][]int{}
		}
		clear(post)
		for _, s := range group {
			for _, t := range slots[s].wide.Terms {
				post[t] = append(post[t], s)
			}
		}
		for _, a := range group {
			for _, t := range slots[a].wide.Terms {
				ps := post[t]
				if len(ps) > maxPostings {
					continue
				}
				for _, b := range ps {
					if b > a && seen[b] != a+1 {
						seen[b] = a + 1
						try(a, b)
					}
				}
			}
		}
	}
	return out
}

// indexAbove is the size of a key's group of slots from which pairs are found
// through an inverted index rather than all compared.
const indexAbove = 64

// maxPostings skips context terms shared by so many slots that they tell nothing.
const maxPostings = 256

// conflicts keeps the links whose values cannot both hold and that nothing else
// in the two documents explains, and groups them into disputed facts.
func (st *story) conflicts(links []link) []Conflict {
	slots := st.slots
	parent := make([]int, len(slots))
	for i := range parent {
		parent[i] = i
	}
	var fights []link
	for _, l := range links {
		sa, sb := &slots[l.a], &slots[l.b]
		if agree(sa, sb) {
			continue
		}
		if l.evidence < st.needed(sa, sb) {
			continue
		}
		if st.explained(l.a, l.b, l.evidence) || st.explained(l.b, l.a, l.evidence) {
			continue
		}
		fights = append(fights, l)
	}
	fights = st.unambiguous(fights)
	if len(fights) == 0 {
		return nil
	}
	for _, l := range fights {
		union(parent, l.a, l.b)
	}
	// Values that agree with a disputed one, strongly linked to it, are listed with it.
	inFight := make([]bool, len(slots))
	for _, l := range fights {
		inFight[l.a], inFight[l.b] = true, true
	}
	best := make([]float64, len(slots))
	for _, l := range links {
		for _, p := range [2][2]int{{l.a, l.b}, {l.b, l.a}} {
			m, s := p[0], p[1]
			if inFight[m] && !inFight[s] && l.evidence >= st.cfg.Context && l.evidence > best[s] && agree(&slots[m], &slots[s]) &&
				(slots[s].kind != titleSlot && slots[s].kind != roleSlot || sameValue(&slots[m], &slots[s])) {
				best[s] = l.evidence
				parent[s] = find(parent, m)
			}
		}
	}
	byRoot := map[int][]int{}
	for i := range slots {
		if r := find(parent, i); inFight[r] || inFight[i] || best[i] > 0 {
			byRoot[r] = append(byRoot[r], i)
		}
	}
	roots := make([]int, 0, len(byRoot))
	for r := range byRoot {
		roots = append(roots, r)
	}
	slices.Sort(roots) // map order is random: facts of one sentence must come out in one order
	var out []Conflict
	for _, r := range roots {
		if members := byRoot[r]; len(members) > 1 {
			out = append(out, st.conflict(members, inFight))
		}
	}
	slices.SortStableFunc(out, func(a, b Conflict) int {
		if n, m := sources(a), sources(b); n != m {
			return m - n
		}
		if n := cmp.Compare(a.Claims[0].Sentence, b.Claims[0].Sentence); n != 0 {
			return n
		}
		return cmp.Compare(a.Claims[0].Spans[0].Start, b.Claims[0].Spans[0].Start)
	})
	return out
}

// unambiguous drops the conflicts of a value with two different values of one
// other document: its context fits both, so it tells neither fact ("in 2006",
// "in 1995" of two hikes against another outlet's "2016").
func (st *story) unambiguous(fights []link) []link {
	slots := st.slots
	// For each slot and each other document, the first slot of that document
	// it fights with, and the first of another value than that one's (or -1):
	// values being classes (sameValue), y is ambiguous for x when one of the two
	// has another value than y's. One pass over the fights, not one per fight.
	type group struct{ first, other int }
	type key struct{ slot, doc int }
	groups := make(map[key]*group, 2*len(fights))
	add := func(x, z int) {
		k := key{x, slots[z].doc}
		g := groups[k]
		switch {
		case g == nil:
			groups[k] = &group{z, -1}
		case g.other < 0 && !sameValue(&slots[g.first], &slots[z]):
			g.other = z
		}
	}
	for _, l := range fights {
		add(l.a, l.b)
		add(l.b, l.a)
	}
	ambiguous := func(x, y int) bool { // x's fights with y's document hold another value
		g := groups[key{x, slots[y].doc}]
		for _, z := range [2]int{g.first, g.other} {
			if z >= 0 && z != y && !sameValue(&slots[z], &slots[y]) {
				return true
			}
		}
		return false
	}
	out := fights[:0]
	for _, l := range fights {
		if !ambiguous(l.a, l.b) && !ambiguous(l.b, l.a) {
			out = append(out, l)
		}
	}
	return out
}

// explained reports whether a conflict between slots a and b (of the given
// evidence) is explained by another value of b's document, in b's sentence or in a
// context at least half as close to a's, that agrees with a rather than with b: then b's document gives a's value for the
// fact too, and b is another fact ("72 percent versus 63 percent" in both
// documents; "about 72 percent" beside "70 percent"; "in July and again in
// September"). A bound agreeing with both ("over 25" beside "26") explains nothing.
func (st *story) explained(a, b int, evidence float64) bool {
	slots := st.slots
	sa, sb := &slots[a], &slots[b]
	i, _ := slices.BinarySearchFunc(slots, sb.doc, func(s slot, d int) int { return s.doc - d })
	for ; i < len(slots) && slots[i].doc == sb.doc; i++ {
		so := &slots[i]
		if i == b || so.key != sa.key || !comparable(so, sa) || !agree(sa, so) || agree(so, sb) && !closer(so, sa, sb) {
			continue
		}
		if so.sent == sb.sent {
			return true
		}
		if l, _ := st.local(sa, so); (l+similarity.Dot(sa.wide, so.wide))/2 >= evidence/2 {
			return true
		}
	}
	return false
}

// closer reports whether quantity o, which agrees with both a and b, is nearer to
// a's value than to b's and is no bound: "about 72 percent" is a's 72, not b's 70.
func closer(o, a, b *slot) bool {
	if o.kind != quantitySlot || o.quantity.Bound != 0 {
		return false
	}
	v := o.quantity.Value
	return math.Abs(v-a.quantity.Value) < math.Abs(v-b.quantity.Value)
}

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

// conflict builds one disputed fact from its slots: one claim per distinct value,
// the values in a conflict first.
func (st *story) conflict(members []int, inFight []bool) Conflict {
	slices.Sort(members)
	type version struct {
		claim Claim
		first int // slot
		fight bool
	}
	var vs []*version
	for _, m := range members {
		s := &st.slots[m]
		var v *version
		for _, x := range vs {
			if sameValue(&st.slots[x.first], s) {
				v = x
				break
			}
		}
		if v == nil {
			v = &version{claim: Claim{Value: valueText(st.c, s), Sentence: s.sent}, first: m}
			vs = append(vs, v)
		}
		v.fight = v.fight || inFight[m]
		if !slices.Contains(v.claim.Docs, s.doc) {
			v.claim.Docs = append(v.claim.Docs, s.doc)
			v.claim.Spans = append(v.claim.Spans, s.span)
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
	if len(vs) > st.cfg.MaxClaims {
		vs = vs[:st.cfg.MaxClaims]
	}
	out := Conflict{Topic: topic(st.c, &st.slots[vs[0].first])}
	for _, v := range vs {
		out.Claims = append(out.Claims, v.claim)
	}
	return out
}

// sameValue reports whether two slots give the same version of a fact.
func sameValue(a, b *slot) bool {
	switch a.kind {
	case quantitySlot:
		qa, qb := a.quantity, b.quantity
		return unitClass(qa.Unit) == unitClass(qb.Unit) && qa.Value == qb.Value && qa.Low == qb.Low && qa.High == qb.High
	case dateSlot:
		return a.day == b.day
	case weekdaySlot:
		return a.weekday == b.weekday
	default:
		return a.name.same(b.name)
	}
}

func valueText(c *corpus.Corpus, s *slot) string {
	return oneLine(s.span.Of(c.Docs[s.doc].Text))
}

// oneLine folds a sentence's line breaks and runs of spaces into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
