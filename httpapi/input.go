package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/fetch"
	"github.com/precis-news/precis/ingest"
)

// briefRequest is the JSON body of POST /v1/briefs.
type briefRequest struct {
	Articles  []articleInput `json:"articles,omitempty"`
	URLs      []string       `json:"urls,omitempty"`
	Words     int            `json:"words,omitempty"`
	Sentences int            `json:"sentences,omitempty"`
	Algorithm string         `json:"algorithm,omitempty"`
}

// articleInput is one article given in full: its text, or its page's HTML.
type articleInput struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// input is a request to make a brief, however it came.
type input struct {
	docs []precis.Document
	urls []string
	cfg  engine.Config
	// wordsGiven records that the request set words: a sentence limit
	// replaces the default word budget, not one that was asked for.
	wordsGiven bool
	// token is the form's token field (web page only).
	token string
	// warnings are the repairs made to uploaded files, for the brief.
	warnings []string
	// text and urlText echo the form back when it is shown again with an error.
	text, urlText string
}

// readInput decodes a JSON or multipart request into an input. On an error
// the input read so far may come back too, for the form to show it again.
func (s *Server) readInput(r *http.Request) (*input, error) {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("%w: Content-Type %q", errMediaType, r.Header.Get("Content-Type"))
	}
	in := &input{cfg: engine.DefaultConfig()}
	in.cfg.Words = s.cfg.Words
	switch mediaType {
	case "application/json":
		err = s.readJSON(r.Body, in)
	case "multipart/form-data":
		err = s.readMultipart(multipart.NewReader(r.Body, params["boundary"]), in)
	default:
		return nil, fmt.Errorf("%w: %s (use application/json or multipart/form-data)", errMediaType, mediaType)
	}
	if err != nil {
		return in, err
	}
	if in.cfg.Sentences > 0 && !in.wordsGiven {
		in.cfg.Words = 0 // a limit in sentences instead of words, as precis brief --sentences
	}
	if in.cfg.Words < 0 || in.cfg.Words > s.cfg.MaxWords {
		return in, fmt.Errorf("httpapi: words %d not in 1..%d: %w", in.cfg.Words, s.cfg.MaxWords, precis.ErrInvalid)
	}
	if in.cfg.Sentences < 0 || in.cfg.Sentences > 200 {
		return in, fmt.Errorf("httpapi: sentences %d not in 0..200: %w", in.cfg.Sentences, precis.ErrInvalid)
	}
	if len(in.urls) > s.cfg.MaxURLs {
		return in, fmt.Errorf("httpapi: %d URLs, more than the %d allowed: %w", len(in.urls), s.cfg.MaxURLs, precis.ErrTooLarge)
	}
	if n := len(in.docs) + len(in.urls); n > s.cfg.MaxArticles {
		return in, fmt.Errorf("httpapi: %d articles, more than the %d allowed: %w", n, s.cfg.MaxArticles, precis.ErrTooLarge)
	} else if n == 0 {
		return in, fmt.Errorf("httpapi: no articles given: %w", precis.ErrInvalid)
	}
	return in, nil
}

