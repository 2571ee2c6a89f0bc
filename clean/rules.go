package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules of this file look at one line alone: its shape (length, final
// punctuation, capitals) and a small vocabulary of page furniture. A line that
// reads like reported news (a quotation, a "said") is never judged by
// vocabulary, so a story about an app or a newsletter keeps its sentences.

// classify returns the reason to remove line s, or "" to keep it.
// s is trimmed and non-empty.
func classify(s string) string {
	if !hasWordChar(s) {
		return Separator
	}
	if countFields(s) > maxRuleWords {
		return ""
	}
	return newFeatures(s).classify()
}

// classify is classify of the line f was made from, once it is known to hold a
// letter or a digit and to be short enough for the rules.
func (f *features) classify() string {
	for _, r := range lineRules {
		if f.words > r.maxWords {
			continue
		}
		if r.news && f.newsLike {
			continue
		}
		if r.keys != 0 && f.lists&r.keys == 0 {
			continue
		}
		if r.match(f) {
			return r.reason
		}
	}
	return ""
}

// features is what the rules look at.
type features struct {
	raw   string // the line as written
	split string // the line with glued words pulled apart ("e-mailSend" → "e-mail Send")
	lower string // split, lower-cased
	words int
	// sentence: ends like a sentence (. ! ? or a closing quote after one).
	sentence bool
	// newsLike: opens with a quotation or reports speech; vocabulary rules leave it alone.
	newsLike bool
	// first is the line's first word (see firstWord).
	first string
	// lists are the phrase lists that lower holds a phrase of (see phraseIndex).
	lists phraseMask
	// promo marks the words of promoWords' firsts that the line holds (as
	// lower-case words trimmed of punctuation), by promoFirsts' bits; made on first use.
	promo     [2]uint64
	promoDone bool
}

// holds returns the bits of promoFirsts of the words of the line.
func (f *features) holds() *[2]uint64 {
	if !f.promoDone {
		f.promoDone = true
		for _, w := range strings.Fields(f.lower) {
			w = strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) && r != '+' })
			if bit, ok := promoFirsts[w]; ok {
				f.promo[bit/64] |= 1 << (bit % 64)
			}
		}
	}
	return &f.promo
}

func newFeatures(s string) *features {
	f := &features{raw: s, split: unglue(s)}
	f.lower = strings.ToLower(f.split)
	f.lists = findPhrases(f.lower)
	f.words = countFields(s)
	f.first = firstWord(f.split)
	f.sentence = endsSentence(s)
	f.newsLike = quoteOpen(s) || f.reports()
	return f
}

type lineRule struct {
	reason   string
	maxWords int
	// news: the rule is vocabulary, so it skips lines that read like reported news.
	news bool
	// keys: when set, the rule applies only to lines holding a phrase of one
	// of these lists (lower-case); a cheap test before a costly expression.
	keys  phraseMask
	match func(f *features) bool
}

var lineRules = []lineRule{
	{Notice, 80, false, inBoilerplate, func(*features) bool { return true }},
	{Notice, 60, true, inPlatformNotices, func(*features) bool { return true }},
	{Video, 20, true, inPlayerNotices, func(*features) bool { return true }},
	{Video, 40, false, 0, func(f *features) bool { return f.opens(videoFirst) && videoTeaser.MatchString(f.split) }},
	{Caption, 90, false, 0, photoCredit},
	{Caption, 90, false, 0, func(f *features) bool {
		return f.opens(captionFirst) && captionPossible(f) && captionOpening.MatchString(f.split)
	}},
	{Caption, 60, false, 0, func(f *features) bool { return !f.sentence && agencyEnding(f.split) }},
	{Caption, 10, false, inSlashKeys, func(f *features) bool { return !f.sentence && nameSlashOrg.MatchString(f.split) }},
	{Related, 40, false, 0, func(f *features) bool {
		return (f.opens(relatedFirst) && relatedLabel.MatchString(f.split)) || bracketedLink(f.raw)
	}},
	{Credit, 40, true, inContributionKeys, func(f *features) bool { return contributionPossible(f) && contribution.MatchString(f.split) }},
	{Credit, 14, false, 0, func(f *features) bool { return f.first == "by" && !f.sentence && byline.MatchString(f.split) }},
	{Credit, 16, false, inContactKeys, func(f *features) bool { return contact.MatchString(f.split) }},
	{Notice, 30, false, inCopyrightKeys, func(f *features) bool { return copyright.MatchString(f.lower) }},
	{Share, 14, true, 0, func(f *features) bool { return allWidgetWords(f.lower) }},
	{Promo, 45, true, 0, func(f *features) bool { return isPromo(f) }},
	{Credit, 8, false, 0, func(f *features) bool {
		return !f.sentence && (f.first == "" || f.opens(dateFirst)) && dateOnly.MatchString(f.split)
	}},
}

