package rouge

// step1b removes -eed, -ed and -ing:
//
//	(m>0) eed → ee                      agreed → agree, feed → feed
//	(*v*) ed  → ""                      plastered → plaster, bled → bled
//	(*v*) ing → ""                      motoring → motor, sing → sing
//
// and, when -ed or -ing was removed, tidies the stem: at → ate, bl → ble, iz → ize; a
// double consonant other than l, s, z (or y) loses one letter; and a whole stem of the
// form consonants-vowel-consonant (not w, x, y) gains an e.
//
//	conflat(ed) → conflate, hopp(ing) → hop, fall(ing) → fall, fil(ing) → file
//
// A word that ends in -eed never loses -ed, whatever its measure.
func step1b(w []byte) []byte {
	n := len(w)
	if hasSuffix(w, "eed") {
		if measure(w[:n-3]) > 0 {
			return w[:n-1]
		}
		return w
	}
	var stem []byte
	switch {
	case hasSuffix(w, "ed"):
		stem = w[:n-2]
	case hasSuffix(w, "ing"):
		stem = w[:n-3]
	default:
		return w
	}
	if !hasVowel(stem) {
		return w
	}
	w, n = stem, len(stem)
	switch {
	case hasSuffix(w, "at"), hasSuffix(w, "bl"), hasSuffix(w, "iz"):
		return append(w, 'e')
	case n >= 2 && w[n-1] == w[n-2] && !isVowelLetter(w[n-1]) && !isAnyOf(w[n-1], "ylsz"):
		return w[:n-1]
	case endsCVC(w):
		return append(w, 'e')
	}
	return w
}

func isAnyOf(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}
