// Package ingest reads articles from files, directories, standard input and HTML
// pages into documents.
package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/precis-news/precis"
)

// Options configures Read.
type Options struct {
	// Stdin is read for the path "-".
	Stdin interface{ Read([]byte) (int, error) }
}

// Read reads the documents at paths: files, directories (their article files,
// sorted) and "-" for standard input. Problems with single inputs come back as
// warnings when other documents could be read; the error is for a run that
// cannot go on.
//
// PLACEHOLDER: reads .txt files only.
func Read(ctx context.Context, paths []string, opts Options) ([]precis.Document, []error, error) {
	var docs []precis.Document
	for _, p := range paths {
		files := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*.txt"))
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, nil, fmt.Errorf("ingest: %w", err)
			}
			d, err := FromText(b, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
			if err != nil {
				return nil, nil, err
			}
			d.Source = f
			docs = append(docs, d)
		}
	}
	return docs, nil, nil
}

// FromText reads one plain-text article.
//
// PLACEHOLDER: no headline detection.
func FromText(text []byte, id string) (precis.Document, error) {
	return precis.Document{ID: id, Text: string(text)}, nil
}

var tags = regexp.MustCompile(`<[^>]*>`)

// FromHTML extracts the article of one HTML page; pageURL may be "".
//
// PLACEHOLDER: strips tags.
func FromHTML(html []byte, pageURL string) (precis.Document, error) {
	return precis.Document{URL: pageURL, Text: tags.ReplaceAllString(string(html), " ")}, nil
}
