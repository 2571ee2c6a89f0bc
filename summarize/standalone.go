package summarize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/date"
	"github.com/precis-news/precis/internal/phrases"
)

// Standalone returns how well sentence i of c reads on its own, in the summary
// of a story: 0 for page furniture and fragments that must never be chosen
// (too short or long, no ending punctuation, links, labels, all capitals), less
// than 1 for a sentence with Flaws (× Dependent for each kind of flaw, once more
// for a lower-case start), × Quotation for a sentence that opens with a
// quotation mark, 1 otherwise. It reads the sentence without its dateline
// (c.Body), as the summary shows it.
func (s Selection) Standalone(c *corpus.Corpus, i int) float64 {
	f, _ := s.standalone(c, i)
	return f
}

// standalone returns Standalone and the sentence's Flaws.
func (s Selection) standalone(c *corpus.Corpus, i int) (float64, Flaw) {
	f, flaws, _ := s.standaloneParts(c, i)
	return f, flaws
}

// standaloneParts returns Standalone, the sentence's Flaws, and Standalone
// without the penalties of its flaws: what the sentence is worth where
// something else mends them (a passage, see passages).
func (s Selection) standaloneParts(c *corpus.Corpus, i int) (float64, Flaw, float64) {
	text := c.BodyText(i)
	w := c.Words[i]
	if w < s.MinWords || (s.MaxWords > 0 && w > s.MaxWords) || len(c.Terms[i]) < 3 {
		return 0, 0, 0
	}
	if furniture(text) {
		return 0, 0, 0
	}
	last := strings.TrimRightFunc(text, func(r rune) bool { return isQuote(r) || r == ')' || r == ']' })
	if strings.HasSuffix(last, ":") || strings.HasSuffix(last, ",") ||
		!strings.HasSuffix(last, ".") && !strings.HasSuffix(last, "!") && !strings.HasSuffix(last, "?") && !strings.HasSuffix(last, "…") {
		return 0, 0, 0 // headlines, captions, datelines and lists have no closing punctuation
	}
	f := 1.0
	first, _ := utf8.DecodeRuneInString(text)
	if isQuote(first) {
		f *= s.Quotation
	}
	base := f
	if unicode.IsLower(first) {
		f *= s.Dependent
	}
	flaws := Flaws(text)
	for x := flaws; x != 0; x &= x - 1 {
		f *= s.Dependent
	}
	return f, flaws, base
}

// Flaw is a reason a sentence cannot stand alone in a summary, as a set of bits:
// a sentence may have several.
type Flaw uint16

// The flaws Flaws finds.
const (
	// Connective: the sentence opens with a word that links it to the one before:
	// "But", "However", "Also", "Still", "In addition".
	Connective Flaw = 1 << iota
	// Anaphor: the sentence opens with a word or phrase that points back to
	// something it does not name: "He said", "It", "This", "Their", "The official
	// said", "The same"; or it says "there" of a place it does not name ("said there that").
	Anaphor
	// Unattributed: the sentence is a quotation that does not say who speaks.
	Unattributed
	// Question: the sentence asks a question.
	Question
	// Fragment: part of a sentence: a lower-case start, a start with a dash or a bracket.
	Fragment
	// Caption: a photo caption ("A woman waves the flag during …").
	Caption
	// Dateline: the sentence still opens with its dateline ("CAIRO (Reuters) - ").
	Dateline
	// QuoteStart: the sentence opens a quotation it does not close: the first
	// part of a quotation of several sentences (it reads well when the sentence
	// after it in its document follows it).
	QuoteStart
	// Truncated: the sentence ends with an ellipsis, as teasers cut short do.
	Truncated
	// QuoteEnd: the sentence closes a quotation an earlier sentence opened.
	QuoteEnd
)

var flawNames = []string{"connective", "anaphor", "unattributed", "question", "fragment", "caption", "dateline", "quote-start", "truncated", "quote-end"}

// String returns the flaws' names joined with "+": "connective+anaphor".
func (f Flaw) String() string {
	if f == 0 {
		return "none"
	}
	var names []string
	for k, name := range flawNames {
		if f&(1<<k) != 0 {
			names = append(names, name)
		}
	}
	return strings.Join(names, "+")
}

// Mendable are the flaws the sentence before can mend: an opening connective or
// anaphor, the end of a quotation, read well right after the sentence they
// follow in their document.
const Mendable = Connective | Anaphor | QuoteEnd

