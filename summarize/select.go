package summarize

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/similarity"
)

// Selection holds what every algorithm shares: which sentences may be chosen,
// how much a sentence gains from being carried by several documents or loses
// from not standing alone, and when a sentence repeats the summary.
type Selection struct {
	// MinWords and MaxWords bound the length of a chosen sentence: shorter ones
	// are captions, labels and fragments; longer ones are run-ons the splitter missed.
	MinWords, MaxWords int
	// Redundancy is the cosine with a chosen sentence at or above which a sentence
	// says the same thing and is never chosen.
	Redundancy float64
	// Novelty is the least share (0..1) of a sentence's squared TF-IDF weight that
	// the summary must not already cover for the sentence to be chosen.
	Novelty float64
	// Support is how much a sentence gains from being carried by other documents:
	// its prior is multiplied by 1 + Support × (documents carrying it − 1) / (documents − 1).
	Support float64
	// Dependent multiplies the prior of a sentence that cannot stand alone: one that
	// opens with a connective ("But", "However") or a pronoun ("He", "It", "This"),
	// a question, a quotation fragment, a sentence starting in lower case.
	Dependent float64
	// Quotation multiplies the prior of a sentence that opens with a quotation mark:
	// a quote reads less well as a summary's statement than reported speech.
	Quotation float64
	// Position is the lead bias of news: the prior of the sentence of rank r among its
	// document's allowed sentences (from 0) is multiplied by (1 + r)^−Position.
	// 0 leaves position out.
	Position float64
}

// DefaultSelection returns the shared defaults.
func DefaultSelection() Selection {
	return Selection{MinWords: 8, MaxWords: 55, Redundancy: 0.3, Novelty: 0.3, Support: 2, Dependent: 0.4, Quotation: 0.8}
}

// Standalone returns how well sentence i of c reads on its own, in the summary
// of a story: 0 for page furniture and fragments that must never be chosen
// (too short or long, no ending punctuation, links, labels, all capitals), less
// than 1 for a sentence that depends on what came before it, 1 otherwise.
func (s Selection) Standalone(c *corpus.Corpus, i int) float64 {
	text := c.Sentences[i].Text
	w := c.Words[i]
	if w < s.MinWords || (s.MaxWords > 0 && w > s.MaxWords) || len(c.Terms[i]) < 3 {
		return 0
	}
	if furniture(text) {
		return 0
	}
	f := 1.0
	first, _ := utf8.DecodeRuneInString(text)
	switch {
	case unicode.IsLower(first):
		f *= s.Dependent * s.Dependent
	case isQuote(first):
		f *= s.Quotation
	}
	last := strings.TrimRightFunc(text, func(r rune) bool { return isQuote(r) || r == ')' || r == ']' })
	switch {
	case strings.HasSuffix(last, "?"):
		f *= s.Dependent
	case strings.HasSuffix(last, ":") || strings.HasSuffix(last, ","):
		return 0
	case !strings.HasSuffix(last, ".") && !strings.HasSuffix(last, "!") && !strings.HasSuffix(last, "…"):
		return 0 // headlines, captions, datelines and lists have no closing punctuation
	}
	if unbalancedQuotes(text) {
		f *= s.Dependent
	}
	if opener := firstWord(text); dependentOpeners[opener] {
		f *= s.Dependent
	}
	if caption(text) {
		f *= s.Dependent
	}
	return f
}

// caption reports a sentence that reads like a photo caption: one that ends with
// a full date, or has within its first words a present-tense verb of posing
// ("A woman waves the flag during…", "Sessions speaks in front of…"), the tense
// captions use and news text does not, and no reported speech.
func caption(text string) bool {
	if endsWithDate(text) {
		return true
	}
	words := strings.Fields(text)
	if len(words) > 10 {
		words = words[:10]
	}
	for k, w := range words {
		w = strings.ToLower(strings.Trim(w, ",.;:"))
		if w == "said" || w == "says" {
			return false
		}
		if k > 0 && captionVerbs[w] {
			return !strings.Contains(text, " said") && !strings.Contains(text, " says")
		}
	}
	return false
}

