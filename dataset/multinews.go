package dataset

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/ingest"
)

// MultiNewsReference names the reference of a Multi-News cluster: its summaries were
// written by newser.com editors.
const MultiNewsReference = "newser"

// ReadMultiNews reads Multi-News as released: line i of src holds cluster i's articles,
// separated by "|||||", with the articles' line breaks written "NEWLINE_CHAR"; line i of
// tgt holds its reference summary (a leading "–" is dropped). Clusters are named by line
// number from 1. limit, when above 0, reads only the first limit clusters.
//
// A source line without articles is a cluster with a problem; source and target files of
// different lengths are an error, since their lines no longer match.
func ReadMultiNews(ctx context.Context, src, tgt io.Reader, limit int) ([]Cluster, error) {
	sr, tr := newLineReader(src), newLineReader(tgt)
	var out []Cluster
	for limit <= 0 || len(out) < limit {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, serr := sr.next()
		t, terr := tr.next()
		if serr != nil && serr != io.EOF {
			return nil, fmt.Errorf("dataset: reading sources: %w", serr)
		}
		if terr != nil && terr != io.EOF {
			return nil, fmt.Errorf("dataset: reading targets: %w", terr)
		}
		if serr == io.EOF || terr == io.EOF {
			if serr != terr {
				return nil, fmt.Errorf("dataset: %d source lines but %d target lines: %w", sr.n, tr.n, precis.ErrInvalid)
			}
			break
		}
		c := Cluster{ID: strconv.Itoa(len(out) + 1)}
		for _, text := range splitMultiNews(s) {
			addDoc(&c, text, strconv.Itoa(len(c.Docs)+1))
		}
		if ref := multiNewsSummary(t); ref != "" {
			c.Refs = []Summary{{Name: MultiNewsReference, Text: ref}}
		}
		c.check()
		out = append(out, c)
	}
	return out, nil
}

// ReadJSONL reads one cluster per line of r, Multi-News style: a JSON object whose
// "document" holds the articles separated by "|||||" (line breaks as "\n" or
// "NEWLINE_CHAR") and whose "summary" is the reference. LongBench's layout, "context" and
// "answers", is read too. An "id" (or "_id") names the cluster; else its line number does.
// Blank lines are skipped; a line that is not such an object is a cluster with a problem.
// limit, when above 0, reads only the first limit clusters.
func ReadJSONL(ctx context.Context, r io.Reader, limit int) ([]Cluster, error) {
	lr := newLineReader(r)
	var out []Cluster
	for limit <= 0 || len(out) < limit {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("dataset: %w", err)
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		out = append(out, jsonCluster(line, lr.n))
	}
	return out, nil
}

// jsonRecord is one line of a JSON Lines dataset.
type jsonRecord struct {
	ID       json.RawMessage `json:"id"`
	LongID   json.RawMessage `json:"_id"`
	Document *string         `json:"document"`
	Summary  *string         `json:"summary"`
	Context  *string         `json:"context"`
	Answers  []string        `json:"answers"`
}

func jsonCluster(line string, n int) Cluster {
	c := Cluster{ID: strconv.Itoa(n)}
	var rec jsonRecord
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		c.problemf("line %d: %w", n, err)
		return c
	}
	if id := jsonID(rec.ID); id != "" {
		c.ID = id
	} else if id := jsonID(rec.LongID); id != "" {
		c.ID = id
	}
	doc, refs := rec.Document, []string{}
	if rec.Summary != nil {
		refs = append(refs, *rec.Summary)
	}
	if doc == nil {
		doc, refs = rec.Context, append(refs, rec.Answers...)
	}
	if doc == nil {
		c.problemf("line %d: no \"document\" field", n)
	} else {
		for _, text := range splitMultiNews(*doc) {
			addDoc(&c, text, strconv.Itoa(len(c.Docs)+1))
		}
	}
	for i, r := range refs {
		if r = multiNewsSummary(r); r != "" {
			name := MultiNewsReference
			if len(refs) > 1 {
				name = fmt.Sprintf("%s-%d", name, i+1)
			}
			c.Refs = append(c.Refs, Summary{Name: name, Text: r})
		}
	}
	c.check()
	return c
}

