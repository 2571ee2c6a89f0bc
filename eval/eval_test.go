package eval

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/rouge"
	"github.com/precis-news/precis/sentence"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// firsts is a summarizer for tests: the first sentence of each document, then the second …,
// while they fit the budget.
func firsts(name string) Summarizer {
	return Summarizer{Name: name, Summarize: func(ctx context.Context, docs []precis.Document, words int) ([]string, error) {
		var split [][]string
		for _, d := range docs {
			var ss []string
			for _, sp := range sentence.Split(d.Text) {
				ss = append(ss, sp.Of(d.Text))
			}
			split = append(split, ss)
		}
		var out []string
		n := 0
		for k := 0; ; k++ {
			added := false
			for _, ss := range split {
				if k < len(ss) {
					added = true
					if w := precis.CountWords(ss[k]); n+w <= words {
						out = append(out, ss[k])
						n += w
					}
				}
			}
			if !added {
				return out, nil
			}
		}
	}}
}

// fails fails on clusters that mention a school; everywhere else it says nothing.
var fails = Summarizer{Name: "fails", Summarize: func(ctx context.Context, docs []precis.Document, words int) ([]string, error) {
	if strings.Contains(docs[0].Text, "school") {
		return nil, errors.New("no summary of schools")
	}
	return nil, nil
}}

// verbose ignores the budget.
var verbose = Summarizer{Name: "verbose", Summarize: func(ctx context.Context, docs []precis.Document, words int) ([]string, error) {
	var out []string
	for _, d := range docs {
		for _, sp := range sentence.Split(d.Text) {
			out = append(out, sp.Of(d.Text))
		}
	}
	return out, nil
}}

func openStory(t testing.TB) *dataset.Dataset {
	t.Helper()
	ds, err := dataset.Open(context.Background(), filepath.Join("testdata", "story"), dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func storyConfig() Config {
	cfg := DefaultConfig()
	cfg.Summarizers = []Summarizer{firsts("firsts"), fails, verbose}
	cfg.Words = 30
	cfg.KeepSummaries = true
	return cfg
}

func TestRun(t *testing.T) {
	ds := openStory(t)
	docWords := func(cluster string) int { // what verbose says: every word of the cluster
		n := 0
		for _, c := range ds.Clusters {
			if c.ID == cluster {
				for _, d := range c.Docs {
					n += precis.CountWords(d.Text)
				}
			}
		}
		return n
	}
	r, err := Run(context.Background(), ds, storyConfig())
	if err != nil {
		t.Fatal(err)
	}
	if r.Clusters != 4 || r.Scored != 3 || r.Words != 30 || r.WordsMean {
		t.Errorf("clusters %d, scored %d, words %d (mean %v); want 4, 3, 30, false", r.Clusters, r.Scored, r.Words, r.WordsMean)
	}
	var names []string
	for _, row := range r.Rows {
		names = append(names, string(row.Kind)+":"+row.Name)
		if len(row.Items) != r.Scored {
			t.Errorf("%s: %d items, want %d", row.Name, len(row.Items), r.Scored)
		}
		for k := 1; k < len(row.Items); k++ {
			if row.Items[k-1].index >= row.Items[k].index {
				t.Errorf("%s: items out of dataset order", row.Name)
			}
		}
	}
	for k := 1; k < len(r.Rows); k++ {
		if a, b := r.Rows[k-1].Scores.Rouge2.F.Average, r.Rows[k].Scores.Rouge2.F.Average; a < b {
			t.Errorf("row %d (%s, R-2 %.5f) above row %d (%s, R-2 %.5f)", k-1, r.Rows[k-1].Name, a, k, r.Rows[k].Name, b)
		}
	}
	for _, want := range []string{"algorithm:firsts", "algorithm:fails", "algorithm:verbose", "system:first", "system:blank"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("rows %v lack %s", names, want)
		}
	}
	failed := map[string]int{"firsts": 0, "fails": 3, "verbose": 0, "first": 1, "blank": 3}
	for name, want := range failed {
		if got := r.Row(name).Failed; got != want {
			t.Errorf("%s: %d failed clusters, want %d", name, got, want)
		}
	}
	if f := r.Row("fails").Scores.Rouge1.F; f.Average != 0 || f.Upper != 0 {
		t.Errorf("fails scored %+v, want 0", f)
	}
	var problems []string
	for _, p := range r.Problems {
		problems = append(problems, p.String())
	}
	want := []string{
		"bridge: fails: empty summary (scored 0)",
		fmt.Sprintf("bridge: verbose: %d words, over the budget of 30", docWords("bridge")),
		"bridge: blank: empty summary (scored 0)",
		"floods: fails: empty summary (scored 0)",
		fmt.Sprintf("floods: verbose: %d words, over the budget of 30", docWords("floods")),
		"floods: blank: no summary (scored 0)",
		"nodocs: not scored: no documents",
		"school: fails: no summary of schools (scored 0)",
		fmt.Sprintf("school: verbose: %d words, over the budget of 30", docWords("school")),
		"school: blank: no summary (scored 0)",
		"school: first: no summary (scored 0)",
	}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	for _, it := range r.Row("firsts").Items {
		if it.Words > 30 || it.Words == 0 || countWords(it.Lines) != it.Words {
			t.Errorf("firsts on %s: %d words, lines %q", it.Cluster, it.Words, it.Lines)
		}
	}
}

// TestRunDeterministic: the report does not depend on the number of jobs.
func TestRunDeterministic(t *testing.T) {
	var reports []string
	for _, jobs := range []int{1, 4} {
		cfg := storyConfig()
		cfg.Jobs = jobs
		r, err := Run(context.Background(), openStory(t), cfg)
		if err != nil {
			t.Fatal(err)
		}
		zeroTimes(r)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, string(b))
	}
	if reports[0] != reports[1] {
		t.Error("reports differ between 1 and 4 jobs")
	}
}

