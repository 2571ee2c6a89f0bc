package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/sentence"
	"github.com/precis-news/precis/similarity"
)

func readDir(t testing.TB, dir string) []precis.Document {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []precis.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: filepath.Base(f), Text: string(b)})
	}
	if len(docs) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	return docs
}

// TestParaphrases checks the indexed search against comparing every pair, and
// Support against the paraphrases found.
func TestParaphrases(t *testing.T) {
	for _, dir := range []string{"../examples/sessions", "../testdata/stories/bridge"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			c := Build(readDir(t, dir))
			th := c.Options().Paraphrase
			matched := 0
			for i := range c.Sentences {
				want := map[int]float64{} // document → best cosine
				if len(c.Vectors[i].Terms) >= c.Options().MinTerms {
					for j := range c.Sentences {
						d := c.Sentences[j].Doc
						if d == c.Sentences[i].Doc || len(c.Vectors[j].Terms) < c.Options().MinTerms {
							continue
						}
						if cos := similarity.Dot(c.Vectors[i], c.Vectors[j]); cos >= th-1e-6 && cos > want[d] {
							want[d] = cos
						}
					}
				}
				got := c.Paraphrases(i)
				if len(got) != len(want) {
					t.Fatalf("sentence %d: %d paraphrases, want %d", i, len(got), len(want))
				}
				for _, m := range got {
					d := c.Sentences[m.Sentence].Doc
					if w, ok := want[d]; !ok || abs(w-m.Cosine) > 1e-5 {
						t.Fatalf("sentence %d: paraphrase in document %d with cosine %v, want %v", i, d, m.Cosine, w)
					}
				}
				if c.Support[i] != 1+len(got) {
					t.Errorf("sentence %d: support %d, %d paraphrases", i, c.Support[i], len(got))
				}
				matched += len(got)
			}
			if matched == 0 {
				t.Errorf("no paraphrases at all in %s", dir)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Text: "The council met on Monday. It voted on the budget.\n\nThe mayor spoke."},
		{ID: "b", Text: ""},
		{ID: "c", Text: "The council met on Monday."},
		{ID: "d", Text: "EASTON (AP) — The council met on Monday."},
	}
	c := Build(docs)
	if len(c.First) != len(docs)+1 || c.First[len(docs)] != len(c.Sentences) {
		t.Fatalf("First = %v for %d sentences", c.First, len(c.Sentences))
	}
	if first, end := c.DocSentences(1); first != end {
		t.Errorf("empty document has sentences %d..%d", first, end)
	}
	for i, s := range c.Sentences {
		body := c.BodyText(i)
		if s.Span.Of(docs[s.Doc].Text) != s.Text || c.Words[i] != precis.CountWords(body) ||
			!strings.HasSuffix(s.Text, body) || c.Body[i].End != s.Span.End {
			t.Errorf("sentence %d: span %v, body %v, words %d", i, s.Span, c.Body[i], c.Words[i])
		}
		if len(c.Vectors[i].Terms) == 0 && len(c.Terms[i]) > 0 {
			t.Errorf("sentence %d has terms but no vector", i)
		}
	}
	last := len(c.Sentences) - 1
	if c.Support[0] != 3 || c.Support[last] != 3 {
		t.Errorf("the repeated sentence has support %d and %d, want 3", c.Support[0], c.Support[last])
	}
	if got := c.BodyText(last); got != "The council met on Monday." || c.Words[last] != 5 {
		t.Errorf("the dated sentence's body is %q (%d words)", got, c.Words[last])
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func BenchmarkBuild(b *testing.B) {
	docs := readDir(b, "../examples/sessions")
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		Build(docs)
	}
}

// TestSplitParallel checks that a story large enough to be split on several
// goroutines gives the sentences a sequential split gives.
func TestSplitParallel(t *testing.T) {
	var docs []precis.Document
	for range 4 {
		docs = append(docs, readDir(t, "../examples/sessions")...)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	if size < parallelBytes {
		t.Fatalf("the story has %d bytes, below the %d that split in parallel", size, parallelBytes)
	}
	got := splitAll(docs, sentence.Split)
	for d := range docs {
		want := splitDoc(docs[d].Text, d, sentence.Split)
		if len(got[d]) != len(want) {
			t.Fatalf("document %d: %d sentences, want %d", d, len(got[d]), len(want))
		}
		for k := range want {
			if got[d][k].Span != want[k].Span || got[d][k].Doc != d || len(got[d][k].Tokens) != len(want[k].Tokens) {
				t.Fatalf("document %d sentence %d differs", d, k)
			}
		}
	}
}
