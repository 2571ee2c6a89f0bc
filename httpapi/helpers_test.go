package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/store"
)

// richBrief makes a brief with every section filled from the documents
// themselves, so that pages show quotes, names, a timeline and disagreements
// whatever the engine does today. Spans point into the documents' text.
func richBrief(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error) {
	if len(docs) == 0 {
		return nil, fmt.Errorf("no documents: %w", precis.ErrInvalid)
	}
	c := corpus.Build(docs)
	b := &precis.Brief{Algorithm: "fixture", Budget: cfg.Words}
	for d := range docs {
		b.Documents = append(b.Documents, docs[d].Info())
	}
	sentence := func(d, k int) (precis.Sentence, bool) {
		first, end := c.DocSentences(d)
		if first+k >= end {
			return precis.Sentence{}, false
		}
		return c.Sentences[first+k], true
	}
	src := func(d int, s precis.Sentence) precis.Source {
		return precis.Source{Doc: docs[d].ID, Sentence: s.Text, Span: s.Span}
	}
	for d := range docs {
		s, ok := sentence(d, 2)
		if !ok {
			if s, ok = sentence(d, 0); !ok {
				continue
			}
		}
		st := precis.Statement{Text: s.Text, Sources: []precis.Source{src(d, s)}}
		if d+1 < len(docs) { // a second source for the same statement
			if s2, ok := sentence(d+1, 2); ok {
				st.Sources = append(st.Sources, src(d+1, s2))
			}
		}
		b.Summary = append(b.Summary, st)
		if len(b.Summary) == 3 {
			break
		}
	}
	var ids []string
	for d := range docs {
		ids = append(ids, docs[d].ID)
		text := docs[d].Text
		if i := strings.Index(text, "“"); i >= 0 {
			if j := strings.Index(text[i:], "”"); j > 0 {
				q := text[i+len("“") : i+j]
				b.Quotes = append(b.Quotes, precis.Quote{
					Speaker: fmt.Sprintf("Speaker %d", d%2+1), Text: q, Sources: []string{docs[d].ID},
					Mentions: []precis.Mention{{Doc: docs[d].ID, Span: precis.Span{Start: i + len("“"), End: i + j}}},
				})
			}
		}
		if s, ok := sentence(d, 1); ok {
			b.Coverage = append(b.Coverage, precis.Coverage{Doc: docs[d].ID, Unique: []string{s.Text}})
		}
	}
	b.Entities = []precis.Entity{
		{Name: "First Person", Type: precis.Person, Aliases: []string{"Person"}, Mentions: 7, Sources: ids},
		{Name: "An Organisation", Type: precis.Organization, Mentions: 3, Sources: ids[:1]},
		{Name: "Somewhere", Type: precis.Place, Mentions: 1, Sources: ids[len(ids)-1:]},
	}
	b.Timeline = []precis.Event{
		{Date: "2016-09-08", Expression: "in September", Text: "The second meeting.", Sources: ids[:1]},
		{Date: "", Text: "An undated event.", Sources: ids[:1]},
		{Date: "2016-07", Expression: "in July", Text: "The first meeting.", Sources: ids},
	}
	b.Disagreements = []precis.Disagreement{{Topic: "How many meetings", Claims: []precis.Claim{
		{Text: "They met twice.", Value: "twice", Sources: ids[:1]},
		{Text: "They met once.", Value: "once", Sources: ids[len(ids)-1:]},
	}}}
	b.Shared = []precis.Fact{{Text: "They met.", Sources: ids}}
	return b, nil
}

// testServer is a Server over a fresh store, reached through a client that
// checks every request and response against the OpenAPI document.
type testServer struct {
	*Server
	URL   string
	store *store.SQLite
	log   *bytes.Buffer
	t     testing.TB
}

