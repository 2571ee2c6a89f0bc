package httpapi

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/precis-news/precis"
)

var (
	hrefAnchor = regexp.MustCompile(`href="#([^"]+)"`)
	idAttr     = regexp.MustCompile(`\sid="([^"]+)"`)
	markRe     = regexp.MustCompile(`<mark id="([^"]+)" tabindex="-1">([^<]*)</mark>`)
	citeRe     = regexp.MustCompile(`<a class="cite" href="#([^"]+)" title="[^"]*"`)
)

// makeSeedBrief posts the example story through the web form and returns the
// brief page's path and HTML.
func makeSeedBrief(t *testing.T, ts *testServer) (string, string) {
	t.Helper()
	resp := ts.postForm("/briefs", form{files: seedFiles(t), fields: [][2]string{{"words", "150"}}}, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /briefs: %d %s", resp.StatusCode, resp.body)
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/briefs/") {
		t.Fatalf("Location = %q", loc)
	}
	page := ts.get(loc)
	if page.StatusCode != http.StatusOK || !strings.HasPrefix(page.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: %d %s", loc, page.StatusCode, page.Header.Get("Content-Type"))
	}
	return loc, string(page.body)
}

func TestBriefPage(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	index := ts.get("/")
	if index.StatusCode != http.StatusOK || !strings.Contains(string(index.body), `enctype="multipart/form-data"`) {
		t.Fatalf("GET /: %d", index.StatusCode)
	}
	loc, body := makeSeedBrief(t, ts)

	for _, want := range []string{
		`<h2 id="summary-h">Summary</h2>`, `<h2 id="sources-h">Sources</h2>`, `<h2 id="quotes-h">Quotes</h2>`,
		`<h3>Speaker 1</h3>`, `<ol class="timeline">`, `<h2 id="disagreements-h">Where the outlets disagree</h2>`,
		`<strong class="value">twice</strong>`, `<h2 id="entities-h">People, organisations, places</h2>`, `<h3>Organisations</h3>`,
		`<h2 id="shared-h">What the outlets agree on</h2>`, `Only here:`, `<h2 id="articles-h">The articles</h2>`,
		`<article class="doc" id="doc-5"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// The timeline is in date order, dates written for people, undated last.
	if a, b, c := strings.Index(body, `datetime="2016-07">July 2016<`), strings.Index(body, `datetime="2016-09-08">8 September 2016<`), strings.Index(body, ">Undated<"); !(0 < a && a < b && b < c) {
		t.Errorf("timeline order: 2016-07 at %d, 2016-09-08 at %d, undated at %d", a, b, c)
	}

	// Every in-page link has its target, and every citation of the summary
	// points at marked words that are its source sentence.
	ids := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(body, -1) {
		if ids[m[1]] {
			t.Errorf("id %q twice in the page", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range hrefAnchor.FindAllStringSubmatch(body, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s, which is not in the page", m[1])
		}
	}
	marks := map[string]string{}
	for _, m := range markRe.FindAllStringSubmatch(body, -1) {
		marks[m[1]] = html.UnescapeString(m[2])
	}
	var b precis.Brief
	ts.get("/v1/briefs/"+strings.TrimPrefix(loc, "/briefs/")).json(t, &b)
	summary := body[strings.Index(body, `id="summary-h"`):strings.Index(body, `</section>`)]
	cites := citeRe.FindAllStringSubmatch(summary, -1)
	var sources []precis.Source
	for _, st := range b.Summary {
		sources = append(sources, st.Sources...)
	}
	if len(cites) != len(sources) || len(cites) == 0 {
		t.Fatalf("%d citations in the summary for %d sources", len(cites), len(sources))
	}
	for i, c := range cites {
		if got := marks[c[1]]; !strings.Contains(got, sources[i].Sentence) && !strings.Contains(sources[i].Sentence, got) || got == "" {
			t.Errorf("citation %d → #%s marks %q, want the sentence %q", i, c[1], got, sources[i].Sentence)
		}
	}
	// The quotes link to their place in the article.
	quotes := body[strings.Index(body, `id="quotes-h"`):]
	if m := citeRe.FindStringSubmatch(quotes); m == nil || !strings.HasPrefix(m[1], "d") {
		t.Errorf("the first quote's citation does not point at its words: %v", m)
	}

	list := ts.get("/briefs")
	if list.StatusCode != http.StatusOK || !strings.Contains(string(list.body), `href="`+loc+`"`) {
		t.Errorf("the list of past briefs lacks %s", loc)
	}
	if !strings.Contains(string(ts.get("/").body), `href="`+loc+`"`) {
		t.Errorf("the recent briefs lack %s", loc)
	}
	if resp := ts.get("/briefs/aaaaaaaaaaaaaaaa"); resp.StatusCode != http.StatusNotFound || !strings.Contains(string(resp.body), "<h1>404") {
		t.Errorf("missing brief page: %d", resp.StatusCode)
	}
}

func TestListPagePaging(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	for range 3 {
		ts.postJSON("/v1/briefs", briefRequest{Articles: []articleInput{{Text: "One. Two."}}})
	}
	first := string(ts.get("/briefs?limit=2").body)
	m := regexp.MustCompile(`href="/briefs\?cursor=([^"]+)"`).FindStringSubmatch(first)
	if m == nil || strings.Count(first, `<li><a href="/briefs/`) != 2 {
		t.Fatalf("first page:\n%s", first)
	}
	second := string(ts.get("/briefs?limit=2&cursor=" + m[1]).body)
	if strings.Count(second, `<li><a href="/briefs/`) != 1 || strings.Contains(second, "Older briefs") {
		t.Errorf("second page:\n%s", second)
	}
}

