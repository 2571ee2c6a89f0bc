package dataset

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

// checkDocs checks what every reader promises of its documents: text with words, paragraphs
// trimmed and separated by one blank line, valid UTF-8 when the input was.
func checkDocs(t *testing.T, docs []precis.Document, validInput bool) {
	t.Helper()
	for _, d := range docs {
		if precis.CountWords(d.Text) == 0 {
			t.Errorf("document %q has no words", d.ID)
		}
		if strings.Contains(d.Text, "\n\n\n") || strings.TrimSpace(d.Text) != d.Text {
			t.Errorf("document %q: untidy paragraphs %q", d.ID, d.Text)
		}
		if validInput && !utf8.ValidString(d.Text) {
			t.Errorf("document %q: invalid UTF-8 from valid input", d.ID)
		}
	}
}

func FuzzParseSGML(f *testing.F) {
	for _, s := range []string{
		"<DOC><DOCNO> APW19981016.0240 </DOCNO><TEXT>\n   One.\nstill one.\n   Two.</TEXT></DOC>",
		"<DOC id=\"AFP_ENG_20050104.0001\"><HEADLINE>H</HEADLINE><TEXT><P>a</P><P>b &amp; &UR; c</TEXT></DOC><DOC>",
		"<doc><body><text></text></body></doc><DOC>\n<TEXT>x",
		"plain\r\n\r\ntext",
		"<DOC\n><DOCNO></DOCNO><HEAD>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs := ParseSGML(data)
		var withText []precis.Document
		for _, d := range docs {
			if d.Text != "" {
				withText = append(withText, d)
			}
		}
		checkDocs(t, withText, utf8.Valid(data))
	})
}

func FuzzReadMultiNews(f *testing.F) {
	f.Add("a NEWLINE_CHAR b ||||| c |||||\n\n|||||", "– x\ny\n")
	f.Add("x\n", "y")
	f.Add("", "")
	f.Add("one\r\ntwo\r\n", "– one\r\n– two\r\n")
	f.Fuzz(func(t *testing.T, src, tgt string) {
		clusters, err := ReadMultiNews(context.Background(), strings.NewReader(src), strings.NewReader(tgt), 0)
		if err != nil {
			return
		}
		if n := strings.Count(src, "\n"); len(clusters) > n+1 {
			t.Errorf("%d clusters from %d lines", len(clusters), n+1)
		}
		for _, c := range clusters {
			checkDocs(t, c.Docs, utf8.ValidString(src))
			if len(c.Docs) == 0 && len(c.Problems) == 0 {
				t.Errorf("cluster %s: no documents and no problem", c.ID)
			}
			for _, r := range c.Refs {
				if strings.TrimSpace(r.Text) == "" {
					t.Errorf("cluster %s: empty reference", c.ID)
				}
			}
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","document":"x ||||| y","summary":"– z"}` + "\n" + `{"_id":3,"context":"c","answers":["a","b"]}`)
	f.Add(`{"document":null}` + "\n\n" + `[1,2]` + "\n" + `{"id":{"x":1},"document":"|||||"}`)
	f.Add("{")
	f.Fuzz(func(t *testing.T, data string) {
		clusters, err := ReadJSONL(context.Background(), strings.NewReader(data), 0)
		if err != nil {
			t.Fatalf("an in-memory reader failed: %v", err)
		}
		for _, c := range clusters {
			checkDocs(t, c.Docs, utf8.ValidString(data))
			if c.ID == "" {
				t.Error("cluster without ID")
			}
			if (len(c.Docs) == 0 || len(c.Refs) == 0) && len(c.Problems) == 0 {
				t.Errorf("cluster %s: %d docs, %d refs and no problem", c.ID, len(c.Docs), len(c.Refs))
			}
		}
	})
}
