package clean

import (
	"strings"
	"testing"
	"time"
)

// TestRepeatedTextLinear checks that a text repeated many times (a scraped
// page saved in a loop, a file concatenated with itself) is cleaned in time
// that grows with its length, not its square: looking for flattened copies
// once compared every line with every equal line.
func TestRepeatedTextLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	para := "The council voted on Tuesday to approve the new budget for the city, which includes money for roads, schools, parks and a new library in the northern district of town.\n\n" +
		"Mayor Jane Doe said the plan would cut waiting times at clinics and add hundreds of teachers over the next three years, paid for by a small rise in the property tax.\n\n"
	clock := func(n int) time.Duration {
		text := strings.Repeat(para, n)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			Text(text, "")
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := clock(250), clock(2000)
	t.Logf("250 copies %v, 2000 copies %v (%.1fx for 8x the text)", small, large, float64(large)/float64(small))
	if large > 24*small {
		t.Errorf("8x the text took %.1fx the time (%v, %v): not linear", float64(large)/float64(small), small, large)
	}
}
