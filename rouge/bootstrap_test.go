package rouge

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/precis-news/precis"
)

// TestBootstrapMatchesROUGE compares Average with the numbers ROUGE-1.5.5's own averaging
// routines print for the same per-item values (testdata/bootstrap.json), including its odd
// corners: -r 1 (a rank past the end counts as 0) and -c 0 (bounds cross).
func TestBootstrapMatchesROUGE(t *testing.T) {
	data, err := os.ReadFile("testdata/bootstrap.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []struct {
			Confidence float64   `json:"confidence"`
			Resamples  int       `json:"resamples"`
			Values     []float64 `json:"values"`
			Want       struct{ Average, Lower, Upper float64 }
		}
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Cases {
		t.Run(fmt.Sprintf("n%d-c%g-r%d", len(c.Values), c.Confidence, c.Resamples), func(t *testing.T) {
			items := make([]Scores, len(c.Values))
			for i, v := range c.Values {
				items[i].RougeL.F = v
			}
			a, err := Bootstrap{Confidence: c.Confidence, Resamples: c.Resamples}.Average(items)
			if err != nil {
				t.Fatal(err)
			}
			got := a.RougeL.F
			if got.Average != c.Want.Average || got.Lower != c.Want.Lower || got.Upper != c.Want.Upper {
				t.Errorf("got %.5f (%.5f - %.5f), ROUGE-1.5.5 prints %.5f (%.5f - %.5f)",
					got.Average, got.Lower, got.Upper, c.Want.Average, c.Want.Lower, c.Want.Upper)
			}
		})
	}
}

func TestBootstrapProperties(t *testing.T) {
	items := make([]Scores, 40)
	for i := range items {
		v := round5(float64(i%7) / 7)
		for _, m := range AllMetrics {
			*items[i].at(m) = PRF{Recall: v, Precision: 1 - v, F: v / 2}
		}
	}
	b := DefaultBootstrap()
	a, err := b.Average(items)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := b.Average(items)
	if a != again {
		t.Error("two runs differ: the resampling must be deterministic")
	}
	if a.Items != 40 {
		t.Errorf("Items = %d", a.Items)
	}
	for _, m := range AllMetrics {
		for _, e := range []Estimate{a.Get(m).Recall, a.Get(m).Precision, a.Get(m).F} {
			if !(e.Lower <= e.Average && e.Average <= e.Upper) || e.Lower >= e.Upper {
				t.Errorf("%s: interval %v does not hold the average", m, e)
			}
			if d := e.Average - e.Mean; d > 0.01 || d < -0.01 {
				t.Errorf("%s: average %.5f far from mean %.5f", m, e.Average, e.Mean)
			}
		}
	}
	sum := 0.0
	for _, it := range items {
		sum += it.Rouge1.Recall
	}
	if want := sum / 40; a.Rouge1.Recall.Mean != want {
		t.Errorf("mean = %v, want %v", a.Rouge1.Recall.Mean, want)
	}

	one, _ := b.Average(items[3:4])
	if e := one.RougeL.Recall; e.Average != items[3].RougeL.Recall || e.Lower != e.Average || e.Upper != e.Average {
		t.Errorf("one item: %+v, want its own value everywhere", e)
	}
	none, err := b.Average(nil)
	if err != nil || none != (Averages{}) {
		t.Errorf("no items: %+v, %v", none, err)
	}
}

func TestBootstrapValidate(t *testing.T) {
	for _, b := range []Bootstrap{{Confidence: -1, Resamples: 10}, {Confidence: 101, Resamples: 10}, {Confidence: 95}} {
		if _, err := b.Average(nil); !errors.Is(err, precis.ErrInvalid) {
			t.Errorf("%+v: err = %v, want ErrInvalid", b, err)
		}
	}
}

// TestDrand48 checks the generator against what perl 5.36 prints for
// srand(7); rand() three times.
func TestDrand48(t *testing.T) {
	d := newDrand48(7)
	for _, want := range []string{"0.2664441967654092", "0.68203523019062118", "0.26549059342699977"} {
		if got := fmt.Sprintf("%.17g", d.next()); got != want {
			t.Errorf("rand() = %s, perl gives %s", got, want)
		}
	}
}
