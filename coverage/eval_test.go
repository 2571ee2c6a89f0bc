package coverage_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/coverage"
	"github.com/precis-news/precis/internal/labels"
	"github.com/precis-news/precis/internal/shared"
)

var verbose = flag.Bool("coverage.v", false, "print every item found on the labelled stories")

// anchor locates a labelled fact in a document by byte offsets (into the file;
// moved into the cleaned text before scoring).
type anchor struct {
	Doc        string `json:"doc"`
	Start, End int
}

// storyLabels are a story's coverage labels: the facts only one document reports
// (each an anchor in its sentence), and the facts several report (each with an
// anchor in every sentence that says it). Sentences in neither list (captions,
// boilerplate, details of a shared fact) are right neither as unique nor as shared.
type storyLabels struct {
	Unique []anchor `json:"unique"`
	Shared []struct {
		Anchors []anchor `json:"anchors"`
	} `json:"shared"`
}

var labelledStories = []string{"mn076", "mn080", "mn085"}

func loadCluster(t *testing.T, story string) ([]precis.Document, storyLabels) {
	t.Helper()
	docs := labels.Documents(t, story)
	var l storyLabels
	labels.Load(t, story, "coverage", &l)
	// Clean as the engine does, and move the anchors into the cleaned texts.
	move := func(a *anchor) {
		for d := range docs {
			if docs[d].ID == a.Doc {
				raw := docs[d].Text
				cleaned, _ := clean.Text(raw, "")
				a.Start, a.End = moved(raw, cleaned, a.Start, a.End)
			}
		}
	}
	for k := range l.Unique {
		move(&l.Unique[k])
	}
	for f := range l.Shared {
		for k := range l.Shared[f].Anchors {
			move(&l.Shared[f].Anchors[k])
		}
	}
	for d := range docs {
		clean.Document(&docs[d])
	}
	return docs, l
}

// moved finds the span [start, end) of text in its cleaned copy: by its line, else
// by the words around it, else by itself when it occurs once; -1 when cleaning removed it.
func moved(text, cleanText string, start, end int) (int, int) {
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	le := len(text)
	if i := strings.IndexByte(text[end:], '\n'); i >= 0 {
		le = end + i
	}
	for _, w := range []int{le - ls, 40, 15} {
		a, b := max(ls, start-w), min(le, end+w)
		if i := strings.Index(cleanText, text[a:b]); i >= 0 {
			return i + start - a, i + end - a
		}
	}
	if s := text[start:end]; strings.Count(cleanText, s) == 1 {
		i := strings.Index(cleanText, s)
		return i, i + len(s)
	}
	return -1, -1
}

// sentenceOf returns the sentence of c whose text, on one line, is text, in document doc.
func sentenceOf(c *corpus.Corpus, doc int, text string) int {
	first, end := c.DocSentences(doc)
	for i := first; i < end; i++ {
		if strings.Join(strings.Fields(c.Sentences[i].Text), " ") == text {
			return i
		}
	}
	return -1
}

func overlaps(c *corpus.Corpus, i int, a anchor) bool {
	s := c.Sentences[i]
	return c.Docs[s.Doc].ID == a.Doc && s.Span.Start < a.End && a.Start < s.Span.End
}

type covScore struct {
	unique, uniqueRight, uniqueLabelled, uniqueFound int
	shared, sharedRight, sharedLabelled, sharedFound int
}

func (s *covScore) add(o covScore) {
	s.unique += o.unique
	s.uniqueRight += o.uniqueRight
	s.uniqueLabelled += o.uniqueLabelled
	s.uniqueFound += o.uniqueFound
	s.shared += o.shared
	s.sharedRight += o.sharedRight
	s.sharedLabelled += o.sharedLabelled
	s.sharedFound += o.sharedFound
}

func evalCoverage(t *testing.T, story string) covScore {
	docs, l := loadCluster(t, story)
	c := corpus.Build(docs)
	r := coverage.Find(c)
	s := covScore{uniqueLabelled: len(l.Unique), sharedLabelled: len(l.Shared)}
	uniqueHit := make([]bool, len(l.Unique))
	for d, cov := range r.Unique {
		for _, text := range cov.Unique {
			s.unique++
			i := sentenceOf(c, d, text)
			right := false
			for k, a := range l.Unique {
				if i >= 0 && overlaps(c, i, a) {
					right, uniqueHit[k] = true, true
				}
			}
			if right {
				s.uniqueRight++
			}
			if *verbose {
				fmt.Printf("%s unique %s %v: %s\n", story, cov.Doc, right, text)
			}
		}
	}
	sharedHit := make([]bool, len(l.Shared))
	for _, f := range r.Shared {
		s.shared++
		right := false
		for d := range docs {
			i := sentenceOf(c, d, f.Text)
			if i < 0 {
				continue
			}
			for k, fact := range l.Shared {
				for _, a := range fact.Anchors {
					if overlaps(c, i, a) {
						right, sharedHit[k] = true, true
					}
				}
			}
		}
		if right {
			s.sharedRight++
		}
		if *verbose {
			fmt.Printf("%s shared %v %v: %s\n", story, f.Sources, right, f.Text)
		}
	}
	for _, h := range uniqueHit {
		if h {
			s.uniqueFound++
		}
	}
	for _, h := range sharedHit {
		if h {
			s.sharedFound++
		}
	}
	return s
}

// TestEvaluation scores coverage on the labelled Multi-News clusters: the share
// of unique and shared items that are right (precision), and of labelled facts
// found (recall). Run with -v for the table, -coverage.v for every item.
func TestEvaluation(t *testing.T) {
	shared.Path(t, "eval", "multinews-dev")
	var all covScore
	rows := []string{"| story | unique listed | right | P | labelled unique found | shared listed | right | P | labelled shared found |", "|---|---|---|---|---|---|---|---|---|"}
	row := func(name string, s covScore) string {
		return fmt.Sprintf("| %s | %d | %d | %.2f | %d of %d | %d | %d | %.2f | %d of %d |", name, s.unique, s.uniqueRight, labels.Ratio(s.uniqueRight, s.unique),
			s.uniqueFound, s.uniqueLabelled, s.shared, s.sharedRight, labels.Ratio(s.sharedRight, s.shared), s.sharedFound, s.sharedLabelled)
	}
	for _, st := range labelledStories {
		s := evalCoverage(t, st)
		rows = append(rows, row(st, s))
		all.add(s)
	}
	rows = append(rows, row("all", all))
	t.Logf("\n%s", strings.Join(rows, "\n"))
	const minUnique, minShared = 0.5, 0.8
	if p := labels.Ratio(all.uniqueRight, all.unique); p < minUnique {
		t.Errorf("unique precision %.2f < %.2f", p, minUnique)
	}
	if p := labels.Ratio(all.sharedRight, all.shared); p < minShared {
		t.Errorf("shared precision %.2f < %.2f", p, minShared)
	}
}
