package rouge

import (
	"bufio"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// benchCluster is one synthetic evaluation item: a peer and its references.
type benchCluster struct {
	peer []string
	refs [][]string
}

// benchWords returns an English vocabulary: the words of the stemmer vocabulary.
func benchWords(tb testing.TB) []string {
	f, err := os.Open("testdata/porter-vocabulary.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), " ")
		words = append(words, w)
	}
	return words
}

// benchClusters makes n news-like clusters: each has a topic of 150 words; summaries are
// sentences of 15–30 words drawn from a Zipf mix of common words and the topic, with
// capitals and punctuation, peers of about peerWords words and refs of about refWords.
func benchClusters(tb testing.TB, n, refs, peerWords, refWords int) []benchCluster {
	words := benchWords(tb)
	r := rand.New(rand.NewPCG(7, 11))
	common := strings.Fields("the a of to and in that for on is was said with he it as at by from his have has but are be an they not who been which their will more after were one would about its also people year over when new into there")
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 5)), 1.1, 1, uint64(len(common)-1))
	summary := func(topic []string, size int) []string {
		var lines []string
		for total := 0; total < size; {
			var b strings.Builder
			k := 15 + r.IntN(16)
			for i := range k {
				w := common[zipf.Uint64()]
				if r.IntN(2) == 0 {
					w = topic[r.IntN(len(topic))]
				}
				if i == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(w)
				if i < k-1 && r.IntN(10) == 0 {
					b.WriteByte(',')
				}
			}
			b.WriteByte('.')
			lines = append(lines, b.String())
			total += k
		}
		return lines
	}
	out := make([]benchCluster, n)
	for i := range out {
		topic := make([]string, 150)
		for j := range topic {
			topic[j] = words[r.IntN(len(words))]
		}
		out[i].peer = summary(topic, peerWords)
		for range refs {
			out[i].refs = append(out[i].refs, summary(topic, refWords))
		}
	}
	return out
}

func benchBytes(cs []benchCluster) int64 {
	n := 0
	for _, c := range cs {
		for _, l := range c.peer {
			n += len(l) + 1
		}
		for _, r := range c.refs {
			for _, l := range r {
				n += len(l) + 1
			}
		}
	}
	return int64(n)
}

// BenchmarkEvaluate100x4 is a whole cold evaluation: a new Scorer (-m, empty stem cache),
// 100 clusters of one ~250-word peer and four ~220-word references, every reference and
// peer prepared and every measure scored.
func BenchmarkEvaluate100x4(b *testing.B) {
	cs := benchClusters(b, 100, 4, 250, 220)
	o := DefaultOptions()
	o.Stem = true
	b.SetBytes(benchBytes(cs))
	b.ReportAllocs()
	for b.Loop() {
		s, _ := New(o)
		for _, c := range cs {
			refs := make([]*Summary, len(c.refs))
			for i, r := range c.refs {
				refs[i] = s.Prepare(r)
			}
			if _, err := s.Score(s.Prepare(c.peer), refs); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScorePrepared100x4 is the tuning loop: references prepared once, then each
// iteration prepares and scores 100 new peers (stem cache warm).
func BenchmarkScorePrepared100x4(b *testing.B) {
	cs := benchClusters(b, 100, 4, 250, 220)
	o := DefaultOptions()
	o.Stem = true
	s, _ := New(o)
	refs := make([][]*Summary, len(cs))
	var size int64
	for i, c := range cs {
		for _, r := range c.refs {
			refs[i] = append(refs[i], s.Prepare(r))
		}
		for _, l := range c.peer {
			size += int64(len(l) + 1)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range cs {
			if _, err := s.Score(s.Prepare(c.peer), refs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkPorter(b *testing.B) {
	words := benchWords(b)
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Porter(w)
		}
	}
}

// BenchmarkBootstrap averages 100 items with ROUGE's -c 95 -r 1000.
func BenchmarkBootstrap(b *testing.B) {
	cs := benchClusters(b, 100, 1, 250, 220)
	s, _ := New(DefaultOptions())
	items := make([]Scores, len(cs))
	for i, c := range cs {
		items[i], _ = s.Score(s.Prepare(c.peer), []*Summary{s.Prepare(c.refs[0])})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DefaultBootstrap().Average(items); err != nil {
			b.Fatal(err)
		}
	}
}
