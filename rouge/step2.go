package rouge

// step2Rules are step 2 of Porter's Perl version, which already has the departures
// bli → ble (for abli → able) and logi → log.
var step2Rules = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
	{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
	{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
	{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"logi", "log"},
}

// step2 maps double suffixes to single ones when the stem before them has m > 0. Only the
// longest suffix that the word ends with is tried.
//
//	relational → relate, conditional → condition, rational → rational
func step2(w []byte) []byte {
	return replaceSuffix(w, step2Rules, 0)
}

// replaceSuffix applies the rule with the longest matching suffix when the stem before it
// has a measure above min.
func replaceSuffix(w []byte, rules []rule, min int) []byte {
	r, ok := longestRule(w, rules)
	if !ok {
		return w
	}
	stem := w[:len(w)-len(r.suffix)]
	if measure(stem) <= min {
		return w
	}
	return append(stem, r.replacement...)
}
