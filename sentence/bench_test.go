package sentence_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis/internal/cputime"
	"github.com/precis-news/precis/sentence"
)

func story(b *testing.B) []string {
	files, err := filepath.Glob("../examples/sessions/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("example story not found: %v", err)
	}
	var docs []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	return docs
}

// BenchmarkSplitStory splits the example story (examples/sessions, 5 articles).
func BenchmarkSplitStory(b *testing.B) {
	docs := story(b)
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			sentence.Split(d)
		}
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}

// BenchmarkSplitLarge splits a synthetic 1 MB text: the story repeated.
func BenchmarkSplitLarge(b *testing.B) {
	docs := story(b)
	one := strings.Join(docs, "\n\n")
	text := strings.Repeat(one+"\n\n", 1<<20/len(one)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		sentence.Split(text)
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}
