// Package quote finds the direct quotations of a story's documents, with their speakers,
// and merges the same quotation across outlets.
//
// A quotation is text between quotation marks of any style (straight, curly, AP “…”,
// «…», single marks where they cannot be apostrophes), including passages that run over
// several paragraphs. Its speaker comes from the attribution around it ("…," Sessions
// said; said spokeswoman Sarah Isgur Flores; Sessions said: "…"; according to …; a
// transcript's "COHEN:"), from a pronoun that points back to the person last named, from
// a role noun that points back to the person named with that role ("the sheriff"), from
// the quotation just before it, or from the sentence before it; a heading or a bracketed
// link takes a speaker from its own words only. Names become the canonical names of
// package entity ("Flores" → "Sarah Isgur Flores"); a speaker described by role keeps the
// description ("an anonymous senior Senate Armed Services Committee staffer"). When
// nothing attributes a quotation its speaker is "unknown".
//
// Scare quotes are not quotations: quoted text of fewer than four words ("fake news",
// "scam"), or a title (every word capitalised, no sentence punctuation), is left out unless
// a speech verb attributes it directly ("No," he said; said: "Never.").
package quote

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/entity"
)

// Unknown is the speaker of a quotation that nothing attributes.
const Unknown = "unknown"

// Extract returns the quotations of the story, each with all the documents that carry it:
// the most widely carried first. ents may be nil, in which case Extract finds the
// entities itself.
func Extract(c *corpus.Corpus, ents *entity.Set) []precis.Quote {
	if ents == nil {
		ents = entity.Find(c)
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	var all []found
	for d := range c.Docs {
		all = append(all, findDoc(c, ents, d, sc)...)
	}
	return merge(c, all)
}

// scratch holds the tokens attributions read, kept between calls: nothing Extract
// returns points into it.
type scratch struct {
	toks []tok
	conv [][]tok
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (sc *scratch) release() {
	clear(sc.toks) // drop the strings
	clear(sc.conv)
	sc.toks, sc.conv = sc.toks[:0], sc.conv[:0]
	scratchPool.Put(sc)
}

// found is one quotation in one document.
type found struct {
	doc     int
	span    precis.Span
	lines   [2]int // the line breaks of the document before span.Start and before span.End
	text    string
	speaker string
	words   []uint64 // hashes of its words, in order: see wordHashes
	// evidence weighs how the speaker was found: 3 an attribution of its own, 2 the
	// quotation before it, 1 the sentence before it.
	evidence int
}

// pronouns that can point back to a speaker, with the gender they imply.
var pronouns = map[string]entity.Gender{"he": entity.Male, "she": entity.Female}

// npBreaks end a speaker's noun phrase.
var npBreaks = set(`of for in at on during after before while when who whom which that to as and but with from
since because adding according about into over under than then also later earlier last this
on told said says via by through though although if whether where`)

// skippable words stand between a speaker and the verb: "Flores still claimed".
var skippable = set(`also still later then again once previously repeatedly reportedly however had has
have would will could had already further finally simply just only quickly recently
was were is are`)

// naming verbs introduce names and titles more often than speech: "called "Block Together"".
var naming = set(`called calling`)

// passive marks a verb whose subject did not speak: "he was called a …".
var passive = set(`was were is are be been being`)

// determiners open a described speaker: "a senior committee staffer".
var determiners = set(`a an the one another two three several some many his her their its our`)

// docQuotes finds the quotations of one document.
type docQuotes struct {
	c     *corpus.Corpus
	ents  *entity.Set
	doc   int
	text  string
	sents []precis.Sentence
	segs  []segment
	// conv caches the attribution tokens of each sentence, built on first use in sc.
	conv [][]tok
	sc   *scratch
	// breaks holds the offsets of the text's line breaks, after -1; built on first use (lines).
	breaks []int
}

// sentenceAt returns the index of the last sentence that starts at or before pos, or 0.
func (x *docQuotes) sentenceAt(pos int) int {
	k, _ := slices.BinarySearchFunc(x.sents, pos+1, func(s precis.Sentence, p int) int { return cmp.Compare(s.Span.Start, p) })
	return max(k-1, 0)
}

// sentenceTokens returns sentence k's tokens as attributions read them.
func (x *docQuotes) sentenceTokens(k int) []tok {
	if x.conv[k] == nil {
		start := len(x.sc.toks)
		x.sc.toks = convert(x.sc.toks, x.text, x.sents[k].Tokens)
		x.conv[k] = x.sc.toks[start:len(x.sc.toks):len(x.sc.toks)]
	}
	return x.conv[k]
}

// window returns the tokens that lie inside text[start:end]: a part of one sentence's
// tokens when the range lies in one sentence, else a new slice.
func (x *docQuotes) window(start, end int) []tok {
	if len(x.sents) == 0 || start >= end {
		return nil
	}
	var out []tok
	for k := x.sentenceAt(start); k < len(x.sents) && x.sents[k].Span.Start < end; k++ {
		ts := x.sentenceTokens(k)
		i, _ := slices.BinarySearchFunc(ts, start, func(t tok, p int) int { return cmp.Compare(t.span.Start, p) })
		j := i
		for j < len(ts) && ts[j].span.End <= end {
			j++
		}
		if out == nil && (x.sents[k].Span.End >= end || k+1 == len(x.sents)) {
			return ts[i:j:j] // the usual case: one sentence, no copy
		}
		out = append(out, ts[i:j]...)
	}
	return out
}

func findDoc(c *corpus.Corpus, ents *entity.Set, d int, sc *scratch) []found {
	x := &docQuotes{c: c, ents: ents, doc: d, text: c.Docs[d].Text}
	x.segs = segments(x.text)
	if len(x.segs) == 0 {
		return nil
	}
	if d+1 < len(c.First) {
		x.sents = c.Sentences[c.First[d]:c.First[d+1]]
	}
	x.sc = sc
	clear(sc.conv)
	sc.conv = slices.Grow(sc.conv[:0], len(x.sents))[:len(x.sents)]
	x.conv = sc.conv
	var out []found
	prevSpeaker, prevEnd := "", -1
	for i := range x.segs {
		s := &x.segs[i]
		text := s.text(x.text)
		ws := wordHashes(nil, text)
		if len(ws) == 0 || s.close.Len() == 0 && len(ws) > 300 {
			continue
		}
		speaker, direct := x.attribute(i)
		evidence := 3
		// A heading (a subhead, a link to another story) stands apart from the text
		// around it: only its own words attribute it, and its short quotations are terms.
		short := fewerWords(text, 4) || isTitle(text)
		if short && (!direct || x.heading(s)) {
			s.term = true
			continue // a scare quote, a term or a title
		}
		heading := speaker == "" && x.heading(s)
		if !heading && speaker == "" {
			speaker, evidence = x.turn(s.open.Start), 2
		}
		if !heading && speaker == "" && prevSpeaker != "" && prevEnd >= 0 && prevEnd <= s.open.Start && !strings.ContainsAny(x.text[prevEnd:s.open.Start], ".!?\n") {
			speaker, evidence = prevSpeaker, 2 // the same sentence: "…," saying that Cosby was "…"
		}
		if !heading && speaker == "" && prevSpeaker != "" && x.continues(prevEnd, s.open.Start, prevSpeaker) {
			speaker, evidence = prevSpeaker, 2
		}
		if !heading && speaker == "" {
			speaker, evidence = x.fromPrevious(s.open.Start), 1
		}
		if speaker == "" {
			speaker = Unknown
		} else {
			speaker = dropCredentials(speaker)
			prevSpeaker = speaker
		}
		prevEnd = max(s.close.End, s.span().End)
		sp := s.span()
		out = append(out, found{doc: d, span: sp, lines: [2]int{x.lines(sp.Start), x.lines(sp.End)}, text: text, speaker: speaker, words: ws, evidence: evidence})
	}
	return out
}

// heading reports whether a quotation stands in a line that reads as a heading: one
// that does not end as sentences do (a subhead: 'Kameron was a ball of energy'), or
// one in brackets (a link: [That one was definitely alive: An undercover video …]).
func (x *docQuotes) heading(s *segment) bool {
	start := lineStart(x.text, max(0, s.open.Start-2000), s.open.Start)
	end := lineEnd(x.text, s.open.Start, min(len(x.text), s.span().End+2000))
	if end < s.span().End {
		return false // a quotation of several paragraphs
	}
	line := strings.TrimSpace(x.text[start:end])
	if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
		return true
	}
	line = strings.TrimRight(line, "\"'”’»)] ")
	r, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".!?:;,…—-", r)
}

