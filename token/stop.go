package token

import (
	_ "embed"
	"strings"
)

// The stopword lists: the Snowball project's English list (BSD, see NOTICE) and
// this project's additions for news. One or more words a line; "|" starts a comment.
var (
	//go:embed stop_snowball.txt
	stopSnowball string
	//go:embed stop_news.txt
	stopNews string
)

var stopwords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, list := range []string{stopSnowball, stopNews} {
		for _, line := range strings.Split(list, "\n") {
			line, _, _ = strings.Cut(line, "|")
			for _, w := range strings.Fields(line) {
				m[w] = struct{}{}
			}
		}
	}
	return m
}()

// IsStop reports whether a lower-case word is a stopword: a function word of the
// Snowball English list, or one of the news additions (auxiliaries such as "will"
// and "may", "us", "mr", "also", and the reporting verbs "said", "says", "say",
// "told", "according"). The apostrophe must be the plain ' ("don't").
func IsStop(lower string) bool {
	_, ok := stopwords[lower]
	return ok
}