// The first words (letters only, lower-case) that the expressions anchored at
// the start of a line can match: a line opening otherwise skips them.
var (
	videoFirst     = words("watch video listen photos gallery slideshow podcast see view")
	captionFirst   = words("file in this these view see enlarge expand open")
	relatedFirst   = words("related read also more see recommended trending most popular top you we editor editors don do around from further latest recent")
	dateFirst      = words("published updated posted last first modified mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december")
	promoOnlyFirst = words("advertisement advertisements advert ad ads sponsored paid promoted partner story article continue skip scroll content thanks sorry sign subscribe log login register read learn show load see view comments leave loading close back next previous")
	ctaFirst       = words("click tap download subscribe sign signup log like follow check don do never be thanks thank already continue to learn find see unlock start want interested get join listen read support become stay add if share")
)

func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// opens reports whether the line's first word is in set.
func (f *features) opens(set map[string]bool) bool { return set[f.first] }

// firstWord returns the first run of letters of s, lower-case, after any
// leading marks (">> ", "[", quotes); "" when s opens with a digit.
func firstWord(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return ""
	}
	s = s[start:]
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// maxRuleWords is the longest line any rule judges.
const maxRuleWords = 90

// countFields counts the space-separated words of s, stopping past maxRuleWords.
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s) && n <= maxRuleWords; i++ {
		space := s[i] == ' ' || s[i] == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// ends returns the start and the end of a long line, where captions put
// their labels and credits, so that the costlier expressions read less.
func ends(s string) string {
	if len(s) <= 240 {
		return s
	}
	head, tail := 60, len(s)-160
	for head < len(s) && !utf8.RuneStart(s[head]) {
		head++
	}
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + " … " + s[tail:]
}

// hasWordChar reports whether s holds a letter or a digit.
func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// unglue puts a space between a lower-case letter and a following capital
// ("e-mailSend", "SessionsReuters"), which flattened pages glue together.
func unglue(s string) string {
	glued, prev := false, rune(0)
	for _, r := range s {
		if r < utf8.RuneSelf && prev < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' && 'a' <= prev && prev <= 'z' {
				glued = true
				break
			}
		} else if unicode.IsUpper(r) && unicode.IsLower(prev) {
			glued = true
			break
		}
		prev = r
	}
	if !glued {
		return s
	}
	var b strings.Builder
	prev = 0
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// endsSentence reports whether s ends as a sentence does: . ! ? …, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// quoteOpen reports whether s opens with a quotation mark.
func quoteOpen(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(`"“‘«„`, r) || (r == '\'' && len(s) > 1 && s[1] != ' ')
}

// reportedSpeech are the words that report what someone said.
var reportedSpeech = []string{"said", "says", "told", "tells", "asked", "according to", "wrote", "added", "explained", "stated", "announced"}

// reports reports whether the line reports speech.
func (f *features) reports() bool { return f.lists&inReportedSpeech != 0 }

