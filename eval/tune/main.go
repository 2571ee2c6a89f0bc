// Command tune compares variants of the summarizers on a dataset with two-fold
// cross-validation, the way docs/evaluation.md reports the tuning of the default.
//
//	go run ./eval/tune [-dataset DIR] [-words N] [-base SPEC] [-oracle] [-read] [-show FILE] SPEC...
//	go run ./eval/tune [-dataset DIR] -positions
//
// A SPEC names an algorithm and optionally sets its parameters, by field path:
// "lead", "submodular:Diversity=3", "lead:Select.Redundancy=0.5,Select.Support=1";
// a path starting "Corpus." sets the engine's corpus.Options ("lead:Corpus.OffStory=0.3").
// A value list (Diversity=0|3|6) expands into one variant per value, a grid
// when several parameters have lists. Every variant is run on every cluster
// through engine.Brief at the budget; the table gives ROUGE-1 and ROUGE-2 F on
// all clusters and on each fold (odd and even clusters), and each variant's
// paired comparison with the base (the first SPEC unless -base is given): the
// mean difference of ROUGE-2 F with its bootstrap interval and the clusters it
// improves and worsens. Finally, for each fold, the variant best on it (by
// ROUGE-1 F + ROUGE-2 F) is reported with its score on the other fold: the
// honest figure of choosing that way. -oracle adds a summarizer that knows the
// references (the sentences with the most reference bigrams per word): an upper
// bound on choosing sentences, not a summarizer. -read counts, per variant, the
// summary sentences that cannot stand alone (summarize.Flaws; an opening
// connective or anaphor right after the sentence it follows in its document
// does not count, nor the start of a quotation that the next statements close,
// nor its missing attribution when the closing one says who speaks; the count
// by the first rule, which accepted any quotation start followed by its next
// sentence and no missing attribution, is printed beside it), and -show writes
// every brief with those sentences marked. -positions prints, by a sentence's rank
// in its document, the share of its words that end a bigram of the references.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/eval"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/rouge"
	"github.com/precis-news/precis/summarize"
)

