package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/fetch"
	"github.com/precis-news/precis/ingest"
)

func TestBriefLifecycle(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	articles := seedArticles(t)
	articles[0].Title, articles[0].Outlet, articles[0].Published = "Sessions met envoy", "Independent", "2017-03-02"
	articles[1].Published = "2017-03-02T10:15:00Z"

	resp := ts.postJSON("/v1/briefs", briefRequest{Articles: articles, Words: 120})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /v1/briefs: %d %s", resp.StatusCode, resp.body)
	}
	var created precis.Brief
	resp.json(t, &created)
	if created.ID == "" || created.Story == "" || created.Created.IsZero() || created.Budget != 120 || len(created.Documents) != len(articles) {
		t.Fatalf("created brief = %+v", created)
	}
	if loc := resp.Header.Get("Location"); loc != "/v1/briefs/"+created.ID {
		t.Errorf("Location = %q", loc)
	}
	if d := created.Documents[0]; d.Title != "Sessions met envoy" || d.Outlet != "Independent" || d.Published != "2017-03-02" {
		t.Errorf("first document = %+v", d)
	}
	if len(created.Quotes) == 0 || len(created.Timeline) == 0 {
		t.Errorf("the fixture's sections did not come through: %+v", created)
	}

	posted := resp.body
	resp = ts.get("/v1/briefs/" + created.ID)
	var got precis.Brief
	resp.json(t, &got)
	if resp.StatusCode != http.StatusOK || !reflect.DeepEqual(got, created) {
		t.Errorf("GET = %d %+v\nwant %+v", resp.StatusCode, got, created)
	}
	// The answer to the POST is the brief's JSON as stored (encoded once).
	if !bytes.Equal(resp.body, posted) {
		t.Errorf("GET answered\n%s\nthe POST\n%s", resp.body, posted)
	}

	resp = ts.get("/v1/briefs/" + created.ID + "/documents")
	var docs documentsBody
	resp.json(t, &docs)
	if len(docs.Documents) != len(articles) {
		t.Fatalf("%d documents stored, want %d", len(docs.Documents), len(articles))
	}
	removed := 0
	for i, d := range docs.Documents {
		// Stored as read and cleaned once, described in the brief as stored,
		// with nothing the user gave lost: what cleaning took out is kept.
		if d.ID != articles[i].ID || d.Info() != created.Documents[i] {
			t.Errorf("document %d stored as %+v, described in the brief as %+v", i, d.Info(), created.Documents[i])
		}
		if lost := lostWords(articles[i].Title+"\n"+articles[i].Text, &d); len(lost) > 0 {
			t.Errorf("document %s lost words the user gave: %q", d.ID, lost)
		}
		removed += len(d.Removed)
	}
	want, _ := ingest.FromText([]byte(articles[2].Text), articles[2].ID)
	clean.Document(&want)
	if d := docs.Documents[2]; d.Text != want.Text || !reflect.DeepEqual(d.Removed, want.Removed) {
		t.Errorf("document %s is not stored as ingested and cleaned:\n%.300q\nwant\n%.300q", d.ID, d.Text, want.Text)
	}
	if removed == 0 {
		t.Errorf("no removal stored: the example story's furniture was neither cleaned nor kept")
	}
	checkSpans(t, &got, docs.Documents)

	// A second brief, then the listing, newest first.
	second := ts.postJSON("/v1/briefs", briefRequest{Articles: articles[:2]})
	var b2 precis.Brief
	second.json(t, &b2)
	resp = ts.get("/v1/briefs?limit=1")
	var page struct {
		Briefs []struct{ ID string }
		Next   string
	}
	resp.json(t, &page)
	if len(page.Briefs) != 1 || page.Briefs[0].ID != b2.ID || page.Next == "" {
		t.Fatalf("first page = %+v", page)
	}
	resp = ts.get("/v1/briefs?limit=1&cursor=" + page.Next)
	resp.json(t, &page)
	if len(page.Briefs) != 1 || page.Briefs[0].ID != created.ID {
		t.Errorf("second page = %+v", page)
	}

	req, _ := http.NewRequest(http.MethodDelete, ts.URL+"/v1/briefs/"+created.ID, nil)
	if resp := ts.do(req); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE: %d %s", resp.StatusCode, resp.body)
	}
	if resp := ts.get("/v1/briefs/" + created.ID); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET after DELETE: %d", resp.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodDelete, ts.URL+"/v1/briefs/"+created.ID, nil)
	if resp := ts.do(req); resp.StatusCode != http.StatusNotFound {
		t.Errorf("second DELETE: %d", resp.StatusCode)
	}
}

