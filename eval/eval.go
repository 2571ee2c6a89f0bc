// Package eval measures summarizers on a dataset with ROUGE, as researchers report them:
// every cluster summarized by the real pipeline, every summary split into one sentence per
// line and scored against the cluster's references by package rouge (ROUGE-1.5.5's
// numbers), the per-cluster scores averaged with ROUGE's bootstrap confidence interval.
//
// Other systems' summaries that the dataset holds are scored with the same settings, so a
// table compares like with like. A problem with one cluster (no references, no documents,
// an empty or failed summary) is reported and never stops the evaluation; a missing,
// empty or failed summary of a scored cluster counts as an empty summary (all scores 0),
// so that every row averages over the same clusters.
package eval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/rouge"
	"github.com/precis-news/precis/sentence"
)

// Summarizer makes the summary of one cluster within a word budget.
type Summarizer struct {
	// Name names the summarizer in the report.
	Name string
	// Summarize returns the summary of docs in at most words words (precis.CountWords),
	// one sentence per element. It must be safe for concurrent use and must not modify docs.
	Summarize func(ctx context.Context, docs []precis.Document, words int) ([]string, error)
}

// Engine returns the summarizer users get: engine.Brief with the named algorithm, the
// analyses off, each statement split into sentences by package sentence for ROUGE.
func Engine(algorithm string) Summarizer {
	return EngineWith(algorithm, func(words int) engine.Config {
		return engine.Config{Algorithm: algorithm, Words: words}
	})
}

// EngineWith returns a summarizer named name that calls engine.Brief with the configuration
// config returns for a budget, for variants of an algorithm's parameters.
func EngineWith(name string, config func(words int) engine.Config) Summarizer {
	return Summarizer{Name: name, Summarize: func(ctx context.Context, docs []precis.Document, words int) ([]string, error) {
		b, err := engine.Brief(ctx, docs, config(words))
		if err != nil {
			return nil, err
		}
		var lines []string
		for _, st := range b.Summary {
			lines = append(lines, rouge.Lines(st.Text, sentence.Split(st.Text))...)
		}
		return lines, nil
	}}
}

// Config says what an evaluation runs and how it scores.
type Config struct {
	// Summarizers are run on every scored cluster, in this order.
	Summarizers []Summarizer
	// Systems, when true, scores the dataset's systems' summaries too.
	Systems bool
	// Words is the summaries' word budget; 0 means the mean length of the references of
	// the scored clusters, rounded.
	Words int
	// Rouge are the scoring options, ROUGE-1.5.5's flags.
	Rouge rouge.Options
	// Bootstrap sets the averages' confidence interval (-c, -r).
	Bootstrap rouge.Bootstrap
	// Jobs is the number of clusters evaluated at once; 0 means GOMAXPROCS.
	Jobs int
	// KeepSummaries keeps every summary's lines in the report's items (for writing them out).
	KeepSummaries bool
	// Progress, when not nil, is called after each cluster with the numbers of clusters
	// done and to do; calls do not overlap.
	Progress func(done, total int)
}

// DefaultConfig returns the settings of the Multi-News figures: systems scored,
// the references' mean length as budget, ROUGE-1.5.5 with -m -n 4 -2 4 -u -c 95 -r 1000
// -f A -p 0.5, one job per processor.
func DefaultConfig() Config {
	o := rouge.DefaultOptions()
	o.Stem = true
	return Config{Systems: true, Rouge: o, Bootstrap: rouge.DefaultBootstrap()}
}

// Kind tells a summarizer run by the evaluation from a system's summaries read from the dataset.
type Kind string

// The kinds of row.
const (
	Algorithm Kind = "algorithm"
	System    Kind = "system"
)

