package eval

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/rouge"
)

// Measure chooses which of recall, precision and F a table shows.
type Measure byte

// The measures.
const (
	F         Measure = 'F'
	Recall    Measure = 'R'
	Precision Measure = 'P'
)

// ParseMeasure reads "F", "R" or "P" (or "f1", "recall", "precision").
func ParseMeasure(s string) (Measure, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "f", "f1":
		return F, nil
	case "r", "recall":
		return Recall, nil
	case "p", "precision":
		return Precision, nil
	}
	return 0, fmt.Errorf("eval: unknown measure %q (have F, R, P): %w", s, precis.ErrInvalid)
}

func (m Measure) String() string {
	switch m {
	case Recall:
		return "recall"
	case Precision:
		return "precision"
	}
	return "F1"
}

// of returns the measure's estimate of one metric average.
func (m Measure) of(a rouge.MetricAverage) rouge.Estimate {
	switch m {
	case Recall:
		return a.Recall
	case Precision:
		return a.Precision
	}
	return a.F
}

// tableMetrics are the measures a table shows, of those computed.
func (r *Report) tableMetrics() []rouge.Metric {
	var out []rouge.Metric
	for _, m := range r.Metrics {
		if m == rouge.Rouge1 || m == rouge.Rouge2 || m == rouge.RougeL || m == rouge.RougeSU4 {
			out = append(out, m)
		}
	}
	return out
}

// shortName writes, R-L, R-SU4.
func shortName(m rouge.Metric) string { return "R-" + strings.TrimPrefix(m.Name(), "ROUGE-") }

// Summary is the report's first line: what was scored, at which budget, with which flags.
func (r *Report) Summary() string {
	budget := fmt.Sprintf("budget %d words", r.Words)
	if r.WordsMean {
		budget += " (the references' mean)"
	}
	return fmt.Sprintf("%s: %d of %d clusters scored; %s; references %.1f words; ROUGE-1.5.5 %s",
		r.Dataset, r.Scored, r.Clusters, budget, r.RefWords, r.Rouge)
}

// WriteTable prints the report as a table, best first: for each of ROUGE-1, -2, -L and
// -SU4 the measure m ×100 with its confidence interval, the mean words, the time per
// cluster and the failed clusters.
func (r *Report) WriteTable(w io.Writer, m Measure) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s ×100 with %s intervals\n\n", r.Summary(), m, confidenceText(r.Rouge))
	width := len("system")
	for _, row := range r.Rows {
		width = max(width, len(row.Name))
	}
	metrics := r.tableMetrics()
	fmt.Fprintf(&b, "%-*s  %-9s", width, "system", "kind")
	for _, mt := range metrics {
		fmt.Fprintf(&b, "  %-19s", shortName(mt))
	}
	fmt.Fprintf(&b, "  %6s  %9s  %s\n", "words", "s/cluster", "failed")
	for _, row := range r.Rows {
		fmt.Fprintf(&b, "%-*s  %-9s", width, row.Name, row.Kind)
		for _, mt := range metrics {
			e := m.of(row.Scores.Get(mt))
			fmt.Fprintf(&b, "  %-19s", fmt.Sprintf("%5.2f [%5.2f–%5.2f]", 100*e.Average, 100*e.Lower, 100*e.Upper))
		}
		secs := "-"
		if row.Kind == Algorithm {
			secs = fmt.Sprintf("%.3f", row.Seconds)
		}
		fmt.Fprintf(&b, "  %6.1f  %9s  %d\n", row.Words, secs, row.Failed)
	}
	if r.Base != "" {
		fmt.Fprintf(&b, "\nPaired with %s, cluster by cluster (difference of F ×100, %s interval):\n", r.Base, confidenceText(r.Rouge))
		for _, row := range r.Rows {
			if len(row.Versus) == 0 {
				continue
			}
			parts := make([]string, len(row.Versus))
			for k, c := range row.Versus {
				parts[k] = c.String()
			}
			fmt.Fprintf(&b, "%-*s  %s\n", width, row.Name, strings.Join(parts, "; "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// confidenceText reads "95%" out of the flags "… -c 95 -r 1000".
func confidenceText(flags string) string {
	f := strings.Fields(flags)
	if i := slices.Index(f, "-c"); i >= 0 && i+1 < len(f) {
		return f[i+1] + "%"
	}
	return "confidence"
}

// WriteCSV prints one line per row: name, kind, clusters, failed, mean words, seconds per
// cluster, then for each measure computed its recall, precision and F averages with their
// lower and upper bounds, as fractions with ROUGE's five decimals.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"name", "kind", "clusters", "failed", "mean_words", "seconds_per_cluster"}
	for _, m := range r.Metrics {
		for _, part := range []string{"recall", "precision", "f1"} {
			k := m.String() + "_" + part
			head = append(head, k, k+"_lower", k+"_upper")
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range r.Rows {
		rec := []string{row.Name, string(row.Kind), strconv.Itoa(len(row.Items)), strconv.Itoa(row.Failed),
			strconv.FormatFloat(row.Words, 'f', 1, 64), strconv.FormatFloat(row.Seconds, 'f', 4, 64)}
		for _, m := range r.Metrics {
			a := row.Scores.Get(m)
			for _, e := range []rouge.Estimate{a.Recall, a.Precision, a.F} {
				for _, v := range []float64{e.Average, e.Lower, e.Upper} {
					rec = append(rec, strconv.FormatFloat(v, 'f', 5, 64))
				}
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON prints the report as indented JSON, per-cluster scores included.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteSummaries writes every kept summary to dir/<cluster>/<row>.txt, one sentence per
// line (names made safe for file systems). The report must come from a Run with
// Config.KeepSummaries.
func (r *Report) WriteSummaries(dir string) error {
	for _, row := range r.Rows {
		for _, it := range row.Items {
			d := filepath.Join(dir, safeName(it.Cluster))
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			var b strings.Builder
			for _, l := range it.Lines {
				for line := range strings.SplitSeq(l, "\n") {
					if line != "" {
						b.WriteString(line)
						b.WriteByte('\n')
					}
				}
			}
			if err := os.WriteFile(filepath.Join(d, safeName(row.Name)+".txt"), []byte(b.String()), 0o644); err != nil {
				return fmt.Errorf("eval: %w", err)
			}
		}
	}
	return nil
}

// safeName keeps letters, digits, '.', '-' and '_' and replaces anything else with '_';
// names that would be special ("", ".", "..") get a leading '_'.
func safeName(s string) string {
	out := strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
	if strings.Trim(out, ".") == "" {
		out = "_" + out
	}
	return out
}
