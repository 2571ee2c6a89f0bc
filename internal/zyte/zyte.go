// Package zyte scores article extraction the way the Zyte article-extraction
// benchmark does, and loads its pages from the shared research folder.
package zyte

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
)

// Page is one benchmark page: the HTML as fetched and the human-marked article body.
type Page struct {
	ID       string
	URL      string
	HTML     []byte
	Expected string
}

// Load reads every page of a benchmark folder (<dir>/<id>/{page.html,expected.txt,meta.json}),
// sorted by id.
func Load(dir string) ([]Page, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("zyte: %w", err)
	}
	var pages []Page
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p := Page{ID: e.Name()}
		sub := filepath.Join(dir, e.Name())
		if p.HTML, err = os.ReadFile(filepath.Join(sub, "page.html")); err != nil {
			return nil, fmt.Errorf("zyte: %w", err)
		}
		b, err := os.ReadFile(filepath.Join(sub, "expected.txt"))
		if err != nil {
			return nil, fmt.Errorf("zyte: %w", err)
		}
		p.Expected = string(b)
		if b, err := os.ReadFile(filepath.Join(sub, "meta.json")); err == nil {
			var m struct {
				URL string `json:"url"`
			}
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("zyte: %s: %w", filepath.Join(sub, "meta.json"), err)
			}
			p.URL = m.URL
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// word is Python's \w+ over Unicode text; RE2's \w is ASCII-only.
var word = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingles returns the multiset of runs of 4 consecutive tokens of text;
// a text of 1-3 tokens gives one shorter run, an empty text none.
func shingles(text string) map[string]int {
	toks := word.FindAllString(text, -1)
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[joinTokens(toks)]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[joinTokens(toks[i:i+4])]++
	}
	return m
}

func joinTokens(t []string) string {
	s := t[0]
	for _, x := range t[1:] {
		s += "\x00" + x
	}
	return s
}

// Score is one page's match between predicted and true article text, in shingles.
type Score struct {
	TP, FP, FN int
	// Predicted is false when the extractor gave no text: the page then counts
	// as recall 0 and is left out of the precision mean.
	Predicted bool
}

// Precision returns TP/(TP+FP), 1 when nothing is wrong either way, 0 when nothing matched.
func (s Score) Precision() float64 {
	switch {
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP == 0:
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall returns TP/(TP+FN), 1 when nothing is wrong either way, 0 when nothing matched.
func (s Score) Recall() float64 {
	switch {
	case !s.Predicted:
		return 0
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP == 0:
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// Compare scores a predicted article text against the true one.
func Compare(predicted, truth string) Score {
	p, t := shingles(predicted), shingles(truth)
	var s Score
	s.Predicted = len(p) > 0
	np, nt := 0, 0
	for k, c := range p {
		np += c
		s.TP += min(c, t[k])
	}
	for _, c := range t {
		nt += c
	}
	s.FP, s.FN = np-s.TP, nt-s.TP
	return s
}

// Result is the benchmark's figure over many pages.
type Result struct {
	Pages             int
	Precision, Recall float64
	F1                float64
	Empty             int // pages with no prediction
}

// Aggregate averages precision over the pages with a prediction and recall over
// all pages, and takes F1 of the two means, as the benchmark does.
func Aggregate(scores []Score) Result {
	r := Result{Pages: len(scores)}
	var sp, sr float64
	np := 0
	for _, s := range scores {
		sr += s.Recall()
		if s.Predicted {
			sp += s.Precision()
			np++
		} else {
			r.Empty++
		}
	}
	if np > 0 {
		r.Precision = sp / float64(np)
	}
	if len(scores) > 0 {
		r.Recall = sr / float64(len(scores))
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}
