package disagree_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/disagree"
	"github.com/precis-news/precis/internal/labels"
	"github.com/precis-news/precis/internal/shared"
)

var (
	verbose     = flag.Bool("disagree.v", false, "print every disagreement found on the labelled stories")
	devOnly     = flag.Bool("disagree.dev", false, "evaluate only the stories used for tuning (rounds 1–3)")
	contextFlag = flag.Float64("disagree.context", 0, "Config.Context for the evaluation (0: the default)")
	raw         = flag.Bool("disagree.raw", false, "evaluate on the documents as read, without cleaning")
)

// labelled is one disagreement of a labelled story: each claim locates a value
// (byte offsets into the document file) and names its version; claims with
// different versions conflict unless the pair is listed as compatible.
type labelled struct {
	Topic  string `json:"topic"`
	Claims []struct {
		Doc   string `json:"doc"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Value string `json:"value"`
	} `json:"claims"`
	Compatible [][2]string `json:"compatible"`
}

func (l labelled) conflict(a, b string) bool {
	if a == b {
		return false
	}
	for _, p := range l.Compatible {
		if p[0] == a && p[1] == b || p[0] == b && p[1] == a {
			return false
		}
	}
	return true
}

// The labelled stories: the example story and Multi-News clusters used while tuning,
// and clusters held out (labelled with the others, before any detector existed, and
// never looked at while tuning). Several have no disagreement at all.
var (
	devStories = []string{"sessions", "mn001", "mn005", "mn033", "mn038", "mn068", "mn076", "mn008", "mn016",
		// Second round, labelled before the detector was run on them.
		"mn000", "mn056", "mn099", "mn020", "mn061", "mn062", "mn080", "mn097"}
	heldStories = []string{"mn010", "mn024", "mn048", "mn051", "mn058", "mn086",
		// Second round.
		"mn028", "mn075", "mn003", "mn049", "mn059", "mn074", "mn085"}
	// The third round tuned on the held-out stories above too, and held these out:
	// every seventh cluster without labels, labelled before the detector changed.
	newStories = []string{"mn002", "mn013", "mn022", "mn031", "mn040", "mn047", "mn060", "mn070", "mn081", "mn090", "mn098"}
)

type score struct {
	stories, agreeing  int
	gold, found        int
	correct, goldFound int
	falseAlarms        int // entries found on stories labelled with no disagreement
}

func (s *score) add(o score) {
	s.stories += o.stories
	s.agreeing += o.agreeing
	s.gold += o.gold
	s.found += o.found
	s.correct += o.correct
	s.goldFound += o.goldFound
	s.falseAlarms += o.falseAlarms
}

func (s score) precision() float64 { return labels.Ratio(s.correct, s.found) }
func (s score) recall() float64    { return labels.Ratio(s.goldFound, s.gold) }

func (s score) row(name string) string {
	return fmt.Sprintf("| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %d |", name, s.stories, s.agreeing,
		s.gold, s.found, s.correct, s.precision(), s.recall(), s.falseAlarms)
}

const tableHead = "| stories | n | agreeing | labelled | found | correct | P | R | false alarms on agreeing stories |\n|---|---|---|---|---|---|---|---|---|"

// evalStory scores the detector on one story. A disagreement found is correct when
// two of its versions hold values that the labels give as conflicting versions of
// one labelled fact; a labelled fact is found when a correct entry pairs two of its
// conflicting versions.
func evalStory(t testing.TB, cfg disagree.Config, story string) score {
	return evalSplit(t, cfg, story, corpus.Build)
}

// evalSplit scores the detector on one story with the corpus built by build.
func evalSplit(t testing.TB, cfg disagree.Config, story string, build func([]precis.Document) *corpus.Corpus) score {
	docs := labels.Documents(t, story)
	var gold []labelled
	labels.Load(t, story, "disagreements", &gold)
	if !*raw {
		docs = cleaned(docs, gold)
	}
	c := build(docs)
	found := cfg.Conflicts(c, nil)
	s := score{stories: 1, gold: len(gold), found: len(found)}
	if len(gold) == 0 {
		s.agreeing = 1
		s.falseAlarms = len(found)
	}
	// match returns, for a found claim's value in one document, the labelled facts
	// and versions it matches.
	type hit struct{ fact, claim int }
	match := func(doc int, sp precis.Span) []hit {
		var hs []hit
		for f, l := range gold {
			for k, cl := range l.Claims {
				// The same value written again in the document (a repeated line) counts too.
				if cl.Doc == docs[doc].ID && (sp.Start < cl.End && cl.Start < sp.End || sp.Of(docs[doc].Text) == docs[doc].Text[cl.Start:cl.End]) {
					hs = append(hs, hit{f, k})
				}
			}
		}
		return hs
	}
	hitFact := make([]bool, len(gold))
	for _, con := range found {
		right := false
		var hits [][]hit // per claim
		for _, cl := range con.Claims {
			var hs []hit
			for k, d := range cl.Docs {
				hs = append(hs, match(d, cl.Spans[k])...)
			}
			hits = append(hits, hs)
		}
		for a := range hits {
			for b := a + 1; b < len(hits); b++ {
				for _, x := range hits[a] {
					for _, y := range hits[b] {
						l := gold[x.fact]
						if x.fact == y.fact && l.conflict(l.Claims[x.claim].Value, l.Claims[y.claim].Value) {
							right = true
							hitFact[x.fact] = true
						}
					}
				}
			}
		}
		if right {
			s.correct++
		}
		if *verbose {
			mark := "WRONG"
			if right {
				mark = "right"
			}
			fmt.Printf("%s %s: %s\n", story, mark, con.Topic)
			for _, cl := range con.Claims {
				ids := []string{}
				for _, d := range cl.Docs {
					ids = append(ids, docs[d].ID)
				}
				fmt.Printf("    %q %v  | %s\n", cl.Value, ids, oneLine(c.Sentences[cl.Sentence].Text, 160))
			}
		}
	}
	for f, ok := range hitFact {
		if ok {
			s.goldFound++
		} else if *verbose {
			fmt.Printf("%s MISSED: %s\n", story, gold[f].Topic)
		}
	}
	return s
}

// cleaned cleans the documents as the engine does and moves the gold' offsets
// into the cleaned texts; a label whose line cleaning removed gets offsets -1.
func cleaned(docs []precis.Document, gold []labelled) []precis.Document {
	out := make([]precis.Document, len(docs))
	for d := range docs {
		out[d] = docs[d]
		clean.Document(&out[d])
		for f := range gold {
			for k := range gold[f].Claims {
				cl := &gold[f].Claims[k]
				if cl.Doc == docs[d].ID {
					cl.Start, cl.End = labels.Moved(docs[d].Text, out[d].Text, cl.Start, cl.End)
				}
			}
		}
	}
	return out
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = s[:n] + "…"
	}
	return s
}

// TestEvaluation scores the detector on the labelled stories and fails below the
// floors. Run with -v for the table (docs/disagreements-coverage.md), -disagree.v
// for every entry.
func TestEvaluation(t *testing.T) {
	shared.Path(t, "eval", "multinews-dev")
	cfg := disagree.DefaultConfig()
	if *contextFlag > 0 {
		cfg.Context = *contextFlag
	}
	var dev, held, fresh, all score
	for _, st := range devStories {
		dev.add(evalStory(t, cfg, st))
	}
	for _, st := range heldStories {
		held.add(evalStory(t, cfg, st))
	}
	if !*devOnly {
		for _, st := range newStories {
			fresh.add(evalStory(t, cfg, st))
		}
	}
	all.add(dev)
	all.add(held)
	all.add(fresh)
	t.Logf("\n%s\n%s\n%s\n%s\n%s", tableHead, dev.row("tuned on, rounds 1–2"), held.row("held out in rounds 1–2, tuned on in round 3"),
		fresh.row("held out, round 3"), all.row("all"))
	const minPrecision, minRecall, maxFalseAlarms = 0.8, 0.4, 0
	if p := all.precision(); p < minPrecision {
		t.Errorf("precision %.3f < %.2f", p, minPrecision)
	}
	if r := all.recall(); r < minRecall {
		t.Errorf("recall %.3f < %.2f", r, minRecall)
	}
	if all.falseAlarms > maxFalseAlarms {
		t.Errorf("%d false alarms on agreeing stories > %d", all.falseAlarms, maxFalseAlarms)
	}
}