// countWord counts the whole-word occurrences of w in s, up to max.
func countWord(s, w string, max int) int {
	n := 0
	for i := 0; n < max; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			n++
		}
		i = start + 1
	}
	return n
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// boilerplate are the fixed texts of platforms and archives, found on pages
// of any site, and never in news.
var boilerplate = []string{
	"add location information to your tweets",
	"tweet location history",
	"tweet with a location",
	"donating their crawl data to the internet archive",
	"these crawls are part of an effort to archive pages",
	"this feature is not available right now",
	"this material may not be published, broadcast, rewritten",
	"for your personal, non-commercial use only",
	"to order presentation-ready copies",
}

// platformNotices are notices that sites and browsers put on pages: a line
// holding one goes unless it reads like reported news.
var platformNotices = []string{
	"please enable javascript",
	"enable javascript to",
	"javascript is disabled",
	"your browser does not support",
	"you are using an outdated browser",
	"we use cookies",
	"this site uses cookies",
	"this website uses cookies",
	"by using this site, you agree",
	"by continuing to use this site",
	"disable your ad blocker",
	"turn off your ad blocker",
	"for your personal, non-commercial use only",
	"to order presentation-ready copies",
	"this content is not available in your region",
	"all rights reserved",
	"appeared on page ",
	"appears in the print edition",
	"this story appears in",
	"this article appears in",
	"this story appeared in",
	"this article appeared in",
	"a version of this article appears in print",
	"if you buy something through",
	"may get a share of the sale",
	"may earn a commission",
	"we may earn a",
	"earn an affiliate commission",
	"prices are subject to change",
	"quantities may be limited",
	"log in to post a comment",
	"logged in to post a comment",
	"moderating all comments",
	"comments are closed",
	"comments have been closed",
	"please try again later",
	"an error has occurred",
}

// playerNotices are the texts of embedded video and audio players.
var playerNotices = []string{
	"rating is available when the video has been rented",
	"the interactive transcript could not be loaded",
	"media playback is unsupported on your device",
	"video loading video unavailable",
	"click to play",
	"tap to play",
	"the video will start in",
	"now playing",
	"autoplay",
	"to watch this video",
	"watch this video on",
}

// A photo credit or caption label: "Credit: Mike Segar, Reuters", "Photograph: Jonathan Ernst/Reuters",
// "(AP Photo/Evan Vucci)", "REUTERS/Kevin Lamarque", "(Image: Getty)", "Photo by X".
var (
	creditLabel = regexp.MustCompile(`\b(?:photo|image|picture|video)?\s?credits?:\s*\S` +
		`|\b(?:photo(?:graph)?|image|picture|pictured|illustration|graphic)s?\s*(?::|by\b|via\b|courtesy\b)`)
	agencySlash  = regexp.MustCompile(`\b(?:REUTERS|AFP|AP Photo|AP|EPA|EPA-EFE|Getty Images|Xinhua|Bloomberg|Shutterstock|Anadolu)\s?/\s?\p{Lu}`)
	creditParens = regexp.MustCompile(`\(\s*(?:\p{Lu}[\p{L}.'’\-]*\s*){1,5}/\s*(?:\p{Lu}[\p{L}.'’\-]*\s*){1,4}\)\s*$` +
		`|\((?i:photo|image|picture|credit|courtesy|file photo)[^()]{0,80}\)\s*$`)
	courtesy    = regexp.MustCompile(`(?i:\bcourtesy(?: of)? )[\p{Lu}][^.!?]{0,60}$`)
	stockEnding = regexp.MustCompile(`\b(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy)\s*\)?\s*$`)
)

