package rouge

import (
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis"
)

func TestLines(t *testing.T) {
	text := "First sentence\nruns on.  Second one!\r\n\n   \t Third\u00a0one —  with bytes. "
	spans := []precis.Span{{Start: 0, End: 24}, {Start: 24, End: 38}, {Start: 38, End: 43}, {Start: 43, End: len(text)},
		{Start: 5, End: 400}, {Start: 9, End: 3}}
	got := Lines(text, spans)
	want := []string{"First sentence runs on.", "Second one!", "Third\u00a0one —  with bytes."}
	if !slices.Equal(got, want) {
		t.Errorf("Lines = %q, want %q", got, want)
	}
	// Stable: the lines joined and re-split give themselves back.
	joined := strings.Join(got, "\n")
	var again []precis.Span
	start := 0
	for _, l := range got {
		again = append(again, precis.Span{Start: start, End: start + len(l)})
		start += len(l) + 1
	}
	if back := Lines(joined, again); !slices.Equal(back, got) {
		t.Errorf("round trip: %q", back)
	}
	if !slices.Equal(readLines([]string{joined}), got) {
		t.Errorf("ROUGE reads %q back", readLines([]string{joined}))
	}
}

func TestReadLines(t *testing.T) {
	got := readLines([]string{"a\n\nb\r\n", "", "  ", "c"})
	want := []string{"a", "b\r", "  ", "c"}
	if !slices.Equal(got, want) {
		t.Errorf("readLines = %q, want %q (only '\\n' ends a line; empty lines are skipped, blank ones kept)", got, want)
	}
}

func TestCut(t *testing.T) {
	lines := []string{"one two-three, four", " lead five", "six seven eight"}
	for _, tc := range []struct {
		name     string
		o        Options
		text     []string
		lcsUnits []string
	}{
		{"none", Options{}, lines, lines},
		{"l3", Options{LimitWords: 3}, []string{"one two-three, four"}, []string{"one two-three, four"}},
		{"l2", Options{LimitWords: 2}, []string{"one two-three,"}, []string{"one two-three,"}},
		// " lead five" splits into "", "lead", "five": the empty first field counts.
		{"l4", Options{LimitWords: 4}, []string{"one two-three, four", ""}, []string{"one two-three, four", ""}},
		{"l5", Options{LimitWords: 5}, []string{"one two-three, four", " lead"}, []string{"one two-three, four", " lead"}},
		{"b10", Options{LimitBytes: 10}, []string{"one two-th"}, []string{"one two-th"}},
		{"b25", Options{LimitBytes: 25}, []string{"one two-three, four", " lead "}, lines},
		{"b12", Options{LimitBytes: 12}, []string{"one two-thre"}, []string{"one two-thre"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cut(lines, tc.o); !slices.Equal(got, tc.text) {
				t.Errorf("cut = %q, want %q", got, tc.text)
			}
			if got := cutLCS(lines, tc.o); !slices.Equal(got, tc.lcsUnits) {
				t.Errorf("cutLCS = %q, want %q", got, tc.lcsUnits)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	var got []string
	tokens("It's U.S.-made: café ÉCOLE Zürich 3.5% well-known\u00a0x", nil, func(tok []byte) { got = append(got, string(tok)) })
	want := strings.Fields("it s u s made caf cole z rich 3 5 well known x")
	if !slices.Equal(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestSortByID(t *testing.T) {
	ids := []string{"2", "10", "1", "100", "11", "1-a"}
	items := make([]Scores, len(ids))
	for i := range items {
		items[i].Rouge1.F = float64(i)
	}
	if err := SortByID(ids, items); err != nil {
		t.Fatal(err)
	}
	// "1-a.X" < "1.X" because '-' < '.'.
	if want := []string{"1-a", "1", "10", "100", "11", "2"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	if items[0].Rouge1.F != 5 || items[5].Rouge1.F != 0 {
		t.Errorf("items did not follow their ids: %v", items)
	}
	if SortByID(ids[:2], items) == nil {
		t.Error("no error for mismatched lengths")
	}
}
