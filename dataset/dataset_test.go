package dataset

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// view is what a test checks of a dataset: cluster IDs, documents, summaries and problems.
type view struct {
	ID       string    `json:"id"`
	Docs     []docView `json:"docs"`
	Refs     []string  `json:"refs"`
	Systems  []string  `json:"systems,omitempty"`
	Problems []string  `json:"problems,omitempty"`
}

type docView struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

func viewOf(ds *Dataset) []view {
	out := []view{}
	for _, c := range ds.Clusters {
		v := view{ID: c.ID, Docs: []docView{}, Refs: []string{}}
		for _, d := range c.Docs {
			dv := docView{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Text: d.Text}
			if !d.Published.IsZero() {
				dv.Published = precis.FormatTime(d.Published)
			}
			v.Docs = append(v.Docs, dv)
		}
		for _, s := range c.Refs {
			v.Refs = append(v.Refs, s.Name+": "+s.Text)
		}
		for _, s := range c.Systems {
			v.Systems = append(v.Systems, s.Name+": "+s.Text)
		}
		for _, p := range c.Problems {
			// paths differ between machines: keep the part after testdata/
			msg := p.Error()
			if i := strings.Index(msg, "testdata"+string(filepath.Separator)); i >= 0 {
				msg = msg[:strings.LastIndexAny(msg[:i], " \t")+1] + msg[i:]
			}
			v.Problems = append(v.Problems, msg)
		}
		out = append(out, v)
	}
	return out
}

// golden compares got, as indented JSON, with testdata/name (rewritten with -update).
func golden(t *testing.T, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != string(b) {
		t.Errorf("%s differs (go test -update to accept):\ngot:\n%s", path, b)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name, path string
		opts       Options
		format     Format
		clusters   int
		golden     string
	}{
		{"folder", "testdata/folder", Options{}, Folder, 4, "folder.golden.json"},
		{"one cluster folder", "testdata/folder/bridge", Options{}, Folder, 1, ""},
		{"folder with limit", "testdata/folder", Options{Limit: 2}, Folder, 2, ""},
		{"multinews source file", "testdata/multinews/test.src", Options{}, MultiNews, 3, "multinews.golden.json"},
		{"multinews folder", "testdata/multinews", Options{}, MultiNews, 3, ""},
		{"multinews with limit", "testdata/multinews", Options{Limit: 1}, MultiNews, 1, ""},
		{"jsonl", "testdata/multinews.jsonl", Options{}, JSONL, 4, "jsonl.golden.json"},
		{"duc", "testdata/duc", Options{}, DUC, 2, "duc.golden.json"},
		{"duc with models folder", "testdata/duc", Options{Models: "testdata/duc/models"}, DUC, 2, ""},
		{"forced format", "testdata/folder", Options{Format: Folder}, Folder, 4, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := Open(context.Background(), tt.path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if ds.Format != tt.format || len(ds.Clusters) != tt.clusters {
				t.Fatalf("format %q with %d clusters, want %q with %d", ds.Format, len(ds.Clusters), tt.format, tt.clusters)
			}
			if tt.golden != "" {
				golden(t, tt.golden, viewOf(ds))
			}
		})
	}
}

func TestOpenDUCModelsFolder(t *testing.T) {
	ds, err := Open(context.Background(), "testdata/duc", Options{Models: "testdata/duc/models"})
	if err != nil {
		t.Fatal(err)
	}
	c := ds.Clusters[0]
	if len(c.Refs) != 2 || len(c.Systems) != 0 {
		t.Errorf("with models/ only: %d refs and %d systems, want 2 and 0", len(c.Refs), len(c.Systems))
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name, path string
		opts       Options
		want       error
	}{
		{"missing", filepath.Join(dir, "nothing"), Options{}, precis.ErrNotFound},
		{"plain file", write("notes.txt", "hello"), Options{}, ErrFormat},
		{"empty folder", filepath.Join(dir, "empty"), Options{}, ErrFormat},
		{"source without target", write("lone/a.src", "x ||||| y\n"), Options{}, precis.ErrNotFound},
		{"source and target of different lengths", write("uneven/a.src", "x\ny\n"), Options{}, precis.ErrInvalid},
		{"two pairs", filepath.Dir(write("two/b.src", "x\n")), Options{}, precis.ErrInvalid},
		{"empty jsonl", write("empty.jsonl", "\n\n"), Options{}, precis.ErrInvalid},
		{"bad format", dir, Options{Format: "xml"}, precis.ErrInvalid},
		{"duc without sets", filepath.Join(dir, "duc"), Options{Format: DUC}, nil},
	}
	write("uneven/a.tgt", "x\n")
	write("two/b.tgt", "x\n")
	write("two/c.src", "x\n")
	write("two/c.tgt", "x\n")
	write("duc/docs/readme", "x")
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := Open(context.Background(), tt.path, tt.opts)
			if err == nil {
				t.Fatalf("read %d clusters, want an error", len(ds.Clusters))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %q does not wrap %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "dataset: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestOpenUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files without read permission")
	}
	dir := t.TempDir()
	for _, f := range []string{"c/docs/01.txt", "c/refs/a.txt"} {
		path := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("Some text here."), 0o000); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ds.Clusters[0].Problems); n < 2 {
		t.Errorf("%d problems, want the two unreadable files and more", n)
	}
}

