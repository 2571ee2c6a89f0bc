package rouge

import "strings"

// This file reads a summary as ROUGE-1.5.5 reads an SPL file (one unit per line, raw bytes)
// and cuts it to -l words or -b bytes. ROUGE reads every summary twice: readText gives the
// token sequence of ROUGE-N, SU4 and the clipping counts of ROUGE-L; readText_LCS gives the
// units of ROUGE-L. The two agree except under -b (see cutLCS).

// readLines returns the lines of a summary as ROUGE reads them from a file: each string is
// split at '\n' as the file would be, and lines of zero length are skipped. Nothing else is
// trimmed, so a line of spaces is still a unit.
func readLines(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		for l != "" {
			i := strings.IndexByte(l, '\n')
			if i < 0 {
				out = append(out, l)
				break
			}
			if i > 0 {
				out = append(out, l[:i])
			}
			l = l[i+1:]
		}
	}
	return out
}

// isSpace reports whether c is Perl's \s on a byte string: space, \t, \n, \v, \f or \r.
// NBSP and other non-ASCII bytes are not.
func isSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// isAlnum reports whether c is an ASCII letter or digit, the only bytes a ROUGE token holds.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// wordCount is the number of fields Perl's split(/\s+/, line) returns: the runs of
// non-space bytes, plus an empty first field when the line starts with a space (trailing
// empty fields are dropped, so a line of spaces has none).
func wordCount(line string) int {
	n, in := 0, false
	for i := 0; i < len(line); i++ {
		sp := isSpace(line[i])
		if !sp && !in {
			n++
		}
		in = !sp
	}
	if n > 0 && isSpace(line[0]) {
		n++
	}
	return n
}

// firstWords returns the prefix of line that holds its first k split fields, which
// tokenizes as ROUGE's join(" ", @tokens[0..k-1]) does.
func firstWords(line string, k int) string {
	if k > 0 && line != "" && isSpace(line[0]) {
		k-- // the empty first field
	}
	if k <= 0 {
		return ""
	}
	n, in := 0, false
	for i := 0; i < len(line); i++ {
		sp := isSpace(line[i])
		if sp && in && n == k {
			return line[:i]
		}
		if !sp && !in {
			if n == k {
				return line[:i]
			}
			n++
		}
		in = !sp
	}
	return line
}

// cut returns the lines that ROUGE's readText keeps under -l or -b: whole lines while the
// running count plus the line's stays below the limit, then the first line that reaches
// it, cut to what is left.
func cut(lines []string, o Options) []string {
	switch {
	case o.LimitWords > 0:
		total := 0
		for i, l := range lines {
			n := wordCount(l)
			if total+n < o.LimitWords {
				total += n
				continue
			}
			return append(lines[:i:i], firstWords(l, o.LimitWords-total))
		}
	case o.LimitBytes > 0:
		total := 0
		for i, l := range lines {
			if total+len(l) < o.LimitBytes {
				total += len(l)
				continue
			}
			return append(lines[:i:i], l[:o.LimitBytes-total])
		}
	}
	return lines
}

// cutLCS returns the units of ROUGE-L as ROUGE's readText_LCS keeps them. Under -l it
// cuts as readText does. Under -b its byte counter is never increased: every line shorter
// than the limit is kept whole, and only the first line of limit bytes or more is cut (to
// its first limit bytes) and ends the list. ROUGE-L under -b thus runs on nearly
// untruncated summaries, while its clipping counts come from the cut text.
func cutLCS(lines []string, o Options) []string {
	if o.LimitBytes <= 0 {
		return cut(lines, o)
	}
	for i, l := range lines {
		if len(l) >= o.LimitBytes {
			return append(lines[:i:i], l[:o.LimitBytes])
		}
	}
	return lines
}

// tokens calls fn with each token of line as ROUGE-1.5.5 tokenizes it: maximal runs of
// ASCII letters and digits, lower-cased. Every other byte (punctuation, '-', each byte of
// a multi-byte UTF-8 character) separates tokens. buf is scratch space for the lower-cased
// token; fn must not keep the slice.
func tokens(line string, buf []byte, fn func(tok []byte)) []byte {
	for i := 0; i < len(line); {
		if !isAlnum(line[i]) {
			i++
			continue
		}
		buf = buf[:0]
		for ; i < len(line) && isAlnum(line[i]); i++ {
			c := line[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		fn(buf)
	}
	return buf
}
