package eval

import (
	"context"
	"testing"

	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/internal/shared"
)

// BenchmarkScoreSystems scores the 7 systems of the shared Multi-News set (100 clusters)
// with the official flags and 1000 resamples: ROUGE and the bootstrap, without summarizing.
func BenchmarkScoreSystems(b *testing.B) {
	ds, err := dataset.Open(context.Background(), shared.Path(b, "eval", "multinews-dev"), dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, c := range ds.Clusters {
		for _, s := range c.Systems {
			size += len(s.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), ds, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunEngine summarizes and scores the shared Multi-News set with the engine's
// default algorithm at the references' mean length, systems included.
func BenchmarkRunEngine(b *testing.B) {
	ds, err := dataset.Open(context.Background(), shared.Path(b, "eval", "multinews-dev"), dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, c := range ds.Clusters {
		for _, d := range c.Docs {
			size += len(d.Text)
		}
	}
	cfg := DefaultConfig()
	cfg.Summarizers = []Summarizer{Engine("")}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), ds, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
