package httpapi

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/quote"
	"github.com/precis-news/precis/store"
)

// briefView is a brief laid out for its page: every reference to a document
// resolved to a numbered citation that links to the cited words inside the
// article's text.
type briefView struct {
	Brief    *precis.Brief
	Headline string
	Docs     []*docView
	Summary  []statementView
	// Speakers hold the quotes shown at once: the first few of the brief
	// and every quote more than one article carries; MoreSpeakers the rest.
	Speakers, MoreSpeakers []speakerView
	MoreQuotes             int
	// Timeline holds the events with a date, in date order; Undated those
	// whose date could not be resolved ("Thursday"), in the brief's order.
	Timeline, Undated []eventView
	Disagreements     []disagreementView
	Entities          []entityGroup
	Shared            []factView
}

type docView struct {
	Num      int
	Anchor   string // id of the article in the page
	Label    string // the outlet, else the document id
	Info     precis.DocumentInfo
	Coverage []string
	Paras    [][]run
	Missing  bool // the store had no text for it
}

// run is a piece of an article paragraph; Mark is set for cited words.
type run struct {
	Text string
	Mark bool
	// ID is the anchor citations link to, on the first run of a marked span only.
	ID string
}

// cite is one numbered citation marker.
type cite struct {
	Num   int
	Label string
	Href  string // "#d2-m3" (the words) or "#doc-2" (the article)
	// Quote is the cited sentence, shown on hover.
	Quote string
}

type statementView struct {
	Text  string
	Cites []cite
}

type speakerView struct {
	Speaker string
	Quotes  []statementView
}

type eventView struct {
	// Date is the machine date ("2016-09"), Label the same for people
	// ("September 2016"); Expression is how the text wrote it, when that says more.
	Date, Label, Expression, Text string
	Cites                         []cite
}

type disagreementView struct {
	Topic  string
	Claims []claimView
}

type claimView struct {
	Value, Text string
	Cites       []cite
}

type entityGroup struct {
	Title string
	// Entities are the most mentioned, shown at once; More the rest.
	Entities, More []entityView
}

type entityView struct {
	Name string
	// Aliases are the other names the story uses, less the mere parts of Name.
	Aliases  []string
	Mentions int
	// Articles counts the articles that name it; In lists their labels.
	Articles int
	In       string
}

type factView struct {
	Text  string
	Cites []cite
}

// marker collects the spans cited in each document and gives each an anchor.
type marker struct {
	docs  []precis.Document
	index map[string]int // document id → position
	spans [][]precis.Span
	ids   []map[precis.Span]string
}

// locate returns the span of sentence in document d: span when it points at
// it (or when no sentence is given), else the sentence's first occurrence;
// ok is false when neither fits the stored text or the words are all space.
func (m *marker) locate(d int, span precis.Span, sentence string) (precis.Span, bool) {
	text := m.docs[d].Text
	if fits(text, span) && (sentence == "" || span.Of(text) == sentence) {
		return span, true
	}
	if i := strings.Index(text, sentence); sentence != "" && i >= 0 {
		if sp := (precis.Span{Start: i, End: i + len(sentence)}); fits(text, sp) {
			return sp, true
		}
	}
	return precis.Span{}, false
}

// fits reports whether span lies in text on character boundaries and covers
// more than space.
func fits(text string, span precis.Span) bool {
	return span.Valid(len(text)) && span.Len() > 0 &&
		utf8.RuneStart(text[span.Start]) && (span.End == len(text) || utf8.RuneStart(text[span.End])) &&
		strings.TrimSpace(text[span.Start:span.End]) != ""
}

func (m *marker) add(d int, span precis.Span) {
	m.spans[d] = append(m.spans[d], span)
}

