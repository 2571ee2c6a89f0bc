package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/internal/zyte"
)

// BenchmarkReadSeedStory reads and cleans the five articles of the example
// story, as precis brief does before anything else.
func BenchmarkReadSeedStory(b *testing.B) {
	dir := filepath.Join("..", "examples", "sessions")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	size := int64(0)
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		docs, _, err := Read(context.Background(), []string{dir}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		clean.Documents(docs)
	}
}

// BenchmarkFromHTML extracts the article of the zyte-dev page of median size
// (a typical news page), and of every page in turn.
func BenchmarkFromHTML(b *testing.B) {
	pages, err := zyte.Load(shared.Path(b, "html", "zyte-dev"))
	if err != nil {
		b.Fatal(err)
	}
	sort.Slice(pages, func(i, j int) bool { return len(pages[i].HTML) < len(pages[j].HTML) })
	median := pages[len(pages)/2]
	b.Run("median-page", func(b *testing.B) {
		b.SetBytes(int64(len(median.HTML)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := FromHTML(median.HTML, median.URL); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all-pages", func(b *testing.B) {
		size := 0
		for _, p := range pages {
			size += len(p.HTML)
		}
		b.SetBytes(int64(size / len(pages)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			p := pages[i%len(pages)]
			FromHTML(p.HTML, p.URL)
			i++
		}
	})
}
