package rouge

import (
	"bufio"
	"crypto/md5"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestPorterVocabulary checks 10,060 word/stem pairs. The words are every [a-z0-9]{3,} word
// of the embedded WordNet exception lists and stopword list plus words chosen for each rule;
// the stems were made by running them through a Perl transliteration of ROUGE-1.5.5's
// stemmer (Porter's Perl reference with Lin's step 4) under perl 5.36, so Perl's own
// regular-expression engine is the judge. The same oracle agreed with Porter on all 16,742
// distinct words of ../shared/eval/multinews-dev and 240,508 random suffix-heavy strings.
func TestPorterVocabulary(t *testing.T) {
	f, err := os.Open("testdata/porter-vocabulary.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, bad := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		word, want, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			t.Fatalf("line %d: %q is not \"word stem\"", n+1, sc.Text())
		}
		n++
		if got := Porter(word); got != want {
			if bad++; bad <= 20 {
				t.Errorf("Porter(%q) = %q, want %q", word, got, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 10060 {
		t.Errorf("vocabulary has %d pairs, want 10060", n)
	}
	if bad > 0 {
		t.Errorf("%d of %d stems differ", bad, n)
	}
}

// TestPorterLinStep4 shows where ROUGE's stemmer parts from Porter's published algorithm.
func TestPorterLinStep4(t *testing.T) {
	for _, tc := range []struct{ word, rouge, porter string }{
		{"agreement", "agreem", "agreement"},        // -ement kept (m=1), then -ent goes
		{"departmental", "depart", "department"},    // -al, then -ment
		{"governmental", "govern", "government"},    // -al, then -ment
		{"replacement", "replac", "replac"},         // -ement, as in Porter
		{"adoption", "adopt", "adopt"},              // -ion after t, as in Porter
		{"dependent", "depend", "depend"},           // -ent, as in Porter
		{"environmental", "environ", "environment"}, // -al, then -ment
	} {
		t.Run(tc.word, func(t *testing.T) {
			if got := Porter(tc.word); got != tc.rouge {
				t.Errorf("Porter(%q) = %q, want ROUGE's %q (standard Porter: %q)", tc.word, got, tc.rouge, tc.porter)
			}
		})
	}
}

func TestPorterSteps(t *testing.T) {
	// Examples from Porter (1980), each through the whole algorithm.
	for _, tc := range []struct{ word, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"cats", "cat"},
		{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
		{"motoring", "motor"}, {"sing", "sing"}, {"hopping", "hop"}, {"falling", "fall"},
		{"filing", "file"}, {"happy", "happi"}, {"sky", "sky"}, {"relational", "relat"},
		{"rational", "ration"}, {"hopeful", "hope"}, {"goodness", "good"}, {"probate", "probat"},
		{"rate", "rate"}, {"cease", "ceas"}, {"controlling", "control"}, {"roll", "roll"},
		{"generalizations", "gener"}, {"oscillators", "oscil"},
		{"yelling", "yell"}, {"1990s", "1990"}, {"ab", "ab"}, {"", ""},
	} {
		t.Run(tc.word, func(t *testing.T) {
			if got := Porter(tc.word); got != tc.want {
				t.Errorf("Porter(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	for _, tc := range []struct{ token, want, why string }{
		{"men", "men", "3 bytes or fewer: never stemmed, not even by the exception list"},
		{"was", "was", "short"},
		{"cats", "cat", "Porter"},
		{"geese", "goose", "exception lemma, not stemmed further"},
		{"goose", "goos", "Porter: so geese and goose do not match"},
		{"children", "child", "exception"},
		{"better", "well", "adv.exc overrides adj.exc's good"},
		{"best", "well", "adv.exc overrides adj.exc's good"},
		{"were", "be", "exception"},
		{"went", "go", "exception"},
		{"testes", "testes", "the later noun.exc line wins"},
		{"gasses", "gas", "verb.exc overrides noun.exc"},
		{"data", "datum", "exception"},
		{"agreement", "agreem", "Lin's step 4"},
	} {
		t.Run(tc.token, func(t *testing.T) {
			if got := Stem(tc.token); got != tc.want {
				t.Errorf("Stem(%q) = %q, want %q (%s)", tc.token, got, tc.want, tc.why)
			}
		})
	}
}

func TestExceptionTable(t *testing.T) {
	m := exceptions()
	if len(m) != 5930 {
		t.Errorf("exception table has %d keys, want ROUGE's 5,930", len(m))
	}
	odd := 0
	for k := range m {
		if strings.ContainsAny(k, "-_.'") {
			odd++
		}
	}
	// These keys can never equal a ROUGE token, which holds only a-z and 0-9.
	if odd != 300 {
		t.Errorf("%d keys hold - _ . or ', want 300", odd)
	}
	if _, err := wordnetFS.ReadFile("data/wordnet-2.0-exc/LICENSE"); err != nil {
		t.Errorf("the WordNet licence must be embedded with the lists: %v", err)
	}
}

func TestStopwords(t *testing.T) {
	if got := fmt.Sprintf("%x", md5.Sum([]byte(smartStopwords))); got != "a45fbbb50a2fd45ef502a006f0f70129" {
		t.Errorf("smart_common_words.txt md5 %s, want ROUGE-1.5.5's a45fbbb50a2fd45ef502a006f0f70129", got)
	}
	if n := strings.Count(smartStopwords, "\n"); n != 598 {
		t.Errorf("%d lines, want 598", n)
	}
	for w, want := range map[string]bool{"reuters": true, "ap": true, "jan": true, "the": true, "cat": false, "e.g.": true} {
		if IsStopword(w) != want {
			t.Errorf("IsStopword(%q) = %v, want %v", w, !want, want)
		}
	}
}

// regexOracle is Porter's Perl version transliterated into Go regular expressions, with
// Lin's step 4: an independent statement of the algorithm that Porter's hand-written steps
// must agree with.
var regexOracle = func() func(string) string {
	const (
		c = "[^aeiou]"
		v = "[aeiouy]"
		C = c + "[^aeiouy]*"
		V = v + "[aeiou]*"
	)
	mgr0 := regexp.MustCompile("^(" + C + ")?" + V + C)
	meq1 := regexp.MustCompile("^(" + C + ")?" + V + C + "(" + V + ")?$")
	mgr1 := regexp.MustCompile("^(" + C + ")?" + V + C + V + C)
	hasV := regexp.MustCompile("^(" + C + ")?" + v)
	cvc := regexp.MustCompile("^" + C + v + "[^aeiouwxy]$")
	step2 := regexp.MustCompile("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$")
	step3 := regexp.MustCompile("(icate|ative|alize|iciti|ical|ful|ness)$")
	step4 := regexp.MustCompile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
	edIng := regexp.MustCompile("(ed|ing)$")
	atBlIz := regexp.MustCompile("(at|bl|iz)$")
	sTion := regexp.MustCompile("(s|t)ion$")
	list2 := map[string]string{"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
		"alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate",
		"alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log"}
	list3 := map[string]string{"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
	// cut returns the prematch and the match of re in w ($` and $&), or ok false.
	cut := func(re *regexp.Regexp, w string) (pre, match string, ok bool) {
		loc := re.FindStringIndex(w)
		if loc == nil {
			return "", "", false
		}
		return w[:loc[0]], w[loc[0]:loc[1]], true
	}
	return func(w string) string {
		if len(w) < 3 {
			return w
		}
		y := w[0] == 'y'
		if y {
			w = "Y" + w[1:]
		}
		switch {
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ies"):
			w = w[:len(w)-2]
		case len(w) >= 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
			w = w[:len(w)-1]
		}
		if strings.HasSuffix(w, "eed") {
			if mgr0.MatchString(w[:len(w)-3]) {
				w = w[:len(w)-1]
			}
		} else if pre, _, ok := cut(edIng, w); ok && hasV.MatchString(pre) {
			w = pre
			n := len(w)
			switch {
			case atBlIz.MatchString(w):
				w += "e"
			case n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])):
				w = w[:n-1]
			case cvc.MatchString(w):
				w += "e"
			}
		}
		if strings.HasSuffix(w, "y") && hasV.MatchString(w[:len(w)-1]) {
			w = w[:len(w)-1] + "i"
		}
		if pre, suf, ok := cut(step2, w); ok && mgr0.MatchString(pre) {
			w = pre + list2[suf]
		}
		if pre, suf, ok := cut(step3, w); ok && mgr0.MatchString(pre) {
			w = pre + list3[suf]
		}
		if pre, _, ok := cut(step4, w); ok && mgr1.MatchString(pre) {
			w = pre
		}
		if strings.HasSuffix(w, "ment") && mgr1.MatchString(w[:len(w)-4]) {
			w = w[:len(w)-4]
		}
		if strings.HasSuffix(w, "ent") {
			if mgr1.MatchString(w[:len(w)-3]) {
				w = w[:len(w)-3]
			}
		} else if pre, _, ok := cut(sTion, w); ok && mgr1.MatchString(w[:len(pre)+1]) {
			w = w[:len(pre)+1]
		}
		if strings.HasSuffix(w, "e") {
			stem := w[:len(w)-1]
			if mgr1.MatchString(stem) || meq1.MatchString(stem) && !cvc.MatchString(stem) {
				w = stem
			}
		}
		if strings.HasSuffix(w, "ll") && mgr1.MatchString(w) {
			w = w[:len(w)-1]
		}
		if y {
			w = "y" + w[1:]
		}
		return w
	}
}()

// TestPorterAgainstRegexOracle compares the hand-written steps with the regular expressions
// on random words made of letters and suffixes that exercise every rule.
func TestPorterAgainstRegexOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		w := randomWord(r)
		if got, want := Porter(w), regexOracle(w); got != want {
			t.Errorf("Porter(%q) = %q, regular expressions give %q", w, got, want)
		}
	}
}

var oracleSuffixes = strings.Fields("ational tional enci anci izer bli alli entli eli ousli ization ation ator alism iveness fulness ousness aliti iviti biliti logi icate ative alize iciti ical ful ness al ance ence er ic able ible ant ement ment ent ou ism ate iti ous ive ize sion tion e ll eed ed ing y s es sses ies ss at bl iz")

func randomWord(r *rand.Rand) string {
	const letters = "aeiouybcdlmnrstwxz19"
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteByte(letters[r.IntN(len(letters))])
	}
	for range r.IntN(4) {
		b.WriteString(oracleSuffixes[r.IntN(len(oracleSuffixes))])
	}
	return b.String()
}
