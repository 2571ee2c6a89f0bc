package token_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/token"
)

// show renders tokens as text/kind, kind being w, n or p.
func show(toks []precis.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		b.WriteByte('/')
		b.WriteByte("wnp"[t.Kind])
	}
	return b.String()
}

func tokenize(s string) []precis.Token { return token.Tokenize(s, precis.Span{Start: 0, End: len(s)}) }

func TestTokenize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "The senator met him.", "The/w senator/w met/w him/w ./p"},
		{"contraction", "don't can’t", "don't/w can’t/w"},
		{"possessive", "Trump's Sessions’s", "Trump's/w Sessions’s/w"},
		{"plural possessive", "Sessions' office", "Sessions'/w office/w"},
		{"quoted plural", "'the boys' he said", "'/p the/w boys/w '/p he/w said/w"},
		{"curly quoted plural", "‘Sessions’ view", "‘/p Sessions/w ’/p view/w"},
		{"hyphen", "then-senator well-known", "then-senator/w well-known/w"},
		{"acronyms", "U.S. Attorney, a.m. and Ph.D.", "U.S./w Attorney/w ,/p a.m./w and/w Ph.D./w"},
		{"acronym at end", "in the U.S.", "in/w the/w U.S./w"},
		{"acronym hyphen", "U.S.-led", "U.S.-led/w"},
		{"title", "Mr. Smith", "Mr/w ./p Smith/w"},
		{"numbers", "1,200 3.5 $1.5 25th 2016 1990s", "1,200/n 3.5/n $1.5/n 25th/n 2016/n 1990s/n"},
		{"number then period", "It cost 1,000.", "It/w cost/w 1,000/n ./p"},
		{"times and ranges", "9:30 2016-17 9/11 50%", "9:30/n 2016-17/n 9/11/n 50%/n"},
		{"currencies", "£5 €3 ¥10", "£5/n €3/n ¥10/n"},
		{"number words", "3D F-35 5-year-old COVID-19", "3D/w F-35/w 5-year-old/w COVID-19/w"},
		{"url", "see https://example.com/a_b.html.", "see/w https://example.com/a_b.html/w ./p"},
		{"www", "(www.example.com)", "(/p www.example.com/w )/p"},
		{"email", "Jane.Doe@example.com.", "Jane.Doe@example.com/w ./p"},
		{"handle and tag", "@jdoe #MeToo", "@jdoe/w #MeToo/w"},
		{"AP quotes and dash", "``Yes,'' he said _ twice", "``/p Yes/w ,/p ''/p he/w said/w _/p twice/w"},
		{"ellipsis and dashes", "wait... -- no…", "wait/w .../p --/p no/w …/p"},
		{"unicode letters", "café naïve Zürich São", "café/w naïve/w Zürich/w São/w"},
		{"combining mark", "cafe\u0301", "cafe\u0301/w"},
		{"curly quotes", "“Yes.”", "“/p Yes/w ./p ”/p"},
		{"glued sentence", "end.The", "end/w ./p The/w"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(tokenize(c.in)); got != c.want {
				t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", c.in, got, c.want)
			}
		})
	}
}

func TestFields(t *testing.T) {
	text := "Said THE U.S. Senators, don’t US"
	toks := tokenize(text)
	want := []struct {
		lower, stem string
		stop        bool
	}{
		{"said", "said", true},
		{"the", "the", true},
		{"u.s.", "u.s.", false},
		{"senators", "senat", false},
		{",", "", false},
		{"don't", "don't", true},
		{"us", "us", false}, // the upper-case US is the country
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens: %s", len(toks), show(toks))
	}
	for i, w := range want {
		tk := toks[i]
		if tk.Lower != w.lower || tk.Stem != w.stem || tk.Stop != w.stop {
			t.Errorf("token %d %q: lower %q stem %q stop %v, want %q %q %v", i, tk.Text, tk.Lower, tk.Stem, tk.Stop, w.lower, w.stem, w.stop)
		}
		if tk.Text != tk.Span.Of(text) {
			t.Errorf("token %d: Text %q but span gives %q", i, tk.Text, tk.Span.Of(text))
		}
	}
}

func TestSpanInside(t *testing.T) {
	text := "Skip this. Take these words. Skip"
	got := token.Tokenize(text, precis.Span{Start: 11, End: 28})
	if s := show(got); s != "Take/w these/w words/w ./p" {
		t.Fatalf("got %s", s)
	}
	if got[0].Span.Start != 11 || got[3].Span.End != 28 {
		t.Errorf("spans not into text: %v %v", got[0].Span, got[3].Span)
	}
	for _, sp := range []precis.Span{{Start: -5, End: 4}, {Start: 30, End: 99}, {Start: 9, End: 3}, {Start: 99, End: 100}} {
		for _, tk := range token.Tokenize(text, sp) {
			if !tk.Span.Valid(len(text)) {
				t.Errorf("span %v gave token span %v", sp, tk.Span)
			}
		}
	}
}

func TestIsStop(t *testing.T) {
	for _, w := range []string{"the", "of", "don't", "said", "says", "will", "mr", "yourselves"} {
		if !token.IsStop(w) {
			t.Errorf("IsStop(%q) = false", w)
		}
	}
	for _, w := range []string{"senator", "russia", "The", "don’t", "", "attorney", "election"} {
		if token.IsStop(w) {
			t.Errorf("IsStop(%q) = true", w)
		}
	}
}

func ExampleTokenize() {
	text := `Sen. Jeff Sessions' aides said the then-senator met the U.S. envoy twice in 2016.`
	for _, t := range token.Tokenize(text, precis.Span{Start: 0, End: len(text)}) {
		if t.IsContent() {
			fmt.Printf("%s→%s ", t.Text, t.Stem)
		}
	}
	fmt.Println()
	// Output: Sen→sen Jeff→jeff Sessions'→session aides→aid then-senator→then-senat met→met U.S.→u.s. envoy→envoy twice→twice 2016→2016
}

// TestConcurrent tokenizes from several goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	text := "The U.S. senators said Sessions' aides met the Russian envoy twice in 2016."
	want := show(tokenize(text))
	done := make(chan string)
	for g := 0; g < 4; g++ {
		go func() {
			s := ""
			for i := 0; i < 200; i++ {
				s = show(tokenize(text))
			}
			done <- s
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; got != want {
			t.Errorf("concurrent Tokenize = %s, want %s", got, want)
		}
	}
}
