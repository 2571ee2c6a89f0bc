package dataset

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/ingest"
)

// ReadFolder reads a dataset laid out as DATASET/<cluster>/docs/*.txt (the articles),
// refs/*.txt (the references) and systems/<name>.txt (other systems' summaries), clusters
// sorted by folder name. A folder that itself holds docs/ is read as a dataset of one
// cluster. Every folder not starting with "." is a cluster: one without docs or refs is
// kept with its problem. limit, when above 0, reads only the first limit clusters.
func ReadFolder(ctx context.Context, dir string, limit int) (*Dataset, error) {
	ds := &Dataset{Name: filepath.Base(filepath.Clean(dir)), Format: Folder}
	if isDir(filepath.Join(dir, "docs")) {
		ds.Clusters = []Cluster{readClusterFolder(dir, filepath.Base(filepath.Clean(dir)))}
		return ds, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	for _, e := range entries { // os.ReadDir sorts by name
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if limit > 0 && len(ds.Clusters) == limit {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ds.Clusters = append(ds.Clusters, readClusterFolder(filepath.Join(dir, e.Name()), e.Name()))
	}
	if len(ds.Clusters) == 0 {
		return nil, fmt.Errorf("dataset: %s has no cluster folders: %w", dir, precis.ErrInvalid)
	}
	return ds, nil
}

// readClusterFolder reads one cluster folder.
func readClusterFolder(dir, id string) Cluster {
	c := Cluster{ID: id}
	for _, f := range textFiles(&c, dir, "docs") {
		data, err := os.ReadFile(f)
		if err != nil {
			c.problemf("%w", err)
			continue
		}
		doc, err := ingest.FromText(data, baseName(f))
		if err != nil {
			c.problemf("%s: %w", f, err)
			continue
		}
		if precis.CountWords(doc.Text) == 0 {
			c.problemf("%s: empty document", f)
			continue
		}
		doc.Source = f
		c.Docs = append(c.Docs, doc)
	}
	c.Refs = readSummaries(&c, dir, "refs")
	c.Systems = readSummaries(&c, dir, "systems")
	c.check()
	return c
}

// readSummaries reads the summaries in dir/sub/*.txt, named by their file names.
func readSummaries(c *Cluster, dir, sub string) []Summary {
	var out []Summary
	for _, f := range textFiles(c, dir, sub) {
		data, err := os.ReadFile(f)
		if err != nil {
			c.problemf("%w", err)
			continue
		}
		out = append(out, Summary{Name: baseName(f), Text: string(data), Source: f})
	}
	return out
}

// textFiles lists dir/sub/*.txt, sorted. A missing folder is not reported here: check
// reports a cluster without documents or references, and systems/ is optional.
func textFiles(c *Cluster, dir, sub string) []string {
	path := filepath.Join(dir, sub)
	entries, err := os.ReadDir(path)
	if err != nil {
		if !os.IsNotExist(err) {
			c.problemf("%w", err)
		}
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".txt") && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(path, e.Name()))
		}
	}
	slices.Sort(out)
	return out
}

func baseName(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