func main() {
	dir := flag.String("dataset", "", "the dataset (default: ../shared/eval/multinews-dev)")
	words := flag.Int("words", 250, "word budget")
	base := flag.String("base", "", "the SPEC every variant is compared with (default: the first)")
	jobs := flag.Int("jobs", 0, "clusters at once (0: GOMAXPROCS)")
	flag.BoolVar(&withOracle, "oracle", false, "add the oracle: greedy reference bigrams per word, an upper bound")
	flag.BoolVar(&withRead, "read", false, "count the summary sentences that cannot stand alone (summarize.Flaws), per variant")
	flag.StringVar(&showBriefs, "show", "", "write every variant's briefs to this file, one cluster after another, flawed sentences marked")
	byRank := flag.Bool("positions", false, "print the reference bigrams per word of sentences by rank in their document, and stop")
	flag.Parse()
	if *byRank {
		if err := runPositions(*dir); err != nil {
			fmt.Fprintln(os.Stderr, "tune:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dir, *base, *words, *jobs, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "tune:", err)
		os.Exit(1)
	}
}

// runPositions opens the dataset and prints positions.
func runPositions(dir string) error {
	dir, err := datasetDir(dir)
	if err != nil {
		return err
	}
	ds, err := dataset.Open(context.Background(), dir, dataset.Options{})
	if err != nil {
		return err
	}
	return positions(ds)
}

// datasetDir returns dir, or multinews-dev under ../shared when dir is "".
func datasetDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	root := shared.Root()
	if root == "" {
		return "", errors.New("no ../shared folder: give -dataset")
	}
	return root + "/eval/multinews-dev", nil
}

// withOracle adds the oracle to the variants.
var withOracle bool

func run(dir, base string, words, jobs int, specs []string) error {
	dir, err := datasetDir(dir)
	if err != nil {
		return err
	}
	if len(specs) == 0 {
		return errors.New("give at least one SPEC, such as lead or submodular:Diversity=0|6")
	}
	if base != "" {
		specs = append([]string{base}, specs...)
	}
	var sums []eval.Summarizer
	seen := map[string]bool{}
	for _, spec := range specs {
		vs, err := expand(spec)
		if err != nil {
			return err
		}
		for _, v := range vs {
			if seen[v.Name] {
				continue
			}
			seen[v.Name] = true
			sums = append(sums, v)
		}
	}
	ds, err := dataset.Open(context.Background(), dir, dataset.Options{})
	if err != nil {
		return err
	}
	if withOracle {
		sums = append(sums, oracle(ds))
	}
	cfg := eval.DefaultConfig()
	cfg.Summarizers, cfg.Systems, cfg.Words, cfg.Jobs = sums, false, words, jobs
	cfg.Bootstrap.Resamples = 1000
	r, err := eval.Run(context.Background(), ds, cfg)
	if err != nil {
		return err
	}
	for _, p := range r.Problems {
		fmt.Fprintln(os.Stderr, "problem:", p)
	}
	baseRow := r.Row(sums[0].Name)
	fmt.Printf("%s, %d clusters, %d words; F ×100; folds: odd (A) and even (B) clusters; paired with %s on R-2\n\n",
		r.Dataset, r.Scored, r.Words, baseRow.Name)
	width := 10
	for _, s := range sums {
		width = max(width, len(s.Name))
	}
	fmt.Printf("%-*s  %6s %6s  %6s %6s  %6s %6s  %6s  %-24s %s\n", width, "variant", "R-1", "R-2", "A R-1", "A R-2", "B R-1", "B R-2", "words", "ΔR-2 [95%]", "better/worse")
	type result struct {
		name string
		a, b float64 // R-1 + R-2 on each fold
		ra   [2]float64
		rb   [2]float64
	}
	var results []result
	for _, s := range sums {
		row := r.Row(s.Name)
		a1, a2 := foldMean(row, 0, rouge.Rouge1), foldMean(row, 0, rouge.Rouge2)
		b1, b2 := foldMean(row, 1, rouge.Rouge1), foldMean(row, 1, rouge.Rouge2)
		results = append(results, result{s.Name, a1 + a2, b1 + b2, [2]float64{a1, a2}, [2]float64{b1, b2}})
		c, err := eval.Compare(row, baseRow, rouge.Rouge2, cfg.Bootstrap)
		if err != nil {
			return err
		}
		fmt.Printf("%-*s  %6.2f %6.2f  %6.2f %6.2f  %6.2f %6.2f  %6.1f  %+5.2f [%+5.2f, %+5.2f]      %d/%d\n", width, s.Name,
			100*row.Scores.Rouge1.F.Mean, 100*row.Scores.Rouge2.F.Mean, 100*a1, 100*a2, 100*b1, 100*b2, row.Words,
			100*c.Delta.Mean, 100*c.Delta.Lower, 100*c.Delta.Upper, c.Better, c.Worse)
	}
	if withRead {
		if err := readability(ds, sums, words); err != nil {
			return err
		}
	}
	if len(results) > 1 {
		bestA := slices.MaxFunc(results, func(x, y result) int { return cmpFloat(x.a, y.a) })
		bestB := slices.MaxFunc(results, func(x, y result) int { return cmpFloat(x.b, y.b) })
		fmt.Printf("\nchosen on A: %s, which scores on B: R-1 %.2f R-2 %.2f\n", bestA.name, 100*bestA.rb[0], 100*bestA.rb[1])
		fmt.Printf("chosen on B: %s, which scores on A: R-1 %.2f R-2 %.2f\n", bestB.name, 100*bestB.ra[0], 100*bestB.ra[1])
	}
	return nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// foldMean is the mean F of metric m over fold f: the clusters at odd (f=0) or even (f=1)
// positions of the dataset, counted from 1.
func foldMean(row *eval.Row, f int, m rouge.Metric) float64 {
	sum, n := 0.0, 0
	for k, it := range row.Items {
		if k%2 == f {
			sum += it.Scores.Get(m).F
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// configs holds each variant's engine configuration by name, for -read.
var configs = map[string]func(words int) engine.Config{}

// expand reads a SPEC into its variants.
func expand(spec string) ([]eval.Summarizer, error) {
	name, params, _ := strings.Cut(spec, ":")
	if _, err := summarize.New(name); err != nil {
		return nil, err
	}
	type setting struct {
		path   string
		values []string
	}
	var settings []setting
	if params != "" {
		for p := range strings.SplitSeq(params, ",") {
			path, vals, ok := strings.Cut(p, "=")
			if !ok {
				return nil, fmt.Errorf("%q: want Field=value", p)
			}
			settings = append(settings, setting{strings.TrimSpace(path), strings.Split(vals, "|")})
		}
	}
	// Every combination of values, the first setting varying slowest.
	combos := [][]string{{}}
	for _, s := range settings {
		var next [][]string
		for _, c := range combos {
			for _, v := range s.values {
				next = append(next, append(slices.Clone(c), strings.TrimSpace(v)))
			}
		}
		combos = next
	}
	var out []eval.Summarizer
	for _, combo := range combos {
		sum, _ := summarize.New(name)
		v := reflect.New(reflect.TypeOf(sum)).Elem()
		v.Set(reflect.ValueOf(sum))
		opts := corpus.DefaultOptions()
		o := reflect.ValueOf(&opts).Elem()
		label := name
		for k, s := range settings {
			target, path := v, s.path
			if rest, ok := strings.CutPrefix(path, "Corpus."); ok {
				target, path = o, rest // the engine's corpus options
			}
			if err := setField(target, path, combo[k]); err != nil {
				return nil, fmt.Errorf("%s: %w", spec, err)
			}
			sep := ":"
			if k > 0 {
				sep = ","
			}
			label += sep + s.path + "=" + combo[k]
		}
		configured := v.Interface().(summarize.Summarizer)
		config := func(words int) engine.Config {
			return engine.Config{Algorithm: name, Summarizer: configured, Words: words, Corpus: opts}
		}
		configs[label] = config
		out = append(out, eval.EngineWith(label, config))
	}
	return out, nil
}

// setField sets the field at a dotted path of struct v from its text.
func setField(v reflect.Value, path, value string) error {
	for part := range strings.SplitSeq(path, ".") {
		if v.Kind() != reflect.Struct {
			return fmt.Errorf("%s: not a struct field", path)
		}
		v = v.FieldByName(part)
		if !v.IsValid() {
			return fmt.Errorf("%s: no field %s", path, part)
		}
	}
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return err
		}
		v.SetFloat(f)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, err := strconv.Atoi(value)
		if err != nil {
			return err
		}
		v.SetInt(int64(n))
	case reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return err
		}
		v.SetBool(b)
	case reflect.String:
		v.SetString(value)
	default:
		return fmt.Errorf("%s: cannot set a %s", path, v.Kind())
	}
	return nil
}
