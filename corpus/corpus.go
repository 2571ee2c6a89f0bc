// Package corpus splits a story's documents into sentences and terms: the common
// input of the summarizers and of the story analyses.
package corpus

import (
	"math"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/sentence"
	"github.com/precis-news/precis/token"
)

// Corpus is a story's documents, split into sentences whose content words are
// numbered as terms.
type Corpus struct {
	Docs []precis.Document
	// Sentences holds every sentence of every document: document order, then position.
	Sentences []precis.Sentence
	// First[d] is the index in Sentences of document d's first sentence;
	// First[len(Docs)] is len(Sentences).
	First []int
	// Terms[i] lists the term ids of sentence i's content tokens, in order, repeats kept.
	Terms [][]int32
	// Vocab maps a term id to its stem.
	Vocab []string
	// DF counts, per term, the documents that contain it.
	DF []int
	// IDF is log(N/DF) per term, N the number of documents, smoothed so it is never 0.
	IDF []float64
}

// Build splits docs into sentences and tokens.
func Build(docs []precis.Document) *Corpus {
	c := &Corpus{Docs: docs, First: make([]int, 0, len(docs)+1)}
	ids := map[string]int32{}
	for d := range docs {
		c.First = append(c.First, len(c.Sentences))
		text := docs[d].Text
		seen := map[int32]bool{}
		for p, para := range sentence.Paragraphs(text) {
			for _, span := range sentence.Split(para.Of(text)) {
				span.Start += para.Start
				span.End += para.Start
				s := precis.Sentence{
					Doc: d, Index: len(c.Sentences) - c.First[d], Paragraph: p,
					Span: span, Text: span.Of(text), Tokens: token.Tokenize(text, span),
				}
				var terms []int32
				for _, t := range s.Tokens {
					if !t.IsContent() {
						continue
					}
					id, ok := ids[t.Stem]
					if !ok {
						id = int32(len(c.Vocab))
						ids[t.Stem] = id
						c.Vocab = append(c.Vocab, t.Stem)
						c.DF = append(c.DF, 0)
					}
					if !seen[id] {
						seen[id] = true
						c.DF[id]++
					}
					terms = append(terms, id)
				}
				c.Sentences = append(c.Sentences, s)
				c.Terms = append(c.Terms, terms)
			}
		}
	}
	c.First = append(c.First, len(c.Sentences))
	n := float64(len(docs))
	c.IDF = make([]float64, len(c.DF))
	for i, df := range c.DF {
		c.IDF[i] = math.Log(1 + n/float64(df))
	}
	return c
}

// DocSentences returns the indexes in Sentences of document d's sentences.
func (c *Corpus) DocSentences(d int) (first, end int) { return c.First[d], c.First[d+1] }
