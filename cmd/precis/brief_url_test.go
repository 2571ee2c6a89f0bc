package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/ingest"
)

const plainArticle = "Traffic on the Millbrook detour doubled on Wednesday, the county said. Buses will run every ten minutes until the bridge opens again."

// servePage serves a news article page at /bridge, a text article at /plain,
// and counts the requests it gets.
func servePage(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	page, err := os.ReadFile("../../fetch/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/bridge":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/plain":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte(plainArticle))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestBriefURL(t *testing.T) {
	srv, _ := servePage(t)
	code, out, errOut := runCmd(t, "", "brief", "--allow-private-urls", "--format", "json",
		srv.URL+"/bridge", "../../testdata/stories/bridge", srv.URL+"/plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var b precis.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range b.Documents {
		ids = append(ids, d.ID)
	}
	// In the order given, URLs named as the server names them.
	if want := []string{"easton-courier", "1-harbour-herald", "2-valley-times", "3-river-post", "127.0.0.1"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("documents %q, want %q", ids, want)
	}
	if d := b.Documents[0]; d.Title != "Old Mill Bridge to stay shut for weeks after crack found" || d.Outlet != "Easton Courier" ||
		d.URL != "https://courier.example/news/2024/05/old-mill-bridge-closed" || d.Published != "2024-05-14" {
		t.Errorf("the fetched page's document: %+v", d)
	}
	if d := b.Documents[4]; d.URL != srv.URL+"/plain" || d.Words != precis.CountWords(plainArticle) {
		t.Errorf("the fetched text's document: %+v", d)
	}

	// The fetched page is extracted and cleaned as the HTML file would be.
	page, _ := os.ReadFile("../../fetch/testdata/article.html")
	doc, err := ingest.FromHTML(page, srv.URL+"/bridge")
	if err != nil {
		t.Fatal(err)
	}
	clean.Document(&doc)
	if b.Documents[0].Words != doc.Words() {
		t.Errorf("the fetched page has %d words, the file %d", b.Documents[0].Words, doc.Words())
	}
	for _, st := range b.Summary {
		for _, src := range st.Sources {
			if src.Doc == "easton-courier" && src.Span.Of(doc.Text) != src.Sentence {
				t.Errorf("source %+v does not point into the page's cleaned text", src)
			}
		}
	}
}

func TestBriefURLRefused(t *testing.T) {
	srv, hits := servePage(t)
	for _, tt := range []struct {
		name, url, want string
	}{
		{"loopback", srv.URL + "/bridge", "--allow-private-urls"},
		{"metadata", "http://169.254.169.254/latest/meta-data/", "--allow-private-urls"},
		{"localhost", "http://localhost:1/news", "--allow-private-urls"},
		{"other scheme", "ftp://example.com/news.txt", "only http and https URLs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", "brief", tt.url, "../../testdata/stories/bridge")
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q; want 1 and nothing", code, out)
			}
			if line := strings.TrimSpace(errOut); strings.Contains(line, "\n") || !strings.Contains(line, tt.url) || !strings.Contains(line, tt.want) {
				t.Errorf("stderr %q, want one line naming %s and %s", errOut, tt.url, tt.want)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the private server was reached %d times", n)
	}
	// Allowed, a page that is not there is a failure that names it.
	code, _, errOut := runCmd(t, "", "brief", "--allow-private-urls", srv.URL+"/missing")
	if line := strings.TrimSpace(errOut); code != 1 || strings.Contains(line, "\n") || !strings.Contains(line, srv.URL+"/missing") || !strings.Contains(line, "404") {
		t.Errorf("a missing page: exit %d, stderr %q", code, errOut)
	}
}

// TestBriefURLAndBadFile checks that an unusable file next to a URL, and a URL
// that cannot be fetched next to files, are warnings, as a bad file next to
// another file is, not the end of the run; each one line without the domain
// error's own text.
func TestBriefURLAndBadFile(t *testing.T) {
	srv, _ := servePage(t)
	empty := t.TempDir() + "/empty.txt"
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "brief", "--allow-private-urls", srv.URL+"/plain", empty)
	if code != 0 || !strings.Contains(out, "every ten minutes") || errOut != "precis brief: warning: "+empty+": empty file, no text\n" {
		t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	code, _, errOut = runCmd(t, "", "brief", "--allow-private-urls", empty)
	if code != 1 || errOut != "precis brief: ingest: "+empty+": empty file, no text\n" {
		t.Errorf("alone: exit %d, stderr %q", code, errOut)
	}
	// A page that cannot be fetched, next to articles, is a warning too.
	code, out, errOut = runCmd(t, "", "brief", "--allow-private-urls", srv.URL+"/missing", "../../testdata/stories/bridge")
	if want := "precis brief: warning: fetch: " + srv.URL + "/missing: 404 Not Found\n"; code != 0 || errOut != want || !strings.Contains(out, "Old Mill Bridge") {
		t.Errorf("missing page: exit %d, stderr %q, want %q", code, errOut, want)
	}
}

// TestExtractURL checks that precis extract reads a URL as precis brief
// does, and refuses a private address unless told.
func TestExtractURL(t *testing.T) {
	srv, hits := servePage(t)
	code, out, errOut := runCmd(t, "", "extract", "--allow-private-urls", srv.URL+"/plain")
	if code != 0 || out != plainArticle+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	before := hits.Load()
	code, _, errOut = runCmd(t, "", "extract", srv.URL+"/plain")
	if code != 1 || !strings.Contains(errOut, "address not allowed") || strings.Count(errOut, "\n") != 1 || hits.Load() != before {
		t.Errorf("private address: exit %d, stderr %q", code, errOut)
	}
}
