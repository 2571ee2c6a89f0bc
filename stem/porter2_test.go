package stem

import (
	"go/build"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

// TestPorter2Library compares the port with the library on the library's whole
// English vocabulary (about 29,000 words), read from the module cache.
func TestPorter2Library(t *testing.T) {
	path := filepath.Join(build.Default.GOPATH, "pkg", "mod", "github.com", "kljensen", "snowball@v0.10.0", "english_vocab", "vocab_test.go")
	if dir := os.Getenv("GOMODCACHE"); dir != "" {
		path = filepath.Join(dir, "github.com", "kljensen", "snowball@v0.10.0", "english_vocab", "vocab_test.go")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("library vocabulary not in the module cache: %v", err)
	}
	pairs := regexp.MustCompile(`\{"([^"]*)", "([^"]*)"\}`).FindAllStringSubmatch(string(data), -1)
	if len(pairs) < 20000 {
		t.Fatalf("only %d pairs in %s", len(pairs), path)
	}
	bad := 0
	for _, p := range pairs {
		if got := porter2(p[1]); got != p[2] {
			bad++
			if bad <= 20 {
				t.Errorf("porter2(%q) = %q, want %q", p[1], got, p[2])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words differ", bad, len(pairs))
	}
}

// FuzzPorter2 checks that the port and the library agree on any lower-case word.
func FuzzPorter2(f *testing.F) {
	for _, w := range []string{"generously", "communities", "arsenal", "'yelling'", "hopping", "agreed", "skies", "bye", "sky's", "''", "yyyy", "ational", "controlling"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		// The input as it is, when it is a lower-case word, and mapped onto the
		// letters the port handles itself, so that most inputs test the port.
		letters := []byte(w)
		for i, c := range letters {
			letters[i] = "abcdefghijklmnopqrstuvwxyz'eaiouys"[int(c)%34]
		}
		for _, w := range []string{w, string(letters)} {
			if strings.ToLower(strings.TrimSpace(w)) != w {
				continue // English takes lower-case words
			}
			if got, want := porter2(w), english.Stem(w, true); got != want {
				t.Fatalf("porter2(%q) = %q, library gives %q", w, got, want)
			}
		}
	})
}
