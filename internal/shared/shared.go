// Package shared finds the research material kept beside the repository in ../shared
// (evaluation sets, ROUGE vectors, real pages), which is never committed here.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared folder: $PRECIS_SHARED if set, else ../shared beside the
// repository root, or "" when neither exists.
func Root() string {
	if dir := os.Getenv("PRECIS_SHARED"); dir != "" {
		return dir
	}
	repo := Repo()
	if repo == "" {
		return ""
	}
	s := filepath.Join(filepath.Dir(repo), "shared")
	if fi, err := os.Stat(s); err == nil && fi.IsDir() {
		return s
	}
	return ""
}

// Repo returns the repository root: the nearest folder above the working
// directory that holds go.mod, or "" when there is none.
func Repo() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the named path inside the shared folder, skipping the test with
// the reason when the folder or the path is absent (CI has it; a bare clone may not).
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	root := Root()
	if root == "" {
		t.Skip("../shared is absent (set PRECIS_SHARED): this test reads research data that is never committed")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent: this test reads research data that is never committed", p)
	}
	return p
}
