// Package clean removes page furniture from article text and keeps the news.
//
// Cleaning works on lines. Each line is judged alone by its shape and a small
// vocabulary (share buttons, calls to action, photo credits, video teasers),
// then in its document: a line that repeats the headline, a copy of text the
// document already holds, a list of other stories' headlines. Every removal is
// kept with its reason in [precis.Document.Removed], so nothing is lost, and a
// line that reads like reported news is never removed for its vocabulary.
package clean

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// The reasons for a removal: a small fixed vocabulary.
const (
	// Headline: the line repeats the document's title.
	Headline = "headline"
	// Duplicate: the text is already in the document (a repeated paragraph,
	// or a flattened copy of the article next to its paragraphed copy).
	Duplicate = "duplicate"
	// Share: share, e-mail, print and follow buttons.
	Share = "share"
	// Promo: calls to action: apps, newsletters, subscriptions, "Click …", advertisement labels.
	Promo = "promo"
	// Related: lists and links to other stories ("Related: …", "More from …").
	Related = "related"
	// Caption: image captions and photo credits.
	Caption = "caption"
	// Video: video and audio teasers and player texts ("WATCH: …").
	Video = "video"
	// Credit: bylines, contributor and editing notes, contact addresses, bare date lines.
	Credit = "credit"
	// Notice: copyright lines and notices of the site, the archive or the browser.
	Notice = "notice"
	// Separator: a line with no letter or digit ("***", "___").
	Separator = "separator"
)

// Reasons lists every reason a removal can give.
var Reasons = []string{Headline, Duplicate, Share, Promo, Related, Caption, Video, Credit, Notice, Separator}

// Document removes page furniture from d.Text, recording each removal in d.Removed.
// d.Title, when set, is the headline that a repeated line is compared with.
func Document(d *precis.Document) {
	// A headline taken from the first line of a text file may be furniture
	// itself ("Play Facebook"): then it is no headline.
	if t := strings.TrimSpace(d.Title); t != "" {
		if r := classify(t); r != "" {
			d.Removed = append(d.Removed, precis.Removal{Text: d.Title, Reason: r})
			d.Title = ""
		}
	}
	text, removed := Text(d.Text, d.Title)
	d.Text = text
	d.Removed = append(d.Removed, removed...)
}

// Documents cleans every document and returns those with text left, with one
// warning for each document that cleaning emptied (all of it was furniture).
func Documents(docs []precis.Document) ([]precis.Document, []error) {
	var kept []precis.Document
	var warnings []error
	for i := range docs {
		Document(&docs[i])
		if strings.TrimSpace(docs[i].Text) == "" {
			warnings = append(warnings, &EmptyError{ID: docs[i].ID, Source: docs[i].Source, Removed: len(docs[i].Removed)})
			continue
		}
		kept = append(kept, docs[i])
	}
	return kept, warnings
}

// EmptyError says that cleaning left nothing of a document.
type EmptyError struct {
	ID, Source string
	Removed    int // lines removed
}

