// Package precis turns several news articles about one story into one sourced brief.
//
// The root package holds only the shared types of the pipeline and depends on the
// standard library alone. Each stage lives in its own package and data flows one way:
//
//	ingest → clean → sentence, token → corpus → summarize, quote, entity, timeline … → brief → render
//
// The engine package wires the stages: documents in, a [Brief] out.
package precis

import (
	"time"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into a document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether the span lies inside a text of n bytes.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Of returns the part of text the span covers, or "" when it does not fit the text.
func (s Span) Of(text string) string {
	if !s.Valid(len(text)) {
		return ""
	}
	return text[s.Start:s.End]
}

// Document is one article as the engine reads it: its metadata and its cleaned body.
type Document struct {
	// ID names the document in citations: the file name without its extension,
	// the JSON Lines "id", or a number given by the reader.
	ID string `json:"id"`
	// Title is the headline, when known.
	Title string `json:"title,omitempty"`
	// URL is where the article was published, when known.
	URL string `json:"url,omitempty"`
	// Outlet is the publication or site name, when known.
	Outlet string `json:"outlet,omitempty"`
	// Author is the byline, when known.
	Author string `json:"author,omitempty"`
	// Published is the publication time; the zero Time means unknown.
	Published time.Time `json:"published,omitzero"`
	// Text is the cleaned article body, paragraphs separated by a blank line.
	// Every Span of the pipeline points into it.
	Text string `json:"text"`
	// Removed lists what cleaning took out of the body, in reading order,
	// so that nothing the user gave is lost.
	Removed []Removal `json:"removed,omitempty"`
	// Source tells where the document was read from: a path, "-" for standard input, or a URL.
	Source string `json:"source,omitempty"`
}

// Removal is a piece of the input that cleaning took out of a document, and why.
type Removal struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Words returns the number of words in the document's cleaned text.
func (d *Document) Words() int { return CountWords(d.Text) }

// RemovedWords returns the number of words cleaning removed from the document.
func (d *Document) RemovedWords() int {
	n := 0
	for _, r := range d.Removed {
		n += CountWords(r.Text)
	}
	return n
}

// CountWords counts the runs of non-space characters in s.
// It is the one word count of the project: budgets, figures and the JSON all use it.
func CountWords(s string) int {
	// A word starts where a non-space follows a space or the start: counted
	// without a branch for ASCII, where spaceByte[c] is 1 for a space.
	n, prev := 0, uint8(1)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			sp := spaceByte[c]
			n += int(prev &^ sp)
			prev = sp
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		sp := uint8(0)
		if isSpace(r) {
			sp = 1
		}
		n += int(prev &^ sp)
		prev = sp
	}
	return n
}

var spaceByte = [utf8.RuneSelf]uint8{' ': 1, '\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// Sentence is one sentence of one document, with its tokens.
type Sentence struct {
	// Doc is the index of the sentence's document in the story.
	Doc int `json:"doc"`
	// Index is the sentence's position in its document, from 0.
	Index int `json:"index"`
	// Paragraph is the position of the sentence's paragraph in its document, from 0.
	Paragraph int `json:"paragraph"`
	// Span locates the sentence in its document's Text; Text is that slice.
	Span Span   `json:"span"`
	Text string `json:"text"`
	// Tokens are the sentence's words, numbers and punctuation, in order.
	Tokens []Token `json:"-"`
}

// Token is one word, number or punctuation mark of a sentence.
type Token struct {
	// Span locates the token in its document's Text.
	Span Span `json:"span"`
	// Text is the token as written; Lower is its lower-case form; Stem is the
	// English Snowball stem of Lower ("" for punctuation).
	Text  string `json:"text"`
	Lower string `json:"lower"`
	Stem  string `json:"stem"`
	// Kind says whether the token is a word, a number or punctuation.
	Kind TokenKind `json:"kind"`
	// Stop marks a stopword (function words such as "the", "of", "said").
	Stop bool `json:"stop"`
}

// TokenKind classifies a token.
type TokenKind uint8

// The kinds of token.
const (
	Word TokenKind = iota
	Number
	Punct
)

// IsContent reports whether the token carries meaning for similarity: a word or
// number that is not a stopword.
func (t Token) IsContent() bool { return t.Kind != Punct && !t.Stop }