// fewerWords reports whether s has fewer than n words (runs of non-space
// characters, as precis.CountWords counts them), reading no further than it must.
func fewerWords(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			if words++; words >= n {
				return false
			}
		}
		in = !space
	}
	return true
}

// isTitle reports whether quoted text reads as a title or a name: every longer word
// capitalised and no sentence punctuation.
func isTitle(text string) bool {
	text = strings.TrimRight(text, ".,")
	if strings.ContainsAny(text, ".,;:!?") {
		return false
	}
	n := 0
	for _, w := range strings.Fields(text) {
		r := []rune(w)
		if len(r) >= 4 {
			if !isUpper(r[0]) {
				return false
			}
			n++
		}
	}
	return n > 0 && len(strings.Fields(text)) <= 8
}

func isUpper(r rune) bool {
	return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// attribute finds the speaker of segment i from the words after and before it.
// direct reports a speech verb right beside the quotation, which makes even a short
// quotation a real one.
func (x *docQuotes) attribute(i int) (speaker string, direct bool) {
	s := &x.segs[i]
	after := x.after(i)
	sp, at, ok := x.afterVerb(after)
	direct = ok && at <= 6 && x.attached(s) && x.opensClause(s)
	if sp != "" {
		return sp, direct
	}
	// "…," he said with no one for "he", or "As you were saying": the words before
	// may still name the speaker.
	sp, adj := x.attributeBefore(s, i, after)
	return sp, direct || adj
}

// attributeBefore finds the speaker of segment i when the words after it name none.
func (x *docQuotes) attributeBefore(s *segment, i int, after []tok) (speaker string, direct bool) {
	before := x.before(i)
	if sp := x.transcript(before); sp != "" {
		return sp, true
	}
	if sp, ok, adj := x.beforeVerb(before); ok {
		return sp, adj
	}
	if sp, ok := x.according(after); ok {
		return sp, false
	}
	if sp, ok := x.according(before); ok {
		return sp, false
	}
	// "…," Flores. — a name alone after the quotation; or a person's name signing it
	// ("… go up and down." Dr. Sripal Bangalore).
	if len(after) > 0 && len(after) <= 4 && allCapitalised(after) {
		if x.attached(s) {
			if sp := x.resolve(after, after[0].span.Start); sp != "" {
				return sp, false
			}
		} else if m, ok := x.ents.At(x.doc, after[len(after)-1].span.Start); ok && x.ents.Entities[m.Entity].Type == precis.Person {
			return x.ents.Entities[m.Entity].Name, false
		}
	}
	if sp := x.signature(s); sp != "" {
		return sp, false
	}
	// "…," compared to …, Crotty Alexander said.
	if sp, ok := x.afterClause(after); ok {
		return sp, false
	}
	return "", false
}

// signature reads the signature of an embedded post after a quotation on its line:
// "…" — Alp Ozcelik (@alplicable) August 17, 2016.
func (x *docQuotes) signature(s *segment) string {
	start := max(s.close.End, s.span().End)
	// The signature follows within a few words (a wider gap ends the line):
	// reading no further keeps a long line from being read once per quotation.
	line := x.text[start:lineEnd(x.text, start, min(len(x.text), start+200))]
	rest := strings.TrimLeft(line, " ")
	dash := ""
	for _, d := range []string{"—", "–", "-"} {
		if strings.HasPrefix(rest, d) {
			dash = d
		}
	}
	at := strings.Index(rest, "(@")
	if dash == "" || at < 0 || at > 80 {
		return ""
	}
	from := start + len(line) - len(rest) + len(dash)
	name := strings.Trim(x.text[from:from+at-len(dash)], " ()")
	if name == "" || !isUpper([]rune(name)[0]) {
		return ""
	}
	off := from + strings.Index(x.text[from:], name)
	if m, ok := x.ents.At(x.doc, off+len(name)-1); ok && x.ents.Entities[m.Entity].Type == precis.Person {
		return x.ents.Entities[m.Entity].Name
	}
	return name
}

// credentials follow a name without being part of it: "Jeffery Ian Ross Ph.D.".
var credentials = []string{"Ph.D.", "PhD", "M.D.", "MD", "Esq.", "D.D.S.", "R.N."}

// dropCredentials removes academic and professional letters after a name.
func dropCredentials(name string) string {
	for _, c := range credentials {
		if rest, ok := strings.CutSuffix(name, c); ok && (strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, ", ")) {
			if rest = strings.TrimRight(rest, " ,"); rest != "" {
				return rest
			}
		}
	}
	return name
}

