package rouge

// step1a removes plurals: sses → ss, ies → i, s → "" after any letter but s.
//
//	caresses → caress, ponies → poni, caress → caress, cats → cat
func step1a(w []byte) []byte {
	switch n := len(w); {
	case hasSuffix(w, "sses"), hasSuffix(w, "ies"):
		return w[:n-2]
	case n >= 2 && w[n-1] == 's' && w[n-2] != 's':
		return w[:n-1]
	}
	return w
}
