package timeline

import (
	"regexp"
	"strings"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/date"
)

// Source tells where a document's reference date comes from.
type Source string

// The sources of a reference date, most trusted first.
const (
	Published Source = "published" // the document's publication date
	Dateline  Source = "dateline"  // "WASHINGTON, March 2 (Reuters) -" or "Posted: June 27, 2012"
	Story     Source = "story"     // inferred: the latest full date the story mentions
	NoSource  Source = ""
)

// Reference is the date a document's expressions are resolved against, and where it comes from.
type Reference struct {
	date.Reference
	Source Source
	// Span locates the dateline in the document's text (Source Dateline only).
	Span precis.Span
}

// headLimit is how far into a document a dateline or "Posted:" line is looked for.
const headLimit = 1500

// dateline returns the index in found of the expression that dates the document
// itself, or -1: a dateline ("WASHINGTON, March 2 (Reuters) -", "SYCAMORE, Ill., Dec. 3 —")
// or a publication line ("Posted: Wednesday, June 27, 2012 1:32 PM EDT").
func dateline(text string, found []date.Expr) int {
	for i, e := range found {
		if e.Span.Start > headLimit {
			break
		}
		if e.Value.Gran != date.Day || e.Kind != date.Absolute && e.Kind != date.Partial {
			continue
		}
		before := text[lineStart(text, e.Span.Start):e.Span.Start]
		if publishedLabel(before) && e.Kind == date.Absolute {
			return i
		}
		if placeName(before) && agencyDash(text[e.Span.End:min(len(text), e.Span.End+40)]) {
			return i
		}
	}
	return -1
}

func lineStart(text string, i int) int {
	if j := strings.LastIndexByte(text[:i], '\n'); j >= 0 {
		return j + 1
	}
	return 0
}

// clockTime is a time of day and zone between a publication label and its date:
// "Updated 9:04 PM ET Sun, 3 Sept 2017".
var clockTime = regexp.MustCompile(`(?i)\s*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{1,4}\s*)?$`)

// publishedLabel reports whether s ends with "Posted:", "Published on", "Updated:" and the like.
func publishedLabel(s string) bool {
	s = clockTime.ReplaceAllString(strings.TrimRight(s, " \t:|-–—"), "")
	s = strings.TrimRight(strings.ToLower(s), " \t:|-–—")
	for _, l := range []string{"posted", "published", "posted on", "published on", "first published", "updated", "last updated", "updated on", "date"} {
		if strings.HasSuffix(s, l) {
			return true
		}
	}
	return false
}

// placeName reports whether s is a dateline's place: upper-case words, an optional
// state or country, and a comma ("WASHINGTON,", "SYCAMORE, Ill.,", "LONDON —").
func placeName(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ",—–- ")
	if s == "" || len(s) > 60 {
		return false
	}
	head, _, _ := strings.Cut(s, ",")
	head = strings.TrimSpace(head)
	if len(head) < 3 {
		return false
	}
	letters := 0
	for _, r := range head {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == ' ' || r == '.' || r == '\'' || r == '-':
		default:
			return false
		}
	}
	return letters >= 3
}

// agencyDash reports whether s begins with an optional "(Reuters)" and a dash.
func agencyDash(s string) bool {
	s = strings.TrimLeft(s, " ")
	if strings.HasPrefix(s, "(") {
		end := strings.IndexByte(s, ')')
		if end < 0 || end > 30 {
			return false
		}
		s = strings.TrimLeft(s[end+1:], " ")
	}
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, ":")
}

// Inference chooses how a story's documents without a date of their own get a reference.
type Inference uint8

// The inference rules.
const (
	// InferSafe takes the latest date the story is known to be written on or after
	// (a publication date or dateline of another document, the latest full date mentioned),
	// and only when no year mentioned in the story comes after that date's year.
	InferSafe Inference = iota
	// InferNone leaves such documents without a reference.
	InferNone
	// InferLatest takes the latest date without the safety check (measured, not used).
	InferLatest
)

// references finds each document's reference date: its publication date, else its
// dateline, else the story's inferred date (see Inference).
func references(c *corpus.Corpus, found [][]date.Expr, lines []int, rule Inference) []Reference {
	refs := make([]Reference, len(c.Docs))
	var latest, exact time.Time
	maxYear := 0
	for d := range c.Docs {
		if p := c.Docs[d].Published; !p.IsZero() {
			refs[d] = Reference{Reference: date.Reference{Day: p, Exact: true}, Source: Published}
		} else if i := lines[d]; i >= 0 && found[d][i].Kind == date.Absolute {
			refs[d] = datelineRef(found[d][i], found[d][i].Value)
		}
		if refs[d].Exact && refs[d].Day.After(exact) {
			exact = refs[d].Day
		}
		for i, e := range found[d] {
			if e.Kind != date.Absolute || i == lines[d] {
				continue
			}
			if e.Value.Gran == date.Day && !e.Future {
				if t := e.Value.Start(); t.After(latest) {
					latest = t
				}
			}
			if e.Value.Gran != date.Decade && e.Value.Year > maxYear {
				maxYear = e.Value.Year
			}
		}
	}
	inferred := latest
	if rule == InferSafe && maxYear > latest.Year() {
		inferred = time.Time{}
	}
	if exact.After(inferred) {
		inferred = exact
	}
	for d := range c.Docs {
		if refs[d].Known() {
			continue
		}
		if i := lines[d]; i >= 0 && !inferred.IsZero() {
			// A dateline without its year ("WASHINGTON, March 2 (Reuters) -") takes the
			// story's year when that puts it no more than a week before the story's latest date.
			v := found[d][i].Value
			v.Year = inferred.Year()
			if v.Valid() && !v.Start().Before(inferred.AddDate(0, 0, -7)) {
				refs[d] = datelineRef(found[d][i], v)
				continue
			}
		}
		if rule != InferNone && !inferred.IsZero() {
			refs[d] = Reference{Reference: date.Reference{Day: inferred}, Source: Story}
		}
	}
	return refs
}

func datelineRef(e date.Expr, v date.Value) Reference {
	r := Reference{Reference: date.Reference{Day: v.Start(), Exact: true}, Source: Dateline}
	r.Span = e.Span
	return r
}