// Contextual reports whether every flaw of f is Mendable.
func (f Flaw) Contextual() bool { return f != 0 && f&^Mendable == 0 }

// Flaws returns why text, a sentence of a news article, cannot stand alone
// in a summary, 0 when it can. The rules are general English ones, not a list of
// sentences: see the Flaw constants.
func Flaws(text string) Flaw {
	var f Flaw
	text = strings.TrimSpace(text)
	if n := corpus.Dateline(text); n > 0 {
		f |= Dateline
		text = text[n:]
	}
	first, _ := utf8.DecodeRuneInString(text)
	body := strings.TrimLeftFunc(text, isQuote) // "“But …" opens with "But"
	words := openingWords(body, 3)
	if len(words) > 0 {
		w0 := words[0]
		two, three := "", ""
		if len(words) > 1 {
			two = w0 + " " + words[1]
		}
		if len(words) > 2 {
			three = two + " " + words[2]
		}
		switch {
		case standalonePhrases[two]:
		case connectives[w0] || connectives[two] || connectives[three]:
			f |= Connective
		case anaphors[w0] && !standaloneUse(words) && !(isQuote(first) && speakers[w0]):
			// In a quotation, "I" and "we" are the speaker the attribution names.
			f |= Anaphor
		case w0 == "the" && len(words) > 1 && (pointers[words[1]] ||
			people[words[1]] && (len(words) == 2 || beVerbs[words[2]] || reportVerbs[words[2]] || afterPerson[words[2]])):
			f |= Anaphor
		}
	}
	if danglingThere(text) {
		f |= Anaphor
	}
	last := strings.TrimRightFunc(text, func(r rune) bool { return isQuote(r) || r == ')' || r == ']' || unicode.IsSpace(r) })
	if strings.HasSuffix(last, "?") {
		f |= Question
	}
	if unicode.IsLower(first) || strings.ContainsRune("-–—([…•*", first) {
		f |= Fragment
	}
	if unbalancedQuotes(text) {
		if closesFirst(text) {
			f |= QuoteEnd
		} else {
			f |= QuoteStart
		}
	}
	if strings.HasSuffix(last, "...") || strings.HasSuffix(last, "…") {
		f |= Truncated
	}
	if isQuote(first) && !attributed(text) {
		f |= Unattributed
	}
	if caption(text) {
		f |= Caption
	}
	return f
}

// openingWords returns up to n first words of text, lower-cased, without
// punctuation ("He's" gives "he's").
func openingWords(text string, n int) []string {
	var out []string
	for len(out) < n {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		raw := text[:end]
		text = text[end:]
		w := strings.ToLower(strings.TrimFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		out = append(out, strings.ReplaceAll(w, "’", "'"))
		if strings.ContainsAny(raw, ",;:") {
			break // "However, …": the phrase ends at the comma
		}
	}
	return out
}

// standaloneUse reports the uses of an anaphor's word that need nothing before:
// existential "there" ("There were no injuries"), "it" without a referent ("It
// is unclear whether …"), and "this"/"that"/"these" naming a time ("This week, …").
func standaloneUse(words []string) bool {
	if len(words) < 2 {
		return false
	}
	switch words[0] {
	case "there":
		return beVerbs[words[1]]
	case "there's":
		return true
	case "it":
		return len(words) > 2 && beVerbs[words[1]] && impersonal[words[2]]
	case "it's":
		return impersonal[words[1]]
	case "this", "these":
		return timeNouns[words[1]]
	}
	return false
}

// danglingThere reports "there" used of a place the sentence does not name:
// "Sessions said there that …", "told reporters there". "Said there was …" is existential.
func danglingThere(text string) bool {
	for k := 0; ; {
		j := strings.Index(text[k:], " there")
		if j < 0 {
			return false
		}
		j += k
		k = j + len(" there")
		if k < len(text) && text[k] != ' ' && text[k] != ',' && text[k] != '.' {
			continue // "therefore", "there's"
		}
		prev := text[:j]
		prev = strings.Trim(prev[strings.LastIndexByte(prev, ' ')+1:], ",")
		if !reportVerbs[strings.ToLower(prev)] {
			continue
		}
		next := openingWords(text[k:], 1)
		if len(next) == 0 || !beVerbs[next[0]] && !modals[next[0]] {
			return true
		}
	}
}

// attributed reports whether a sentence that opens with a quotation says who
// speaks: outside the quotation marks there is a verb of saying ("said",
// "told", "according to"), or a speaker's label before a colon.
func attributed(text string) bool {
	var outside strings.Builder
	in := false
	for _, r := range text {
		switch r {
		case '"':
			in = !in
			outside.WriteByte(' ')
			continue
		case '“', '«':
			in = true
			continue
		case '”', '»':
			in = false
			outside.WriteByte(' ')
			continue
		}
		if !in {
			outside.WriteRune(r)
		}
	}
	return namesSource(outside.String())
}

// namesSource reports whether text says who speaks: "according to" or a
// reporting verb ("said", "told").
func namesSource(text string) bool {
	rest := strings.ToLower(text)
	if strings.Contains(rest, "according to") {
		return true
	}
	for _, w := range strings.Fields(rest) {
		if reportVerbs[strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })] {
			return true
		}
	}
	return false
}

