package clean

import "github.com/precis-news/precis/internal/phrases"

// The phrase lists that the rules look for in a line's lower-case text are
// found in one pass over it (phrases.Index), instead of one strings.Contains
// per phrase: a line of news is read once rather than some seventy times.

// A phraseMask holds one bit per list of phraseIndex.
type phraseMask = uint64

// The lists, in the order of phraseLists.
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
	inContributed
)

var (
	contributionKeys = []string{"contributed", " by"}
	contactKeys      = []string{"@", "follow"}
	copyrightKeys    = []string{"©", "(c)", "copyright"}
	slashKeys        = []string{"/"}
)

var phraseIndex = phrases.New(boilerplate, platformNotices, playerNotices, clickHere, creditLabelKeys,
	contributionKeys, contactKeys, copyrightKeys, slashKeys, reportedSpeech, []string{"contributed"})

// findPhrases returns the lists that s holds a phrase of: anywhere, or as a
// whole word for inReportedSpeech.
func findPhrases(s string) phraseMask { return phraseIndex.Find(s, inReportedSpeech) }