func allCapitalised(ts []tok) bool {
	for _, t := range ts {
		if t.word && !t.cap {
			return false
		}
	}
	return true
}

// afterClause reads an attribution that follows a clause after the quotation:
// "…," compared to MRSA that had not been exposed, Crotty Alexander said.
func (x *docQuotes) afterClause(ts []tok) (string, bool) {
	for k := 1; k < len(ts); k++ {
		if ts[k].lower != "," {
			continue
		}
		if sp, _, ok := x.afterVerb(ts[k:]); ok {
			return sp, true
		}
	}
	return "", false
}

// opensClause reports whether a quotation opens a sentence or a clause, as a short
// quotation must to be one ("No comment," he said), and not stand inside a phrase
// (a "Christian-centred global movement", she added).
func (x *docQuotes) opensClause(s *segment) bool {
	before := strings.TrimRight(x.text[:s.open.Start], " \t")
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?:;,(—–-\n", r)
}

// transcript reads a transcript's speaker label: a paragraph that opens with a person's
// name and a colon (COHEN: "…", Keilar: "…"). A label that names no person (ON
// LEADERSHIP: "…") attributes nothing.
func (x *docQuotes) transcript(ts []tok) string {
	if len(ts) < 2 || len(ts) > 5 || ts[len(ts)-1].lower != ":" {
		return ""
	}
	if start := ts[0].span.Start; start > 0 && x.text[start-1] != '\n' {
		return ""
	}
	name := ts[:len(ts)-1]
	if !allCapitalised(name) || !hasWord(name) {
		return ""
	}
	m, ok := x.ents.At(x.doc, name[len(name)-1].span.Start)
	if !ok && len(name) == 1 {
		return x.byInitials(name[0]) // "MD: …" in an interview with Matt Damon
	}
	if !ok || x.ents.Entities[m.Entity].Type != precis.Person {
		return ""
	}
	return x.ents.Entities[m.Entity].Name
}

// byInitials returns the one person of the document whose name's initials a word of
// two or three capitals spells ("PT" for Peter Travers), or "".
func (x *docQuotes) byInitials(t tok) string {
	w := t.span.Of(x.text)
	if len(w) < 2 || len(w) > 3 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return ""
	}
	found := -1
	for _, m := range x.ents.Mentions[x.doc] {
		e := &x.ents.Entities[m.Entity]
		if e.Type != precis.Person || m.Entity == found {
			continue
		}
		f := strings.Fields(e.Name)
		if len(f) != len(w) {
			continue
		}
		match := true
		for k := range f {
			match = match && f[k][0] == w[k]
		}
		if match {
			if found >= 0 {
				return "" // two people share the initials
			}
			found = m.Entity
		}
	}
	if found < 0 {
		return ""
	}
	return x.ents.Entities[found].Name
}

// turn returns the speaker of the transcript turn a quotation at pos stands in: the
// person its paragraph's label names ("MD: … you say, "…""), or "".
// lines returns the number of line breaks in the text before pos.
func (x *docQuotes) lines(pos int) int {
	if x.breaks == nil {
		x.breaks = []int{-1} // a virtual break before the text
		for k, b := range []byte(x.text) {
			if b == '\n' {
				x.breaks = append(x.breaks, k)
			}
		}
	}
	k, _ := slices.BinarySearch(x.breaks, pos)
	return k - 1
}

func (x *docQuotes) turn(pos int) string {
	start := x.breaks[x.lines(pos)] + 1 // after the last line break before pos
	colon := strings.IndexByte(x.text[start:min(pos, start+41)], ':')
	if colon < 0 || colon > 40 {
		return ""
	}
	ts := x.window(start, start+colon+1)
	if len(ts) == 0 || ts[0].span.Start != start {
		return ""
	}
	return x.transcript(ts)
}

// attached reports whether a quotation ends the way attributed ones do: with a comma,
// question or exclamation mark inside or right after the closing mark.
func (x *docQuotes) attached(s *segment) bool {
	inner := strings.TrimSpace(s.span().Of(x.text))
	if strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") || strings.HasSuffix(inner, "—") {
		return true
	}
	end := s.close.End
	return end > 0 && end < len(x.text) && x.text[end] == ','
}

// after returns the words from the end of segment i to the end of its sentence, or of
// the next sentence when the quotation closes its own ("…?" Sessions asked.).
func (x *docQuotes) after(i int) []tok {
	s := &x.segs[i]
	start := max(s.close.End, s.span().End)
	if len(x.sents) == 0 || start >= len(x.text) {
		return nil
	}
	limit := len(x.text)
	if i+1 < len(x.segs) {
		limit = x.segs[i+1].open.Start
	}
	limit = lineEnd(x.text, start, limit)
	k := x.sentenceAt(start - 1)
	end := min(limit, x.sents[k].Span.End)
	ts := x.window(start, end)
	if !hasWord(ts) && k+1 < len(x.sents) && x.sents[k+1].Span.Start < limit {
		ts = x.window(start, min(limit, x.sents[k+1].Span.End))
	}
	for k, t := range ts {
		if k > 0 && (t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == ";") || k > 30 {
			return ts[:k]
		}
	}
	return ts
}

// before returns the words of the sentence that leads to segment i.
func (x *docQuotes) before(i int) []tok {
	const maxBefore = 2000
	s := &x.segs[i]
	end := s.open.Start
	if len(x.sents) == 0 || end == 0 {
		return nil
	}
	start := x.sents[x.sentenceAt(end)].Span.Start
	for j := i - 1; j >= 0; j-- {
		if !x.segs[j].term {
			start = max(start, x.segs[j].close.End, x.segs[j].span().End)
			break
		}
	}
	// Only the last 41 words count (below), which a sentence holds within
	// maxBefore bytes: reading no further keeps a sentence without end (one
	// long paragraph of quotations) from being read once per quotation.
	start = lineStart(x.text, max(start, end-maxBefore), end)
	if start >= end {
		return nil
	}
	ts := x.window(start, end)
	for k := len(ts) - 1; k >= 0; k-- {
		t := ts[k]
		if (t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == ";") && k < len(ts)-1 {
			return ts[k+1:]
		}
		if len(ts)-k > 40 {
			return ts[k:]
		}
	}
	return ts
}

