package httpapi

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/fetch"
)

// TestStoredSpans makes briefs with the real engine in every way the server
// takes articles (JSON, files, pasted text, the web form, URLs), then checks
// every brief in the store against the documents stored with it: whatever
// the brief locates is at that place in the stored text.
func TestStoredSpans(t *testing.T) {
	page, err := os.ReadFile("../fetch/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	pages := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer pages.Close()
	ts := newTestServer(t, Config{}, BrieferFunc(engine.Brief), fetch.New(fetch.Options{AllowPrivate: true}))

	seed := seedArticles(t)
	titled := seedArticles(t)
	titled[0].Title, titled[1].Title = "Sessions met envoy", "Sessions Met With Russians During Election, Failed to Disclose Meetings, Report Says"
	var bridge []articleInput
	paths, _ := filepath.Glob("../testdata/stories/bridge/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bridge = append(bridge, articleInput{Text: string(b)})
	}
	var pasted []string
	for _, a := range seed[:3] {
		pasted = append(pasted, a.Text)
	}

	posts := []struct {
		name string
		post func() *response
	}{
		{"JSON", func() *response { return ts.postJSON("/v1/briefs", briefRequest{Articles: seed}) }},
		{"JSON with titles", func() *response { return ts.postJSON("/v1/briefs", briefRequest{Articles: titled, Words: 300}) }},
		{"JSON with a URL", func() *response {
			return ts.postJSON("/v1/briefs", briefRequest{Articles: bridge, URLs: []string{pages.URL + "/bridge"}})
		}},
		{"files", func() *response { return ts.postForm("/v1/briefs", form{files: seedFiles(t)}) }},
		{"pasted", func() *response {
			return ts.postForm("/v1/briefs", form{fields: [][2]string{{"text", strings.Join(pasted, "\n---\n")}}})
		}},
		{"web form", func() *response {
			return ts.postForm("/briefs", form{files: seedFiles(t), fields: [][2]string{{"words", "200"}}}, "Sec-Fetch-Site", "same-origin")
		}},
	}
	for _, p := range posts {
		if resp := p.post(); resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d %.300s", p.name, resp.StatusCode, resp.body)
		}
	}

	var list struct{ Briefs []struct{ ID string } }
	ts.get("/v1/briefs?limit=100").json(t, &list)
	if len(list.Briefs) != len(posts) {
		t.Fatalf("%d briefs stored, want %d", len(list.Briefs), len(posts))
	}
	sources, mentions := 0, 0
	for _, item := range list.Briefs {
		var b precis.Brief
		ts.get("/v1/briefs/"+item.ID).json(t, &b)
		var docs documentsBody
		ts.get("/v1/briefs/"+item.ID+"/documents").json(t, &docs)
		checkSpans(t, &b, docs.Documents)
		for _, st := range b.Summary {
			sources += len(st.Sources)
		}
		for _, q := range b.Quotes {
			mentions += len(q.Mentions)
		}
	}
	if sources < 3*len(posts) || mentions < len(posts) {
		t.Errorf("only %d sources and %d quote mentions checked in %d briefs", sources, mentions, len(posts))
	}
}
