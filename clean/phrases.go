package clean

import (
	"strings"
	"unicode/utf8"
)

// The phrase lists that the rules look for in a line's lower-case text are
// found in one pass over it, instead of one strings.Contains per phrase: a
// line of news is read once rather than some seventy times.

// A phraseList names one of the lists as a bit of a phraseMask.
type phraseMask uint32

const (
	inBoilerplate phraseMask = 1 << iota
	inPlatformNotices
	inPlayerNotices
	inClickHere
	inCreditLabelKeys
	inContributionKeys
	inContactKeys
	inCopyrightKeys
	inSlashKeys
	// inReportedSpeech counts only whole words (see countWord).
	inReportedSpeech
)

var (
	contributionKeys = []string{"contributed", " by"}
	contactKeys      = []string{"@", "follow"}
	copyrightKeys    = []string{"©", "(c)", "copyright"}
	slashKeys        = []string{"/"}
)

// phrase is one phrase of the lists, and the lists that hold it.
type phrase struct {
	text string
	// mask: the lists where any occurrence counts; whole: where only a whole word does.
	mask, whole phraseMask
}

// phraseIndex finds phrases by their first byte, or first two bytes.
type phraseIndex struct {
	single [256]phraseMask // one-byte phrases
	// byPair[a][b] lists the phrases of two bytes or more opening with a, b.
	byPair [256]*[256][]phrase
}

var phrases = newPhraseIndex(map[phraseMask][]string{
	inBoilerplate:      boilerplate,
	inPlatformNotices:  platformNotices,
	inPlayerNotices:    playerNotices,
	inClickHere:        clickHere,
	inCreditLabelKeys:  creditLabelKeys,
	inContributionKeys: contributionKeys,
	inContactKeys:      contactKeys,
	inCopyrightKeys:    copyrightKeys,
	inSlashKeys:        slashKeys,
	inReportedSpeech:   reportedSpeech,
})

func newPhraseIndex(lists map[phraseMask][]string) *phraseIndex {
	x := new(phraseIndex)
	for list, ps := range lists {
		for _, p := range ps {
			if len(p) == 1 {
				x.single[p[0]] |= list
				continue
			}
			t := x.byPair[p[0]]
			if t == nil {
				t = new([256][]phrase)
				x.byPair[p[0]] = t
			}
			bucket := &t[p[1]]
			k := 0
			for k < len(*bucket) && (*bucket)[k].text != p {
				k++
			}
			if k == len(*bucket) {
				*bucket = append(*bucket, phrase{text: p})
			}
			if list == inReportedSpeech {
				(*bucket)[k].whole |= list
			} else {
				(*bucket)[k].mask |= list
			}
		}
	}
	return x
}

// find returns the lists that have a phrase in s: s contains one of its
// phrases (strings.Contains), or one of its whole-word phrases as a whole word.
func (x *phraseIndex) find(s string) phraseMask {
	var m phraseMask
	for i := 0; i < len(s); i++ {
		c := s[i]
		m |= x.single[c]
		t := x.byPair[c]
		if t == nil || i+1 >= len(s) {
			continue
		}
		for _, p := range t[s[i+1]] {
			if !strings.HasPrefix(s[i:], p.text) {
				continue
			}
			m |= p.mask
			if p.whole&^m != 0 && wholeWordAt(s, i, i+len(p.text)) {
				m |= p.whole
			}
		}
	}
	return m
}

// wholeWordAt reports whether s[start:end] is not inside a longer word, as countWord counts it.
func wholeWordAt(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return !isWordRune(before) && !isWordRune(after)
}
