package similarity

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestNew(t *testing.T) {
	idf := []float64{1, 2, 0, 3}
	tests := []struct {
		name  string
		terms []int32
		want  Vector
	}{
		{"empty", nil, Vector{}},
		{"zero weight only", []int32{2, 2}, Vector{}},
		{"one term", []int32{1}, Vector{Terms: []int32{1}, Weights: []float32{1}}},
		{"counts and order", []int32{3, 0, 3, 2}, Vector{Terms: []int32{0, 3}, Weights: []float32{float32(1 / math.Sqrt(37)), float32(6 / math.Sqrt(37))}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(tt.terms, idf)
			if !slices.Equal(got.Terms, tt.want.Terms) || len(got.Weights) != len(tt.want.Weights) {
				t.Fatalf("New(%v) = %v, want %v", tt.terms, got, tt.want)
			}
			for k := range got.Weights {
				if math.Abs(float64(got.Weights[k]-tt.want.Weights[k])) > 1e-6 {
					t.Fatalf("New(%v) = %v, want %v", tt.terms, got, tt.want)
				}
			}
		})
	}
}

func TestDotCosine(t *testing.T) {
	idf := []float64{1, 1, 1, 1}
	a, b := New([]int32{0, 1}, idf), New([]int32{1, 2}, idf)
	if got := Dot(a, b); math.Abs(got-0.5) > 1e-6 {
		t.Errorf("Dot = %v, want 0.5", got)
	}
	if got := Cosine(a, a); math.Abs(got-1) > 1e-6 {
		t.Errorf("Cosine(a, a) = %v, want 1", got)
	}
	if got := Cosine(a, Vector{}); got != 0 {
		t.Errorf("Cosine with zero = %v, want 0", got)
	}
	d := make(Dense, 4)
	d.Add(a, 2)
	if got := d.Dot(b); math.Abs(got-1) > 1e-6 {
		t.Errorf("Dense.Dot = %v, want 1", got)
	}
}

// TestIndexExact checks the prefix-filtered search against comparing every pair,
// on random vectors with a Zipf-like vocabulary and many exact repeats.
func TestIndexExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const terms = 300
	idf := make([]float64, terms)
	freq := make([]int, terms)
	for k := range idf {
		idf[k] = math.Log(1 + 1000/float64(k+1))
	}
	var vecs []Vector
	for len(vecs) < 600 {
		if len(vecs) > 0 && r.IntN(4) == 0 { // a repeat or a near repeat
			v := vecs[r.IntN(len(vecs))]
			ts := slices.Clone(v.Terms)
			if r.IntN(2) == 0 && len(ts) > 0 {
				ts[r.IntN(len(ts))] = int32(r.IntN(terms))
			}
			vecs = append(vecs, New(ts, idf))
			continue
		}
		n := 1 + r.IntN(12)
		ts := make([]int32, n)
		for k := range ts {
			ts[k] = int32(math.Min(terms-1, math.Floor(math.Exp(r.Float64()*math.Log(terms)))))
		}
		vecs = append(vecs, New(ts, idf))
	}
	vecs = append(vecs, Vector{}) // a zero vector is never found
	for _, v := range vecs {
		for _, t := range v.Terms {
			freq[t]++
		}
	}
	for _, th := range []float64{0.3, 0.5, 0.8, 1} {
		idx := NewIndex(vecs, freq, th)
		s := idx.Searcher()
		for i, q := range vecs {
			got := map[int32]bool{}
			s.Similar(q, th, func(class int, cos float64) {
				for _, j := range idx.Members(class) {
					got[j] = true
					if d := Dot(q, vecs[j]); math.Abs(d-cos) > 1e-6 {
						t.Fatalf("cosine of %d and %d = %v, reported %v", i, j, d, cos)
					}
				}
			})
			for j, v := range vecs {
				want := v.Len() > 0 && Dot(q, v) >= th-1e-6
				if want != got[int32(j)] {
					t.Fatalf("threshold %v: vectors %d and %d (cosine %v): found %v, want %v", th, i, j, Dot(q, v), got[int32(j)], want)
				}
			}
		}
		// A class's query with its kept prefix finds what its vector's query finds, with the same cosines.
		for c := range idx.Classes() {
			type hit struct {
				class int
				cos   float64
			}
			var byVector, byClass []hit
			s.Similar(vecs[idx.Members(c)[0]], th, func(class int, cos float64) { byVector = append(byVector, hit{class, cos}) })
			s.SimilarClass(c, func(class int, cos float64) { byClass = append(byClass, hit{class, cos}) })
			if !slices.Equal(byVector, byClass) {
				t.Fatalf("threshold %v: class %d: SimilarClass %v, Similar %v", th, c, byClass, byVector)
			}
		}
	}
}

func TestIndexClasses(t *testing.T) {
	idf := []float64{1, 1, 1}
	vecs := []Vector{New([]int32{0, 1}, idf), {}, New([]int32{1, 0}, idf), New([]int32{2}, idf)}
	idx := NewIndex(vecs, []int{2, 2, 1}, 0.5)
	if idx.Classes() != 2 {
		t.Fatalf("Classes = %d, want 2", idx.Classes())
	}
	if idx.Class(1) != -1 || idx.Class(0) != idx.Class(2) || idx.Class(0) == idx.Class(3) {
		t.Fatalf("classes %d %d %d %d", idx.Class(0), idx.Class(1), idx.Class(2), idx.Class(3))
	}
	if m := idx.Members(idx.Class(0)); !slices.Equal(m, []int32{0, 2}) {
		t.Fatalf("Members = %v, want [0 2]", m)
	}
}

// BenchmarkIndex searches 30,000 sentence-like vectors (5 to 20 terms drawn from
// a Zipf vocabulary, weighted by their inverse frequency) for all their paraphrases.
func BenchmarkIndex(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	const terms = 20000
	bags := make([][]int32, 30000)
	freq := make([]int, terms)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(5, 6)), 1.1, 1, terms-1)
	for i := range bags {
		if i > 0 && r.IntN(10) == 0 {
			bags[i] = bags[r.IntN(i)] // a repeat
		} else {
			bags[i] = make([]int32, 5+r.IntN(15))
			for k := range bags[i] {
				bags[i][k] = int32(zipf.Uint64())
			}
		}
		for _, t := range bags[i] {
			freq[t]++
		}
	}
	idf := make([]float64, terms)
	for k := range idf {
		idf[k] = math.Log(1 + float64(len(bags))/float64(max(freq[k], 1)))
	}
	vecs := make([]Vector, len(bags))
	for i := range bags {
		vecs[i] = New(bags[i], idf)
	}
	b.SetBytes(int64(len(vecs))) // one "byte" per vector: MB/s reads as million vectors per second
	b.ReportAllocs()
	found := 0
	for b.Loop() {
		idx := NewIndex(vecs, freq, 0.5)
		s := idx.Searcher()
		for _, q := range vecs {
			s.Similar(q, 0.5, func(int, float64) { found++ })
		}
	}
	b.ReportMetric(float64(found)/float64(b.N)/float64(len(vecs)), "matches/query")
}
