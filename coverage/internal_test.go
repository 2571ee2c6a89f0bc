package coverage

import (
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func TestPhone(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"816-474-8477", true}, {"432-333-TIPS", true}, {"335-5784", true},
		{"2-year-old", false}, {"2016-17", false}, {"2017-2018", false}, {"9-11", false}, {"52-story", false},
	}
	for _, tt := range tests {
		if got := phone(tt.s); got != tt.want {
			t.Errorf("phone(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestSameWords(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"The bridge closed.", "The  bridge\nclosed.", true},
		{" The bridge closed.", "The bridge closed. ", true},
		{"The bridge closed.", "The bridge closes.", false},
		{"The bridge", "The bridge closed.", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := sameWords(tt.a, tt.b); got != tt.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestSpecificTerms: a passage holding the story's names, which every outlet
// repeats, but none of a sentence's details does not say it; one holding its
// details does.
func TestSpecificTerms(t *testing.T) {
	a := "Senator Smith spoke with Ambassador Jones about the treaty on Monday.\n\n" +
		"Smith said the talks with Jones were routine.\n\n" +
		"Critics of Smith asked why Jones was invited.\n\n" +
		"Justice Department officials say Smith met Jones again in his senate office in September.\n\n" +
		"The Justice Department declined to comment on Smith or on Jones.\n\n" +
		"Smith later confirmed the harbour deal was signed in Oslo."
	b := "Smith and Jones discussed the treaty, the senator's office said.\n\n" +
		"Jones has known Smith for years, aides to Smith said.\n\n" +
		"A Justice Department official gave a list of Smith's senate meetings, including one with Jones.\n\n" +
		"Officials at the Justice Department have questioned Jones twice.\n\n" +
		"The treaty talks with Jones resumed in September.\n\n" +
		"Smith confirmed that the harbour deal was signed in Oslo last week."
	c := corpus.Build([]precis.Document{{ID: "a", Text: a}, {ID: "b", Text: b}})
	said := func(cfg Config, text string) bool {
		st := newStory(c, cfg)
		for i := range c.Sentences {
			if strings.HasPrefix(c.Sentences[i].Text, text) {
				return st.says(i) > 0
			}
		}
		t.Fatalf("no sentence %q", text)
		return false
	}
	old := DefaultConfig()
	old.Contained, old.Specific = 0.5, 0
	tests := []struct {
		text string
		cfg  Config
		name string
		want bool
	}{
		{"Justice Department officials say", DefaultConfig(), "names only", false},
		{"Justice Department officials say", old, "names only, half the weight alone", true},
		{"Smith later confirmed the harbour deal", DefaultConfig(), "details", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := said(tt.cfg, tt.text); got != tt.want {
				t.Errorf("%q said by the other document: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
