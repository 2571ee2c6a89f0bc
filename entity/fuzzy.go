package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps accented Latin letters to their base letter, so that "Zoë" and "Zoe" meet.
var fold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a',
	'ç': 'c', 'ć': 'c', 'č': 'c', 'ď': 'd', 'đ': 'd',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ę': 'e', 'ě': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'ı': 'i',
	'ł': 'l', 'ñ': 'n', 'ń': 'n', 'ň': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o', 'ő': 'o',
	'ř': 'r', 'ś': 's', 'š': 's', 'ş': 's', 'ș': 's', 'ť': 't', 'ţ': 't', 'ț': 't',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ů': 'u', 'ű': 'u',
	'ý': 'y', 'ÿ': 'y', 'ź': 'z', 'ż': 'z', 'ž': 'z', '’': '\'',
}

// normWord returns a word in lower case with accents folded and periods and
// apostrophes dropped: "U.S." → "us", "O’Brien" → "obrien".
func normWord(s string) string {
	plain := true // lower-case ASCII letters and digits only: nothing to change
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '.' || r == '\'' || r == '’' {
			continue
		}
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				r = f
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normPhrase normalises every word of s and joins them with single spaces;
// hyphens count as spaces.
func normPhrase(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == ',' })
	for i := range f {
		f[i] = normWord(f[i])
	}
	return strings.Join(f, " ")
}

// distance is the optimal string alignment distance between a and b (edits,
// with a swap of two neighbours counting as one), stopping early above max.
func distance(a, b string, max int) int {
	if ascii(a) && ascii(b) && len(b) < 32 {
		return distanceOf([]byte(a), []byte(b), max) // no allocation: both fit the stack
	}
	return distanceOf([]rune(a), []rune(b), max)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func distanceOf[T byte | rune](ra, rb []T, max int) int {
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	var buf [3 * 32]int
	var prev2, prev, cur []int
	if len(rb) < 32 {
		prev2, prev, cur = buf[:len(rb)+1], buf[32:32+len(rb)+1], buf[64:64+len(rb)+1]
	} else {
		prev2, prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// similarName reports whether two normalised name words are spellings of one name:
// equal, or, for words of five letters or more that start alike, one edit apart
// ("sergei"/"sergey", "kislyak"/"kisylak").
func similarName(a, b string) bool {
	if a == b {
		return true
	}
	if d := len(a) - len(b); d > 4 || d < -4 || firstRune(a) != firstRune(b) {
		return false // more than one rune apart in length, or another first letter
	}
	if utf8.RuneCountInString(a) < 5 || utf8.RuneCountInString(b) < 5 {
		return false
	}
	return distance(a, b, 1) <= 1
}