var (
	connectives = wordSet(`but and or nor so yet however also still meanwhile instead besides moreover
		furthermore further then thus therefore nonetheless nevertheless otherwise hence accordingly likewise
		similarly indeed again additionally anyway plus later earlier afterward afterwards regardless`,
		"in addition", "as a result", "in fact", "for example", "for instance", "on the other hand", "by contrast",
		"in contrast", "even so", "at the same", "in response", "in turn", "after that", "to that", "that said",
		"as well", "on top", "in the meantime", "at that time", "at the time", "neither does", "neither did",
		"neither is", "neither was", "neither are", "neither were", "neither has", "neither have", "neither can",
		"neither will", "neither would", "so did", "so does")
	anaphors = wordSet(`he she it they this that these those his her its their him them we i you such there
		here both another other others our my your he's she's it's they're that's there's we're i'm you're
		they've we've i've you've he'd she'd they'd we'd i'd you'd he'll she'll it'll they'll we'll i'll you'll`)
	// pointers follow "the" in a phrase that points back: "The move", "The same".
	pointers = wordSet(`same former latter move decision announcement comments remarks revelation revelations
		incident episode news`)
	// people follow "the" in a phrase that points back when nothing says who they
	// are: "The official said", "The man was arrested", not "The man convicted in …".
	people = wordSet(`official officials spokesman spokeswoman spokesperson source sources man woman boy girl
		couple pair two three four suspect victim`)
	afterPerson = wordSet(`also later then now first previously reportedly allegedly`)
	// speakers are the pronouns a quotation's speaker uses of themselves and their listeners.
	speakers = wordSet(`i we you my our your i'm we're you're i've we've i'd we'd`)
	// standalonePhrases open with a connective's word but need nothing before.
	standalonePhrases = wordSet("", "so far", "earlier this", "earlier on", "earlier in", "earlier last",
		"later this", "later in", "still unclear")
	reportVerbs = wordSet(`say says said saying tell tells told add adds added write writes wrote ask asks asked
		explain explains explained state states stated note notes noted insist insists insisted argue argues argued
		claim claims claimed declare declares declared warn warns warned tweet tweets tweeted tweeting recall recalls
		recalled continue continues continued reply replies replied respond responds responded acknowledge
		acknowledges acknowledged admit admits admitted concede concedes conceded joke jokes joked quip quips quipped
		post posts posted announce announces announced testify testifies testified conclude concludes concluded
		complain complains complained caution cautions cautioned suggest suggests suggested remark remarks remarked
		observe observes observed emphasize emphasizes emphasized stress stresses stressed report reports reported
		shout shouted yell yelled recount recounts recounted describe describes described reads read wrote
		agree agrees agreed deny denies denied confirm confirms confirmed urge urges urged promise promises promised
		vow vows vowed predict predicts predicted`)
	modals     = wordSet(`had would will could might may has have can`)
	beVerbs    = wordSet(`is was are were be been being has have had will would could may might should must seems seemed appears appeared remains remained`)
	impersonal = wordSet(`not unclear clear likely unlikely possible impossible expected known unknown believed thought
		estimated hoped feared understood reported time too hard difficult important worth`)
	timeNouns = wordSet(`week weekend month year morning afternoon evening night summer spring fall autumn winter season
		past`)
)

func wordSet(words string, phrases ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	for _, p := range phrases {
		m[p] = true
	}
	return m
}