// photoCredit reports a photo credit or a caption label: "Credit: Mike Segar, Reuters",
// "Photograph: Jonathan Ernst/Reuters", "(AP Photo/Evan Vucci)", "REUTERS/Kevin Lamarque",
// "(Image: Getty)", "Photo by X". Each expression runs only on lines holding its key words.
func photoCredit(f *features) bool {
	s := ends(f.split)
	lower := ends(f.lower)
	labelled := f.lists&inCreditLabelKeys != 0
	if len(lower) != len(f.lower) { // a long line: only its ends count
		labelled = containsAny(lower, creditLabelKeys)
	}
	switch {
	case labelled && creditLabel.MatchString(lower):
		return true
	case strings.Contains(s, "/") && agencySlash.MatchString(s):
		return true
	case strings.HasSuffix(strings.TrimSpace(s), ")") && creditParens.MatchString(tail(s, 120)):
		return true
	case strings.Contains(lower, "courtesy") && courtesy.MatchString(tail(s, 90)):
		return true
	}
	end := tail(s, 40)
	return containsAny(end, stockNames) && stockEnding.MatchString(end)
}

// stockNames are the names stockEnding looks for: a line without one is no match.
var stockNames = []string{"Getty Images", "Shutterstock", "iStock", "Alamy"}

var creditLabelKeys = []string{"credit", "photo", "image", "picture", "illustration", "graphic"}

// tail returns about the last n bytes of s, cut at a character boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// captionOpening is how agency captions begin: "FILE - In this April 17, 2018 file photo, …",
// "This undated booking photo provided by …", "View Images The skull of …".
var captionOpening = regexp.MustCompile(`^(?:FILE\s*[-–—]\s*)` +
	`|^(?i:in )?(?i:this|these) (?:\S+ ){0,5}?(?i:file |handout |undated |booking |frame grab |screen ?grab |combination )?(?i:photos?|images?|pictures?|screenshots?|video stills?|frame grabs?)(?: (?i:taken|provided|released|made|shows?|from))?\b[^.]{0,80}\b(?i:shows?|provided|released|taken)\b` +
	`|^(?:View|See|Enlarge|Expand|Open) (?i:images?|photos?|gallery|slideshow)\b`)

// agencies are photo agencies whose name ends a caption.
var agencies = []string{"Reuters", "REUTERS", "AP", "AFP", "EPA", "Getty Images", "Getty", "Associated Press", "Xinhua",
	"Bloomberg", "Shutterstock", "PA Wire", "PA Images", "Alamy", "Anadolu Agency", "SIPA", "Sipa"}

