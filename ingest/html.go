package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/precis-news/precis"
)

// FromHTML extracts the article of one HTML page: its body text (before
// cleaning), title, author, publication date, site name and canonical URL.
// pageURL, where the page was fetched from, may be "". The error wraps
// precis.ErrInvalid when the page holds no article text.
func FromHTML(page []byte, pageURL string) (precis.Document, error) {
	d, _, err := fromHTML(page, pageURL, defaultExtractor)
	return d, err
}

// extractor finds the article in a parsed page.
type extractor func(doc *html.Node, u *url.URL) (text string, m meta)

// meta is what a page says about its article.
type meta struct {
	title, author, site, url string
	published                time.Time
}

// merge fills the empty fields of m from o.
func (m *meta) merge(o meta) {
	if m.title == "" {
		m.title = o.title
	}
	if m.author == "" {
		m.author = o.author
	}
	if m.site == "" {
		m.site = o.site
	}
	if m.url == "" {
		m.url = o.url
	}
	if m.published.IsZero() {
		m.published = o.published
	}
}

// fromHTML reads a page with the given extractor; notes are repairs to warn about.
func fromHTML(page []byte, pageURL string, ex extractor) (precis.Document, []string, error) {
	d := precis.Document{URL: pageURL}
	doc, notes, err := parseHTML(page)
	if err != nil {
		return d, notes, fmt.Errorf("ingest: %w", err)
	}
	var u *url.URL
	if pageURL != "" {
		if p, err := url.Parse(pageURL); err == nil && p.IsAbs() {
			u = p
		}
	}
	text, m := ex(doc, u)
	d.Text = text
	d.Title = oneLine(m.title)
	d.Author = oneLine(m.author)
	d.Outlet = oneLine(m.site)
	d.Published = m.published
	if m.url != "" {
		d.URL = m.url
	}
	if strings.TrimSpace(d.Text) == "" {
		return d, notes, fmt.Errorf("ingest: no article text found in the page: %w", precis.ErrInvalid)
	}
	return d, notes, nil
}

// parseHTML decodes a page to UTF-8 (the byte-order mark, then the charset the
// page declares, Windows-1252 for undeclared non-UTF-8) and parses it.
func parseHTML(page []byte) (*html.Node, []string, error) {
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, nil, fmt.Errorf("empty page: %w", precis.ErrInvalid)
	}
	if bytes.IndexByte(page[:min(len(page), 8192)], 0) >= 0 && !bytes.HasPrefix(page, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(page, []byte{0xFE, 0xFF}) {
		return nil, nil, fmt.Errorf("binary file, not an HTML page: %w", precis.ErrInvalid)
	}
	var notes []string
	var s string
	if utf8.Valid(page) {
		s = strings.TrimPrefix(string(page), "\uFEFF")
	} else {
		enc, name, _ := charset.DetermineEncoding(page, "")
		b, err := enc.NewDecoder().Bytes(page)
		if err != nil || (name == "utf-8" && !utf8.Valid(b)) {
			b = bytes.ToValidUTF8(page, []byte("\uFFFD"))
			notes = append(notes, "invalid UTF-8 bytes replaced by U+FFFD")
		} else if name == "windows-1252" && !declaresCharset(page) {
			notes = append(notes, "not UTF-8 and no charset declared: read as Windows-1252")
		}
		s = string(b)
	}
	doc, err := html.Parse(strings.NewReader(normalize(s)))
	if err != nil {
		return nil, notes, fmt.Errorf("html: %w: %w", err, precis.ErrInvalid)
	}
	return doc, notes, nil
}

func declaresCharset(page []byte) bool {
	head := bytes.ToLower(page[:min(len(page), 4096)])
	return bytes.Contains(head, []byte("charset"))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// trafilaturaOptions are the options of every trafilatura run.
func trafilaturaOptions(u *url.URL, fallback bool) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:     u,
		ExcludeComments: true,
		EnableFallback:  fallback,
		HtmlDateMode:    trafilatura.Fast,
	}
}

// withTrafilatura extracts with go-trafilatura, with or without its fallback
// to readability and DOM distiller.
func withTrafilatura(fallback bool) extractor {
	return func(doc *html.Node, u *url.URL) (string, meta) {
		res, err := trafilatura.ExtractDocument(doc, trafilaturaOptions(u, fallback))
		if err != nil || res == nil {
			return "", meta{}
		}
		m := trafilaturaMeta(res.Metadata)
		if res.ContentNode == nil {
			return "", m
		}
		return render(res.ContentNode), m
	}
}

func trafilaturaMeta(md trafilatura.Metadata) meta {
	return meta{title: md.Title, author: md.Author, site: md.Sitename, url: md.URL, published: md.Date}
}

// withReadability extracts with readeck's go-readability.
func withReadability(doc *html.Node, u *url.URL) (string, meta) {
	a, err := readability.FromDocument(doc, u)
	if err != nil {
		return "", meta{}
	}
	m := meta{title: a.Title(), author: a.Byline(), site: a.SiteName()}
	if t, err := a.PublishedTime(); err == nil {
		m.published = t
	}
	if a.Node == nil {
		return "", m
	}
	return render(a.Node), m
}

// defaultExtractor is the extractor FromHTML uses, chosen by measurement on
// the zyte-dev pages (docs/ingest.md).
var defaultExtractor = withTrafilatura(true)
