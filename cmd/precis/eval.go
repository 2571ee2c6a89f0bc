package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/eval"
	"github.com/precis-news/precis/rouge"
	"github.com/precis-news/precis/summarize"
)

const evalUsage = `[flags] DATASET

Summarizes every cluster of DATASET with the chosen algorithms (engine.Brief, as "precis brief"
does), scores each summary and every system summary the dataset holds against the references
with ROUGE-1.5.5's numbers, and prints a table, best first: ROUGE-1, -2, -L and -SU4 with
their bootstrap confidence intervals, mean words, time per cluster, failed clusters.

DATASET is a folder of clusters (<cluster>/docs/*.txt, refs/*.txt, systems/<name>.txt),
a Multi-News *.src file (with its *.tgt) or a folder holding one, a Multi-News *.jsonl
file, or a DUC/TAC folder (docs/<set>/<SGML files>, model summaries like D30001.M.100.T.A).
A problem with one cluster is one line on stderr (and in --json); the cluster is not
scored, or its missing summary counts 0, and the table says how many clusters were scored.`

// defaultEvalRouge are ROUGE-1.5.5's flags of the published Multi-News figures (with
// ROUGE's default 1000 resamples).
const defaultEvalRouge = "-m -n 4 -2 4 -u -c 95 -r 1000 -f A -p 0.5"

// algorithmNames lists the summarizers "--algorithms all" runs.
func algorithmNames() []string { return summarize.Names() }

// runEval evaluates summarizers on a dataset.
func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", evalUsage)
	algorithms := fs.String("algorithms", "all", "summarizers to run: `all`, none, or a comma-separated list of "+strings.Join(algorithmNames(), ", "))
	words := fs.Int("words", 0, "word budget of every summary (0: the references' mean length)")
	rougeFlags := fs.String("rouge", defaultEvalRouge, "ROUGE-1.5.5 `flags` as \"precis rouge\" takes them, plus -c and -r for the interval")
	systems := fs.Bool("systems", true, "score the dataset's systems/ summaries too")
	asJSON := fs.Bool("json", false, "print the report as JSON, per-cluster scores and problems included")
	asCSV := fs.Bool("csv", false, "print the table as CSV")
	plotFile := fs.String("plot", "", "draw the comparison chart to `FILE` (.svg, .png or .pdf)")
	outDir := fs.String("out", "", "write every summary to `DIR`/<cluster>/<system>.txt, one sentence per line")
	jobs := fs.Int("jobs", 0, "clusters evaluated at once (0: one per processor)")
	limit := fs.Int("limit", 0, "read only the first `N` clusters (0: all)")
	fold := fs.String("fold", "", "keep only fold `I/K`: clusters I, I+K, I+2K … (from 1), for cross-validation")
	format := fs.String("format", "auto", "dataset `format`: auto, folder, multinews, jsonl or duc")
	models := fs.String("models", "", "DUC/TAC: the `folder` of model summaries (default: searched outside docs/)")
	measure := fs.String("measure", "F", "what the table and chart show: F, R (recall) or P (precision)")
	compare := fs.String("compare", "", "compare every row with the row `NAME`, cluster by cluster (paired bootstrap)")
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("need one DATASET; run \"precis eval -h\"")
	}
	if *asJSON && *asCSV {
		return usagef("--json and --csv cannot be combined")
	}
	if *words < 0 || *jobs < 0 || *limit < 0 {
		return usagef("--words, --jobs and --limit cannot be negative")
	}
	m, err := eval.ParseMeasure(*measure)
	if err != nil {
		return usagef("--measure %q: want F, R or P", *measure)
	}
	cfg := eval.DefaultConfig()
	if cfg.Rouge, cfg.Bootstrap, err = parseRougeFlags(*rougeFlags); err != nil {
		return usagef("--rouge: %v", err)
	}
	names, err := chooseAlgorithms(*algorithms)
	if err != nil {
		return err
	}
	for _, name := range names {
		cfg.Summarizers = append(cfg.Summarizers, eval.Engine(name))
	}
	cfg.Systems, cfg.Words, cfg.Jobs, cfg.KeepSummaries = *systems, *words, *jobs, *outDir != ""
	foldI, foldK, err := parseFold(*fold)
	if err != nil {
		return err
	}
	if *plotFile != "" && !slices.ContainsFunc(eval.PlotFormats, func(ext string) bool { return strings.HasSuffix(strings.ToLower(*plotFile), ext) }) {
		return usagef("--plot %q: want a file name ending in %s", *plotFile, strings.Join(eval.PlotFormats, ", "))
	}
	f, err := dataset.ParseFormat(*format)
	if err != nil {
		return usagef("--format %q: want auto, folder, multinews, jsonl or duc", *format)
	}

	ds, err := dataset.Open(ctx, args[0], dataset.Options{Format: f, Models: *models, Limit: *limit})
	if err != nil {
		return err
	}
	if foldK > 0 {
		var kept []dataset.Cluster
		for i, c := range ds.Clusters {
			if i%foldK == foldI-1 {
				kept = append(kept, c)
			}
		}
		ds.Clusters = kept
		ds.Name = fmt.Sprintf("%s (fold %d/%d)", ds.Name, foldI, foldK)
	}
	if e.stderrTerminal && !*asJSON {
		bar := progressbar.NewOptions(len(ds.Clusters),
			progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("precis eval"),
			progressbar.OptionShowCount(), progressbar.OptionSetWidth(30), progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetPredictTime(true))
		cfg.Progress = func(done, total int) {
			bar.ChangeMax(total)
			_ = bar.Set(done)
		}
		defer func() { _ = bar.Clear() }()
	}

	report, err := eval.Run(ctx, ds, cfg)
	if report != nil && cfg.Progress != nil {
		fmt.Fprint(e.stderr, "\r\033[K") // the bar's line, before problems are printed over it
	}
	if report != nil {
		for _, p := range report.Problems {
			fmt.Fprintf(e.stderr, "precis eval: %s\n", p)
		}
	}
	if err != nil {
		if errors.Is(err, eval.ErrNothingScored) {
			return fmt.Errorf("%w: %w", err, precis.ErrInvalid)
		}
		return err
	}
	if m != eval.F {
		report.Sort(rouge.Rouge2, m)
	}
	if *compare != "" {
		if err := report.CompareTo(*compare, cfg.Bootstrap); err != nil {
			return usagef("--compare: %v", strings.TrimPrefix(err.Error(), "eval: "))
		}
	}
	if *outDir != "" {
		if err := report.WriteSummaries(*outDir); err != nil {
			return err
		}
	}
	if *plotFile != "" {
		if err := report.Plot(*plotFile, m); err != nil {
			return err
		}
	}
	switch {
	case *asJSON:
		return report.WriteJSON(e.stdout)
	case *asCSV:
		return report.WriteCSV(e.stdout)
	}
	return report.WriteTable(e.stdout, m)
}

