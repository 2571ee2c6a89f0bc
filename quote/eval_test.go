package quote

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/internal/labels"
)

// The labelled sets (internal/labels tells their history); the fifth round read
// the errors of HeldOut, HeldOut2 and HeldOut3, then, after HeldOut4's first run
// (docs/quotes-entities.md has its figure), HeldOut4's too.
var (
	evalSets = []labels.Set{labels.Tuned, labels.Round3, labels.Round4, labels.HeldOut, labels.HeldOut2, labels.HeldOut3, labels.HeldOut4, labels.HeldOut5}
	// The stories whose errors are never printed.
	unreadSet = labels.HeldOut5.Stories
)

// goldQuote is one labelled quotation: byte offsets into a document, its speaker
// ("a|b" lists equally right names) and a group shared by the same quotation elsewhere.
type goldQuote struct {
	Doc     string `json:"doc"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	Group   string `json:"group"`
}

// counts accumulates true positives and totals for precision and recall.
type counts struct{ tp, pred, gold, tpGold int }

func (c *counts) add(o counts) {
	c.tp += o.tp
	c.pred += o.pred
	c.gold += o.gold
	c.tpGold += o.tpGold
}

func (c counts) p() float64 { return labels.Ratio(c.tp, c.pred) }
func (c counts) r() float64 { return labels.Ratio(c.tpGold, c.gold) }

func normSpeaker(s string) string {
	s = strings.ToLower(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for len(f) > 1 && (f[0] == "a" || f[0] == "an" || f[0] == "the") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

type predMention struct {
	doc     string
	span    precis.Span
	speaker string
	quote   int
}

// scoreQuotes compares Extract's output on one story with its labels.
func scoreQuotes(t *testing.T, story string) (detect, speaker, merging counts) {
	docs := labels.Documents(t, story)
	var gold []goldQuote
	labels.Load(t, story, "quotes", &gold)
	var pred []predMention
	for i, q := range Extract(corpus.Build(docs), nil) {
		for _, m := range q.Mentions {
			pred = append(pred, predMention{m.Doc, m.Span, q.Speaker, i})
		}
	}
	// One-to-one matching by span overlap of at least half the shorter span.
	match := make([]int, len(gold))
	used := make([]bool, len(pred))
	for g, gq := range gold {
		match[g] = -1
		best := 0
		for p, pm := range pred {
			if used[p] || pm.doc != gq.Doc {
				continue
			}
			ov := min(gq.End, pm.span.End) - max(gq.Start, pm.span.Start)
			if ov > 0 && 2*ov >= min(gq.End-gq.Start, pm.span.Len()) && ov > best {
				best, match[g] = ov, p
			}
		}
		if match[g] >= 0 {
			used[match[g]] = true
		}
	}
	detect.pred, detect.gold = len(pred), len(gold)
	speaker.gold = len(gold)
	for g, p := range match {
		if p < 0 {
			continue
		}
		detect.tp++
		detect.tpGold++
		speaker.pred++
		ok := false
		for _, alt := range strings.Split(gold[g].Speaker, "|") {
			ok = ok || normSpeaker(alt) == normSpeaker(pred[p].speaker)
		}
		if ok {
			speaker.tp++
			speaker.tpGold++
		} else if testing.Verbose() && !slices.Contains(unreadSet, story) {
			t.Logf("%s speaker: %s %d want %q got %q", story, gold[g].Doc, gold[g].Start, gold[g].Speaker, pred[p].speaker)
		}
	}
	if testing.Verbose() && !slices.Contains(unreadSet, story) { // errors of held-out stories stay unread
		for g, p := range match {
			if p < 0 {
				t.Logf("%s missed: %s %d-%d (%s)", story, gold[g].Doc, gold[g].Start, gold[g].End, gold[g].Speaker)
			}
		}
		for p, u := range used {
			if !u {
				t.Logf("%s extra: %s %v (%s)", story, pred[p].doc, pred[p].span, pred[p].speaker)
			}
		}
	}
	// Merging: pairs of detected labelled quotations, same group versus same quote.
	for g1 := range gold {
		for g2 := g1 + 1; g2 < len(gold); g2++ {
			p1, p2 := match[g1], match[g2]
			if p1 < 0 || p2 < 0 {
				continue
			}
			same := gold[g1].Group != "" && gold[g1].Group == gold[g2].Group
			merged := pred[p1].quote == pred[p2].quote
			if same {
				merging.gold++
			}
			if merged {
				merging.pred++
			}
			if same && merged {
				merging.tp++
				merging.tpGold++
			}
			if same != merged && testing.Verbose() && !slices.Contains(unreadSet, story) {
				t.Logf("%s merged %v: %s %d (%s) and %s %d (%s)", story, merged, gold[g1].Doc, gold[g1].Start, gold[g1].Group, gold[g2].Doc, gold[g2].Start, gold[g2].Group)
			}
		}
	}
	return detect, speaker, merging
}

// floors are a little under the scores reached; a change that drops below fails.
var quoteFloors = map[string][4]float64{ // detection P, R; speaker accuracy; merging R
	"tuned":      {0.95, 0.95, 0.95, 0.90},
	"round-3":    {0.95, 0.95, 0.93, 0.90},
	"round-4":    {0.95, 0.95, 0.90, 0.90},
	"held-out":   {0.95, 0.90, 0.93, 0.90},
	"held-out-2": {0.95, 0.95, 0.93, 0.70},
	"held-out-3": {0.95, 0.95, 0.92, 0.90},
	"held-out-4": {0.95, 0.95, 0.88, 0.95},
	"held-out-5": {0.93, 0.96, 0.82, 0.90}, // first run: 0.951 / 0.983, 0.847, merging R 0.933
}

func TestEvalQuotes(t *testing.T) {
	for _, set := range evalSets {
		var det, spk, mrg counts
		ran := 0
		for _, story := range set.Stories {
			t.Run(story, func(t *testing.T) {
				d, s, m := scoreQuotes(t, story)
				det.add(d)
				spk.add(s)
				mrg.add(m)
				ran++
				t.Logf("%-8s detection P %.2f R %.2f (%d gold)  speaker %.2f  merging P %.2f R %.2f", story, d.p(), d.r(), d.gold, s.p(), m.p(), m.r())
				// The example story is in the repository, so its floors hold everywhere.
				if story == "sessions" && (d.p() < 0.95 || d.r() < 0.95 || s.p() < 0.93 || m.r() < 0.95) {
					t.Errorf("example story below its floors (detection 0.95/0.95, speaker 0.93, merging R 0.95)")
				}
			})
		}
		if ran == 0 {
			continue
		}
		fmt.Printf("quotes %-8s stories %d  quotes %d  detection P %.3f R %.3f  speaker accuracy %.3f (of all labels %.3f)  merging P %.3f R %.3f\n",
			set.Name, ran, det.gold, det.p(), det.r(), spk.p(), spk.r(), mrg.p(), mrg.r())
		if ran < len(set.Stories) {
			continue // floors hold for whole sets only
		}
		f := quoteFloors[set.Name]
		if det.p() < f[0] || det.r() < f[1] || spk.p() < f[2] || mrg.r() < f[3] {
			t.Errorf("%s: detection P %.3f R %.3f speaker %.3f merging R %.3f below floors %v", set.Name, det.p(), det.r(), spk.p(), mrg.r(), f)
		}
	}
}