// assign sorts each document's spans and merges overlapping ones; every span
// gets the anchor of the merged span that holds it.
func (m *marker) assign() [][]precis.Span {
	merged := make([][]precis.Span, len(m.docs))
	for d, spans := range m.spans {
		slices.SortFunc(spans, func(a, b precis.Span) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
		})
		for _, sp := range spans {
			if n := len(merged[d]); n > 0 && sp.Start < merged[d][n-1].End {
				merged[d][n-1].End = max(merged[d][n-1].End, sp.End)
			} else {
				merged[d] = append(merged[d], sp)
			}
			m.ids[d][sp] = markID(d, len(merged[d])-1)
		}
	}
	return merged
}

// markID is the anchor of document d's k-th marked span.
func markID(d, k int) string { return fmt.Sprintf("d%d-m%d", d+1, k+1) }

// newBriefView lays out b, whose documents docs are as stored.
func newBriefView(b *precis.Brief, docs []precis.Document) *briefView {
	v := &briefView{Brief: b, Headline: store.Headline(b)}
	// The brief's own list of documents names them; the stored documents hold
	// their text. Either may lack what the other has.
	byID := map[string]int{}
	for i, d := range docs {
		byID[d.ID] = i
	}
	var all []precis.Document
	infos := b.Documents
	for _, info := range infos {
		d := precis.Document{ID: info.ID}
		if i, ok := byID[info.ID]; ok {
			d = docs[i]
		}
		all = append(all, d)
	}
	known := map[string]bool{}
	for _, info := range infos {
		known[info.ID] = true
	}
	for _, d := range docs {
		if !known[d.ID] {
			all = append(all, d)
			infos = append(infos, d.Info())
		}
	}
	m := &marker{docs: all, index: map[string]int{}, spans: make([][]precis.Span, len(all)), ids: make([]map[precis.Span]string, len(all))}
	for i := range all {
		m.index[all[i].ID] = i
		m.ids[i] = map[precis.Span]string{}
	}

	// First pass: find every cited span, so that anchors can be assigned.
	type pending struct {
		d    int
		span precis.Span
		ok   bool
	}
	locateAll := func(doc string, span precis.Span, sentence string) pending {
		d, ok := m.index[doc]
		if !ok {
			return pending{d: -1}
		}
		sp, ok := m.locate(d, span, sentence)
		if ok {
			m.add(d, sp)
		}
		return pending{d, sp, ok}
	}
	stmts := make([][]pending, len(b.Summary))
	for i, st := range b.Summary {
		for _, src := range st.Sources {
			stmts[i] = append(stmts[i], locateAll(src.Doc, src.Span, src.Sentence))
		}
	}
	quotes := make([][]pending, len(b.Quotes))
	for i, q := range b.Quotes {
		for _, mn := range q.Mentions {
			quotes[i] = append(quotes[i], locateAll(mn.Doc, mn.Span, ""))
		}
	}
	merged := m.assign()

	citeOf := func(doc string, p pending, quote string) cite {
		if p.d < 0 {
			return cite{Label: doc, Quote: quote}
		}
		c := cite{Num: p.d + 1, Label: label(infos[p.d]), Href: fmt.Sprintf("#doc-%d", p.d+1), Quote: quote}
		if p.ok {
			c.Href = "#" + m.ids[p.d][p.span]
			if c.Quote == "" {
				c.Quote = p.span.Of(all[p.d].Text)
			}
		}
		return c
	}
	docCites := func(ids []string) []cite {
		var cs []cite
		for _, id := range ids {
			d, ok := m.index[id]
			if !ok {
				cs = append(cs, cite{Label: id})
				continue
			}
			cs = append(cs, cite{Num: d + 1, Label: label(infos[d]), Href: fmt.Sprintf("#doc-%d", d+1)})
		}
		return cs
	}

	for i, st := range b.Summary {
		sv := statementView{Text: st.Text}
		for j, src := range st.Sources {
			sv.Cites = append(sv.Cites, citeOf(src.Doc, stmts[i][j], src.Sentence))
		}
		sortCites(sv.Cites)
		v.Summary = append(v.Summary, sv)
	}

	// The first quotes of the brief (the engine puts those most articles
	// carry first) and any other carried by several articles are shown at
	// once, by speaker; the rest wait behind a disclosure.
	shown, more := map[string]int{}, map[string]int{}
	for i, q := range b.Quotes {
		qv := statementView{Text: q.Text}
		if len(q.Mentions) > 0 {
			cited := map[string]bool{} // one citation per article, to its first mention
			for j, mn := range q.Mentions {
				if !cited[mn.Doc] {
					cited[mn.Doc] = true
					qv.Cites = append(qv.Cites, citeOf(mn.Doc, quotes[i][j], ""))
				}
			}
		} else {
			qv.Cites = docCites(q.Sources)
		}
		speaker := strings.TrimSpace(q.Speaker)
		if speaker == "" || strings.EqualFold(speaker, quote.Unknown) {
			speaker = "Unattributed"
		}
		if i < quotesShown || len(q.Sources) > 1 {
			addQuote(&v.Speakers, shown, speaker, qv)
		} else {
			addQuote(&v.MoreSpeakers, more, speaker, qv)
			v.MoreQuotes++
		}
	}

	for _, e := range b.Timeline {
		ev := eventView{Date: e.Date, Label: dateLabel(e.Date), Text: e.Text, Cites: docCites(e.Sources)}
		if x := strings.TrimSpace(e.Expression); x != "" && !strings.EqualFold(x, e.Date) && !strings.EqualFold(x, ev.Label) {
			ev.Expression = x
		}
		if e.Date == "" {
			v.Undated = append(v.Undated, ev)
		} else {
			v.Timeline = append(v.Timeline, ev)
		}
	}
	// "2016" before "2016-09" before "2016-09-08".
	slices.SortStableFunc(v.Timeline, func(a, b eventView) int { return strings.Compare(a.Date, b.Date) })

	for _, dis := range b.Disagreements {
		dv := disagreementView{Topic: dis.Topic}
		for _, c := range dis.Claims {
			dv.Claims = append(dv.Claims, claimView{Value: c.Value, Text: c.Text, Cites: docCites(c.Sources)})
		}
		v.Disagreements = append(v.Disagreements, dv)
	}

	groups := []struct {
		t     precis.EntityType
		title string
	}{{precis.Person, "People"}, {precis.Organization, "Organisations"}, {precis.Place, "Places"}, {precis.Other, "Other names"}}
	for _, g := range groups {
		eg := entityGroup{Title: g.title}
		for _, e := range b.Entities {
			t := e.Type
			if t != precis.Person && t != precis.Organization && t != precis.Place {
				t = precis.Other
			}
			if t != g.t {
				continue
			}
			ev := entityView{Name: e.Name, Aliases: aliases(e.Name, e.Aliases), Mentions: e.Mentions, Articles: len(e.Sources)}
			var in []string
			for _, c := range docCites(e.Sources) {
				in = append(in, c.Label)
			}
			ev.In = strings.Join(in, ", ")
			if len(eg.Entities) < entitiesShown {
				eg.Entities = append(eg.Entities, ev)
			} else {
				eg.More = append(eg.More, ev)
			}
		}
		if len(eg.Entities) > 0 {
			v.Entities = append(v.Entities, eg)
		}
	}

	for _, f := range b.Shared {
		v.Shared = append(v.Shared, factView{Text: f.Text, Cites: docCites(f.Sources)})
	}

	coverage := map[string][]string{}
	for _, c := range b.Coverage {
		coverage[c.Doc] = append(coverage[c.Doc], c.Unique...)
	}
	for i := range all {
		dv := &docView{
			Num: i + 1, Anchor: fmt.Sprintf("doc-%d", i+1), Label: label(infos[i]), Info: infos[i],
			Coverage: coverage[all[i].ID], Missing: all[i].Text == "",
		}
		dv.Paras = paragraphs(all[i].Text, merged[i], i)
		v.Docs = append(v.Docs, dv)
	}
	return v
}

