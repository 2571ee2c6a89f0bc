package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precis-news/precis/date"
)

// Dateline returns the length in bytes of the dateline that opens a news
// sentence, with the space after it, or 0 when there is none:
//
//	CAIRO (Reuters) - …            WASHINGTON (AP) _ …         SAN FRANCISCO — …
//	NEW YORK, March 2 — …          KUALA LUMPUR, Malaysia (AP) — …
//	LIMA, Dec 1 (Reuters) - …      Salahuddin, Libya (CNN) -- …
//	(CNN) …                        (Reuters Health) - …
//
// A dateline is a place in capitals (or a place and region in title case before
// an agency), an optional date, an optional agency in parentheses, then a dash;
// the dash may be left out after an agency. The sentence must go on with a
// capital letter, a digit or a quotation mark, so a parenthesis inside a
// sentence ("Jack Salmon (Mark Wahlberg) is …") is not taken for one.
func Dateline(text string) int {
	if len(text) < 8 {
		return 0
	}
	if a := agencyName(text); a > 0 {
		return rest(text, a, true)
	}
	if strings.HasPrefix(text, "FILE ") {
		return 0 // "FILE - This 2013 photo shows …": the slug of an agency photo caption
	}
	for _, caps := range []bool{true, false} {
		word := titleWord
		if caps {
			word = capsWord
		}
		// Try the places of one to four words, each alone or with a region of one
		// to three words, the longest first.
		var ends []int
		k := 0
		for n := 0; n < 4; n++ {
			w := word(text[k:])
			if w == 0 {
				break
			}
			k += w
			ends = append(ends, k)
			if k >= len(text) || text[k] != ' ' {
				break
			}
			k++
		}
		for x := len(ends) - 1; x >= 0; x-- {
			p := ends[x]
			for _, r := range regions(text[p:]) {
				if n := after(text, p+r, caps, r > 0); n > 0 {
					return n
				}
			}
		}
	}
	return 0
}

// regions returns the lengths of the ", Region" (one to three words in title
// case or capitals: "Calif.", "S.C.", "South Korea") that may follow a place,
// longest first, and 0 for none.
func regions(text string) []int {
	out := []int{0}
	if !strings.HasPrefix(text, ", ") {
		return out
	}
	k := 2
	for n := 0; n < 3; n++ {
		w := max(titleWord(text[k:]), capsWord(text[k:]))
		if w == 0 || date.IsMonth(strings.TrimSuffix(text[k:k+w], ".")) {
			break
		}
		k += w
		out = append(out, k)
		if k >= len(text) || text[k] != ' ' {
			break
		}
		k++
	}
	slices.Reverse(out)
	return out
}

// after returns the length of a dateline whose place ends at k: an optional date,
// an optional agency, a dash (which may be left out after an agency), spaces,
// then the sentence. A place in title case needs an agency, and a dash too when
// it has no region ("Washington (CNN) —"): otherwise it may be the sentence's
// subject ("Transportation Security Administration (TSA) Administrator …").
func after(text string, k int, caps, region bool) int {
	k += datePart(text[k:])
	if strings.HasPrefix(text[k:], " (") {
		if a := agencyName(text[k+1:]); a > 0 {
			return rest(text, k+1+a, caps || region)
		}
	}
	if !caps {
		return 0
	}
	return rest(text, k, false)
}

// rest returns the length of a dateline that ends at k with a dash (optional
// when optional is true) and spaces, when a sentence follows: a capital letter, a
// digit or a quotation mark, so "Jack Salmon (Mark Wahlberg) is" is no dateline.
func rest(text string, k int, optional bool) int {
	dash := dashAt(text[k:])
	if dash == 0 && !optional {
		return 0
	}
	k += dash
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) || k > 80 {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"'“‘`, r) {
		return 0
	}
	return k
}

// datePart returns the length of ", March 2" or ", Jan. 25, 2016" after a place.
func datePart(text string) int {
	if !strings.HasPrefix(text, ", ") {
		return 0
	}
	k := 2
	w := titleWord(text[k:])
	if w == 0 || !date.IsMonth(strings.TrimSuffix(text[k:k+w], ".")) {
		return 0
	}
	k += w
	if k >= len(text) || text[k] != ' ' {
		return 0
	}
	d := digitsAt(text[k+1:])
	if d == 0 || d > 2 {
		return 0
	}
	k += 1 + d
	if strings.HasPrefix(text[k:], ", ") {
		if y := digitsAt(text[k+2:]); y == 4 {
			k += 2 + y
		}
	}
	return k
}

func digitsAt(s string) int {
	k := 0
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k
}

// agencyName returns the length of "(AP)", "(Reuters)", "(CNN)", "(WRDW/WAGT)",
// "(CBSLA.com)", "(Reuters Health)": parentheses around one to three words that
// each start with a capital letter.
func agencyName(text string) int {
	if !strings.HasPrefix(text, "(") {
		return 0
	}
	end := strings.IndexByte(text, ')')
	if end < 2 || end > 30 {
		return 0
	}
	inner := text[1:end]
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > 3 {
		return 0
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return 0
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune("./&-", r) {
				return 0
			}
		}
	}
	return end + 1
}

// dashAt returns the length of a dateline's dash with the spaces before it
// ("-", "--", "—", "–", "_", ">>"), or 0 when text does not start with one. An
// ASCII dash must have a space before or after it: "CAIRO—The" and
// "SYCAMORE, Ill. --A" are datelines, "AP-NORC" is not.
func dashAt(text string) int {
	k := 0
	for k < len(text) && text[k] == ' ' {
		k++
	}
	start, ascii := k, false
	for k < len(text) {
		switch {
		case text[k] == '-' || text[k] == '_' || text[k] == '>':
			k++
			ascii = true
			continue
		case strings.HasPrefix(text[k:], "—"), strings.HasPrefix(text[k:], "–"):
			k += len("—")
			continue
		}
		break
	}
	if k == start || k-start > 6 || (ascii && start == 0 && k < len(text) && text[k] != ' ') || text[start:k] == ">" {
		return 0
	}
	return k
}

// capsWord returns the length of a word in capitals at the start of text:
// at least two letters, or letters with periods ("N.Y.", "ST."), hyphens or
// apostrophes; 0 when text does not start with one.
func capsWord(text string) int {
	k, letters := 0, 0
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '\'' || r == '’' || (r == '-' && k > 0 && k+1 < len(text) && text[k+1] != ' ' && text[k+1] != '-'):
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return 0
			}
			if letters < 2 && !(letters == 1 && k > 1) {
				return 0
			}
			return k
		}
		k += size
	}
	return 0
}

// titleWord returns the length of a word in title case at the start of text
// ("Libya", "Calif.", "Ga."), 0 when text does not start with one.
func titleWord(text string) int {
	r, size := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) {
		return 0
	}
	k := size
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLower(r) || r == '.' {
			k += size
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
		break
	}
	if k == size {
		return 0
	}
	return k
}
