// Package dataset reads summarization datasets: clusters of source articles with their
// human reference summaries and, where a dataset has them, other systems' summaries.
//
// Four formats are read, each the way researchers hold it:
//
//   - the folder layout DATASET/<cluster>/docs/*.txt, refs/*.txt and optional
//     systems/<name>.txt (ReadFolder);
//   - Multi-News as released: a source file whose lines hold one cluster's articles
//     separated by "|||||" with line breaks written NEWLINE_CHAR, and a target file with one
//     summary per line (ReadMultiNews);
//   - Multi-News as JSON Lines, one {"document": …, "summary": …} object per line (ReadJSONL);
//   - DUC and TAC document sets in their SGML (<DOC><DOCNO>…<TEXT>…</TEXT></DOC>), laid out
//     as docs/<set>/<files>, with model summaries named like D30001.M.100.T.A (ReadDUC).
//
// A problem with one cluster (an unreadable file, no references, no documents) never stops
// the reading: it is recorded in the cluster's Problems, and the cluster is kept so that the
// evaluation can report it. Errors are returned only when the dataset as a whole cannot be read.
package dataset

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/precis-news/precis"
)

// Dataset is a set of clusters to evaluate summarizers on.
type Dataset struct {
	// Name is the dataset's file or folder name.
	Name string
	// Format is the format it was read from.
	Format Format
	// Clusters are in the dataset's order: sorted by folder name, or in line order.
	Clusters []Cluster
}

// Cluster is one story: its source articles, its reference summaries and, when the dataset
// has them, other systems' summaries of it.
type Cluster struct {
	// ID names the cluster: its folder name, document set name, JSON "id" or line number.
	ID string
	// Docs are the source articles, in the dataset's order.
	Docs []precis.Document
	// Refs are the human reference summaries, sorted by name.
	Refs []Summary
	// Systems are other systems' summaries, sorted by name.
	Systems []Summary
	// Problems are what could not be read for this cluster, one error each; the rest of
	// the cluster is still there.
	Problems []error
}

// Summary is one summary of a cluster, a reference or a system's.
type Summary struct {
	// Name is the reference's or system's name: "newser", "A", "pkusumsum-submodular".
	Name string
	// Text is the summary as read, with its line breaks: ROUGE reads one sentence per line.
	Text string
	// Source is the file the summary was read from, when it had one of its own.
	Source string
}

// Format names a dataset format.
type Format string

// The formats Open reads.
const (
	// Auto lets Open detect the format from the path.
	Auto Format = ""
	// Folder is DATASET/<cluster>/{docs,refs,systems}/*.txt.
	Folder Format = "folder"
	// MultiNews is the released pair of files: *.src with "|||||"-separated articles and
	// *.tgt with one summary per line.
	MultiNews Format = "multinews"
	// JSONL is one {"document", "summary"} object per line, Multi-News style.
	JSONL Format = "jsonl"
	// DUC is DUC or TAC: docs/<set>/<SGML files> and model summaries named SET.M.LEN.SEL.ID.
	DUC Format = "duc"
)

// Formats lists the formats Open reads, for help texts.
var Formats = []Format{Folder, MultiNews, JSONL, DUC}

// ParseFormat reads a format name; "" and "auto" mean Auto.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case "", "auto":
		return Auto, nil
	case Folder, MultiNews, JSONL, DUC:
		return f, nil
	}
	return Auto, fmt.Errorf("dataset: unknown format %q (have auto, folder, multinews, jsonl, duc): %w", s, precis.ErrInvalid)
}

// ErrFormat is returned by Open when it cannot tell a dataset's format from its path.
var ErrFormat = errors.New("dataset: unknown dataset format")

// Options tell Open how to read a dataset.
type Options struct {
	// Format is the dataset's format; Auto detects it from the path.
	Format Format
	// Models is the folder of DUC/TAC model (and peer) summaries; "" searches the dataset's
	// folder outside docs/.
	Models string
	// Limit, when above 0, reads only the first Limit clusters.
	Limit int
}

// Open reads the dataset at path:
//
//   - a folder of cluster folders (each with docs/), or one cluster folder: Folder;
//   - a folder with docs/<set>/ subfolders of SGML files: DUC;
//   - a file named *.jsonl or *.json: JSONL;
//   - a file whose name contains ".src" (its targets replace ".src" with ".tgt"), or a
//     folder holding one such pair: MultiNews.
//
// The error wraps precis.ErrNotFound for a missing path and ErrFormat for a path none of
// these fit.
func Open(ctx context.Context, path string, opts Options) (*Dataset, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("dataset: %w: %w", err, precis.ErrNotFound)
		}
		return nil, fmt.Errorf("dataset: %w", err)
	}
	format := opts.Format
	if format == Auto {
		if format, err = detect(path, fi); err != nil {
			return nil, err
		}
	}
	var ds *Dataset
	switch format {
	case Folder:
		ds, err = ReadFolder(ctx, path, opts.Limit)
	case DUC:
		ds, err = ReadDUC(ctx, path, opts.Models, opts.Limit)
	case JSONL:
		ds, err = readJSONLFile(ctx, path, opts.Limit)
	case MultiNews:
		ds, err = readMultiNewsFiles(ctx, path, fi, opts.Limit)
	default:
		return nil, fmt.Errorf("dataset: unknown format %q: %w", format, precis.ErrInvalid)
	}
	if err != nil {
		return nil, err
	}
	ds.Name = filepath.Base(filepath.Clean(path))
	ds.Format = format
	return ds, nil
}

// detect tells a dataset's format from its path.
func detect(path string, fi os.FileInfo) (Format, error) {
	if !fi.IsDir() {
		name := strings.ToLower(fi.Name())
		switch {
		case strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".json"):
			return JSONL, nil
		case strings.Contains(name, ".src"):
			return MultiNews, nil
		}
		return Auto, fmt.Errorf("%w: %s is neither *.jsonl nor a Multi-News *.src file", ErrFormat, path)
	}
	if isDir(filepath.Join(path, "docs")) && !isDir(filepath.Join(path, "docs", "docs")) {
		if hasSubdir(filepath.Join(path, "docs")) {
			return DUC, nil
		}
		return Folder, nil // one cluster
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return Auto, fmt.Errorf("dataset: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() && isDir(filepath.Join(path, e.Name(), "docs")) {
			return Folder, nil
		}
	}
	if src, err := findSource(path); src != "" {
		return MultiNews, nil
	} else if !errors.Is(err, ErrFormat) {
		return Auto, err
	}
	return Auto, fmt.Errorf("%w: %s has no <cluster>/docs/ folders, no docs/<set>/ folders and no *.src file", ErrFormat, path)
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func hasSubdir(path string) bool {
	entries, _ := os.ReadDir(path)
	for _, e := range entries {
		if e.IsDir() {
			return true
		}
	}
	return false
}

// problemf records a problem of the cluster.
func (c *Cluster) problemf(format string, a ...any) {
	c.Problems = append(c.Problems, fmt.Errorf(format, a...))
}

// The problems every format shares, recorded in Cluster.Problems.
var (
	ErrNoDocuments  = errors.New("no documents")
	ErrNoReferences = errors.New("no reference summaries")
)

// check records the problems every format shares: no documents, no references.
func (c *Cluster) check() {
	if len(c.Docs) == 0 {
		c.Problems = append(c.Problems, ErrNoDocuments)
	}
	if len(c.Refs) == 0 {
		c.Problems = append(c.Problems, ErrNoReferences)
	}
}