// jsonID reads a JSON string or number as an ID; anything else is no ID.
func jsonID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// splitMultiNews splits a Multi-News source into its articles' texts, each a run of
// paragraphs separated by blank lines. Empty pieces (the format often ends with "|||||")
// are dropped.
func splitMultiNews(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "|||||") {
		if text := paragraphs(strings.ReplaceAll(part, "NEWLINE_CHAR", "\n")); text != "" {
			out = append(out, text)
		}
	}
	return out
}

// paragraphs makes every non-blank line of s a paragraph: web articles break lines between
// paragraphs, and Multi-News keeps those breaks.
func paragraphs(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}

// multiNewsSummary cleans a Multi-News summary: NEWLINE_CHAR as line breaks, the leading
// dash every newser summary starts with dropped, space trimmed.
func multiNewsSummary(s string) string {
	var lines []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "NEWLINE_CHAR", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	s = strings.Join(lines, "\n")
	for _, dash := range []string{"–", "—", "-"} {
		if rest, ok := strings.CutPrefix(s, dash); ok && (rest == "" || rest[0] == ' ') {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// addDoc reads text as the cluster's next article.
func addDoc(c *Cluster, text, id string) {
	doc, err := ingest.FromText([]byte(text), id)
	if err != nil {
		c.problemf("document %s: %w", id, err)
		return
	}
	doc.Text = paragraphs(doc.Text) // again: repairing bytes may have made spaces
	if precis.CountWords(doc.Text) == 0 {
		c.problemf("document %s: empty", id)
		return
	}
	c.Docs = append(c.Docs, doc)
}

// lineReader reads lines of any length, without their "\n" or "\r\n".
type lineReader struct {
	r *bufio.Reader
	n int // lines read
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{r: bufio.NewReaderSize(r, 1<<16)} }

func (l *lineReader) next() (string, error) {
	line, err := l.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	if err != nil {
		return "", err
	}
	l.n++
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

func readJSONLFile(ctx context.Context, path string, limit int) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer f.Close()
	clusters, err := ReadJSONL(ctx, f, limit)
	if err != nil {
		return nil, err
	}
	if len(clusters) == 0 {
		return nil, fmt.Errorf("dataset: %s has no clusters: %w", path, precis.ErrInvalid)
	}
	return &Dataset{Format: JSONL, Clusters: clusters}, nil
}

// readMultiNewsFiles reads a *.src file and its *.tgt, or the one such pair in a folder.
func readMultiNewsFiles(ctx context.Context, path string, fi os.FileInfo, limit int) (*Dataset, error) {
	src := path
	if fi.IsDir() {
		var err error
		if src, err = findSource(path); err != nil {
			return nil, err
		}
	}
	tgt := targetOf(src)
	if tgt == "" {
		return nil, fmt.Errorf("%w: %s: a Multi-News source file's name contains \".src\"", ErrFormat, src)
	}
	sf, err := os.Open(src)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer sf.Close()
	tf, err := os.Open(tgt)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("dataset: no target file beside %s: %w: %w", src, err, precis.ErrNotFound)
		}
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer tf.Close()
	clusters, err := ReadMultiNews(ctx, sf, tf, limit)
	if err != nil {
		return nil, fmt.Errorf("%w (%s, %s)", err, src, tgt)
	}
	if len(clusters) == 0 {
		return nil, fmt.Errorf("dataset: %s has no clusters: %w", src, precis.ErrInvalid)
	}
	return &Dataset{Format: MultiNews, Clusters: clusters}, nil
}

// targetOf names the target file of a source file: the last ".src" of its name becomes ".tgt".
func targetOf(src string) string {
	dir, name := filepath.Split(src)
	i := strings.LastIndex(name, ".src")
	if i < 0 {
		return ""
	}
	return filepath.Join(dir, name[:i]+".tgt"+name[i+len(".src"):])
}

// findSource finds the one Multi-News source file in dir that has its target beside it.
func findSource(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("dataset: %w", err)
	}
	var found []string
	for _, e := range entries {
		if e.IsDir() || !strings.Contains(e.Name(), ".src") {
			continue
		}
		src := filepath.Join(dir, e.Name())
		if tgt := targetOf(src); tgt != "" {
			if _, err := os.Stat(tgt); err == nil {
				found = append(found, src)
			}
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%w: no *.src file with its *.tgt in %s", ErrFormat, dir)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("dataset: %d Multi-News source files in %s (%s): name one: %w", len(found), dir, strings.Join(found, ", "), precis.ErrInvalid)
}