// lineEnd returns the first line break or wide gap (two spaces or a tab: the seam of
// scraped fragments) in text[start:limit], or limit.
func lineEnd(text string, start, limit int) int {
	s := text[start:limit]
	end := len(s)
	if k := strings.IndexByte(s, '\n'); k >= 0 {
		end = k
	}
	if k := strings.IndexByte(s[:end], '\t'); k >= 0 {
		end = k
	}
	if k := strings.Index(s[:end], "  "); k >= 0 {
		end = k
	}
	return start + end
}

// lineStart returns the position after the last line break or wide gap in
// text[start:end], or start.
func lineStart(text string, start, end int) int {
	s := text[start:end]
	from := strings.LastIndexByte(s, '\n') + 1
	if k := strings.LastIndexByte(s[from:], '\t'); k >= 0 {
		from += k + 1
	}
	if k := strings.LastIndex(s[from:], "  "); k >= 0 {
		from += k + 2
	}
	return start + from
}

func hasWord(ts []tok) bool {
	for i := range ts {
		if ts[i].word {
			return true
		}
	}
	return false
}

// afterVerb reads "…," Sessions said / "…," said Sessions. at is the position of the verb.
func (x *docQuotes) afterVerb(ts []tok) (speaker string, at int, ok bool) {
	for len(ts) > 0 && !ts[0].word && ts[0].lower != "(" {
		ts = ts[1:] // the comma after the quotation
	}
	if len(ts) == 0 {
		return "", 0, false
	}
	ok, w := speechAt(ts, 0)
	if !ok && openers[ts[0].lower] && len(ts) > 1 && ts[1].cap {
		ok, w = true, 1 // "…," began Key.
	}
	if ok {
		if strings.HasSuffix(ts[0].lower, "ing") {
			return "", 0, false // "…," saying that …: the speaker is the sentence's subject
		}
		np := nounAfter(ts[w:])
		if len(np) == 0 {
			return "", 0, false
		}
		// "said the lead author, Dr. Sripal Bangalore, an associate professor"
		if rest := ts[w+len(np):]; !x.isName(np) && len(rest) > 1 && rest[0].lower == "," {
			if name := nounAfter(rest[1:]); x.isName(name) && allCapitalised(name) {
				return x.resolve(name, ts[0].span.Start), 0, true
			}
		}
		return x.resolve(np, ts[0].span.Start), 0, true // "" when a pronoun points nowhere
	}
	depth := 0
	for k, t := range ts {
		switch {
		case t.lower == "(":
			depth++
			continue
		case t.lower == ")":
			depth--
			continue
		case depth > 0:
			continue
		case t.lower == "," && k > 0 && allCapitalised(ts[:k]):
			// "…," Del Harvey, Twitter's vice president of trust and safety, said.
			for j := k + 1; j < len(ts) && j < k+20; j++ {
				if ts[j].lower == "," && j+1 < len(ts) && isSpeech(ts, j+1) {
					return x.resolve(ts[:k], ts[j+1].span.Start), j + 1, true
				}
			}
			return "", 0, false
		case !t.word:
			return "", 0, false
		case k > 0 && isSpeech(ts, k):
			return x.resolve(trimNP(subjectBefore(ts[:k])), t.span.Start), k, true
		case k >= 12 || !t.cap && npBreaks[t.lower] && !determiners[t.lower]:
			return "", 0, false
		}
	}
	return "", 0, false
}

// beforeVerb reads Sessions said: "…" / Flores stated that … "…". adj reports a verb
// right before the quotation.
func (x *docQuotes) beforeVerb(ts []tok) (speaker string, ok, adj bool) {
	v, vw := -1, 0
	for k := len(ts) - 1; k >= 0; k-- {
		ok, w := speechAt(ts, k)
		switch {
		case !ok || k > 0 && passive[ts[k-1].lower] && !strings.HasSuffix(ts[k].lower, "ing"):
			// "was declared a "…"", but "Melquan's former coach is saying".
		case k+w < len(ts) && ts[k+w].lower == "as" && !objectFronted(ts[:k]):
			// "Suspect described as '…'": its subject is described, not speaking; but
			// "what the paper described as '…'".
		case instructs(ts, k):
			// "Stubits told her to download an app that '…'": an order, not the source.
		default:
			v, vw = k, w
		}
		if v >= 0 {
			break
		}
	}
	if v < 0 {
		return "", false, false
	}
	rest := ts[v+vw:]
	// "as reported in MODERN in 2012, "…"", "as reported by the Post": the source.
	if v > 0 && ts[v-1].lower == "as" && len(rest) > 1 && (rest[0].lower == "in" || rest[0].lower == "by") {
		if np := nounAfter(rest[1:]); len(np) > 0 {
			if sp := x.resolve(np, ts[v].span.Start); sp != "" {
				return sp, true, false
			}
		}
	}
	// "Asked by TV3's Duncan Garner, "…"": the one who asks.
	if ts[v].lower == "asked" && len(rest) > 1 && rest[0].lower == "by" {
		if np := nounAfter(rest[1:]); len(np) > 0 && x.isName(np) {
			if sp := x.resolve(np, ts[v].span.Start); sp != "" {
				return sp, true, false
			}
		}
	}
	// "…, adding "…"", "went on Twitter to ask Nutter to "…"": a participle or an
	// infinitive speaks with the subject of its clause.
	if v > 0 && (ts[v-1].lower == "to" || ts[v-1].lower == "," && strings.HasSuffix(ts[v].lower, "ing")) {
		adj := len(rest) == 0 || len(rest) == 1 && (rest[0].lower == ":" || rest[0].lower == ",")
		if sp, ok, _ := x.beforeVerb(ts[:v-1]); ok {
			return sp, true, adj
		}
		if np := trimNP(firstNP(skipOpening(ts[:v-1]))); len(np) > 0 {
			// "Twitter users are now spamming Cohen, replying "…"": a described
			// subject too.
			if sp := x.resolve(np, ts[v].span.Start); sp != "" && (x.isName(np) || !np[len(np)-1].cap) {
				return sp, true, adj
			}
		}
	}
	adj = len(rest) == 0 || len(rest) == 1 && (rest[0].lower == ":" || rest[0].lower == ",")
	adj = adj && !naming[ts[v].lower]
	// "…, said Sessions: "…""
	if np := nounAfter(rest); len(np) > 0 && np[0].cap && len(rest) == len(np)+1 && (rest[len(np)].lower == ":" || rest[len(np)].lower == ",") {
		if sp := x.resolve(np, ts[v].span.Start); sp != "" && x.isName(np) {
			return sp, true, adj
		}
	}
	np := trimNP(subjectBefore(ts[:v]))
	if len(np) == 0 && v > 1 && ts[v-1].lower == "and" {
		// "When he came out and said, "…"": the subject of the first verb.
		for j := v - 2; j >= 0 && j >= v-8 && ts[j].word; j-- {
			if pronouns[ts[j].lower] != entity.Unknown || ts[j].cap && j > 0 {
				np = trimNP(subjectBefore(ts[:j+1]))
				break
			}
		}
	}
	if sp := x.resolve(np, ts[v].span.Start); sp != "" {
		return sp, true, adj
	}
	// "Sessions confirmed the meeting, but said:" — the subject opens the sentence.
	if np := trimNP(firstNP(skipOpening(ts[:v]))); x.isName(np) {
		if sp := x.resolve(np, ts[v].span.Start); sp != "" {
			return sp, true, adj
		}
	}
	return "", false, false
}