func newTestServer(t testing.TB, cfg Config, b Briefer, f Fetcher) *testServer {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "precis.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if b == nil {
		b = BrieferFunc(richBrief)
	}
	logs := &syncBuffer{}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	s := New(st, b, f, cfg)
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return &testServer{Server: s, URL: hs.URL, store: st, log: &logs.buf, t: t}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

var (
	specOnce   sync.Once
	specDoc    *openapi3.T
	specRouter routers.Router
	specErr    error
)

func spec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	specOnce.Do(func() {
		for _, ct := range []string{"text/html", "text/css", "text/javascript"} {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
		}
		loader := openapi3.NewLoader()
		specDoc, specErr = loader.LoadFromData(openAPIDoc)
		if specErr != nil {
			return
		}
		if specErr = specDoc.Validate(loader.Context); specErr != nil {
			return
		}
		specDoc.Servers = nil // match paths whatever the test server's address
		specRouter, specErr = legacy.NewRouter(specDoc)
	})
	if specErr != nil {
		t.Fatalf("openapi.json: %v", specErr)
	}
	return specDoc, specRouter
}

// response is a response read whole.
type response struct {
	*http.Response
	body []byte
}

func (r *response) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v\n%s", r.Request.URL, err, r.body)
	}
}

// do sends req, checking it and its response against openapi.json.
func (ts *testServer) do(req *http.Request) *response {
	t := ts.t
	t.Helper()
	_, router := spec(t)
	var reqBody []byte
	if req.Body != nil {
		reqBody, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s is not in openapi.json: %v", req.Method, req.URL.Path, err)
	}
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, IncludeResponseStatus: true},
	}
	// Requests the tests make wrong on purpose are only checked to be routed.
	reqErr := openapi3filter.ValidateRequest(context.Background(), in)
	req.Body = io.NopCloser(bytes.NewReader(reqBody))

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if reqErr == nil || resp.StatusCode >= 400 {
		out := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
			Body: io.NopCloser(bytes.NewReader(body)), Options: in.Options,
		}
		if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
			t.Errorf("%s %s → %d does not match openapi.json: %v\n%.400s", req.Method, req.URL.Path, resp.StatusCode, err, body)
		}
	}
	if reqErr != nil && resp.StatusCode < 400 {
		t.Errorf("%s %s was accepted (%d) but does not match openapi.json: %v", req.Method, req.URL.Path, resp.StatusCode, reqErr)
	}
	return &response{resp, body}
}

func (ts *testServer) get(path string) *response {
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	return ts.do(req)
}

func (ts *testServer) postJSON(path string, v any, header ...string) *response {
	var body []byte
	switch v := v.(type) {
	case string:
		body = []byte(v)
	default:
		body, _ = json.Marshal(v)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return ts.do(req)
}

// form is a multipart form to post.
type form struct {
	fields [][2]string // name, value
	files  [][3]string // name, file name, content
}

func (f form) encode() (string, []byte) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, kv := range f.fields {
		w.WriteField(kv[0], kv[1])
	}
	for _, file := range f.files {
		fw, _ := w.CreateFormFile(file[0], file[1])
		fw.Write([]byte(file[2]))
	}
	w.Close()
	return w.FormDataContentType(), buf.Bytes()
}

func (ts *testServer) postForm(path string, f form, header ...string) *response {
	ct, body := f.encode()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return ts.do(req)
}

// seedFiles reads the example story, examples/sessions, as form files.
func seedFiles(t testing.TB) [][3]string {
	t.Helper()
	paths, _ := filepath.Glob("../examples/sessions/*.txt")
	if len(paths) == 0 {
		t.Fatal("examples/sessions has no articles")
	}
	var files [][3]string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, [3]string{"file", filepath.Base(p), string(b)})
	}
	return files
}

// seedArticles reads the example story as API articles.
func seedArticles(t testing.TB) []articleInput {
	var as []articleInput
	for _, f := range seedFiles(t) {
		as = append(as, articleInput{ID: strings.TrimSuffix(f[1], ".txt"), Text: f[2]})
	}
	return as
}
