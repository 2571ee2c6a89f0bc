package quote

import "strings"

// reporting lists the verbs that report speech, as lemmas; "lemma:past" gives an
// irregular or doubled past tense (the participle is the same unless a third form
// follows). Their forms are generated, so that "describes" counts as "described" does.
const reporting = `say:said tell:told add ask write:wrote:written explain note state reply respond answer
claim insist argue recall declare announce warn admit:admitted acknowledge concede confirm deny
maintain shout tweet post testify suggest observe joke quip:quipped caution continue conclude
emphasize emphasise stress urge predict describe wonder recount remark boast complain lament plead
vow promise report read:read scream yell whisper sing:sang:sung counter contend agree dispute blast
slam muse marvel:marveled offer text email clarify reiterate assert allege exclaim retort rebut
interject proclaim pledge mention caption inform sob cry recommend chant`

// bare lemmas that report speech after "to" or a modal ("would say") and are seldom nouns.
var bare = set(`say tell ask add write explain insist argue recall declare warn admit acknowledge
concede confirm deny testify suggest describe wonder remark complain`)

// phrasal verbs report speech with their particle: "Cohen fired back", "followed up".
var phrasal = map[string]string{
	"fired": "back", "fires": "back", "shot": "back", "shoots": "back", "pushed": "back", "pushes": "back",
	"hit": "back", "snapped": "back", "followed": "up", "follows": "up", "chimed": "in", "chimes": "in",
	"pointed": "out", "points": "out", "went": "on", "goes": "on", "summed": "up",
}

// speechVerbs holds every form of the reporting verbs.
var speechVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, entry := range strings.Fields(reporting) {
		forms := strings.Split(entry, ":")
		for i, f := range inflect(forms[0]) {
			// Bare lemmas are nouns as often as verbs ("the report", "a post"): only
			// those that seldom are count.
			if i > 0 || bare[f] {
				m[f] = true
			}
		}
		for _, f := range forms[1:] {
			m[f] = true
		}
	}
	m["called"], m["calling"] = true, true // naming verbs, told apart where it matters
	return m
}()

// inflect returns a regular verb's lemma, third person, past and -ing forms.
func inflect(v string) []string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "e"):
		return []string{v, v + "s", v + "d", v[:n-1] + "ing"}
	case n > 1 && v[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(v[n-2])):
		return []string{v, v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		return []string{v, v + "es", v + "ed", v + "ing"}
	}
	return []string{v, v + "s", v + "ed", v + "ing"}
}

// speechAt reports whether ts[k] reports speech, and how many tokens the verb takes
// (two for a phrasal verb such as "fired back").
func speechAt(ts []tok, k int) (bool, int) {
	t := ts[k]
	if !t.word || t.cap && (k > 0 || t.lower != "asked") {
		return false, 0 // capitalised, a verb only where it opens the sentence: "Asked by …"
	}
	if speechVerbs[t.lower] {
		return true, 1
	}
	if p, ok := phrasal[t.lower]; ok && k+1 < len(ts) && ts[k+1].lower == p {
		return true, 2
	}
	// "issued a statement", "released a statement on Facebook".
	if issuing[t.lower] && k+2 < len(ts) && (ts[k+1].lower == "a" || ts[k+1].lower == "the") && media[ts[k+2].lower] {
		return true, 3
	}
	return false, 0
}

// issuing verbs report speech with a statement as object: "issued a statement".
var issuing = set(`issued issues released releases published publishes posted posts`)