// according reads "according to the Post".
func (x *docQuotes) according(ts []tok) (string, bool) {
	for k := 0; k+2 < len(ts); k++ {
		if ts[k].lower == "according" && ts[k+1].lower == "to" {
			if sp := x.resolve(nounAfter(ts[k+2:]), ts[k].span.Start); sp != "" {
				return sp, true
			}
		}
	}
	return "", false
}

// nounAfter returns the noun phrase that opens ts.
func nounAfter(ts []tok) []tok {
	k := 0
	for k < len(ts) && k < 12 {
		t := ts[k]
		if !t.word {
			break
		}
		if k > 0 && !t.cap && auxiliaries[t.lower] {
			break // "according to the report has …"
		}
		if !t.cap && npBreaks[t.lower] && !determiners[t.lower] {
			// "a spokesman for the company"
			if (t.lower == "for" || t.lower == "of") && k > 0 && !ts[k-1].cap {
				k++
				continue
			}
			break
		}
		k++
	}
	return ts[:k]
}

// subjectBefore returns the noun phrase that ends right before a verb at len(ts),
// past adverbs ("Flores still claimed") and a bracket ("Pelosi (D-Calif.) said").
func subjectBefore(ts []tok) []tok {
	end := len(ts)
	for end > 0 && ts[end-1].word && (skippable[ts[end-1].lower] || adverb(ts, end-1)) {
		end--
	}
	if end > 0 && ts[end-1].lower == ")" {
		for end > 0 && ts[end-1].lower != "(" {
			end--
		}
		end--
	}
	// "Arias' attorney, Gail Glick, said": the name of an apposition; "Maria Morales, a
	// counselor at the school, said": the name before it.
	if end > 1 && ts[end-1].lower == "," {
		for j := end - 2; j > 0 && j >= end-14; j-- {
			if ts[j].lower != "," {
				continue
			}
			if app := ts[j+1 : end-1]; len(app) > 0 && app[0].cap && !determiners[app[0].lower] && allCapitalised(app) {
				return app
			}
			return subjectBefore(ts[:j])
		}
	}
	if end <= 0 || !ts[end-1].word {
		return nil
	}
	if pronouns[ts[end-1].lower] != entity.Unknown {
		return ts[end-1 : end] // "When he said": the pronoun alone
	}
	// "a White House official, who said", "one list that said": the relative
	// pronoun's antecedent.
	if relative[ts[end-1].lower] && end >= 2 {
		if ts[end-2].lower == "," {
			return subjectBefore(ts[:end-2])
		}
		if ts[end-2].word {
			return subjectBefore(ts[:end-1])
		}
	}
	start := end
	for start > 0 && end-start < 12 {
		t := ts[start-1]
		if !t.word {
			break
		}
		if determiners[t.lower] && !t.cap || t.cap && determiners[t.lower] {
			start--
			// "Clark Davis, an Occupy LA organizer, who said": the name the description follows.
			if start > 1 && ts[start-1].lower == "," && ts[start-2].word && ts[start-2].cap {
				name := subjectBefore(ts[:start-1])
				k := len(name)
				for k > 0 && name[k-1].cap {
					k--
				}
				if k < len(name) {
					return name[k:]
				}
			}
			break
		}
		if pronouns[t.lower] != entity.Unknown && start < end {
			break // "part of what he called": the pronoun is the subject
		}
		if !t.cap && (npBreaks[t.lower] || speechVerbs[t.lower] || t.lower == "what") {
			if (t.lower == "for" || t.lower == "of") && start < end && (!ts[start].cap || start >= 2 && personRoles[ts[start-2].lower]) {
				start-- // "a spokesman for the company", "a spokesperson for Spacey"
				continue
			}
			break
		}
		start--
	}
	return ts[start:end]
}

// auxiliaries end a noun phrase that a verb follows.
var auxiliaries = set(`has have had is are was were will would could should can may might does did`)

// relative pronouns stand between a subject and its verb: "one list that said".
var relative = set(`who which that`)

// firstNP returns the noun phrase that opens a sentence.
func firstNP(ts []tok) []tok {
	for len(ts) > 0 && (!ts[0].word || npBreaks[ts[0].lower] || skippable[ts[0].lower]) {
		ts = ts[1:]
	}
	k := 0
	for k < len(ts) && k < 8 && ts[k].word {
		t := ts[k]
		// "Sessions confirmed": a name ends where a lower-case word follows it, unless
		// the phrase opened with a determiner ("a Tyson worker") or a possessive.
		described := determiners[ts[0].lower]
		// "Twitter users", "Trump supporters": a name then a group noun is one phrase.
		group := roleNouns[t.lower] && k+1 < len(ts) && !ts[k+1].cap
		if k > 0 && !t.cap && (npBreaks[t.lower] || speechVerbs[t.lower] || skippable[t.lower] || ts[k-1].cap && !determiners[ts[k-1].lower] && !possessive(ts[k-1]) && !described && !group) {
			break
		}
		k++
	}
	return ts[:k]
}

// objectFronted reports whether a relative pronoun stands just before a verb's subject,
// so that the verb's object comes before it: "what the paper described as".
func objectFronted(ts []tok) bool {
	for k := len(ts) - 1; k >= 0 && k >= len(ts)-4; k-- {
		switch ts[k].lower {
		case "what", "which", "whom", "that":
			return true
		}
	}
	return false
}

