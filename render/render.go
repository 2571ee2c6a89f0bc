// Package render writes a brief for people (text, Markdown) and for programs (JSON).
package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
)

// Format names an output format.
type Format string

// The formats.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	JSON     Format = "json"
)

// Formats returns the formats, the default first.
func Formats() []Format { return []Format{Text, Markdown, JSON} }

// ErrFormat is returned for an unknown format; it also matches precis.ErrInvalid.
var ErrFormat = fmt.Errorf("render: unknown format (have text, markdown, json): %w", precis.ErrInvalid)

// ParseFormat returns the format named s ("md" is Markdown).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "text", "txt":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "json":
		return JSON, nil
	}
	return "", fmt.Errorf("%q: %w", s, ErrFormat)
}

// Write writes b to w in format f.
func Write(w io.Writer, b *precis.Brief, f Format) error {
	switch f {
	case Text:
		return WriteText(w, b)
	case Markdown:
		return WriteMarkdown(w, b)
	case JSON:
		return WriteJSON(w, b)
	}
	return fmt.Errorf("%q: %w", f, ErrFormat)
}

// WriteJSON writes b as indented JSON: the contract documented in docs/json.md.
// Lists the brief leaves nil are written as [] so that readers never meet null.
func WriteJSON(w io.Writer, b *precis.Brief) error {
	out := *b
	fill(&out.Documents)
	fill(&out.Summary)
	fill(&out.Quotes)
	fill(&out.Entities)
	fill(&out.Timeline)
	fill(&out.Disagreements)
	fill(&out.Coverage)
	fill(&out.Shared)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

func fill[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

// numbers maps document IDs to their citation numbers, from 1, in the order of b.Documents.
func numbers(b *precis.Brief) map[string]int {
	m := make(map[string]int, len(b.Documents))
	for k, d := range b.Documents {
		if _, ok := m[d.ID]; !ok {
			m[d.ID] = k + 1
		}
	}
	return m
}

// cite writes the citation marker of ids: "[1,3]", numbers ascending, then
// unknown IDs by name in their order.
func cite(num map[string]int, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var nums []int
	var names []string
	for _, id := range ids {
		if n, ok := num[id]; ok {
			if !slices.Contains(nums, n) {
				nums = append(nums, n)
			}
		} else if !slices.Contains(names, id) {
			names = append(names, id)
		}
	}
	slices.Sort(nums)
	parts := make([]string, 0, len(nums)+len(names))
	for _, n := range nums {
		parts = append(parts, strconv.Itoa(n))
	}
	return "[" + strings.Join(append(parts, names...), ",") + "]"
}

func sourceIDs(s []precis.Source) []string {
	ids := make([]string, len(s))
	for k, x := range s {
		ids[k] = x.Doc
	}
	return ids
}

// oneLine collapses runs of white space (line breaks of hard-wrapped text) into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// describe returns a document's line in the list of sources: its title (its ID
// when it has none) and, in parentheses, its outlet, date and ID.
func describe(d precis.DocumentInfo) (title, about string) {
	title = oneLine(d.Title)
	if title == "" {
		title = d.ID
	}
	var parts []string
	if d.Outlet != "" {
		parts = append(parts, oneLine(d.Outlet))
	}
	if d.Published != "" {
		parts = append(parts, d.Published)
	}
	if title != d.ID {
		parts = append(parts, d.ID)
	}
	if len(parts) > 0 {
		about = " (" + strings.Join(parts, ", ") + ")"
	}
	return title, about
}

// errWriter remembers the first write error so that rendering code stays linear.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: bufio.NewWriter(w)} }

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

func (e *errWriter) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// undatedHeading introduces the events whose time expression the timeline
// could not place on a date (a weekday or a month in an article without a
// publication date, say).
const undatedHeading = "Not placed on a date"

// splitTimeline returns the dated events, then the undated ones, each in the
// timeline's order.
func splitTimeline(events []precis.Event) (dated, undated []precis.Event) {
	for _, ev := range events {
		if ev.Date == "" {
			undated = append(undated, ev)
		} else {
			dated = append(dated, ev)
		}
	}
	return dated, undated
}
