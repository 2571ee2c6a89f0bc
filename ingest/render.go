package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// render returns the text of an HTML tree as paragraphs: each block element
// (paragraph, heading, list item, table row …) ends a paragraph, <br> ends a
// line, and runs of white space inside a paragraph become one space.
func render(n *html.Node) string {
	var r renderer
	r.walk(n, false)
	r.endBlock()
	return strings.Join(r.paras, "\n\n")
}

type renderer struct {
	paras []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hgroup": true, "hr": true, "li": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "table": true, "tbody": true, "thead": true, "tfoot": true, "tr": true, "ul": true,
	"caption": true, "body": true, "html": true, "title": false, "legend": true, "option": true, "frameset": true,
}

var skipTags = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "audio": true, "video": true, "map": true,
	"select": true, "button": true, "input": true, "textarea": true, "img": true, "picture": true, "source": true,
}

func (r *renderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipTags[n.Data] || hidden(n) {
			return
		}
		switch n.Data {
		case "br":
			r.line()
			return
		case "td", "th":
			r.space = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		r.endBlock()
	}
	pre = pre || (n.Type == html.ElementNode && n.Data == "pre")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre)
	}
	if block {
		r.endBlock()
	}
}

// hidden reports elements marked hidden in the page.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func (r *renderer) text(s string, pre bool) {
	if pre {
		for i, l := range strings.Split(s, "\n") {
			if i > 0 {
				r.line()
			}
			r.word(strings.TrimRightFunc(l, unicode.IsSpace))
		}
		return
	}
	for len(s) > 0 {
		c, n := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(c) && c != '\u00A0' {
			r.space = true
			s = s[n:]
			continue
		}
		end := strings.IndexFunc(s, func(c rune) bool { return unicode.IsSpace(c) && c != '\u00A0' })
		if end < 0 {
			end = len(s)
		}
		r.word(s[:end])
		s = s[end:]
	}
}

func (r *renderer) word(w string) {
	if w == "" {
		return
	}
	if r.space && r.cur.Len() > 0 {
		last := r.cur.String()[r.cur.Len()-1]
		if last != '\n' {
			r.cur.WriteByte(' ')
		}
	}
	r.space = false
	r.cur.WriteString(w)
}

// line ends a line inside the paragraph.
func (r *renderer) line() {
	if r.cur.Len() > 0 && !strings.HasSuffix(r.cur.String(), "\n") {
		r.cur.WriteByte('\n')
	}
	r.space = false
}

func (r *renderer) endBlock() {
	p := strings.TrimSpace(r.cur.String())
	if p != "" {
		r.paras = append(r.paras, p)
	}
	r.cur.Reset()
	r.space = false
}