// Report is the result of an evaluation.
type Report struct {
	// Dataset names the dataset.
	Dataset string `json:"dataset"`
	// Clusters counts the dataset's clusters; Scored those with documents and references,
	// over which every row is averaged.
	Clusters int `json:"clusters"`
	Scored   int `json:"scored"`
	// Words is the word budget of the summarizers; WordsMean tells whether it was the
	// references' mean length.
	Words     int  `json:"budget_words"`
	WordsMean bool `json:"budget_is_reference_mean"`
	// RefWords is the mean length of the scored clusters' references.
	RefWords float64 `json:"reference_words"`
	// Rouge are ROUGE-1.5.5's flags for the scores, bootstrap included.
	Rouge string `json:"rouge"`
	// Metrics are the measures the options compute, in ROUGE's order.
	Metrics []rouge.Metric `json:"-"`
	// Rows are the summarizers and systems, best first (see Sort).
	Rows []Row `json:"rows"`
	// Base names the row the others were compared with (CompareTo), if any.
	Base string `json:"compared_with,omitempty"`
	// Problems are every cluster's problems, in cluster order.
	Problems []Problem `json:"problems"`
	// Seconds is the evaluation's wall time.
	Seconds float64 `json:"seconds"`
}

// Row is one summarizer's or system's scores.
type Row struct {
	Name string `json:"name"`
	Kind Kind   `json:"kind"`
	// Scores are the averages with their confidence intervals over the scored clusters.
	Scores rouge.Averages `json:"scores"`
	// Words is the summaries' mean length in words (precis.CountWords).
	Words float64 `json:"mean_words"`
	// Seconds is the mean time to summarize one cluster (summarizers only).
	Seconds float64 `json:"seconds_per_cluster"`
	// Failed counts the clusters whose summary was missing, empty or failed (scored 0).
	Failed int `json:"failed"`
	// Versus compares the row with the report's Base row (CompareTo).
	Versus []Comparison `json:"versus,omitempty"`
	// Items are the per-cluster scores, in the dataset's order.
	Items []Item `json:"clusters"`
}

// Item is one summary of one cluster and its scores.
type Item struct {
	Cluster string       `json:"cluster"`
	Scores  rouge.Scores `json:"scores"`
	Words   int          `json:"words"`
	Seconds float64      `json:"seconds,omitempty"`
	// Failed marks a summary that was missing, empty or failed, scored 0.
	Failed bool `json:"failed,omitempty"`
	// Lines are the summary as scored, one sentence per line (with Config.KeepSummaries).
	Lines []string `json:"-"`
	// index is the cluster's position in the dataset, from 0: ROUGE's evaluation ID - 1.
	index int
}