// How much of the long lists a brief page shows before a disclosure.
const (
	quotesShown   = 6 // besides every quote several articles carry
	entitiesShown = 8 // of each kind
)

// addQuote adds q to the group of speaker in groups, index mapping speakers to groups.
func addQuote(groups *[]speakerView, index map[string]int, speaker string, q statementView) {
	k, ok := index[speaker]
	if !ok {
		k = len(*groups)
		index[speaker] = k
		*groups = append(*groups, speakerView{Speaker: speaker})
	}
	(*groups)[k].Quotes = append((*groups)[k].Quotes, q)
}

// aliases drops the aliases that are only words of the name ("Sessions" of
// "Jeff Sessions"): the page shows the other names that say something.
func aliases(name string, all []string) []string {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		words[w] = true
	}
	var out []string
	for _, a := range all {
		part := true
		for _, w := range strings.Fields(strings.ToLower(a)) {
			part = part && words[w]
		}
		if !part {
			out = append(out, a)
		}
	}
	return out
}

// dateLabel writes an event's date for people: "2016", "September 2016", "8 September 2016".
func dateLabel(date string) string {
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, date); err == nil {
			if layout == "2006-01" {
				return t.Format("January 2006")
			}
			return t.Format("2 January 2006")
		}
	}
	return date
}

