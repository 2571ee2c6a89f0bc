package httpapi

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/store"
)

//go:embed web/templates/*.html web/static/*
var webFS embed.FS

// pages holds the parsed templates and the static assets with their hashes.
type pages struct {
	index, brief, list, errorPage *template.Template
	static                        map[string]asset
}

type asset struct {
	body        []byte
	contentType string
	version     string // a hash of the body, in asset URLs so they can be cached forever
}

func loadPages() *pages {
	p := &pages{static: map[string]asset{}}
	entries, err := fs.ReadDir(webFS, "web/static")
	if err != nil {
		panic(err) // the embedded files are part of the binary
	}
	for _, e := range entries {
		b, _ := webFS.ReadFile("web/static/" + e.Name())
		sum := sha256.Sum256(b)
		p.static[e.Name()] = asset{body: b, contentType: mime.TypeByExtension(path.Ext(e.Name())), version: hex.EncodeToString(sum[:6])}
	}
	funcs := template.FuncMap{
		"asset": func(name string) string {
			return "/static/" + name + "?v=" + p.static[name].version
		},
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.UTC().Format("2 Jan 2006, 15:04 UTC")
		},
		"iso": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"join": strings.Join,
	}
	parse := func(name string) *template.Template {
		return template.Must(template.New(name).Funcs(funcs).ParseFS(webFS, "web/templates/layout.html", "web/templates/"+name))
	}
	p.index = parse("index.html")
	p.brief = parse("brief.html")
	p.list = parse("list.html")
	p.errorPage = parse("error.html")
	return p
}

// render executes t into a buffer first, so that a template error becomes a
// clean 500 rather than half a page.
func (p *pages) render(w http.ResponseWriter, code int, t *template.Template, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

type errorData struct {
	Title   string
	Status  int
	Message string
}

func (p *pages) renderError(w http.ResponseWriter, code int, msg string) {
	p.render(w, code, p.errorPage, errorData{Title: http.StatusText(code), Status: code, Message: msg})
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	a, ok := s.pages.static[r.PathValue("file")]
	if !ok {
		s.fail(w, r, fmt.Errorf("httpapi: no such file: %w", precis.ErrNotFound))
		return
	}
	w.Header().Set("Content-Type", a.contentType)
	if r.URL.Query().Get("v") == a.version {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Write(a.body)
}

type indexData struct {
	Title     string
	Error     string
	Recent    []store.Summary
	NeedToken bool
	Words     int
	Text      string
	URLs      string
	Fetches   bool
	MaxBody   int64
}

func (s *Server) indexData(r *http.Request) indexData {
	d := indexData{Title: "New brief", NeedToken: s.needToken(r), Words: s.cfg.Words, Fetches: s.fetcher != nil, MaxBody: s.cfg.MaxBody}
	if page, err := s.store.List(r.Context(), store.Query{Limit: 5}); err == nil {
		d.Recent = page.Briefs
	}
	return d
}

func (s *Server) indexPage(w http.ResponseWriter, r *http.Request) {
	s.pages.render(w, http.StatusOK, s.pages.index, s.indexData(r))
}

// needToken reports whether the form must ask for the token: one is set and
// the browser has no valid session cookie.
func (s *Server) needToken(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	c, err := r.Cookie(sessionCookie)
	return err != nil || !hmacEqual(c.Value, s.session)
}

const sessionCookie = "precis_session"

func hmacEqual(a, b string) bool {
	x, y := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(x[:], y[:]) == 1
}

// createBriefPage handles the form: on success it redirects to the brief
// (303, so that reloading does not post again); on failure it shows the form
// again, filled in, with the error.
func (s *Server) createBriefPage(w http.ResponseWriter, r *http.Request) {
	in, err := s.readInput(r)
	if err == nil && s.needToken(r) {
		if in.token == "" || !s.tokenMatches(in.token) {
			err = errToken
		}
	}
	var b *precis.Brief
	if err == nil {
		b, _, err = s.makeBrief(r.Context(), in)
	}
	if err != nil {
		code := status(err)
		if code >= 500 {
			s.fail(w, r, err)
			return
		}
		d := s.indexData(r)
		d.Error = message(err, code)
		if in != nil {
			d.Text, d.URLs = in.text, in.urlText
			if in.cfg.Words > 0 {
				d.Words = in.cfg.Words
			}
		}
		s.pages.render(w, code, s.pages.index, d)
		return
	}
	if s.cfg.Token != "" && in.token != "" {
		http.SetCookie(w, &http.Cookie{
			Name: sessionCookie, Value: s.session, Path: "/", MaxAge: 30 * 24 * 3600,
			HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode,
		})
	}
	http.Redirect(w, r, "/briefs/"+b.ID, http.StatusSeeOther)
}

type listData struct {
	Title  string
	Briefs []store.Summary
	Next   string
}

func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	q, err := listQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.store.List(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.pages.render(w, http.StatusOK, s.pages.list, listData{Title: "Past briefs", Briefs: page.Briefs, Next: page.Next})
}

type briefData struct {
	Title string
	*briefView
}

func (s *Server) briefPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := s.store.Brief(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	docs, err := s.store.Documents(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := newBriefView(b, docs)
	s.pages.render(w, http.StatusOK, s.pages.brief, briefData{Title: v.Headline, briefView: v})
}
