package token

import (
	"strings"
	"sync/atomic"

	"github.com/precis-news/precis/stem"
)

// word is what Tokenize derives from a word as written: computed once per
// process and spelling, since news vocabularies repeat.
type word struct {
	text        string
	lower, stem string
	stop        bool
}

// lookup returns the lower-case form, stem and stop flag of a word as written.
//
// The cache is direct-mapped: a fixed table of slots indexed by a hash of the
// word, each slot holding the last word that hashed there. Reads and writes are
// single atomic operations, so it is safe for concurrent use without locks, and
// its memory is bounded by construction. It calls the uncached stemmer: this
// cache already keeps the stem, the stem package's cache would double it.
func lookup(text string) *word {
	if len(text) > maxCachedLen {
		return derive(text)
	}
	slot := &cache[hash(text)&(cacheSlots-1)]
	if w := slot.Load(); w != nil && w.text == text {
		return w
	}
	w := derive(strings.Clone(text)) // do not keep the whole document alive
	slot.Store(w)
	return w
}

func derive(text string) *word {
	l := lower(text)
	return &word{text: text, lower: l, stem: stem.Uncached(l), stop: IsStop(l) && text != "US"}
}

const (
	cacheSlots   = 1 << 16 // a power of two: 512 KB of pointers
	maxCachedLen = 32
)

var cache [cacheSlots]atomic.Pointer[word]

// hash is FNV-1a.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