func zeroTimes(r *Report) {
	r.Seconds = 0
	for k := range r.Rows {
		r.Rows[k].Seconds = 0
		for j := range r.Rows[k].Items {
			r.Rows[k].Items[j].Seconds = 0
		}
	}
}

func TestRunBudgetFromReferences(t *testing.T) {
	cfg := storyConfig()
	cfg.Words = 0
	r, err := Run(context.Background(), openStory(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// bridge: 20 and 16 words, floods 22, school 16: mean 18.5, rounded to 19
	// (the nodocs cluster is not scored).
	if !r.WordsMean || r.Words != 19 || r.RefWords != 18.5 {
		t.Errorf("budget %d (mean %v), references %.2f words; want 19 from 18.5", r.Words, r.WordsMean, r.RefWords)
	}
}

func TestRunErrors(t *testing.T) {
	ds := openStory(t)
	tests := []struct {
		name   string
		change func(*Config)
		want   error
	}{
		{"negative budget", func(c *Config) { c.Words = -1 }, precis.ErrInvalid},
		{"bad rouge options", func(c *Config) { c.Rouge.MaxN = 9 }, precis.ErrInvalid},
		{"bad bootstrap", func(c *Config) { c.Bootstrap.Resamples = 0 }, precis.ErrInvalid},
		{"repeated summarizer", func(c *Config) { c.Summarizers = append(c.Summarizers, fails) }, precis.ErrInvalid},
		{"summarizer without function", func(c *Config) { c.Summarizers = []Summarizer{{Name: "x"}} }, precis.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := storyConfig()
			tt.change(&cfg)
			if _, err := Run(context.Background(), ds, cfg); !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("nothing scored", func(t *testing.T) {
		empty := &dataset.Dataset{Name: "empty", Clusters: []dataset.Cluster{{ID: "a", Problems: []error{dataset.ErrNoDocuments}}}}
		r, err := Run(context.Background(), empty, storyConfig())
		if !errors.Is(err, ErrNothingScored) || r == nil || len(r.Problems) != 1 {
			t.Fatalf("error %v, report %+v; want ErrNothingScored with one problem", err, r)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := Run(ctx, ds, storyConfig()); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
}

func TestRunProgress(t *testing.T) {
	cfg := storyConfig()
	cfg.Jobs = 2
	var calls []string
	cfg.Progress = func(done, total int) { calls = append(calls, fmt.Sprintf("%d/%d", done, total)) }
	if _, err := Run(context.Background(), openStory(t), cfg); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(calls, " "); got != "1/3 2/3 3/3" {
		t.Errorf("progress %q, want 1/3 2/3 3/3", got)
	}
}

// TestWriteTable checks the table against a golden file (times zeroed).
func TestWriteTable(t *testing.T) {
	r, err := Run(context.Background(), openStory(t), storyConfig())
	if err != nil {
		t.Fatal(err)
	}
	zeroTimes(r)
	if err := r.CompareTo("first", rouge.DefaultBootstrap()); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteTable(&b, F); err != nil {
		t.Fatal(err)
	}
	golden(t, "story.table.golden", b.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (go test -update to accept); got:\n%s", path, got)
	}
}

func TestWriteCSVAndJSON(t *testing.T) {
	r, err := Run(context.Background(), openStory(t), storyConfig())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+len(r.Rows) || len(recs[0]) != 6+len(r.Metrics)*9 {
		t.Errorf("CSV of %d lines × %d fields, want %d × %d", len(recs), len(recs[0]), 1+len(r.Rows), 6+len(r.Metrics)*9)
	}
	if recs[1][0] != r.Rows[0].Name || recs[1][12] != fmt.Sprintf("%.5f", r.Rows[0].Scores.Rouge1.F.Average) {
		t.Errorf("first CSV row %q does not match %s's ROUGE-1 F %.5f", recs[1][:13], r.Rows[0].Name, r.Rows[0].Scores.Rouge1.F.Average)
	}
	b.Reset()
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Scored   int       `json:"scored"`
		Problems []Problem `json:"problems"`
		Rows     []struct {
			Name     string         `json:"name"`
			Scores   rouge.Averages `json:"scores"`
			Clusters []Item         `json:"clusters"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Scored != 3 || len(back.Problems) != len(r.Problems) || len(back.Rows) != len(r.Rows) || len(back.Rows[0].Clusters) != 3 ||
		back.Rows[0].Scores != r.Rows[0].Scores {
		t.Errorf("JSON does not give the report back: %s", b.String()[:min(b.Len(), 400)])
	}
}

func TestWriteSummaries(t *testing.T) {
	r, err := Run(context.Background(), openStory(t), storyConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := r.WriteSummaries(dir); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "bridge", "firsts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(r.Row("firsts").Items[0].Lines, "\n") + "\n"
	if string(got) != want {
		t.Errorf("bridge/firsts.txt = %q, want %q", got, want)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "school", "fails.txt")); err != nil || len(b) != 0 {
		t.Errorf("school/fails.txt: %q, %v; want an empty file", b, err)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"mn001": "mn001", "a/b": "a_b", "..": "_..", "": "_", "D30001.M": "D30001.M", "é x": "__x"} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlot(t *testing.T) {
	r, err := Run(context.Background(), openStory(t), storyConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for ext, magic := range map[string]string{".svg": "<?xml", ".png": "\x89PNG", ".pdf": "%PDF"} {
		path := filepath.Join(dir, "chart"+ext)
		if err := r.Plot(path, F); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(b, []byte(magic)) {
			t.Errorf("%s: %d bytes starting %q, %v; want %q", ext, len(b), b[:min(len(b), 8)], err, magic)
		}
	}
	if err := r.Plot(filepath.Join(dir, "chart.gif"), F); !errors.Is(err, precis.ErrInvalid) {
		t.Errorf("plotting a .gif: %v, want ErrInvalid", err)
	}
}

func TestCompare(t *testing.T) {
	r, err := Run(context.Background(), openStory(t), storyConfig())
	if err != nil {
		t.Fatal(err)
	}
	bs := rouge.DefaultBootstrap()
	a, b := r.Row("firsts"), r.Row("fails")
	c, err := Compare(a, a, rouge.Rouge1, bs)
	if err != nil || c.Ties != 3 || c.Delta != (rouge.Estimate{}) {
		t.Errorf("a row against itself: %+v, %v; want 3 ties and no difference", c, err)
	}
	c, err = Compare(a, b, rouge.Rouge2, bs)
	if err != nil || c.Better != 3 || c.Delta.Mean != a.Scores.Rouge2.F.Mean || c.Delta.Lower <= 0 {
		t.Errorf("firsts against an empty summarizer: %+v, %v; want better on 3, difference = firsts' mean", c, err)
	}
	short := *b
	short.Items = short.Items[:2]
	if _, err := Compare(a, &short, rouge.Rouge1, bs); !errors.Is(err, precis.ErrInvalid) {
		t.Errorf("rows of different clusters: %v, want ErrInvalid", err)
	}
	if err := r.CompareTo("nobody", bs); !errors.Is(err, precis.ErrInvalid) {
		t.Errorf("CompareTo an unknown row: %v, want ErrInvalid", err)
	}
}

// TestOfficialSystems scores the systems of the shared Multi-News set as ROUGE-1.5.5 did for
// ../shared/eval/systems-rouge.txt (-m -n 4 -2 4 -u -c 95 -r 100 -f A -p 0.5) and checks the
// eval table's numbers against every printed one.
func TestOfficialSystems(t *testing.T) {
	official, err := os.ReadFile(shared.Path(t, "eval", "systems-rouge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Open(context.Background(), shared.Path(t, "eval", "multinews-dev"), dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Bootstrap.Resamples = 100
	r, err := Run(context.Background(), ds, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 0 {
		t.Errorf("problems: %v", r.Problems)
	}
	lines := strings.Split(strings.TrimSpace(string(official)), "\n")[1:]
	agree := 0
	for _, line := range lines {
		f := strings.Fields(line)
		row := r.Row(f[0])
		if row == nil {
			t.Errorf("no row %s", f[0])
			continue
		}
		a := row.Scores
		got := strings.Fields(fmt.Sprintf("%s ROUGE-1 F=%.2f R=%.2f ROUGE-2 F=%.2f R=%.2f ROUGE-SU4 F=%.2f R=%.2f", f[0],
			100*a.Rouge1.F.Average, 100*a.Rouge1.Recall.Average, 100*a.Rouge2.F.Average,
			100*a.Rouge2.Recall.Average, 100*a.RougeSU4.F.Average, 100*a.RougeSU4.Recall.Average))
		for k := range f {
			if strings.Contains(f[k], "=") {
				if got[k] == f[k] {
					agree++
				} else {
					t.Errorf("%s: got %s, ROUGE-1.5.5 printed %s", f[0], got[k], f[k])
				}
			}
		}
	}
	t.Logf("eval agrees with ROUGE-1.5.5's printed system averages on %d numbers", agree)
}
