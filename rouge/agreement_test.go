package rouge

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/precis-news/precis/internal/shared"
)

// vectorFile is the layout of ROUGE-1.5.5 test vectors (../shared/rouge/rouge-public.json
// and its hand-made part, testdata/rouge-edge.json).
type vectorFile struct {
	Cases []vector `json:"cases"`
}

type vector struct {
	ID      string `json:"id"`
	Options struct {
		Stem            bool    `json:"stem"`
		LimitWords      *int    `json:"limit_words"`
		LimitBytes      *int    `json:"limit_bytes"`
		MaxN            int     `json:"max_n"`
		SU4             bool    `json:"su4"`
		Formula         string  `json:"formula"`
		Alpha           float64 `json:"alpha"`
		RemoveStopwords bool    `json:"remove_stopwords"`
	} `json:"options"`
	Peer       []string   `json:"peer"`
	Refs       [][]string `json:"refs"`
	Expected   Scores     `json:"expected"`
	RawCommand string     `json:"raw_command"`
}

func (v *vector) options(t *testing.T) Options {
	t.Helper()
	f, err := ParseFormula(v.Options.Formula)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{MaxN: v.Options.MaxN, SU4: v.Options.SU4, Stem: v.Options.Stem,
		RemoveStopwords: v.Options.RemoveStopwords, Formula: f, Alpha: v.Options.Alpha}
	if v.Options.LimitWords != nil {
		o.LimitWords = *v.Options.LimitWords
	}
	if v.Options.LimitBytes != nil {
		o.LimitBytes = *v.Options.LimitBytes
	}
	return o
}

func readVectors(t *testing.T, path string) []vector {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f.Cases
}

// checkVector scores one vector and returns its disagreements with ROUGE-1.5.5, one line each.
func checkVector(t *testing.T, v *vector) []string {
	t.Helper()
	o := v.options(t)
	if got := o.String(); !strings.Contains(v.RawCommand, got[:strings.Index(got, " -f")]) {
		t.Errorf("options %q do not match the command %q", got, v.RawCommand)
	}
	got, err := Score(v.Peer, v.Refs, o)
	if err != nil {
		t.Fatal(err)
	}
	var diffs []string
	for _, m := range AllMetrics {
		g, w := got.Get(m), v.Expected.Get(m)
		for _, x := range []struct {
			name      string
			got, want float64
		}{{"R", g.Recall, w.Recall}, {"P", g.Precision, w.Precision}, {"F", g.F, w.F}} {
			if fmt.Sprintf("%.5f", x.got) != fmt.Sprintf("%.5f", x.want) {
				diffs = append(diffs, fmt.Sprintf("%s %s: got %.5f, ROUGE-1.5.5 %.5f", m.Name(), x.name, x.got, x.want))
			}
		}
	}
	return diffs
}

// runVectors checks every vector and logs the agreement figure.
func runVectors(t *testing.T, name string, vs []vector) {
	agree := 0
	for i := range vs {
		v := &vs[i]
		t.Run(v.ID, func(t *testing.T) {
			diffs := checkVector(t, v)
			for _, d := range diffs {
				t.Error(d)
			}
			if len(diffs) == 0 {
				agree++
			}
		})
	}
	t.Logf("%s: agrees with ROUGE-1.5.5 on %d/%d cases (18 numbers each, 5 decimals)", name, agree, len(vs))
}

// TestAgreementEdge runs the hand-made ROUGE-1.5.5 vectors kept in the repository.
func TestAgreementEdge(t *testing.T) {
	vs := readVectors(t, filepath.Join("testdata", "rouge-edge.json"))
	if len(vs) != 30 {
		t.Fatalf("testdata/rouge-edge.json has %d cases, want 30", len(vs))
	}
	runVectors(t, "testdata/rouge-edge.json", vs)
}

// TestAgreementPublic runs all 90 vectors of ../shared/rouge/rouge-public.json (60 quote
// Multi-News and are never committed here).
func TestAgreementPublic(t *testing.T) {
	vs := readVectors(t, shared.Path(t, "rouge", "rouge-public.json"))
	if len(vs) != 90 {
		t.Fatalf("rouge-public.json has %d cases, want 90", len(vs))
	}
	runVectors(t, "rouge-public.json", vs)
}

// TestOfficialSystemAverages recomputes ../shared/eval/systems-rouge.txt: the averages that
// ROUGE-1.5.5 (-m -n 4 -2 4 -u -c 95 -r 100 -f A -p 0.5 -t 0 -a) printed for 7 systems over
// the 100 Multi-News clusters, with evaluation IDs 1 … 100 in cluster order. Each summary
// file is read as ROUGE reads it; the items are sorted as ROUGE sorts their IDs (1, 10,
// 100, 11, …), which moves the printed bootstrap average by up to 0.15 points.
func TestOfficialSystemAverages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 800 summaries")
	}
	official := shared.Path(t, "eval", "systems-rouge.txt")
	data, err := os.ReadFile(official)
	if err != nil {
		t.Fatal(err)
	}
	clusters, err := filepath.Glob(filepath.Join(filepath.Dir(official), "multinews-dev", "mn*"))
	if err != nil || len(clusters) != 100 {
		t.Fatalf("found %d clusters: %v", len(clusters), err)
	}
	o := DefaultOptions()
	o.Stem = true
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	read := func(path string) *Summary {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return s.Prepare([]string{string(b)})
	}
	refs := make([]*Summary, len(clusters))
	for i, c := range clusters {
		refs[i] = read(filepath.Join(c, "refs", "newser.txt"))
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")[1:]
	agree, total := 0, 0
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) != 10 {
			t.Fatalf("unexpected line %q", line)
		}
		system := f[0]
		t.Run(system, func(t *testing.T) {
			ids := make([]string, len(clusters))
			items := make([]Scores, len(clusters))
			for i, c := range clusters {
				ids[i] = strconv.Itoa(i + 1)
				var err error
				if items[i], err = s.Score(read(filepath.Join(c, "systems", system+".txt")), refs[i:i+1]); err != nil {
					t.Fatal(err)
				}
			}
			if err := SortByID(ids, items); err != nil {
				t.Fatal(err)
			}
			a, err := Bootstrap{Confidence: 95, Resamples: 100}.Average(items)
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprintf("%s ROUGE-1 F=%.2f R=%.2f ROUGE-2 F=%.2f R=%.2f ROUGE-SU4 F=%.2f R=%.2f", system,
				100*a.Rouge1.F.Average, 100*a.Rouge1.Recall.Average, 100*a.Rouge2.F.Average,
				100*a.Rouge2.Recall.Average, 100*a.RougeSU4.F.Average, 100*a.RougeSU4.Recall.Average)
			gf := strings.Fields(got)
			for k := range f {
				if strings.Contains(f[k], "=") {
					total++
					if gf[k] == f[k] {
						agree++
					} else {
						name := f[k-1]
						if strings.Contains(name, "=") {
							name = f[k-2]
						}
						t.Errorf("%s: got %s, ROUGE-1.5.5 printed %s", name, gf[k], f[k])
					}
				}
			}
		})
	}
	t.Logf("agrees with ROUGE-1.5.5's printed system averages on %d/%d numbers", agree, total)
}
