package token_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/token"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Sessions' aides said the then-senator met the U.S. envoy.",
		"``Yes,'' $1.5 25th 9:30 50% £5 www.x.com/a. a@b.co #tag @h _ ... -- …",
		"‘Sessions’ view’ 'boys' café\u0301 U.S.-led 5-year-old",
	} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		toks := token.Tokenize(text, precis.Span{Start: start, End: end})
		// The tokens cover every character of the span but white space.
		if a, b := max(start, 0), min(end, len(text)); a < b {
			var want, got strings.Builder
			for _, r := range text[a:b] {
				if !unicode.IsSpace(r) {
					want.WriteRune(r)
				}
			}
			for _, tk := range toks {
				for _, r := range tk.Text {
					got.WriteRune(r)
				}
			}
			if got.String() != want.String() {
				t.Fatalf("tokens of %q cover %q, want %q", text[a:b], got.String(), want.String())
			}
		}
		prev := max(start, 0)
		for _, tk := range toks {
			if !tk.Span.Valid(len(text)) || tk.Span.Start < prev || tk.Span.Len() == 0 || tk.Span.End > end {
				t.Fatalf("bad token span %v after %d in %q [%d:%d]", tk.Span, prev, text, start, end)
			}
			prev = tk.Span.End
			if tk.Text != text[tk.Span.Start:tk.Span.End] {
				t.Fatalf("Text %q != text[span] %q", tk.Text, text[tk.Span.Start:tk.Span.End])
			}
			if tk.Kind == precis.Punct && (tk.Stem != "" || tk.Stop) {
				t.Fatalf("punctuation %q has stem %q stop %v", tk.Text, tk.Stem, tk.Stop)
			}
		}
	})
}
