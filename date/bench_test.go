package date

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkFind finds the date expressions of the example story's five articles.
func BenchmarkFind(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "sessions", "*.txt"))
	var texts []string
	n := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Find(t)
		}
	}
}
