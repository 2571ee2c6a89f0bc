package stem

import "github.com/kljensen/snowball/english"

// This file is a byte-level port of github.com/kljensen/snowball/english (MIT,
// see NOTICE) for words of ASCII letters and apostrophes, the near totality of
// news English. The library converts every suffix it tries to a []rune and spends
// about a microsecond and 1.6 allocations a word; the port gives the same stems (checked
// against the library on its vocabulary and by FuzzPorter2) in a fraction of that
// with no allocation but the result. Other words go to the library.
//
// Functions follow the library's steps (step0 … step5) so that a diff can be read
// against it and against the published algorithm (snowballstem.org/algorithms/english).

// porter2 returns the stem of a lower-case word, using the library for words it
// does not handle itself.
func porter2(word string) string {
	if len(word) <= 2 {
		return word
	}
	if len(word) > maxWord || !plainASCII(word) {
		return english.Stem(word, true)
	}
	if s, ok := special(word); ok {
		return s
	}
	var w pword
	w.n = copy(w.b[:], word)
	for w.n > 0 && w.b[0] == '\'' { // trimLeftApostrophes
		copy(w.b[:], w.b[1:w.n])
		w.n--
	}
	w.capitalizeYs()
	w.r1r2()
	w.step0()
	w.step1a()
	w.step1b()
	w.step1c()
	w.step2()
	w.step3()
	w.step4()
	w.step5()
	for i := 0; i < w.n; i++ { // postprocess
		if w.b[i] == 'Y' {
			w.b[i] = 'y'
		}
	}
	if w.n == len(word) && string(w.b[:w.n]) == word {
		return word // unchanged: no allocation
	}
	return string(w.b[:w.n])
}

const maxWord = 48

func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || c == '\'') {
			return false
		}
	}
	return true
}

// pword is a word being stemmed: its bytes ('Y' for a consonant y) and regions.
type pword struct {
	b      [maxWord]byte
	n      int
	r1, r2 int
}

func (w *pword) s() string { return string(w.b[:w.n]) } // for tests and debugging

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func (w *pword) hasSuffix(s string) bool {
	if w.n < len(s) {
		return false
	}
	for i, j := len(s)-1, w.n-1; i >= 0; i, j = i-1, j-1 {
		if s[i] != w.b[j] {
			return false
		}
	}
	return true
}

// suffixList is a list of suffixes tried in order, indexed by last letter so that
// only the suffixes that can match are compared.
type suffixList [256][]string

func newSuffixList(suffixes ...string) *suffixList {
	var l suffixList
	for _, s := range suffixes {
		c := s[len(s)-1]
		l[c] = append(l[c], s)
	}
	return &l
}

// firstSuffix returns the first suffix of the list that the word ends with, or "".
func (w *pword) firstSuffix(l *suffixList) string {
	if w.n == 0 {
		return ""
	}
	for _, s := range l[w.b[w.n-1]] {
		if w.hasSuffix(s) {
			return s
		}
	}
	return ""
}

// cut removes the last k bytes, keeping the regions inside the word.
func (w *pword) cut(k int) {
	w.n -= k
	w.r1 = min(w.r1, w.n)
	w.r2 = min(w.r2, w.n)
}

// replace swaps the suffix of length k for repl.
func (w *pword) replace(k int, repl string) {
	w.n -= k
	w.n += copy(w.b[w.n:], repl)
	w.r1 = min(w.r1, w.n)
	w.r2 = min(w.r2, w.n)
}

func (w *pword) hasPrefix(p string) bool {
	return w.n >= len(p) && string(w.b[:len(p)]) == p
}

func (w *pword) capitalizeYs() {
	for i := 0; i < w.n; i++ {
		if w.b[i] == 'y' && (i == 0 || isVowel(w.b[i-1])) {
			w.b[i] = 'Y'
		}
	}
}

func (w *pword) r1r2() {
	switch {
	case w.hasPrefix("gener"), w.hasPrefix("arsen"):
		w.r1 = 5
	case w.hasPrefix("commun"):
		w.r1 = 6
	default:
		w.r1 = w.vnv(0)
	}
	w.r2 = w.vnv(w.r1)
}

// vnv returns the position after the first non-vowel that follows a vowel, from start.
func (w *pword) vnv(start int) int {
	for j := start + 1; j < w.n; j++ {
		if isVowel(w.b[j-1]) && !isVowel(w.b[j]) {
			return j + 1
		}
	}
	return w.n
}

func (w *pword) step0() {
	switch {
	case w.hasSuffix("'s'"):
		w.cut(3)
	case w.hasSuffix("'s"):
		w.cut(2)
	case w.hasSuffix("'"):
		w.cut(1)
	}
}

func (w *pword) step1a() {
	switch {
	case w.hasSuffix("sses"):
		w.replace(4, "ss")
	case w.hasSuffix("ied"), w.hasSuffix("ies"):
		if w.n > 4 {
			w.replace(3, "i")
		} else {
			w.replace(3, "ie")
		}
	case w.hasSuffix("us"), w.hasSuffix("ss"):
	case w.hasSuffix("s"):
		for i := 0; i < w.n-2; i++ {
			if isVowel(w.b[i]) {
				w.cut(1)
				return
			}
		}
	}
}

