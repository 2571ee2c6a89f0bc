// Package stem reduces English words to their Snowball (Porter2) stems.
package stem

import (
	"strings"
	"sync/atomic"
)

// English returns the English Snowball stem of a lower-case word: "senators" →
// "senat", "running" → "run", "sessions'" → "session". Every word is stemmed,
// stopwords too ("being" → "be"); deciding what to drop is the token package's job.
// The parts of a hyphenated word are stemmed one by one ("then-senators" →
// "then-senat") so that the last part stems as it does alone.
//
// Words of ASCII letters go through a byte-level port of the Snowball library
// (porter2.go, checked against it word for word); other words through the library.
// Stems are cached per process: news vocabularies repeat, and a hit costs a
// fraction of a stemming. English is safe for concurrent use.
func English(lower string) string {
	if len(lower) <= 2 {
		return lower
	}
	if len(lower) > maxCachedLen {
		return Uncached(lower)
	}
	slot := &cache[hash(lower)&(cacheSlots-1)]
	if e := slot.Load(); e != nil && e.word == lower {
		return e.stem
	}
	e := &entry{word: strings.Clone(lower)}
	e.stem = Uncached(e.word)
	slot.Store(e)
	return e.stem
}

// Uncached is English without the cache, for measurement and for callers that
// stem once.
func Uncached(lower string) string {
	if strings.IndexByte(lower, '-') < 0 {
		return porter2(lower)
	}
	parts := strings.Split(lower, "-")
	for i, p := range parts {
		parts[i] = porter2(p)
	}
	return strings.Join(parts, "-")
}

// The cache is direct-mapped: a fixed table of slots indexed by a hash of the
// word, each holding the last word that hashed there. A read or a write is one
// atomic operation, so it needs no lock, and its memory is bounded by construction.
const (
	cacheSlots   = 1 << 15 // a power of two
	maxCachedLen = 32
)

type entry struct{ word, stem string }

var cache [cacheSlots]atomic.Pointer[entry]

// hash is FNV-1a.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
