// Package similarity compares sentences as sparse TF-IDF vectors and finds the
// sentences that say the same thing without comparing every pair.
package similarity

import (
	"math"
	"slices"
)

// Vector is a sparse vector: Terms holds term ids in increasing order and
// Weights the matching weights. Vectors built by New have unit length.
type Vector struct {
	Terms   []int32
	Weights []float32
}

// Len returns the number of non-zero entries.
func (v Vector) Len() int { return len(v.Terms) }

// New returns the unit-length TF-IDF vector of a bag of terms: each distinct term
// weighs (its count in terms) × idf[term]. It returns the zero Vector when no term
// has weight. terms is not modified.
func New(terms []int32, idf []float64) Vector {
	if len(terms) == 0 {
		return Vector{}
	}
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	v := Vector{Terms: sorted[:0], Weights: make([]float32, 0, len(sorted))}
	var norm float64
	for i := 0; i < len(sorted); {
		t := sorted[i]
		j := i + 1
		for j < len(sorted) && sorted[j] == t {
			j++
		}
		w := float64(j-i) * idf[t]
		if w > 0 {
			v.Terms = append(v.Terms, t)
			v.Weights = append(v.Weights, float32(w))
			norm += w * w
		}
		i = j
	}
	if norm == 0 {
		return Vector{}
	}
	inv := 1 / math.Sqrt(norm)
	for i := range v.Weights {
		v.Weights[i] *= float32(inv)
	}
	v.Terms = slices.Clip(v.Terms)
	return v
}

// Dot returns the dot product of a and b; for vectors built by New it is their cosine.
func Dot(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.Terms) && j < len(b.Terms) {
		switch {
		case a.Terms[i] < b.Terms[j]:
			i++
		case a.Terms[i] > b.Terms[j]:
			j++
		default:
			s += float64(a.Weights[i]) * float64(b.Weights[j])
			i++
			j++
		}
	}
	return s
}

// Cosine returns the cosine of the angle between a and b, 0 when either is zero.
func Cosine(a, b Vector) float64 {
	na, nb := Norm(a), Norm(b)
	if na == 0 || nb == 0 {
		return 0
	}
	return Dot(a, b) / (na * nb)
}

// Norm returns the Euclidean length of v.
func Norm(v Vector) float64 {
	var s float64
	for _, w := range v.Weights {
		s += float64(w) * float64(w)
	}
	return math.Sqrt(s)
}

// Dense is a dense vector over term ids, for sums of many sentence vectors
// (a centroid, a summary so far).
type Dense []float64

// Add adds f × v to d.
func (d Dense) Add(v Vector, f float64) {
	for k, t := range v.Terms {
		d[t] += f * float64(v.Weights[k])
	}
}

// Dot returns the dot product of d and v.
func (d Dense) Dot(v Vector) float64 {
	var s float64
	for k, t := range v.Terms {
		s += d[t] * float64(v.Weights[k])
	}
	return s
}

// Norm returns the Euclidean length of d.
func (d Dense) Norm() float64 {
	var s float64
	for _, x := range d {
		s += x * x
	}
	return math.Sqrt(s)
}
