// Package labels reads the project's hand-labelled stories for the evaluation
// tests of the story analyses: a story's documents and its label files.
//
// A story is "sessions" (the bundled example, examples/sessions) or a Multi-News
// dev cluster ("mn012", read from ../shared/eval/multinews-dev, whose text is never
// committed). Label files are testdata/labels/<story>.<kind>.json; for Multi-News
// clusters they hold byte offsets and names only.
package labels

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/internal/shared"
)

// Example names the bundled example story.
const Example = "sessions"

// Documents returns the raw documents of story, in file-name order, each with its
// file name (without .txt) as ID. A Multi-News story skips the test when ../shared
// is absent.
func Documents(t testing.TB, story string) []precis.Document {
	t.Helper()
	dir := filepath.Join(shared.Repo(), "examples", "sessions")
	if story != Example {
		dir = filepath.Join(shared.Path(t, "eval", "multinews-dev"), story, "docs")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no documents in %s", dir)
	}
	sort.Strings(files)
	docs := make([]precis.Document, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = precis.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)}
	}
	return docs
}

// Load decodes testdata/labels/<story>.<kind>.json into v.
func Load(t testing.TB, story, kind string, v any) {
	t.Helper()
	path := filepath.Join(shared.Repo(), "testdata", "labels", story+"."+kind+".json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// Ratio returns a/b, or 0 when b is 0: precision and recall of nothing are 0.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Moved finds the span [start, end) of text in its cleaned copy: by its line,
// else by the words around it, else by itself when it occurs once; -1, -1 when
// cleaning removed it. Labels are offsets into the raw text; the analyses read
// the cleaned one.
func Moved(text, cleanText string, start, end int) (int, int) {
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

// Set is a named list of labelled stories.
type Set struct {
	Name    string
	Stories []string
}

// The stories labelled for quotations and entities: the example story and
// Multi-News clusters, in the order they were labelled, each before the system
// ran on it (docs/quotes-entities.md tells which rounds read whose errors). The
// first tuned set came with the first held-out set; then Round3 (tuned) with
// HeldOut2; then Round4 (tuned) with HeldOut3; then HeldOut4 alone (the 9th,
// 18th, 27th and 36th clusters without quote labels; quote labels only); then
// HeldOut5 (the first cluster with neither quote nor entity labels after mn015,
// mn035, mn065 and mn087), whose errors are never printed.
var (
	Tuned    = Set{"tuned", []string{"sessions", "mn012", "mn033", "mn009", "mn078", "mn041", "mn014", "mn058", "mn091"}}
	Round3   = Set{"round-3", []string{"mn054", "mn061", "mn064", "mn097"}}
	Round4   = Set{"round-4", []string{"mn000", "mn057", "mn059", "mn069"}}
	HeldOut  = Set{"held-out", []string{"mn049", "mn055", "mn060", "mn084"}}
	HeldOut2 = Set{"held-out-2", []string{"mn062", "mn080", "mn093", "mn099"}}
	HeldOut3 = Set{"held-out-3", []string{"mn023", "mn027", "mn081"}}
	HeldOut4 = Set{"held-out-4", []string{"mn010", "mn021", "mn032", "mn043"}}
	HeldOut5 = Set{"held-out-5", []string{"mn016", "mn036", "mn066", "mn088"}}
)