func (e *EmptyError) Error() string {
	name := e.Source
	if name == "" {
		name = e.ID
	}
	return "clean: " + name + ": nothing left after cleaning: all " + itoa(e.Removed) + " lines were page furniture (see precis extract --explain)"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// unit is one line of the input, or one piece of a line that a flattened page
// laid out with runs of spaces.
type unit struct {
	text   string
	line   int // index of the input line
	para   int // index of the input paragraph (blank-line separated)
	pieces int // how many pieces its line was cut into (1: a whole line)
	reason string
	f      *features
	tokens []uint64 // hashed lower-case words
	shing  []uint64 // its distinct runs of shingleSize words, sorted
}

// Text cleans text, whose headline is title (may be ""), and returns the kept
// text (paragraphs separated by a blank line, lines of one paragraph by a
// newline) and what was removed, in reading order.
func Text(text, title string) (string, []precis.Removal) {
	units, nlines := split(text)
	if len(units) == 0 {
		return "", nil
	}
	titleKey := key(tokens(title))
	for _, u := range units {
		u.f = newFeatures(u.text)
		u.tokens = tokens(u.text)
		switch {
		case titleKey != 0 && len(u.tokens) > 0 && key(u.tokens) == titleKey:
			u.reason = Headline
		case !hasWordChar(u.text):
			u.reason = Separator
		case u.f.words <= maxRuleWords:
			u.reason = u.f.classify()
		}
	}
	markCopies(units)
	markContext(units)
	return assemble(units, nlines)
}

// split cuts text into units: lines, and the pieces of lines that use runs of
// three or more spaces as separators.
func split(text string) ([]*unit, int) {
	var units []*unit
	para, line := 0, 0
	blank := true
	for rest := text; ; line++ {
		l, tail, more := strings.Cut(rest, "\n")
		t := strings.TrimSpace(l)
		if t == "" {
			if !blank {
				para++
			}
			blank = true
		} else {
			blank = false
			pieces := spaceRuns(t)
			for _, p := range pieces {
				units = append(units, &unit{text: p, line: line, para: para, pieces: len(pieces)})
			}
		}
		if !more {
			break
		}
		rest = tail
	}
	return units, line + 1
}

// spaceRuns splits s at runs of three or more spaces or at tabs, the layout of
// flattened page text; it returns s alone when there are none.
func spaceRuns(s string) []string {
	if !strings.Contains(s, "   ") && !strings.Contains(s, "\t") {
		return []string{s}
	}
	var out []string
	start, run := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			if c == '\t' {
				run += 3
			} else {
				run++
			}
			continue
		}
		if run >= 3 {
			if p := strings.TrimSpace(s[start:i]); p != "" {
				out = append(out, p)
			}
			start = i
		}
		run = 0
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		out = append(out, p)
	}
	return out
}