// agencyEnding reports a line ending in a photo agency's name with no final
// punctuation, as captions do ("… Feb. 9, 2017. Reuters", "Senator Jeff
// SessionsReuters" once unglued). A dash or a bracket before the name makes
// it a dateline ("— Reuters"), which stays; so does the name alone.
func agencyEnding(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for _, a := range agencies {
		if !strings.HasSuffix(s, a) {
			continue
		}
		rest := strings.TrimRightFunc(s[:len(s)-len(a)], unicode.IsSpace)
		if rest == "" || len(rest) == len(s)-len(a) && isWordRune(lastRune(rest)) {
			continue // alone, or the end of a longer word
		}
		switch lastRune(rest) {
		case '-', '–', '—', '(', '/':
			continue
		}
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// nameSlashOrg: a bare credit line "Jonathan Ernst/Reuters", "Maryellen McGrath/ABC".
var nameSlashOrg = regexp.MustCompile(`^\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,4}\s?/\s?\p{Lu}[\p{L}&.'’\- ]*$`)

// videoTeaser: "WATCH: …", "VIDEO: …", "Watch the video below."
var videoTeaser = regexp.MustCompile(`^(?:WATCH|Watch|VIDEO|Video|LISTEN|Listen|WATCH LIVE|Watch live|PHOTOS|Photos|GALLERY|Gallery|SLIDESHOW|Slideshow|PODCAST|Podcast)(?: NOW| LIVE| now| live)?\s*(?::|[-–—|]\s)` +
	`|^(?i:watch|see|view) (?:the |our |this |a |full |more )*(?i:video|clip|footage|interview|gallery|photos)\b.{0,80}\b(?i:below|above|here)\b` +
	`|^(?i:watch) (?:\S+ ){0,8}(?i:in the (?:video|player) (?:above|below))`)

// relatedLabel: "Related: …", "READ MORE: …", "More from MarketWatch", "You may also like...".
var relatedLabel = regexp.MustCompile(`^(?:>+\s*)?(?i:related|read more|read also|also read|read next|more|see also|also see|recommended|recommended for you|trending|trending now|most read|most popular|most viewed|most shared|popular|popular now|top stories|you may also like|you might also like|you may be interested in|we recommend|editors?'?’?s? picks|don't miss|do not miss|also on \S+|popular (?:on|in) \S+(?: \S+)?|around the web|from the web|further reading|more stories|more news|latest news|latest stories|recent posts|related posts|more on this( story)?|related (?:stories|articles|coverage|content|links|news|topics|videos?|photos|reading|post)|more (?:great |top |recent |popular )?(?:\S+ ){0,2}(?:stories|articles|news|coverage|videos|reads)|more from \S+(?: \S+){0,3}|read more (?:from|about|on) .{1,60}|more(?: \S+){0,3}:\s*https?://.*)(?:\s*(?::|[-–—|]\s|>+|\.\.\.|…)|\s*$)`)

// bracketedLink: a whole line in square brackets, as inline links to other stories are written.
func bracketedLink(s string) bool {
	return strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") && !strings.Contains(s[1:len(s)-1], "]") && len(s) > 12
}

// contributionPossible reports whether contribution may match f: the line
// holds "contributed" or a semicolon, or opens with one of contributionFirst.
// It is a cheap necessary condition, since " by" alone lets most news through.
func contributionPossible(f *features) bool {
	if f.lists&inContributed != 0 || strings.IndexByte(f.split, ';') >= 0 {
		return true
	}
	for _, w := range contributionFirst {
		if strings.EqualFold(f.first, w) { // as (?i:…) matches
			return true
		}
	}
	return false
}

var contributionFirst = []string{"additional", "reporting", "writing", "editing", "research", "compiled", "produced", "edited", "written"}

// captionPossible reports whether captionOpening may match f, which opens with
// a word of captionFirst: a line opening "In" or "This" must name a picture
// (the nouns are written without s and k, which (?i:…) also matches as ſ and K).
func captionPossible(f *features) bool {
	switch f.first {
	case "in":
		return strings.HasPrefix(f.lower, "in th") && containsAny(f.lower, pictureNouns)
	case "this", "these":
		return containsAny(f.lower, pictureNouns)
	}
	return true
}

var pictureNouns = []string{"photo", "image", "picture", "creen", "video", "frame"}

// contribution: "ABC News' Chris Donovan contributed to this report.", "(Reporting by …; Editing by …)".
var contribution = regexp.MustCompile(`(?i:\bcontributed (?:reporting |research |to )?(?:to )?(?:this|the) (?:report|story|article)\b)` +
	`|(?i:\bcontributed reporting\b)` +
	`|^\(?(?i:(?:additional )?(?:reporting|writing|editing|research|compiled|produced|edited|written) by)\s+\p{Lu}` +
	`|;\s*(?i:editing|writing) by\s+\p{Lu}`)

// byline: "By Terry Wade", "By Jane Doe and John Roe, CNN", "BY JANE DOE".
var byline = regexp.MustCompile(`^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|and|&|de|van|von|der|la|le|da|di|bin|al|,))*(?:\s*[,|–—-]\s*.{0,40})?$`)

// contact: an e-mail address or handle on its own, "Write to X at x@y.com", "Twitter @beckyyerak".
var contact = regexp.MustCompile(`^(?:(?:Write to|Contact|Email|E-mail|Reach)\b.{0,60}@\S+|\S+@\S+\.\w+|(?:Twitter|Instagram|Follow)?:?\s*@\w+(?:\s*(?:and|,)\s*@\w+)*|(?:Follow (?:\p{Lu}\S*\s*){1,3}on (?:Twitter|Instagram|Facebook)\b.*))\.?$`)

var copyright = regexp.MustCompile(`^(?:©|\(c\)|copyright\b)`)

// dateOnly: a line that is only a date or a time stamp ("Tuesday, October 16, 2018",
// "Published 10:32 AM ET Nov 3, 2019", "Updated: 2019-11-03").
var dateOnly = regexp.MustCompile(`^(?i:(?:published|updated|posted|last updated|first published|modified)\s*(?:on|at)?:?\s*)?` +
	`(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?` +
	`(?:` +
	`(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})` +
	`|(?i:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})` +
	`|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?` +
	`|\d{1,2}/\d{1,2}/\d{2,4}` +
	`)(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$`)

// widgetWords are the words of share, follow and print buttons.
var widgetWords = map[string]bool{
	"share": true, "shares": true, "shared": true, "sharing": true, "this": true, "article": true, "story": true, "page": true,
	"tweet": true, "tweets": true, "retweet": true, "email": true, "e-mail": true, "mail": true, "send": true, "in": true, "on": true, "via": true,
	"print": true, "comment": true, "comments": true, "facebook": true, "twitter": true, "linkedin": true,
	"pinterest": true, "whatsapp": true, "reddit": true, "tumblr": true, "google+": true, "google": true, "messenger": true,
	"flipboard": true, "pocket": true, "telegram": true, "sms": true, "copy": true, "link": true, "copied": true,
	"save": true, "saved": true, "pin": true, "it": true, "play": true, "like": true, "likes": true, "follow": true,
	"text": true, "size": true, "font": true, "a": true, "-": true, "+": true, "|": true, "•": true, "·": true,
	"x": true, "close": true, "menu": true, "more": true, "options": true, "gift": true, "url": true, "embed": true,
	"bookmark": true, "reprints": true, "permissions": true, "print/email": true, "share/save": true,
	"instagram": true, "youtube": true, "snapchat": true, "vk": true, "weibo": true, "wechat": true, "line": true,
}

// allWidgetWords reports whether every word of s (numbers and counts aside) is a widget word,
// and at least one of them names a share action or a network.
func allWidgetWords(s string) bool {
	named := false
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.:;!?()[]{}\"'“”‘’")
		if w == "" || isCount(w) {
			continue
		}
		if !widgetWords[w] {
			return false
		}
		switch w {
		case "this", "article", "story", "page", "in", "on", "via", "it", "a", "-", "+", "|", "•", "·", "x", "more", "line", "text", "size", "copy", "link", "like", "play", "send":
		default:
			named = true
		}
	}
	return named
}

