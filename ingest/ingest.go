// Package ingest reads articles from files, directories, standard input and HTML
// pages into documents.
//
// Read takes paths: a file, a directory (its article files, not its
// subdirectories) or "-" for standard input. The format of a file comes from
// its extension and, where that is not decisive, from its content: plain text
// (.txt .text .md), HTML pages (.html .htm), JSON Lines (.jsonl, one article
// per line), JSON (.json, one article or an array) and the Multi-News line
// format (clusters of documents separated by "|||||"). The documents it returns
// hold the article text before cleaning (package clean). docs/ingest.md has
// the formats and the limits.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
)

// The limits of Read, when Options leaves them 0.
const (
	// DefaultMaxFileBytes caps one input file (or standard input): 32 MiB.
	DefaultMaxFileBytes = 32 << 20
	// DefaultMaxDocuments caps the documents of one Read.
	DefaultMaxDocuments = 10000
)

// Extensions lists the file extensions Read takes from a directory.
var Extensions = []string{".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl"}

// Options configures Read.
type Options struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MaxFileBytes caps the size of one input; 0 means DefaultMaxFileBytes.
	MaxFileBytes int64
	// MaxDocuments caps the number of documents; 0 means DefaultMaxDocuments.
	MaxDocuments int
}

// Problem is something wrong with one input. Read returns problems as
// warnings when the rest could be read; the message names the input and,
// for line formats, the line.
type Problem struct {
	Source string // the path, "-" for standard input
	Line   int    // 1-based line for JSON Lines and Multi-News, 0 otherwise
	Err    error
}

func (p *Problem) Error() string {
	name := p.Source
	if name == "-" {
		name = "standard input"
	}
	if p.Line > 0 {
		return name + ":" + strconv.Itoa(p.Line) + ": " + p.Err.Error()
	}
	return name + ": " + p.Err.Error()
}

func (p *Problem) Unwrap() error { return p.Err }

// errRepaired marks warnings about input that was repaired or set aside, not
// an input that failed.
var errRepaired = errors.New("repaired")

// repaired is a warning that is errRepaired; its text is its message alone.
type repaired struct{ msg string }

func (e *repaired) Error() string        { return e.msg }
func (e *repaired) Is(target error) bool { return target == errRepaired }

func repairf(format string, args ...any) error {
	return &repaired{msg: fmt.Sprintf(format, args...)}
}

// Read reads the documents at paths: files, directories (their article files,
// sorted by name, hidden files and subdirectories skipped) and "-" for
// standard input. Problems with single inputs come back as warnings
// (*Problem) when other documents could be read, and so do repairs (invalid
// UTF-8 replaced, ids made unique). The error is for a run that cannot go on:
// no path, a path that does not exist, or nothing usable in any input; it
// wraps precis.ErrInvalid (or precis.ErrTooLarge when size was the only problem).
func Read(ctx context.Context, paths []string, opts Options) ([]precis.Document, []error, error) {
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = DefaultMaxFileBytes
	}
	if opts.MaxDocuments <= 0 {
		opts.MaxDocuments = DefaultMaxDocuments
	}
	if len(paths) == 0 {
		return nil, nil, precis.Errorf(precis.ErrInvalid, "ingest: no input given")
	}
	r := &reader{opts: opts}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, r.warnings, err
		}
		if err := r.path(ctx, p); err != nil {
			return nil, r.warnings, err
		}
	}
	if len(r.docs) > opts.MaxDocuments {
		r.warn(&Problem{Source: r.docs[opts.MaxDocuments].Source, Err: fmt.Errorf("over the limit of %d documents: %d documents skipped from here on", opts.MaxDocuments, len(r.docs)-opts.MaxDocuments)})
		r.docs = r.docs[:opts.MaxDocuments]
	}
	return r.result(paths)
}

// ReadFile reads the content of one file as Read reads a file of that name
// (an upload, say): the format from the name's extension and the content, the
// documents named after the file, problems and repairs as warnings. The error
// is for content that gives no document; it wraps precis.ErrInvalid (or
// precis.ErrTooLarge).
func ReadFile(name string, content []byte, opts Options) ([]precis.Document, []error, error) {
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = DefaultMaxFileBytes
	}
	if opts.MaxDocuments <= 0 {
		opts.MaxDocuments = DefaultMaxDocuments
	}
	r := &reader{opts: opts}
	if int64(len(content)) > opts.MaxFileBytes {
		r.warn(&Problem{Source: name, Err: precis.Errorf(precis.ErrTooLarge, "larger than the %s limit per file", size(opts.MaxFileBytes))})
	} else {
		base := filepath.Base(name)
		ext := filepath.Ext(base)
		r.content(content, name, strings.TrimSuffix(base, ext), strings.ToLower(ext))
	}
	if len(r.docs) > opts.MaxDocuments {
		r.warn(&Problem{Source: name, Err: fmt.Errorf("over the limit of %d documents: %d documents skipped", opts.MaxDocuments, len(r.docs)-opts.MaxDocuments)})
		r.docs = r.docs[:opts.MaxDocuments]
	}
	return r.result([]string{name})
}

