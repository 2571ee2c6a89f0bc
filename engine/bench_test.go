package engine

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/coverage"
	"github.com/precis-news/precis/disagree"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/quote"
	"github.com/precis-news/precis/render"
	"github.com/precis-news/precis/summarize"
	"github.com/precis-news/precis/timeline"
)

// readStory reads the .txt articles of dir as documents, IDs their file names.
func readStory(tb testing.TB, dir string) []precis.Document {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no articles in %s: %v", dir, err)
	}
	var docs []precis.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	return docs
}

func size(docs []precis.Document) int64 {
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	return int64(n)
}

// BenchmarkBriefSessions is the whole brief of the bundled example story (5 articles, 3,600 words).
func BenchmarkBriefSessions(b *testing.B) {
	docs := readStory(b, "../examples/sessions")
	cfg := DefaultConfig()
	b.SetBytes(size(docs))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Brief(context.Background(), docs, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefLarge is the brief of a synthetic cluster of 1,000 articles of
// about 700 words each, built from the paragraphs of the multinews-dev articles
// (or, without ../shared, of the example story): most paragraphs come from one
// "story" (a few clusters' paragraphs), repeated across articles with a word
// changed here and there, as wire copy is; the rest from anywhere.
func BenchmarkBriefLarge(b *testing.B) {
	for _, alg := range []string{"concepts-lead", "lead", "centroid", "lexrank", "textrank", "mmr", "klsum", "submodular", "concepts"} {
		b.Run(alg, func(b *testing.B) {
			docs := largeStory(b, 1000, 700)
			cfg := DefaultConfig()
			cfg.Algorithm = alg
			b.SetBytes(size(docs))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Brief(context.Background(), docs, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func largeStory(tb testing.TB, articles, words int) []precis.Document {
	tb.Helper()
	var story, all []string
	if root := shared.Root(); root != "" {
		clusters, _ := filepath.Glob(filepath.Join(root, "eval", "multinews-dev", "*", "docs"))
		for k, dir := range clusters {
			for _, d := range readStory(tb, dir) {
				for _, p := range strings.Split(d.Text, "\n\n") {
					if precis.CountWords(p) < 5 {
						continue
					}
					all = append(all, p)
					if k%20 == 0 {
						story = append(story, p)
					}
				}
			}
		}
	}
	if len(all) == 0 {
		for _, d := range readStory(tb, "../examples/sessions") {
			all = append(all, strings.Split(d.Text, "\n\n")...)
		}
		story = all
	}
	r := rand.New(rand.NewPCG(1, 1))
	docs := make([]precis.Document, articles)
	for a := range docs {
		var sb strings.Builder
		for n := 0; n < words; {
			p := all[r.IntN(len(all))]
			if r.IntN(10) < 7 {
				p = story[r.IntN(len(story))]
			}
			if r.IntN(3) == 0 { // change a word, as one outlet's copy does
				f := strings.Fields(p)
				f[r.IntN(len(f))] = f[r.IntN(len(f))]
				p = strings.Join(f, " ")
			}
			sb.WriteString(p)
			sb.WriteString("\n\n")
			n += precis.CountWords(p)
		}
		docs[a] = precis.Document{ID: "a" + strings.Repeat("0", 4-len(itoa(a))) + itoa(a), Text: sb.String()}
	}
	return docs
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// BenchmarkStages is the brief of the example story stage by stage: each
// sub-benchmark runs one stage on the output of the stages before it, made
// once beforehand, so that their times add up to about BenchmarkBriefSessions.
func BenchmarkStages(b *testing.B) {
	stages(b, readStory(b, "../examples/sessions"))
}

// BenchmarkStagesLarge is BenchmarkStages on synthetic clusters (see
// BenchmarkBriefLarge) of 100, 300 and 1,000 articles: how each stage's cost grows.
func BenchmarkStagesLarge(b *testing.B) {
	for _, n := range []int{100, 300, 1000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { stages(b, largeStory(b, n, 700)) })
	}
}

func stages(b *testing.B, raw []precis.Document) {
	cleaned := func() []precis.Document {
		docs := prepare(raw, new([]string))
		for d := range docs {
			clean.Document(&docs[d])
		}
		return docs
	}
	docs := cleaned()
	c := corpus.Build(docs)
	set := entity.Find(c)
	brief, err := Brief(context.Background(), docs, Config{Cleaned: true, Analyses: DefaultAnalyses()})
	if err != nil {
		b.Fatal(err)
	}
	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size(raw))
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
		})
	}
	stage("clean", func() { cleaned() })
	stage("corpus", func() { corpus.Build(docs) })
	stage("summarize", func() {
		sum, _ := summarize.New(summarize.Default)
		for _, i := range sum.Summarize(c, summarize.Budget{Words: DefaultWords}) {
			Statement(c, i)
		}
	})
	stage("entities", func() { entity.Find(c) })
	stage("quotes", func() { quote.Extract(c, set) })
	stage("timeline", func() { timeline.Extract(c) })
	stage("disagreements", func() { disagree.DefaultConfig().Find(c, set) })
	stage("coverage", func() { coverage.Find(c) })
	stage("render-json", func() { render.WriteJSON(io.Discard, brief) })
	stage("render-text", func() { render.WriteText(io.Discard, brief) })
}
