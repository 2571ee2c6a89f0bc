// Package store keeps stories, their articles and their briefs.
//
// A story is a set of articles about one event; it grows as articles arrive, and
// each time its brief is made again the new brief gets the next version: the
// newest is the story's current brief. A brief made on request (the HTTP API, the
// web page) is the first and only version of a one-off story.
//
// Store is the interface the server programs against; SQLite (embedded, pure Go)
// is its first implementation, and a PostgreSQL one can follow behind the same
// methods.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// Store keeps stories, articles and briefs. Its methods are safe for concurrent use.
type Store interface {
	// Put stores b, made from docs, as the next version of the story b.Story, in one
	// transaction that is durable when Put returns. An empty b.Story starts a
	// one-off story. Put sets b.ID, b.Story and b.Created (when zero).
	// An article already in the story (same content) is stored once; docs[i].ID is
	// the name b uses for it. A b.Story that does not exist is ErrNotFound.
	Put(ctx context.Context, b *precis.Brief, docs []precis.Document) error
	// Brief returns the brief id, or an error wrapping precis.ErrNotFound.
	Brief(ctx context.Context, id string) (*precis.Brief, error)
	// BriefJSON returns brief id as the JSON of the API, as it was stored.
	BriefJSON(ctx context.Context, id string) ([]byte, error)
	// Current returns the newest brief of a story.
	Current(ctx context.Context, story string) (*precis.Brief, error)
	// Documents returns the documents brief id was made from, in the brief's
	// order, each with the ID the brief cites it by and the text its spans point into.
	Documents(ctx context.Context, id string) ([]precis.Document, error)
	// List returns a page of briefs, newest first.
	List(ctx context.Context, q Query) (Page, error)
	// Delete removes brief id; a story left without a brief goes with its articles.
	Delete(ctx context.Context, id string) error
	// Ping checks that the store can be read.
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
}

// Query selects a page of briefs.
type Query struct {
	// Limit is the most briefs to return: 1 to MaxLimit, 0 means DefaultLimit.
	Limit int
	// Cursor continues a listing where the Page.Next of the previous page left it.
	Cursor string
}

// The page sizes of List.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Page is one page of a listing, newest first.
type Page struct {
	Briefs []Summary `json:"briefs"`
	// Next is the cursor of the next, older page; "" on the last page.
	Next string `json:"next,omitempty"`
}

// Summary describes a stored brief in a listing.
type Summary struct {
	ID      string    `json:"id"`
	Story   string    `json:"story"`
	Version int       `json:"version"`
	Created time.Time `json:"created"`
	// Headline is the first document's title, else the start of the summary.
	Headline  string `json:"headline"`
	Algorithm string `json:"algorithm"`
	Documents int    `json:"documents"`
}

// Headline names a brief in a listing and on its page: the title of the
// article its summary leads with, else of the other articles in order; a
// title of fewer than 4 words (often a photo caption, a name or a section
// read as the title) only when no article has a longer one; else the start of
// the first summary sentence.
func Headline(b *precis.Brief) string {
	const headlineWords = 4
	titles := make([]string, 0, len(b.Documents))
	if len(b.Summary) > 0 && len(b.Summary[0].Sources) > 0 {
		lead := b.Summary[0].Sources[0].Doc
		for _, d := range b.Documents {
			if d.ID == lead {
				titles = append(titles, d.Title)
			}
		}
	}
	for _, d := range b.Documents {
		titles = append(titles, d.Title)
	}
	short := ""
	for _, t := range titles {
		t = strings.TrimSpace(t)
		if len(strings.Fields(t)) >= headlineWords {
			return shorten(t, 120)
		}
		if short == "" {
			short = t
		}
	}
	if short != "" {
		return shorten(short, 120)
	}
	for _, s := range b.Summary {
		if t := strings.TrimSpace(s.Text); t != "" {
			return shorten(t, 120)
		}
	}
	return "Untitled brief"
}

// shorten cuts s to at most n runes at a word boundary, adding an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := len(s)
	for i := range s {
		if n == 0 {
			cut = i // s[:cut] holds the first n runes
			break
		}
		n--
	}
	if s[cut] != ' ' { // mid-word: back to the last space, unless that loses too much
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
			cut = sp
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newID returns a random identifier of 80 bits in 16 lower-case characters,
// safe in a URL path and impossible to guess.
func newID() string {
	var b [10]byte
	rand.Read(b[:])
	return idEncoding.EncodeToString(b[:])
}

// ValidID reports whether id has the form of an identifier the store makes, so
// that malformed ids are refused before a query.
func ValidID(id string) bool {
	if len(id) != 16 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '2' <= c && c <= '7') {
			return false
		}
	}
	return true
}

// contentHash identifies an article by its text and what cleaning removed from
// it, the same however it was named: two inputs that differ only in furniture
// are two articles, so that each keeps its own removals. An article with no
// removals hashes as its text alone, as before removals were stored.
func contentHash(d *precis.Document) []byte {
	h := sha256.New()
	io.WriteString(h, d.Text) // no copy of the text
	for _, r := range d.Removed {
		// Length-prefixed, so that the parts cannot run together.
		fmt.Fprintf(h, "\x00%d:%s\x00%d:%s", len(r.Reason), r.Reason, len(r.Text), r.Text)
	}
	return h.Sum(nil)
}
