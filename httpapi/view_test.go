package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precis-news/precis"
)

func TestParagraphs(t *testing.T) {
	sp := func(s, e int) precis.Span { return precis.Span{Start: s, End: e} }
	tests := []struct {
		name  string
		text  string
		marks []precis.Span
		want  [][]run
	}{
		{"plain", "One. Two.\n\nThree.", nil, [][]run{{{Text: "One. Two."}}, {{Text: "Three."}}}},
		{"marked", "One. Two.\n\nThree.", []precis.Span{sp(5, 9), sp(11, 17)},
			[][]run{{{Text: "One. "}, {Text: "Two.", Mark: true, ID: "d1-m1"}}, {{Text: "Three.", Mark: true, ID: "d1-m2"}}}},
		{"across a break", "One. Two.\n\nThree.", []precis.Span{sp(5, 17)},
			[][]run{{{Text: "One. "}, {Text: "Two.", Mark: true, ID: "d1-m1"}}, {{Text: "Three.", Mark: true}}}},
		{"blank lines with spaces", "A.\n  \n\n B.", nil, [][]run{{{Text: "A."}}, {{Text: "B."}}}},
		{"empty", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.text, tt.marks, 0); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestBriefViewCitations(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Outlet: "Alpha", Text: "Sessions met the envoy. He denied it. Later he recused."},
		{ID: "b", Text: "The envoy met Sessions twice.\n\n“I did not,” Sessions said."},
	}
	b := &precis.Brief{
		Documents: []precis.DocumentInfo{docs[0].Info(), docs[1].Info(), {ID: "gone"}},
		Summary: []precis.Statement{
			{Text: "S1", Sources: []precis.Source{
				{Doc: "a", Sentence: "Sessions met the envoy.", Span: precis.Span{Start: 0, End: 23}},
				{Doc: "b", Sentence: "The envoy met Sessions twice.", Span: precis.Span{Start: 3, End: 9}}, // wrong span: found by text
			}},
			{Text: "S2", Sources: []precis.Source{
				{Doc: "a", Sentence: "envoy. He denied", Span: precis.Span{Start: 17, End: 33}}, // overlaps the first
				{Doc: "a", Sentence: "not in the text", Span: precis.Span{Start: -1, End: 400}},
				{Doc: "nobody", Sentence: "x"},
			}},
			{Text: "S3", Sources: []precis.Source{ // its own document first, as the engine writes it
				{Doc: "b", Sentence: "The envoy met Sessions twice.", Span: precis.Span{Start: 0, End: 29}},
				{Doc: "nobody", Sentence: "x"},
				{Doc: "a", Sentence: "Sessions met the envoy.", Span: precis.Span{Start: 0, End: 23}},
			}},
		},
		Quotes: []precis.Quote{{Speaker: "Sessions", Text: "I did not,", Sources: []string{"b"},
			Mentions: []precis.Mention{{Doc: "b", Span: precis.Span{Start: 34, End: 44}}}}},
	}
	v := newBriefView(b, docs)
	cites := func(i int) []string {
		var hrefs []string
		for _, c := range v.Summary[i].Cites {
			hrefs = append(hrefs, c.Href)
		}
		return hrefs
	}
	if got, want := cites(0), []string{"#d1-m1", "#d2-m1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("first statement cites %v, want %v", got, want)
	}
	// The overlapping span shares the anchor of the span it overlaps; a span
	// that fits nothing links to its article; an unknown document to nothing.
	if got, want := cites(1), []string{"#d1-m1", "#doc-1", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("second statement cites %v, want %v", got, want)
	}
	var nums []int
	for _, c := range v.Summary[2].Cites {
		nums = append(nums, c.Num)
	}
	if want := []int{1, 2, 0}; !reflect.DeepEqual(nums, want) {
		t.Errorf("third statement cites articles %v, want %v (ascending, unknown last)", nums, want)
	}
	if c := v.Summary[0].Cites[0]; c.Num != 1 || c.Label != "Alpha" || c.Quote != "Sessions met the envoy." {
		t.Errorf("first citation = %+v", c)
	}
	if c := v.Summary[0].Cites[1]; c.Num != 2 || c.Label != "b" {
		t.Errorf("second citation = %+v", c)
	}
	if c := v.Speakers[0].Quotes[0].Cites[0]; c.Href != "#d2-m2" {
		t.Errorf("the quote cites %+v", c)
	}
	// The merged mark covers both overlapping spans.
	if r := v.Docs[0].Paras[0][0]; r.Text != "Sessions met the envoy. He denied" || r.ID != "d1-m1" {
		t.Errorf("first run of the first article = %+v", r)
	}
	if len(v.Docs) != 3 || !v.Docs[2].Missing {
		t.Errorf("a document without text is not shown as missing: %+v", v.Docs)
	}
}