// caption reports a sentence that reads like a photo caption: one that ends with
// a full date, or has within its first words a present-tense verb of posing
// ("A woman waves the flag during…", "Sessions speaks in front of…"), the tense
// captions use and news text does not, and no reported speech.
func caption(text string) bool {
	if endsWithDate(text) || photoCaption(text) {
		return true
	}
	var buf [10]string
	words := firstFields(buf[:0], text, 10)
	for k, w := range words {
		w = strings.ToLower(strings.Trim(w, ",.;:"))
		if w == "said" || w == "says" {
			return false
		}
		if k > 0 && captionVerbs[w] && !relatives[strings.ToLower(words[k-1])] {
			// "The boy who attends the school" is no caption.
			return !strings.Contains(text, " said") && !strings.Contains(text, " says")
		}
	}
	return false
}

// firstFields appends to out the first n space-separated fields of text.
func firstFields(out []string, text string, n int) []string {
	for k := 0; k < n; k++ {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		out = append(out, text[:end])
		text = text[end:]
	}
	return out
}

// photoCaption reports the conventions of agency photo captions: "FILE - …",
// "In this June 2, 2013 photo, …", "This 2013 photo released by … shows …".
func photoCaption(text string) bool {
	if strings.HasPrefix(text, "FILE -") || strings.HasPrefix(text, "FILE —") || strings.HasPrefix(text, "FILE –") {
		return true
	}
	if !hasPrefixFold(text, "this ") && !hasPrefixFold(text, "in this ") {
		return false
	}
	var buf [24]string
	words := firstFields(buf[:0], text, 24)
	for k, w := range words {
		words[k] = strings.ToLower(strings.Trim(w, ",.;:"))
	}
	if len(words) < 3 || (words[0] != "this" && !(words[0] == "in" && words[1] == "this")) {
		return false
	}
	for k, w := range words[:min(len(words), 12)] {
		if k > 0 && strings.HasPrefix(w, "photo") {
			return words[0] == "in" || slices.Contains(words[k:], "shows")
		}
	}
	return false
}

// hasPrefixFold reports whether text starts with prefix, ignoring case.
func hasPrefixFold(text, prefix string) bool {
	return len(text) >= len(prefix) && strings.EqualFold(text[:len(prefix)], prefix)
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
	return date.IsMonth(t[w+1:])
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var relatives = wordSet(`who that which whom whose`)

var captionVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`waves speaks sits stands looks walks arrives gestures poses listens
		attends holds smiles leaves departs greets shakes addresses reacts delivers pauses watches`) {
		captionVerbs[w] = true
	}
}

// furniture reports text that is page furniture rather than news: links, e-mail
// addresses, copyright lines, calls to action, labels such as "Photo:".
func furniture(text string) bool {
	lower := strings.ToLower(text)
	if furnitureIndex.Find(lower, 0) != 0 {
		return true
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
	"send us", "email us", "e-mail us", "contact us",
}

// furnitureIndex finds furnitureMarks in one pass over a sentence.
var furnitureIndex = phrases.New(furnitureMarks)

var labels = map[string]bool{
	"photo": true, "photos": true, "image": true, "images": true, "credit": true, "caption": true,
	"source": true, "related": true, "read more": true, "watch": true, "video": true, "listen": true,
	"file photo": true, "advertisement": true, "editor's note": true, "update": true, "updated": true,
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»':
		return true
	}
	return false
}

// closesFirst reports whether the first double quotation mark of text closes a
// quotation: "”", or a straight one after a letter or punctuation and before a
// space or the end ("… together." He said" and "… together."").
func closesFirst(text string) bool {
	for k, r := range text {
		switch r {
		case '“':
			return false
		case '”':
			return true
		case '"':
			before, _ := utf8.DecodeLastRuneInString(text[:k])
			after, _ := utf8.DecodeRuneInString(text[k+1:])
			return k > 0 && !unicode.IsSpace(before) && (k+1 == len(text) || unicode.IsSpace(after) || unicode.IsPunct(after))
		}
	}
	return false
}

// unbalancedQuotes reports a sentence that opens or closes a quotation it does
// not finish: a fragment of a longer quote. Any double quotation mark may close
// any other ("“…," she said" is common in scraped text).
func unbalancedQuotes(text string) bool {
	return (strings.Count(text, `"`)+strings.Count(text, "“")+strings.Count(text, "”"))%2 == 1
}
