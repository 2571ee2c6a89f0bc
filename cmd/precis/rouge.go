package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/rouge"
)

const rougeUsage = `[flags] PEER REF...

Scores the summary in PEER against the reference summaries REF... exactly as ROUGE-1.5.5
prints it (-2 4 -u -c 95 -a: ROUGE-1..N, ROUGE-L and ROUGE-SU4). Each file holds one
sentence per line and is read as raw bytes, as ROUGE reads SPL files; an empty PEER scores 0.`

// runRouge scores one peer file against reference files, with ROUGE-1.5.5's flag names.
func runRouge(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rouge", rougeUsage)
	o := rouge.DefaultOptions()
	formula := rougeFlags(fs, &o)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) < 2 {
		return usagef("need a PEER file and at least one REF file; run \"precis rouge -h\"")
	}
	if err := rougeCheck(&o, *formula); err != nil {
		return usagef("%s", err)
	}

	s, err := rouge.New(o)
	if err != nil {
		return err
	}
	summaries := make([]*rouge.Summary, len(args))
	for i, path := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err // *fs.PathError names the file
		}
		if bytes.IndexByte(data, 0) >= 0 {
			return precis.Errorf(precis.ErrInvalid, "%s: binary file, not text", path)
		}
		summaries[i] = s.Prepare([]string{string(data)})
	}
	scores, err := s.Score(summaries[0], summaries[1:])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeRougeJSON(e.stdout, o, &scores)
	}
	return writeRougeTable(e.stdout, o, &scores, args)
}

// writeRougeJSON prints {"rouge1": {"recall": r, "precision": p, "f1": f}, …} with the
// measures the options compute, in ROUGE's order.
func writeRougeJSON(w io.Writer, o rouge.Options, s *rouge.Scores) error {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range o.Metrics() {
		if i > 0 {
			b.WriteByte(',')
		}
		v, err := json.Marshal(s.Get(m))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%q:%s", m.String(), v)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRougeTable prints one row per measure with ROUGE's %7.5f numbers.
func writeRougeTable(w io.Writer, o rouge.Options, s *rouge.Scores, files []string) error {
	var b strings.Builder
	refs := "reference"
	if len(files) > 2 {
		refs = "references"
	}
	fmt.Fprintf(&b, "ROUGE-1.5.5 %s: %s against %d %s\n", o, files[0], len(files)-1, refs)
	fmt.Fprintf(&b, "%-9s  %-9s  %-9s  %s\n", "", "Recall", "Precision", "F")
	for _, m := range o.Metrics() {
		v := s.Get(m)
		fmt.Fprintf(&b, "%-9s  %-9.5f  %-9.5f  %.5f\n", m.Name(), v.Recall, v.Precision, v.F)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rougeFlags defines ROUGE-1.5.5's scoring flags, with its names (-n -m -s -l
// -b -f -p), on fs, into o: precis rouge takes them, and precis eval within
// --rouge. The formula is read by rougeCheck.
func rougeFlags(fs *flag.FlagSet, o *rouge.Options) (formula *string) {
	fs.IntVar(&o.MaxN, "n", o.MaxN, "compute ROUGE-1 to ROUGE-`N` (1 to 4)")
	fs.BoolVar(&o.Stem, "m", false, "stem tokens longer than 3 bytes: WordNet exceptions, then Porter as ROUGE modifies it")
	fs.BoolVar(&o.RemoveStopwords, "s", false, "remove the SMART stopwords before counting")
	fs.IntVar(&o.LimitWords, "l", 0, "read only the first `N` words of each summary (0: all)")
	fs.IntVar(&o.LimitBytes, "b", 0, "read only the first `N` bytes of each summary (0: all)")
	formula = fs.String("f", "A", "scoring `formula`: A pools all references, B keeps the best one per measure")
	fs.Float64Var(&o.Alpha, "p", o.Alpha, "F = PR/((1-`alpha`)P + alpha·R)")
	return formula
}

// rougeCheck sets o's formula and validates o, in a message for the user (no
// package prefix, no error kind).
func rougeCheck(o *rouge.Options, formula string) error {
	var err error
	if o.Formula, err = rouge.ParseFormula(formula); err != nil {
		return fmt.Errorf("-f %q: want A or B", formula)
	}
	if err := o.Validate(); err != nil {
		return errors.New(strings.TrimPrefix(message(err), "rouge: "))
	}
	return nil
}
