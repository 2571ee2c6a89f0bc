package disagree

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/entity"
	"github.com/precis-news/precis/token"
)

// nameValue is the value of a title or name slot.
type nameValue struct {
	// entity is the person a title belongs to, or the entity a name slot names.
	entity int
	// title is a person's title, normalised ("senior author"); past marks a
	// title held before ("former partner"), compared only with other past ones.
	title string
	past  bool
	// who names the entity, for the topic.
	who string
}

func (n nameValue) same(o nameValue) bool { return n == o }

func (n nameValue) agrees(o nameValue) bool {
	if n.title == "" && o.title == "" || n.title == o.title && n.entity != o.entity && !n.past && !o.past {
		return n.entity == o.entity // places; roles
	}
	return n.past != o.past || !titlesConflict(n.title, o.title)
}

// titles adds a slot for each title the documents give a person: the words
// before a name ("senior study author Dr. Samantha Hendren") and the appositive
// after it ("Samantha Hendren, an associate professor of surgery"). Only titles
// that can conflict with another (ranks, offices, authorship) are kept: a person
// has many titles ("lawyer", "special counsel", "executive vice president") that
// are all true at once.
func (st *story) titles(set *entity.Set) {
	c := st.c
	seen := make([]uint8, len(set.Entities)) // mentions read per entity in the document
	for d, ms := range set.Mentions {
		text := c.Docs[d].Text
		clear(seen)
		for _, m := range ms {
			// News gives a person's title where it first names them.
			if set.Type(m.Entity) != precis.Person || seen[m.Entity] == maxTitled {
				continue
			}
			seen[m.Entity]++
			several := len(set.Entities[m.Entity].Sources) > 1
			for _, t := range [2]title{titleBefore(text, m.Span), titleAfter(text, m.Span)} {
				if t.title == "" {
					continue
				}
				sent := st.sentenceAt(d, t.span.Start)
				if sent < 0 {
					continue
				}
				who := set.Entities[m.Entity].Name
				if several && ranked(t.title) {
					st.slots = append(st.slots, slot{sent: sent, doc: d, span: t.span, kind: titleSlot,
						name: nameValue{entity: m.Entity, title: t.title, past: t.past, who: who}, key: st.key("title:" + who)})
				}
				if t.qualified && !t.past && uniqueRole(t.title) {
					span := precis.Span{Start: t.span.Start, End: m.Span.End}
					st.slots = append(st.slots, slot{sent: sent, doc: d, span: span, kind: roleSlot,
						name: nameValue{entity: m.Entity, title: t.title, who: who}, key: st.key("role:" + t.title)})
				}
			}
		}
	}
}

// names adds a slot for each place the documents name: two outlets' near
// copies of one passage that name different places ("at a Logan Square day care",
// "at a Palmer Square day care") report the same fact differently.
func (st *story) names(set *entity.Set) {
	for d, ms := range set.Mentions {
		for _, m := range ms {
			if set.Type(m.Entity) != precis.Place {
				continue
			}
			sent := st.sentenceAt(d, m.Span.Start)
			if sent < 0 {
				continue
			}
			st.slots = append(st.slots, slot{sent: sent, doc: d, span: m.Span, kind: placeSlot,
				name: nameValue{entity: m.Entity, who: set.Entities[m.Entity].Name}, key: st.key("place")})
		}
	}
}

// uniqueRole reports a title that one person holds at a time, given with its
// organisation or place: "Bexar County Sheriff", "Kleiner Perkins chief executive".
func uniqueRole(title string) bool {
	f := strings.Fields(title)
	h, mods := head(f)
	if modifiers(mods) != "" {
		return false // "vice president", "deputy sheriff": there are several
	}
	switch h {
	case "sheriff", "mayor", "governor", "ceo", "chairman", "chairwoman", "president", "superintendent",
		"principal", "attorney general", "premier":
		return true
	case "executive", "minister", "chief":
		return len(f) > 1 && (f[len(f)-2] == "chief" || f[len(f)-2] == "prime" || f[len(f)-2] == "police")
	}
	return false
}

