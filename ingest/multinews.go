package ingest

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
)

// The marks of the Multi-News line format: documents of a cluster are separated
// by "|||||" and their newlines are written "NEWLINE_CHAR".
const (
	multiNewsSep     = "|||||"
	multiNewsNewline = "NEWLINE_CHAR"
)

// isMultiNews reports whether b is in the Multi-News line format: it holds the
// document separator, or writes its newlines as NEWLINE_CHAR.
func isMultiNews(b []byte) bool {
	head := b[:min(len(b), 1<<20)]
	return bytes.Contains(head, []byte(multiNewsSep)) || bytes.Count(head, []byte(multiNewsNewline)) >= 2
}

// multiNews reads Multi-News lines: one cluster per line, its documents
// separated by "|||||". A document's id is the file's id and its number in
// the cluster ("a-1", "a-2"), with the line number too when the file holds
// several clusters ("a-3.1"); several clusters are read as one story, with a warning.
func (r *reader) multiNews(s, source, base string) {
	var lines []string
	var lineNo []int
	for i, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
			lineNo = append(lineNo, i+1)
		}
	}
	if len(lines) > 1 {
		r.warnings = append(r.warnings, &Problem{Source: source, Err: repairf("%d Multi-News clusters (lines): their documents are read together as one story", len(lines))})
	}
	for k, l := range lines {
		parts := strings.Split(l, multiNewsSep)
		n := 0
		for j, p := range parts {
			text := strings.ReplaceAll(p, multiNewsNewline, "\n")
			text = strings.Trim(text, " \t\n")
			id := base + "-" + strconv.Itoa(j+1)
			if len(lines) > 1 {
				id = base + "-" + strconv.Itoa(lineNo[k]) + "." + strconv.Itoa(j+1)
			}
			if text == "" {
				if len(parts) > 1 {
					r.warn(&Problem{Source: source, Line: lineNo[k], Err: precis.Errorf(precis.ErrInvalid, "document %d of the cluster is empty", j+1)})
				}
				continue
			}
			d := precis.Document{ID: id, Source: source, Text: tidyMultiNews(text)}
			r.docs = append(r.docs, d)
			n++
		}
		if n == 0 {
			r.warn(&Problem{Source: source, Line: lineNo[k], Err: precis.Errorf(precis.ErrInvalid, "no document in the cluster")})
		}
	}
}

// tidyMultiNews undoes the spacing of the Multi-News dumps, which put a space
// around each NEWLINE_CHAR: lines are trimmed, and runs of blank lines become one.
func tidyMultiNews(s string) string {
	ls := strings.Split(s, "\n")
	out := ls[:0]
	blank := false
	for _, l := range ls {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
