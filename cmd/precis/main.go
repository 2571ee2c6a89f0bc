// Command precis turns several news articles about one story into one sourced brief.
//
// Usage:
//
//	precis brief [flags] PATH|URL...    write the brief of the articles in PATH or at URL
//	precis extract [flags] PATH|URL...  print each article's cleaned body as the engine reads it
//	precis rouge [flags] PEER REF...    score a summary against references as ROUGE-1.5.5 does
//	precis eval [flags] DATASET         evaluate the summarizers on a dataset
//	precis serve [flags]                serve the HTTP API and the web page
//
// Run "precis COMMAND -h" for a command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/precis-news/precis"
)

// A command is one subcommand of precis.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = []command{
	{"brief", "write the sourced brief of several articles about one story", runBrief},
	{"extract", "print each article's cleaned body as the engine reads it", runExtract},
	{"rouge", "score a summary against reference summaries as ROUGE-1.5.5 does", runRouge},
	{"eval", "evaluate the summarizers and other systems on a dataset", runEval},
	{"serve", "serve the HTTP API and the web page", runServe},
}

// env is what a command may touch of the outside world, so tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrTerminal reports whether stderr is a terminal (progress bars).
	stderrTerminal bool
}

// usageError is bad usage: an unknown flag, a missing argument. It exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrTerminal: isTerminal(os.Stderr)}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run runs the command line args and returns the exit status:
// 0 success, 1 bad input or failure, 2 bad usage.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return exitStatus(e, c.name, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "precis: unknown command %q; run \"precis help\"\n", args[0])
	return 2
}

// exitStatus prints err as one line and maps it to an exit status; the one place that does.
func exitStatus(e *env, name string, err error) int {
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(e.stderr, "precis %s: %v\n", name, err)
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "precis %s: interrupted\n", name)
		return 130
	default:
		fmt.Fprintf(e.stderr, "precis %s: %s\n", name, message(err))
		return 1
	}
}

// message is err on one line, without the text of a domain error wrapped at
// its end (": precis: invalid input"), which is for programs, not people.
func message(err error) string {
	msg := oneLine(err.Error())
	for _, kind := range []error{precis.ErrInvalid, precis.ErrNotFound, precis.ErrTooLarge, precis.ErrForbidden} {
		if m, ok := strings.CutSuffix(msg, ": "+kind.Error()); ok && m != "" {
			return m
		}
	}
	return msg
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "precis turns several news articles about one story into one sourced brief.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: precis COMMAND [flags] [arguments]")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "precis COMMAND -h" for a command's flags.`)
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("precis "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: precis %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args allowing flags and positional arguments in any order
// ("precis brief dir --words 100"); "--" ends the flags. A bad flag is one line of
// usage error; -h prints the command's usage with its flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(out)
			usage()
			return nil, flag.ErrHelp
		}
		if err != nil {
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