// skipOpening passes over a phrase that opens a sentence before its subject: "On
// Sunday night, …", "In a statement, …".
func skipOpening(ts []tok) []tok {
	if len(ts) == 0 || !ts[0].word {
		return ts
	}
	// "Pressed by host Chris Wallace, …", "Speaking to reporters, …"
	participle := len(ts[0].lower) > 4 && (strings.HasSuffix(ts[0].lower, "ed") || strings.HasSuffix(ts[0].lower, "ing"))
	if !prepositions[ts[0].lower] && ts[0].lower != "after" && !participle {
		return ts
	}
	for k := 1; k < len(ts) && k < 16; k++ {
		if ts[k].lower == "," {
			return ts[k+1:]
		}
	}
	return ts
}

// openers report speech only inverted after a quotation: "…," began Key.
var openers = set(`began begins started starts continued interjected`)

// adverb reports whether ts[k] is an adverb between a subject and its verb: a
// lower-case word in -ly after a name or a pronoun ("Merritt adamantly denied").
func adverb(ts []tok, k int) bool {
	t := ts[k]
	if t.cap || len(t.lower) < 5 || !strings.HasSuffix(t.lower, "ly") || k == 0 {
		return false
	}
	p := ts[k-1]
	return p.word && (p.cap && !determiners[p.lower] || pronouns[p.lower] != entity.Unknown || p.lower == "they")
}

// possessive reports whether a word ends with a possessive: "Trump's", "Sessions'".
func possessive(t tok) bool {
	return strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "s'")
}

// isSpeech reports whether ts[k] reports speech.
func isSpeech(ts []tok, k int) bool {
	ok, _ := speechAt(ts, k)
	return ok
}

// instructs reports whether the verb at k gives an order rather than a source: "told
// her to download", "asked them to leave".
func instructs(ts []tok, k int) bool {
	if !ordering[ts[k].lower] {
		return false
	}
	for j := k + 1; j < len(ts) && j <= k+8; j++ {
		if !ts[j].word {
			return false
		}
		if ts[j].lower == "to" && j+1 < len(ts) && ts[j+1].word && !ts[j+1].cap && !determiners[ts[j+1].lower] {
			return true
		}
		if ts[j].lower == "to" && j+1 == len(ts) {
			return false // "asked Nutter to "remember …"": the quotation is what was asked
		}
	}
	return false
}

// ordering verbs take an object and an infinitive when they give an order.
var ordering = set(`told tells tell asked asks ask urged urges ordered orders instructed encouraged advised warned`)

// trimNP drops conjunctions and adverbs that open a noun phrase.
func trimNP(ts []tok) []tok {
	for len(ts) > 0 && (ts[0].lower == "but" || ts[0].lower == "and" || ts[0].lower == "so" || skippable[ts[0].lower]) {
		ts = ts[1:]
	}
	return ts
}

// isName reports whether the phrase is a proper name (its last word capitalised).
func (x *docQuotes) isName(np []tok) bool {
	var last *tok
	for k := range np {
		if !np[k].word {
			break
		}
		last = &np[k]
	}
	return last != nil && last.cap
}

// resolve turns a speaker's noun phrase into a name: the canonical name of the entity it
// ends with, the person a pronoun points back to, or the description as written.
func (x *docQuotes) resolve(np []tok, at int) string {
	np = trimNP(np)
	for len(np) > 0 && (!np[len(np)-1].word || timeWords[np[len(np)-1].lower]) {
		np = np[:len(np)-1] // "Duncan Garner Friday"
	}
	if len(np) == 0 {
		return ""
	}
	last := np[len(np)-1]
	if len(np) > 1 && speakerless[last.lower] {
		return "" // "As you were saying"
	}
	if len(np) == 1 {
		if g, ok := pronouns[last.lower]; ok {
			return x.pronoun(at, g)
		}
		switch last.lower {
		case "it":
			// "which it described as": the organisation last named as a subject.
			return x.lastNamed(at, precis.Organization)
		case "i", "we", "they", "you", "him", "her", "them", "me", "us", "this", "that", "there", "who", "which":
			return ""
		}
	}
	span := precis.Span{Start: np[0].span.Start, End: last.span.End}
	for k := 1; k+1 < len(np); k++ {
		if (np[k].lower == "for" || np[k].lower == "of") && personRoles[np[k-1].lower] && determiners[np[0].lower] {
			// "a spokesperson for Spacey": not Spacey.
			return strings.Join(strings.Fields(span.Of(x.text)), " ")
		}
	}
	if m, ok := x.ents.At(x.doc, last.span.Start); ok {
		return x.ents.Entities[m.Entity].Name
	}
	if len(np) <= 7 && (np[0].lower == "the" || possessive(np[0]) || ownerPronouns[np[0].lower]) && personRoles[last.lower] {
		// "the sheriff said": the person the document named with that role.
		if sp := x.roleHolder(last.lower, at); sp != "" {
			return sp
		}
	}
	// "Yellin's Instagram page explains": a page or a statement speaks for its owner.
	if !last.cap && media[last.lower] {
		for k := len(np) - 2; k >= 0; k-- {
			if possessive(np[k]) {
				if m, ok := x.ents.At(x.doc, np[k].span.Start); ok {
					return x.ents.Entities[m.Entity].Name
				}
				break
			}
		}
	}
	if !last.cap && orgNouns[last.lower] {
		// "the Trinity Elite Titans football team": the organisation it names (the head
		// noun says it is one whatever type the name was given).
		for k := len(np) - 2; k >= 0; k-- {
			if m, ok := x.ents.At(x.doc, np[k].span.Start); ok && x.ents.Entities[m.Entity].Type != precis.Person && x.ents.Entities[m.Entity].Type != precis.Place {
				return x.ents.Entities[m.Entity].Name
			}
		}
	}
	if len(np) == 2 && np[0].lower == "the" && orgNouns[last.lower] {
		// "the company says": the organisation last named.
		if sp := x.lastNamed(at, precis.Organization); sp != "" {
			return sp
		}
	}
	if !last.cap {
		// A described speaker: "a senior committee staffer", "police".
		if !determiners[np[0].lower] && len(np) == 1 && !roleNouns[last.lower] {
			return ""
		}
		return strings.Join(strings.Fields(span.Of(x.text)), " ")
	}
	if len(np) == 1 {
		if sp := x.byInitials(last); sp != "" {
			return sp
		}
	}
	// An unknown name: drop leading titles.
	for len(np) > 1 && titleWords[np[0].lower] {
		np = np[1:]
	}
	return strings.Join(strings.Fields(precis.Span{Start: np[0].span.Start, End: last.span.End}.Of(x.text)), " ")
}

// speakerless pronouns end no speaker's noun phrase: "As you were saying".
var speakerless = set(`i we you they me us them`)

