package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// full is a brief with every section, as the analyses will fill them.
func full() *precis.Brief {
	return &precis.Brief{
		Algorithm: "centroid", Budget: 150,
		Documents: []precis.DocumentInfo{
			{ID: "herald", Title: "Old Mill Bridge closed", URL: "https://herald.example/bridge_(1)", Outlet: "Harbour Herald", Published: "2024-05-14", Words: 141},
			{ID: "times", Outlet: "Valley Times", Words: 109, RemovedWords: 12},
		},
		Summary: []precis.Statement{
			{Text: "The Old Mill Bridge closed on Tuesday after inspectors found a *crack* in a support.", Sources: []precis.Source{{Doc: "herald"}, {Doc: "times"}}},
			{Text: "Repairs could cost up to\n2 million dollars.", Sources: []precis.Source{{Doc: "times"}}},
		},
		Quotes: []precis.Quote{
			{Speaker: "Maria Lopez", Text: "We closed it the moment we understood how serious it was.", Sources: []string{"herald", "times"}},
			{Speaker: "", Text: "Safety comes first.", Sources: []string{"times"}},
			{Speaker: "Maria Lopez", Text: "Three weeks at least.", Sources: []string{"herald"}},
		},
		Entities: []precis.Entity{{Name: "Maria Lopez", Type: precis.Person, Aliases: []string{"Lopez"}, Mentions: 3, Sources: []string{"herald", "times"}}},
		Timeline: []precis.Event{{Date: "2024-05-13", Expression: "Monday", Text: "Inspectors find a crack.", Sources: []string{"herald"}}, {Text: "The bridge reopens.", Sources: []string{"times"}}},
		Disagreements: []precis.Disagreement{{Topic: "Cost of repairs", Claims: []precis.Claim{
			{Value: "2 million dollars", Text: "Repairs could cost up to 2 million dollars.", Sources: []string{"times"}},
			{Value: "3 million dollars", Text: "Repairs could cost as much as 3 million dollars.", Sources: []string{"herald"}},
		}}},
		Coverage: []precis.Coverage{{Doc: "times", Unique: []string{"The bridge was shut for two months in 2019."}}, {Doc: "herald"}},
		Shared:   []precis.Fact{{Text: "The bridge closed on Tuesday.", Sources: []string{"herald", "times"}}},
	}
}

func TestGolden(t *testing.T) {
	empty := &precis.Brief{Algorithm: "lead", Documents: []precis.DocumentInfo{{ID: "a"}}}
	for _, f := range Formats() {
		for name, b := range map[string]*precis.Brief{"full": full(), "empty": empty} {
			t.Run(name+"."+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, b, f); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", name+"."+string(f))
				if *update {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./render -update)", err)
				}
				if buf.String() != string(want) {
					t.Errorf("%s differs from the golden file (go test ./render -update):\n%s", path, buf.String())
				}
			})
		}
	}
}

func TestSections(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, &precis.Brief{Summary: []precis.Statement{{Text: "x", Sources: []precis.Source{{Doc: "a"}}}}}); err != nil {
		t.Fatal(err)
	}
	for _, section := range []string{"Quotes", "Timeline", "People", "differ", "adds", "several outlets"} {
		if strings.Contains(buf.String(), section) {
			t.Errorf("empty section %q printed:\n%s", section, buf.String())
		}
	}
	buf.Reset()
	if err := WriteText(&buf, full()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[1,2]", "Quotes", "Maria Lopez\n", "Unattributed", "Timeline", "Not placed on a date:\n  - The bridge reopens.", "People, organisations and places", "Where the outlets differ", "What each outlet adds", "What several outlets report"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text output lacks %q", want)
		}
	}
}

func TestJSONNoNull(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, &precis.Brief{Algorithm: "lead"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("JSON has null:\n%s", buf.String())
	}
	var back precis.Brief
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		err  bool
	}{{"", Text, false}, {"text", Text, false}, {"MD", Markdown, false}, {"markdown", Markdown, false}, {"json", JSON, false}, {"pdf", "", true}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("ParseFormat(%q) = %q, %v", tt.in, got, err)
			}
			if err != nil && !errors.Is(err, precis.ErrInvalid) {
				t.Errorf("error %v is not precis.ErrInvalid", err)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, f := range Formats() {
		if err := Write(failWriter{}, full(), f); err == nil {
			t.Errorf("%s: no error from a failing writer", f)
		}
	}
}

func TestCite(t *testing.T) {
	num := map[string]int{"a": 1, "b": 2, "c": 3}
	for _, tt := range []struct {
		ids  []string
		want string
	}{
		{nil, ""},
		{[]string{"c", "a", "b", "a"}, "[1,2,3]"},
		{[]string{"x", "c", "y", "x"}, "[3,x,y]"},
	} {
		if got := cite(num, tt.ids); got != tt.want {
			t.Errorf("cite(%v) = %q, want %q", tt.ids, got, tt.want)
		}
	}
}