// endsWithDate reports text ending with the full date that ends agency photo
// captions ("… in Los Angeles on Tuesday, Jan. 24, 2017."); news sentences rarely
// end with a year. It reads backwards from the end: year, ", ", day, month.
func endsWithDate(text string) bool {
	t := strings.TrimRight(text, ".\"”')] ")
	if len(t) < 12 {
		return false
	}
	year := t[len(t)-4:]
	if !(strings.HasPrefix(year, "19") || strings.HasPrefix(year, "20")) || !digits(year) {
		return false
	}
	t = t[:len(t)-4]
	if !strings.HasSuffix(t, ", ") {
		return false
	}
	t = t[:len(t)-2]
	k := len(t)
	for k > 0 && k > len(t)-2 && t[k-1] >= '0' && t[k-1] <= '9' {
		k--
	}
	if k == len(t) || k == 0 || t[k-1] != ' ' {
		return false
	}
	t = strings.TrimSuffix(t[:k-1], ".")
	w := strings.LastIndexByte(t, ' ')
	month := strings.ToLower(t[w+1:])
	return months[month]
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var months = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec`) {
		months[m] = true
	}
}

var captionVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`waves speaks sits stands looks walks arrives gestures poses listens
		attends holds smiles leaves departs greets shakes addresses reacts delivers pauses watches`) {
		captionVerbs[w] = true
	}
}

// prior returns, per sentence, Standalone × the support factor: the weight every
// algorithm multiplies its own score or gain by. Zero means never chosen.
// When no sentence qualifies, every sentence with content gets 1, so that text
// without the usual punctuation still yields a summary.
func (s Selection) prior(c *corpus.Corpus) []float64 {
	p := make([]float64, len(c.Sentences))
	any := false
	n := len(c.Docs)
	for i := range p {
		p[i] = s.Standalone(c, i)
		if p[i] > 0 && n > 1 {
			p[i] *= 1 + s.Support*float64(c.Support[i]-1)/float64(n-1)
		}
		any = any || p[i] > 0
	}
	if s.Position != 0 {
		for d := range c.Docs {
			first, end := c.DocSentences(d)
			r := 0
			for i := first; i < end; i++ {
				if p[i] > 0 {
					p[i] *= math.Pow(float64(1+r), -s.Position)
					r++
				}
			}
		}
	}
	if !any {
		for i := range p {
			if len(c.Terms[i]) > 0 {
				p[i] = 1
			}
		}
	}
	return p
}

// furniture reports text that is page furniture rather than news: links, e-mail
// addresses, copyright lines, calls to action, labels such as "Photo:".
func furniture(text string) bool {
	lower := strings.ToLower(text)
	for _, m := range furnitureMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	runes, letters, upper := 0, 0, 0
	for _, r := range text {
		runes++
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters*3 < runes || upper*10 > letters*6 {
		return true // tables, numbers, ALL CAPS
	}
	// A label: one or two words and a colon ("Photo:", "Read more:", "Credit:").
	if k := strings.IndexByte(text, ':'); k > 0 && k < 20 {
		if words := strings.Fields(lower[:k]); len(words) <= 2 && labels[strings.Join(words, " ")] {
			return true
		}
	}
	return false
}

var furnitureMarks = []string{
	"http://", "https://", "www.", ".com/", "@", "©", "(c) 20", "copyright", "all rights reserved",
	"click here", "sign up", "subscribe", "newsletter", "cookie", "javascript", "advertisement",
	"follow us", "share this", "read more", "related:", "comments", "log in", "terms of use", "privacy policy",
	"getty images", "(ap photo", "ap photo/", "reuters/", "afp/", "photo by", "photograph:", "image copyright",
}

var labels = map[string]bool{
	"photo": true, "photos": true, "image": true, "images": true, "credit": true, "caption": true,
	"source": true, "related": true, "read more": true, "watch": true, "video": true, "listen": true,
	"file photo": true, "advertisement": true, "editor's note": true, "update": true, "updated": true,
}

// dependentOpeners are first words that leave a sentence hanging on the one before.
var dependentOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`but and or nor so yet however also still meanwhile instead
		besides moreover furthermore further then thus therefore nonetheless nevertheless otherwise
		hence accordingly likewise similarly indeed again additionally anyway
		he she it they this that these those his her its their him them we i you such there
		here both another other others later earlier afterward afterwards`) {
		dependentOpeners[w] = true
	}
}

func firstWord(text string) string {
	end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if end < 0 {
		end = len(text)
	}
	return strings.ToLower(text[:end])
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»':
		return true
	}
	return false
}

// unbalancedQuotes reports a sentence that opens or closes a quotation it does
// not finish: a fragment of a longer quote.
func unbalancedQuotes(text string) bool {
	straight := strings.Count(text, `"`)
	return straight%2 == 1 || strings.Count(text, "“") != strings.Count(text, "”")
}

