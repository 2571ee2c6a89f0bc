package precis

import (
	"errors"
	"strings"
	"testing"
)

// countWordsRune is CountWords rune by rune, without its ASCII fast path.
func countWordsRune(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := isSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0}, {" ", 0}, {"a", 1}, {"a b", 2}, {" a\tb\nc\vd\fe\rf ", 6},
		{"don't stop", 2}, {"a\u00a0b", 2}, {"a\u2009b\u3000c", 3}, {"a\x85b", 1},
		{"\xff\xfe", 1}, {"été à Paris", 3}, {"a\x1cb", 1},
	} {
		if got := CountWords(c.s); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("Sessions said\u00a0 he   would\trecuse.\n")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountWords(s), countWordsRune(s); got != want {
			t.Errorf("CountWords(%q) = %d, rune by rune %d", s, got, want)
		}
	})
}

func BenchmarkCountWords(b *testing.B) {
	text := strings.Repeat("Attorney General Jeff Sessions met twice last year with Russia’s ambassador, “the Justice Department” said.\n\n", 200)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		CountWords(text)
	}
}

func TestErrorf(t *testing.T) {
	cause := errors.New("unexpected EOF")
	err := Errorf(ErrInvalid, "a.json: line %d: %w", 3, cause)
	if err.Error() != "a.json: line 3: unexpected EOF" {
		t.Errorf("message %q", err)
	}
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, cause) || errors.Is(err, ErrNotFound) {
		t.Errorf("errors.Is wrong for %v", err)
	}
}
