package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

func FuzzFromText(f *testing.F) {
	f.Add([]byte(story))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Add([]byte("caf\xe9\r\n\r\nbody"))
	f.Add([]byte("# Title\n\n**bold** [link](x) ![img](y)"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := FromText(b, "x")
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || strings.Contains(d.Title, "\n") {
			t.Fatalf("bad document %q %q", d.Title, d.Text)
		}
		s, _, _ := decode(b)
		got, want := precis.CountWords(d.Title)+precis.CountWords(d.Text), precis.CountWords(s)
		if strings.HasPrefix(strings.TrimSpace(s), "#") && d.Title != "" {
			want = precis.CountWords(strings.TrimLeft(strings.TrimSpace(s), "#"))
		}
		if got != want {
			t.Fatalf("%d words in title and text, %d in the input", got, want)
		}
	})
}

func FuzzFromHTML(f *testing.F) {
	f.Add([]byte(page), "https://example.com/a")
	f.Add([]byte("<html><body><p>Short.</p></body></html>"), "")
	f.Add([]byte("<p>caf\xe9</p><br><br><table><tr><td>a<td>b</table>"), "not a url")
	f.Fuzz(func(t *testing.T, b []byte, u string) {
		d, err := FromHTML(b, u)
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || precis.CountWords(d.Text) < minPageWords {
			t.Fatalf("bad document %q %q", d.Title, d.Text)
		}
	})
}

func FuzzJSONLines(f *testing.F) {
	f.Add(`{"id":"a","title":"T","published":"2023-01-02","text":"body"}` + "\n" + `{"id":"a","text":"x"}` + "\n" + `bad`)
	f.Add(`[{"id":1,"text":"x"},{"html":"<p>y</p>"}]`)
	f.Add(`{"text":null,"html":""}`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, lines := range []bool{true, false} {
			r := &reader{opts: Options{MaxDocuments: DefaultMaxDocuments}}
			r.json(s, "f.jsonl", "f", lines)
			r.uniqueIDs()
			seen := map[string]bool{}
			for _, d := range r.docs {
				if d.ID == "" || seen[d.ID] {
					t.Fatalf("id %q empty or repeated", d.ID)
				}
				seen[d.ID] = true
			}
			if len(r.docs) == 0 && len(r.failed) == 0 {
				t.Fatalf("no document and no problem reported for %q", s)
			}
		}
	})
}

func FuzzMultiNews(f *testing.F) {
	f.Add("a b NEWLINE_CHAR c ||||| d\ne ||||| ||||| f")
	f.Add("|||||")
	f.Add("NEWLINE_CHARNEWLINE_CHAR|||||||")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		r := &reader{}
		r.multiNews(s, "mn.txt", "mn")
		words := 0
		for _, d := range r.docs {
			words += precis.CountWords(d.Text)
			if strings.TrimSpace(d.Text) == "" {
				t.Fatalf("empty document %q", d.ID)
			}
		}
		plain := strings.NewReplacer(multiNewsSep, " ", multiNewsNewline, " ").Replace(s)
		if want := precis.CountWords(plain); words != want && !strings.Contains(s, "|||") && !strings.Contains(s, "NEWLINE_") {
			t.Fatalf("%d words read, %d in the input", words, want)
		}
	})
}
