package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/precis-news/precis"
)

// form is one normalised name form ("sergey kislyak") and its candidates.
type form struct {
	key   string
	toks  []string
	cands []int
	votes [5]int32
	lex   *known
	spell []spelled // spellings as written, with their counts
	weak  bool      // every candidate is weak
	group int
	// surnameAlone marks a name of several words whose last word also stands alone.
	surnameAlone bool
	// plain marks a name of two or three words that read as a person's: no word known to
	// the lexicon or written in lower case elsewhere, no acronym, no head of other names.
	plain bool
}

func (fm *form) kind() kind {
	if fm.lex != nil {
		return fm.lex.typ
	}
	best, k := int32(0), kindNone
	for kk := kindPerson; kk <= kindOther; kk++ {
		if fm.votes[kk] > best {
			best, k = fm.votes[kk], kk
		}
	}
	if k == kindNone && fm.plain && (fm.surnameAlone || len(fm.toks) == 2) {
		return kindPerson // "Lizandra Cosme", "Kameron Prescott"
	}
	return k
}

// f0 reports whether no word of fm is an acronym or a known place or organisation.
func f0(fm *form) bool {
	for _, t := range fm.toks {
		if inLexicon(t) {
			return false
		}
	}
	for _, sp := range fm.spell {
		for _, w := range strings.Fields(sp.s) {
			if isAcronym(w) {
				return false
			}
		}
	}
	return true
}

// spelled is one way a form is written and how often.
type spelled struct {
	s string
	n int
}

// addSpelling counts one more use of spelling s.
func (fm *form) addSpelling(s string) {
	for i := range fm.spell {
		if fm.spell[i].s == s {
			fm.spell[i].n++
			return
		}
	}
	fm.spell = append(fm.spell, spelled{s, 1})
}

// plainWords reports whether no word of a name is a word the story writes in lower
// case, a function word, page furniture or the head of other kinds of names.
func (f *finder) plainWords(toks []string) bool {
	for _, t := range toks {
		id, ok := f.v.ids[t]
		if !ok {
			return false
		}
		if f.v.seen[id]&seenLower != 0 || f.v.cls[id]&(cStop|cNotName|cFurniture|cOrgHead|cPlaceHead|cOtherHead|cTitle|cDate) != 0 {
			return false
		}
	}
	return true
}

// group is one entity being built.
type group struct {
	forms []*form
	typ   kind
	lex   *known
}

func (g *group) mentions() int {
	n := 0
	for _, fm := range g.forms {
		n += len(fm.cands)
	}
	return n
}

type clusterer struct {
	f      *finder
	forms  map[string]*form
	groups []*group
	byLex  map[string]int
	byKey  map[string]int // org key → group
}

func (f *finder) cluster() {
	cl := &clusterer{f: f, forms: map[string]*form{}, byLex: map[string]int{}, byKey: map[string]int{}}
	var order []*form
	for i, c := range f.cands {
		fm := cl.forms[c.key]
		if fm == nil {
			fm = &form{key: c.key, toks: c.toks, weak: true, group: -1}
			cl.forms[c.key] = fm
			order = append(order, fm)
		}
		fm.cands = append(fm.cands, i)
		for k, v := range c.votes {
			fm.votes[k] += v
		}
		if c.lex != nil {
			fm.lex = c.lex
		}
		fm.weak = fm.weak && c.weak
		fm.addSpelling(c.text)
	}
	for _, fm := range order {
		if len(fm.toks) > 1 {
			if o := cl.forms[fm.toks[len(fm.toks)-1]]; o != nil && !o.weak {
				fm.surnameAlone = true
			}
			fm.plain = len(fm.toks) <= 3 && f0(fm) && f.plainWords(fm.toks)
		}
	}
	// Most frequent and longest forms first, so that short forms find their full names.
	slices.SortStableFunc(order, func(a, b *form) int {
		if c := cmp.Compare(len(b.toks), len(a.toks)); c != 0 {
			return c
		}
		return cmp.Compare(len(b.cands), len(a.cands))
	})
	for _, fm := range order {
		if fm.weak {
			continue
		}
		switch {
		case fm.lex != nil && fm.lex.typ == kindOrg && len(fm.toks) == 1 && cl.exactSurname(fm.toks[0]) >= 0:
			// "Bloomberg" where the story names Michael Bloomberg: the person, not the company.
			cl.add(cl.exactSurname(fm.toks[0]), fm)
		case fm.lex != nil:
			cl.joinLex(fm)
		case len(fm.toks) > 1:
			cl.placeLong(fm)
		}
	}
	for _, fm := range order {
		if !fm.weak && fm.lex == nil && len(fm.toks) == 1 {
			cl.placeShort(fm)
		}
	}
	for _, fm := range order {
		if fm.weak && fm.lex == nil {
			cl.placeWeak(fm)
		}
	}
	f.groups, f.formsByKey = cl.groups, cl.forms
}