func TestEmptyListsAreArrays(t *testing.T) {
	ts := newTestServer(t, Config{}, BrieferFunc(engine.Brief), nil)
	resp := ts.postJSON("/v1/briefs", briefRequest{Articles: []articleInput{{Text: "One sentence. Two sentences."}}})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("%d %s", resp.StatusCode, resp.body)
	}
	for _, field := range []string{"quotes", "entities", "timeline", "disagreements", "coverage", "shared"} {
		if !strings.Contains(string(resp.body), `"`+field+`":[]`) {
			t.Errorf("%s is not an empty array in %s", field, resp.body)
		}
	}
	if resp := ts.get("/v1/briefs?limit=5"); !strings.Contains(string(resp.body), `"briefs":[{`) {
		t.Errorf("listing: %s", resp.body)
	}
}

func TestIDs(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	resp := ts.postJSON("/v1/briefs", briefRequest{Articles: []articleInput{
		{Text: "A. B."}, {Outlet: "The Daily Planet", Text: "C. D."}, {Outlet: "The Daily Planet", Text: "E."},
		{URL: "https://www.example.com/news/1", Text: "F."}, {ID: "article-2", Text: "G."}, {Text: "H."},
	}})
	var b precis.Brief
	resp.json(t, &b)
	var ids []string
	for _, d := range b.Documents {
		ids = append(ids, d.ID)
	}
	want := []string{"article-1", "the-daily-planet", "the-daily-planet-2", "example.com", "article-2", "article-3"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
}

func TestErrors(t *testing.T) {
	failing := BrieferFunc(func(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error) {
		switch docs[0].Text {
		case "engine-invalid":
			return nil, fmt.Errorf("engine: unknown algorithm: %w", precis.ErrInvalid)
		case "engine-broken":
			return nil, errors.New("engine: /secret/path: disk on fire")
		case "engine-slow":
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return richBrief(ctx, docs, cfg)
	})
	ts := newTestServer(t, Config{MaxBody: 4096, MaxURLs: 2, MaxArticles: 3, Timeout: time.Second}, failing, fetch.New(fetch.DefaultOptions()))
	private := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("a private address was fetched")
	}))
	defer private.Close()
	one := func(text string) briefRequest { return briefRequest{Articles: []articleInput{{Text: text}}} }

	tests := []struct {
		name string
		body any
		ct   string
		code int
		msg  string
	}{
		{"malformed JSON", `{"articles": [`, "", 400, "malformed"},
		{"empty body", "", "", 400, "empty body"},
		{"blank body", " \n", "", 400, "empty body"},
		{"not UTF-8", "{\"articles\": [{\"text\": \"Caf\xe9 opens.\"}]}", "", 400, "not UTF-8 (bad byte at offset 27)"},
		{"unknown field", `{"articels": []}`, "", 400, "unknown field"},
		{"two objects", `{} {}`, "", 400, "after the JSON"},
		{"wrong type", `{"words": "many"}`, "", 400, "malformed"},
		{"no articles", briefRequest{}, "", 422, "no articles"},
		{"empty text", one("   \n "), "", 422, "article 1: ingest: empty text"},
		{"text and html", briefRequest{Articles: []articleInput{{Text: "a", HTML: "<p>b</p>"}}}, "", 422, "not both"},
		{"bad date", briefRequest{Articles: []articleInput{{Text: "a", Published: "yesterday"}}}, "", 422, "published"},
		{"duplicate ids", briefRequest{Articles: []articleInput{{ID: "x", Text: "a"}, {ID: "x", Text: "b"}}}, "", 422, "two articles"},
		{"negative words", briefRequest{Articles: []articleInput{{Text: "a"}}, Words: -5}, "", 422, "words"},
		{"too many words", briefRequest{Articles: []articleInput{{Text: "a"}}, Words: 100000}, "", 422, "words"},
		{"too many URLs", briefRequest{URLs: []string{"https://a.example/", "https://b.example/", "https://c.example/"}}, "", 413, "URLs"},
		{"too many articles", briefRequest{Articles: []articleInput{{Text: "a"}, {Text: "b"}, {Text: "c"}, {Text: "d"}}}, "", 413, "articles"},
		{"body too large", one(strings.Repeat("word ", 2000)), "", 413, "4096-byte"},
		{"private URL", briefRequest{URLs: []string{private.URL + "/article"}}, "", 403, "not allowed"},
		{"metadata URL", briefRequest{URLs: []string{"http://169.254.169.254/latest/meta-data/"}}, "", 403, "not allowed"},
		{"file URL", briefRequest{URLs: []string{"file:///etc/passwd"}}, "", 403, "http"},
		{"engine refuses", one("engine-invalid"), "", 422, "unknown algorithm"},
		{"engine fails", one("engine-broken"), "", 500, "internal error"},
		{"timeout", one("engine-slow"), "", 503, "timed out"},
		{"media type", "articles", "text/plain", 415, "content type"},
		{"no media type", "articles", "-", 415, "content type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp *response
			switch tt.ct {
			case "":
				resp = ts.postJSON("/v1/briefs", tt.body)
			default:
				req, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/briefs", strings.NewReader(tt.body.(string)))
				if tt.ct != "-" {
					req.Header.Set("Content-Type", tt.ct)
				}
				resp = ts.do(req)
			}
			var e errorBody
			resp.json(t, &e)
			if resp.StatusCode != tt.code || !strings.Contains(e.Error, tt.msg) {
				t.Errorf("got %d %q, want %d with %q", resp.StatusCode, e.Error, tt.code, tt.msg)
			}
			if strings.Contains(e.Error, "secret") {
				t.Errorf("the error shows internals: %q", e.Error)
			}
		})
	}

	for _, path := range []string{"/v1/briefs/aaaaaaaaaaaaaaaa", "/v1/briefs/nope", "/v1/briefs/aaaaaaaaaaaaaaaa/documents"} {
		if resp := ts.get(path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d", path, resp.StatusCode)
		}
	}
	for _, q := range []string{"limit=0", "limit=101", "limit=x"} {
		if resp := ts.get("/v1/briefs?" + q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /v1/briefs?%s: %d", q, resp.StatusCode)
		}
	}
	if resp := ts.get("/v1/briefs?cursor=!!"); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad cursor: %d", resp.StatusCode)
	}
	if !strings.Contains(ts.log.String(), "disk on fire") {
		t.Error("the internal error was not logged")
	}
}