// label names a document in citations: its outlet, else its URL's host, else its id.
func label(info precis.DocumentInfo) string {
	if o := strings.TrimSpace(info.Outlet); o != "" {
		return o
	}
	if u, err := url.Parse(info.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	if info.ID != "" {
		return info.ID
	}
	return "article"
}

var paragraphBreak = regexp.MustCompile(`\n[ \t\r]*\n\s*`)

// paragraphs splits text at blank lines into runs, the merged spans of
// document d marked. A span across a paragraph break is marked in each
// paragraph, its anchor on the first piece.
func paragraphs(text string, marks []precis.Span, d int) [][]run {
	var paras [][]run
	placed := make([]bool, len(marks))
	start := 0
	bounds := paragraphBreak.FindAllStringIndex(text, -1)
	bounds = append(bounds, []int{len(text), len(text)})
	mi := 0
	for _, b := range bounds {
		pStart, pEnd := start, b[0]
		start = b[1]
		var runs []run
		pos := pStart
		for mi < len(marks) && marks[mi].End <= pStart {
			mi++
		}
		for k := mi; k < len(marks) && marks[k].Start < pEnd; k++ {
			mk := marks[k]
			s, e := max(mk.Start, pStart), min(mk.End, pEnd)
			if s > pos {
				runs = append(runs, run{Text: text[pos:s]})
			}
			r := run{Text: text[s:e], Mark: true}
			if !placed[k] { // the anchor goes on the first piece shown
				r.ID, placed[k] = markID(d, k), true
			}
			runs = append(runs, r)
			pos = e
		}
		if pos < pEnd {
			runs = append(runs, run{Text: text[pos:pEnd]})
		}
		if len(runs) > 0 && (strings.TrimSpace(text[pStart:pEnd]) != "" || hasAnchor(runs)) {
			paras = append(paras, runs)
		}
	}
	return paras
}

func hasAnchor(runs []run) bool {
	for _, r := range runs {
		if r.ID != "" {
			return true
		}
	}
	return false
}

// sortCites puts citations in the order of their articles' numbers, as the text
// output does; those of no known article (Num 0) go last, in their order.
func sortCites(cs []cite) {
	slices.SortStableFunc(cs, func(a, b cite) int {
		if (a.Num == 0) != (b.Num == 0) {
			return cmp.Compare(b.Num, a.Num) // only one is 0: it goes last
		}
		return cmp.Compare(a.Num, b.Num)
	})
}
