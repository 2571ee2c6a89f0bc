package entity

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/token"
)

// kind is an entity type while the finder works; kindNone means no evidence yet.
type kind uint8

const (
	kindNone kind = iota
	kindPerson
	kindOrg
	kindPlace
	kindOther
)

var kindTypes = [...]precis.EntityType{kindNone: precis.Other, kindPerson: precis.Person, kindOrg: precis.Organization, kindPlace: precis.Place, kindOther: precis.Other}

// cand is one candidate mention: a name as one document writes it.
type cand struct {
	doc  int
	span precis.Span
	toks []string // normalised words
	key  string   // toks joined by spaces
	text string
	// votes counts the evidence for each kind; lex is set when the lexicon knows the name.
	votes [5]int32
	lex   *known
	// weak marks a name seen only where capitals tell nothing (a sentence's first word,
	// a headline); it counts only when it matches a name seen elsewhere.
	weak bool
}

type finder struct {
	c          *corpus.Corpus
	words      [][]word
	v          *vocab
	cands      []cand
	groups     []*group
	formsByKey map[string]*form
	sc         *scratch // working memory from the pool
	scratch    []string // normalised words of the run being read
	arena      []string // backs the toks of candidates
	keyBuf     []byte   // scratch for lookup
}

// scratch holds a finder's working memory, kept between calls: none of it is
// referenced by the Set a call returns.
type scratch struct {
	words []word
	v     *vocab
	cands []cand
	arena []string
}

var scratchPool = sync.Pool{New: func() any { return &scratch{v: newVocab(1024)} }}

func newFinder(c *corpus.Corpus) *finder {
	sc := scratchPool.Get().(*scratch)
	sc.v.reset()
	f := &finder{c: c, v: sc.v, sc: sc}
	n := 0
	for d := range c.Docs {
		for _, s := range docSentences(c, d) {
			n += len(s.Tokens)
		}
	}
	// Hyphens split some tokens: room for one in eight.
	all := slices.Grow(sc.words[:0], n+n/8+4*len(c.Docs))
	f.words = make([][]word, len(c.Docs))
	caps := 0
	for d := range c.Docs {
		start := len(all)
		all = scan(all, c.Docs[d].Text, docSentences(c, d), f.v)
		ws := all[start:len(all):len(all)]
		f.words[d] = ws
		for i := range ws {
			w := &ws[i]
			if w.cap {
				caps++
				f.v.seen[w.id] |= seenCap
				if !w.initial && !w.head {
					f.v.seen[w.id] |= seenCapMid
				}
			}
		}
	}
	sc.words = all
	// Lower-case spellings matter only for words also written with a capital.
	for _, ws := range f.words {
		for i := range ws {
			if w := &ws[i]; !w.cap && f.v.seen[w.id]&seenCap != 0 {
				f.v.seen[w.id] |= seenLower
			}
		}
	}
	f.cands = slices.Grow(sc.cands[:0], caps/2)
	f.arena = slices.Grow(sc.arena[:0], caps)
	return f
}

// release returns the finder's working memory for the next call.
func (f *finder) release() {
	clear(f.cands) // drop the strings they hold
	clear(f.arena)
	f.sc.cands, f.sc.arena = f.cands[:0], f.arena[:0]
	scratchPool.Put(f.sc)
	f.sc = nil
}

// norm returns a word's normalised form.
func (f *finder) norm(w *word) string { return f.v.norm[w.id] }

// is reports whether a word belongs to any of the classes in cls.
func (f *finder) is(w *word, cls uint32) bool { return f.v.cls[w.id]&cls != 0 }

// capMid reports whether a word is capitalised where capitals mean something.
func (f *finder) capMid(w *word) bool { return f.v.seen[w.id]&seenCapMid != 0 }

// lowerSeen reports whether a word that is capitalised somewhere is also written in lower case.
func (f *finder) lowerSeen(w *word) bool { return f.v.seen[w.id]&seenLower != 0 }

