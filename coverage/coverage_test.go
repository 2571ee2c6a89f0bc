package coverage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/coverage"
	"github.com/precis-news/precis/internal/cputime"
)

// story is a synthetic story whose answer is known: the sentences only one
// document says (unique), and those several say, reworded (shared).
type story struct {
	docs   []precis.Document
	unique map[string][]string // doc → sentences only it says
	shared [][]string          // groups of sentences saying one thing
}

var stories = map[string]story{
	"bridge": {
		docs: []precis.Document{
			{ID: "a", Text: "The Old Mill Bridge in Easton closed to all traffic on Tuesday after inspectors found a crack in a steel support.\n\nDrivers are being sent on a long detour through the town of Millbrook, adding twenty minutes to each trip.\n\nLocal shop owners on the east bank said the closure would badly hurt their business this winter."},
			{ID: "b", Text: "Inspectors found a crack in a steel support of the Old Mill Bridge in Easton, which closed to all traffic on Tuesday.\n\nThe county roads department said engineers would study the damage for at least three weeks before deciding on repairs.\n\nThe bridge was last shut for two months in 2019 for resurfacing work on its deck."},
			{ID: "c", Text: "Easton's Old Mill Bridge closed to all traffic Tuesday after inspectors found a crack in one steel support.\n\nEngineers will study the damage for at least three weeks before the county roads department decides on repairs.\n\nThe bridge, built in 1962, is one of only two crossings of the Wren River near Easton."},
		},
		unique: map[string][]string{
			"a": {"Drivers are being sent on a long detour through the town of Millbrook, adding twenty minutes to each trip.", "Local shop owners on the east bank said the closure would badly hurt their business this winter."},
			"b": {"The bridge was last shut for two months in 2019 for resurfacing work on its deck."},
			"c": {"The bridge, built in 1962, is one of only two crossings of the Wren River near Easton."},
		},
		shared: [][]string{
			{"The Old Mill Bridge in Easton closed to all traffic on Tuesday after inspectors found a crack in a steel support.", "Inspectors found a crack in a steel support of the Old Mill Bridge in Easton, which closed to all traffic on Tuesday.", "Easton's Old Mill Bridge closed to all traffic Tuesday after inspectors found a crack in one steel support."},
			{"The county roads department said engineers would study the damage for at least three weeks before deciding on repairs.", "Engineers will study the damage for at least three weeks before the county roads department decides on repairs."},
		},
	},
	"storm": {
		docs: []precis.Document{
			{ID: "wire", Text: "A powerful storm knocked out electricity to thousands of homes across the northern counties overnight, the utility said.\n\nCrews from three neighbouring states were called in to help restore the damaged power lines.\n\nThe national weather service warned that a second storm could reach the coast by Friday evening."},
			{ID: "local", Text: "Thousands of homes across the northern counties lost electricity overnight when a powerful storm swept through, according to the utility.\n\nA falling tree crushed a parked car on Elm Street, but nobody was hurt, the fire chief said.\n\nSchools in the district will stay closed on Thursday while roads are cleared of debris."},
		},
		unique: map[string][]string{
			"wire":  {"Crews from three neighbouring states were called in to help restore the damaged power lines.", "The national weather service warned that a second storm could reach the coast by Friday evening."},
			"local": {"A falling tree crushed a parked car on Elm Street, but nobody was hurt, the fire chief said.", "Schools in the district will stay closed on Thursday while roads are cleared of debris."},
		},
		shared: [][]string{
			{"A powerful storm knocked out electricity to thousands of homes across the northern counties overnight, the utility said.", "Thousands of homes across the northern counties lost electricity overnight when a powerful storm swept through, according to the utility."},
		},
	},
}

type tally struct{ uniqueGold, uniqueFound, uniqueRight, sharedGold, sharedFound, sharedRight int }

func (t *tally) add(s story, r coverage.Result) {
	for _, cv := range r.Unique {
		t.uniqueFound += len(cv.Unique)
		for _, u := range cv.Unique {
			if slices.Contains(s.unique[cv.Doc], u) {
				t.uniqueRight++
			}
		}
	}
	for _, us := range s.unique {
		t.uniqueGold += len(us)
	}
	t.sharedGold += len(s.shared)
	t.sharedFound += len(r.Shared)
	for _, f := range r.Shared {
		for _, g := range s.shared {
			if slices.Contains(g, f.Text) && len(f.Sources) == len(g) {
				t.sharedRight++
			}
		}
	}
}

// TestSynthetic checks unique and shared statements against stories whose answer
// is known, and reports precision and recall (docs/disagreements-coverage.md).
func TestSynthetic(t *testing.T) {
	var all tally
	names := []string{"bridge", "storm"}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			s := stories[name]
			r := coverage.Find(corpus.Build(s.docs))
			var one tally
			one.add(s, r)
			all.add(s, r)
			if one.uniqueRight != one.uniqueGold || one.uniqueFound != one.uniqueGold {
				t.Errorf("unique: %d right of %d found, %d expected: %+v", one.uniqueRight, one.uniqueFound, one.uniqueGold, r.Unique)
			}
			if one.sharedRight != one.sharedGold || one.sharedFound != one.sharedGold {
				t.Errorf("shared: %d right of %d found, %d expected: %+v", one.sharedRight, one.sharedFound, one.sharedGold, r.Shared)
			}
		})
	}
	t.Logf("unique: %d/%d right, %d expected; shared: %d/%d right, %d expected",
		all.uniqueRight, all.uniqueFound, all.uniqueGold, all.sharedRight, all.sharedFound, all.sharedGold)
}

func TestOneDocument(t *testing.T) {
	r := coverage.Find(corpus.Build([]precis.Document{{ID: "only", Text: "A powerful storm knocked out electricity to thousands of homes across the county overnight."}}))
	if r.Unique == nil || len(r.Unique) != 0 || r.Shared == nil || len(r.Shared) != 0 {
		t.Errorf("one document: %+v, want empty lists: nothing to compare it with", r)
	}
}

func ExampleFind() {
	s := stories["storm"]
	r := coverage.Find(corpus.Build(s.docs))
	for _, f := range r.Shared {
		fmt.Println(strings.Join(f.Sources, ","), "share:", f.Text)
	}
	fmt.Println("local adds:", r.Unique[1].Unique[0])
	// Output:
	// wire,local share: Thousands of homes across the northern counties lost electricity overnight when a powerful storm swept through, according to the utility.
	// local adds: A falling tree crushed a parked car on Elm Street, but nobody was hurt, the fire chief said.
}

// BenchmarkFindSessions finds the coverage of the bundled example story.
func BenchmarkFindSessions(b *testing.B) {
	files, _ := filepath.Glob("../examples/sessions/*.txt")
	var docs []precis.Document
	n := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: filepath.Base(f), Text: string(t)})
		n += len(t)
	}
	c := corpus.Build(docs)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	cpu := cputime.Now()
	for b.Loop() {
		coverage.Find(c)
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}
