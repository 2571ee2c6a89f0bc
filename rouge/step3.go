package rouge

var step3Rules = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

// step3 removes or shortens -icate, -ative, -alize, -iciti, -ical, -ful and -ness when the
// stem before them has m > 0.
//
//	triplicate → triplic, formative → form, hopeful → hope, goodness → good
func step3(w []byte) []byte {
	return replaceSuffix(w, step3Rules, 0)
}
