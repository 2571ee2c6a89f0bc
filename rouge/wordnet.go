package rouge

import (
	"embed"
	"strings"
	"sync"
)

//go:embed data/wordnet-2.0-exc/adj.exc data/wordnet-2.0-exc/adv.exc data/wordnet-2.0-exc/noun.exc data/wordnet-2.0-exc/verb.exc data/wordnet-2.0-exc/LICENSE
var wordnetFS embed.FS

// exceptionFiles are read in this order, as ROUGE-1.5.5's WordNet-2.0.exc.db was built, and
// a later line overrides an earlier one: better and best become "well" (adv.exc) rather
// than "good" (adj.exc).
var exceptionFiles = []string{"adj.exc", "adv.exc", "noun.exc", "verb.exc"}

// exceptions returns the WordNet 2.0 exception table that ROUGE's -m consults: each line
// maps its first field to its second (further fields are ignored). It has 5,930 keys.
var exceptions = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 6000)
	for _, name := range exceptionFiles {
		data, _ := wordnetFS.ReadFile("data/wordnet-2.0-exc/" + name) // embedded: cannot fail
		for line := range strings.SplitSeq(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 {
				m[f[0]] = f[1]
			}
		}
	}
	return m
})

// Stem returns what ROUGE-1.5.5's -m makes of a token: tokens of 3 bytes or fewer are kept;
// a longer token found in the WordNet 2.0 exception lists becomes its lemma, which is not
// stemmed further; any other token becomes its [Porter] stem. So geese → goose but
// goose → goos, and better → well.
func Stem(token string) string {
	if len(token) <= 3 {
		return token
	}
	if lemma, ok := exceptions()[token]; ok {
		return lemma
	}
	return Porter(token)
}
