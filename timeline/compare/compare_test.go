// Package compare measures github.com/markusmobius/go-dateparser against the date
// package on the timeline labels. It is its own module so that the project does not
// depend on go-dateparser: run it with `cd timeline/compare && go test -v`.
package compare

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	dpsdate "github.com/markusmobius/go-dateparser/date"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/timeline"
)

type label struct {
	Doc        string `json:"doc"`
	Start, End int
	Value      string `json:"value"`
}

// TestMain points internal/shared at the folder beside the repository, since this
// module's root is not the repository's.
func TestMain(m *testing.M) {
	if os.Getenv("PRECIS_SHARED") == "" {
		if dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared")); err == nil {
			os.Setenv("PRECIS_SHARED", dir)
		}
	}
	os.Exit(m.Run())
}

var stories = []string{"sessions", "mn006", "mn014", "mn030", "mn058", "mn071", "mn089", "mn032", "mn043", "mn096"}

func load(t testing.TB, story string) ([]precis.Document, []label) {
	dir := filepath.Join("..", "..", "examples", "sessions")
	if story != "sessions" {
		dir = filepath.Join(shared.Path(t, "eval", "multinews-dev"), story, "docs")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	var docs []precis.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "labels", story+".timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ls []label
	if err := json.Unmarshal(b, &ls); err != nil {
		t.Fatal(err)
	}
	return docs, ls
}

// found is one expression a system found: its span and value ("" unresolved).
type found struct {
	doc        string
	start, end int
	value      string
}

// dateparser runs go-dateparser's Search on each document, with the reference date the
// timeline package would use as its current time (the time of the run when it has none),
// preferring past readings; its matches carry no offsets, so each is looked up in order.
func dateparser(docs []precis.Document, refs []timeline.Reference) []found {
	var out []found
	for d, doc := range docs {
		cfg := &dps.Configuration{Languages: []string{"en"}, PreferredDateSource: dps.Past}
		if refs[d].Known() {
			cfg.CurrentTime = refs[d].Day
		}
		_, res, err := dps.Search(cfg, doc.Text)
		if err != nil {
			continue
		}
		at := 0
		for _, r := range res {
			i := strings.Index(doc.Text[at:], r.Text)
			if i < 0 {
				continue
			}
			f := found{doc: doc.ID, start: at + i, end: at + i + len(r.Text)}
			at = f.end
			t := r.Date.Time
			switch r.Date.Period {
			case dpsdate.Year:
				f.value = fmt.Sprintf("%04d", t.Year())
			case dpsdate.Month:
				f.value = fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
			default:
				f.value = t.Format(time.DateOnly)
			}
			out = append(out, f)
		}
	}
	return out
}

func ours(docs []precis.Document, ms []timeline.Mention) []found {
	out := make([]found, len(ms))
	for i, m := range ms {
		out[i] = found{doc: docs[m.Doc].ID, start: m.Expr.Span.Start, end: m.Expr.Span.End, value: m.Value.String()}
	}
	return out
}

type score struct{ gold, found, hit, same, wrong int }

func match(ls []label, fs []found) score {
	s := score{gold: len(ls), found: len(fs)}
	used := make([]bool, len(ls))
	for _, f := range fs {
		for i, l := range ls {
			if !used[i] && l.Doc == f.doc && l.Start < f.end && f.start < l.End {
				used[i] = true
				s.hit++
				if f.value == l.Value {
					s.same++
				} else if f.value != "" {
					s.wrong++
				}
				break
			}
		}
	}
	return s
}

func (s *score) add(o score) {
	s.gold += o.gold
	s.found += o.found
	s.hit += o.hit
	s.same += o.same
	s.wrong += o.wrong
}

func (s score) String() string {
	return fmt.Sprintf("%d | %d | %.3f | %.3f | %.3f | %d", s.gold, s.found, float64(s.hit)/float64(s.found), float64(s.hit)/float64(s.gold), float64(s.same)/float64(s.hit), s.wrong)
}

// TestCompare prints detection precision and recall, value accuracy on the matches,
// wrong dates and time taken by each system on all labelled stories.
func TestCompare(t *testing.T) {
	var a, b score
	var ta, tb time.Duration
	for _, story := range stories {
		docs, ls := load(t, story)
		c := corpus.Build(docs)
		start := time.Now()
		ms, refs := timeline.DefaultConfig().Dates(c)
		ta += time.Since(start)
		start = time.Now()
		dp := dateparser(docs, refs)
		tb += time.Since(start)
		sa, sb := match(ls, ours(docs, ms)), match(ls, dp)
		a.add(sa)
		b.add(sb)
		t.Logf("%s: date %v; go-dateparser %v", story, sa, sb)
	}
	t.Logf("\n| system | labels | found | P | R | value acc. | wrong date | time |\n|---|---|---|---|---|---|---|---|\n| precis date | %v | %v |\n| go-dateparser v1.4.7 | %v | %v |", a, ta.Round(time.Microsecond), b, tb.Round(time.Millisecond))
}
