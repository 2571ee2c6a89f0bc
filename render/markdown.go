package render

import (
	"io"
	"strings"

	"github.com/precis-news/precis"
)

// WriteMarkdown writes b as a Markdown document: the summary with citation
// markers, a numbered list of sources with links, then each analysis section the
// brief has. Text from the articles is escaped so that it cannot format the page.
func WriteMarkdown(w io.Writer, b *precis.Brief) error {
	e := newErrWriter(w)
	num := numbers(b)
	e.printf("## Summary\n\n")
	var para []string
	for _, s := range b.Summary {
		para = append(para, escape(oneLine(s.Text))+" "+mdCite(num, sourceIDs(s.Sources)))
	}
	if len(para) == 0 {
		e.printf("*No summary.*\n")
	} else {
		e.printf("%s\n", strings.Join(para, " "))
	}
	e.printf("\n## Sources\n\n")
	for k, d := range b.Documents {
		title, about := describe(d)
		title = escape(title)
		if d.URL != "" {
			title = "[" + title + "](" + linkTarget(d.URL) + ")"
		}
		e.printf("%d. %s%s\n", k+1, title, escape(about))
	}
	if len(b.Quotes) > 0 {
		e.printf("\n## Quotes\n")
		for _, g := range quotesBySpeaker(b.Quotes) {
			e.printf("\n**%s**\n\n", escape(oneLine(g.speaker)))
			for _, q := range g.quotes {
				e.printf("- “%s” %s\n", escape(oneLine(q.Text)), mdCite(num, q.Sources))
			}
		}
	}
	if len(b.Entities) > 0 {
		e.printf("\n## People, organisations and places\n\n")
		for _, x := range b.Entities {
			e.printf("- %s %s\n", escape(entityLine(x)), mdCite(num, x.Sources))
		}
	}
	if len(b.Timeline) > 0 {
		e.printf("\n## Timeline\n\n")
		dated, undated := splitTimeline(b.Timeline)
		for _, ev := range dated {
			e.printf("- **%s** %s %s\n", escape(ev.Date), escape(oneLine(ev.Text)), mdCite(num, ev.Sources))
		}
		if len(undated) > 0 {
			if len(dated) > 0 {
				e.printf("\n")
			}
			e.printf("%s:\n\n", undatedHeading)
			for _, ev := range undated {
				e.printf("- %s %s\n", escape(oneLine(ev.Text)), mdCite(num, ev.Sources))
			}
		}
	}
	if len(b.Disagreements) > 0 {
		e.printf("\n## Where the outlets differ\n")
		for _, d := range b.Disagreements {
			e.printf("\n**%s**\n\n", escape(oneLine(d.Topic)))
			for _, c := range d.Claims {
				e.printf("- %s %s\n", escape(claimLine(c)), mdCite(num, c.Sources))
			}
		}
	}
	if len(b.Shared) > 0 {
		e.printf("\n## What several outlets report\n\n")
		for _, f := range b.Shared {
			e.printf("- %s %s\n", escape(oneLine(f.Text)), mdCite(num, f.Sources))
		}
	}
	if cov := nonEmptyCoverage(b.Coverage); len(cov) > 0 {
		e.printf("\n## What each outlet adds\n")
		for _, c := range cov {
			e.printf("\n**%s**\n\n", escape(docName(b, num, c.Doc)))
			for _, u := range c.Unique {
				e.printf("- %s\n", escape(oneLine(u)))
			}
		}
	}
	return e.flush()
}

// mdCite is cite with its brackets escaped, so Markdown does not read a link.
func mdCite(num map[string]int, ids []string) string {
	c := cite(num, ids)
	if c == "" {
		return ""
	}
	return `\[` + escape(c[1:len(c)-1]) + `\]`
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `&lt;`, `>`, `&gt;`, `#`, `\#`, `|`, `\|`,
)

func escape(s string) string { return mdEscaper.Replace(s) }

// linkTarget keeps a URL from closing its Markdown link early.
func linkTarget(u string) string {
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(u)
}
