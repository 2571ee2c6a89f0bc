// Package httpapi serves precis over HTTP: a JSON API described by an OpenAPI
// document, and web pages to make and read briefs, every asset embedded.
package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/store"
	"github.com/prometheus/client_golang/prometheus"
)

// Briefer makes the brief of a story's documents: engine.Brief in the server,
// a fake in tests. The server gives it documents it has cleaned (clean.Document)
// with cfg.Cleaned set, and stores them as given: every span of the brief must
// point into their Text. It must not change docs.
type Briefer interface {
	Brief(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error)
}

// BrieferFunc adapts a function, such as engine.Brief, to a Briefer.
type BrieferFunc func(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error)

// Brief calls f.
func (f BrieferFunc) Brief(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error) {
	return f(ctx, docs, cfg)
}

// Fetcher turns the URL of an article into a document: a *fetch.Fetcher.
type Fetcher interface {
	Document(ctx context.Context, url string) (precis.Document, error)
}

// Config sets the server's limits and options.
type Config struct {
	// MaxBody caps a request body in bytes; a larger one gets 413.
	MaxBody int64
	// Timeout bounds the handling of one request, URL fetches included.
	Timeout time.Duration
	// MaxInFlight bounds the requests handled at once; more get 503 at once.
	// Health checks and metrics are not counted.
	MaxInFlight int
	// MaxArticles caps the articles of one brief, URLs included.
	MaxArticles int
	// MaxURLs caps the URLs of one brief, fetched FetchParallel at a time.
	MaxURLs       int
	FetchParallel int
	// Words is the default word budget; MaxWords the largest a request may ask.
	Words, MaxWords int
	// Token, when set, must be given to write: "Authorization: Bearer TOKEN" in
	// the API, the form's token field (then a cookie) on the web page.
	Token string
	// Logger receives one line per request and the errors; nil discards them.
	Logger *slog.Logger
	// Registry receives the server's metrics; nil makes one, with the Go and
	// process collectors, served at /metrics.
	Registry *prometheus.Registry
}

// DefaultConfig returns the defaults: 16 MB bodies, 60 s per request,
// 4 requests in flight per CPU (at least 64), 50 articles of which 20 URLs, 150 words.
func DefaultConfig() Config {
	return Config{
		MaxBody:       16 << 20,
		Timeout:       60 * time.Second,
		MaxInFlight:   max(64, 4*runtime.GOMAXPROCS(0)),
		MaxArticles:   50,
		MaxURLs:       20,
		FetchParallel: 4,
		Words:         150,
		MaxWords:      2000,
	}
}

// Server is the HTTP handler of precis serve.
type Server struct {
	cfg      Config
	store    store.Store
	briefer  Briefer
	fetcher  Fetcher
	log      *slog.Logger
	mux      *http.ServeMux
	handler  http.Handler
	inFlight chan struct{}
	csrf     *http.CrossOriginProtection
	metrics  *metrics
	pages    *pages
	// session is the cookie value that stands for the token on the web page.
	session string
}

// route is one endpoint; the OpenAPI test checks the list against the document.
type route struct {
	pattern string
	handler http.HandlerFunc
	// bounded routes count against MaxInFlight and the request timeout.
	bounded bool
}