func (s *Server) readJSON(body io.Reader, in *input) error {
	var req briefRequest
	// The body is read whole (MaxBody bounds it) to be checked first: JSON is
	// UTF-8, and the decoder would replace bad bytes without a word.
	b, err := io.ReadAll(body)
	if err != nil {
		var maxBytes *http.MaxBytesError
		if errors.As(err, &maxBytes) {
			return err
		}
		return fmt.Errorf("%w: %v", errMalformed, err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return fmt.Errorf("%w: empty body, want a JSON object", errMalformed)
	}
	if n := invalidUTF8(b); n >= 0 {
		return fmt.Errorf("%w: the body is not UTF-8 (bad byte at offset %d)", errMalformed, n)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return fmt.Errorf("%w: %v", errMalformed, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: data after the JSON object", errMalformed)
	}
	if req.Words != 0 {
		in.cfg.Words, in.wordsGiven = req.Words, true
	}
	in.cfg.Sentences, in.cfg.Algorithm = req.Sentences, req.Algorithm
	for i, a := range req.Articles {
		d, err := a.document()
		if err != nil {
			return fmt.Errorf("httpapi: article %d: %w", i+1, err)
		}
		in.docs = append(in.docs, d)
	}
	for _, u := range req.URLs {
		if u = strings.TrimSpace(u); u != "" {
			in.urls = append(in.urls, u)
		}
	}
	return nil
}

func (a *articleInput) document() (precis.Document, error) {
	var (
		d   precis.Document
		err error
	)
	switch {
	case a.Text != "" && a.HTML != "":
		return d, fmt.Errorf("give text or html, not both: %w", precis.ErrInvalid)
	case a.HTML != "":
		d, err = ingest.FromHTML([]byte(a.HTML), a.URL)
	default:
		d, err = ingest.FromText([]byte(a.Text), a.ID)
	}
	if err != nil {
		return d, err
	}
	if a.ID != "" {
		d.ID = a.ID
	}
	if t := strings.TrimSpace(a.Title); t != "" && a.HTML == "" && d.Title != "" && d.Title != t {
		// The text's first line was read as its headline, and the title given
		// replaces it: the line goes back to the text, for cleaning to judge,
		// rather than being lost.
		d.Text = d.Title + "\n\n" + d.Text
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{{&d.Title, a.Title}, {&d.URL, a.URL}, {&d.Outlet, a.Outlet}, {&d.Author, a.Author}} {
		if v := strings.TrimSpace(f.v); v != "" {
			*f.dst = v
		}
	}
	if a.Published != "" {
		t, err := parseTime(a.Published)
		if err != nil {
			return d, err
		}
		d.Published = t
	}
	return d, nil
}

// invalidUTF8 returns the offset of the first byte of b that is not UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// parseTime reads an RFC 3339 time or a date.
func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q is neither RFC 3339 nor a date (2006-01-02): %w", s, precis.ErrInvalid)
}

// articleSeparator splits pasted text into articles: a line of three or more dashes.
var articleSeparator = regexp.MustCompile(`(?m)^[ \t]*-{3,}[ \t]*\r?$`)

// readMultipart reads a form: files ("file"), pasted text ("text", articles
// separated by a line "---"), URLs ("urls", one per line or repeated), "words",
// "sentences", "algorithm" and "token".
func (s *Server) readMultipart(mr *multipart.Reader, in *input) error {
	const maxField = 1 << 20 // the small fields; texts and files are bounded by MaxBody
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var maxBytes *http.MaxBytesError
			if errors.As(err, &maxBytes) {
				return err
			}
			return fmt.Errorf("%w: %v", errMalformed, err)
		}
		limit := int64(maxField)
		name := part.FormName()
		if name == "file" || name == "text" {
			limit = s.cfg.MaxBody
		}
		b, err := io.ReadAll(io.LimitReader(part, limit+1))
		part.Close()
		if err != nil {
			var maxBytes *http.MaxBytesError
			if errors.As(err, &maxBytes) {
				return err
			}
			return fmt.Errorf("%w: %v", errMalformed, err)
		}
		if int64(len(b)) > limit {
			return fmt.Errorf("httpapi: form field %q too large: %w", name, precis.ErrTooLarge)
		}
		value := string(b)
		if name != "file" {
			value = strings.ReplaceAll(value, "\r\n", "\n") // browsers send a textarea's lines with CRLF
		}
		switch name {
		case "file":
			if part.FileName() == "" && len(b) == 0 {
				continue // an empty file input
			}
			docs, warnings, err := s.fileDocuments(part.FileName(), part.Header.Get("Content-Type"), b)
			if err != nil {
				return fmt.Errorf("httpapi: %w", err)
			}
			in.docs = append(in.docs, docs...)
			in.warnings = append(in.warnings, warnings...)
		case "text":
			in.text = value
			for _, t := range articleSeparator.Split(value, -1) {
				if strings.TrimSpace(t) == "" {
					continue
				}
				d, err := ingest.FromText([]byte(strings.TrimSpace(t)), "")
				if err != nil {
					return fmt.Errorf("httpapi: pasted text: %w", err)
				}
				in.docs = append(in.docs, d)
			}
		case "urls":
			in.urlText = value
			in.urls = append(in.urls, strings.Fields(value)...)
		case "words", "sentences":
			value = strings.TrimSpace(value)
			if value == "" {
				continue
			}
			n, err := strconv.Atoi(value)
			if err != nil {
				return fmt.Errorf("httpapi: %s %q is not a number: %w", name, value, precis.ErrInvalid)
			}
			if name == "words" {
				in.cfg.Words, in.wordsGiven = n, n != 0
			} else {
				in.cfg.Sentences = n
			}
		case "algorithm":
			in.cfg.Algorithm = strings.TrimSpace(value)
		case "token":
			in.token = strings.TrimSpace(value)
		default:
			return fmt.Errorf("%w: unknown form field %q", errMalformed, name)
		}
	}
}