// tokens returns the hashed lower-case words (letters and digits) of s:
// FNV-1a of each word's UTF-8 bytes.
func tokens(s string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	out := make([]uint64, 0, len(s)/6)
	h, in := uint64(offset), false
	var buf [4]byte
	for i := 0; i < len(s); {
		if c := asciiWord[s[i]]; c != 0 {
			h = (h ^ uint64(c)) * prime
			in = true
			i++
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n := encodeRune(buf[:], unicode.ToLower(r))
			for _, c := range buf[:n] {
				h = (h ^ uint64(c)) * prime
			}
			in = true
		} else if in {
			out = append(out, h)
			h, in = offset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// asciiWord maps an ASCII letter or digit to its lower case, anything else to 0.
var asciiWord = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

func encodeRune(b []byte, r rune) int {
	switch {
	case r < 0x80:
		b[0] = byte(r)
		return 1
	case r < 0x800:
		b[0], b[1] = byte(0xC0|r>>6), byte(0x80|r&0x3F)
		return 2
	case r < 0x10000:
		b[0], b[1], b[2] = byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F)
		return 3
	}
	b[0], b[1], b[2], b[3] = byte(0xF0|r>>18), byte(0x80|(r>>12)&0x3F), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F)
	return 4
}

// key hashes a whole token sequence; 0 for none.
func key(toks []uint64) uint64 {
	if len(toks) == 0 {
		return 0
	}
	k := uint64(14695981039346656037)
	for _, t := range toks {
		k ^= t
		k *= 1099511628211
		k = k<<13 | k>>51
	}
	if k == 0 {
		k = 1
	}
	return k
}

// minRepeatTokens is the shortest line removed for repeating another line
// (unless it repeats a removed caption next to it): a repeat must be a
// sentence of this many words or more.
const minRepeatTokens = 15

// shingleSize is the length of the word runs that repeated text is found by.
const shingleSize = 4

// shingles returns the distinct hashed runs of shingleSize words of toks,
// sorted; a line shorter than that gives one run of all its words.
func shingles(toks []uint64) []uint64 {
	if len(toks) == 0 {
		return nil
	}
	if len(toks) < shingleSize {
		return []uint64{key(toks)}
	}
	out := make([]uint64, 0, len(toks)-shingleSize+1)
	for i := 0; i+shingleSize <= len(toks); i++ {
		out = append(out, key(toks[i:i+shingleSize]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// markCopies finds text the document holds twice. A long line that is mostly
// a concatenation of other lines is a flattened copy of the article: it goes,
// and the paragraphed copy stays. Then a line that another kept line already
// holds goes (the later one of two equal lines, the shorter one of a line and
// a longer line containing it).
func markCopies(units []*unit) {
	// The units holding each shingle, by an open-addressing table of the
	// shingles: slot[p] is the table slot of pair p (the k-th shingle of unit u
	// is pair first[u]+k), head[slot] the last pair with that shingle plus 1,
	// next[p] the pair before p with the same shingle plus 1 (0 ends the chain).
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	first := zeroed(&sc.first, len(units)+1)
	for i, u := range units {
		u.shing = shingles(u.tokens)
		first[i+1] = first[i] + int32(len(u.shing))
	}
	n := int(first[len(units)])
	size, shift := 16, uint(60)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	keys := zeroed(&sc.keys, size)
	head := zeroed(&sc.head, size)
	slot := zeroed(&sc.slot, n)
	next := zeroed(&sc.next, n)
	unitOf := zeroed(&sc.unitOf, n)
	for i, u := range units {
		for k, sh := range u.shing {
			p := first[i] + int32(k)
			h := (sh * 0x9E3779B97F4A7C15) >> shift
			for head[h] != 0 && keys[h] != sh {
				h = (h + 1) & uint64(size-1)
			}
			keys[h] = sh
			next[p] = head[h]
			head[h] = p + 1
			slot[p] = int32(h)
			unitOf[p] = int32(i)
		}
	}
	// shared counts, for every other unit, the shingles it has in common with
	// unit i; it returns the units with a count.
	counts := zeroed(&sc.counts, len(units))
	touched := sc.touched[:0]
	defer func() { sc.touched = touched }()
	shared := func(i int) []int {
		for _, j := range touched {
			counts[j] = 0
		}
		touched = touched[:0]
		for _, h := range slot[first[i]:first[i+1]] {
			for q := head[h]; q != 0; q = next[q-1] {
				if j := int(unitOf[q-1]); j != i {
					if counts[j] == 0 {
						touched = append(touched, j)
					}
					counts[j]++
				}
			}
		}
		slices.Sort(touched) // a fixed order
		return touched
	}
	// Flattened copies.
	covered := sc.covered[:0] // covered[k]: u.shing[k] is in a line u contains
	defer func() { sc.covered = covered }()
	// Equal lines get the same answer (their copies are as long as they are,
	// so none counts for another): it is worked out once, which keeps a text
	// repeated many times linear instead of quadratic.
	type answer struct {
		unit int
		dup  bool
	}
	answers := map[uint64]answer{}
	for i, u := range units {
		if u.reason != "" || len(u.tokens) < 30 {
			continue
		}
		k := key(u.tokens)
		if a, ok := answers[k]; ok && slices.Equal(units[a.unit].tokens, u.tokens) {
			if a.dup {
				u.reason = Duplicate
			}
			continue
		}
		contained, ncovered := 0, 0
		covered = slices.Grow(covered[:0], len(u.shing))[:len(u.shing)]
		clear(covered)
		for _, j := range shared(i) {
			v := units[j]
			if len(v.tokens) < 6 || len(v.tokens) >= len(u.tokens) || float64(counts[j]) < 0.8*float64(len(v.shing)) {
				continue
			}
			contained++
			for _, s := range v.shing {
				if k, ok := slices.BinarySearch(u.shing, s); ok && !covered[k] {
					covered[k] = true
					ncovered++
				}
			}
		}
		dup := contained >= 2 && float64(ncovered) >= 0.5*float64(len(u.shing))
		if dup {
			u.reason = Duplicate
		}
		answers[k] = answer{unit: i, dup: dup}
	}
	// Repeats: a paragraph said twice, a pull quote. Short lines repeat in
	// lists and tables (a meal plan, a score sheet) and stay, unless they repeat
	// a caption next to them; so do lines said three times or more (the same
	// question put to each person of an interview series).
	times := make(map[uint64]int, len(units))
	for _, u := range units {
		times[key(u.tokens)]++
	}
	for i, p := range units {
		if p.reason != "" || len(p.tokens) < 2 || times[key(p.tokens)] > 2 {
			continue
		}
		best := -1
		for _, j := range shared(i) {
			n := counts[j]
			q := units[j]
			if q.reason == Duplicate {
				continue
			}
			switch {
			case len(q.tokens) == len(p.tokens):
				// An exact repeat of an earlier line.
				if j > i || key(q.tokens) != key(p.tokens) {
					continue
				}
			case len(p.tokens) < 6 || len(q.tokens) < len(p.tokens):
				continue
			case float64(n) < 0.9*float64(len(p.shing)):
				continue
			}
			if (len(p.tokens) < minRepeatTokens || !p.f.sentence) && (abs(j-i) != 1 || q.reason == "") {
				continue
			}
			if best < 0 || abs(j-i) < abs(best-i) || (abs(j-i) == abs(best-i) && j < best) {
				best = j
			}
		}
		if best >= 0 {
			p.reason = Duplicate
			// A caption repeated next to itself with its credit is a caption.
			if q := units[best]; abs(best-i) == 1 && q.reason != "" {
				p.reason = q.reason
			}
		}
	}
}

// scratch is markCopies' working memory, kept between calls (nothing it
// returns points into it).
type scratch struct {
	first, head, slot, next, unitOf []int32
	keys                            []uint64
	counts, touched                 []int
	covered                         []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// zeroed returns (*s)[:n] cleared, growing *s when it is too short.
func zeroed[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
		return *s
	}
	*s = (*s)[:n]
	clear(*s)
	return *s
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// titleLike reports whether u reads as a headline rather than a sentence:
// short, and not ending as a sentence does. Headlines often say "says", so
// reported speech does not count against it.
func titleLike(u *unit) bool {
	return u.f.words <= 20 && !u.f.sentence
}

// markContext applies the rules that look at a line's neighbours.
func markContext(units []*unit) {
	// A label such as "RELATED:" or "More from X" on its own line heads a list
	// of other stories' headlines, each perhaps with a one-sentence teaser:
	// they go with it.
	for i, u := range units {
		if u.reason != Related || !labelOnly(u.text) {
			continue
		}
		prevTitle := false
		for j := i + 1; j < len(units) && j <= i+30; j++ {
			v := units[j]
			if v.reason != "" {
				continue
			}
			switch {
			case titleLike(v):
				prevTitle = true
			case prevTitle && teaser(v):
				prevTitle = false
			default:
				j = len(units)
				continue
			}
			v.reason = Related
		}
	}
	markUnrelatedTail(units)
	// A line of a flattened page cut into several headline-like pieces is a
	// list of headlines.
	for i := 0; i < len(units); {
		j := i
		for j < len(units) && units[j].line == units[i].line {
			j++
		}
		if units[i].pieces >= 3 {
			n := 0
			for _, v := range units[i:j] {
				if v.reason == "" && titleLike(v) {
					n++
				}
			}
			if n >= 3 {
				for _, v := range units[i:j] {
					if v.reason == "" && titleLike(v) {
						v.reason = Related
					}
				}
			}
		}
		i = j
	}
	// A short line with promotion vocabulary next to a promotion belongs to it
	// (a newsletter box: its title, its pitch, its thank-you line).
	for changed := true; changed; {
		changed = false
		for i, u := range units {
			if u.reason != "" || !promoHint(u.f) {
				continue
			}
			if (i > 0 && units[i-1].reason == Promo) || (i+1 < len(units) && units[i+1].reason == Promo) {
				u.reason = Promo
				changed = true
			}
		}
	}
}

// teaser reports whether u could be the one-sentence pitch under a headline.
func teaser(u *unit) bool {
	return u.f.words <= 25 && !u.f.newsLike
}

// markUnrelatedTail removes the headlines of other stories that pages leave
// after the article: a run of at least three short lines at the end whose
// words the article does not use. A closing list that belongs to the story
// (the teams, the candidates) shares its words with the article and stays.
func markUnrelatedTail(units []*unit) {
	// Walk back over headlines, and teasers that follow a headline.
	var kept []*unit
	for _, u := range units {
		if u.reason == "" {
			kept = append(kept, u)
		}
	}
	var tail []*unit
	for i := len(kept) - 1; i >= 0; i-- {
		u := kept[i]
		if listItem.MatchString(u.text) {
			break
		}
		if titleLike(u) {
			tail = append(tail, u)
			continue
		}
		if teaser(u) && i > 0 && titleLike(kept[i-1]) && !listItem.MatchString(kept[i-1].text) {
			tail = append(tail, u, kept[i-1])
			i--
			continue
		}
		break
	}
	if len(tail) < 3 {
		return
	}
	inTail := make(map[*unit]bool, len(tail))
	for _, u := range tail {
		inTail[u] = true
	}
	body := make(map[string]bool)
	for _, u := range units {
		if u.reason == "" && !inTail[u] {
			for _, w := range contentWords(u.f.lower) {
				body[w] = true
			}
		}
	}
	if len(body) == 0 {
		return
	}
	// tail is in reverse order: take the unrelated lines from the end.
	var run []*unit
	titles := 0
	for _, u := range tail {
		if relatedness(u, body) >= 0.25 {
			break
		}
		run = append(run, u)
		if titleLike(u) {
			titles++
		}
	}
	if len(run) < 3 || 2*titles < len(run) {
		return
	}
	for _, u := range run {
		u.reason = Related
	}
}

// listItem: a numbered or bulleted item, or a bare address; an article's own list.
var listItem = regexp.MustCompile(`^(?:\d{1,3}[.)]\s|[-–•*·▪]\s|\(?[a-z]\)\s|https?://\S+$|www\.\S+$)`)

// relatedness is the share of u's content words that body uses.
func relatedness(u *unit, body map[string]bool) float64 {
	ws := contentWords(u.f.lower)
	if len(ws) == 0 {
		return 1
	}
	n := 0
	for _, w := range ws {
		if body[w] {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// contentWords returns the words of s of four letters or more, less a few
// frequent ones; s is lower-case.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) < 4 || frequent[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

var frequent = map[string]bool{
	"that": true, "this": true, "with": true, "from": true, "have": true, "will": true, "your": true, "what": true,
	"when": true, "about": true, "after": true, "their": true, "there": true, "here": true, "more": true, "into": true,
	"over": true, "says": true, "said": true, "than": true, "they": true, "were": true, "been": true, "just": true,
	"like": true, "also": true, "some": true, "could": true, "would": true, "should": true, "year": true, "years": true,
	"first": true, "last": true, "week": true, "while": true, "which": true, "where": true, "these": true, "those": true,
	"them": true, "then": true, "only": true, "most": true, "make": true, "made": true, "take": true, "back": true,
	"does": true, "know": true, "need": true, "time": true, "being": true, "still": true, "very": true, "every": true,
}

// labelOnly reports whether a related-stories label stands alone, with no headline after it.
func labelOnly(s string) bool {
	s = strings.TrimRight(s, " :-–—|>»")
	return len(strings.Fields(s)) <= 5 && !strings.ContainsAny(s, ":")
}

// assemble rebuilds the kept text and lists the removals in reading order.
func assemble(units []*unit, nlines int) (string, []precis.Removal) {
	var b strings.Builder
	var removed []precis.Removal
	lastPara, lastLine := -1, -1
	for _, u := range units {
		if u.reason != "" {
			removed = append(removed, precis.Removal{Text: u.text, Reason: u.reason})
			continue
		}
		switch {
		case lastPara < 0:
		case u.para != lastPara:
			b.WriteString("\n\n")
		case u.line != lastLine:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(u.text)
		lastPara, lastLine = u.para, u.line
	}
	_ = nlines
	return b.String(), removed
}
