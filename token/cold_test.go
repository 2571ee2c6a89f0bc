package token

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/sentence"
)

// BenchmarkPipelineStoryCold is BenchmarkPipelineStory with the word cache
// emptied before each run: the cost for a one-shot process such as the command
// line, which meets every word for the first time.
func BenchmarkPipelineStoryCold(b *testing.B) {
	files, err := filepath.Glob("../examples/sessions/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("example story not found: %v", err)
	}
	var docs []string
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
		n += len(data)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for j := range cache {
			cache[j].Store(nil)
		}
		b.StartTimer()
		for _, doc := range docs {
			for _, s := range sentence.Split(doc) {
				Tokenize(doc, s)
			}
		}
	}
}

// TestCacheCollision checks that a word evicted from its slot is derived again.
func TestCacheCollision(t *testing.T) {
	for _, text := range []string{"Senators", "senators", "Senators"} {
		toks := Tokenize(text, precis.Span{End: len(text)})
		if len(toks) != 1 || toks[0].Stem != "senat" || toks[0].Lower != "senators" {
			t.Fatalf("Tokenize(%q) = %+v", text, toks)
		}
	}
	slot := &cache[hash("Senators")&(cacheSlots-1)]
	slot.Store(&word{text: "other", lower: "x", stem: "x"})
	if got := Tokenize("Senators", precis.Span{End: 8}); got[0].Stem != "senat" {
		t.Fatalf("evicted word: %+v", got[0])
	}
}