type reader struct {
	opts     Options
	docs     []precis.Document
	warnings []error
	failed   []*Problem // inputs that gave no document
}

func (r *reader) warn(p *Problem) {
	r.warnings = append(r.warnings, p)
	if !errors.Is(p.Err, errRepaired) {
		r.failed = append(r.failed, p)
	}
}

// nothingUsable is the error when no input gave a document.
func (r *reader) nothingUsable(paths []string) error {
	switch len(r.failed) {
	case 0:
		return precis.Errorf(precis.ErrInvalid, "ingest: no article in %s", strings.Join(paths, ", "))
	case 1:
		return fmt.Errorf("ingest: %w", r.failed[0])
	}
	tooLarge := true
	for _, p := range r.failed {
		tooLarge = tooLarge && errors.Is(p.Err, precis.ErrTooLarge)
	}
	err := fmt.Errorf("ingest: no usable article: %d inputs failed, the first: %w", len(r.failed), r.failed[0])
	if tooLarge {
		return err
	}
	if !errors.Is(err, precis.ErrInvalid) {
		err = precis.Errorf(precis.ErrInvalid, "%w", err)
	}
	return err
}

func (r *reader) path(ctx context.Context, p string) error {
	if p == "-" {
		if r.opts.Stdin == nil {
			return precis.Errorf(precis.ErrInvalid, "ingest: standard input is not available")
		}
		b, err := readLimited(r.opts.Stdin, r.opts.MaxFileBytes)
		if err != nil {
			r.warn(&Problem{Source: "-", Err: err})
			return nil
		}
		r.content(b, "-", "stdin", "")
		return nil
	}
	fi, err := os.Stat(p)
	if err != nil {
		return precis.Errorf(precis.ErrNotFound, "ingest: %s: %w", p, unwrapPath(err))
	}
	if !fi.IsDir() {
		r.file(p, filepath.Ext(p))
		return nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return precis.Errorf(precis.ErrInvalid, "ingest: %w", err)
	}
	var files, subdirs, others []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		switch {
		case e.IsDir():
			subdirs = append(subdirs, name)
		case knownExt(filepath.Ext(name)):
			files = append(files, name)
		default:
			others = append(others, name)
		}
	}
	sort.Strings(files)
	if len(subdirs) > 0 {
		r.warnings = append(r.warnings, &Problem{Source: p, Err: repairf("subdirectories not read (precis reads the files directly inside a directory): %s", list(subdirs))})
	}
	if len(others) > 0 {
		r.warnings = append(r.warnings, &Problem{Source: p, Err: repairf("files skipped, not %s: %s", strings.Join(Extensions, " "), list(others))})
	}
	if len(files) == 0 {
		r.warn(&Problem{Source: p, Err: precis.Errorf(precis.ErrInvalid, "empty directory: no %s file", strings.Join(Extensions, " "))})
		return nil
	}
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.file(filepath.Join(p, name), filepath.Ext(name))
	}
	return nil
}

// list names up to five items.
func list(names []string) string {
	sort.Strings(names)
	if len(names) > 5 {
		return strings.Join(names[:5], ", ") + fmt.Sprintf(" and %d more", len(names)-5)
	}
	return strings.Join(names, ", ")
}

func knownExt(ext string) bool {
	ext = strings.ToLower(ext)
	for _, e := range Extensions {
		if e == ext {
			return true
		}
	}
	return false
}

func (r *reader) file(path, ext string) {
	f, err := os.Open(path)
	if err != nil {
		r.warn(&Problem{Source: path, Err: precis.Errorf(precis.ErrInvalid, "%w", unwrapPath(err))})
		return
	}
	defer f.Close()
	b, err := readLimited(f, r.opts.MaxFileBytes)
	if err != nil {
		r.warn(&Problem{Source: path, Err: err})
		return
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	r.content(b, path, id, strings.ToLower(ext))
}

// unwrapPath drops the path from an *os.PathError, which the Problem names already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readLimited reads all of r, failing with precis.ErrTooLarge past max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, precis.Errorf(precis.ErrInvalid, "%w", unwrapPath(err))
	}
	if int64(len(b)) > max {
		return nil, precis.Errorf(precis.ErrTooLarge, "larger than the %s limit per file", size(max))
	}
	return b, nil
}

func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// The formats Read knows.
const (
	formatText      = "text"
	formatMarkdown  = "markdown"
	formatHTML      = "html"
	formatJSON      = "json"
	formatJSONL     = "jsonl"
	formatMultiNews = "multinews"
)

