package zyte

import (
	"math"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name, pred, truth string
		p, r              float64
		predicted         bool
	}{
		{"same", "one two three four five", "one two three four five", 1, 1, true},
		{"disjoint", "alpha beta gamma delta", "one two three four", 0, 0, true},
		{"extra run", "one two three four five", "one two three four", 0.5, 1, true},
		{"short texts", "Hello, world!", "hello world", 0, 0, true}, // case is kept
		{"short same", "über 42_x", "über 42_x", 1, 1, true},
		{"no prediction", "", "one two three four", 0, 0, false},
		{"repeats count", "a b c d a b c d", "a b c d", 1.0 / 5, 1, true}, // abcd twice, matched once
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Compare(tc.pred, tc.truth)
			if s.Predicted != tc.predicted || math.Abs(s.Precision()-tc.p) > 1e-9 || math.Abs(s.Recall()-tc.r) > 1e-9 {
				t.Errorf("Compare(%q, %q) = %+v P %.3f R %.3f, want P %.3f R %.3f", tc.pred, tc.truth, s, s.Precision(), s.Recall(), tc.p, tc.r)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	scores := []Score{
		Compare("one two three four", "one two three four"), // P 1 R 1
		Compare("", "one two three four"),                   // left out of P, R 0
	}
	r := Aggregate(scores)
	if r.Precision != 1 || r.Recall != 0.5 || math.Abs(r.F1-2.0/3) > 1e-9 || r.Empty != 1 {
		t.Errorf("Aggregate = %+v", r)
	}
}