// picker builds a summary one sentence at a time, refusing sentences that do not
// fit the budget, are not allowed by their prior, or repeat the summary.
type picker struct {
	c       *corpus.Corpus
	sel     Selection
	b       Budget
	prior   []float64
	chosen  []int
	words   int
	covered []bool // covered[t]: a chosen sentence has term t
	minW    int    // the fewest words of an allowed sentence
}

func newPicker(c *corpus.Corpus, sel Selection, b Budget) *picker {
	p := &picker{c: c, sel: sel, b: b, prior: sel.prior(c), covered: make([]bool, len(c.Vocab)), minW: 1 << 30}
	for i, x := range p.prior {
		if x > 0 {
			p.minW = min(p.minW, c.Words[i])
		}
	}
	return p
}

// allowed reports whether the prior allows sentence i at all.
func (p *picker) allowed(i int) bool { return p.prior[i] > 0 }

// full reports whether no allowed sentence can fit any more.
func (p *picker) full() bool { return !p.b.fits(p.words, len(p.chosen), p.minW) }

// fits reports whether sentence i fits what is left of the budget.
func (p *picker) fits(i int) bool { return p.b.fits(p.words, len(p.chosen), p.c.Words[i]) }

// ok reports whether sentence i may join the summary now: allowed, fitting, new.
func (p *picker) ok(i int) bool {
	return p.prior[i] > 0 && p.fits(i) && !p.redundant(i)
}

// redundant reports whether sentence i says what the summary already says.
func (p *picker) redundant(i int) bool {
	v := p.c.Vectors[i]
	for _, j := range p.chosen {
		if j == i || similarity.Dot(v, p.c.Vectors[j]) >= p.sel.Redundancy {
			return true
		}
	}
	if p.sel.Novelty > 0 && len(p.chosen) > 0 {
		fresh := 0.0
		for k, t := range v.Terms {
			if !p.covered[t] {
				fresh += float64(v.Weights[k]) * float64(v.Weights[k])
			}
		}
		if fresh < p.sel.Novelty {
			return true
		}
	}
	return false
}

func (p *picker) add(i int) {
	p.chosen = append(p.chosen, i)
	p.words += p.c.Words[i]
	for _, t := range p.c.Vectors[i].Terms {
		p.covered[t] = true
	}
}

// ranked fills the summary from sentences ranked by score × prior, best first,
// skipping those that do not fit or repeat the summary, and returns it in reading order.
func (p *picker) ranked(score []float64) []int {
	weighted := make([]float64, len(score))
	for i, s := range score {
		weighted[i] = s * p.prior[i]
	}
	return p.rankedBy(weighted)
}

// rankedBy fills the summary from the allowed sentences ranked by score, best
// first (the earlier sentence on ties), skipping those that do not fit or repeat
// the summary, and returns it in reading order.
func (p *picker) rankedBy(score []float64) []int {
	type cand struct {
		i int
		s float64
	}
	cands := make([]cand, 0, len(score))
	for i, s := range score {
		if p.prior[i] > 0 {
			cands = append(cands, cand{i, s})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.s, a.s); c != 0 {
			return c
		}
		return a.i - b.i
	})
	for _, x := range cands {
		if p.full() {
			break
		}
		if p.ok(x.i) {
			p.add(x.i)
		}
	}
	return order(p.c, p.chosen, p.allowed)
}

// documentOrder returns the documents by publication time, unknown times after
// known ones, the input order breaking ties.
func documentOrder(docs []precis.Document) []int {
	order := make([]int, len(docs))
	for d := range order {
		order[d] = d
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, tb := docs[a].Published, docs[b].Published
		switch {
		case ta.IsZero() && tb.IsZero():
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return ta.Compare(tb)
	})
	return order
}
