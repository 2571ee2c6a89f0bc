package disagree_test

import (
	"testing"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/disagree"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/internal/cputime"
	"github.com/precis-news/precis/internal/labels"
)

// BenchmarkFindSessions finds the disagreements of the bundled example story,
// given its entities as the engine does (entity.Find runs once for all analyses).
func BenchmarkFindSessions(b *testing.B) {
	docs := labels.Documents(b, "sessions")
	c := corpus.Build(docs)
	set := entity.Find(c)
	cfg := disagree.DefaultConfig()
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	cpu := cputime.Now()
	for b.Loop() {
		cfg.Find(c, set)
	}
	b.ReportMetric(cputime.PerOp(cpu, b.N), "cpu-ns/op")
}

func BenchmarkScan(b *testing.B) {
	text := "Kleiner Perkins sought $972,814 in legal costs, about $865,000 of it for expert witnesses, after a 2-year trial; 59 per cent voted against, at about 11:15 p.m."
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		disagree.Scan(text)
	}
}
