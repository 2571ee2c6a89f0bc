package rouge

// step5 removes a final e when m > 1, or when m = 1 and the stem is not
// consonants-vowel-consonant; then it turns a final ll into l when m > 1.
//
//	probate → probat, rate → rate, cease → ceas, controll → control, roll → roll
func step5(w []byte) []byte {
	if n := len(w); n > 0 && w[n-1] == 'e' {
		stem := w[:n-1]
		if m := measure(stem); m > 1 || m == 1 && !endsCVC(stem) {
			w = stem
		}
	}
	if hasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}