// ownerPronouns open a role that points back to someone named: "his attorney".
var ownerPronouns = set(`his her their`)

// media are what a person writes or posts: "Yellin's Instagram page", "his statement".
var media = set(`page website site account post tweet blog statement letter note book memoir video
message column essay profile feed channel`)

// timeWords end a noun phrase without being part of it: "asked by Duncan Garner Friday".
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
january february march april june july august september october november december`)

// roleHolder returns the person last named before at with a role: a title or
// description before the name ("Bexar County Sheriff Javier Salazar", "Melquan's former
// football coach, Don Clark") or an apposition after it ("Maria Morales, a counselor at
// the school"). It returns "" when the document names no one so.
func (x *docQuotes) roleHolder(role string, at int) string {
	ms := x.ents.Mentions[x.doc]
	k, _ := slices.BinarySearchFunc(ms, at, func(m entity.Mention, at int) int { return cmp.Compare(m.Span.Start, at) })
	for k--; k >= 0 && at-ms[k].Span.Start < 5000; k-- {
		m := ms[k]
		if x.ents.Entities[m.Entity].Type != precis.Person || x.inQuote(m.Span.Start) {
			continue
		}
		if x.hasRole(m.Span, role) {
			return x.ents.Entities[m.Entity].Name
		}
	}
	return ""
}

// hasRole reports whether the words around a mention of a person give it a role. It
// reads the corpus's own tokens: it runs for many mentions.
func (x *docQuotes) hasRole(span precis.Span, role string) bool {
	ts := x.sents[x.sentenceAt(span.Start)].Tokens
	is := func(t *precis.Token) bool {
		return t.Lower == role || strings.HasSuffix(t.Lower, "-"+role)
	}
	i, _ := slices.BinarySearchFunc(ts, span.Start, func(t precis.Token, p int) int { return cmp.Compare(t.Span.Start, p) })
	k := i - 1
	if k >= 0 && ts[k].Text == "," {
		k-- // "former football coach, Don Clark"
	}
	for n := 0; k >= 0 && n < 6; k, n = k-1, n+1 {
		t := &ts[k]
		if t.Text == "." && k > 0 && abbrevs[ts[k-1].Lower] {
			continue // "Dr."
		}
		if t.Kind == precis.Punct || !startsUpper(t.Text) && (npBreaks[t.Lower] || speechVerbs[t.Lower]) {
			break
		}
		if m, ok := x.ents.At(x.doc, t.Span.Start); ok && x.ents.Entities[m.Entity].Type == precis.Person {
			break // another person's name
		}
		if is(t) {
			return true
		}
	}
	j, _ := slices.BinarySearchFunc(ts, span.End, func(t precis.Token, p int) int { return cmp.Compare(t.Span.Start, p) })
	if j+1 < len(ts) && ts[j].Text == "," {
		for _, t := range ts[j+1 : min(len(ts), j+10)] {
			if t.Kind == precis.Punct {
				break
			}
			if is(&t) {
				return true
			}
		}
	}
	return false
}

// personRoles are the nouns by which a story refers back to a person it has named.
var personRoles = set(`sheriff chief officer deputy detective investigator prosecutor judge attorney lawyer
spokesman spokeswoman spokesperson teacher principal counselor coach doctor physician nurse surgeon
author researcher scientist professor director president chairman chairwoman executive founder
owner manager host anchor reporter correspondent editor governor mayor senator congressman
congresswoman lawmaker secretary minister ambassador commissioner superintendent pastor priest
bishop father mother wife husband son daughter brother sister widow neighbor neighbour friend
plaintiff defendant suspect victim witness actor actress singer star player captain quarterback
official analyst economist expert adviser advisor aide leader`)

// roleNouns may speak without an article: "police said".
var roleNouns = set(`police officials authorities investigators prosecutors researchers scientists
witnesses experts sources officers critics residents neighbors neighbours doctors officials
protesters protestors demonstrators onlookers crowds fans students parents supporters opponents
activists workers employees organizers organisers analysts lawmakers democrats republicans
users voters readers viewers commenters members`)

var titleWords = set(`mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. president senator
governor judge spokesman spokeswoman spokesperson`)

// orgNouns stand for an organisation named before: "the company said".
var orgNouns = set(`company firm agency network newspaper paper magazine team club department ministry
university school hospital organization organisation league studio group station`)

// lastNamed returns the entity of type typ last named before at, outside quotations.
func (x *docQuotes) lastNamed(at int, typ precis.EntityType) string {
	ms := x.ents.Mentions[x.doc]
	k, _ := slices.BinarySearchFunc(ms, at, func(m entity.Mention, at int) int { return cmp.Compare(m.Span.Start, at) })
	for k--; k >= 0; k-- {
		if m := ms[k]; x.ents.Entities[m.Entity].Type == typ && !x.inQuote(m.Span.Start) {
			return x.ents.Entities[m.Entity].Name
		}
	}
	return ""
}

// pronoun returns the person a pronoun at byte at points back to: in the nearest
// sentence (the pronoun's own, before it, then the ones before, up to 1500 bytes) that
// names a person outside quotations whose gender does not contradict the pronoun's, the
// first one known to have the pronoun's gender and in subject position, else the first
// in subject position, else the first.
func (x *docQuotes) pronoun(at int, g entity.Gender) string {
	if len(x.sents) == 0 {
		return ""
	}
	ms := x.ents.Mentions[x.doc]
	last := x.sentenceAt(at)
	for k := last; k >= 0 && at-x.sents[k].Span.End < 1500; k-- {
		start, end := x.sents[k].Span.Start, x.sents[k].Span.End
		if k == last {
			end = at
		}
		i, _ := slices.BinarySearchFunc(ms, start, func(m entity.Mention, p int) int { return cmp.Compare(m.Span.Start, p) })
		best, bestScore := "", 0
		for ; i < len(ms) && ms[i].Span.Start < end; i++ {
			m := ms[i]
			if x.ents.Entities[m.Entity].Type != precis.Person || x.inQuote(m.Span.Start) {
				continue
			}
			mg := x.ents.Genders[m.Entity]
			if tg := x.titleGender(m.Span.Start); tg != entity.Unknown {
				mg = tg // "Mrs McConville": whatever her given name suggests
			}
			if mg != entity.Unknown && mg != g {
				continue
			}
			if i+1 < len(ms) && x.modifies(m, ms[i+1]) {
				continue // "Donald Trump aide Michael Cohen": the aide is the one meant
			}
			score := 1
			if x.subject(m.Span) {
				score += 1
			}
			if mg == g {
				score += 2
			}
			if k == last && relativeTo(x.text[m.Span.End:at]) {
				continue // "his sister Mirella, who he once told MODERN was …": not her
			}
			if k == last && score < 2 {
				// In the pronoun's own sentence a name in a phrase is seldom the
				// pronoun's antecedent ("Of her plan to skip Super Bowl ads, she said").
				continue
			}
			if score > bestScore {
				best, bestScore = x.ents.Entities[m.Entity].Name, score
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// relativeTo reports whether the words between a name and a pronoun's verb open a
// relative clause about the name whose subject is the pronoun: ", who he once".
func relativeTo(between string) bool {
	f := strings.Fields(strings.TrimLeft(between, " ,"))
	if len(f) == 0 || len(f) > 4 || !relative[f[0]] && f[0] != "whom" {
		return false
	}
	for _, w := range f[1:] {
		if pronouns[w] == entity.Unknown && !skippable[w] {
			return false
		}
	}
	return true
}

// titleGender returns the gender a courtesy title right before a mention at pos gives:
// "Mr Adams", "Mrs. McConville".
func (x *docQuotes) titleGender(pos int) entity.Gender {
	before := strings.TrimRight(x.text[max(0, pos-6):pos], " ")
	before = strings.TrimSuffix(before, ".")
	k := strings.LastIndexAny(before, " \n\t(\"“") + 1
	switch before[k:] {
	case "Mr":
		return entity.Male
	case "Mrs", "Ms", "Miss":
		return entity.Female
	}
	return entity.Unknown
}

// modifies reports whether person mention m only qualifies the next mention n: the
// words between them are a role ("Donald Trump aide Michael Cohen", "Clinton campaign
// manager Robby Mook").
func (x *docQuotes) modifies(m, n entity.Mention) bool {
	if x.ents.Entities[n.Entity].Type != precis.Person || n.Span.Start <= m.Span.End || n.Span.Start-m.Span.End > 40 {
		return false
	}
	words := strings.Fields(x.text[m.Span.End:n.Span.Start])
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !isLowerWord(w) || npBreaks[w] || speechVerbs[w] {
			return false
		}
	}
	last := words[len(words)-1]
	return personRoles[last] || titleWords[last]
}

// isLowerWord reports whether w is a word of lower-case ASCII letters and hyphens.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return w != ""
}

// subject reports whether a mention stands where a subject does: not after a
// preposition ("talking about Cosby") and not a possessive.
func (x *docQuotes) subject(s precis.Span) bool {
	if rest := x.text[s.End:]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		return false
	}
	if len(x.sents) == 0 {
		return true
	}
	// The corpus's own tokens, not converted ones: this runs for every candidate.
	k := x.sentenceAt(s.Start)
	ts := x.sents[k].Tokens
	i, _ := slices.BinarySearchFunc(ts, s.Start, func(t precis.Token, p int) int { return cmp.Compare(t.Span.Start, p) })
	for i--; i >= 0 && ts[i].Kind != precis.Punct && determiners[ts[i].Lower]; i-- {
		// "of the Tea Party"
	}
	if i < 0 {
		return true
	}
	return ts[i].Kind == precis.Punct || !prepositions[ts[i].Lower]
}

var prepositions = set(`about with to by for of against from at in on into over under after before than like
between among toward towards without`)

func (x *docQuotes) inQuote(pos int) bool {
	// Segments are in text order and do not overlap: the last one opening at or
	// before pos is the only one that can hold it.
	k, _ := slices.BinarySearchFunc(x.segs, pos+1, func(s segment, p int) int { return cmp.Compare(s.open.Start, p) })
	if k == 0 {
		return false
	}
	s := &x.segs[k-1]
	return pos < max(s.close.End, s.span().End)
}

// continues reports whether an unattributed quotation at pos goes on from the speaker
// of the quotation that ended at prevEnd: nothing between them names anyone else.
func (x *docQuotes) continues(prevEnd, pos int, speaker string) bool {
	if prevEnd < 0 || pos < prevEnd {
		return false
	}
	gap := x.text[prevEnd:pos]
	if strings.Count(gap, "\n") > 2 || len(strings.Fields(gap)) > 40 {
		return false
	}
	// The previous quotation's own sentence is its attribution ("…," said Mark
	// McDonald, spokesman for Mayor Nutter.): the names there do not interrupt.
	from := prevEnd
	if len(x.sents) > 0 {
		from = min(pos, max(prevEnd, x.sents[x.sentenceAt(prevEnd-1)].Span.End))
	}
	for _, m := range x.ents.In(x.doc, precis.Span{Start: from, End: pos}) {
		e := x.ents.Entities[m.Entity]
		if e.Type == precis.Person && e.Name != speaker {
			return false
		}
	}
	return true
}

// fromPrevious takes the speaker from the sentence before a quotation that opens a
// sentence: its speech verb's subject, or the person it opens with.
func (x *docQuotes) fromPrevious(pos int) string {
	if len(x.sents) == 0 {
		return ""
	}
	start := max(0, pos-600)
	prefix := x.text[start:pos]
	trimmed := strings.TrimRight(prefix, " \t\r\n")
	if trimmed == "" || !strings.ContainsAny(trimmed[len(trimmed)-1:], ".:!?") {
		return "" // the quotation does not open a sentence
	}
	end := start + len(trimmed)
	// The sentence that ends there, or the part of it before a colon's quotation.
	ts := x.window(lineStart(x.text, max(start, x.sents[x.sentenceAt(end-1)].Span.Start), end), end)
	// the last sentence before the quotation
	k := len(ts) - 1
	for k > 0 {
		t := ts[k-1]
		if (t.lower == "." || t.lower == "!" || t.lower == "?") || strings.Contains(x.text[t.span.End:ts[k].span.Start], "\n") {
			break
		}
		k--
	}
	sent := ts[k:]
	for _, t := range sent {
		if x.inQuote(t.span.Start) {
			return ""
		}
	}
	if sp, ok, _ := x.beforeVerb(sent); ok {
		return sp
	}
	np := firstNP(sent)
	if len(np) > 0 {
		ms := x.ents.In(x.doc, precis.Span{Start: np[0].span.Start, End: np[len(np)-1].span.End})
		if len(ms) > 0 && x.ents.Entities[ms[0].Entity].Type == precis.Person {
			return x.ents.Entities[ms[0].Entity].Name
		}
	}
	return ""
}
