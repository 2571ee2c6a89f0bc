package entity

import "unsafe"

// Word classes: what the lexicon and the word lists say of a normalised word, as bits,
// so that the finder tests a word with one array index instead of a map lookup per list.
const (
	cTitle uint32 = 1 << iota
	cStrongTitle
	cOrgHead
	cOrgFirst
	cPlaceHead
	cPlaceFirst
	cOtherHead
	cSuffix
	cParticle
	cPlaceCue
	cStop
	cNotName
	cDate
	cSpeech
	cGiven    // a given name in the lexicon
	cLex      // a lexicon name of one word
	cLexFirst // the first word of a lexicon name of several words
	cAbbrev
	cAbbrevOnly
	cFurniture
	cPersonNoun
	cOrgNoun
)

// classes maps a normalised word to its classes; built once, after the lexicon.
var classes map[string]uint32

func buildClasses() {
	classes = map[string]uint32{}
	for _, l := range []struct {
		words map[string]bool
		bit   uint32
	}{
		{titles, cTitle}, {strongTitles, cStrongTitle}, {orgHeads, cOrgHead}, {orgFirst, cOrgFirst},
		{placeHeads, cPlaceHead}, {placeFirst, cPlaceFirst}, {otherHeads, cOtherHead}, {suffixes, cSuffix},
		{particles, cParticle}, {placeCues, cPlaceCue}, {stopwords, cStop}, {notNames, cNotName},
		{speechVerbs, cSpeech}, {abbrevs, cAbbrev}, {abbrevOnly, cAbbrevOnly}, {furniture, cFurniture},
		{personNouns, cPersonNoun}, {orgNouns, cOrgNoun},
	} {
		for w := range l.words {
			classes[w] |= l.bit
		}
	}
	for w, g := range givenNames {
		if g.known() {
			classes[w] |= cGiven
		}
	}
	for _, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "aug", "sept", "oct", "nov", "dec"} {
		classes[w] |= cDate
	}
	for form := range lexicon {
		first, _, several := cut(form)
		if several {
			classes[first] |= cLexFirst
		} else {
			classes[form] |= cLex
		}
	}
}

// cut splits s at its first space.
func cut(s string) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// vocab numbers the distinct normalised words of one story and keeps, for each, its
// classes and how the story writes it.
type vocab struct {
	// ids maps lower-case forms as the tokenizer gives them, and normalised forms, to
	// ids; a plain word is both.
	ids  map[string]int32
	norm []string
	cls  []uint32
	seen []uint8 // seenCap, seenCapMid, seenLower
	// recent remembers where the tokenizer's shared lower-case strings were last found:
	// the tokenizer hands out one string per spelling, so most words are found here
	// by their address, without hashing.
	recent [1024]recentSlot
}

type recentSlot struct {
	p  *byte
	n  int
	id int32
}

const (
	seenCap uint8 = 1 << iota
	seenCapMid
	seenLower
)

func newVocab(size int) *vocab {
	return &vocab{ids: make(map[string]int32, size), norm: make([]string, 0, size), cls: make([]uint32, 0, size), seen: make([]uint8, 0, size)}
}

// reset empties the vocabulary for another story, keeping its memory.
func (v *vocab) reset() {
	clear(v.ids)
	clear(v.norm) // drop the strings
	v.norm, v.cls, v.seen = v.norm[:0], v.cls[:0], v.seen[:0]
	clear(v.recent[:]) // addresses of the last story's strings mean nothing now
}

// lower returns the id of a word given in lower case (apostrophes as ').
func (v *vocab) lower(s string) int32 {
	p := unsafe.StringData(s)
	slot := &v.recent[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(s)))%uintptr(len(v.recent))]
	if slot.p == p && slot.n == len(s) && p != nil {
		return slot.id
	}
	id, ok := v.ids[s]
	if !ok {
		id = v.id(normWord(s))
		v.ids[s] = id
	}
	*slot = recentSlot{p, len(s), id}
	return id
}

// id returns the id of a normalised word, numbering it if new.
func (v *vocab) id(norm string) int32 {
	if id, ok := v.ids[norm]; ok {
		return id
	}
	id := int32(len(v.norm))
	v.ids[norm] = id
	v.norm = append(v.norm, norm)
	v.cls = append(v.cls, classes[norm])
	v.seen = append(v.seen, 0)
	return id
}
