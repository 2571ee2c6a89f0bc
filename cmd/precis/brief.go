package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/fetch"
	"github.com/precis-news/precis/ingest"
	"github.com/precis-news/precis/render"
	"github.com/precis-news/precis/summarize"
)

// runBrief writes the sourced brief of the articles at the paths and URLs.
func runBrief(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "brief", "[flags] PATH|URL...")
	algorithm := fs.String("algorithm", summarize.Default, "summarizer: "+strings.Join(summarize.Names(), ", "))
	words := fs.Int("words", engine.DefaultWords, "word budget of the summary; whole sentences only")
	sentences := fs.Int("sentences", 0, "sentence budget of the summary, instead of --words unless both are given")
	format := fs.String("format", string(render.Text), "output format: text, markdown or json")
	explain := fs.Bool("explain", false, "print to stderr every line cleaning removed, and why")
	list := fs.Bool("list-algorithms", false, "print the summarizers, the default marked, and exit")
	allowPrivate := fs.Bool("allow-private-urls", false, "let URLs reach loopback, private and link-local addresses")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *list {
		for _, name := range summarize.Names() {
			mark := ""
			if name == summarize.Default {
				mark = " (default)"
			}
			fmt.Fprintf(e.stdout, "%s%s\n", name, mark)
		}
		return nil
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !slices.Contains(summarize.Names(), *algorithm) {
		return usagef("unknown --algorithm %q (have %s)", *algorithm, strings.Join(summarize.Names(), ", "))
	}
	f, err := render.ParseFormat(*format)
	if err != nil {
		return usagef("unknown --format %q (have text, markdown, json)", *format)
	}
	if *words < 0 || *sentences < 0 {
		return usagef("--words and --sentences must not be negative")
	}
	if set["sentences"] && !set["words"] {
		*words = 0 // a sentence budget replaces the default word budget
	}
	if *words == 0 && *sentences == 0 {
		return usagef("give a budget: --words N or --sentences N, above 0")
	}
	if len(paths) == 0 {
		return usagef("no articles: give files, directories or URLs, or - for standard input")
	}

	fo := fetch.DefaultOptions()
	fo.AllowPrivate = *allowPrivate
	docs, err := readArticles(ctx, e, "brief", paths, fetch.New(fo))
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("no articles found in %s: %w", strings.Join(paths, ", "), precis.ErrInvalid)
	}
	if *explain {
		explainCleaning(e, docs)
	}
	cfg := engine.DefaultConfig()
	cfg.Algorithm, cfg.Words, cfg.Sentences = *algorithm, *words, *sentences
	b, err := engine.Brief(ctx, docs, cfg)
	if err != nil {
		if errors.Is(err, engine.ErrNoText) {
			err = errNothingLeft
		}
		if errors.Is(err, precis.ErrInvalid) && !errors.Is(err, summarize.ErrUnknown) {
			return fmt.Errorf("%s: %w", sources(docs), err)
		}
		return err
	}
	for _, w := range b.Warnings {
		fmt.Fprintf(e.stderr, "precis brief: warning: %s\n", oneLine(w))
	}
	return render.Write(e.stdout, b, f)
}

// readArticles reads the arguments of precis name in their order: files, directories and
// standard input with ingest.Read, http(s) URLs with f (fetchParallel at a
// time), each named as the server names it (fetch.Name).
func readArticles(ctx context.Context, e *env, name string, args []string, f *fetch.Fetcher) ([]precis.Document, error) {
	const fetchParallel = 4
	fetched := make([]precis.Document, len(args))
	errs := make([]error, len(args))
	sem := make(chan struct{}, fetchParallel)
	var wg sync.WaitGroup
	for i, arg := range args {
		if fetch.IsURL(arg) {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				fetched[i], errs[i] = f.Document(ctx, arg)
			})
		}
	}
	wg.Wait()

	var docs []precis.Document
	var paths []string
	// unusable are the URLs that could not be fetched and the runs of paths
	// between URLs that gave no article: each is a warning when other
	// arguments give articles, as one bad file among good ones is, and the
	// error when none does.
	var unusable []error
	read := func() error { // the paths since the last URL
		if len(paths) == 0 {
			return nil
		}
		ds, warnings, err := ingest.Read(ctx, paths, ingest.Options{Stdin: e.stdin})
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "precis %s: warning: %s\n", name, oneLine(w.Error()))
		}
		docs, paths = append(docs, ds...), nil
		if err != nil && !errors.Is(err, precis.ErrNotFound) && ctx.Err() == nil {
			unusable = append(unusable, err)
			return nil
		}
		return err
	}
	taken := map[string]int{}
	for i, arg := range args {
		if !fetch.IsURL(arg) {
			if otherScheme(arg) {
				return nil, fmt.Errorf("%s: %w", arg, fetch.ErrScheme)
			}
			paths = append(paths, arg)
			continue
		}
		if err := read(); err != nil {
			return nil, err
		}
		if err := errs[i]; err != nil {
			if errors.Is(err, fetch.ErrAddress) {
				return nil, fmt.Errorf("%w (--allow-private-urls allows it)", err)
			}
			unusable = append(unusable, err) // a page that cannot be had is one bad input among others
			continue
		}
		d := fetched[i]
		base := cmp.Or(fetch.Name(&d), "article")
		taken[base]++
		d.ID = base
		if n := taken[base]; n > 1 || base == "article" {
			d.ID = fmt.Sprintf("%s-%d", base, n) // article-1, as the server names it
		}
		docs = append(docs, d)
	}
	if err := read(); err != nil {
		return nil, err
	}
	if len(docs) == 0 && len(unusable) > 0 {
		// The first is the error; the others are said too, as warnings.
		for _, err := range unusable[1:] {
			fmt.Fprintf(e.stderr, "precis %s: warning: %s\n", name, strings.TrimPrefix(message(err), "ingest: "))
		}
		return nil, unusable[0]
	}
	for _, err := range unusable {
		fmt.Fprintf(e.stderr, "precis %s: warning: %s\n", name, strings.TrimPrefix(message(err), "ingest: "))
	}
	return docs, nil
}

// explainCleaning prints every piece cleaning removes from each document, with the reason.
// It cleans copies: the engine cleans the documents again, as it always does.
func explainCleaning(e *env, docs []precis.Document) {
	for _, d := range docs {
		d.Removed = slices.Clip(d.Removed)
		clean.Document(&d)
		name := d.Source
		if name == "" {
			name = d.ID
		}
		if len(d.Removed) == 0 {
			fmt.Fprintf(e.stderr, "%s: nothing removed\n", name)
			continue
		}
		for _, r := range d.Removed {
			fmt.Fprintf(e.stderr, "%s: removed (%s): %s\n", name, r.Reason, oneLine(r.Text))
		}
	}
}

// oneLine collapses white space so that a message or a removed line prints on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// otherScheme reports whether arg reads as a URL of a scheme other than http and
// https ("ftp://host/a") and names no file: it is refused as such, rather than
// reported as a file that does not exist.
func otherScheme(arg string) bool {
	scheme, _, ok := strings.Cut(arg, "://")
	if !ok || scheme == "" {
		return false
	}
	for _, r := range scheme {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	_, err := os.Stat(arg)
	return err != nil
}

// sources names where docs were read from (a path, "-", a URL; else the
// document's ID), each once, in order: the inputs an engine error is about,
// not those that gave no article and were warned about already.
func sources(docs []precis.Document) string {
	var names []string
	for _, d := range docs {
		if n := cmp.Or(d.Source, d.ID); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