// sentenceAt returns the index of document d's sentence holding byte pos, or -1.
func (st *story) sentenceAt(d, pos int) int {
	first, end := st.c.DocSentences(d)
	lo, hi := first, end
	for lo < hi {
		m := (lo + hi) / 2
		if st.c.Sentences[m].Span.End <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && st.c.Sentences[lo].Span.Start <= pos {
		return lo
	}
	return -1
}

// A title read next to a name.
type title struct {
	span  precis.Span
	title string
	past  bool
	// qualified marks a title that names its organisation or place ("Bexar
	// County Sheriff"), so that it is one person's.
	qualified bool
}

// titleBefore reads the title written before a name, back to a function word,
// a verb of saying or punctuation: "senior study author Dr." before "Samantha
// Hendren", "Kenya Wildlife Service spokesman" before "Paul Udoto".
func titleBefore(text string, name precis.Span) title {
	var t title
	var words []string
	end := name.Start
	for len(words) < maxTitleWords {
		j := end
		if j < 2 || text[j-1] != ' ' {
			break
		}
		j--
		k := j
		for k > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:k])
			if !unicode.IsLetter(r) && r != '.' && r != '-' {
				break
			}
			k -= size
		}
		w := text[k:j]
		if dot := strings.TrimSuffix(w, "."); dot != w && !isAbbrev(dot) || strings.ContainsRune(dot, '.') || dot == "" {
			break
		}
		lw := lowerWord(strings.TrimSuffix(w, "."))
		if pastWords[lw] {
			t.past = true
			break
		}
		if token.IsStop(lw) || speechVerbs[lw] || !titleWord(lw) && (unicode.IsLower(firstRune(w)) || openers[lw] && opensSentence(text, k)) {
			break
		}
		if !titleWord(lw) {
			t.qualified = true
		}
		words = append(words, lw)
		end = k
	}
	if len(words) == 0 {
		return t
	}
	for a, b := 0, len(words)-1; a < b; a, b = a+1, b-1 {
		words[a], words[b] = words[b], words[a]
	}
	t.title = normalTitle(words)
	t.span = precis.Span{Start: end, End: name.Start - 1}
	// The span leaves out honorifics next to the name: "senior study author", not "… Dr.".
	for k := len(words) - 1; k >= 0 && abbreviations[words[k]] == "" && isAbbrev(words[k]); k-- {
		i := strings.LastIndexByte(text[t.span.Start:t.span.End], ' ')
		if i < 0 {
			return title{}
		}
		t.span.End = t.span.Start + i
	}
	return t
}

// openers are words that open sentences, capitalised there, and never part of a
// title: "Although Shell Chief Ben van Beurden …".
var openers = map[string]bool{
	"although": true, "though": true, "while": true, "whereas": true, "meanwhile": true, "however": true,
	"still": true, "yet": true, "also": true, "then": true, "now": true, "today": true, "instead": true,
	"earlier": true, "later": true, "last": true, "next": true, "even": true, "indeed": true, "unlike": true,
}

// opensSentence reports whether the word at i opens a sentence or a line.
func opensSentence(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"' || text[j-1] == '(') {
		j--
	}
	if j == 0 || text[j-1] == '\n' {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	return r == '.' || r == '!' || r == '?' || r == '“' || r == ':'
}

// titleAfter reads an appositive title: ", an associate professor of surgery at",
// ", the former partner who".
func titleAfter(text string, name precis.Span) title {
	var t title
	if !strings.HasPrefix(text[name.End:], ", ") {
		return t
	}
	var words []string
	for pos := name.End + 2; len(words) < maxTitleWords && pos < len(text); {
		j := pos
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '-' {
				break
			}
			j += size
		}
		if j == pos {
			break
		}
		lw := lowerWord(text[pos:j])
		switch {
		case len(words) == 0 && !t.past && (lw == "a" || lw == "an" || lw == "the"):
		case pastWords[lw]:
			t.past = true
		case token.IsStop(lw) || !titleWord(lw):
			j = len(text) // the title ends before "of", "at", "who", "with"
		default:
			if len(words) == 0 {
				t.span.Start = pos
			}
			words = append(words, lw)
			t.span.End = j
		}
		if j >= len(text) || text[j] != ' ' {
			break
		}
		pos = j + 1
	}
	if len(words) == 0 {
		return title{}
	}
	t.title = normalTitle(words)
	return t
}

const maxTitleWords = 5

// maxTitled is how many mentions of a person per document are read for a title.
const maxTitled = 2

// pastWords mark a title held before.
var pastWords = map[string]bool{"former": true, "ex": true, "then": true, "late": true, "onetime": true, "retired": true}

// speechVerbs end a title read backwards: "said senior author".
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "according": true, "added": true, "noted": true, "explained": true, "wrote": true}

func isAbbrev(w string) bool {
	_, ok := abbreviations[strings.ToLower(strings.TrimSuffix(w, "."))]
	return ok
}

// titleWord reports a lower-case word that may belong to a title.
func titleWord(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 {
		return titleWord(w[:i]) && titleWord(w[i+1:]) // "attorney-general", "vice-president"
	}
	if _, ok := abbreviations[w]; ok {
		return true
	}
	if rankOf(w) != "" || titleHeads[w] || titleModifiers[w] {
		return true
	}
	switch w {
	case "study", "general", "executive", "chief", "junior", "staff", "police", "state", "district", "county", "city", "press", "communications", "senior", "managing", "lead", "first", "last", "co", "foreign", "national", "security", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "surgery", "medicine", "acting", "interim":
		return true
	}
	return false
}

