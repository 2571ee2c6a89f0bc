package dataset

import (
	"context"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/precis-news/precis"
)

// ReadDUC reads DUC or TAC document sets: every folder under dir/docs that holds files is
// one cluster (DUC 2004: docs/d30001t/APW19981016.0240 …; TAC: docs/D0801A/D0801A-A/…),
// each file read by ParseSGML. Model summaries are the files under models (or, when models
// is "", anywhere under dir outside docs/) named like DUC's D30001.M.100.T.A: set D30001,
// selector T, summary A. A summary whose last name part is a letter is a reference; one
// whose last part is a number is a peer, read as the system "peer-N". A summary is matched
// to the set whose folder name equals its set and selector (d30001t, or D0801A-A for
// TAC's D0801-A.M.100.A.A), ignoring case and punctuation, or else its set alone.
// limit, when above 0, reads only the first limit clusters.
func ReadDUC(ctx context.Context, dir, models string, limit int) (*Dataset, error) {
	docs := filepath.Join(dir, "docs")
	var sets []string
	err := filepath.WalkDir(docs, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != docs && hasFile(path) {
			sets = append(sets, path)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("dataset: %s has no document set folders: %w", docs, precis.ErrInvalid)
	}
	slices.Sort(sets)
	if limit > 0 && len(sets) > limit {
		sets = sets[:limit]
	}
	ds := &Dataset{Name: filepath.Base(filepath.Clean(dir)), Format: DUC}
	index := make(map[string]int, len(sets))
	for _, set := range sets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := Cluster{ID: filepath.Base(set)}
		files, err := os.ReadDir(set)
		if err != nil {
			c.problemf("%w", err)
		}
		for _, f := range files {
			if f.IsDir() || strings.HasPrefix(f.Name(), ".") {
				continue
			}
			path := filepath.Join(set, f.Name())
			data, err := os.ReadFile(path)
			if err != nil {
				c.problemf("%w", err)
				continue
			}
			parsed := ParseSGML(data)
			if len(parsed) == 0 {
				c.problemf("%s: no document text", path)
			}
			for k, d := range parsed {
				if d.ID == "" {
					d.ID = f.Name()
					if len(parsed) > 1 {
						d.ID += "-" + strconv.Itoa(k+1)
					}
				}
				if d.Text == "" {
					c.problemf("%s: %s: empty document", path, d.ID)
					continue
				}
				d.Source = path
				c.Docs = append(c.Docs, d)
			}
		}
		index[setKey(c.ID)] = len(ds.Clusters)
		ds.Clusters = append(ds.Clusters, c)
	}

	root, skip := models, ""
	if root == "" {
		root, skip = dir, docs
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == skip {
				return filepath.SkipDir
			}
			return ctx.Err()
		}
		m := modelName.FindStringSubmatch(d.Name())
		if m == nil {
			return nil
		}
		i, ok := index[setKey(m[1]+m[3])]
		if !ok {
			if i, ok = index[setKey(m[1])]; !ok {
				return nil // a set this dataset does not have (or one cut by limit)
			}
		}
		c := &ds.Clusters[i]
		data, err := os.ReadFile(path)
		if err != nil {
			c.problemf("%w", err)
			return nil
		}
		s := Summary{Name: m[4], Text: summaryText(data), Source: path}
		if _, err := strconv.Atoi(m[4]); err == nil {
			s.Name = "peer-" + m[4]
			c.Systems = append(c.Systems, s)
		} else {
			c.Refs = append(c.Refs, s)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	for i := range ds.Clusters {
		c := &ds.Clusters[i]
		byName := func(a, b Summary) int { return strings.Compare(a.Name, b.Name) }
		slices.SortFunc(c.Refs, byName)
		slices.SortFunc(c.Systems, byName)
		c.check()
	}
	return ds, nil
}

// modelName matches DUC/TAC summary file names: SET.M.LENGTH.SELECTOR.SUMMARIZER.
var modelName = regexp.MustCompile(`^([A-Za-z0-9_-]+)\.M\.(\d+)\.([A-Za-z0-9]+)\.([A-Za-z0-9]+)$`)

// setKey is a set's name lower-cased without punctuation, so that D30001 + T finds d30001t.
func setKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

func hasFile(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			return true
		}
	}
	return false
}

