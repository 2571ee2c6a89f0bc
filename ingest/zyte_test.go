package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/precis-news/precis"
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
	{"vote(trafilatura+fallback, readability)", agreed(withTrafilatura(true), withReadability, 0.5, 0.5)},
	{"vote(readability, trafilatura+fallback)", agreed(withReadability, withTrafilatura(true), 0.5, 0.5)},
	{"ensemble (default)", ensemble},
}

// zyteFloor is the F1 of the best published extractor on zyte-dev (go-trafilatura).
const zyteFloor = 0.967

// TestZyteDev scores every extraction variant, with and without cleaning, on
// the zyte-dev pages with the benchmark's rule, and holds the default (with
// cleaning, as the engine reads pages) to the best published F1. Run with -v
// for the table of docs/ingest.md; ZYTE_ONLY=name,name runs some variants,
// ZYTE_DUMP=dir writes each page's text, removals and scores.
func TestZyteDev(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 121 pages; skipped in -short")
	}
	pages, err := zyte.Load(shared.Path(t, "html", "zyte-dev"))
	if err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("ZYTE_ONLY")
	dump := os.Getenv("ZYTE_DUMP")
	t.Logf("| %-48s | F1 | precision | recall |", "variant")
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
					writeDump(t, filepath.Join(dump, strings.NewReplacer(" ", "", "(", "", ")", "", ",", "_").Replace(v.name)), p.ID[:8], before, d, raw[i], cleaned[i])
				}
			}()
		}
		wg.Wait()
		for _, c := range []struct {
			suffix string
			s      []zyte.Score
		}{{"", raw}, {" + clean", cleaned}} {
			r := zyte.Aggregate(c.s)
			t.Logf("| %-48s | %.3f | %.3f | %.3f |", v.name+c.suffix, r.F1, r.Precision, r.Recall)
			if v.name == "ensemble (default)" && c.suffix != "" && r.F1 < zyteFloor {
				t.Errorf("default extraction with cleaning: F1 %.3f, below the best published %.3f", r.F1, zyteFloor)
			}
		}
	}
}

func writeDump(t *testing.T, dir, id, before string, d precis.Document, raw, cleaned zyte.Score) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Error(err)
		return
	}
	var b strings.Builder
	b.WriteString(d.Text)
	b.WriteString("\n\n=== REMOVED\n")
	for _, r := range d.Removed {
		fmt.Fprintf(&b, "[%s] %s\n", r.Reason, r.Text)
	}
	score := fmt.Sprintf("raw P %.3f R %.3f clean P %.3f R %.3f\n", raw.Precision(), raw.Recall(), cleaned.Precision(), cleaned.Recall())
	for name, text := range map[string]string{".raw.txt": before, ".clean.txt": b.String(), ".score": score} {
		if err := os.WriteFile(filepath.Join(dir, id+name), []byte(text), 0o644); err != nil {
			t.Error(err)
		}
	}
}
