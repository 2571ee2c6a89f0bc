package rouge

// step1c turns a final y into i when the rest of the word has a vowel.
//
//	happy → happi, sky → sky
func step1c(w []byte) []byte {
	if n := len(w); n > 0 && w[n-1] == 'y' && hasVowel(w[:n-1]) {
		w[n-1] = 'i'
	}
	return w
}
