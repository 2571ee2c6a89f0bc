package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
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

// minPageWords is the fewest words an extracted article may have: below it the
// extractors found a navigation link or a button, not an article.
const minPageWords = 5

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
	d.Outlet = oneLine(m.site)
	d.Title = trimSiteName(oneLine(m.title), d.Outlet)
	d.Author = oneLine(m.author)
	d.Published = m.published
	if m.url != "" {
		d.URL = m.url
	}
	if n := precis.CountWords(d.Text); n < minPageWords {
		unit := "words"
		if n == 1 {
			unit = "word"
		}
		return d, notes, precis.Errorf(precis.ErrInvalid, "ingest: no article text found in the page (%d %s)", n, unit)
	}
	return d, notes, nil
}

// parseHTML decodes a page to UTF-8 (the byte-order mark, then the charset the
// page declares, Windows-1252 for undeclared non-UTF-8) and parses it.
func parseHTML(page []byte) (*html.Node, []string, error) {
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, nil, precis.Errorf(precis.ErrInvalid, "empty page")
	}
	if bytes.IndexByte(page[:min(len(page), 8192)], 0) >= 0 && !bytes.HasPrefix(page, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(page, []byte{0xFE, 0xFF}) {
		return nil, nil, precis.Errorf(precis.ErrInvalid, "binary file, not an HTML page")
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
		return nil, notes, precis.Errorf(precis.ErrInvalid, "html: %w", err)
	}
	return doc, notes, nil
}

func declaresCharset(page []byte) bool {
	head := bytes.ToLower(page[:min(len(page), 4096)])
	return bytes.Contains(head, []byte("charset"))
}

// trimSiteName drops the site name that page titles often end with
// ("Storm hits coast | The Daily Planet").
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
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

func readabilityMeta(a readability.Article) meta {
	m := meta{title: a.Title(), author: a.Byline(), site: a.SiteName()}
	if t, err := a.PublishedTime(); err == nil {
		m.published = t
	}
	return m
}

// withReadability extracts with readeck's go-readability.
func withReadability(doc *html.Node, u *url.URL) (string, meta) {
	a, err := readability.FromDocument(doc, u)
	if err != nil {
		return "", meta{}
	}
	m := readabilityMeta(a)
	if a.Node == nil {
		return "", m
	}
	return render(a.Node), m
}

// defaultExtractor is the extractor FromHTML uses, chosen by measurement on
// the zyte-dev pages (docs/ingest.md).
var defaultExtractor extractor = ensemble

// ensemble runs two extractors that fail in different ways and keeps what
// they agree on: go-trafilatura (with readeck's readability as its fallback
// candidate, then go-domdistiller) gives the article, and the lines of it
// that readability did not find are dropped, unless readability missed the
// article (see vote). Metadata comes from trafilatura, then readability.
func ensemble(doc *html.Node, u *url.URL) (string, meta) {
	opts := trafilaturaOptions(u, true)
	var second string
	var m2 meta
	if a, err := readability.FromDocument(doc, u); err == nil {
		m2 = readabilityMeta(a)
		if a.Node != nil {
			second = render(a.Node)
			opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: a.Node}
		}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return second, m2
	}
	m := trafilaturaMeta(res.Metadata)
	m.merge(m2)
	return vote(render(res.ContentNode), second, 0.5, 0.5), m
}

// agreed keeps the paragraphs of the first extractor that the second one
// also found, when the second found enough for a vote to mean something.
func agreed(first, second extractor, minShare, keep float64) extractor {
	return func(doc *html.Node, u *url.URL) (string, meta) {
		a, m := first(doc, u)
		b, m2 := second(doc, u)
		m.merge(m2)
		return vote(a, b, minShare, keep), m
	}
}

// vote keeps the lines of a that b also holds (keep: the share of a line's
// 4-word runs found in b). When b is much shorter than a (minShare), or the
// vote would drop most of a, a is returned whole: the second extractor then
// missed the article rather than the first one adding to it.
func vote(a, b string, minShare, keep float64) string {
	bt := wordTokens(b)
	at := wordTokens(a)
	if len(at) == 0 || float64(len(bt)) < minShare*float64(len(at)) {
		return a
	}
	runs := make(map[string]bool)
	for i := 0; i+4 <= len(bt); i++ {
		runs[strings.Join(bt[i:i+4], " ")] = true
	}
	joined := " " + strings.Join(bt, " ") + " "
	var out []string
	keptTokens := 0
	for _, para := range strings.Split(a, "\n\n") {
		var lines []string
		for _, line := range strings.Split(para, "\n") {
			t := wordTokens(line)
			ok := false
			switch {
			case len(t) == 0:
				ok = true
			case len(t) < 4:
				ok = strings.Contains(joined, " "+strings.Join(t, " ")+" ")
			default:
				n := 0
				for i := 0; i+4 <= len(t); i++ {
					if runs[strings.Join(t[i:i+4], " ")] {
						n++
					}
				}
				ok = float64(n) >= keep*float64(len(t)-3)
			}
			if ok {
				lines = append(lines, line)
				keptTokens += len(t)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	if keptTokens*2 < len(at) {
		return a
	}
	return strings.Join(out, "\n\n")
}

// wordTokens returns the lower-case runs of letters and digits of s.
func wordTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
