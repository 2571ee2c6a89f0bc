package sentence

// The word lists the rules read. Lookups lower-case the word into a stack buffer,
// so they allocate nothing.

// wordClass says how a word followed by a period behaves.
type wordClass uint8

const (
	plain wordClass = iota
	// title: Mr., Sen., Gen. come before a name and never end a sentence.
	title
	// never: vs., e.g., i.e. never end a sentence.
	never
	// numbered: No., p., Feb. come before a number; before a capital they may end a sentence.
	numbered
	// starterOnly: Inc., Jr., Co., St. end a sentence only before a word that starts one.
	starterOnly
	// state: Calif., Minn. (AP state abbreviations) end a sentence before a capital
	// but not before a parenthesis: "SACRAMENTO, Calif. (AP)".
	state
	// clockWord: a.m. and p.m. go on before a day, a month or a time zone.
	clockWord
)

// classOf returns the class of the word before a period. Titles, states and
// months must be capitalized as written; the others match in any case.
func classOf(word string) wordClass {
	if len(word) > 12 {
		return plain
	}
	var buf [12]byte
	lower := lowerInto(buf[:], word)
	c, ok := abbreviations[string(lower)]
	if !ok {
		return plain
	}
	if (c == title || c == state || c == numbered && isMonth(string(lower))) && !isASCIIUpper(word[0]) {
		return plain
	}
	return c
}

func lowerInto(buf []byte, word string) []byte {
	n := 0
	for i := 0; i < len(word) && n < len(buf); i++ {
		c := word[i]
		if isASCIIUpper(c) {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

var abbreviations = func() map[string]wordClass {
	m := map[string]wordClass{}
	add := func(c wordClass, words ...string) {
		for _, w := range words {
			m[w] = c
		}
	}
	add(title, "mr", "mrs", "ms", "mx", "messrs", "mmes", "sen", "sens", "rep", "reps",
		"gov", "govs", "lt", "gen", "gens", "col", "maj", "capt", "cmdr", "cdr", "adm",
		"sgt", "cpl", "pvt", "pfc", "spc", "brig", "prof", "rev", "hon", "pres", "supt",
		"insp", "det", "atty", "msgr", "fr", "mt", "ft", "amb", "sec", "asst", "dep", "rt",
		"sra", "mme", "mlle", "gov't", "drs", "profs")
	add(never, "vs", "cf", "viz", "e.g", "i.e", "approx")
	add(numbered, "no", "nos", "nr", "num", "pp", "vol", "vols", "art", "arts", "fig",
		"figs", "ch", "chap", "para", "sect", "ed", "eds", "ca", "op", "est", "ext", "tel",
		"rte", "hwy", "ste", "apt", "rm", "bldg", "pt", "pts", "ex",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	add(starterOnly, "inc", "corp", "co", "cos", "ltd", "bros", "jr", "sr", "esq", "etc",
		"al", "st", "dr", "ave", "av", "blvd", "rd", "ln", "pkwy", "sq", "dept", "univ",
		"assn", "assoc", "intl", "natl", "govt", "mfg", "dist", "twp", "mtn", "ph.d",
		"u.s", "u.n", "u.k", "d.c", "l.a", "n.y")
	add(state, "ala", "ariz", "ark", "calif", "cal", "colo", "conn", "del", "fla", "ga",
		"ida", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn",
		"miss", "mo", "mont", "neb", "nebr", "nev", "okla", "ore", "oreg", "pa", "penn",
		"tenn", "tex", "va", "vt", "wash", "wis", "wisc", "wyo", "alta", "ont", "que")
	add(clockWord, "a.m", "p.m")
	return m
}()

func isMonth(lower string) bool {
	switch lower {
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// isStarter reports whether a capitalized word is one that starts sentences far more
// often than it continues a name: pronouns, determiners, conjunctions, prepositions,
// auxiliaries. After "U.S." or an initial, "The" starts a sentence; "Attorney" does not.
func isStarter(word string) bool {
	if len(word) > 12 {
		return false
	}
	var buf [12]byte
	_, ok := starters[string(lowerInto(buf[:], word))]
	return ok
}

var starters = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range []string{
		"a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "they", "we",
		"i", "you", "his", "her", "its", "their", "our", "my", "your", "there", "here",
		"but", "and", "or", "so", "yet", "nor", "if", "when", "while", "where", "what",
		"who", "why", "how", "which", "whether", "in", "on", "at", "for", "with", "after",
		"before", "during", "since", "as", "although", "though", "because", "now", "then",
		"still", "however", "meanwhile", "also", "yes", "no", "not", "some", "many", "most",
		"all", "both", "each", "every", "such", "other", "others", "one", "two", "three",
		"is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would",
		"should", "may", "might", "must", "has", "have", "had", "to", "from", "by", "of",
		"under", "over", "among", "between", "despite", "according", "earlier", "later",
		"instead", "even", "only", "just", "indeed", "thus", "nevertheless", "moreover",
		"furthermore", "until", "unless", "once", "last", "another", "none", "nothing",
		"it's", "i'm", "he's", "she's", "that's", "there's", "we're", "they're", "i've",
		"we've", "i'd", "let's", "don't", "what's", "here's", "if", "asked", "mr", "mrs",
		"ms", "dr",
	} {
		m[w] = struct{}{}
	}
	return m
}()

// isTimeWord reports whether a capitalized word may follow "5 p.m." in the same
// sentence: a day, a month, a time zone.
func isTimeWord(word string) bool {
	switch word {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
		"GMT", "UTC", "BST", "CET", "CEST", "IST", "JST", "AEST", "AEDT", "HST", "AKST",
		"Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich", "Z":
		return true
	}
	return false
}

// isReportingVerb reports whether a word attributes a quotation: “Why?” Smith asked.
func isReportingVerb(word string) bool {
	switch word {
	case "said", "says", "asked", "asks", "told", "tells", "wrote", "writes", "added",
		"adds", "replied", "replies", "recalled", "recalls", "explained", "explains",
		"continued", "insisted", "noted", "shouted", "yelled", "tweeted", "joked",
		"wondered", "quipped", "demanded", "declared", "argued", "countered",
		"responded", "admitted", "cried", "exclaimed", "screamed", "chanted", "posted":
		return true
	}
	return false
}