// Problem is one thing that went wrong with one cluster.
type Problem struct {
	Cluster string `json:"cluster"`
	// System names the summarizer or system concerned; "" for the cluster itself.
	System  string `json:"system,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.System == "" {
		return p.Cluster + ": " + p.Message
	}
	return p.Cluster + ": " + p.System + ": " + p.Message
}

// ErrNothingScored is returned by Run when no cluster has both documents and references.
var ErrNothingScored = errors.New("eval: no cluster has both documents and references")

// Run evaluates cfg's summarizers (and, with cfg.Systems, the dataset's systems) on ds.
// It returns an error for invalid settings, a canceled ctx, or no cluster to score
// (ErrNothingScored, with the report and its problems); problems of single clusters are
// in the report.
func Run(ctx context.Context, ds *dataset.Dataset, cfg Config) (*Report, error) {
	start := time.Now()
	if err := cfg.Bootstrap.Validate(); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	scorer, err := rouge.New(cfg.Rouge)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if cfg.Words < 0 {
		return nil, fmt.Errorf("eval: negative budget %d: %w", cfg.Words, precis.ErrInvalid)
	}
	names := make(map[string]bool)
	for _, s := range cfg.Summarizers {
		if s.Summarize == nil || names[s.Name] {
			return nil, fmt.Errorf("eval: summarizer %q repeated or without a function: %w", s.Name, precis.ErrInvalid)
		}
		names[s.Name] = true
	}

	r := &Report{Dataset: ds.Name, Clusters: len(ds.Clusters), Rouge: flags(cfg.Rouge, cfg.Bootstrap), Metrics: cfg.Rouge.Metrics(), Problems: []Problem{}}
	problems := make([][]Problem, len(ds.Clusters)) // per cluster, in dataset order
	var scored []int                                // indexes of the clusters to score
	refWords, refs := 0, 0
	for i := range ds.Clusters {
		c := &ds.Clusters[i]
		var why []string
		for _, p := range c.Problems {
			if errors.Is(p, dataset.ErrNoDocuments) || errors.Is(p, dataset.ErrNoReferences) {
				continue
			}
			problems[i] = append(problems[i], Problem{Cluster: c.ID, Message: p.Error()})
		}
		if len(c.Docs) == 0 {
			why = append(why, dataset.ErrNoDocuments.Error())
		}
		if len(c.Refs) == 0 {
			why = append(why, dataset.ErrNoReferences.Error())
		}
		if len(why) > 0 {
			problems[i] = append(problems[i], Problem{Cluster: c.ID, Message: "not scored: " + strings.Join(why, ", ")})
			continue
		}
		scored = append(scored, i)
		for _, ref := range c.Refs {
			refWords += precis.CountWords(ref.Text)
			refs++
		}
	}
	r.Scored = len(scored)
	if refs > 0 {
		r.RefWords = float64(refWords) / float64(refs)
	}
	r.Words, r.WordsMean = cfg.Words, cfg.Words == 0
	if r.WordsMean {
		r.Words = int(math.Round(r.RefWords))
	}

	// Rows: the summarizers in order, then every system any scored cluster has, by name.
	for _, s := range cfg.Summarizers {
		r.Rows = append(r.Rows, Row{Name: s.Name, Kind: Algorithm})
	}
	if cfg.Systems {
		var systems []string
		for _, i := range scored {
			for _, s := range ds.Clusters[i].Systems {
				if !slices.Contains(systems, s.Name) && !names[s.Name] {
					systems = append(systems, s.Name)
				}
			}
		}
		slices.Sort(systems)
		for _, name := range systems {
			r.Rows = append(r.Rows, Row{Name: name, Kind: System})
		}
	}
	flatten := func() {
		for _, ps := range problems {
			r.Problems = append(r.Problems, ps...)
		}
	}
	if len(scored) == 0 {
		flatten()
		r.Seconds = time.Since(start).Seconds()
		return r, ErrNothingScored
	}
	for k := range r.Rows {
		r.Rows[k].Items = make([]Item, len(scored))
	}

	// Every cluster in parallel; each fills its column of items and its own problems.
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
		done int
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for range min(jobs, len(scored)) {
		wg.Go(func() {
			for {
				mu.Lock()
				j := next
				next++
				mu.Unlock()
				if j >= len(scored) || ctx.Err() != nil {
					return
				}
				i := scored[j]
				problems[i] = append(problems[i], evalCluster(ctx, scorer, cfg, r, j, i, &ds.Clusters[i])...)
				if cfg.Progress != nil {
					mu.Lock()
					done++
					cfg.Progress(done, len(scored))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	flatten()

	for k := range r.Rows {
		if err := r.Rows[k].average(r.Words, cfg); err != nil {
			return nil, err
		}
	}
	r.Sort(rouge.Rouge2, F)
	r.Seconds = time.Since(start).Seconds()
	return r, nil
}

// evalCluster summarizes and scores cluster c (the j-th scored cluster, index i of the
// dataset) for every row of r, and returns its problems.
func evalCluster(ctx context.Context, scorer *rouge.Scorer, cfg Config, r *Report, j, i int, c *dataset.Cluster) []Problem {
	var problems []Problem
	problem := func(system, format string, a ...any) {
		problems = append(problems, Problem{Cluster: c.ID, System: system, Message: fmt.Sprintf(format, a...)})
	}
	refs := make([]*rouge.Summary, len(c.Refs))
	for k, ref := range c.Refs {
		refs[k] = scorer.Prepare([]string{ref.Text})
	}
	score := func(row *Row, lines []string, words int, seconds float64, failed bool) {
		it := Item{Cluster: c.ID, Words: words, Seconds: seconds, index: i}
		if cfg.KeepSummaries {
			it.Lines = lines
		}
		switch {
		case failed:
			it.Failed = true
		case words == 0:
			problem(row.Name, "empty summary (scored 0)")
			it.Failed = true
		default:
			var err error
			if it.Scores, err = scorer.Score(scorer.Prepare(lines), refs); err != nil {
				problem(row.Name, "%v (scored 0)", err)
				it.Scores, it.Failed = rouge.Scores{}, true
			}
		}
		row.Items[j] = it
	}
	for k, s := range cfg.Summarizers {
		row := &r.Rows[k]
		t := time.Now()
		lines, err := s.Summarize(ctx, c.Docs, r.Words)
		seconds := time.Since(t).Seconds()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			problem(s.Name, "%v (scored 0)", err)
		}
		words := countWords(lines)
		if words > r.Words {
			problem(s.Name, "%d words, over the budget of %d", words, r.Words)
		}
		score(row, lines, words, seconds, err != nil)
	}
	for k := len(cfg.Summarizers); k < len(r.Rows); k++ {
		row := &r.Rows[k]
		idx := slices.IndexFunc(c.Systems, func(s dataset.Summary) bool { return s.Name == row.Name })
		if idx < 0 {
			problem(row.Name, "no summary (scored 0)")
			score(row, nil, 0, 0, true)
			continue
		}
		text := c.Systems[idx].Text
		score(row, []string{text}, precis.CountWords(text), 0, false)
	}
	return problems
}

func countWords(lines []string) int {
	n := 0
	for _, l := range lines {
		n += precis.CountWords(l)
	}
	return n
}

// average fills the row's averages from its items.
func (row *Row) average(budget int, cfg Config) error {
	ids := make([]string, len(row.Items))
	scores := make([]rouge.Scores, len(row.Items))
	words, seconds := 0, 0.0
	row.Failed = 0
	for k, it := range row.Items {
		ids[k] = strconv.Itoa(it.index + 1)
		scores[k] = it.Scores
		words += it.Words
		seconds += it.Seconds
		if it.Failed {
			row.Failed++
		}
	}
	if err := rouge.SortByID(ids, scores); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	avg, err := cfg.Bootstrap.Average(scores)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	row.Scores = avg
	if n := len(row.Items); n > 0 {
		row.Words = float64(words) / float64(n)
		row.Seconds = seconds / float64(n)
	}
	return nil
}

// Sort orders the rows best first by measure ms of metric m, then of ROUGE-1, then by
// name. Run sorts by the F of ROUGE-2.
func (r *Report) Sort(m rouge.Metric, ms Measure) {
	slices.SortStableFunc(r.Rows, func(a, b Row) int {
		if c := cmp.Compare(ms.of(b.Scores.Get(m)).Average, ms.of(a.Scores.Get(m)).Average); c != 0 {
			return c
		}
		if c := cmp.Compare(ms.of(b.Scores.Rouge1).Average, ms.of(a.Scores.Rouge1).Average); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
}

// Row returns the row named name, or nil.
func (r *Report) Row(name string) *Row {
	for k := range r.Rows {
		if r.Rows[k].Name == name {
			return &r.Rows[k]
		}
	}
	return nil
}

// flags writes the scoring settings as ROUGE-1.5.5's command-line flags.
func flags(o rouge.Options, b rouge.Bootstrap) string {
	return fmt.Sprintf("%s -c %g -r %d", o, b.Confidence, b.Resamples)
}