func TestToken(t *testing.T) {
	const token = "s3cret-token-value"
	ts := newTestServer(t, Config{Token: token}, nil, nil)
	req := briefRequest{Articles: []articleInput{{Text: "One. Two."}}}
	for _, h := range [][]string{nil, {"Authorization", "Bearer wrong"}, {"Authorization", "Basic " + token}, {"Authorization", token}} {
		resp := ts.postJSON("/v1/briefs", req, h...)
		if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%v: %d, WWW-Authenticate %q", h, resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
		}
	}
	resp := ts.postJSON("/v1/briefs", req, "Authorization", "Bearer "+token)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("with the token: %d %s", resp.StatusCode, resp.body)
	}
	var b precis.Brief
	resp.json(t, &b)
	// Reads need no token.
	if resp := ts.get("/v1/briefs/" + b.ID); resp.StatusCode != http.StatusOK {
		t.Errorf("GET without token: %d", resp.StatusCode)
	}
	del, _ := http.NewRequest(http.MethodDelete, ts.URL+"/v1/briefs/"+b.ID, nil)
	if resp := ts.do(del); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("DELETE without token: %d", resp.StatusCode)
	}
	del, _ = http.NewRequest(http.MethodDelete, ts.URL+"/v1/briefs/"+b.ID, nil)
	del.Header.Set("Authorization", "bearer "+token)
	if resp := ts.do(del); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE with token: %d", resp.StatusCode)
	}
	if strings.Contains(ts.log.String(), token) {
		t.Errorf("the token is in the log:\n%s", ts.log)
	}
}

