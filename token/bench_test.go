package token_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/internal/cputime"
	"github.com/precis-news/precis/sentence"
	"github.com/precis-news/precis/token"
)

// story reads the example story (examples/sessions: 5 articles, about 3,600 words).
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

func size(docs []string) int64 {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return int64(n)
}

// BenchmarkTokenizeStory tokenizes (and stems) the example story, sentence by
// sentence, the sentences being split beforehand.
func BenchmarkTokenizeStory(b *testing.B) {
	docs := story(b)
	spans := make([][]precis.Span, len(docs))
	for i, d := range docs {
		spans[i] = sentence.Split(d)
	}
	b.SetBytes(size(docs))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		for d, doc := range docs {
			for _, s := range spans[d] {
				token.Tokenize(doc, s)
			}
		}
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}

// BenchmarkPipelineStory splits, tokenizes and stems the example story: the
// whole text layer of a brief, with the stem cache warm.
func BenchmarkPipelineStory(b *testing.B) {
	docs := story(b)
	b.SetBytes(size(docs))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			for _, s := range sentence.Split(doc) {
				token.Tokenize(doc, s)
			}
		}
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}

// BenchmarkTokenizeLarge tokenizes a synthetic 1 MB text: the story repeated.
func BenchmarkTokenizeLarge(b *testing.B) {
	docs := story(b)
	text := strings.Repeat(strings.Join(docs, "\n\n"), 1<<20/int(size(docs))+1)
	span := precis.Span{Start: 0, End: len(text)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		token.Tokenize(text, span)
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}
