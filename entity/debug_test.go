package entity

import (
	"encoding/json"
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
	s := Find(corpus.Build(docs))
	for _, e := range s.Entities {
		b, _ := json.Marshal(e)
		t.Log(string(b))
	}
}
