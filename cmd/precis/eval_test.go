package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis/rouge"
)

// story is the eval package's fixture dataset: 4 clusters, one without documents.
const story = "../../eval/testdata/story"

// runEvalCmd runs "precis eval args..." in-process.
func runEvalCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, append([]string{"eval"}, args...))
	return out.String(), errb.String(), code
}

func TestEvalTable(t *testing.T) {
	out, errs, code := runEvalCmd(t, story, "--words", "30", "--jobs", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"story: 3 of 4 clusters scored; budget 30 words", "R-SU4", "first ", "blank ", "lead "} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// one line per problem on stderr, the unscored cluster among them
	for _, want := range []string{"precis eval: nodocs: not scored: no documents\n", "precis eval: school: first: no summary (scored 0)\n"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestEvalJSONAndFiles(t *testing.T) {
	dir := t.TempDir()
	chart, summaries := filepath.Join(dir, "chart.svg"), filepath.Join(dir, "out")
	out, errs, code := runEvalCmd(t, "--json", "--plot", chart, "--out", summaries, story, "--compare", "first", "--algorithms", "lead")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Scored   int    `json:"scored"`
		Budget   int    `json:"budget_words"`
		Base     string `json:"compared_with"`
		Problems []struct{ Cluster, Message string }
		Rows     []struct {
			Name   string
			Versus []json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if r.Scored != 3 || r.Budget != 19 || r.Base != "first" || len(r.Rows) != 3 || len(r.Problems) == 0 {
		t.Errorf("report %+v", r)
	}
	if b, err := os.ReadFile(chart); err != nil || !bytes.Contains(b, []byte("<svg")) {
		t.Errorf("chart: %v", err)
	}
	for _, f := range []string{"bridge/lead.txt", "floods/first.txt", "school/lead.txt"} {
		if _, err := os.Stat(filepath.Join(summaries, f)); err != nil {
			t.Errorf("summary: %v", err)
		}
	}
}

func TestEvalCSV(t *testing.T) {
	out, errs, code := runEvalCmd(t, story, "--csv", "--algorithms", "none", "--rouge", "-n 2 -c 90 -r 50")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "name,kind,clusters,failed,mean_words,seconds_per_cluster,rouge1_recall,") ||
		strings.Contains(lines[0], "rouge3") {
		t.Errorf("CSV:\n%s", out)
	}
}

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no dataset", nil, 2, "need one DATASET"},
		{"two datasets", []string{story, story}, 2, "need one DATASET"},
		{"json and csv", []string{story, "--json", "--csv"}, 2, "cannot be combined"},
		{"unknown algorithm", []string{story, "--algorithms", "lead,nope"}, 2, `unknown algorithm "nope"`},
		{"bad rouge flag", []string{story, "--rouge", "-m -x"}, 2, "--rouge"},
		{"bad rouge value", []string{story, "--rouge", "-n 7"}, 2, "--rouge"},
		{"bad gap", []string{story, "--rouge", "-2 3 -u"}, 2, "SU4"},
		{"bad fold", []string{story, "--fold", "3/2"}, 2, "--fold"},
		{"bad measure", []string{story, "--measure", "X"}, 2, "--measure"},
		{"bad plot", []string{story, "--plot", "x.gif"}, 2, "--plot"},
		{"bad format", []string{story, "--format", "xml"}, 2, "--format"},
		{"negative words", []string{story, "--words", "-3"}, 2, "negative"},
		{"unknown compare", []string{story, "--compare", "nobody"}, 2, "nobody"},
		{"missing dataset", []string{"/nonexistent/dataset"}, 1, "no such file"},
		{"nothing scored", []string{story + "/nodocs", "--format", "folder"}, 1, "no cluster has both"},
		{"help", []string{"-h"}, 0, "Usage: precis eval"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := runEvalCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

func TestEvalFold(t *testing.T) {
	out, errs, code := runEvalCmd(t, story, "--fold", "2/2", "--algorithms", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// clusters 2 and 4 of bridge, floods, nodocs, school
	if !strings.Contains(out, "story (fold 2/2): 2 of 2 clusters scored") {
		t.Errorf("table:\n%s", out)
	}
}

func TestParseRougeFlags(t *testing.T) {
	o, bs, err := parseRougeFlags(defaultEvalRouge + " -t 0 -a")
	if err != nil {
		t.Fatal(err)
	}
	want := rouge.DefaultOptions()
	want.Stem = true
	if o != want || bs != rouge.DefaultBootstrap() {
		t.Errorf("%s: options %+v %+v", defaultEvalRouge, o, bs)
	}
	o, bs, err = parseRougeFlags("-n 2 -s -l 100 -f B -p 0.3 -c 90 -r 10")
	if err != nil || o.MaxN != 2 || !o.RemoveStopwords || o.LimitWords != 100 || o.Formula != rouge.FormulaB || o.Alpha != 0.3 || bs.Confidence != 90 || bs.Resamples != 10 {
		t.Errorf("options %+v %+v, %v", o, bs, err)
	}
	for _, bad := range []string{"-l 10 -b 10", "-r 0", "-c 120", "-t 1", "extra", "-f C"} {
		if _, _, err := parseRougeFlags(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestEvalDUC runs the command on the dataset package's DUC fixture: SGML documents, model
// summaries A and B, a peer; the second set has no models and is not scored.
func TestEvalDUC(t *testing.T) {
	out, errs, code := runEvalCmd(t, "../../dataset/testdata/duc", "--words", "20", "--algorithms", "lead")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "duc: 1 of 2 clusters scored") || !strings.Contains(out, "peer-12") {
		t.Errorf("table:\n%s", out)
	}
	if !strings.Contains(errs, "d30002t: not scored: no reference summaries") {
		t.Errorf("stderr:\n%s", errs)
	}
}
