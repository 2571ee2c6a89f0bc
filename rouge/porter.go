package rouge

// Porter returns the stem of a lower-case word by Porter's 1980 algorithm exactly as
// ROUGE-1.5.5 runs it: Martin Porter's own Perl reference version (with its step-2 rules
// bli→ble and logi→log) with step 4 as C.-Y. Lin changed it for ROUGE (see step4).
// A leading y is a consonant, digits are consonants, and words shorter than 3 bytes are
// returned unchanged. Bytes other than a-z are treated as consonants and never panic.
//
// ROUGE's -m does not call Porter directly on every token: see [Stem].
func Porter(word string) string {
	if len(word) < 3 {
		return word
	}
	w := []byte(word)
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5(w)
	return string(w)
}

// The helpers below follow the regular expressions of Porter's Perl version, where a
// consonant is [^aeiou], except that y is a vowel after a consonant, and the word's first
// letter, y included, is a consonant when it is not a, e, i, o or u.

func isVowelLetter(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// consonant reports whether w[i] is a consonant in Porter's sense, given whether w[i-1]
// is (ignored for i == 0).
func consonant(w []byte, i int, prev bool) bool {
	switch c := w[i]; {
	case isVowelLetter(c):
		return false
	case c == 'y':
		return i == 0 || !prev
	}
	return true
}

// measure returns m, the number of vowel-consonant sequences in w = [C](VC)^m[V].
func measure(w []byte) int {
	m, prev := 0, true
	for i := range w {
		c := consonant(w, i, prev)
		if c && !prev {
			m++
		}
		prev = c
	}
	return m
}

// hasVowel reports whether w contains a vowel (Perl's /^(C)?v/).
func hasVowel(w []byte) bool {
	prev := true
	for i := range w {
		if prev = consonant(w, i, prev); !prev {
			return true
		}
	}
	return false
}

// endsCVC reports whether the whole of w is one consonant sequence, one vowel and a final
// consonant other than w, x or y: Perl's /^C v [^aeiouwxy]$/, which stands for the
// algorithm's "m=1 and *o" condition.
func endsCVC(w []byte) bool {
	n := len(w)
	if n < 3 || isVowelLetter(w[0]) {
		return false
	}
	for _, c := range w[1 : n-2] {
		if isVowelLetter(c) || c == 'y' {
			return false
		}
	}
	v, last := w[n-2], w[n-1]
	return (isVowelLetter(v) || v == 'y') && !isVowelLetter(last) && last != 'w' && last != 'x' && last != 'y'
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// A rule replaces a suffix by another.
type rule struct{ suffix, replacement string }

// longestRule returns the rule with the longest suffix that w ends with, as Perl's
// leftmost match of an alternation anchored at $ finds it, or false.
func longestRule(w []byte, rules []rule) (rule, bool) {
	best, found := rule{}, false
	for _, r := range rules {
		if hasSuffix(w, r.suffix) && (!found || len(r.suffix) > len(best.suffix)) {
			best, found = r, true
		}
	}
	return best, found
}