func (cl *clusterer) newGroup(fm *form, k kind) {
	fm.group = len(cl.groups)
	cl.groups = append(cl.groups, &group{forms: []*form{fm}, typ: k, lex: fm.lex})
}

func (cl *clusterer) add(g int, fm *form) {
	fm.group = g
	cl.groups[g].forms = append(cl.groups[g].forms, fm)
}

func (cl *clusterer) joinLex(fm *form) {
	if g, ok := cl.byLex[fm.lex.name]; ok {
		cl.add(g, fm)
		return
	}
	cl.byLex[fm.lex.name] = len(cl.groups)
	cl.newGroup(fm, fm.lex.typ)
}

// placeLong groups a name of several words.
func (cl *clusterer) placeLong(fm *form) {
	k := fm.kind()
	if k == kindPerson {
		for g, gr := range cl.groups {
			if gr.typ != kindPerson {
				continue
			}
			for _, o := range gr.forms {
				if len(o.toks) > 1 && samePerson(fm.toks, o.toks) {
					cl.add(g, fm)
					return
				}
			}
		}
		// "Crotty Alexander" shortens "Laura E. Crotty Alexander".
		if g := cl.only(func(gr *group) bool { return gr.typ == kindPerson && hasTail(gr, fm.toks) }); g >= 0 {
			cl.add(g, fm)
			return
		}
		cl.newGroup(fm, kindPerson)
		return
	}
	key := orgKey(fm.toks)
	if g, ok := cl.byKey[key]; ok {
		cl.add(g, fm)
		return
	}
	for g, gr := range cl.groups {
		if gr.typ == kindPerson || gr.lex != nil {
			continue
		}
		for _, o := range gr.forms {
			if sameWords(fm.toks, o.toks) {
				cl.add(g, fm)
				return
			}
		}
	}
	if k == kindOrg || k == kindOther {
		// "Armed Services Committee" shortens "Senate Armed Services Committee";
		// "Chicago Police" shortens "Chicago Police Department".
		if g := cl.only(func(gr *group) bool { return gr.typ == k && (hasTail(gr, fm.toks) || hasHead(gr, fm.toks)) }); g >= 0 {
			cl.add(g, fm)
			return
		}
	}
	cl.byKey[key] = len(cl.groups)
	cl.newGroup(fm, k)
}

