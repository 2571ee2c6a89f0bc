package rouge

import (
	_ "embed"
	"strings"
	"sync"
)

// smartStopwords is ROUGE-1.5.5's data/smart_common_words.txt (see data/README.md).
//
//go:embed data/smart_common_words.txt
var smartStopwords string

// stopwords returns the set that ROUGE's -s removes: each line of the file, without its
// newline.
var stopwords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 600)
	for line := range strings.SplitSeq(strings.TrimSuffix(smartStopwords, "\n"), "\n") {
		m[line] = true
	}
	return m
})

// IsStopword reports whether ROUGE-1.5.5's -s removes the (lower-case) token.
func IsStopword(token string) bool { return stopwords()[token] }