func TestBusy(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 2)
	blocking := BrieferFunc(func(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error) {
		entered <- struct{}{}
		<-release
		return richBrief(ctx, docs, cfg)
	})
	ts := newTestServer(t, Config{MaxInFlight: 2}, blocking, nil)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range 2 {
		wg.Go(func() {
			codes[i] = ts.postJSON("/v1/briefs", briefRequest{Articles: []articleInput{{Text: "One. Two."}}}).StatusCode
		})
	}
	<-entered
	<-entered
	resp := ts.get("/v1/briefs")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("third request while two are in flight: %d", resp.StatusCode)
	}
	// Health and metrics are not limited.
	if resp := ts.get("/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz while busy: %d", resp.StatusCode)
	}
	close(release)
	wg.Wait()
	if codes[0] != 201 || codes[1] != 201 {
		t.Errorf("the requests in flight got %v", codes)
	}
	if resp := ts.get("/metrics"); !strings.Contains(string(resp.body), "precis_http_rejected_total 1") {
		t.Errorf("the rejection was not counted")
	}
}

func TestURLs(t *testing.T) {
	pages := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body><p>Sessions met the envoy twice. He said nothing.</p></body></html>`)
		case "/b":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "The envoy met Sessions. Twice, they say.")
		default:
			http.NotFound(w, r)
		}
	}))
	defer pages.Close()
	ts := newTestServer(t, Config{}, nil, fetch.New(fetch.Options{AllowPrivate: true}))
	resp := ts.postJSON("/v1/briefs", briefRequest{URLs: []string{pages.URL + "/a", pages.URL + "/b"}, Articles: []articleInput{{ID: "given", Text: "Given in full. Yes."}}})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("%d %s", resp.StatusCode, resp.body)
	}
	var b precis.Brief
	resp.json(t, &b)
	if len(b.Documents) != 3 || b.Documents[0].ID != "given" || b.Documents[1].URL != pages.URL+"/a" {
		t.Errorf("documents = %+v", b.Documents)
	}
	resp = ts.postJSON("/v1/briefs", briefRequest{URLs: []string{pages.URL + "/missing"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a URL that is not found: %d %s", resp.StatusCode, resp.body)
	}
	if resp := ts.get("/metrics"); !strings.Contains(string(resp.body), `precis_url_fetches_total{result="ok"} 2`) {
		t.Errorf("fetches not counted")
	}

	// A server without a fetcher refuses URLs.
	bare := newTestServer(t, Config{}, nil, nil)
	if resp := bare.postJSON("/v1/briefs", briefRequest{URLs: []string{pages.URL + "/a"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("URL without a fetcher: %d", resp.StatusCode)
	}
}

func TestMultipartAPI(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	f := form{
		fields: [][2]string{{"text", "First pasted. Article here.\n---\nSecond pasted. Article there."}, {"words", "90"}},
		files: [][3]string{
			{"file", "page.html", `<html><body><p>From an HTML file. Yes.</p></body></html>`},
			{"file", "notes.txt", "From a text file. Indeed."},
		},
	}
	resp := ts.postForm("/v1/briefs", f)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("%d %s", resp.StatusCode, resp.body)
	}
	var b precis.Brief
	resp.json(t, &b)
	var ids []string
	for _, d := range b.Documents {
		ids = append(ids, d.ID)
	}
	if want := []string{"article-1", "article-2", "page", "notes"}; !reflect.DeepEqual(ids, want) || b.Budget != 90 {
		t.Errorf("ids %q budget %d; want %q and 90", ids, b.Budget, want)
	}
	bad := ts.postForm("/v1/briefs", form{fields: [][2]string{{"text", "x"}, {"colour", "blue"}}})
	if bad.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown field: %d", bad.StatusCode)
	}
	binary := ts.postForm("/v1/briefs", form{files: [][3]string{{"file", "x.bin", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"}}})
	if e := binary.errorText(t); binary.StatusCode != http.StatusUnprocessableEntity || e != "file x.bin: binary file, not text" {
		t.Errorf("binary file: %d %q", binary.StatusCode, e)
	}
}

// TestUploadFormats checks that an uploaded file is read as precis brief
// reads a file of its name: JSON Lines as articles, not as one text, a
// broken line skipped with a warning, Windows-1252 text repaired with one.
func TestUploadFormats(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	jsonl := `{"id":"a","title":"Bridge opens","text":"The bridge opened on Monday."}` + "\n" +
		`{"id":"b", broken` + "\n" +
		`{"id":"c","title":"Bridge late","text":"The bridge opened a week late."}` + "\n"
	resp := ts.postForm("/v1/briefs", form{files: [][3]string{
		{"file", "wire.jsonl", jsonl},
		{"file", "latin.txt", "Caf\xe9 opens\n\nThe caf\xe9 by the bridge opened on Monday."},
	}})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("%d %s", resp.StatusCode, resp.body)
	}
	var b precis.Brief
	resp.json(t, &b)
	var docs []string
	for _, d := range b.Documents {
		docs = append(docs, d.ID+" "+d.Title)
	}
	if want := []string{"a Bridge opens", "c Bridge late", "latin Café opens"}; !reflect.DeepEqual(docs, want) {
		t.Errorf("documents %q, want %q", docs, want)
	}
	warnings := strings.Join(b.Warnings, "\n")
	for _, w := range []string{"file wire.jsonl:2: invalid JSON, line skipped", "file latin.txt: not UTF-8: read as Windows-1252"} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings %q lack %q", b.Warnings, w)
		}
	}
}

func TestHealthMetricsSpec(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	if resp := ts.get("/healthz"); resp.StatusCode != http.StatusOK || !strings.Contains(string(resp.body), `"ok"`) {
		t.Errorf("healthz: %d %s", resp.StatusCode, resp.body)
	}
	ts.postJSON("/v1/briefs", briefRequest{Articles: []articleInput{{Text: "One. Two."}}})
	resp := ts.get("/metrics")
	for _, want := range []string{
		`precis_http_requests_total{code="201",route="POST /v1/briefs"} 1`,
		`precis_http_request_duration_seconds_bucket{route="GET /healthz"`,
		`precis_briefs_created_total 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(resp.body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if resp := ts.get("/openapi.json"); resp.StatusCode != http.StatusOK || string(resp.body) != string(openAPIDoc) {
		t.Errorf("openapi.json: %d", resp.StatusCode)
	}
	ts.store.Close()
	if resp := ts.get("/healthz"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz with the store closed: %d", resp.StatusCode)
	}
}

// TestRoutesDocumented checks that every route the server has is in
// openapi.json and every operation there is a route of the server.
func TestRoutesDocumented(t *testing.T) {
	doc, _ := spec(t)
	s := New(nil, nil, nil, Config{})
	served := map[string]bool{}
	for _, rt := range s.routes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		path = strings.TrimSuffix(path, "{$}")
		served[method+" "+path] = true
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for r := range served {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for r := range documented {
		if !served[r] {
			t.Errorf("openapi.json documents %s, which the server does not serve", r)
		}
	}
}

func TestNoRoute(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	client := &http.Client{}
	for _, tt := range []struct {
		method, path string
		code         int
		json         bool
	}{
		{"GET", "/v1/nothing", 404, true},
		{"PUT", "/v1/briefs", 405, true},
		{"PATCH", "/v1/briefs/aaaaaaaaaaaaaaaa", 405, true},
		{"GET", "/nothing", 404, false},
		{"DELETE", "/briefs", 405, false},
	} {
		req, _ := http.NewRequest(tt.method, ts.URL+tt.path, nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		ct := resp.Header.Get("Content-Type")
		if resp.StatusCode != tt.code || tt.json != (ct == "application/json") || !tt.json && !strings.HasPrefix(ct, "text/html") {
			t.Errorf("%s %s: %d %s, want %d (JSON %v)", tt.method, tt.path, resp.StatusCode, ct, tt.code, tt.json)
		}
		if tt.code == 405 && resp.Header.Get("Allow") == "" {
			t.Errorf("%s %s: no Allow header", tt.method, tt.path)
		}
	}
}

func TestPastedCRLF(t *testing.T) {
	var got []precis.Document
	capture := BrieferFunc(func(ctx context.Context, docs []precis.Document, cfg engine.Config) (*precis.Brief, error) {
		got = docs
		return richBrief(ctx, docs, cfg)
	})
	ts := newTestServer(t, Config{}, capture, nil)
	resp := ts.postForm("/v1/briefs", form{fields: [][2]string{{"text", "First line.\r\n\r\nSecond paragraph.\r\n---\r\nOther article."}}})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("%d %s", resp.StatusCode, resp.body)
	}
	if len(got) != 2 || got[0].Text != "First line.\n\nSecond paragraph." || got[1].Text != "Other article." {
		t.Errorf("documents = %q", got)
	}
}

// TestBudget checks that a limit in sentences replaces the default word
// budget, as precis brief --sentences does, but not a word budget asked for.
func TestBudget(t *testing.T) {
	var cfg engine.Config
	capture := BrieferFunc(func(ctx context.Context, docs []precis.Document, c engine.Config) (*precis.Brief, error) {
		cfg = c
		return richBrief(ctx, docs, c)
	})
	ts := newTestServer(t, Config{Words: 130}, capture, nil)
	one := []articleInput{{Text: "One. Two. Three."}}
	tests := []struct {
		name             string
		post             func() *response
		words, sentences int
	}{
		{"default", func() *response { return ts.postJSON("/v1/briefs", briefRequest{Articles: one}) }, 130, 0},
		{"words", func() *response { return ts.postJSON("/v1/briefs", briefRequest{Articles: one, Words: 40}) }, 40, 0},
		{"sentences", func() *response { return ts.postJSON("/v1/briefs", briefRequest{Articles: one, Sentences: 2}) }, 0, 2},
		{"both", func() *response {
			return ts.postJSON("/v1/briefs", briefRequest{Articles: one, Words: 40, Sentences: 2})
		}, 40, 2},
		{"form sentences", func() *response {
			return ts.postForm("/v1/briefs", form{fields: [][2]string{{"text", "One. Two."}, {"sentences", "2"}}})
		}, 0, 2},
		{"form both", func() *response {
			return ts.postForm("/v1/briefs", form{fields: [][2]string{{"text", "One. Two."}, {"words", "60"}, {"sentences", "2"}}})
		}, 60, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if resp := tt.post(); resp.StatusCode != http.StatusCreated {
				t.Fatalf("%d %s", resp.StatusCode, resp.body)
			}
			if cfg.Words != tt.words || cfg.Sentences != tt.sentences {
				t.Errorf("budget %d words, %d sentences; want %d, %d", cfg.Words, cfg.Sentences, tt.words, tt.sentences)
			}
		})
	}
}