// FuzzBriefView makes pages for arbitrary texts and spans: no panic, every
// article's text shown whole, every citation's anchor present.
func FuzzBriefView(f *testing.F) {
	f.Add("One. Two.\n\nThree.", 5, 9, 0, 17, "Two.")
	f.Add("é\n\nà", 1, 2, 0, 1, "")
	f.Add("", 0, 0, 0, 0, "x")
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, sentence string) {
		docs := []precis.Document{{ID: "a", Text: text}}
		b := &precis.Brief{
			Documents: []precis.DocumentInfo{docs[0].Info()},
			Summary: []precis.Statement{{Text: "s", Sources: []precis.Source{
				{Doc: "a", Sentence: sentence, Span: precis.Span{Start: s1, End: e1}},
				{Doc: "a", Span: precis.Span{Start: s2, End: e2}},
			}}},
			Quotes: []precis.Quote{{Text: "q", Mentions: []precis.Mention{{Doc: "a", Span: precis.Span{Start: s2, End: e1}}}}},
		}
		v := newBriefView(b, docs)
		var shown strings.Builder
		ids := map[string]bool{"doc-1": true}
		for _, p := range v.Docs[0].Paras {
			for _, r := range p {
				shown.WriteString(r.Text)
				if r.ID != "" {
					ids[r.ID] = true
				}
				if !utf8.ValidString(r.Text) && utf8.ValidString(text) {
					t.Fatalf("run %q cuts a character", r.Text)
				}
			}
		}
		if got, want := shown.String(), strings.Join(strings.Fields(text), ""); strings.Join(strings.Fields(got), "") != want {
			t.Fatalf("the article shows %q, want the text %q", got, text)
		}
		for _, st := range v.Summary {
			for _, c := range st.Cites {
				if c.Href != "" && !ids[strings.TrimPrefix(c.Href, "#")] {
					t.Fatalf("citation to %s, which the page lacks", c.Href)
				}
			}
		}
	})
}

