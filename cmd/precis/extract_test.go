package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
)

// runExtractCmd runs "precis extract args..." in-process.
func runExtractCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, append([]string{"extract"}, args...))
	return code, out.String(), errb.String()
}

const extractStory = "Bridge reopens after repairs\nSend in e-mailSend in e-mail\n\nThe Old Mill bridge reopened on Monday after eight months of repairs, the county said.\n\nAdvertisement\n\nThe $4 million project replaced the deck.\n"

func TestExtractText(t *testing.T) {
	code, out, errs := runExtractCmd(t, extractStory, "-")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "The Old Mill bridge reopened on Monday after eight months of repairs, the county said.\n\nThe $4 million project replaced the deck.\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

func TestExtractExplainAndJSON(t *testing.T) {
	code, out, errs := runExtractCmd(t, extractStory, "--format", "json", "-", "--explain")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var docs []precis.Document
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	if len(docs) != 1 || docs[0].Title != "Bridge reopens after repairs" || len(docs[0].Removed) != 2 {
		t.Errorf("json %+v", docs)
	}
	for _, want := range []string{"stdin: [share] Send in e-mailSend in e-mail", "stdin: [promo] Advertisement"} {
		if !strings.Contains(errs, want) {
			t.Errorf("--explain output %q lacks %q", errs, want)
		}
	}
}

func TestExtractSeveral(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": extractStory, "b.txt": "Second story\n\nA second article about the bridge."} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := runExtractCmd(t, "", dir)
	if code != 0 || !strings.Contains(out, "==> a: Bridge reopens after repairs <==\n") || !strings.Contains(out, "\n\n==> b: Second story <==\nA second article") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

func TestExtractExitStatus(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	furniture := filepath.Join(dir, "furniture.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(furniture, []byte("Share this article\nAdvertisement\nSign up for our newsletter\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"--nope", "x"}, 2, "flag provided but not defined: -nope"},
		{"bad format", []string{"--format", "xml", "x"}, 2, "--format must be text or json"},
		{"no input", nil, 2, "no input"},
		{"missing file", []string{filepath.Join(dir, "missing.txt")}, 1, "missing.txt"},
		{"empty file", []string{empty}, 1, "empty.txt: empty file"},
		{"only furniture", []string{furniture}, 1, "furniture.txt: nothing left after cleaning: all 3 lines were page furniture"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runExtractCmd(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tc.code, tc.stderr)
			}
			if strings.Count(errs, "\n") != 1 {
				t.Errorf("stderr %q, want one line", errs)
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("stack trace on stderr: %q", errs)
			}
		})
	}
}
