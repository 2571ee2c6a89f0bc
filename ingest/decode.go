package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/precis-news/precis"
)

// decode turns the bytes of a text file into clean UTF-8: byte-order marks
// honoured (UTF-8, UTF-16), CRLF and CR made LF, invisible characters (zero-width
// spaces, soft hyphens, stray controls) dropped. Invalid UTF-8 is repaired: a text
// that is not UTF-8 at all is read as Windows-1252, the usual encoding of old
// pages; a few bad bytes in UTF-8 become U+FFFD. Each repair is reported as a
// warning. A binary file is an error.
func decode(b []byte) (string, []string, error) {
	var notes []string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return normalize(fromUTF16(b)), []string{"read as UTF-16 (byte-order mark)"}, nil
	}
	if isBinary(b) {
		return "", nil, precis.Errorf(precis.ErrInvalid, "binary file, not text")
	}
	s := string(b)
	if !utf8.Valid(b) {
		bad, good := utf8Counts(b)
		if good == 0 && bad > 0 {
			s, _ = charmap.Windows1252.NewDecoder().String(s)
			notes = append(notes, "not UTF-8: read as Windows-1252")
		} else {
			s = strings.ToValidUTF8(s, "\uFFFD")
			notes = append(notes, fmt.Sprintf("invalid UTF-8: %d bad byte%s replaced by U+FFFD", bad, plural(bad)))
		}
	}
	return normalize(s), notes, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// utf8Counts counts the invalid byte sequences of b and its valid multi-byte characters.
func utf8Counts(b []byte) (bad, good int) {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		b = b[n:]
	}
	return bad, good
}

func fromUTF16(b []byte) string {
	big := b[0] == 0xFE
	b = b[2:]
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// isBinary reports whether b looks like a binary file: a NUL byte, or many
// control characters, in its first 8 KiB.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B {
			ctl++
		}
	}
	return ctl > 8 && ctl*20 > len(head)
}

// normalize makes line ends LF and drops characters that are invisible in
// text but would count as words or split them: zero-width spaces and joiners
// outside emoji, soft hyphens, byte-order marks, other control characters.
func normalize(s string) string {
	if !needsNormalizing(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\u200B' || r == '\uFEFF' || r == '\u00AD' || r == '\u2060' || r == '\u180E':
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case unicode.IsControl(r):
			if r == '\f' || r == '\v' || r == 0x85 {
				b.WriteByte('\n')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsNormalizing(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			return true
		case r == '\u200B' || r == '\uFEFF' || r == '\u00AD' || r == '\u2060' || r == '\u180E' || r == '\u2028' || r == '\u2029':
			return true
		}
	}
	return false
}