func TestOpenDirectoryAsFile(t *testing.T) {
	// A docs entry that is a folder named like a text file cannot be read: a problem, not a crash.
	dir := t.TempDir()
	for _, d := range []string{"c/docs/01.txt", "c/refs"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "c/refs/a.txt"), []byte("A reference."), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := ds.Clusters[0]
	if len(c.Docs) != 0 || len(c.Problems) != 1 || c.Problems[0].Error() != "no documents" {
		t.Errorf("docs %d, problems %v; want none and \"no documents\"", len(c.Docs), c.Problems)
	}
}

func TestOpenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, path := range []string{"testdata/folder", "testdata/multinews", "testdata/multinews.jsonl", "testdata/duc"} {
		if _, err := Open(ctx, path, Options{}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v, want context.Canceled", path, err)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"", "auto", "Folder", " multinews ", "jsonl", "DUC"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("sgml"); !errors.Is(err, precis.ErrInvalid) {
		t.Errorf("ParseFormat(sgml): %v, want ErrInvalid", err)
	}
}

func TestParseSGML(t *testing.T) {
	tests := []struct {
		name, in string
		want     []docView
	}{
		{"plain text", "Just a line\nof text.\n\nAnother paragraph.", []docView{{Text: "Just a line of text.\n\nAnother paragraph."}}},
		{"empty", "", nil},
		{"doc without text", "<DOC><DOCNO>E1</DOCNO><TEXT> </TEXT></DOC>", []docView{{ID: "E1"}}},
		{"unclosed doc", "<DOC><DOCNO>X1</DOCNO><TEXT>Some words", []docView{{ID: "X1", Text: "Some words"}}},
		{"two texts", "<DOC><TEXT>One.</TEXT><TEXT>Two.</TEXT></DOC>", []docView{{Text: "One.\n\nTwo."}}},
		{"body without text", "<doc><body>In the body.</body></doc>", []docView{{Text: "In the body."}}},
		{"head is not headline", "<DOC><HEADLINE>Big news</HEADLINE><TEXT>x</TEXT></DOC>", []docView{{Title: "Big news", Text: "x"}}},
		{"hl", "<DOC><HL>Short head</HL><TEXT>x</TEXT></DOC>", []docView{{Title: "Short head", Text: "x"}}},
		{"entities", "<DOC><TEXT>AT&amp;T &QL; paid &lt;5&gt; &eacute;</TEXT></DOC>", []docView{{Text: "AT&T paid <5> é"}}},
		{"docno date and outlet", "<DOC><DOCNO>AFP_ENG_20050104.0001</DOCNO><TEXT>x</TEXT></DOC>", []docView{{ID: "AFP_ENG_20050104.0001", Outlet: "Agence France-Presse", Published: "2005-01-04", Text: "x"}}},
		{"paragraph with attributes", `<DOC><TEXT><p class="a">One</p><P>Two</TEXT></DOC>`, []docView{{Text: "One\n\nTwo"}}},
		{"every line indented", "<DOC><TEXT>\n  one line\n  same paragraph\n</TEXT></DOC>", []docView{{Text: "one line same paragraph"}}},
		{"docno not doc", "<DOCNO>X</DOCNO> text", []docView{{Text: "X text"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []docView
			for _, d := range ParseSGML([]byte(tt.in)) {
				dv := docView{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Text: d.Text}
				if !d.Published.IsZero() {
					dv.Published = precis.FormatTime(d.Published)
				}
				got = append(got, dv)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMultiNewsSummary(t *testing.T) {
	for in, want := range map[string]string{
		"– A summary.":         "A summary.",
		"  —  Spaced. ":        "Spaced.",
		"-minus is kept":       "-minus is kept",
		"One NEWLINE_CHAR Two": "One\nTwo",
		"No dash.":             "No dash.",
		"–":                    "",
	} {
		if got := multiNewsSummary(in); got != want {
			t.Errorf("multiNewsSummary(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMultiNewsDev reads the shared development set: 100 clusters, each with documents and
// one reference, 7 systems.
func TestMultiNewsDev(t *testing.T) {
	dir := shared.Path(t, "eval", "multinews-dev")
	ds, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Format != Folder || len(ds.Clusters) != 100 {
		t.Fatalf("format %q, %d clusters", ds.Format, len(ds.Clusters))
	}
	for _, c := range ds.Clusters {
		if len(c.Docs) == 0 || len(c.Refs) != 1 || len(c.Systems) != 7 {
			t.Errorf("%s: %d docs, %d refs, %d systems, problems %v", c.ID, len(c.Docs), len(c.Refs), len(c.Systems), c.Problems)
		}
	}
}