func (f *finder) detect() {
	for d, ws := range f.words {
		for i := 0; i < len(ws); {
			if !startsName(&ws[i]) && !f.hyphenParticle(ws, i) {
				i++
				continue
			}
			if n := f.quotedTitle(d, ws, i); n > 0 {
				i += n
				continue
			}
			if i+1 < len(ws) && f.isParty(&ws[i], &ws[i+1]) {
				i++
				ws[i].gap = 'p'
				ws[i].party = true
				continue
			}
			j := i + 1
			for j < len(ws) {
				p, w := &ws[j-1], &ws[j]
				if p.poss && !(f.lowerSeen(p) || f.is(p, cTitle)) || w.initial || w.head || w.gap == '\n' || w.gap == 'p' {
					break // "Trump's campaign", but "Children's Learning Place"
				}
				if w.cap && f.endsName(p, w, ws[j+1:]) {
					break
				}
				if w.cap || w.acro {
					j++
					continue
				}
				if w.gap == '-' && j+1 < len(ws) && ws[j+1].gap == '-' && ws[j+1].cap && w.span.Len() <= 3 {
					j += 2 // "Lashkar-i-Taiba"
					continue
				}
				if j+1 < len(ws) && (f.connects(p, w, &ws[j+1]) || f.joinsAnd(ws, i, j)) {
					j += 2
					continue
				}
				break
			}
			var before, after *word
			if i > 0 {
				before = &ws[i-1]
			}
			if j < len(ws) {
				after = &ws[j]
			}
			f.run(d, ws[i:j], before, after)
			i = j
		}
	}
}

// titleSmall are the lower-case words of titles in headline case ("Meet the Press").
var titleSmall = set(`a an the of to on in at by for and or but nor with from as vs`)

// quotedTitle reads a title of a work in quotation marks at ws[i] ("Meet the Press",
// "State of the Union", "Block Together"): two to eight words, every word of four letters
// capitalised (small words aside: "the", "of"), no punctuation inside, and at least one
// word that is no name's (a small word, a function word, or a word the story writes in
// lower case), so that a quoted name ("Donald Trump", "President Clinton") stays a name.
// It records the title as one name of a work, whatever its last word ("Meet the Press",
// "State of the Union"), and returns how many words it covers, or 0.
func (f *finder) quotedTitle(d int, ws []word, i int) int {
	text := f.c.Docs[d].Text
	w := &ws[i]
	if !w.cap || w.head {
		return 0
	}
	prevEnd := 0
	if i > 0 {
		prevEnd = ws[i-1].span.End
	}
	if r, _ := utf8.DecodeLastRuneInString(text[prevEnd:w.span.Start]); !strings.ContainsRune("\"“‘'", r) {
		return 0
	}
	common := false
	for j := i; j < len(ws) && j < i+8; j++ {
		x := &ws[j]
		if j > i && x.gap != ' ' {
			return 0
		}
		small := !x.cap && f.is(x, cStop) && titleSmall[f.norm(x)]
		switch {
		case small:
			common = true
		case x.cap:
			if f.is(x, cGiven) && !f.lowerSeen(x) || j > i && f.is(&ws[j-1], cStrongTitle) {
				return 0 // a name: "Donald Trump", "President Clinton"
			}
			common = common || f.is(x, cStop|cNotName) && !x.acro || f.lowerSeen(x)
		case isDigits(x.span.Of(text)):
		default:
			return 0 // a word in lower case: a sentence ("We got him"), no title
		}
		if x.poss && x.span.End < len(text) {
			return 0
		}
		rest := text[x.span.End:]
		rest = strings.TrimLeft(rest, ".,!?")
		r, _ := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("\"”’'", r) {
			continue
		}
		if j == i || small || !common {
			return 0
		}
		first := i
		if f.article(&ws[first]) {
			first++
		}
		if j == first {
			return 0
		}
		var before, after *word
		if first > 0 {
			before = &ws[first-1]
		}
		if j+1 < len(ws) {
			after = &ws[j+1]
		}
		if lx, ok := f.lexicon(d, ws[first:j+1], f.normAll(ws[first:j+1])); ok {
			f.add(d, ws[first:j+1], kindNone, &lx, before, after)
		} else {
			// Two votes, so that an organisation noun before it wins: `the group "Truckers
			// for the Constitution"`.
			f.add(d, ws[first:j+1], kindNone, nil, before, after)
			f.cands[len(f.cands)-1].votes[kindOther] += 2
		}
		return j + 1 - i
	}
	return 0
}

