package phrases

import (
	"strings"
	"testing"
)

var lists = [][]string{
	{"said", "says", "according to"},
	{"/", "@", "©", "(c)"},
	{"click here", "click", "here"},
	{"é", "ét", "x"},
}

// reference is Find written plainly: one search per phrase and occurrence.
func reference(s string) (any, words uint64) {
	for k, ps := range lists {
		for _, p := range ps {
			for i := 0; ; {
				j := strings.Index(s[i:], p)
				if j < 0 {
					break
				}
				any |= 1 << k
				if wholeAt(s, i+j, i+j+len(p)) {
					words |= 1 << k
				}
				i += j + 1
			}
		}
	}
	return any, words
}

// check compares Find with the reference for every choice of whole-word lists.
func check(t *testing.T, x *Index, s string) {
	t.Helper()
	any, words := reference(s)
	for mask := uint64(0); mask < 1<<len(lists); mask++ {
		if got, want := x.Find(s, mask), any&^mask|words&mask; got != want {
			t.Errorf("Find(%q, %04b) = %04b, want %04b", s, mask, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	x := New(lists...)
	for _, s := range []string{
		"", "s", "said", "he said.", "unsaid", "saidx", "according to him", "accordingly",
		"a/b", "@x", "©", "(c) 2020", "(c", "click", "clickhere", "click here", "there", "été", "xé", "ét",
		"\xff", "said\xff", "é said é", "ésaid",
	} {
		check(t, x, s)
	}
}

func FuzzFind(f *testing.F) {
	x := New(lists...)
	f.Add("he said (c) here, click here: ét/x@")
	f.Fuzz(func(t *testing.T, s string) {
		check(t, x, s)
	})
}

func BenchmarkFind(b *testing.B) {
	x := New(lists...)
	s := strings.Repeat("the senator told reporters that the committee would meet again next week, ", 4)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		x.Find(s, 1)
	}
}
