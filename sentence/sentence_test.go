package sentence_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/sentence"
)

// split returns the sentences of text as strings.
func split(text string) []string {
	var out []string
	for _, s := range sentence.Split(text) {
		out = append(out, s.Of(text))
	}
	return out
}

// TestSplitNews checks shapes of news English written for this test: each case
// lists the expected sentences, joined by " | ".
func TestSplitNews(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"title before name", "Sen. Al Franken spoke first. Rep. Jane Doe followed.",
			"Sen. Al Franken spoke first. | Rep. Jane Doe followed."},
		{"U.S. before noun", "The U.S. Attorney declined to comment. The U.S. Navy did not.",
			"The U.S. Attorney declined to comment. | The U.S. Navy did not."},
		{"U.S. ends sentence", "The envoy left the U.S. He did not return.",
			"The envoy left the U.S. | He did not return."},
		{"party and state", "Sen. Mary Roe (D-Minn.) said the vote was close. Sen. Tom Poe, R-Ariz., agreed.",
			"Sen. Mary Roe (D-Minn.) said the vote was close. | Sen. Tom Poe, R-Ariz., agreed."},
		{"state ends sentence", "The plant is in Fresno, Calif. Workers walked out on Monday.",
			"The plant is in Fresno, Calif. | Workers walked out on Monday."},
		{"dateline", "SACRAMENTO, Calif. (AP) — Lawmakers met on Tuesday.",
			"SACRAMENTO, Calif. (AP) — Lawmakers met on Tuesday."},
		{"month and number", "The hearing is set for Feb. 12 in Washington. It may move.",
			"The hearing is set for Feb. 12 in Washington. | It may move."},
		{"No. and a.m.", "The No. 2 official arrived at 9 a.m. Tuesday. The meeting began at 10 a.m. It ended at noon.",
			"The No. 2 official arrived at 9 a.m. Tuesday. | The meeting began at 10 a.m. | It ended at noon."},
		{"p.m. and time zone", "Polls close at 8 p.m. EST in most states.",
			"Polls close at 8 p.m. EST in most states."},
		{"company suffix", "Acme Inc. said profit rose. Shares of Acme Corp. The rival, fell.",
			"Acme Inc. said profit rose. | Shares of Acme Corp. | The rival, fell."},
		{"initials", "The novel by J. K. Rowling sold well. George W. Bush read it.",
			"The novel by J. K. Rowling sold well. | George W. Bush read it."},
		{"money and decimals", "The deal is worth $1.5 billion. Analysts expected $1.2 billion, or 3.5 percent less.",
			"The deal is worth $1.5 billion. | Analysts expected $1.2 billion, or 3.5 percent less."},
		{"number ends sentence", "Turnout reached 1,200. Officials were pleased.",
			"Turnout reached 1,200. | Officials were pleased."},
		{"quote spans sentences", "\"We are not leaving. This is our home,\" a resident said.",
			"\"We are not leaving. | This is our home,\" a resident said."},
		{"period inside quote", "He called it “a mistake.” The board disagreed.",
			"He called it “a mistake.” | The board disagreed."},
		{"question in quote then lower", "“Why now?” she asked. Nobody answered.",
			"“Why now?” she asked. | Nobody answered."},
		{"question in quote then speaker", "“Why now?” Smith asked. Nobody answered.",
			"“Why now?” Smith asked. | Nobody answered."},
		{"single quotes", "The sign read 'Closed for good.' Residents wept.",
			"The sign read 'Closed for good.' | Residents wept."},
		{"AP backtick quotes", "``It was a shock,'' the mayor said. ``Nobody expected it.'' The council agreed.",
			"``It was a shock,'' the mayor said. | ``Nobody expected it.'' | The council agreed."},
		{"AP underscore dash", "The storm _ the worst in years _ hit at dawn. Power failed.",
			"The storm _ the worst in years _ hit at dawn. | Power failed."},
		{"ellipsis mid sentence", "He said he was ... not sure. Then he left.",
			"He said he was ... not sure. | Then he left."},
		{"ellipsis ends sentence", "It never ended... The next day it rained.",
			"It never ended... | The next day it rained."},
		{"unicode ellipsis", "Wait for it… The doors opened.",
			"Wait for it… | The doors opened."},
		{"headline lines", "Storm hits coast\nThousands lose power\nThe storm made landfall at dawn.",
			"Storm hits coast | Thousands lose power | The storm made landfall at dawn."},
		{"paragraphs", "First paragraph ends here\n\nSecond one. It has two.",
			"First paragraph ends here | Second one. | It has two."},
		{"wrapped prose", "The committee said on Tuesday that it would review the findings and\nreport back to the full Senate within weeks.",
			"The committee said on Tuesday that it would review the findings and\nreport back to the full Senate within weeks."},
		{"url and email", "Read it at www.example.com/news.html. Write to tips@example.org. Thanks.",
			"Read it at www.example.com/news.html. | Write to tips@example.org. | Thanks."},
		{"glued sentences", "The vote failed.The bill is dead.",
			"The vote failed. | The bill is dead."},
		{"numbered list", "1. Raise taxes 2. Cut spending 3. Balance the budget",
			"1. Raise taxes | 2. Cut spending | 3. Balance the budget"},
		{"number in prose is no list", "The score was 2. Then it rained.",
			"The score was 2. | Then it rained."},
		{"bullets", "• Item one • Item two",
			"• Item one | • Item two"},
		{"apostrophe word", "Others weren't. Acme was.",
			"Others weren't. | Acme was."},
		{"footnote", "It is rare.[3] Doctors agree.",
			"It is rare.[3] | Doctors agree."},
		{"exclamation in name", "She worked at Yahoo! in 2010.",
			"She worked at Yahoo! in 2010."},
		{"iPhone starts sentence", "Sales fell. iPhone demand was weak.",
			"Sales fell. | iPhone demand was weak."},
		{"Jr. ends sentence", "The winner was Tom Smith Jr. He is 19.",
			"The winner was Tom Smith Jr. | He is 19."},
		{"Dr. Mr. St.", "Dr. Ann Lee met Mr. Roe at St. Mary's Hospital.",
			"Dr. Ann Lee met Mr. Roe at St. Mary's Hospital."},
		{"parenthetical sentence", "The mayor resigned. (He denied wrongdoing.) A vote follows.",
			"The mayor resigned. | (He denied wrongdoing.) | A vote follows."},
		{"mojibake quote", "“I was sure,\uFFFD? Smith said.",
			"“I was sure,\uFFFD? Smith said."},
		{"empty", "", ""},
		{"spaces only", " \n\t\n ", ""},
		{"no punctuation", "just words", "just words"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(split(c.in), " | ")
			if got != c.want {
				t.Errorf("Split(%q)\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"blank line", "One.\n\nTwo.", []string{"One.", "Two."}},
		{"white-space line", "One.\n \t\nTwo.", []string{"One.", "Two."}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"single newline", "One.\nTwo.", []string{"One.\nTwo."}},
		{"leading and trailing", "\n\n  One.  \n\n\n", []string{"One."}},
		{"nbsp line", "One.\n\u00a0\nTwo.", []string{"One.", "Two."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, p := range sentence.Paragraphs(c.in) {
				got = append(got, p.Of(c.in))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Paragraphs(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestSplitOffsets checks that spans point into the text given, not into a copy.
func TestSplitOffsets(t *testing.T) {
	text := "  Alpha beta.  Gamma delta!\n\nEpsilon.  "
	want := []precis.Span{{Start: 2, End: 13}, {Start: 15, End: 27}, {Start: 29, End: 37}}
	got := sentence.Split(text)
	if len(got) != len(want) {
		t.Fatalf("Split = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func ExampleSplit() {
	text := "Sen. Al Franken (D-Minn.) asked whether the U.S. Attorney General had met the envoy. " +
		"\"I did not,\" he said. \"Not once.\" The hearing ended at 5 p.m. Tuesday.\n\n" +
		"Related coverage\nMore from Washington"
	for _, s := range sentence.Split(text) {
		fmt.Printf("[%s]\n", s.Of(text))
	}
	// Output:
	// [Sen. Al Franken (D-Minn.) asked whether the U.S. Attorney General had met the envoy.]
	// ["I did not," he said.]
	// ["Not once."]
	// [The hearing ended at 5 p.m. Tuesday.]
	// [Related coverage]
	// [More from Washington]
}

func ExampleParagraphs() {
	text := "First paragraph.\n\nSecond paragraph,\nin two lines."
	for _, p := range sentence.Paragraphs(text) {
		fmt.Printf("%d-%d %q\n", p.Start, p.End, p.Of(text))
	}
	// Output:
	// 0-16 "First paragraph."
	// 18-49 "Second paragraph,\nin two lines."
}
