package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
)

// width is the column text output wraps at.
const width = 80

// WriteText writes b for a terminal: the summary as one paragraph with a citation
// marker after each sentence ([1,3]: the documents that say it, numbered as in
// the list of sources), the sources, then each analysis section the brief has.
func WriteText(w io.Writer, b *precis.Brief) error {
	e := newErrWriter(w)
	num := numbers(b)
	var para []string
	for _, s := range b.Summary {
		para = append(para, oneLine(s.Text)+" "+cite(num, sourceIDs(s.Sources)))
	}
	if len(para) == 0 {
		e.printf("(no summary)\n")
	} else {
		e.printf("%s\n", wrap("", strings.Join(para, " "), width, ""))
	}
	e.printf("\nSources\n")
	for k, d := range b.Documents {
		marker := "[" + strconv.Itoa(k+1) + "] "
		title, about := describe(d)
		e.printf("%s\n", wrap(marker, title+about, width, strings.Repeat(" ", len(marker))))
		if d.URL != "" {
			e.printf("%s%s\n", strings.Repeat(" ", len(marker)), d.URL)
		}
	}
	if len(b.Quotes) > 0 {
		e.printf("\nQuotes\n")
		for _, g := range quotesBySpeaker(b.Quotes) {
			e.printf("  %s\n", oneLine(g.speaker))
			for _, q := range g.quotes {
				e.printf("%s\n", wrap("    ", "“"+oneLine(q.Text)+"” "+cite(num, q.Sources), width, "      "))
			}
		}
	}
	if len(b.Entities) > 0 {
		e.printf("\nPeople, organisations and places\n")
		for _, x := range b.Entities {
			e.printf("%s\n", wrap("  ", entityLine(x)+" "+cite(num, x.Sources), width, "    "))
		}
	}
	if len(b.Timeline) > 0 {
		e.printf("\nTimeline\n")
		dated, undated := splitTimeline(b.Timeline)
		for _, ev := range dated {
			e.printf("%s\n", wrap("  "+padRight(ev.Date, 11), oneLine(ev.Text)+" "+cite(num, ev.Sources), width, strings.Repeat(" ", 13)))
		}
		if len(undated) > 0 {
			e.printf("  %s:\n", undatedHeading)
			for _, ev := range undated {
				e.printf("%s\n", wrap("  - ", oneLine(ev.Text)+" "+cite(num, ev.Sources), width, "    "))
			}
		}
	}
	if len(b.Disagreements) > 0 {
		e.printf("\nWhere the outlets differ\n")
		for _, d := range b.Disagreements {
			e.printf("  %s\n", oneLine(d.Topic))
			for _, c := range d.Claims {
				e.printf("%s\n", wrap("  - ", claimLine(c)+" "+cite(num, c.Sources), width, "    "))
			}
		}
	}
	if len(b.Shared) > 0 {
		e.printf("\nWhat several outlets report\n")
		for _, f := range b.Shared {
			e.printf("%s\n", wrap("  - ", oneLine(f.Text)+" "+cite(num, f.Sources), width, "    "))
		}
	}
	if cov := nonEmptyCoverage(b.Coverage); len(cov) > 0 {
		e.printf("\nWhat each outlet adds\n")
		for _, c := range cov {
			e.printf("  %s\n", docName(b, num, c.Doc))
			for _, u := range c.Unique {
				e.printf("%s\n", wrap("    - ", oneLine(u), width, "      "))
			}
		}
	}
	return e.flush()
}

// wrap writes prefix as it is, then the words of s, breaking lines at spaces
// before w columns (runes) and starting each new line with indent. A word longer
// than a line stays whole.
func wrap(prefix, s string, w int, indent string) string {
	var b strings.Builder
	b.WriteString(prefix)
	col := len([]rune(prefix))
	for k, word := range strings.Fields(s) {
		n := len([]rune(word))
		if k > 0 || col > 0 && !strings.HasSuffix(prefix, " ") {
			if col+1+n > w {
				b.WriteString("\n" + indent)
				col = len(indent)
			} else {
				b.WriteByte(' ')
				col++
			}
		} else if col+n > w && col > len(indent) {
			b.WriteString("\n" + indent)
			col = len(indent)
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

func padRight(s string, n int) string {
	if len([]rune(s)) >= n {
		return s + " "
	}
	return s + strings.Repeat(" ", n-len([]rune(s)))
}

// speakerQuotes is one speaker's quotes, in the brief's order.
type speakerQuotes struct {
	speaker string
	quotes  []precis.Quote
}

// quotesBySpeaker groups quotes by speaker, speakers in order of first quote;
// quotes without a speaker come last, under "Unattributed".
func quotesBySpeaker(qs []precis.Quote) []speakerQuotes {
	var out []speakerQuotes
	at := map[string]int{}
	var none []precis.Quote
	for _, q := range qs {
		name := strings.TrimSpace(q.Speaker)
		if name == "" {
			none = append(none, q)
			continue
		}
		k, ok := at[name]
		if !ok {
			k = len(out)
			at[name] = k
			out = append(out, speakerQuotes{speaker: name})
		}
		out[k].quotes = append(out[k].quotes, q)
	}
	if len(none) > 0 {
		out = append(out, speakerQuotes{speaker: "Unattributed", quotes: none})
	}
	return out
}

func entityLine(x precis.Entity) string {
	var b strings.Builder
	b.WriteString(oneLine(x.Name))
	var about []string
	if x.Type != "" {
		about = append(about, string(x.Type))
	}
	if x.Mentions > 0 {
		unit := " mentions"
		if x.Mentions == 1 {
			unit = " mention"
		}
		about = append(about, strconv.Itoa(x.Mentions)+unit)
	}
	if len(x.Aliases) > 0 {
		about = append(about, "also "+strings.Join(x.Aliases, ", "))
	}
	if len(about) > 0 {
		b.WriteString(" (" + strings.Join(about, "; ") + ")")
	}
	return b.String()
}

func claimLine(c precis.Claim) string {
	if c.Value != "" && c.Text != "" {
		return oneLine(c.Value) + ": " + oneLine(c.Text)
	}
	return oneLine(c.Value + c.Text)
}

func nonEmptyCoverage(cs []precis.Coverage) []precis.Coverage {
	var out []precis.Coverage
	for _, c := range cs {
		if len(c.Unique) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// docName returns a document's citation marker and name: "[2] Valley Times".
func docName(b *precis.Brief, num map[string]int, id string) string {
	n, ok := num[id]
	if !ok {
		return id
	}
	d := b.Documents[n-1]
	name := firstNonEmpty(oneLine(d.Outlet), firstNonEmpty(oneLine(d.Title), d.ID))
	return cite(num, []string{id}) + " " + name
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
