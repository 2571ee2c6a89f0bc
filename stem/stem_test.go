package stem_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/precis-news/precis/internal/cputime"
	"github.com/precis-news/precis/stem"
)

// TestVocabulary checks a sample of the Snowball English vocabulary
// (testdata/vocab.txt), through the cache and without it.
func TestVocabulary(t *testing.T) {
	f, err := os.Open("testdata/vocab.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		word, want, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		n++
		for pass := 0; pass < 2; pass++ { // the second pass reads the cache
			if got := stem.English(word); got != want {
				t.Errorf("English(%q) = %q, want %q (pass %d)", word, got, want, pass)
			}
		}
		if got := stem.Uncached(word); got != want {
			t.Errorf("Uncached(%q) = %q, want %q", word, got, want)
		}
	}
	if n < 300 {
		t.Fatalf("only %d vocabulary pairs", n)
	}
}

func TestEnglishNews(t *testing.T) {
	cases := []struct{ in, want string }{
		{"senators", "senat"},
		{"senator", "senat"},
		{"then-senator", "then-senat"},
		{"then-senators", "then-senat"},
		{"sessions'", "session"},
		{"trump's", "trump"},
		{"investigations", "investig"},
		{"investigating", "investig"},
		{"allegedly", "alleg"},
		{"resigned", "resign"},
		{"being", "be"},
		{"news", "news"},
		{"u.s.", "u.s."},
		{"co-founders", "co-founder"},
		{"a", "a"},
		{"", ""},
		{"-", "-"},
		{"--x--", "--x--"},
	}
	for _, c := range cases {
		if got := stem.English(c.in); got != c.want {
			t.Errorf("English(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestConcurrent stems from many goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	words := strings.Fields("the senators met the ambassadors twice during the campaigns and denied meetings with russian officials investigating")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				for _, w := range words {
					if got, want := stem.English(w), stem.Uncached(w); got != want {
						t.Errorf("English(%q) = %q, want %q", w, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// storyWords returns the lower-case words of the example story, in reading order.
func storyWords(b *testing.B) []string {
	files, err := filepath.Glob("../examples/sessions/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("example story not found: %v", err)
	}
	var words []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool {
			return !unicode.IsLetter(r) && r != '\'' && r != '-'
		}) {
			words = append(words, w)
		}
	}
	return words
}

func benchStem(b *testing.B, f func(string) string) {
	words := storyWords(b)
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			f(w)
		}
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}

// BenchmarkEnglish stems the example story's words (about 3,600) through the cache.
func BenchmarkEnglish(b *testing.B) { benchStem(b, stem.English) }

// BenchmarkUncached stems the same words with the byte-level port, no cache.
func BenchmarkUncached(b *testing.B) { benchStem(b, stem.Uncached) }

// BenchmarkLibrary stems the same words with github.com/kljensen/snowball alone.
func BenchmarkLibrary(b *testing.B) {
	benchStem(b, func(w string) string { return english.Stem(w, true) })
}

// BenchmarkColdStory stems each distinct word of the story once, without cache:
// the stemming cost of a one-shot process (the command line) on the story.
func BenchmarkColdStory(b *testing.B) {
	seen := map[string]bool{}
	var words []string
	for _, w := range storyWords(b) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			stem.Uncached(w)
		}
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
	b.ReportMetric(float64(len(words)), "words")
}

// BenchmarkSyncMap is the alternative cache, kept to show why it was not chosen.
func BenchmarkSyncMap(b *testing.B) {
	var m sync.Map
	benchStem(b, func(w string) string {
		if s, ok := m.Load(w); ok {
			return s.(string)
		}
		s := stem.Uncached(w)
		m.Store(w, s)
		return s
	})
}

// BenchmarkEnglishParallel stems from every core at once.
func BenchmarkEnglishParallel(b *testing.B) {
	words := storyWords(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			stem.English(words[i%len(words)])
			i++
		}
	})
}
