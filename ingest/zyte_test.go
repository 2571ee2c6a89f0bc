package ingest

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/internal/zyte"
)

// zyteVariants are the extraction methods measured on zyte-dev.
var zyteVariants = []struct {
	name string
	ex   extractor
}{
	{"trafilatura", withTrafilatura(false)},
	{"trafilatura+fallback", withTrafilatura(true)},
	{"readability", withReadability},
}

// TestZyteDev scores every extraction variant, with and without cleaning, on
// the zyte-dev pages with the benchmark's rule, and holds the default to the
// best published extractor's F1 (0.967). Run with -v for the table.
func TestZyteDev(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 121 pages; skipped in -short")
	}
	dir := shared.Path(t, "html", "zyte-dev")
	pages, err := zyte.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("ZYTE_ONLY")
	dump := os.Getenv("ZYTE_DUMP")
	for _, v := range zyteVariants {
		if only != "" && !strings.Contains(","+only+",", ","+v.name+",") {
			continue
		}
		raw := make([]zyte.Score, len(pages))
		cleaned := make([]zyte.Score, len(pages))
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i, p := range pages {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				d, _, _ := fromHTML(p.HTML, p.URL, v.ex)
				raw[i] = zyte.Compare(d.Text, p.Expected)
				before := d.Text
				clean.Document(&d)
				cleaned[i] = zyte.Compare(d.Text, p.Expected)
				if dump != "" {
					dir := dump + "/" + v.name
					os.MkdirAll(dir, 0o755)
					os.WriteFile(dir+"/"+p.ID[:8]+".raw.txt", []byte(before), 0o644)
					var b strings.Builder
					b.WriteString(d.Text)
					b.WriteString("\n\n=== REMOVED\n")
					for _, r := range d.Removed {
						fmt.Fprintf(&b, "[%s] %s\n", r.Reason, r.Text)
					}
					os.WriteFile(dir+"/"+p.ID[:8]+".clean.txt", []byte(b.String()), 0o644)
					var per strings.Builder
					fmt.Fprintf(&per, "raw P %.3f R %.3f clean P %.3f R %.3f\n", raw[i].Precision(), raw[i].Recall(), cleaned[i].Precision(), cleaned[i].Recall())
					os.WriteFile(dir+"/"+p.ID[:8]+".score", []byte(per.String()), 0o644)
				}
			}()
		}
		wg.Wait()
		for _, c := range []struct {
			suffix string
			s      []zyte.Score
		}{{"", raw}, {" + clean", cleaned}} {
			r := zyte.Aggregate(c.s)
			t.Logf("| %-32s | %.3f | %.3f | %.3f |", v.name+c.suffix, r.F1, r.Precision, r.Recall)
		}
	}
}
