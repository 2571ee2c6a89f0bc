package disagree_test

import (
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/disagree"
	"github.com/precis-news/precis/internal/shared"
)

// segmented builds the corpus with another sentence splitter, to show that the
// detector does not depend on where sentences are cut.
func segmented(split func(string) []precis.Span) func([]precis.Document) *corpus.Corpus {
	return func(docs []precis.Document) *corpus.Corpus {
		return corpus.BuildWith(docs, corpus.Options{Split: split})
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