var (
	step1bSuffixes = newSuffixList("eedly", "ingly", "edly", "ing", "eed", "ed")
	step1bEndings  = newSuffixList("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
)

func (w *pword) step1b() {
	suffix := w.firstSuffix(step1bSuffixes)
	k := len(suffix)
	switch suffix {
	case "":
		return
	case "eed", "eedly":
		if k <= w.n-w.r1 {
			w.replace(k, "ee")
		}
		return
	}
	vowel := false
	for i := 0; i < w.n-k; i++ {
		if isVowel(w.b[i]) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	r1, r2 := w.r1, w.r2
	w.cut(k)
	switch e := w.firstSuffix(step1bEndings); e {
	case "":
		if w.isShort() {
			w.b[w.n] = 'e'
			w.n++
			w.r1, w.r2 = w.n, w.n
			return
		}
	case "at", "bl", "iz":
		w.b[w.n] = 'e'
		w.n++
	default:
		w.cut(1)
	}
	w.r1 = min(r1, w.n)
	w.r2 = min(r2, w.n)
}

func (w *pword) isShort() bool {
	return w.r1 >= w.n && w.endsShortSyllable(w.n)
}

// endsShortSyllable reports whether b[:i] ends in a short syllable.
func (w *pword) endsShortSyllable(i int) bool {
	switch {
	case i == 2:
		return isVowel(w.b[0]) && !isVowel(w.b[1])
	case i >= 3:
		s1, s2, s3 := w.b[i-1], w.b[i-2], w.b[i-3]
		return !isVowel(s1) && s1 != 'w' && s1 != 'x' && s1 != 'Y' && isVowel(s2) && !isVowel(s3)
	}
	return false
}

func (w *pword) step1c() {
	if w.n > 2 && (w.b[w.n-1] == 'y' || w.b[w.n-1] == 'Y') && !isVowel(w.b[w.n-2]) {
		w.b[w.n-1] = 'i'
	}
}

var step2Suffixes = newSuffixList(
	"ational", "fulness", "iveness", "ization", "ousness",
	"biliti", "lessli", "tional", "alism", "aliti", "ation",
	"entli", "fulli", "iviti", "ousli", "anci", "abli",
	"alli", "ator", "enci", "izer", "bli", "ogi", "li",
)

func (w *pword) step2() {
	suffix := w.firstSuffix(step2Suffixes)
	k := len(suffix)
	if suffix == "" || k > w.n-w.r1 {
		return
	}
	var repl string
	switch suffix {
	case "li":
		if w.n >= 3 {
			switch w.b[w.n-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				w.cut(k)
			}
		}
		return
	case "ogi":
		if w.n >= 4 && w.b[w.n-4] == 'l' {
			w.replace(k, "og")
		}
		return
	case "tional":
		repl = "tion"
	case "enci":
		repl = "ence"
	case "anci":
		repl = "ance"
	case "abli":
		repl = "able"
	case "entli":
		repl = "ent"
	case "izer", "ization":
		repl = "ize"
	case "ational", "ation", "ator":
		repl = "ate"
	case "alism", "aliti", "alli":
		repl = "al"
	case "fulness", "fulli":
		repl = "ful"
	case "ousli", "ousness":
		repl = "ous"
	case "iveness", "iviti":
		repl = "ive"
	case "biliti", "bli":
		repl = "ble"
	case "lessli":
		repl = "less"
	}
	w.replace(k, repl)
}

var step3Suffixes = newSuffixList("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness")

func (w *pword) step3() {
	suffix := w.firstSuffix(step3Suffixes)
	k := len(suffix)
	if suffix == "" || k > w.n-w.r1 {
		return
	}
	var repl string
	switch suffix {
	case "ative":
		if w.n-w.r2 >= 5 {
			w.cut(k)
		}
		return
	case "ational":
		repl = "ate"
	case "tional":
		repl = "tion"
	case "alize":
		repl = "al"
	case "icate", "iciti", "ical":
		repl = "ic"
	}
	w.replace(k, repl)
}

var step4Suffixes = newSuffixList(
	"ement", "ance", "ence", "able", "ible", "ment",
	"ent", "ant", "ism", "ate", "iti", "ous", "ive",
	"ize", "ion", "al", "er", "ic",
)

func (w *pword) step4() {
	suffix := w.firstSuffix(step4Suffixes)
	k := len(suffix)
	if suffix == "" || k > w.n-w.r2 {
		return
	}
	if suffix == "ion" && !(w.n >= 4 && (w.b[w.n-4] == 's' || w.b[w.n-4] == 't')) {
		return
	}
	w.cut(k)
}

func (w *pword) step5() {
	last := w.n - 1
	if w.r1 > last {
		return
	}
	switch {
	case w.b[last] == 'e':
		if w.r2 <= last || !w.endsShortSyllable(last) {
			w.cut(1)
		}
	case w.r2 <= last && w.b[last] == 'l' && last >= 1 && w.b[last-1] == 'l':
		w.cut(1)
	}
}

// special returns the stem of the library's exceptional forms.
func special(word string) (string, bool) {
	switch word {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing",
		"canning", "herring", "earring", "proceed", "exceed", "succeed":
		return word, true
	case "innings", "outings", "cannings", "herrings", "earrings":
		return word[:len(word)-1], true
	case "proceeds", "proceeded", "proceeding":
		return "proceed", true
	case "exceeds", "exceeded", "exceeding":
		return "exceed", true
	case "succeeds", "succeeded", "succeeding":
		return "succeed", true
	}
	return "", false
}
