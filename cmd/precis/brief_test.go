package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runCmd runs the command line in-process and returns its exit status and output.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

// golden compares got with the file testdata/golden/name at the repository
// root, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/precis -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test ./cmd/precis -update and review the diff):\n%s", name, got)
	}
}

func TestBriefGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"bridge.json", []string{"--format", "json", "../../testdata/stories/bridge"}},
		{"bridge.txt", []string{"../../testdata/stories/bridge"}},
		{"bridge.md", []string{"--format", "markdown", "--words", "80", "../../testdata/stories/bridge"}},
		{"sessions.txt", []string{"../../examples/sessions"}},
		{"sessions.json", []string{"--format=json", "../../examples/sessions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"brief"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

// TestBriefJSON checks the JSON contract of docs/json.md on the fixture story.
func TestBriefJSON(t *testing.T) {
	code, out, errOut := runCmd(t, "", "brief", "--format", "json", "--words", "120", "../../testdata/stories/bridge")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"algorithm", "budget_words", "documents", "summary", "quotes", "entities", "timeline", "disagreements", "coverage", "shared"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("no %q in the JSON", key)
		}
	}
	for _, key := range []string{"quotes", "entities", "timeline", "disagreements", "coverage", "shared"} {
		if raw[key] == nil {
			t.Errorf("%q is null, want []", key)
		}
	}
	var b precis.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, name := range []string{"1-harbour-herald", "2-valley-times", "3-river-post"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "stories", "bridge", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		texts[name] = string(data)
	}
	if len(b.Documents) != 3 || len(b.Summary) == 0 {
		t.Fatalf("%d documents, %d statements", len(b.Documents), len(b.Summary))
	}
	words := 0
	for _, s := range b.Summary {
		words += precis.CountWords(s.Text)
		for _, src := range s.Sources {
			// The placeholder cleaner keeps the text as read, so spans point into the file.
			if text, ok := texts[src.Doc]; !ok || !strings.Contains(text, src.Sentence) {
				t.Errorf("source %q of %q not found in its document", src.Sentence, src.Doc)
			}
		}
	}
	if words > 120 {
		t.Errorf("%d words, budget 120", words)
	}
}

func TestBriefExitStatus(t *testing.T) {
	empty := t.TempDir()
	furniture := filepath.Join(t.TempDir(), "furniture.txt")
	if err := os.WriteFile(furniture, []byte("Share this article\nClick the alert icon to follow topics:\nSign up for our newsletter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a substring of the one line on stderr
	}{
		{"ok", []string{"brief", "../../testdata/stories/bridge"}, 0, ""},
		{"sentences", []string{"brief", "--sentences", "2", "../../testdata/stories/bridge"}, 0, ""},
		{"every algorithm listed", []string{"brief", "--list-algorithms"}, 0, ""},
		{"help", []string{"brief", "-h"}, 0, "Usage: precis brief"},
		{"unknown flag", []string{"brief", "--nope", "x"}, 2, "nope"},
		{"unknown algorithm", []string{"brief", "--algorithm", "magic", "../../testdata/stories/bridge"}, 2, `unknown --algorithm "magic"`},
		{"unknown format", []string{"brief", "--format", "pdf", "../../testdata/stories/bridge"}, 2, `unknown --format "pdf"`},
		{"negative words", []string{"brief", "--words", "-5", "../../testdata/stories/bridge"}, 2, "negative"},
		{"no budget", []string{"brief", "--words", "0", "../../testdata/stories/bridge"}, 2, "budget"},
		{"no paths", []string{"brief"}, 2, "no articles"},
		{"missing file", []string{"brief", "no/such/file.txt"}, 1, "no/such/file.txt"},
		{"empty directory", []string{"brief", empty}, 1, empty},
		{"only furniture", []string{"brief", furniture}, 1, "furniture.txt: nothing left after cleaning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.stderr)
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("stderr is not one line: %q", errOut)
			}
			if tt.name == "every algorithm listed" && !strings.Contains(out, "lexrank") {
				t.Errorf("--list-algorithms printed %q", out)
			}
		})
	}
}

// TestBriefOneSentence: a single article of one short sentence is its own brief.
func TestBriefOneSentence(t *testing.T) {
	const text = "Officials said the bridge would reopen next week after repairs."
	code, out, errOut := runCmd(t, text+"\n", "brief", "-")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, text+" [1]\n") {
		t.Errorf("brief of one sentence:\n%s", out)
	}
}

func TestBriefExplain(t *testing.T) {
	code, _, errOut := runCmd(t, "", "brief", "--explain", "../../testdata/stories/bridge")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// One line per document at least: what cleaning removed, or that it removed nothing.
	for _, name := range []string{"1-harbour-herald", "2-valley-times", "3-river-post"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("--explain says nothing of %s: %q", name, errOut)
		}
	}
}

// TestBriefAllInputsBad: when no input gives an article, the first failure is
// the error and every other one is still said, as a warning.
func TestBriefAllInputsBad(t *testing.T) {
	dir := t.TempDir()
	blank, binary := filepath.Join(dir, "blank.txt"), filepath.Join(dir, "binary.txt")
	os.WriteFile(blank, []byte("\n"), 0o644)
	os.WriteFile(binary, []byte("a\x00b"), 0o644)
	const dead = "http://127.0.0.1:1/x" // nothing listens on port 1
	code, _, errOut := runCmd(t, "", "brief", "--allow-private-urls", blank, dead, binary)
	if code != 1 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, name := range []string{"blank.txt", dead, "binary.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
}
