package rouge

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzOptions derives options from one byte so that the fuzzer explores them all.
func fuzzOptions(bits uint8) Options {
	o := DefaultOptions()
	o.Stem = bits&1 != 0
	o.RemoveStopwords = bits&2 != 0
	if bits&4 != 0 {
		o.Formula = FormulaB
	}
	switch (bits >> 3) & 3 {
	case 1:
		o.LimitWords = int(bits>>5) + 1
	case 2:
		o.LimitBytes = int(bits>>5)*7 + 1
	}
	o.MaxN = int(bits>>5)%MaxN + 1
	return o
}

// FuzzScore scores arbitrary bytes: no panic, every value in [0, 1], F between the smaller
// and larger of R and P, the same result twice.
func FuzzScore(f *testing.F) {
	f.Add("The cat sat on the mat.\nIt was happy.", "A cat was sitting on the mat.", "", uint8(0))
	f.Add("geese were running", "Goose ran; children went.", "the the the", uint8(1))
	f.Add("dogs\ndogs bark", "dogs bark dogs", "", uint8(4))
	f.Add("café ÉCOLE — it’s 3.5%", "\xff\xfe ecole caf\u00a0it s", "\n\n  \n", uint8(0x2f))
	f.Add("one two-three, four\n lead five", " lead five six", "one", uint8(0x48))
	f.Fuzz(func(t *testing.T, peer, ref1, ref2 string, bits uint8) {
		o := fuzzOptions(bits)
		s, err := New(o)
		if err != nil {
			t.Fatal(err)
		}
		refs := []*Summary{s.Prepare([]string{ref1}), s.Prepare(strings.Split(ref2, "\r"))}
		p := s.Prepare([]string{peer})
		got, err := s.Score(p, refs)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range AllMetrics {
			v := got.Get(m)
			for _, x := range []float64{v.Recall, v.Precision, v.F} {
				if !(x >= 0 && x <= 1) {
					t.Fatalf("%s = %+v: outside [0, 1] (options %s)", m, v, o)
				}
			}
			lo, hi := min(v.Recall, v.Precision), max(v.Recall, v.Precision)
			if v.F < lo-1e-5 || v.F > hi+1e-5 {
				t.Fatalf("%s: F %v not between R and P %+v", m, v.F, v)
			}
		}
		again, _ := s.Score(s.Prepare([]string{peer}), refs)
		if again != got {
			t.Fatalf("second score %+v differs from %+v", again, got)
		}
	})
}

// FuzzPorter stems arbitrary bytes without panicking and never lengthens a word; on the
// letters and digits a ROUGE token can hold it must agree with the regular-expression
// statement of the algorithm.
func FuzzPorter(f *testing.F) {
	for _, w := range []string{"agreement", "departmental", "yelling", "1990s", "ies", "sses", "y", "yyyying", "caf\xc3\xa9s"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, word string) {
		if got := Porter(word); len(got) > len(word) {
			t.Fatalf("Porter(%q) = %q is longer", word, got)
		}
		_ = Stem(word)
		const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789yyeeiiss"
		b := []byte(word)
		for i, c := range b {
			b[i] = alphabet[int(c)%len(alphabet)]
		}
		w := string(b)
		if got, want := Porter(w), regexOracle(w); got != want {
			t.Fatalf("Porter(%q) = %q, regular expressions give %q", w, got, want)
		}
		if !utf8.ValidString(Porter(w)) {
			t.Fatalf("Porter(%q) is not ASCII", w)
		}
	})
}