// chooseAlgorithms reads --algorithms: all, none, or a list of names.
func chooseAlgorithms(s string) ([]string, error) {
	known := algorithmNames()
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "all":
		return known, nil
	case "none", "":
		return nil, nil
	}
	var out []string
	for name := range strings.SplitSeq(s, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" || slices.Contains(out, name) {
			continue
		}
		if !slices.Contains(known, name) {
			return nil, usagef("--algorithms: unknown algorithm %q (have %s)", name, strings.Join(known, ", "))
		}
		out = append(out, name)
	}
	return out, nil
}

// parseFold reads --fold I/K; "" is no fold.
func parseFold(s string) (int, int, error) {
	if s == "" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	k, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || k < 1 || i < 1 || i > k {
		return 0, 0, usagef("--fold %q: want I/K with 1 ≤ I ≤ K, such as 1/2", s)
	}
	return i, k, nil
}

// parseRougeFlags reads ROUGE-1.5.5 flags with the names "precis rouge" takes (-n -m -s
// -l -b -f -p), plus -c and -r for the bootstrap interval. ROUGE's -2 4 -u (SU4), -a (all
// systems) and -t 0 (sentences as units) are accepted as what eval always does.
func parseRougeFlags(s string) (rouge.Options, rouge.Bootstrap, error) {
	o, bs := rouge.DefaultOptions(), rouge.DefaultBootstrap()
	fs := flag.NewFlagSet("rouge", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	formula := rougeFlags(fs, &o)
	fs.Float64Var(&bs.Confidence, "c", bs.Confidence, "")
	fs.IntVar(&bs.Resamples, "r", bs.Resamples, "")
	gap := fs.Int("2", 4, "")
	fs.Bool("u", true, "")
	fs.Bool("a", true, "")
	unit := fs.Int("t", 0, "")
	if err := fs.Parse(strings.Fields(s)); err != nil {
		return o, bs, err
	}
	if fs.NArg() > 0 {
		return o, bs, fmt.Errorf("unexpected %q", strings.Join(fs.Args(), " "))
	}
	if *gap != 4 {
		return o, bs, fmt.Errorf("-2 %d: only skip-bigrams at most 4 apart (SU4) are computed", *gap)
	}
	if *unit != 0 {
		return o, bs, fmt.Errorf("-t %d: only sentences as units (-t 0) are supported", *unit)
	}
	if err := rougeCheck(&o, *formula); err != nil {
		return o, bs, err
	}
	if err := bs.Validate(); err != nil {
		return o, bs, errors.New(strings.TrimPrefix(message(err), "rouge: "))
	}
	return o, bs, nil
}
