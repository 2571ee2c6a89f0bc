package timeline_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/timeline"
)

var publishedMeta = regexp.MustCompile(`(?:datePublished|article:published_time)"?\s*(?:content=|:)\s*"(\d{4}-\d\d-\d\d)`)

// TestInferenceOnPages measures the story inference rule on real pages whose HTML
// metadata gives the publication day P: from the article text alone (metadata withheld),
// how far is the inferred reference R before P, and how often is it in P's year.
func TestInferenceOnPages(t *testing.T) {
	dir := shared.Path(t, "html", "zyte-dev")
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "page.html"))
	published := map[string]time.Time{}
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if m := publishedMeta.FindSubmatch(html); m != nil {
			if day, err := time.Parse(time.DateOnly, string(m[1])); err == nil {
				published[p] = day
			}
		}
	}
	for _, rule := range []struct {
		name string
		inf  timeline.Inference
	}{{"safe", timeline.InferSafe}, {"latest", timeline.InferLatest}} {
		var pub, inferred, sameYear, after, within7, within31 int
		var gaps []int
		for _, p := range pages {
			day, ok := published[p]
			if !ok {
				continue
			}
			text, err := os.ReadFile(filepath.Join(filepath.Dir(p), "expected.txt"))
			if err != nil {
				continue
			}
			pub++
			cfg := timeline.DefaultConfig()
			cfg.Inference = rule.inf
			_, refs := cfg.Dates(corpus.Build([]precis.Document{{ID: "page", Text: string(text)}}))
			r := refs[0]
			if !r.Known() {
				continue
			}
			inferred++
			gap := int(day.Sub(r.Day).Hours() / 24)
			gaps = append(gaps, gap)
			if day.Year() == r.Day.Year() {
				sameYear++
			}
			if gap >= 0 {
				after++
			}
			if gap >= 0 && gap <= 7 {
				within7++
			}
			if gap >= 0 && gap <= 31 {
				within31++
			}
		}
		sort.Ints(gaps)
		median := 0
		if len(gaps) > 0 {
			median = gaps[len(gaps)/2]
		}
		t.Logf("%s: %d pages with a publication date, %d given a reference; P in R's year %d, P on or after R %d, within 7 days %d, within 31 days %d; median P-R %d days; gaps %v",
			rule.name, pub, inferred, sameYear, after, within7, within31, median, gaps)
	}
}
