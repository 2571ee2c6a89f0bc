package sentence_test

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/sentence"
)

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Sen. Al Franken (D-Minn.) said. U.S. Attorney Jane Roe agreed.",
		"``It was a shock,'' he said. _ The end... Next. . . . Done!",
		"1. One 2. Two\n• a • b\n\nc.) d",
		"He said “no.” She said ‘yes.’ Then … nothing.[3] End",
		"$1.5 billion. 5 p.m. Sunday. www.x.com/a.b. a@b.c. Done.Next",
		"\uFFFD? a\u00a0\u2028.\n \n.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var spans []precis.Span
		done := make(chan bool)
		go func() { spans = sentence.Split(text); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Split takes over 5s on %q", text)
		}
		starts := runeStarts(text)
		prev := 0
		for _, s := range spans {
			if !s.Valid(len(text)) || s.Start < prev || s.Len() == 0 {
				t.Fatalf("bad span %v after %d in %q (len %d)", s, prev, text, len(text))
			}
			prev = s.End
			if !starts[s.Start] || !starts[s.End] {
				t.Fatalf("span %v not on UTF-8 boundaries in %q", s, text)
			}
			got := s.Of(text)
			r, _ := utf8.DecodeRuneInString(got)
			l, _ := utf8.DecodeLastRuneInString(got)
			if unicode.IsSpace(r) || unicode.IsSpace(l) {
				t.Fatalf("span %v not trimmed: %q", s, got)
			}
			if hasBlankLine(got) {
				t.Fatalf("sentence %q crosses a blank line", got)
			}
		}
		// Every non-space character of a paragraph lands in some sentence.
		if strings.TrimSpace(text) != "" && utf8.ValidString(text) && len(spans) == 0 {
			t.Fatalf("no sentence in %q", text)
		}
	})
}

func FuzzParagraphs(f *testing.F) {
	f.Add("One.\n\nTwo.\n \nThree")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, p := range sentence.Paragraphs(text) {
			if !p.Valid(len(text)) || p.Start < prev || p.Len() == 0 || hasBlankLine(p.Of(text)) {
				t.Fatalf("bad paragraph %v in %q", p, text)
			}
			prev = p.End
		}
	})
}

// runeStarts marks the offsets where a rune starts (as range decodes text, an
// invalid byte being a rune of its own), and len(text).
func runeStarts(text string) []bool {
	m := make([]bool, len(text)+1)
	for i := range text {
		m[i] = true
	}
	m[len(text)] = true
	return m
}

// hasBlankLine reports whether s holds a line made only of white space between two line breaks.
func hasBlankLine(s string) bool {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines)-1; i++ {
		if strings.TrimFunc(lines[i], unicode.IsSpace) == "" {
			return true
		}
	}
	return false
}
