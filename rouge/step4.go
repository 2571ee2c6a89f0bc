package rouge

// step4Rules are the suffixes of ROUGE's first step-4 check. Lin took -ment and -ent out of
// Porter's list (keeping -ement) and checks them afterwards, one after the other.
var step4Rules = []rule{
	{"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""},
	{"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""},
	{"iti", ""}, {"ous", ""}, {"ive", ""}, {"ize", ""},
}

// step4 removes a suffix when the stem before it has m > 1. This is the step C.-Y. Lin
// changed for ROUGE (02/14/2004). Porter removes one suffix from a single list (-al,
// -ance, …, -ement, -ment, -ent, …, and -ion after s or t). ROUGE makes three checks in a
// row, each on the result of the one before:
//
//  1. the list without -ment and -ent;
//  2. -ment;
//  3. -ent or, only when the word does not end in -ent, -ion after s or t (which stays).
//
// So a word can lose two suffixes or fall back to a shorter one:
//
//	agreement → agreem (Porter: agreement), departmental → depart (Porter: department)
func step4(w []byte) []byte {
	w = replaceSuffix(w, step4Rules, 1)
	w = replaceSuffix(w, []rule{{"ment", ""}}, 1)
	if hasSuffix(w, "ent") {
		return replaceSuffix(w, []rule{{"ent", ""}}, 1)
	}
	if hasSuffix(w, "sion") || hasSuffix(w, "tion") {
		return replaceSuffix(w, []rule{{"ion", ""}}, 1)
	}
	return w
}
