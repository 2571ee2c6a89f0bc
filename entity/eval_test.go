package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/internal/labels"
)

// The labelled sets (internal/labels; HeldOut4 has quote labels only). Rules were
// tuned on the tuned sets. The first held-out set's errors were read once, after
// the third round, and those of HeldOut2 and HeldOut3 in the second entity round
// (see docs/quotes-entities.md); HeldOut5's errors are never printed.
var (
	evalSets  = []labels.Set{labels.Tuned, labels.Round3, labels.Round4, labels.HeldOut, labels.HeldOut2, labels.HeldOut3, labels.HeldOut5}
	unreadSet = labels.HeldOut5.Stories
)

type goldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
}

// evalForm normalises a name for comparison: words, lower case, no leading "the".
func evalForm(s string) string {
	f := strings.Fields(normPhrase(s))
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

func forms(name string, aliases []string) []string {
	out := []string{evalForm(name)}
	for _, a := range aliases {
		if f := evalForm(a); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

type score struct{ tp, pred, gold, tpGold int }

func (s *score) add(o score) { s.tp += o.tp; s.pred += o.pred; s.gold += o.gold; s.tpGold += o.tpGold }
func (s score) p() float64   { return labels.Ratio(s.tp, s.pred) }
func (s score) r() float64   { return labels.Ratio(s.tpGold, s.gold) }

// scoreEntities compares Extract's output with the labels: detection (an entity
// matches when a name form is shared), typing (of matched entities), and alias
// merging (pairs of detected name forms: same entity in the output versus the labels).
func scoreEntities(t *testing.T, story string) (detect, typing, alias score) {
	docs := labels.Documents(t, story)
	var gold []goldEntity
	labels.Load(t, story, "entities", &gold)
	pred := Extract(corpus.Build(docs))
	goldOf := map[string]int{} // form → gold entity
	for g, e := range gold {
		for _, f := range forms(e.Name, e.Aliases) {
			goldOf[f] = g
		}
	}
	predOf := map[string]int{}
	matchedGold := make([]bool, len(gold))
	verbose := testing.Verbose() && !slices.Contains(unreadSet, story)
	detect.pred, detect.gold = len(pred), len(gold)
	for p, e := range pred {
		hit := -1
		for _, f := range forms(e.Name, e.Aliases) {
			predOf[f] = p
			if g, ok := goldOf[f]; ok && hit < 0 {
				hit = g
			}
		}
		if hit < 0 {
			if verbose {
				t.Logf("%s extra: %s (%s)", story, e.Name, e.Type)
			}
			continue
		}
		detect.tp++
		typing.pred++
		if string(e.Type) == gold[hit].Type {
			typing.tp++
		} else if verbose {
			t.Logf("%s type: %s is %s, want %s", story, e.Name, e.Type, gold[hit].Type)
		}
		matchedGold[hit] = true
	}
	for g, ok := range matchedGold {
		if ok {
			detect.tpGold++
		} else if verbose {
			t.Logf("%s missed: %s (%s)", story, gold[g].Name, gold[g].Type)
		}
	}
	typing.gold, typing.tpGold = typing.pred, typing.tp
	// Alias merging over pairs of forms that both the labels and the output know.
	var known []string
	for f := range goldOf {
		if _, ok := predOf[f]; ok {
			known = append(known, f)
		}
	}
	slices.Sort(known)
	for i, a := range known {
		for _, b := range known[i+1:] {
			sameGold, samePred := goldOf[a] == goldOf[b], predOf[a] == predOf[b]
			if sameGold {
				alias.gold++
			}
			if samePred {
				alias.pred++
			}
			if sameGold && samePred {
				alias.tp++
				alias.tpGold++
			} else if verbose && (sameGold || samePred) {
				t.Logf("%s alias: %q and %q: labels same %v, output same %v", story, a, b, sameGold, samePred)
			}
		}
	}
	return detect, typing, alias
}

var entityFloors = map[string][4]float64{ // detection P, R; typing; alias R
	"tuned":      {0.85, 0.92, 0.82, 0.73},
	"round-3":    {0.74, 0.79, 0.88, 0.88},
	"round-4":    {0.85, 0.84, 0.85, 0.83},
	"held-out":   {0.85, 0.89, 0.87, 0.93},
	"held-out-2": {0.80, 0.85, 0.82, 0.76},
	"held-out-3": {0.85, 0.90, 0.71, 0.85},
	// held-out-5 first run: 0.729 / 0.878, 0.851, aliases R 0.797; after entity round 2
	// (its second run, also unread): 0.752 / 0.883, 0.845, 0.814.
	"held-out-5": {0.73, 0.86, 0.82, 0.79},
}

func TestEvalEntities(t *testing.T) {
	for _, set := range evalSets {
		var det, typ, ali score
		ran := 0
		for _, story := range set.Stories {
			t.Run(story, func(t *testing.T) {
				d, ty, a := scoreEntities(t, story)
				det.add(d)
				typ.add(ty)
				ali.add(a)
				ran++
				t.Logf("%-8s detection P %.2f R %.2f (%d gold)  typing %.2f  aliases P %.2f R %.2f", story, d.p(), d.r(), d.gold, ty.p(), a.p(), a.r())
				// The example story is in the repository, so its floors hold everywhere.
				if story == "sessions" && (d.p() < 0.82 || d.r() < 0.88 || ty.p() < 0.85 || a.r() < 0.85) {
					t.Errorf("example story below its floors (detection 0.82/0.88, typing 0.85, aliases R 0.85)")
				}
			})
		}
		if ran == 0 {
			continue
		}
		fmt.Printf("entities %-8s stories %d  entities %d  detection P %.3f R %.3f  typing %.3f  alias merging P %.3f R %.3f\n",
			set.Name, ran, det.gold, det.p(), det.r(), typ.p(), ali.p(), ali.r())
		if ran < len(set.Stories) {
			continue
		}
		f := entityFloors[set.Name]
		if det.p() < f[0] || det.r() < f[1] || typ.p() < f[2] || ali.r() < f[3] {
			t.Errorf("%s: detection P %.3f R %.3f typing %.3f aliases R %.3f below floors %v", set.Name, det.p(), det.r(), typ.p(), ali.r(), f)
		}
	}
}