// fileDocuments reads an uploaded file as the command line reads one: HTML
// by its name, type or content, else by its extension and content (text,
// Markdown, JSON, JSON Lines, Multi-News lines), named after the file. Repairs
// and skipped lines come back as warnings for the brief.
func (s *Server) fileDocuments(name, contentType string, b []byte) ([]precis.Document, []string, error) {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	id := strings.TrimSuffix(base, path.Ext(base))
	if looksHTML(name, contentType, b) {
		d, err := ingest.FromHTML(b, "")
		if d.ID == "" {
			d.ID = id
		}
		d.Source = base
		if err != nil {
			return nil, nil, &fileError{name: base, err: err}
		}
		return []precis.Document{d}, nil, nil
	}
	docs, problems, err := ingest.ReadFile(base, b, ingest.Options{MaxFileBytes: s.cfg.MaxBody})
	var warnings []string
	for _, p := range problems {
		warnings = append(warnings, "file "+p.Error())
	}
	if err != nil {
		return nil, nil, &fileError{name: base, err: err}
	}
	return docs, warnings, nil
}

// fileError is an uploaded file that gave no document: the message names the
// file once, the error keeps its kind.
type fileError struct {
	name string
	err  error
}

func (e *fileError) Error() string {
	msg := strings.TrimPrefix(e.err.Error(), "ingest: ")
	if !strings.HasPrefix(msg, e.name+":") {
		msg = e.name + ": " + msg
	}
	return "file " + msg
}

func (e *fileError) Unwrap() error { return e.err }

func looksHTML(name, contentType string, b []byte) bool {
	ext := strings.ToLower(path.Ext(name))
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return true
	}
	if ext == ".txt" || ext == ".md" {
		return false
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// fetchAll fetches the input's URLs, FetchParallel at a time, appending their
// documents in the order given.
func (s *Server) fetchAll(ctx context.Context, in *input) error {
	if len(in.urls) == 0 {
		return nil
	}
	if s.fetcher == nil {
		return fmt.Errorf("httpapi: this server does not fetch URLs: %w", precis.ErrForbidden)
	}
	docs := make([]precis.Document, len(in.urls))
	errs := make([]error, len(in.urls))
	sem := make(chan struct{}, s.cfg.FetchParallel)
	var wg sync.WaitGroup
	for i, u := range in.urls {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			docs[i], errs[i] = s.fetcher.Document(ctx, u)
			s.metrics.fetches.WithLabelValues(fetchResult(errs[i])).Inc()
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("httpapi: URL %d: %w", i+1, err)
		}
	}
	in.docs = append(in.docs, docs...)
	return nil
}

func fetchResult(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, precis.ErrForbidden):
		return "refused"
	case errors.Is(err, precis.ErrTooLarge):
		return "too_large"
	default:
		return "failed"
	}
}

// finish checks the documents and gives each a unique ID: the one it has, else
// one made from its outlet, its URL's host or its position.
func finish(docs []precis.Document) error {
	seen := map[string]bool{}
	for i := range docs {
		d := &docs[i]
		if strings.TrimSpace(d.Text) == "" {
			return fmt.Errorf("httpapi: article %d has no text: %w", i+1, precis.ErrInvalid)
		}
		if d.ID != "" {
			if seen[d.ID] {
				return fmt.Errorf("httpapi: two articles have the id %q: %w", d.ID, precis.ErrInvalid)
			}
			seen[d.ID] = true
		}
	}
	for i := range docs {
		d := &docs[i]
		if d.ID != "" {
			continue
		}
		base := fetch.Name(d)
		if base == "" {
			base = "article"
		}
		id, n := base, 1
		if base == "article" {
			id = "article-1"
		}
		for seen[id] {
			n++
			id = base + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		d.ID = id
	}
	return nil
}