// TestEscaping submits markup in every field a person controls and checks that
// no page and no API answer carries it live.
func TestEscaping(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	const script = `<script>alert("x")</script>`
	const img = `<img src=x onerror="alert(1)">`
	evil := articleInput{
		ID: `ev"il` + img, Title: "Title " + script + img, Outlet: "Outlet " + img, Author: script,
		URL: "javascript:alert(1)", Text: "Lead " + script + " sentence. Second " + img + " sentence. “A quote " + script + "” he said.",
	}
	resp := ts.postJSON("/v1/briefs", briefRequest{Articles: []articleInput{evil, {Text: "Plain " + img + " text. Another sentence here."}}})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("%d %s", resp.StatusCode, resp.body)
	}
	if strings.Contains(string(resp.body), "<script") || strings.Contains(string(resp.body), "<img") {
		t.Errorf("the JSON carries raw markup: %s", resp.body)
	}
	var b precis.Brief
	resp.json(t, &b)
	if b.Documents[0].Title != evil.Title {
		t.Errorf("the title did not survive as text: %q", b.Documents[0].Title)
	}
	for _, path := range []string{"/briefs/" + b.ID, "/briefs", "/"} {
		page := string(ts.get(path).body)
		for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`, "onerror=\"alert"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %s", path, bad)
			}
		}
		if path != "/" && !strings.Contains(page, "&lt;script&gt;") {
			t.Errorf("%s does not show the escaped markup", path)
		}
	}
	// The form shows pasted text back escaped when it fails.
	page := ts.postForm("/briefs", form{fields: [][2]string{{"text", "</textarea>" + script}, {"words", "-1"}}}, "Sec-Fetch-Site", "same-origin")
	if page.StatusCode != http.StatusUnprocessableEntity || strings.Contains(string(page.body), "</textarea><script>") {
		t.Errorf("form error page: %d, echoes raw markup: %v", page.StatusCode, strings.Contains(string(page.body), "</textarea><script>"))
	}
	if csp := page.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}

func TestFormErrors(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	resp := ts.postForm("/briefs", form{fields: [][2]string{{"text", "  "}, {"urls", ""}, {"words", "150"}}}, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(resp.body), `role="alert"`) || !strings.Contains(string(resp.body), "no articles") {
		t.Errorf("empty form: %d\n%s", resp.StatusCode, resp.body)
	}
	resp = ts.postForm("/briefs", form{fields: [][2]string{{"text", "Kept text. Here."}, {"words", "lots"}}}, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(resp.body), "Kept text. Here.</textarea>") {
		t.Errorf("the form does not keep the text: %d", resp.StatusCode)
	}
}

func TestFormTokenAndCSRF(t *testing.T) {
	const token = "web-form-token"
	ts := newTestServer(t, Config{Token: token}, nil, nil)
	text := [2]string{"text", "One sentence. Two sentences."}
	if !strings.Contains(string(ts.get("/").body), `name="token"`) {
		t.Error("the form does not ask for the token")
	}
	// A cross-site post is refused before anything is read.
	resp := ts.postForm("/briefs", form{fields: [][2]string{text, {"token", token}}}, "Sec-Fetch-Site", "cross-site")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site post: %d", resp.StatusCode)
	}
	resp = ts.postForm("/briefs", form{fields: [][2]string{text, {"token", token}}}, "Origin", "https://evil.example")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("post from another origin (old browser): %d", resp.StatusCode)
	}
	resp = ts.postForm("/briefs", form{fields: [][2]string{text}}, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token: %d", resp.StatusCode)
	}
	resp = ts.postForm("/briefs", form{fields: [][2]string{text, {"token", "wrong"}}}, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("with a wrong token: %d", resp.StatusCode)
	}
	resp = ts.postForm("/briefs", form{fields: [][2]string{text, {"token", token}}}, "Sec-Fetch-Site", "same-origin")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("with the token: %d %s", resp.StatusCode, resp.body)
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteStrictMode || strings.Contains(session.Value, token) {
		t.Fatalf("session cookie = %+v", session)
	}
	// With the cookie the token is not asked again.
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	req.AddCookie(session)
	if strings.Contains(string(ts.do(req).body), `name="token"`) {
		t.Error("the form asks for the token despite the session")
	}
	ct, body := form{fields: [][2]string{text}}.encode()
	req, _ = http.NewRequest(http.MethodPost, ts.URL+"/briefs", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", ct)
	req.AddCookie(session)
	if resp := ts.do(req); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("with the session cookie: %d", resp.StatusCode)
	}
	// The cookie is not a bearer token for the API.
	req, _ = http.NewRequest(http.MethodDelete, ts.URL+"/v1/briefs/aaaaaaaaaaaaaaaa", nil)
	req.AddCookie(session)
	if resp := ts.do(req); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("API write with only the cookie: %d", resp.StatusCode)
	}
	if strings.Contains(ts.log.String(), token) {
		t.Errorf("the token is in the log")
	}
}

func TestStatic(t *testing.T) {
	ts := newTestServer(t, Config{}, nil, nil)
	page := string(ts.get("/").body)
	m := regexp.MustCompile(`href="(/static/style\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page does not link its style sheet")
	}
	css := ts.get(m[1])
	if css.StatusCode != http.StatusOK || !strings.HasPrefix(css.Header.Get("Content-Type"), "text/css") || !strings.Contains(css.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("style.css: %d %q %q", css.StatusCode, css.Header.Get("Content-Type"), css.Header.Get("Cache-Control"))
	}
	js := ts.get("/static/app.js")
	if js.StatusCode != http.StatusOK || !strings.Contains(js.Header.Get("Content-Type"), "javascript") || js.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("app.js: %d %q %q", js.StatusCode, js.Header.Get("Content-Type"), js.Header.Get("Cache-Control"))
	}
	if resp := ts.get("/static/nothing.js"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing asset: %d", resp.StatusCode)
	}
	// No asset comes from elsewhere.
	if strings.Contains(page, "//cdn") || regexp.MustCompile(`(src|href)="https?:`).MatchString(page) {
		t.Error("the page loads something from another site")
	}
}
