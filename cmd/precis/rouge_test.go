package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runRougeCmd runs "precis rouge args..." in-process.
func runRougeCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, append([]string{"rouge"}, args...))
	return out.String(), errb.String(), code
}

func writeRougeFile(t *testing.T, dir, name string, lines []string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRougeVectors runs the hand-made ROUGE-1.5.5 vectors through the command: the peer and
// references written as SPL files, the options given as flags, the JSON compared with what
// ROUGE-1.5.5 printed.
func TestRougeVectors(t *testing.T) {
	data, err := os.ReadFile("../../rouge/testdata/rouge-edge.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []struct {
			ID      string
			Options struct {
				Stem            bool    `json:"stem"`
				LimitWords      *int    `json:"limit_words"`
				LimitBytes      *int    `json:"limit_bytes"`
				MaxN            int     `json:"max_n"`
				Formula         string  `json:"formula"`
				Alpha           float64 `json:"alpha"`
				RemoveStopwords bool    `json:"remove_stopwords"`
			}
			Peer     []string
			Refs     [][]string
			Expected map[string]map[string]float64
		}
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Cases {
		t.Run(c.ID, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--json", "-n", strconv.Itoa(c.Options.MaxN), "-f", c.Options.Formula,
				"-p", strconv.FormatFloat(c.Options.Alpha, 'g', -1, 64)}
			if c.Options.Stem {
				args = append(args, "-m")
			}
			if c.Options.RemoveStopwords {
				args = append(args, "-s")
			}
			if c.Options.LimitWords != nil {
				args = append(args, "-l", strconv.Itoa(*c.Options.LimitWords))
			}
			if c.Options.LimitBytes != nil {
				args = append(args, "-b", strconv.Itoa(*c.Options.LimitBytes))
			}
			args = append(args, writeRougeFile(t, dir, "peer.txt", c.Peer))
			for i, r := range c.Refs {
				args = append(args, writeRougeFile(t, dir, fmt.Sprintf("ref%d.txt", i), r))
			}
			stdout, stderr, code := runRougeCmd(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got map[string]map[string]float64
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("%v in %q", err, stdout)
			}
			if len(got) != len(c.Expected) {
				t.Errorf("%d measures, want %d", len(got), len(c.Expected))
			}
			for m, want := range c.Expected {
				for k, w := range want {
					if g := got[m][k]; fmt.Sprintf("%.5f", g) != fmt.Sprintf("%.5f", w) {
						t.Errorf("%s %s = %.5f, ROUGE-1.5.5 %.5f", m, k, g, w)
					}
				}
			}
		})
	}
}

func TestRougeTable(t *testing.T) {
	dir := t.TempDir()
	peer := writeRougeFile(t, dir, "peer.txt", []string{"The cat sat on the mat."})
	ref := writeRougeFile(t, dir, "ref.txt", []string{"The cat lay on the mat."})
	stdout, stderr, code := runRougeCmd(t, peer, ref, "-n", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "ROUGE-1.5.5 -n 2 -2 4 -u -f A -p 0.5: ") {
		t.Fatalf("unexpected table:\n%s", stdout)
	}
	// 5 of 6 unigrams match: R = P = F = 0.83333.
	if want := "ROUGE-1    0.83333    0.83333    0.83333"; lines[2] != want {
		t.Errorf("row %q, want %q", lines[2], want)
	}
	for i, name := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"} {
		if !strings.HasPrefix(lines[2+i], name+" ") {
			t.Errorf("row %d is %q, want %s", i, lines[2+i], name)
		}
	}
}

func TestRougeEmptyPeer(t *testing.T) {
	dir := t.TempDir()
	peer := writeRougeFile(t, dir, "peer.txt", nil)
	ref := writeRougeFile(t, dir, "ref.txt", []string{"Something was said."})
	stdout, _, code := runRougeCmd(t, "--json", peer, ref)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := `{"rouge1":{"recall":0,"precision":0,"f1":0},"rouge2":{"recall":0,"precision":0,"f1":0},"rouge3":{"recall":0,"precision":0,"f1":0},"rouge4":{"recall":0,"precision":0,"f1":0},"rougeL":{"recall":0,"precision":0,"f1":0},"rougeSU4":{"recall":0,"precision":0,"f1":0}}` + "\n"
	if stdout != want {
		t.Errorf("got %s want %s", stdout, want)
	}
}

func TestRougeErrors(t *testing.T) {
	dir := t.TempDir()
	peer := writeRougeFile(t, dir, "peer.txt", []string{"a b c"})
	ref := writeRougeFile(t, dir, "ref.txt", []string{"a b d"})
	missing := filepath.Join(dir, "missing.txt")
	binary := filepath.Join(dir, "binary.txt")
	if err := os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00a b c"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no files", nil, 2, "need a PEER file and at least one REF file"},
		{"no reference", []string{peer}, 2, "need a PEER file"},
		{"bad formula", []string{"-f", "C", peer, ref}, 2, `-f "C": want A or B`},
		{"unknown flag", []string{"-x", peer, ref}, 2, "flag provided but not defined: -x"},
		{"bad n", []string{"-n", "0", peer, ref}, 2, "-n 0 is outside 1..4"},
		{"n too large", []string{"--n", "5", peer, ref}, 2, "-n 5 is outside 1..4"},
		{"l and b", []string{"-l", "3", "-b", "10", peer, ref}, 2, "-l and -b cannot be used together"},
		{"bad alpha", []string{"-p", "1.5", peer, ref}, 2, "-p 1.5 is outside 0..1"},
		{"not a number", []string{"-l", "many", peer, ref}, 2, `invalid value "many" for flag -l`},
		{"missing peer", []string{missing, ref}, 1, missing},
		{"missing reference", []string{peer, ref, missing}, 1, missing},
		{"directory", []string{peer, dir}, 1, dir},
		{"binary", []string{binary, ref}, 1, binary + ": binary file, not text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runRougeCmd(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "precis rouge: ") || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q, want one line with %q", stderr, tc.stderr)
			}
		})
	}
}

func TestRougeHelp(t *testing.T) {
	_, stderr, code := runRougeCmd(t, "-h")
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	for _, flag := range []string{"-n N", "-m", "-s", "-l N", "-b N", "-f formula", "-p alpha", "-json"} {
		if !strings.Contains(stderr, "  "+flag) {
			t.Errorf("help does not list %s:\n%s", flag, stderr)
		}
	}
}