// sniff names the format of content from its extension and its first bytes.
func sniff(b []byte, ext string) string {
	head := bytes.TrimLeft(b[:min(len(b), 4096)], "\xef\xbb\xbf \t\r\n")
	switch ext {
	case ".html", ".htm":
		return formatHTML
	case ".jsonl":
		return formatJSONL
	case ".json":
		if bytes.HasPrefix(head, []byte("{")) && jsonLines(b) {
			return formatJSONL
		}
		return formatJSON
	}
	switch {
	case looksHTML(head):
		return formatHTML
	case isMultiNews(b):
		return formatMultiNews
	case ext == ".md":
		return formatMarkdown
	case ext != "":
		return formatText
	case bytes.HasPrefix(head, []byte("[")):
		return formatJSON
	case bytes.HasPrefix(head, []byte("{")):
		if jsonLines(b) {
			return formatJSONL
		}
		return formatJSON
	}
	return formatText
}

func looksHTML(head []byte) bool {
	h := bytes.ToLower(head[:min(len(head), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return p != "<?xml" || bytes.Contains(bytes.ToLower(head), []byte("<html"))
		}
	}
	return false
}

// content reads the documents of one input.
func (r *reader) content(b []byte, source, id, ext string) {
	if len(bytes.TrimSpace(b)) == 0 {
		what := "empty file"
		if len(b) > 0 {
			what = "only white space"
		}
		if source == "-" {
			what = strings.Replace(what, "file", "input", 1)
		}
		r.warn(&Problem{Source: source, Err: precis.Errorf(precis.ErrInvalid, "%s, no text", what)})
		return
	}
	format := sniff(b, ext)
	if format == formatHTML {
		d, notes, err := fromHTML(b, "", defaultExtractor)
		r.notes(source, 0, notes)
		if err != nil {
			r.warn(&Problem{Source: source, Err: trimPrefix(err)})
			return
		}
		d.ID, d.Source = id, source
		r.docs = append(r.docs, d)
		return
	}
	s, notes, err := decode(b)
	r.notes(source, 0, notes)
	if err != nil {
		r.warn(&Problem{Source: source, Err: err})
		return
	}
	switch format {
	case formatJSON, formatJSONL:
		r.json(s, source, id, format == formatJSONL)
	case formatMultiNews:
		r.multiNews(s, source, id)
	default:
		if format == formatMarkdown {
			s = fromMarkdown(s)
		}
		d, err := fromText(s, id)
		if err != nil {
			r.warn(&Problem{Source: source, Err: trimPrefix(err)})
			return
		}
		d.Source = source
		r.docs = append(r.docs, d)
	}
}

// notes reports repairs as warnings.
func (r *reader) notes(source string, line int, notes []string) {
	for _, n := range notes {
		r.warnings = append(r.warnings, &Problem{Source: source, Line: line, Err: repairf("%s", n)})
	}
}

// trimPrefix drops the "ingest: " of an error that a Problem carries.
func trimPrefix(err error) error {
	msg := err.Error()
	if !strings.HasPrefix(msg, "ingest: ") {
		return err
	}
	return prefixless{msg: strings.TrimPrefix(msg, "ingest: "), err: err}
}

type prefixless struct {
	msg string
	err error
}

func (p prefixless) Error() string { return p.msg }
func (p prefixless) Unwrap() error { return p.err }

// uniqueIDs makes the document ids unique: the second "a" becomes "a-2", and so
// on, in reading order, with a warning.
func (r *reader) uniqueIDs() {
	seen := make(map[string]bool, len(r.docs))
	for _, d := range r.docs {
		seen[d.ID] = true
	}
	used := make(map[string]bool, len(r.docs))
	for i := range r.docs {
		d := &r.docs[i]
		if d.ID == "" {
			d.ID = "doc"
		}
		if !used[d.ID] {
			used[d.ID] = true
			continue
		}
		old := d.ID
		for n := 2; ; n++ {
			id := old + "-" + strconv.Itoa(n)
			if !used[id] && !seen[id] {
				d.ID = id
				break
			}
		}
		used[d.ID] = true
		r.warnings = append(r.warnings, &Problem{Source: d.Source, Err: repairf("id %q already used: renamed %q", old, d.ID)})
	}
}

// result gives what was read from paths: the documents, with IDs made unique, and
// the warnings; or, when nothing was usable, the error, which names the first
// failure, and the other warnings (not that one again).
func (r *reader) result(paths []string) ([]precis.Document, []error, error) {
	r.uniqueIDs()
	if len(r.docs) > 0 {
		return r.docs, r.warnings, nil
	}
	err := r.nothingUsable(paths)
	var rest []error
	for _, w := range r.warnings {
		if len(r.failed) == 0 || w != error(r.failed[0]) {
			rest = append(rest, w)
		}
	}
	return nil, rest, err
}