// summaryText reads a model summary: plain lines, or SGML whose tags are dropped.
func summaryText(data []byte) string {
	s := string(data)
	if strings.Contains(s, "<") {
		s = tag.ReplaceAllString(s, "")
	}
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(unescape(line)); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

var (
	tag          = regexp.MustCompile(`<[^<>]*>`)
	paragraphTag = regexp.MustCompile(`(?i)</?p(\s[^<>]*)?>`)
	leftEntity   = regexp.MustCompile(`&[A-Za-z][A-Za-z0-9]{0,7};`)
	spaces       = regexp.MustCompile(`\s+`)
	docDate      = regexp.MustCompile(`(19|20)\d{6}`)
	docID        = regexp.MustCompile(`(?i)\bid\s*=\s*"([^"]*)"`)
)

// ParseSGML reads the documents of one DUC, TAC or TREC file: each <DOC> … </DOC> becomes
// a document whose ID is its DOCNO (or its id attribute), whose Title is its HEADLINE
// (or HL, HEAD, TITLE), whose Published date and Outlet come from the DOCNO
// (APW19981016.0240: the Associated Press, 16 October 1998) and whose Text is its TEXT,
// one paragraph per <P>, per blank-line block, or per indented line. Tags inside the text
// are dropped and entities decoded; unknown entities (AP's &UR;, &QL;) are dropped.
// A file without <DOC> is read as one document of plain text. A DOC without text is
// returned with an empty Text, so that the caller can report it.
func ParseSGML(data []byte) []precis.Document {
	s := string(data)
	lower := asciiLower(s)
	var out []precis.Document
	if nextDoc(lower, 0) < 0 {
		if text := sgmlText(s); text != "" {
			out = append(out, precis.Document{Text: text})
		}
		return out
	}
	for pos := 0; ; {
		start := nextDoc(lower, pos)
		if start < 0 {
			break
		}
		end := strings.Index(lower[start:], "</doc>")
		next := len(s)
		if end < 0 {
			end = len(s)
		} else {
			end += start
			next = end + len("</doc>")
		}
		out = append(out, sgmlDoc(s[start:end], lower[start:end]))
		pos = next
	}
	return out
}

// nextDoc returns the position of the next "<doc>" or "<doc …>" at or after pos, or -1.
func nextDoc(lower string, pos int) int {
	for pos < len(lower) {
		i := strings.Index(lower[pos:], "<doc")
		if i < 0 {
			return -1
		}
		i += pos
		if j := i + len("<doc"); j < len(lower) && (lower[j] == '>' || isSpaceByte(lower[j])) {
			return i
		}
		pos = i + len("<doc")
	}
	return -1
}

func sgmlDoc(s, lower string) precis.Document {
	var d precis.Document
	d.ID = plain(element(s, lower, "docno"))
	if d.ID == "" {
		if m := docID.FindStringSubmatch(s[:min(len(s), strings.IndexByte(s+">", '>')+1)]); m != nil {
			d.ID = strings.TrimSpace(m[1])
		}
	}
	for _, name := range []string{"headline", "hl", "head", "title"} {
		if t := plain(element(s, lower, name)); t != "" {
			d.Title = t
			break
		}
	}
	d.Published, d.Outlet = fromDocNo(d.ID)
	body := elements(s, lower, "text")
	if body == "" {
		body = elements(s, lower, "body")
	}
	d.Text = sgmlText(body)
	return d
}

// element returns the content of the first <name> … </name> of s, or "".
func element(s, lower, name string) string {
	if all := contents(s, lower, name, 1); len(all) > 0 {
		return all[0]
	}
	return ""
}

// elements returns the contents of every <name> … </name> of s, joined by blank lines.
func elements(s, lower, name string) string {
	return strings.Join(contents(s, lower, name, -1), "\n\n")
}

// contents returns the contents of the first n (all when n < 0) elements <name …> … </name>
// of s; lower is s with ASCII lower-cased, name is lower case. An element left open runs to
// the end of s.
func contents(s, lower, name string, n int) []string {
	var out []string
	open, closing := "<"+name, "</"+name
	for pos := 0; pos < len(lower) && (n < 0 || len(out) < n); {
		i := strings.Index(lower[pos:], open)
		if i < 0 {
			break
		}
		j := pos + i + len(open)
		pos = j
		if j >= len(lower) || !(lower[j] == '>' || isSpaceByte(lower[j])) {
			continue // a longer name: <headline> when looking for <head>
		}
		gt := strings.IndexByte(lower[j:], '>')
		if gt < 0 {
			break
		}
		from := j + gt + 1
		to := strings.Index(lower[from:], closing)
		if to < 0 {
			out = append(out, s[from:])
			break
		}
		out = append(out, s[from:from+to])
		pos = from + to + len(closing)
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// sgmlText turns the text of a DOC into paragraphs separated by blank lines.
func sgmlText(s string) string {
	var paras []string
	if paragraphTag.MatchString(s) {
		paras = paragraphTag.Split(s, -1)
	} else {
		paras = textBlocks(s)
	}
	var out []string
	for _, p := range paras {
		if p = plain(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// textBlocks splits untagged text into paragraphs: at blank lines, and at indented lines
// when the text indents its paragraphs (AP's wire copy) rather than its every line.
func textBlocks(s string) []string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	indented, nonBlank := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		nonBlank++
		if l[0] == ' ' || l[0] == '\t' {
			indented++
		}
	}
	byIndent := indented > 0 && indented < nonBlank
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if byIndent && (l[0] == ' ' || l[0] == '\t') {
			flush()
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// plain drops tags, decodes entities and collapses white space.
func plain(s string) string {
	if strings.Contains(s, "<") {
		s = tag.ReplaceAllString(s, " ")
	}
	return strings.TrimSpace(spaces.ReplaceAllString(unescape(s), " "))
}

func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	s = leftEntity.ReplaceAllStringFunc(s, func(e string) string {
		if u := html.UnescapeString(e); u != e {
			return u
		}
		return " "
	})
	return html.UnescapeString(s)
}

// outlets names the news services of the DUC and TAC collections by their DOCNO prefix.
var outlets = map[string]string{
	"AP": "Associated Press", "APW": "Associated Press", "APWENG": "Associated Press",
	"NYT": "New York Times", "NYTENG": "New York Times", "XIE": "Xinhua", "XIN": "Xinhua",
	"XINENG": "Xinhua", "AFPENG": "Agence France-Presse", "LTW": "Los Angeles Times/Washington Post",
	"LTWENG": "Los Angeles Times/Washington Post", "FT": "Financial Times", "LA": "Los Angeles Times",
	"WSJ": "Wall Street Journal", "SJMN": "San Jose Mercury News", "FBIS": "Foreign Broadcast Information Service",
	"CNAENG": "Central News Agency",
}

// fromDocNo reads the publication date and the news service from a DOCNO such as
// APW19981016.0240 or AFP_ENG_20050104.0001.
func fromDocNo(id string) (time.Time, string) {
	var published time.Time
	if m := docDate.FindString(id); m != "" {
		if t, err := time.Parse("20060102", m); err == nil {
			published = t
		}
	}
	prefix := id
	if i := strings.IndexFunc(id, func(r rune) bool { return '0' <= r && r <= '9' }); i >= 0 {
		prefix = id[:i]
	}
	prefix = strings.ToUpper(strings.NewReplacer("_", "", "-", "", " ", "").Replace(prefix))
	return published, outlets[prefix]
}

// asciiLower lower-cases ASCII letters only, so that byte offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
