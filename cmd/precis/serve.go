package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/fetch"
	"github.com/precis-news/precis/httpapi"
	"github.com/precis-news/precis/store"
)

// runServe serves the HTTP API and the web page until ctx ends (SIGINT,
// SIGTERM), then lets the requests in flight finish.
func runServe(ctx context.Context, e *env, args []string) error {
	def := httpapi.DefaultConfig()
	fs := newFlags(e, "serve", "[flags]")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on (host:port)")
	data := fs.String("data", "", "`directory` of the database (default: the user's data directory, "+defaultDataDir()+")")
	maxBody := fs.String("max-body", "16MB", "largest request body accepted (`size`, e.g. 16MB, 512KB)")
	timeout := fs.Duration("timeout", def.Timeout, "time limit of one request, URL fetches included")
	inFlight := fs.Int("max-in-flight", def.MaxInFlight, "requests handled at once; more get 503")
	token := fs.String("token", "", "bearer `token` required to make or delete briefs (default $PRECIS_TOKEN)")
	allowPrivate := fs.Bool("allow-private-urls", false, "let URLs reach loopback, private and link-local addresses (unsafe on a shared server)")
	fetchTimeout := fs.Duration("fetch-timeout", fetch.DefaultOptions().Timeout, "time limit of fetching one URL")
	words := fs.Int("words", def.Words, "default word budget of a summary")
	logLevel := fs.String("log-level", "info", "least `level` logged: debug, info, warn, error")
	logFormat := fs.String("log-format", "text", "log `format`: text or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected arguments %q", rest)
	}
	body, err := parseSize(*maxBody)
	if err != nil {
		return usagef("--max-body: %v", err)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return usagef("--log-level: %v", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	var handler slog.Handler
	switch *logFormat {
	case "text":
		handler = slog.NewTextHandler(e.stderr, opts)
	case "json":
		handler = slog.NewJSONHandler(e.stderr, opts)
	default:
		return usagef("--log-format: %q is neither text nor json", *logFormat)
	}
	log := slog.New(handler)
	if os.Getenv("GOGC") == "" {
		// Making a brief allocates about a megabyte that dies at once, over a
		// live heap of a few megabytes: collecting less often saves about a
		// third of the CPU time per brief (docs/serve.md), for tens of MB.
		debug.SetGCPercent(400)
	}
	if *token == "" {
		*token = os.Getenv("PRECIS_TOKEN")
	}
	dir := *data
	if dir == "" {
		dir = defaultDataDir()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	dbPath := filepath.Join(dir, "precis.db")
	st, err := store.OpenSQLite(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	fo := fetch.DefaultOptions()
	fo.Timeout, fo.AllowPrivate = *fetchTimeout, *allowPrivate
	srv := newServer(st, fo, httpapi.Config{
		MaxBody: body, Timeout: *timeout, MaxInFlight: *inFlight, Words: *words,
		Token: *token, Logger: log,
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *timeout,
		WriteTimeout:      *timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String()+"/",
		"data", dbPath, "token_required", *token != "", "private_urls", *allowPrivate,
		"max_body", body, "max_in_flight", *inFlight, "cpus", runtime.GOMAXPROCS(0))

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// newServer is the handler of precis serve: briefs made by the engine, kept in
// st, URLs fetched with fo.
func newServer(st store.Store, fo fetch.Options, cfg httpapi.Config) *httpapi.Server {
	return httpapi.New(st, httpapi.BrieferFunc(engine.Brief), fetch.New(fo), cfg)
}

// defaultDataDir is $XDG_DATA_HOME/precis, ~/.local/share/precis on Unix, and
// the configuration directory's precis elsewhere (Application Support, AppData).
func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "precis")
	}
	if runtime.GOOS != "darwin" && runtime.GOOS != "windows" {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "precis")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "precis")
	}
	return ".precis-data"
}

// parseSize reads a byte count: 1048576, 512KB, 16MB, 1GB (powers of 1024).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}