// hasHead reports whether a longer form of gr is toks and organisation heads.
func hasHead(gr *group, toks []string) bool {
	for _, o := range gr.forms {
		if len(o.toks) > len(toks) && join(o.toks[:len(toks)]) == join(toks) {
			rest := o.toks[len(toks):]
			ok := true
			for _, t := range rest {
				ok = ok && orgHeads[t]
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// hasTail reports whether a longer form of gr ends with toks.
func hasTail(gr *group, toks []string) bool {
	for _, o := range gr.forms {
		if len(o.toks) > len(toks) && join(o.toks[len(o.toks)-len(toks):]) == join(toks) {
			return true
		}
	}
	return false
}

// orgKey puts "Department of Justice" and "Justice Department" under one key.
func orgKey(toks []string) string {
	if len(toks) > 2 && orgFirst[toks[0]] && toks[1] == "of" {
		toks = append(slices.Clone(toks[2:]), toks[0])
	}
	// Plurals aside: "Department of Corrections" is the "Correction Department".
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		if len(t) > 4 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") {
			t = t[:len(t)-1]
		}
		b.WriteString(t)
	}
	return b.String()
}

// samePerson reports whether two full names name one person: similar surnames, similar
// given names (or an initial), the same suffix. Middle names are ignored.
func samePerson(a, b []string) bool {
	sa, sb := "", ""
	if suffixes[a[len(a)-1]] {
		sa, a = a[len(a)-1], a[:len(a)-1]
	}
	if suffixes[b[len(b)-1]] {
		sb, b = b[len(b)-1], b[:len(b)-1]
	}
	if sa != sb || len(a) < 2 || len(b) < 2 {
		return false
	}
	if !similarName(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	fa, fb := a[0], b[0]
	return similarName(fa, fb) || len(fa) == 1 && fa[0] == fb[0] || len(fb) == 1 && fb[0] == fa[0] || shortFor(fa, fb) || shortFor(fb, fa)
}

// shortFor reports whether a given name is the short form of another that it opens
// ("Jeff" for "Jeffrey", "Chris" for "Christopher"), of no other gender.
func shortFor(short, long string) bool {
	if len(short) < 3 || len(long) <= len(short) || !strings.HasPrefix(long, short) {
		return false
	}
	gs, gl := givenNames[short], givenNames[long]
	return gs == Unknown || gl == Unknown || gs == gl
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	edits := 0
	for i := range a {
		if a[i] != b[i] {
			if !similarName(a[i], b[i]) {
				return false
			}
			edits++
		}
	}
	return edits <= 1
}

// placeShort groups a one-word name: a surname, a given name, a short form of an
// organisation, an acronym, or a name of its own.
func (cl *clusterer) placeShort(fm *form) {
	tok := fm.toks[0]
	if g := cl.surname(fm); g >= 0 {
		cl.add(g, fm)
		return
	}
	if !isAcronymForm(fm) && fm.votes[kindOrg]+fm.votes[kindPlace] < fm.votes[kindPerson]+2 {
		// A given name alone: "Jeff", "Kameron" for the only person named so.
		if g := cl.only(func(gr *group) bool { return gr.typ == kindPerson && hasFirst(gr, tok) }); g >= 0 {
			cl.add(g, fm)
			return
		}
	}
	if !isAcronymForm(fm) {
		// "Wiederstein" for "Wiederstein Elementary School", "Tyson" for "Tyson Foods".
		if g := cl.only(func(gr *group) bool { return gr.typ != kindPerson && gr.lex == nil && hasFirst(gr, tok) }); g >= 0 {
			cl.add(g, fm)
			return
		}
	}
	if !isAcronymForm(fm) {
		// "Post" for "Washington Post", "Jets" for "New York Jets".
		if g := cl.only(func(gr *group) bool { return (gr.typ == kindOrg || gr.typ == kindOther) && lastTokIs(gr, tok) }); g >= 0 {
			cl.add(g, fm)
			return
		}
	}
	if acro := isAcronymForm(fm); acro {
		if g := cl.only(func(gr *group) bool { return (gr.typ == kindOrg || gr.typ == kindOther) && hasInitials(gr, tok) }); g >= 0 {
			cl.add(g, fm)
			return
		}
	}
	for g, gr := range cl.groups {
		if gr.lex != nil {
			continue
		}
		for _, o := range gr.forms {
			if len(o.toks) == 1 && similarName(o.toks[0], tok) {
				cl.add(g, fm)
				return
			}
		}
	}
	if cl.loneHead(fm) {
		return // "Police", "Street", "Cabinet": a head that names nothing alone
	}
	k := fm.kind()
	if k == kindNone {
		k = kindOther
	}
	cl.newGroup(fm, k)
}

// institutions are heads that name one body alone, as news writes them: "Congress".
var institutions = set(`congress senate parliament`)

// loneHead reports whether a one-word form is only the head of names (an organisation's,
// a place's, an event's) that joined no longer name of the story, and a word the story
// also writes in lower case: "Police", "Street", "Cabinet", but "the Guardian", "Bible".
func (cl *clusterer) loneHead(fm *form) bool {
	t := fm.toks[0]
	if !(orgHeads[t] || placeHeads[t] || otherHeads[t]) || institutions[t] || isAcronymForm(fm) {
		return false
	}
	id, ok := cl.f.v.ids[t]
	return ok && cl.f.v.seen[id]&seenLower != 0
}

// exactSurname returns the only person group whose full name ends with tok, or -1.
func (cl *clusterer) exactSurname(tok string) int {
	return cl.only(func(gr *group) bool {
		if gr.typ != kindPerson {
			return false
		}
		for _, o := range gr.forms {
			if len(o.toks) > 1 && o.toks[len(o.toks)-1] == tok {
				return true
			}
		}
		return false
	})
}

// surname returns the person whose full name ends with fm's word, or -1. Exact
// spellings win over near ones, then the person named most.
func (cl *clusterer) surname(fm *form) int {
	if fm.votes[kindOrg]+fm.votes[kindPlace] >= fm.votes[kindPerson]+2 {
		return -1
	}
	tok := fm.toks[0]
	best, bestScore := -1, 0
	for g, gr := range cl.groups {
		if gr.typ != kindPerson {
			continue
		}
		score := 0
		for _, o := range gr.forms {
			if len(o.toks) < 2 {
				continue
			}
			last := o.toks[len(o.toks)-1]
			if suffixes[last] {
				last = o.toks[len(o.toks)-2]
			}
			switch {
			case last == tok:
				score = max(score, 2)
			case similarName(last, tok):
				score = max(score, 1)
			case len(o.toks) > 2 && o.toks[len(o.toks)-2] == tok && len(tok) > 2:
				score = max(score, 1) // "Crotty" of "Laura E. Crotty Alexander"
			}
		}
		if score == 0 {
			continue
		}
		score = score*1_000_000 + gr.mentions()*2
		if !hasSuffix(gr) {
			score++
		}
		if cl.givenAlone(gr) {
			// Of two relatives, the story calls one by the given name ("Gloria") and
			// the other by the surname ("Chapman").
			score -= 500_000
		}
		if score > bestScore {
			best, bestScore = g, score
		}
	}
	return best
}

// givenAlone reports whether the story names the person of gr by the given name alone.
func (cl *clusterer) givenAlone(gr *group) bool {
	for _, o := range gr.forms {
		if len(o.toks) > 1 {
			if fm := cl.forms[o.toks[0]]; fm != nil && !fm.weak && len(fm.cands) > 1 {
				return true
			}
		}
	}
	return false
}

func hasSuffix(gr *group) bool {
	for _, o := range gr.forms {
		if suffixes[o.toks[len(o.toks)-1]] {
			return true
		}
	}
	return false
}

// only returns the one group that ok accepts, or -1 when none or several do.
func (cl *clusterer) only(ok func(*group) bool) int {
	found := -1
	for g, gr := range cl.groups {
		if ok(gr) {
			if found >= 0 {
				return -1
			}
			found = g
		}
	}
	return found
}

func hasFirst(gr *group, tok string) bool {
	for _, o := range gr.forms {
		if len(o.toks) > 1 && o.toks[0] == tok {
			return true
		}
	}
	return false
}

func lastTokIs(gr *group, tok string) bool {
	for _, o := range gr.forms {
		if len(o.toks) > 1 && o.toks[len(o.toks)-1] == tok {
			return true
		}
	}
	return false
}

func isAcronymForm(fm *form) bool {
	for _, sp := range fm.spell {
		if isAcronym(sp.s) {
			return true
		}
	}
	return false
}

// hasInitials reports whether acro spells the initials of a form of gr, with or
// without its small words: "doj" for "department of justice".
func hasInitials(gr *group, acro string) bool {
	for _, o := range gr.forms {
		if len(o.toks) < 2 {
			continue
		}
		var all, content strings.Builder
		for _, t := range o.toks {
			all.WriteByte(t[0])
			if t != "of" && t != "and" && t != "the" && t != "for" {
				content.WriteByte(t[0])
			}
		}
		if all.String() == acro || content.String() == acro {
			return true
		}
	}
	return false
}

// placeWeak joins a name seen only where capitals tell nothing to a known entity.
func (cl *clusterer) placeWeak(fm *form) {
	for _, o := range cl.forms {
		if o != fm && !o.weak && o.group >= 0 && o.key == fm.key {
			cl.add(o.group, fm)
			return
		}
	}
	if len(fm.toks) == 1 {
		if g := cl.surname(fm); g >= 0 {
			cl.add(g, fm)
		}
	}
}

// headlines counts known names in headline-like lines, longest first.
func (f *finder) headlines() {
	for d, ws := range f.words {
		for i := 0; i < len(ws); {
			if !ws[i].head || !ws[i].cap {
				i++
				continue
			}
			n := min(4, len(ws)-i)
			for ; n > 0; n-- {
				toks := make([]string, n)
				ok := true
				for k := range n {
					w := ws[i+k]
					if !w.head || k > 0 && (w.gap == '\n' || w.gap == 'p' || ws[i+k-1].poss) {
						ok = false
						break
					}
					toks[k] = f.norm(&w)
				}
				if !ok {
					continue
				}
				if fm, found := f.formsByKey[join(toks)]; found && fm.group >= 0 && !fm.weak {
					span := precis.Span{Start: ws[i].span.Start, End: ws[i+n-1].span.End}
					f.cands = append(f.cands, cand{doc: d, span: span, toks: toks, key: fm.key, text: span.Of(f.c.Docs[d].Text)})
					fm.cands = append(fm.cands, len(f.cands)-1)
					break
				}
			}
			i += max(n, 1)
		}
	}
}

// result builds the sorted entities and the mention index.
func (f *finder) result() *Set {
	f.headlines()
	type built struct {
		e      precis.Entity
		g      Gender
		gr     *group
		weight int
	}
	bs := make([]built, len(f.groups))
	inDoc := make([]bool, len(f.c.Docs))
	for i, gr := range f.groups {
		b := &bs[i]
		b.gr = gr
		var best *form
		b.e.Type, b.e.Name, best = f.typeName(gr)
		clear(inDoc)
		for _, fm := range gr.forms {
			for _, ci := range fm.cands {
				inDoc[f.cands[ci].doc] = true
				b.e.Mentions++
			}
		}
		for d, ok := range inDoc {
			if ok {
				b.e.Sources = append(b.e.Sources, f.c.Docs[d].ID)
			}
		}
		nameKey := ""
		if best != nil {
			nameKey = best.key
			if b.e.Type == precis.Person && len(best.toks) > 1 {
				b.g = givenNames[best.toks[0]]
			}
		} else {
			nameKey = normPhrase(b.e.Name)
		}
		b.e.Aliases = aliases(gr, nameKey)
		b.weight = b.e.Mentions * len(b.e.Sources)
	}
	order := make([]int, len(bs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &bs[i], &bs[j]
		if c := cmp.Compare(b.weight, a.weight); c != 0 {
			return c
		}
		if c := cmp.Compare(b.e.Mentions, a.e.Mentions); c != 0 {
			return c
		}
		return strings.Compare(a.e.Name, b.e.Name)
	})
	s := &Set{
		Entities: make([]precis.Entity, len(bs)),
		Genders:  make([]Gender, len(bs)),
		Mentions: make([][]Mention, len(f.c.Docs)),
		forms:    make(map[string]int, len(f.formsByKey)),
	}
	perDoc := make([]int, len(f.c.Docs))
	for _, c := range f.cands {
		perDoc[c.doc]++
	}
	for d, n := range perDoc {
		s.Mentions[d] = make([]Mention, 0, n)
	}
	for i, k := range order {
		b := &bs[k]
		s.Entities[i] = b.e
		s.Genders[i] = b.g
		for _, fm := range b.gr.forms {
			s.forms[fm.key] = i
			for _, ci := range fm.cands {
				c := &f.cands[ci]
				s.Mentions[c.doc] = append(s.Mentions[c.doc], Mention{Doc: c.doc, Span: c.span, Entity: i})
			}
		}
	}
	for d := range s.Mentions {
		slices.SortFunc(s.Mentions[d], func(a, b Mention) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	}
	return s
}

// typeName decides a group's type and canonical name; best is the form the name
// comes from, nil for a lexicon name.
func (f *finder) typeName(gr *group) (precis.EntityType, string, *form) {
	k := gr.typ
	if gr.lex == nil && k != kindPerson {
		var votes [5]int32
		for _, fm := range gr.forms {
			for i, v := range fm.votes {
				votes[i] += v
			}
		}
		best := int32(0)
		for kk := kindPerson; kk <= kindOther; kk++ {
			if votes[kk] > best {
				best, k = votes[kk], kk
			}
		}
	}
	if gr.lex != nil {
		return kindTypes[gr.lex.typ], gr.lex.name, nil
	}
	var best *form
	for _, fm := range gr.forms {
		if best == nil || better(fm, best, k == kindPerson) {
			best = fm
		}
	}
	return kindTypes[k], spelling(best), best
}

// better reports whether a form names its entity better than b: for people the
// fullest name, else the most used name that is not an acronym.
func better(a, b *form, person bool) bool {
	if person && len(a.toks) != len(b.toks) {
		return len(a.toks) > len(b.toks)
	}
	aa, ba := isAcronymForm(a), isAcronymForm(b)
	if aa != ba {
		return ba
	}
	if !person {
		// A name beats its own short form: "Tyson Foods" over "Tyson", "Washington
		// Post" over "Post"; a corporate suffix alone does not count ("Xora Inc.").
		// Either form must be in use: a fuller form written once is not the name of
		// what the story calls by its short form sixteen times.
		if extends(a.toks, b.toks) && len(a.cands)*5 >= len(b.cands) {
			return true
		}
		if extends(b.toks, a.toks) && len(b.cands)*5 >= len(a.cands) {
			return false
		}
	}
	if len(a.cands) != len(b.cands) {
		return len(a.cands) > len(b.cands)
	}
	return len(a.toks) > len(b.toks)
}

// corporate suffixes add nothing to a company's name.
var corporate = set(`inc corp co llc ltd plc lp llp sa ag gmbh corporation company`)

// extends reports whether long is short with more words before or after it, not all of
// them corporate suffixes.
func extends(long, short []string) bool {
	if len(long) <= len(short) {
		return false
	}
	for start := 0; start+len(short) <= len(long); start++ {
		if !slices.Equal(long[start:start+len(short)], short) {
			continue
		}
		for i, t := range long {
			if (i < start || i >= start+len(short)) && !corporate[t] {
				return true
			}
		}
		return false
	}
	return false
}

// spelling returns the form's most frequent spelling, trimmed of stray punctuation.
func spelling(fm *form) string {
	best, n := "", 0
	for _, sp := range fm.spell {
		if sp.n > n || sp.n == n && sp.s < best {
			best, n = sp.s, sp.n
		}
	}
	return strings.TrimFunc(best, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
}

// aliases lists the spellings of a group's forms other than its name's, the most used first.
func aliases(gr *group, nameKey string) []string {
	type alias struct {
		s string
		n int
	}
	as := make([]alias, 0, len(gr.forms))
	for _, fm := range gr.forms {
		if fm.key == nameKey {
			continue
		}
		as = append(as, alias{spelling(fm), len(fm.cands)})
	}
	slices.SortStableFunc(as, func(a, b alias) int { return cmp.Compare(b.n, a.n) })
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.s
	}
	return out
}