// New returns a server that keeps briefs in st, makes them with b and fetches
// URLs with f (nil: URLs are refused). Zero fields of cfg take their default.
func New(st store.Store, b Briefer, f Fetcher, cfg Config) *Server {
	def := DefaultConfig()
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = def.MaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = def.Timeout
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = def.MaxInFlight
	}
	if cfg.MaxArticles <= 0 {
		cfg.MaxArticles = def.MaxArticles
	}
	if cfg.MaxURLs <= 0 {
		cfg.MaxURLs = def.MaxURLs
	}
	if cfg.FetchParallel <= 0 {
		cfg.FetchParallel = def.FetchParallel
	}
	if cfg.Words <= 0 {
		cfg.Words = def.Words
	}
	if cfg.MaxWords <= 0 {
		cfg.MaxWords = def.MaxWords
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg: cfg, store: st, briefer: b, fetcher: f, log: cfg.Logger,
		mux:      http.NewServeMux(),
		inFlight: make(chan struct{}, cfg.MaxInFlight),
		csrf:     http.NewCrossOriginProtection(),
		metrics:  newMetrics(cfg.Registry),
		pages:    loadPages(),
	}
	if cfg.Token != "" {
		mac := hmac.New(sha256.New, []byte(cfg.Token))
		mac.Write([]byte("precis web session v1"))
		s.session = hex.EncodeToString(mac.Sum(nil))
	}
	for _, rt := range s.routes() {
		h := http.Handler(rt.handler)
		if rt.bounded {
			h = s.bound(h)
		}
		s.mux.Handle(rt.pattern, h)
	}
	s.handler = s.observe(s.secure(s.mux))
	return s
}

func (s *Server) routes() []route {
	return []route{
		{"GET /{$}", s.indexPage, true},
		{"POST /briefs", s.createBriefPage, true},
		{"GET /briefs", s.listPage, true},
		{"GET /briefs/{id}", s.briefPage, true},
		{"GET /static/{file}", s.static, false},

		{"POST /v1/briefs", s.createBrief, true},
		{"GET /v1/briefs", s.listBriefs, true},
		{"GET /v1/briefs/{id}", s.getBrief, true},
		{"GET /v1/briefs/{id}/documents", s.getDocuments, true},
		{"DELETE /v1/briefs/{id}", s.deleteBrief, true},

		{"GET /openapi.json", s.openAPI, false},
		{"GET /healthz", s.healthz, false},
		{"GET /metrics", s.metrics.handler.ServeHTTP, false},
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// bound applies the in-flight limit, the request timeout and the body limit.
func (s *Server) bound(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.inFlight <- struct{}{}:
		default:
			s.metrics.rejected.Inc()
			w.Header().Set("Retry-After", "1")
			s.fail(w, r, errBusy)
			return
		}
		defer func() { <-s.inFlight }()
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// secure sets the headers every response carries and refuses cross-origin
// browser writes (CSRF): see docs/serve.md.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		if err := s.csrf.Check(r); err != nil {
			s.fail(w, r, errCrossOrigin)
			return
		}
		if mh, pattern := s.mux.Handler(r); pattern == "" {
			// No route: the mux would answer in plain text; answer as the
			// API or the pages answer their errors instead.
			probe := &statusProbe{header: http.Header{}}
			mh.ServeHTTP(probe, r)
			switch probe.code {
			case http.StatusNotFound:
				s.fail(w, r, fmt.Errorf("httpapi: no page %s: %w", r.URL.Path, precis.ErrNotFound))
				return
			case http.StatusMethodNotAllowed:
				w.Header().Set("Allow", probe.header.Get("Allow"))
				s.fail(w, r, fmt.Errorf("%w: %s", errMethod, r.Method))
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// authorized reports whether r may write: no token is configured, or r carries
// it as a bearer token.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	return ok && strings.EqualFold(scheme, "Bearer") && s.tokenMatches(strings.TrimSpace(token))
}

// tokenMatches compares in constant time, through hashes so lengths do not show.
func (s *Server) tokenMatches(token string) bool {
	a, b := sha256.Sum256([]byte(token)), sha256.Sum256([]byte(s.cfg.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// statusProbe records what a handler would answer, writing nothing.
type statusProbe struct {
	header http.Header
	code   int
}

func (p *statusProbe) Header() http.Header { return p.header }

func (p *statusProbe) Write(b []byte) (int, error) {
	if p.code == 0 {
		p.code = http.StatusOK
	}
	return len(b), nil
}

func (p *statusProbe) WriteHeader(code int) {
	if p.code == 0 {
		p.code = code
	}
}
