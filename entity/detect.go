package entity

import (
	"cmp"
	"slices"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
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
	votes [5]int
	lex   *known
	// weak marks a name seen only where capitals tell nothing (a sentence's first word,
	// a headline); it counts only when it matches a name seen elsewhere.
	weak bool
}

type finder struct {
	c     *corpus.Corpus
	words [][]word
	// lowerSeen holds words written in lower case somewhere; capMid, words capitalised
	// where capitals mean something.
	lowerSeen, capMid map[string]bool
	cands             []cand
	partyState        map[[2]int]bool // words that name the state of a party tag
	groups            []*group
	formsByKey        map[string]*form
}

func newFinder(c *corpus.Corpus) *finder {
	f := &finder{c: c, lowerSeen: map[string]bool{}, capMid: map[string]bool{}, partyState: map[[2]int]bool{}}
	f.words = make([][]word, len(c.Docs))
	for d := range c.Docs {
		var starts []int
		if len(c.First) > d+1 {
			for _, s := range c.Sentences[c.First[d]:c.First[d+1]] {
				starts = append(starts, s.Span.Start)
			}
		}
		ws := scan(c.Docs[d].Text, starts)
		f.words[d] = ws
		for _, w := range ws {
			if w.cap {
				f.capMid[w.norm] = f.capMid[w.norm] || !w.initial && !w.head
			}
		}
	}
	// Lower-case spellings matter only for words also written with a capital.
	for _, ws := range f.words {
		for _, w := range ws {
			if !w.cap {
				if _, ok := f.capMid[w.norm]; ok {
					f.lowerSeen[w.norm] = true
				}
			}
		}
	}
	return f
}