// FuzzCreateBrief sends arbitrary bodies to POST /v1/briefs: the server
// answers with a status the API documents, never 500, and never panics.
func FuzzCreateBrief(f *testing.F) {
	ts := newTestServer(f, Config{MaxBody: 64 << 10}, nil, nil)
	f.Add(`{"articles":[{"text":"One. Two."}]}`, "application/json")
	f.Add(`{"articles":[{"html":"<p>One.</p>","published":"2017-03-02"}],"words":50}`, "application/json")
	f.Add(`{"urls":["http://127.0.0.1/"]}`, "application/json")
	f.Add("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nOne. Two.\r\n--b--\r\n", "multipart/form-data; boundary=b")
	f.Add("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.html\"\r\n\r\n<p>x</p>\r\n--b--\r\n", "multipart/form-data; boundary=b")
	f.Add(`{"articles":[{"text":"\u0000\ufffd"}]}`, "application/json; charset=utf-8")
	allowed := map[int]bool{201: true, 400: true, 403: true, 413: true, 415: true, 422: true}
	f.Fuzz(func(t *testing.T, body, contentType string) {
		req := httptest.NewRequest(http.MethodPost, "/v1/briefs", bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", contentType)
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, req)
		if !allowed[w.Code] {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
		if w.Code != 201 && !strings.HasPrefix(w.Body.String(), `{"error":`) {
			t.Fatalf("error body %s", w.Body)
		}
	})
}

// TestBriefViewLists checks how the page shortens the long lists: quotes
// cited once per article and the rarely carried ones held back, names without
// the aliases that only repeat them, dated events in order and the rest apart.
func TestBriefViewLists(t *testing.T) {
	docs := []precis.Document{{ID: "a", Text: "“One two three,” he said. “Four five six,” he said."}, {ID: "b", Text: "“One two three,” she said."}}
	b := &precis.Brief{Documents: []precis.DocumentInfo{docs[0].Info(), docs[1].Info()}}
	b.Quotes = append(b.Quotes, precis.Quote{Speaker: "unknown", Text: "One two three,", Sources: []string{"a", "b"}, Mentions: []precis.Mention{
		{Doc: "a", Span: precis.Span{Start: 3, End: 17}}, {Doc: "a", Span: precis.Span{Start: 32, End: 46}}, {Doc: "b", Span: precis.Span{Start: 3, End: 17}}}})
	for i := range quotesShown + 2 {
		b.Quotes = append(b.Quotes, precis.Quote{Speaker: fmt.Sprintf("Speaker %d", i%3), Text: "q", Sources: []string{"a"}})
	}
	b.Quotes = append(b.Quotes, precis.Quote{Speaker: "Late", Text: "carried by two", Sources: []string{"a", "b"}})
	for i := range entitiesShown + 3 {
		b.Entities = append(b.Entities, precis.Entity{Name: fmt.Sprintf("Person %d", i), Type: precis.Person, Mentions: 1, Sources: []string{"a"}})
	}
	b.Entities[0] = precis.Entity{Name: "Jeff Sessions", Type: precis.Person, Aliases: []string{"Sessions", "Jeff", "Senator Sessions", "J. Sessions"}, Mentions: 9, Sources: []string{"a", "b"}}
	b.Timeline = []precis.Event{
		{Date: "2016-09-08", Expression: "Sept. 8", Text: "x", Sources: []string{"a"}},
		{Expression: "Thursday", Text: "y", Sources: []string{"b"}},
		{Date: "2016", Expression: "2016", Text: "z", Sources: []string{"a"}},
		{Date: "2016-07", Expression: "July 2016", Text: "w", Sources: []string{"a"}},
	}
	v := newBriefView(b, docs)

	first := v.Speakers[0]
	if first.Speaker != "Unattributed" || len(first.Quotes[0].Cites) != 2 || first.Quotes[0].Cites[0].Href != "#d1-m1" || first.Quotes[0].Cites[1].Num != 2 {
		t.Errorf("first quote: %+v, want Unattributed, one citation per article, to the first mention", first)
	}
	shown := 0
	for _, s := range v.Speakers {
		shown += len(s.Quotes)
	}
	if shown != quotesShown+1 || v.MoreQuotes != 3 || v.Speakers[len(v.Speakers)-1].Speaker != "Late" {
		t.Errorf("%d quotes shown (last speaker %q), %d held back; want %d, Late, 3", shown, v.Speakers[len(v.Speakers)-1].Speaker, v.MoreQuotes, quotesShown+1)
	}

	people := v.Entities[0]
	if len(people.Entities) != entitiesShown || len(people.More) != 3 {
		t.Errorf("%d people shown, %d more; want %d and 3", len(people.Entities), len(people.More), entitiesShown)
	}
	if e := people.Entities[0]; !reflect.DeepEqual(e.Aliases, []string{"Senator Sessions", "J. Sessions"}) || e.Articles != 2 || e.In != "a, b" {
		t.Errorf("first person: %+v", e)
	}

	var dated []string
	for _, e := range v.Timeline {
		dated = append(dated, e.Label+"|"+e.Expression)
	}
	if want := []string{"2016|", "July 2016|", "8 September 2016|Sept. 8"}; !reflect.DeepEqual(dated, want) {
		t.Errorf("timeline %q, want %q", dated, want)
	}
	if len(v.Undated) != 1 || v.Undated[0].Expression != "Thursday" {
		t.Errorf("undated events: %+v", v.Undated)
	}
}
