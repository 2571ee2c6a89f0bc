package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// FromText reads one plain-text article. A first short line that does not end
// as a sentence is the headline: it becomes the Title and leaves the body.
// Invalid UTF-8 is repaired as Read does (see decode), silently here; Read
// reports it. The error wraps precis.ErrInvalid when there is no text.
func FromText(text []byte, id string) (precis.Document, error) {
	s, _, err := decode(text)
	if err != nil {
		return precis.Document{ID: id}, fmt.Errorf("ingest: %w", err)
	}
	return fromText(s, id)
}

func fromText(s, id string) (precis.Document, error) {
	d := precis.Document{ID: id}
	d.Title, d.Text = headline(s)
	if strings.TrimSpace(d.Text) == "" && d.Title == "" {
		return d, precis.Errorf(precis.ErrInvalid, "ingest: empty text, nothing to read")
	}
	return d, nil
}

// maxHeadlineWords is the longest first line taken as a headline.
const maxHeadlineWords = 25

// headline splits a first line that reads as a headline from the body: short,
// not ending as a sentence (a final . , ; : or …), with more text after it.
// The body keeps its layout, less the headline and the blank lines around it.
func headline(s string) (title, body string) {
	s = strings.TrimLeft(s, " \t\n")
	first, rest, ok := strings.Cut(s, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return "", strings.TrimRight(s, " \t\n")
	}
	first = strings.TrimSpace(strings.TrimLeft(first, "#"))
	if !isHeadline(first) {
		return "", strings.TrimRight(s, " \t\n")
	}
	return first, strings.Trim(rest, "\n")
}

func isHeadline(line string) bool {
	n := len(strings.Fields(line))
	if n == 0 || n > maxHeadlineWords || !strings.ContainsFunc(line, unicode.IsLetter) {
		return false
	}
	t := strings.TrimRightFunc(line, func(r rune) bool { return strings.ContainsRune(`"'”’»`, r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;:…)]", r)
}

// Markdown: the marks that would otherwise reach the text as words.
var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdHeading  = regexp.MustCompile(`(?m)^#{1,6}[ \t]+`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdRule     = regexp.MustCompile(`(?m)^[ \t]*(?:[-*_][ \t]*){3,}$`)
	mdQuote    = regexp.MustCompile(`(?m)^[ \t]*>[ \t]?`)
)

// fromMarkdown reduces Markdown to plain text: headings, emphasis and quote
// marks dropped, links kept as their text, an image as its alt text.
func fromMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "$2")
	s = mdRule.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	return s
}
