package disagree_test

import (
	"math"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/disagree"
	"github.com/precis-news/precis/internal/shared"
	"github.com/precis-news/precis/sentence"
	"github.com/precis-news/precis/token"
)

// segmented builds a corpus like corpus.Build but with another sentence splitter,
// to show that the detector does not depend on where sentences are cut.
func segmented(split func(string) []precis.Span) func([]precis.Document) *corpus.Corpus {
	return func(docs []precis.Document) *corpus.Corpus {
		c := &corpus.Corpus{Docs: docs}
		ids := map[string]int32{}
		for d := range docs {
			text := docs[d].Text
			c.First = append(c.First, len(c.Sentences))
			for p, para := range sentence.Paragraphs(text) {
				for _, sp := range split(para.Of(text)) {
					sp.Start += para.Start
					sp.End += para.Start
					s := precis.Sentence{Doc: d, Index: len(c.Sentences) - c.First[d], Paragraph: p, Span: sp, Text: sp.Of(text), Tokens: token.Tokenize(text, sp)}
					var terms []int32
					seen := map[int32]bool{}
					for _, t := range s.Tokens {
						if !t.IsContent() {
							continue
						}
						id, ok := ids[t.Stem]
						if !ok {
							id = int32(len(c.Vocab))
							ids[t.Stem] = id
							c.Vocab = append(c.Vocab, t.Stem)
							c.SF = append(c.SF, 0)
						}
						if !seen[id] {
							seen[id] = true
							c.SF[id]++
						}
						terms = append(terms, id)
					}
					c.Sentences = append(c.Sentences, s)
					c.Terms = append(c.Terms, terms)
				}
			}
		}
		c.First = append(c.First, len(c.Sentences))
		c.SentenceIDF = make([]float64, len(c.SF))
		for i, sf := range c.SF {
			c.SentenceIDF[i] = math.Log(1 + float64(len(c.Sentences))/float64(sf))
		}
		return c
	}
}

// wholeParagraphs makes each paragraph one sentence.
func wholeParagraphs(text string) []precis.Span {
	return []precis.Span{{Start: 0, End: len(text)}}
}

// naiveSplit cuts after every full stop, question or exclamation mark followed by
// a space, abbreviations included ("Dr." | "Samantha", "Oct." | "30").
func naiveSplit(text string) []precis.Span {
	var out []precis.Span
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if strings.IndexByte(".?!", text[i]) >= 0 && text[i+1] == ' ' {
			out = append(out, precis.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, precis.Span{Start: start, End: len(text)})
	}
	return out
}

// TestSegmentation scores the detector on the stories it was tuned on with three
// sentence splitters: the news splitter, one sentence per paragraph, and a naive
// splitter that cuts at every period. The contexts are read across sentence
// boundaries, so the findings should hardly move.
func TestSegmentation(t *testing.T) {
	shared.Path(t, "eval", "multinews-dev")
	cfg := disagree.DefaultConfig()
	splitters := []struct {
		name  string
		build func([]precis.Document) *corpus.Corpus
	}{
		{"news splitter", corpus.Build},
		{"paragraphs", segmented(wholeParagraphs)},
		{"naive splitter", segmented(naiveSplit)},
	}
	var base score
	rows := []string{tableHead}
	for k, sp := range splitters {
		var s score
		for _, st := range devStories {
			s.add(evalSplit(t, cfg, st, sp.build))
		}
		rows = append(rows, s.row(sp.name))
		if k == 0 {
			base = s
			continue
		}
		if s.goldFound < base.goldFound-1 || s.found-s.correct > base.found-base.correct+1 || s.falseAlarms > base.falseAlarms {
			t.Errorf("%s: %d of %d found right, %d wrong, %d false alarms; the news splitter: %d, %d, %d",
				sp.name, s.goldFound, s.gold, s.found-s.correct, s.falseAlarms, base.goldFound, base.found-base.correct, base.falseAlarms)
		}
	}
	t.Logf("\n%s", strings.Join(rows, "\n"))
}