// abbreviations of titles, and their long forms.
var abbreviations = map[string]string{
	"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
	"sgt": "sergeant", "capt": "captain", "cmdr": "commander", "cpl": "corporal", "pvt": "private",
	"maj": "major", "col": "colonel", "det": "detective", "prof": "professor", "atty": "attorney",
	"supt": "superintendent", "insp": "inspector", "dr": "", "mr": "", "mrs": "", "ms": "",
	"congressman": "representative", "congresswoman": "representative",
}

// normalTitle writes a title's words in one form: lower case, hyphens as
// spaces, abbreviations spelled out, honorifics dropped ("Attorney-General" and
// "attorney general"; "Sen." and "senator").
func normalTitle(words []string) string {
	var out []string
	for _, w := range words {
		for _, part := range strings.Split(w, "-") {
			part = strings.Trim(part, ".")
			if long, ok := abbreviations[part]; ok {
				part = long
			}
			if part != "" {
				out = append(out, part)
			}
		}
	}
	return strings.Join(out, " ")
}

// Title families: two titles conflict only within one.
var (
	// titleHeads take rank modifiers: a "deputy attorney general" is no attorney
	// general, an "associate professor" no professor.
	titleHeads = map[string]bool{
		"president": true, "director": true, "secretary": true, "attorney": true, "chief": true, "manager": true,
		"editor": true, "professor": true, "minister": true, "commissioner": true, "administrator": true,
		"counsel": true, "superintendent": true, "principal": true, "chairman": true, "chairwoman": true,
		"chair": true, "sheriff": true, "governor": true, "mayor": true, "author": true, "partner": true,
		"associate": true, "senator": true, "representative": true, "delegate": true,
	}
	titleModifiers = map[string]bool{"vice": true, "deputy": true, "assistant": true, "associate": true, "lead": true, "senior": true, "first": true, "last": true, "co": true, "junior": true, "lieutenant": true}
	// ranks of armed and police forces, in order; two different ones conflict.
	ranks = []string{"private", "corporal", "sergeant", "detective", "lieutenant", "captain", "major", "colonel", "commander", "general", "admiral"}
)

func rankOf(w string) string {
	for _, r := range ranks {
		if w == r {
			return r
		}
	}
	return ""
}

// ranked reports whether a normalised title can conflict with another.
func ranked(title string) bool {
	f := strings.Fields(title)
	if len(f) == 0 {
		return false
	}
	h, _ := head(f)
	return rank(f) != "" || titleHeads[h] || strings.HasSuffix(h, " general")
}

// titlesConflict reports two normalised titles that one person cannot hold at
// once: different ranks ("sergeant", "lieutenant"), offices ("senator",
// "representative"), positions in a firm ("partner", "associate"), or one head
// with different rank modifiers ("lead author" and "senior author", "deputy
// attorney general" and "attorney general", "vice president" and "president").
// Titles outside these families never conflict.
func titlesConflict(a, b string) bool {
	if a == b {
		return false
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if ra, rb := rank(fa), rank(fb); ra != "" && rb != "" {
		return ra != rb
	}
	ha, ma := head(fa)
	hb, mb := head(fb)
	office := func(h string) bool { return h == "senator" || h == "representative" || h == "delegate" }
	firm := func(h string) bool { return h == "partner" || h == "associate" }
	switch {
	case office(ha) && office(hb), firm(ha) && firm(hb) && len(fa) == 1 && len(fb) == 1:
		return ha != hb
	case ha != hb || !titleHeads[ha] && !strings.HasSuffix(ha, " general"):
		return false
	}
	return modifiers(ma) != modifiers(mb)
}

// head splits a title into its head and the words before it: "attorney general"
// and ["deputy"] for "deputy attorney general", "author" and ["study", "lead"].
func head(f []string) (string, []string) {
	n := len(f)
	if n > 1 && f[n-1] == "general" && rankOf(f[n-2]) == "" {
		return f[n-2] + " general", f[:n-2]
	}
	return f[n-1], f[:n-1]
}

// rank returns the rank a title ends with, compound ranks whole ("lieutenant
// colonel"). A rank word before another head is no rank: "attorney general",
// "lieutenant governor".
func rank(f []string) string {
	n := len(f)
	if rankOf(f[n-1]) == "" || f[n-1] == "general" && n > 1 && rankOf(f[n-2]) == "" {
		return ""
	}
	if n > 1 && rankOf(f[n-2]) != "" {
		return f[n-2] + " " + f[n-1]
	}
	return f[n-1]
}

// modifiers returns the rank modifiers of a title, as one word: "lead" for "study
// lead author", "" for "author". "first" is "lead", "last" is "senior".
func modifiers(f []string) string {
	var m []string
	for _, w := range f {
		if !titleModifiers[w] || w == "junior" {
			continue
		}
		switch w {
		case "first":
			w = "lead"
		case "last":
			w = "senior"
		}
		if len(m) == 0 || m[len(m)-1] != w {
			m = append(m, w)
		}
	}
	return strings.Join(m, " ")
}