// normAll returns the normalised words of ws in the finder's scratch slice.
func (f *finder) normAll(ws []word) []string {
	toks := f.scratch[:0]
	for k := range ws {
		toks = append(toks, f.norm(&ws[k]))
	}
	f.scratch = toks
	return toks
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// hyphenParticle reports whether ws[i] is an Arabic article joined to a name by a hyphen:
// "al-Qaida", "el-Sisi".
func (f *finder) hyphenParticle(ws []word, i int) bool {
	if i+1 >= len(ws) || ws[i].cap || ws[i+1].gap != '-' || !ws[i+1].cap || ws[i+1].head {
		return false
	}
	n := f.norm(&ws[i])
	return n == "al" || n == "el"
}

// endsName reports whether a capitalised word w cannot go on the name that p ends:
// the pronoun "I" ("When Mark returned to Hawaii I met him"), or a function word after an
// abbreviation's period, which opens a sentence ("Florence, Colo. The auction").
func (f *finder) endsName(p, w *word, next []word) bool {
	if w.acro || !f.is(w, cStop) {
		return false
	}
	if w.letter() && f.norm(w) == "i" {
		return len(next) == 0 || !next[0].cap
	}
	return p.dotted || f.is(p, cAbbrev)
}

// ofName reports whether a run is an organisation name built with "of" ("Department of").
func (f *finder) ofName(ws []word) bool {
	return len(ws) >= 3 && f.is(&ws[0], cOrgFirst|cOrgHead) && (f.norm(&ws[1]) == "of" || f.norm(&ws[1]) == "for")
}

func startsName(w *word) bool { return (w.cap || w.acro) && !w.head }

// connects reports whether a lower-case word w joins the capitalised words p and n into
// one name: "Department of Justice", "Benicio del Toro".
func (f *finder) connects(p, w, n *word) bool {
	if !n.cap || n.initial || n.head || w.gap != ' ' || n.gap != ' ' || p.poss || w.poss {
		return false
	}
	switch f.norm(w) {
	case "of":
		return f.is(p, cOrgFirst|cOrgHead|cPlaceHead) || f.norm(p) == "republic" || f.norm(p) == "gulf"
	case "for":
		return f.is(p, cOrgFirst|cOrgHead) // "Centers for Disease Control", "Campaign for …"
	}
	return f.is(w, cParticle) && !f.is(w, cGiven)
}

// joinsAnd reports whether "and" at ws[j] joins one name: "Department of Justice and
// Security", or a name whose words after "and" end with an organisation's head ("Food and
// Drug Administration", "Centers for Disease Control and Prevention").
func (f *finder) joinsAnd(ws []word, i, j int) bool {
	if f.norm(&ws[j]) != "and" || ws[j].gap != ' ' || j+1 >= len(ws) || !ws[j+1].cap || ws[j+1].initial || ws[j+1].gap != ' ' {
		return false
	}
	if f.ofName(ws[i:j]) {
		return true
	}
	for k := i; k < j; k++ {
		if f.is(&ws[k], cOrgHead) {
			return false // two names: "… Healthcare System and Utrecht University"
		}
	}
	for k := j + 1; k < len(ws) && k <= j+3 && ws[k].cap && !ws[k].initial; k++ {
		if f.is(&ws[k], cOrgHead) {
			return true
		}
	}
	return false
}

func (g Gender) known() bool { return g != Unknown }

// run turns one run of capitalised words into candidates.
func (f *finder) run(d int, ws []word, before, after *word) {
	// Leading articles, sentence-opening words that are not names, and page furniture
	// ("Subscribe", "Credit"), after which a new fragment starts.
	fragment := false
	for len(ws) > 0 {
		w := &ws[0]
		switch {
		case f.article(w) || (w.initial || fragment) && f.common(w):
			fragment = false
		case f.is(w, cFurniture):
			fragment = true
		default:
			goto named
		}
		before = w
		ws = ws[1:]
	}
named:
	// Days and months split a run.
	for k := range ws {
		if f.is(&ws[k], cDate) && !(k == 0 && len(ws) >= 3 && !ws[1].acro && !f.is(&ws[1], cDate)) {
			f.run(d, ws[:k], before, &ws[k])
			f.run(d, ws[k+1:], &ws[k], after)
			return
		}
	}
	// Page furniture at the end ("Hayne Palmour IV Share Photo") is no part of a name.
	for len(ws) > 1 && f.is(&ws[len(ws)-1], cFurniture) {
		after = &ws[len(ws)-1]
		ws = ws[:len(ws)-1]
	}
	// Titles at the end ("Foreign Ministry Spokeswoman") are not part of a name.
	for len(ws) > 1 && f.is(&ws[len(ws)-1], cStrongTitle) {
		after = &ws[len(ws)-1]
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return
	}
	first, last := &ws[0], &ws[len(ws)-1]
	toks := f.scratch[:0]
	for k := range ws {
		toks = append(toks, f.norm(&ws[k]))
	}
	f.scratch = toks // reused: run only recurses after its last use of toks
	lx, inLex := f.lexicon(d, ws, toks)
	if !inLex && len(ws) > 1 && f.is(first, cNotName) && !f.is(last, cOrgHead|cOtherHead|cPlaceHead) {
		f.run(d, ws[1:], &ws[0], after) // "Russian Kremlin"
		return
	}
	if inLex {
		f.add(d, ws, kindNone, &lx, before, after)
		return
	}
	if len(ws) == 1 && (f.is(first, cNotName) || first.acro && f.termAcronym(d, first)) {
		return // "TV", "ICU"; "coronary heart disease (CHD)"
	}
	if len(ws) == 2 && f.is(last, cNotName) && demonymEnd(f.norm(last)) && !f.is(first, cTitle) {
		return // "Latin American countries", "South Korean": adjectives
	}
	if f.allStop(ws) {
		return // "All I", "We", "Could": function words capitalised in page text
	}
	// "Secretary of State Hillary Clinton": an office, then a person.
	if f.is(first, cTitle) {
		for k := 2; k < len(ws); k++ {
			if f.is(&ws[k], cGiven) && !f.is(&ws[k-1], cGiven) {
				f.add(d, ws[k:], kindPerson, nil, &ws[k-1], after)
				return
			}
		}
	}
	switch {
	case f.is(last, cOrgHead) || f.ofName(ws):
		f.add(d, ws, kindOrg, nil, before, after)
		return
	case f.is(last, cOtherHead) && len(ws) > 1:
		f.add(d, ws, kindOther, nil, before, after)
		return
	case len(ws) > 1 && (f.is(last, cPlaceHead) || f.is(first, cPlaceFirst)):
		// "Schertz-Cibolo-Universal City Independent School District": an organisation's
		// head inside wins over a place's at the end.
		k := kindPlace
		for i := 1; i < len(ws)-1; i++ {
			if f.is(&ws[i], cOrgHead) {
				k = kindOrg
			}
		}
		f.add(d, ws, k, nil, before, after)
		return
	}
	for i := 1; i < len(ws)-1; i++ {
		if f.is(&ws[i], cOrgHead) && f.norm(&ws[i+1]) == "of" {
			f.add(d, ws, kindOrg, nil, before, after) // "… University School of Medicine"
			return
		}
	}
	if f.is(first, cLex|cLexFirst) {
		// A place and a name: "New York Jets", "Cincinnati Bengals", "Chicago Police",
		// but not a title and a name: "U.S. House Democratic Leader Nancy Pelosi".
		for k := len(ws) - 1; k > 0; k-- {
			if lx, ok := f.lexicon(d, ws[:k], toks[:k]); ok && lx.typ == kindPlace && !f.is(&ws[k], cGiven|cTitle) && !f.titled(ws[k:]) && !f.place(d, ws[k:]) {
				f.add(d, ws, kindOrg, nil, before, after)
				return
			}
		}
		// A known place or organisation before a given name or a title: "US Sergey Kislyak".
		for k := len(ws) - 1; k > 0; k-- {
			if lx, ok := f.lexicon(d, ws[:k], toks[:k]); ok && f.is(&ws[k], cGiven|cTitle) {
				f.add(d, ws[:k], kindNone, &lx, before, &ws[k])
				f.run(d, ws[k:], &ws[k-1], after)
				return
			}
		}
	}
	// A title before a name: "House Minority Leader Nancy Pelosi", "Sen. Franken".
	t := -1
	for k := len(ws) - 1; k >= 0; k-- {
		if f.titleAt(ws, k) {
			t = k
			break
		}
	}
	if t == len(ws)-1 {
		if f.allTitles(ws) {
			return // "Attorney General", "National Security Adviser"
		}
		t = -1 // "Stephen King": a surname that is also a title
	}
	if t >= 0 && !f.is(&ws[t+1], cSuffix) {
		first := 0
		for first < t && !f.titleAt(ws, first) {
			first++
		}
		if first > 0 {
			if lx, ok := f.lookup(toks[:first]); ok {
				f.add(d, ws[:first], kindNone, &lx, before, &ws[first])
			}
		}
		if lx, ok := f.lexicon(d, ws[t+1:], toks[t+1:]); ok {
			f.add(d, ws[t+1:], kindNone, &lx, &ws[t], after) // "Chief White House Correspondent"
			return
		}
		f.add(d, ws[t+1:], kindPerson, nil, &ws[t], after)
		return
	}
	if len(ws) == 1 && (f.is(first, cNotName) || f.is(first, cTitle) && !first.acro) {
		return
	}
	f.add(d, ws, kindNone, nil, before, after)
}

// demonymEnd reports whether a word ends as the adjectives of peoples and places do
// ("American", "Korean", "Chinese", "Irish", "Pakistani").
func demonymEnd(w string) bool {
	for _, e := range []string{"an", "ese", "ish", "ic", "i"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// termAcronym reports whether an acronym in brackets abbreviates the words in lower case
// before it: a term, not a name ("coronary heart disease (CHD)").
func (f *finder) termAcronym(d int, w *word) bool {
	ws := f.words[d]
	i, _ := slices.BinarySearchFunc(ws, w.span.Start, func(x word, p int) int { return cmp.Compare(x.span.Start, p) })
	n := 0
	for _, r := range f.norm(w) {
		if r < 'a' || r > 'z' {
			return false
		}
		n++
	}
	if i < n || w.gap != 'p' || !strings.HasSuffix(strings.TrimRight(f.c.Docs[d].Text[ws[i-1].span.End:w.span.Start], " "), "(") {
		return false
	}
	lower := 0
	for k := range n {
		x := &ws[i-n+k]
		if k > 0 && x.gap != ' ' && x.gap != '-' || f.norm(x)[0] != f.norm(w)[k] {
			return false
		}
		if !x.cap {
			lower++
		}
	}
	return lower > 0 && !ws[i-1].cap
}

// titleAt reports whether word k of a run stands as a title: a title word, or a word
// the story also writes in lower case before a given name ("Plaintiff Myrna Arias").
func (f *finder) titleAt(ws []word, k int) bool {
	return f.is(&ws[k], cTitle) || k+1 < len(ws) && f.lowerSeen(&ws[k]) && f.is(&ws[k+1], cGiven)
}

// titled reports whether a title stands before the last word of ws.
func (f *finder) titled(ws []word) bool {
	for k := 0; k+1 < len(ws); k++ {
		if f.titleAt(ws, k) {
			return true
		}
	}
	return false
}

// allStop reports whether every word of a run is a function word.
func (f *finder) allStop(ws []word) bool {
	for i := range ws {
		if !f.is(&ws[i], cStop) || ws[i].acro {
			return false
		}
	}
	return true
}

// place reports whether a run is a known place ("Pacific" in "Asia-Pacific").
func (f *finder) place(d int, ws []word) bool {
	toks := make([]string, len(ws))
	for i := range ws {
		toks[i] = f.norm(&ws[i])
	}
	lx, ok := f.lexicon(d, ws, toks)
	return ok && lx.typ == kindPlace
}

// article reports whether w is "the", "a" or "an".
func (f *finder) article(w *word) bool {
	n := f.norm(w)
	return n == "the" || n == "a" || n == "an"
}

// lexicon looks words up in the lexicon: never words with apostrophes ("I'll" is not
// "Ill."), and abbreviations only with their period ("Del." but not "Del Harvey").
func (f *finder) lexicon(d int, ws []word, toks []string) (known, bool) {
	lx, ok := f.lookup(toks)
	if !ok {
		return lx, false
	}
	for i := range ws {
		if ws[i].apos {
			return lx, false
		}
	}
	if len(ws) == 1 && f.is(&ws[0], cAbbrevOnly) {
		text, end := f.c.Docs[d].Text, ws[0].span.End
		return lx, end < len(text) && text[end] == '.'
	}
	return lx, true
}

// lookup finds the lexicon entry of a run of normalised words, joining them in a
// scratch buffer (a map index by string(bytes) does not allocate).
func (f *finder) lookup(toks []string) (known, bool) {
	if len(toks) == 1 {
		lx, ok := lexicon[toks[0]]
		return lx, ok
	}
	b := f.keyBuf[:0]
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t...)
	}
	f.keyBuf = b
	lx, ok := lexicon[string(b)]
	return lx, ok
}

// common reports whether a capitalised word that opens a sentence is an ordinary word.
func (f *finder) common(w *word) bool {
	if f.is(w, cDate) {
		return true
	}
	if f.capMid(w) || f.is(w, cGiven|cLex) {
		return false
	}
	return f.is(w, cStop) || f.lowerSeen(w)
}

func inLexicon(norm string) bool { _, ok := lexicon[norm]; return ok }

func (f *finder) allTitles(ws []word) bool {
	for i := range ws {
		if !f.is(&ws[i], cTitle) && !(i > 0 && f.norm(&ws[i]) == "of") {
			return false
		}
	}
	return true
}

// isParty reports whether w is the party letter of a tag such as "D-Minn.".
func (f *finder) isParty(w, next *word) bool {
	if !w.letter() || next.gap != '-' || !next.cap {
		return false
	}
	n := f.norm(w)
	return n == "d" || n == "r" || n == "i"
}

// speechVerbs follow a speaker's name.
var speechVerbs = set(`said says told tells added adds asked asks wrote writes explained noted stated
replied responded answered claimed insisted argued recalled declared announced warned admitted
acknowledged confirmed denied tweeted testified`)

// add records a candidate with the evidence its words and neighbours give.
func (f *finder) add(d int, ws []word, k kind, lx *known, before, after *word) {
	if len(ws) == 0 {
		return
	}
	text := f.c.Docs[d].Text
	c := cand{doc: d, span: precis.Span{Start: ws[0].span.Start, End: ws[len(ws)-1].span.End}, lex: lx}
	c.text = c.span.Of(text)
	n := len(f.arena)
	for i := range ws {
		f.arena = append(f.arena, f.norm(&ws[i]))
	}
	c.toks = f.arena[n:len(f.arena):len(f.arena)]
	c.key = join(c.toks)
	if k != kindNone {
		c.votes[k] += 3
	}
	if len(ws) > 1 && f.is(&ws[0], cGiven) {
		c.votes[kindPerson] += 2
	}
	if len(ws) > 1 && f.is(&ws[len(ws)-1], cSuffix) {
		c.votes[kindPerson] += 2
	}
	if len(ws) == 1 && ws[0].acro {
		c.votes[kindOrg]++
	}
	if len(ws) == 1 && f.is(&ws[0], cGiven) && !ws[0].acro {
		c.votes[kindPerson]++ // "Mary", "Gloria"
	}
	if before != nil {
		switch {
		case f.is(before, cTitle|cPersonNoun) && !before.cap && before.gap != '\n':
			c.votes[kindPerson] += 2 // "spokeswoman Maria Zakharova", "counselor Maria Morales"
		case f.is(before, cOrgNoun) && !before.cap && before.gap != '\n':
			c.votes[kindOrg] += 2 // "chicken giant Tyson Foods"
		case f.is(before, cPlaceCue):
			c.votes[kindPlace]++
		case f.norm(before) == "the" && !before.cap && (after == nil || after.gap != ' ' || f.is(after, cStop|cSpeech) || ws[len(ws)-1].poss):
			c.votes[kindOrg]++ // "the Kremlin said", not "the Trump campaign"
		}
		if ws[0].party {
			c.votes[kindPlace] += 3
		}
	}
	if after != nil {
		switch {
		case f.is(after, cSpeech) && !after.cap && after.gap == ' ':
			c.votes[kindPerson]++
		case after.letter() && (f.norm(after) == "d" || f.norm(after) == "r") && after.gap != ' ':
			c.votes[kindPerson] += 2 // "Sen. Al Franken, D-Minnesota"
		case f.norm(after) == "who" && !after.cap:
			c.votes[kindPerson]++
		}
	}
	if after != nil && lx == nil {
		f.apposition(d, &c, after, text[c.span.End:after.span.Start])
	}
	c.weak = len(ws) == 1 && ws[0].initial && !f.capMid(&ws[0]) && lx == nil
	f.cands = append(f.cands, c)
}

// apposition reads what follows a name for its type: ", a Tyson spokesman" (a person),
// ", a Washington-based animal-advocacy organization" (an organisation), ", which" (not a
// person), ", Texas" (a place before its state), "-based" (a place).
func (f *finder) apposition(d int, c *cand, after *word, gap string) {
	if after.gap == '-' && f.norm(after) == "based" {
		c.votes[kindPlace] += 2
		return
	}
	if strings.TrimRight(gap, " ") != "," {
		return
	}
	ws := f.words[d]
	i, _ := slices.BinarySearchFunc(ws, after.span.Start, func(w word, p int) int { return cmp.Compare(w.span.Start, p) })
	switch n := f.norm(after); {
	case n == "which" && !after.cap:
		c.votes[kindOrg]++
		return
	case n == "a" || n == "an" || n == "the" || n == "who" || n == "whose":
	default:
		if lx, ok := lexicon[n]; ok && lx.typ == kindPlace && after.cap && i+1 < len(ws) && ws[i+1].gap != ' ' {
			c.votes[kindPlace] += 2 // "Springdale, Ark."
		}
		return
	}
	// The head of the apposition: its last noun before a preposition, comma or stop.
	for k := i + 1; k < len(ws) && k < i+8; k++ {
		w := &ws[k]
		if w.gap != ' ' && w.gap != '-' || f.is(w, cPlaceCue) && !w.cap || f.norm(w) == "of" || f.norm(w) == "for" {
			break
		}
		switch {
		case f.is(w, cPersonNoun) && !w.cap:
			c.votes[kindPerson] += 2
			return
		case f.is(w, cOrgNoun) && !w.cap:
			c.votes[kindOrg] += 2
			return
		}
	}
}

// docSentences returns document d's sentences, or nil when the corpus has none.
func docSentences(c *corpus.Corpus, d int) []precis.Sentence {
	if d+1 >= len(c.First) {
		return nil
	}
	return c.Sentences[c.First[d]:c.First[d+1]]
}

func join(toks []string) string { return strings.Join(toks, " ") }

// splitName normalises a name given as a string into words, possessives dropped.
func splitName(name string) []string {
	v := newVocab(8)
	ws := scan(nil, name, []precis.Sentence{{Tokens: token.Tokenize(name, precis.Span{End: len(name)})}}, v)
	toks := make([]string, len(ws))
	for i, w := range ws {
		toks[i] = v.norm[w.id]
	}
	return toks
}
