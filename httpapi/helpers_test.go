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
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

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
	event := func(k int) string { // a sentence of the first document
		if s, ok := sentence(0, k); ok {
			return s.Text
		}
		s, _ := sentence(0, 0)
		return s.Text
	}
	b.Timeline = []precis.Event{
		{Date: "2016-09-08", Expression: "in September", Text: event(3), Sources: ids[:1]},
		{Date: "", Text: event(4), Sources: ids[:1]},
		{Date: "2016-07", Expression: "in July", Text: event(5), Sources: ids},
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

// lostWords returns the words of given that the stored document d holds
// nowhere: not in its title, its text or what cleaning removed.
func lostWords(given string, d *precis.Document) []string {
	have := map[string]int{}
	for _, part := range append([]string{d.Title, d.Text}, removedTexts(d)...) {
		for _, w := range strings.Fields(part) {
			have[w]++
		}
	}
	var lost []string
	for _, w := range strings.Fields(given) {
		if have[w] == 0 {
			lost = append(lost, w)
		}
		have[w]--
	}
	return lost
}

func removedTexts(d *precis.Document) []string {
	var out []string
	for _, r := range d.Removed {
		out = append(out, r.Text)
	}
	return out
}

// checkSpans checks that everything brief b locates points into the stored
// documents docs: each summary source's span is its sentence, each quote
// mention is the words just after a quotation mark, each sentence that only
// one document reports is in its text, each event's text in one of its sources.
func checkSpans(t testing.TB, b *precis.Brief, docs []precis.Document) {
	t.Helper()
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	for _, info := range b.Documents {
		if _, ok := text[info.ID]; !ok {
			t.Errorf("brief %s: document %q is not stored", b.ID, info.ID)
		}
	}
	for _, st := range b.Summary {
		for _, src := range st.Sources {
			if got := src.Span.Of(text[src.Doc]); got != src.Sentence || got == "" {
				t.Errorf("brief %s: source %s%v is %q in the stored text, the brief says %q", b.ID, src.Doc, src.Span, got, src.Sentence)
			}
		}
	}
	for _, q := range b.Quotes {
		for _, m := range q.Mentions {
			tx := text[m.Doc]
			before := strings.TrimRight(tx[:min(max(m.Span.Start, 0), len(tx))], " ")
			if strings.TrimSpace(m.Span.Of(tx)) == "" || !strings.ContainsAny(lastRune(before), "\"'“‘«„‚‹") {
				t.Errorf("brief %s: quote %.40q: mention %s%v is %.60q after %q in the stored text", b.ID, q.Text, m.Doc, m.Span, m.Span.Of(tx), lastRune(before))
			}
		}
	}
	for _, c := range b.Coverage {
		for _, u := range c.Unique {
			if !strings.Contains(text[c.Doc], u) {
				t.Errorf("brief %s: %s reports %.60q, which is not in its stored text", b.ID, c.Doc, u)
			}
		}
	}
	for _, e := range b.Timeline {
		// An event's text may be shortened with an ellipsis.
		words := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(e.Text), "…"))
		if !slices.ContainsFunc(e.Sources, func(id string) bool { return strings.Contains(text[id], words) }) {
			t.Errorf("brief %s: event %.60q is in none of its sources %q", b.ID, e.Text, e.Sources)
		}
	}
}

func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

// errorText is the message of an error response, "" for another body.
func (r *response) errorText(t testing.TB) string {
	t.Helper()
	var e errorBody
	if json.Unmarshal(r.body, &e) != nil {
		return ""
	}
	return e.Error
}