func (f *finder) detect() {
	for d, ws := range f.words {
		for i := 0; i < len(ws); {
			if !startsName(ws[i]) {
				i++
				continue
			}
			if i+1 < len(ws) && isParty(ws[i], &ws[i+1]) {
				i++
				ws[i].gap = 'p'
				f.partyState[[2]int{d, i}] = true
				continue
			}
			j := i + 1
			for j < len(ws) {
				p, w := ws[j-1], ws[j]
				if p.poss && !(f.lowerSeen[p.norm] || titles[p.norm]) || w.initial || w.head || w.gap == '\n' || w.gap == 'p' {
					break // "Trump's campaign", but "Children's Learning Place"
				}
				if w.cap || w.acro {
					j++
					continue
				}
				if j+1 < len(ws) && (f.connects(ws[j-1], w, ws[j+1]) || w.norm == "and" && ofName(ws[i:j]) && ws[j+1].cap && !ws[j+1].initial) {
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

// ofName reports whether a run is an organisation name built with "of" ("Department of").
func ofName(ws []word) bool {
	return len(ws) >= 3 && orgFirst[ws[0].norm] && ws[1].norm == "of"
}

func startsName(w word) bool { return (w.cap || w.acro) && !w.head }

// connects reports whether a lower-case word w joins the capitalised words p and n into
// one name: "Department of Justice", "Benicio del Toro".
func (f *finder) connects(p, w, n word) bool {
	if !n.cap || n.initial || n.head || w.gap != ' ' || n.gap != ' ' || p.poss || w.poss {
		return false
	}
	if w.norm == "of" {
		return orgFirst[p.norm] || orgHeads[p.norm] || placeHeads[p.norm] || p.norm == "republic" || p.norm == "gulf"
	}
	return particles[w.norm] && !givenNames[w.norm].known()
}

func (g Gender) known() bool { return g != Unknown }

// run turns one run of capitalised words into candidates.
func (f *finder) run(d int, ws []word, before, after *word) {
	// Leading articles and sentence-opening words that are not names.
	for len(ws) > 0 && (ws[0].norm == "the" || ws[0].norm == "a" || ws[0].norm == "an" || ws[0].initial && f.common(ws[0])) {
		before = &ws[0]
		ws = ws[1:]
	}
	// Days and months split a run.
	for k, w := range ws {
		if isDate(w.norm) && !(k == 0 && len(ws) >= 3 && !ws[1].acro && !isDate(ws[1].norm)) {
			f.run(d, ws[:k], before, &ws[k])
			f.run(d, ws[k+1:], &ws[k], after)
			return
		}
	}
	// Titles at the end ("Foreign Ministry Spokeswoman") are not part of a name.
	for len(ws) > 1 && strongTitles[ws[len(ws)-1].norm] {
		after = &ws[len(ws)-1]
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return
	}
	toks := make([]string, len(ws))
	for k, w := range ws {
		toks[k] = w.norm
	}
	lx, inLex := f.lexicon(d, ws, toks)
	if last := toks[len(toks)-1]; !inLex && len(ws) > 1 && notNames[toks[0]] && !orgHeads[last] && !otherHeads[last] && !placeHeads[last] {
		f.run(d, ws[1:], &ws[0], after) // "Russian Kremlin"
		return
	}
	if inLex {
		f.add(d, ws, kindNone, &lx, before, after)
		return
	}
	last := toks[len(toks)-1]
	switch {
	case orgHeads[last] || len(toks) > 2 && orgFirst[toks[0]] && toks[1] == "of":
		f.add(d, ws, kindOrg, nil, before, after)
		return
	case otherHeads[last] && len(toks) > 1:
		f.add(d, ws, kindOther, nil, before, after)
		return
	case placeHeads[last] && len(toks) > 1 || placeFirst[toks[0]] && len(toks) > 1:
		f.add(d, ws, kindPlace, nil, before, after)
		return
	}
	// A place and a name: "New York Jets", "Cincinnati Bengals", "Chicago Police".
	for k := len(ws) - 1; k > 0; k-- {
		if lx, ok := f.lexicon(d, ws[:k], toks[:k]); ok && lx.typ == kindPlace && !givenNames[toks[k]].known() && !titles[toks[k]] {
			f.add(d, ws, kindOrg, nil, before, after)
			return
		}
	}
	// A known place or organisation before a given name or a title: "US Sergey Kislyak".
	for k := len(ws) - 1; k > 0; k-- {
		if lx, ok := f.lexicon(d, ws[:k], toks[:k]); ok && (givenNames[toks[k]].known() || titles[toks[k]]) {
			f.add(d, ws[:k], kindNone, &lx, before, &ws[k])
			f.run(d, ws[k:], &ws[k-1], after)
			return
		}
	}
	// A title before a name: "House Minority Leader Nancy Pelosi", "Sen. Franken".
	t := -1
	for k := len(ws) - 1; k >= 0; k-- {
		if titles[toks[k]] {
			t = k
			break
		}
	}
	if t == len(ws)-1 {
		if allTitles(toks) {
			return // "Attorney General", "National Security Adviser"
		}
		t = -1 // "Stephen King": a surname that is also a title
	}
	if t >= 0 && !suffixes[toks[t+1]] {
		first := 0
		for first < t && !titles[toks[first]] {
			first++
		}
		if first > 0 {
			if lx, ok := lexicon[join(toks[:first])]; ok {
				f.add(d, ws[:first], kindNone, &lx, before, &ws[first])
			}
		}
		f.add(d, ws[t+1:], kindPerson, nil, &ws[t], after)
		return
	}
	if len(ws) == 1 && (notNames[ws[0].norm] || titles[ws[0].norm] && !ws[0].acro) {
		return
	}
	f.add(d, ws, kindNone, nil, before, after)
}

// lexicon looks words up in the lexicon: never words with apostrophes ("I'll" is not
// "Ill."), and abbreviations only with their period ("Del." but not "Del Harvey").
func (f *finder) lexicon(d int, ws []word, toks []string) (known, bool) {
	lx, ok := lexicon[join(toks)]
	if !ok {
		return lx, false
	}
	for _, w := range ws {
		if strings.ContainsAny(w.text, "'’") {
			return lx, false
		}
	}
	if len(ws) == 1 && abbrevOnly[toks[0]] {
		text, end := f.c.Docs[d].Text, ws[0].span.End
		return lx, end < len(text) && text[end] == '.'
	}
	return lx, true
}

// common reports whether a capitalised word that opens a sentence is an ordinary word.
func (f *finder) common(w word) bool {
	if isDate(w.norm) {
		return true
	}
	if f.capMid[w.norm] || givenNames[w.norm].known() || inLexicon(w.norm) {
		return false
	}
	return stopwords[w.norm] || f.lowerSeen[w.norm]
}

func inLexicon(norm string) bool { _, ok := lexicon[norm]; return ok }

func isDate(norm string) bool {
	switch norm {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "aug", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

func allTitles(toks []string) bool {
	for _, t := range toks {
		if !titles[t] {
			return false
		}
	}
	return true
}

// isParty reports whether w is the party letter of a tag such as "D-Minn.".
func isParty(w word, next *word) bool {
	return (w.text == "D" || w.text == "R" || w.text == "I") && next != nil && next.gap == '-' && next.cap
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
	c.toks = make([]string, len(ws))
	for i, w := range ws {
		c.toks[i] = w.norm
	}
	c.key = join(c.toks)
	if k != kindNone {
		c.votes[k] += 3
	}
	last := c.toks[len(c.toks)-1]
	if len(ws) > 1 && givenNames[c.toks[0]].known() {
		c.votes[kindPerson] += 2
	}
	if len(ws) > 1 && suffixes[last] {
		c.votes[kindPerson] += 2
	}
	if len(ws) == 1 && ws[0].acro {
		c.votes[kindOrg]++
	}
	if before != nil {
		switch {
		case titles[before.norm] && !before.cap:
			c.votes[kindPerson] += 2 // "spokeswoman Maria Zakharova"
		case placeCues[before.norm]:
			c.votes[kindPlace]++
		case before.norm == "the" && !before.cap && (after == nil || after.gap != ' ' || stopwords[after.norm] || speechVerbs[after.norm] || ws[len(ws)-1].poss):
			c.votes[kindOrg]++ // "the Kremlin said", not "the Trump campaign"
		}
		if f.partyState[[2]int{d, wordIndex(f.words[d], ws[0])}] {
			c.votes[kindPlace] += 3
		}
	}
	if after != nil {
		switch {
		case speechVerbs[after.norm] && !after.cap && after.gap == ' ':
			c.votes[kindPerson]++
		case (after.text == "D" || after.text == "R") && after.gap != ' ':
			c.votes[kindPerson] += 2 // "Sen. Al Franken, D-Minnesota"
		case after.norm == "who" && !after.cap:
			c.votes[kindPerson]++
		}
	}
	c.weak = len(ws) == 1 && ws[0].initial && !f.capMid[c.key] && lx == nil
	f.cands = append(f.cands, c)
}

func join(toks []string) string { return strings.Join(toks, " ") }

// splitName normalises a name given as a string into words, possessives dropped.
func splitName(name string) []string {
	ws := scan(name, nil)
	toks := make([]string, len(ws))
	for i, w := range ws {
		toks[i] = w.norm
	}
	return toks
}

// wordIndex returns the index of w in ws, found by its start.
func wordIndex(ws []word, w word) int {
	i, _ := slices.BinarySearchFunc(ws, w.span.Start, func(x word, start int) int { return cmp.Compare(x.span.Start, start) })
	return i
}
