package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func TestDebugDump(t *testing.T) {
	dir := os.Getenv("DUMP")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []precis.Document
	for _, f := range files {
		b, _ := os.ReadFile(f)
		docs = append(docs, precis.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	for _, q := range Extract(corpus.Build(docs), nil) {
		var ids []string
		for _, m := range q.Mentions {
			ids = append(ids, fmt.Sprintf("%s@%d", m.Doc[:3], m.Span.Start))
		}
		fmt.Printf("[%s] %q %v\n", q.Speaker, q.Text, ids)
	}
}
