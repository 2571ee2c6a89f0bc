// Package stem reduces English words to their Snowball (Porter2) stems.
package stem

import (
	"strings"
	"sync"
)

// English returns the English Snowball stem of a lower-case word: "senators" →
// "senat", "running" → "run", "Sessions'" → "session". Every word is stemmed,
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
	sh := &cache[shardOf(lower)]
	sh.mu.RLock()
	s, ok := sh.m[lower]
	sh.mu.RUnlock()
	if ok {
		return s
	}
	s = Uncached(lower)
	if len(lower) <= maxCachedLen {
		sh.mu.Lock()
		if len(sh.m) >= shardCap {
			clear(sh.m) // bound the memory a long-running server spends on rare words
		}
		sh.m[strings.Clone(lower)] = s
		sh.mu.Unlock()
	}
	return s
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

const (
	shards       = 64
	shardCap     = 4096 // 64 × 4096 = 262,144 words at most
	maxCachedLen = 32
)

type shard struct {
	mu sync.RWMutex
	m  map[string]string
}

var cache [shards]shard

func init() {
	for i := range cache {
		cache[i].m = make(map[string]string, 256)
	}
}

// shardOf hashes a word (FNV-1a) to its shard.
func shardOf(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h % shards
}
