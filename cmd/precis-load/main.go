// Command precis-load measures a precis server: briefs made per second and
// briefs read per second, with latency percentiles. It sends only to loopback
// addresses, and each phase is bounded in time and in count.
//
// Usage:
//
//	precis serve --data "$(mktemp -d)" --log-level warn &
//	precis-load [--url http://127.0.0.1:8080] [--dir examples/sessions] [--duration 10s]
//	precis-load --self     # the same against a server in this process, in a temporary directory
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/httpapi"
	"github.com/precis-news/precis/internal/cputime"
	"github.com/precis-news/precis/internal/loadtest"
	"github.com/precis-news/precis/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Stdout, os.Args[1:])
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "precis-load:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := flag.NewFlagSet("precis-load", flag.ContinueOnError)
	target := fs.String("url", "http://127.0.0.1:8080", "base `URL` of the server (loopback only)")
	self := fs.Bool("self", false, "start a server in this process (real engine, SQLite in a temporary directory) and load it")
	dir := fs.String("dir", "examples/sessions", "`directory` of the story to post (.txt and .html files)")
	duration := fs.Duration("duration", 10*time.Second, "longest time of each phase")
	posts := fs.Int("requests", 5000, "most briefs to make")
	gets := fs.Int("get-requests", 200000, "most briefs to read")
	conc := fs.Int("concurrency", 4, "clients making briefs at once")
	getConc := fs.Int("get-concurrency", 8, "clients reading briefs at once")
	warmup := fs.Int("warmup", 50, "briefs made before measuring")
	token := fs.String("token", os.Getenv("PRECIS_TOKEN"), "bearer `token` (default $PRECIS_TOKEN)")
	serverPID := fs.Int("server-pid", 0, "`pid` of the server process, to report its CPU time per request (Linux)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	body, n, err := storyRequest(*dir)
	if err != nil {
		return err
	}
	base := strings.TrimRight(*target, "/")
	if *self {
		url, stop, err := startServer(ctx)
		if err != nil {
			return err
		}
		defer stop()
		base = url
	}
	if err := loadtest.CheckLoopback(ctx, base); err != nil {
		return err
	}
	c := loadtest.NewClient(max(*conc, *getConc))
	defer c.Close()

	fmt.Fprintf(out, "precis-load: %s, story of %d articles (%d bytes), %d CPUs, Go %s\n", base, n, len(body), runtime.NumCPU(), runtime.Version())
	if *warmup > 0 {
		w, _, err := c.CreateBriefs(ctx, loadtest.Config{URL: base, Concurrency: *conc, Duration: *duration, Requests: *warmup, Token: *token}, body)
		if err != nil {
			return err
		}
		if w.Errors > 0 {
			return fmt.Errorf("warm-up: %d of %d requests failed: %s", w.Errors, w.Requests, strings.Join(w.FirstErrors, "; "))
		}
	}
	cpu := cputime.Now
	if *serverPID > 0 {
		cpu = func() time.Duration { return processCPU(*serverPID) }
	}
	cpu0 := cpu()
	post, ids, err := c.CreateBriefs(ctx, loadtest.Config{URL: base, Concurrency: *conc, Duration: *duration, Requests: *posts, Token: *token}, body)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s   (%d clients)\n", post, *conc)
	postCPU := cpu() - cpu0
	if len(ids) == 0 {
		return fmt.Errorf("no brief was made: %s", strings.Join(post.FirstErrors, "; "))
	}
	get, err := c.GetBriefs(ctx, loadtest.Config{URL: base, Concurrency: *getConc, Duration: *duration, Requests: *gets, Token: *token}, ids)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s   (%d clients)\n", get, *getConc)
	if *self || *serverPID > 0 {
		// The machine may be shared: CPU time per request says what the
		// server would do alone. In --self mode it counts the load generator
		// too, and so overstates the server's cost.
		who := "server"
		if *self {
			who = "server and client"
		}
		getCPU := cpu() - cpu0 - postCPU
		for _, p := range []struct {
			r   loadtest.Result
			cpu time.Duration
		}{{post, postCPU}, {get, getCPU}} {
			if p.r.Requests > 0 {
				per := p.cpu / time.Duration(p.r.Requests)
				fmt.Fprintf(out, "%-22s %8s CPU per request (%s) → at most %.0f req/s on %d cores\n",
					p.r.Name, per.Round(time.Microsecond), who, float64(runtime.NumCPU())/per.Seconds(), runtime.NumCPU())
			}
		}
	}
	for _, r := range []loadtest.Result{post, get} {
		for _, e := range r.FirstErrors {
			fmt.Fprintf(out, "  error: %s\n", e)
		}
	}
	if post.Errors+get.Errors > 0 {
		return fmt.Errorf("%d requests failed", post.Errors+get.Errors)
	}
	return nil
}

// processCPU is the CPU time process pid has used, from /proc (Linux only; 0 elsewhere).
func processCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses and may hold spaces.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	var utime, stime int64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	const ticks = 100 // USER_HZ, 100 on every Linux that Go supports
	return time.Duration(utime+stime) * time.Second / ticks
}

// storyRequest reads a story's articles into the JSON body of POST /v1/briefs.
func storyRequest(dir string) ([]byte, int, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return nil, 0, err
	}
	type article struct {
		ID   string `json:"id"`
		Text string `json:"text,omitempty"`
		HTML string `json:"html,omitempty"`
	}
	var articles []article
	for _, p := range paths {
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".txt" && ext != ".html" && ext != ".htm" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, 0, err
		}
		a := article{ID: strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))}
		if ext == ".txt" {
			a.Text = string(b)
		} else {
			a.HTML = string(b)
		}
		articles = append(articles, a)
	}
	if len(articles) == 0 {
		return nil, 0, fmt.Errorf("no .txt or .html article in %s", dir)
	}
	body, err := json.Marshal(map[string]any{"articles": articles})
	return body, len(articles), err
}

// startServer serves precis on a loopback port of this process, as
// "precis serve" would, over a database in a temporary directory.
func startServer(ctx context.Context) (string, func(), error) {
	dir, err := os.MkdirTemp("", "precis-load-")
	if err != nil {
		return "", nil, err
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "precis.db"))
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		os.RemoveAll(dir)
		return "", nil, err
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // as precis serve does
	}
	srv := &http.Server{Handler: httpapi.New(st, httpapi.BrieferFunc(engine.Brief), nil, httpapi.Config{}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() {
		srv.Close()
		st.Close()
		os.RemoveAll(dir)
	}, nil
}
