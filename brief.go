package precis

import "time"

// Brief is the sourced brief of one story: a short summary whose every sentence
// names the documents that say it, and the story's structure around it.
//
// Its JSON form is the public contract of `precis brief --format json` and of the
// HTTP API; docs/json.md documents every field. Fields are only ever added.
type Brief struct {
	// ID identifies a stored brief; empty until a store keeps it.
	ID string `json:"id,omitempty"`
	// Story identifies the story the brief belongs to; a story grows as articles
	// arrive and each new brief of it replaces the last. Empty for a one-off brief.
	Story string `json:"story,omitempty"`
	// Created is when the brief was made.
	Created time.Time `json:"created,omitzero"`
	// Algorithm names the summarizer that chose the sentences.
	Algorithm string `json:"algorithm"`
	// Budget is the word limit the summary was made within (0: a sentence limit was used).
	Budget int `json:"budget_words,omitempty"`

	Documents []DocumentInfo `json:"documents"`
	Summary   []Statement    `json:"summary"`

	Quotes        []Quote        `json:"quotes"`
	Entities      []Entity       `json:"entities"`
	Timeline      []Event        `json:"timeline"`
	Disagreements []Disagreement `json:"disagreements"`
	Coverage      []Coverage     `json:"coverage"`
	Shared        []Fact         `json:"shared"`

	// Warnings name inputs that were skipped or repaired, one line each.
	Warnings []string `json:"warnings,omitempty"`
}

// DocumentInfo describes one input document in a brief.
type DocumentInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published"` // RFC 3339, a date, or "" when unknown
	// Words counts the words of the cleaned text; RemovedWords those cleaning took out.
	Words        int `json:"words"`
	RemovedWords int `json:"removed_words"`
}

// Info returns the document's description for a brief.
func (d *Document) Info() DocumentInfo {
	info := DocumentInfo{
		ID: d.ID, Title: d.Title, URL: d.URL, Outlet: d.Outlet, Author: d.Author,
		Words: d.Words(), RemovedWords: d.RemovedWords(),
	}
	if !d.Published.IsZero() {
		info.Published = FormatTime(d.Published)
	}
	return info
}

// FormatTime writes a publication time as a date when it has no time of day, else as RFC 3339.
func FormatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// Statement is one sentence of the summary with every document that says it.
type Statement struct {
	Text    string   `json:"text"`
	Sources []Source `json:"sources"`
}

// Source is one document's sentence that supports a statement, given exactly so
// that a reader can check it.
type Source struct {
	Doc      string `json:"doc"`
	Sentence string `json:"sentence"`
	// Span locates Sentence in the document's cleaned Text.
	Span Span `json:"span"`
}

// Quote is one direct quotation with its speaker and every document that carries it.
type Quote struct {
	Speaker string   `json:"speaker"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
	// Mentions locate the quote in each document, in the order of Sources.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Mention is one place in one document.
type Mention struct {
	Doc  string `json:"doc"`
	Span Span   `json:"span"`
}

// EntityType classifies an entity.
type EntityType string

// The entity types.
const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Place        EntityType = "place"
	Other        EntityType = "other"
)

// Entity is a person, organisation or place the story names.
type Entity struct {
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Mentions int        `json:"mentions"`
	Sources  []string   `json:"sources"`
}

// Event is a dated happening of the story.
type Event struct {
	// Date is "2016", "2016-09" or "2016-09-08"; "" when the date could not be resolved.
	Date string `json:"date"`
	// Expression is the date as the text writes it ("Dec. 29", "last year").
	Expression string   `json:"expression,omitempty"`
	Text       string   `json:"text"`
	Sources    []string `json:"sources"`
}

// Disagreement is one thing the outlets report differently.
type Disagreement struct {
	Topic  string  `json:"topic"`
	Claims []Claim `json:"claims"`
}

// Claim is one version of a disputed fact and the documents that give it.
type Claim struct {
	Text    string   `json:"text"`
	Value   string   `json:"value"`
	Sources []string `json:"sources"`
}

// Coverage lists what one document reports that no other does.
type Coverage struct {
	Doc    string   `json:"doc"`
	Unique []string `json:"unique"`
}

// Fact is a statement several documents share.
type Fact struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}
