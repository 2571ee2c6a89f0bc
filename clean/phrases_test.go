package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// referenceFind is phraseIndex.find written plainly: one search per phrase.
func referenceFind(s string) phraseMask {
	var m phraseMask
	lists := map[phraseMask][]string{
		inBoilerplate: boilerplate, inPlatformNotices: platformNotices, inPlayerNotices: playerNotices,
		inClickHere: clickHere, inCreditLabelKeys: creditLabelKeys, inContributionKeys: contributionKeys,
		inContactKeys: contactKeys, inCopyrightKeys: copyrightKeys, inSlashKeys: slashKeys,
	}
	for list, ps := range lists {
		if containsAny(s, ps) {
			m |= list
		}
	}
	if containsAnyWord(s, reportedSpeech) {
		m |= inReportedSpeech
	}
	return m
}

// TestPhraseIndex: the one-pass search finds what a search per phrase finds,
// on every line of the golden inputs and on lines made to hit the edges.
func TestPhraseIndex(t *testing.T) {
	lines := []string{
		"", "s", "/", "@", "©", "(c)", "said", "unsaid", "said.", "he said", "saidx", "— said —",
		"according to", "according tox", "accordingly to", "tweet with a location and more",
		"we use cookies and we use cookies", "click here", "click her", "foo/bar", "a by b",
		"contributed", "follow", "photographer", "illustrations", "saysaid said", "é said é", "ésaid",
	}
	inputs, _ := filepath.Glob("testdata/*/input.txt")
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			lines = append(lines, strings.ToLower(l))
		}
	}
	for _, l := range lines {
		if got, want := findPhrases(l), referenceFind(l); got != want {
			t.Errorf("find(%q) = %b, want %b", l, got, want)
		}
	}
}
