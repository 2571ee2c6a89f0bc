package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/precis-news/precis"
)

// record is one article of JSON Lines or JSON input.
type record struct {
	ID        json.RawMessage `json:"id"` // a string or a number
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Author    string          `json:"author"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
}

// jsonLines reports whether b holds more than one JSON value one after the other.
func jsonLines(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	var v json.RawMessage
	if dec.Decode(&v) != nil {
		return bytes.Count(bytes.TrimSpace(b), []byte("\n")) > 0 && bytes.HasPrefix(bytes.TrimSpace(b), []byte("{"))
	}
	return dec.More()
}

// json reads JSON Lines (one article per line, blank lines allowed) or JSON
// (one article or an array of them). A broken line is a warning; the others are read.
func (r *reader) json(s, source, base string, lines bool) {
	if !lines {
		var one record
		var many []record
		t := strings.TrimSpace(s)
		var err error
		if strings.HasPrefix(t, "[") {
			err = json.Unmarshal([]byte(t), &many)
		} else {
			err = json.Unmarshal([]byte(t), &one)
			many = []record{one}
		}
		if err != nil {
			r.warn(&Problem{Source: source, Err: precis.Errorf(precis.ErrInvalid, "invalid JSON: %s", jsonError(err))})
			return
		}
		if len(many) == 0 {
			r.warn(&Problem{Source: source, Err: precis.Errorf(precis.ErrInvalid, "empty JSON array, no article")})
			return
		}
		for i, rec := range many {
			id := base
			if len(many) > 1 {
				id = base + "-" + strconv.Itoa(i+1)
			}
			r.record(rec, source, 0, i+1, id)
		}
		return
	}
	n := 0
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		var rec record
		err := json.Unmarshal([]byte(line), &rec)
		if err != nil {
			r.warn(&Problem{Source: source, Line: i + 1, Err: precis.Errorf(precis.ErrInvalid, "invalid JSON, line skipped: %s", jsonError(err))})
			continue
		}
		r.record(rec, source, i+1, n, base+"-"+strconv.Itoa(n))
	}
	if n == 0 {
		r.warn(&Problem{Source: source, Err: precis.Errorf(precis.ErrInvalid, "no JSON line")})
	}
}

func jsonError(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field == "" {
		return "not a JSON object but a JSON " + te.Value
	}
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q should be a %s, not a JSON %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}

// record turns one JSON article into a document; id is used when the record has none.
func (r *reader) record(rec record, source string, line, n int, id string) {
	warnAt := func(err error) { r.warn(&Problem{Source: source, Line: line, Err: err}) }
	if rid := recordID(rec.ID); rid != "" {
		id = rid
	}
	var d precis.Document
	switch {
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		var notes []string
		var err error
		d, notes, err = fromHTML([]byte(*rec.HTML), rec.URL, defaultExtractor)
		r.notes(source, line, notes)
		if err != nil {
			warnAt(fmt.Errorf("article %q: %w", id, trimPrefix(err)))
			return
		}
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		d.Text = strings.Trim(normalize(*rec.Text), "\n")
		if rec.Title == "" {
			d.Title, d.Text = headline(d.Text)
		}
	default:
		what := "no \"text\" or \"html\" field"
		if rec.Text != nil || rec.HTML != nil {
			what = "empty \"text\" and \"html\""
		}
		warnAt(precis.Errorf(precis.ErrInvalid, "article %q skipped: %s", id, what))
		return
	}
	d.ID, d.Source = id, source
	if rec.Title != "" {
		d.Title = oneLine(rec.Title)
	}
	if rec.URL != "" {
		d.URL = rec.URL
	}
	if rec.Outlet != "" {
		d.Outlet = oneLine(rec.Outlet)
	}
	if rec.Author != "" {
		d.Author = oneLine(rec.Author)
	}
	if rec.Published != "" {
		t, err := parseTime(rec.Published)
		if err != nil {
			r.warnings = append(r.warnings, &Problem{Source: source, Line: line, Err: repairf("article %q: published %q is not a date (RFC 3339 or YYYY-MM-DD): left unknown", id, rec.Published)})
		} else {
			d.Published = t
		}
	}
	r.docs = append(r.docs, d)
}

// recordID reads the id field, a JSON string or number.
func recordID(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(string(raw))
}

// timeLayouts are the forms of "published" that are read, tried in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
}

func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}
