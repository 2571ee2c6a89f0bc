package clean

// The tests of this file check each fast path of the package against the
// plain code it replaces.

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
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
	if strings.Contains(s, "contributed") {
		m |= inContributed
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

// TestGates: the cheap tests that skip an expression never skip a line it matches.
func TestGates(t *testing.T) {
	lines := []string{
		"ABC News' Chris Donovan contributed to this report.", "Jane Roe CONTRIBUTED REPORTING.",
		"(Reporting by Jane Doe; Editing by John Roe)", "Additional reporting by Jane Doe", "WRITTEN BY Jane Doe",
		"Compiled by Jane Doe", "Text; editing by Jane Doe", "Reporting by Jane Doe", "(Research by Jane Doe)",
		"FILE - In this April 17, 2018 file photo, the senator speaks.", "In this undated image provided by the police, a car.",
		"This 2013 photo released by the agency shows a dam.", "These video stills show the crowd.",
		"In this screen grab taken from video, a man walks.", "In THIS FRAME GRAB from video provided by X, a man.",
		"View Images The skull of a dinosaur.", "See gallery below", "In the house, he said.",
	}
	inputs, _ := filepath.Glob("testdata/*/input.txt")
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	matched := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		f := newFeatures(l)
		if contribution.MatchString(f.split) {
			matched++
			if !contributionPossible(f) {
				t.Errorf("contributionPossible(%q) = false, but contribution matches", l)
			}
		}
		if f.opens(captionFirst) && captionOpening.MatchString(f.split) {
			matched++
			if !captionPossible(f) {
				t.Errorf("captionPossible(%q) = false, but captionOpening matches", l)
			}
		}
	}
	if matched < 15 {
		t.Errorf("only %d lines matched an expression: the test tests little", matched)
	}
}

// referenceTokens is tokens with hash/fnv, rune by rune.
func referenceTokens(s string) []uint64 {
	var out []uint64
	h := fnv.New64a()
	in := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h.Write([]byte(string(unicode.ToLower(r))))
			in = true
			continue
		}
		if in {
			out = append(out, h.Sum64())
			h.Reset()
			in = false
		}
	}
	if in {
		out = append(out, h.Sum64())
	}
	return out
}

func FuzzTokens(f *testing.F) {
	f.Add("Sessions' e-mailSend: ÉTÉ 2017 \xff naïve")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokens(s), referenceTokens(s); !slices.Equal(got, want) {
			t.Errorf("tokens(%q) = %x, want %x", s, got, want)
		}
	})
}

// containsAnyWord reports whether s holds one of words, whole (not inside a longer word).
func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if countWord(s, w, 1) > 0 {
			return true
		}
	}
	return false
}
