package token

import (
	"strings"
	"sync"

	"github.com/precis-news/precis/stem"
)

// word is what Tokenize derives from a word as written: computed once per
// process and spelling, since news vocabularies repeat.
type word struct {
	lower, stem string
	stop        bool
}

// lookup returns the lower-case form, stem and stop flag of a word as written.
// It is safe for concurrent use; the cache is bounded. It calls the uncached
// stemmer: this cache already keeps the stem, the stem package's would double it.
func lookup(text string) word {
	if len(text) > maxCachedLen {
		return derive(text)
	}
	sh := &cache[shardOf(text)]
	sh.mu.RLock()
	w, ok := sh.m[text]
	sh.mu.RUnlock()
	if ok {
		return w
	}
	text = strings.Clone(text) // do not keep the whole document alive
	w = derive(text)
	sh.mu.Lock()
	if len(sh.m) >= shardCap {
		clear(sh.m)
	}
	sh.m[text] = w
	sh.mu.Unlock()
	return w
}

func derive(text string) word {
	l := lower(text)
	return word{lower: l, stem: stem.Uncached(l), stop: IsStop(l) && text != "US"}
}

const (
	shards       = 64
	shardCap     = 4096
	maxCachedLen = 32
)

type shard struct {
	mu sync.RWMutex
	m  map[string]word
}

var cache [shards]shard

func init() {
	for i := range cache {
		cache[i].m = make(map[string]word, 256)
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
