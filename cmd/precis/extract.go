package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/fetch"
)

// runExtract prints each article's cleaned body as the engine reads it:
// ingest, then clean.Document.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--format text|json] [--explain] PATH|URL...")
	format := fs.String("format", "text", "output `format`: text (the bodies) or json (bodies, metadata and removed lines)")
	explain := fs.Bool("explain", false, "print every removed line with its reason on standard error")
	allowPrivate := fs.Bool("allow-private-urls", false, "let URLs reach loopback, private and link-local addresses")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format must be text or json, not %q", *format)
	}
	if len(paths) == 0 {
		return usagef("no input: give files, directories, URLs or - for standard input (precis extract -h)")
	}
	fo := fetch.DefaultOptions()
	fo.AllowPrivate = *allowPrivate
	docs, err := readArticles(ctx, e, "extract", paths, fetch.New(fo))
	if err != nil {
		return err
	}
	all := docs
	docs, warnings := clean.Documents(docs)
	if len(docs) == 0 && len(warnings) == 1 {
		// One input, all furniture: its warning is the one-line error.
		if *explain {
			explainRemovals(e.stderr, all)
		}
		return precis.Errorf(precis.ErrInvalid, "%v", warnings[0])
	}
	printExtractWarnings(e.stderr, "extract", warnings)
	if *explain {
		explainRemovals(e.stderr, all)
	}
	if len(docs) == 0 {
		return errNothingLeft
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(docs)
	}
	for i, d := range docs {
		if len(docs) > 1 {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			fmt.Fprintf(e.stdout, "==> %s <==\n", extractHeader(d))
		}
		fmt.Fprintln(e.stdout, d.Text)
	}
	return nil
}

// extractHeader names a document: its id and, when known, its title.
func extractHeader(d precis.Document) string {
	if d.Title == "" {
		return d.ID
	}
	return d.ID + ": " + d.Title
}

// printExtractWarnings prints each warning on its own line.
func printExtractWarnings(w io.Writer, name string, warnings []error) {
	for _, err := range warnings {
		fmt.Fprintf(w, "precis %s: warning: %v\n", name, err)
	}
}

// explainRemovals prints what cleaning removed, one line per removal:
// "ID: [reason] text".
func explainRemovals(w io.Writer, docs []precis.Document) {
	for _, d := range docs {
		for _, r := range d.Removed {
			fmt.Fprintf(w, "%s: [%s] %s\n", d.ID, r.Reason, strings.ReplaceAll(r.Text, "\n", " "))
		}
	}
}

// errNothingLeft is the error of brief and extract when cleaning emptied every document.
var errNothingLeft = precis.Errorf(precis.ErrInvalid, "nothing left after cleaning: every input was page furniture (--explain shows what was removed)")