// isCount reports whether w is a number or a count such as "1.2K".
func isCount(w string) bool {
	w = strings.TrimRight(w, "kKmM")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// Promotion: calls to action for apps, newsletters, subscriptions and social accounts.
var (
	// ctaOpening: imperative openings that do not begin news sentences.
	ctaOpening    = regexp.MustCompile(`^(?:[>»›▶→]+\s*)?(?i:click|tap|download|subscribe|sign up|sign-up|signup|log in|sign in|like us|follow us|check out|don't miss|do not miss|never miss|be the first|thanks for|thank you for (?:reading|subscribing|signing)|already a|continue reading|to continue reading|learn more|find out more|see more|unlock|start your free|want more|interested in|get (?:the|our|all|breaking|daily|free|unlimited|full|exclusive|instant|the latest|more)\b|join (?:us|our|the conversation|the discussion)|follow (?:@|\p{Lu}\S* on\b|\p{Lu}\S* \p{Lu}\S* on\b|the latest|our|live)|listen (?:to|on) (?:the|our)|read (?:more|the full|our|the latest)|support (?:our|us|independent|quality|local) (?:journalism|reporting|work)|become a (?:member|subscriber|supporter|patron)|stay (?:up to date|informed|connected|in the know|tuned)|add \p{Lu}.{0,40} as an interest|sign up|follow (?:\S+ ){0,6}?(?:on (?:facebook|twitter|instagram|linkedin|youtube|tiktok|telegram)|coverage of)|if you (?:enjoyed|liked|like|value) (?:this|reading|our)|like this (?:story|article|post|video)\?|share (?:this|it) with)(?:[\s:!,.?]|$)`)
	promoOnlyLine = regexp.MustCompile(`^(?i:advertisement|advertisements|advert|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|story continued below|article continues below|continue reading( the main story)?( below)?|advertisement continue reading the main story|skip advertisement|scroll to continue|story continues below(?: advertisement)?|content continues below|thanks for (?:signing up|subscribing)!?|sign up|subscribe|subscribe now|log ?in|sign in|register|read more|learn more|show more|load more|see more|view comments|view \d+ comments|comments|leave a comment|loading|loading\.\.\.|close|back to top|next article|previous article|skip to (?:main )?content)[.!]?$`)
)

func isPromo(f *features) bool {
	if f.opens(promoOnlyFirst) && promoOnlyLine.MatchString(f.raw) {
		return true
	}
	if f.opens(ctaFirst) && ctaOpening.MatchString(f.raw) {
		return true
	}
	objects := promoObjects(f, 4)
	switch {
	case objects >= 1 && promoMarker(f.raw):
		return true
	case objects >= 3 && f.words <= 30:
		return true
	}
	return f.lists&inClickHere != 0
}

// promoWords are what calls to action promote or ask for.
var promoWords = []string{"app", "apps", "newsletter", "newsletters", "inbox",
	"email", "emails", "e-mail", "e-mails", "alert", "alerts", "notification", "notifications", "subscribe", "subscriber",
	"subscribers", "subscription", "subscriptions", "subscribing", "sign up", "signing up", "sign-up", "signup", "log in",
	"login", "podcast", "podcasts", "follow us", "like us", "our facebook", "our twitter", "our instagram", "our youtube",
	"our channel", "our page", "our site", "our website", "on facebook", "on twitter", "on instagram", "on youtube",
	"on telegram", "on whatsapp", "on apple podcasts", "on spotify", "icon", "button", "click here", "tap here", "premium",
	"unlimited access", "digital access", "free trial", "ad-free", "membership", "donate", "privacy policy", "terms of use",
	"terms of service", "email address", "updates", "breaking news", "daily digest", "daily briefing", "stay up to date",
	"stay informed", "stay connected", "add interest"}

// promoFirsts numbers the first words of promoWords (128 at most: see
// TestPromoFirsts); promoBits[i] is promoWords[i]'s first word's number.
var promoFirsts, promoBits = func() (map[string]uint8, []uint8) {
	m := make(map[string]uint8)
	bits := make([]uint8, len(promoWords))
	for i, w := range promoWords {
		first, _, _ := strings.Cut(w, " ")
		bit, ok := m[first]
		if !ok {
			bit = uint8(len(m) % 128)
			m[first] = bit
		}
		bits[i] = bit
	}
	return m, bits
}()

// promoObjects counts the promotion words of a line, up to max.
func promoObjects(f *features, max int) int {
	n := 0
	held := f.holds()
	for i, w := range promoWords {
		if bit := promoBits[i]; held[bit/64]&(1<<(bit%64)) == 0 {
			continue
		}
		multi := strings.IndexByte(w, ' ') >= 0
		if !multi {
			n++
		} else {
			n += countWord(f.lower, w, max-n)
		}
		if n >= max {
			break
		}
	}
	return n
}

var clickHere = []string{"click here", "tap here", "click this link", "click the link", "tap the link", "click below", "tap below"}

// promoMarker reports the arrows that calls to action wear (">> Get … >>", "» Subscribe").
func promoMarker(s string) bool {
	return containsAny(s, []string{">>", "»»", "> >"}) || strings.HasPrefix(s, "▶") || strings.HasPrefix(s, "→") || strings.HasPrefix(s, "» ")
}

// promoHint reports whether a short line carries promotion vocabulary; such a
// line goes with a promotion block it touches ("Keep an eye on your inbox …").
func promoHint(f *features) bool {
	return !f.newsLike && f.words <= 25 && promoObjects(f, 1) > 0
}
