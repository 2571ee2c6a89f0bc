package coverage

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/internal/shared"
)

// TestContainmentPrefix: the prefix-filtered containment finds exactly what
// comparing every passage that shares a term finds, on the example story, the
// multinews-dev clusters (when ../shared is present) and a synthetic story of
// 120 documents made of repeated paragraphs (wire copy).
func TestContainmentPrefix(t *testing.T) {
	stories := map[string][]precis.Document{"sessions": readDir(t, "../examples/sessions")}
	if root := shared.Root(); root != "" {
		dirs, _ := filepath.Glob(filepath.Join(root, "eval", "multinews-dev", "*", "docs"))
		for _, dir := range dirs {
			stories[filepath.Base(filepath.Dir(dir))] = readDir(t, dir)
		}
	}
	var paras []string
	for _, d := range stories["sessions"] {
		paras = append(paras, strings.Split(d.Text, "\n\n")...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var wire []precis.Document
	for a := range 120 {
		var b strings.Builder
		for range 12 {
			b.WriteString(paras[r.IntN(len(paras))])
			b.WriteString("\n\n")
		}
		wire = append(wire, precis.Document{ID: string(rune('a' + a%26)), Text: b.String()})
	}
	stories["wire"] = wire
	says := 0
	for name, docs := range stories {
		c := corpus.Build(docs)
		st := newStory(c, DefaultConfig())
		ref := &story{c: st.c, cfg: st.cfg, terms: st.terms, weight: st.weight, info: st.info, quoted: st.quoted, post: st.post, specific: st.specific, sweight: st.sweight}
		refSays, refMatch := ref.containmentReference()
		for i := range c.Sentences {
			docs, match := st.sayings(i)
			says += len(docs)
			if st.says(i) != len(docs) || !slices.Equal(docs, refSays[i]) || !slices.Equal(match, refMatch[i]) || st.repeats[i] != ref.repeats[i] {
				t.Errorf("%s: sentence %d: says %v at %v, repeats %v; every passage: says %v at %v, repeats %v",
					name, i, docs, match, st.repeats[i], refSays[i], refMatch[i], ref.repeats[i])
			}
		}
	}
	if says < 1000 {
		t.Errorf("only %d (sentence, document) matches: the test compares little", says)
	}
}

func readDir(t *testing.T, dir string) []precis.Document {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []precis.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := precis.Document{ID: filepath.Base(f), Text: string(b)}
		clean.Document(&d)
		docs = append(docs, d)
	}
	return docs
}

// containmentReference is containment as it was before the prefix filter:
// every passage sharing a term with the sentence is compared with it.
func (st *story) containmentReference() (says, match [][]int32) {
	c := st.c
	n := len(c.Sentences)
	says = make([][]int32, n)
	match = make([][]int32, n)
	st.repeats = make([]bool, n)
	shared := make([]float64, n)  // per passage starting at sentence j
	single := make([]float64, n)  // per sentence j alone
	numbers := make([]int32, n)   // the passage's share of the sentence's numbers
	special := make([]float64, n) // the part of shared in specific terms
	number := make([]bool, len(c.Vocab))
	for t, v := range c.Vocab {
		number[t] = isNumber(v)
	}
	hasNumber := make([]bool, n)
	for j := range c.Sentences {
		for _, t := range st.terms[j] {
			if number[t] {
				hasNumber[j] = true
				break
			}
		}
	}
	var touched []int32
	best := make([]float64, len(c.Docs))
	bestAt := make([]int32, len(c.Docs))
	for i := range c.Sentences {
		if st.info[i] == 0 {
			continue
		}
		d := c.Sentences[i].Doc
		for _, j := range touched {
			shared[j], numbers[j], single[j], special[j] = 0, 0, 0, 0
		}
		touched = touched[:0]
		for _, t := range st.terms[i] {
			w := c.SentenceIDF[t]
			sw := 0.0
			if st.specific[t] {
				sw = w
			}
			num := int32(0)
			if hasNumber[i] && number[t] {
				num = 1
			}
			last := int32(-2)
			for _, j := range st.post[t] {
				if c.Sentences[j].Doc == d {
					continue
				}
				// j is in the passage starting at j, and in the one starting at j-1
				// when that is of the same paragraph; a term of both sentences counts once.
				if last != j-1 {
					if p := j - 1; p >= 0 && c.Sentences[p].Doc == c.Sentences[j].Doc && c.Sentences[p].Paragraph == c.Sentences[j].Paragraph {
						if shared[p] == 0 {
							touched = append(touched, p)
						}
						shared[p] += w
						special[p] += sw
						numbers[p] += num
					}
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j] += w
				special[j] += sw
				single[j] += w
				numbers[j] += num
				last = j
			}
		}
		clear(best)
		for _, j := range touched {
			e := c.Sentences[j].Doc
			if shared[j] <= best[e] {
				continue
			}
			// A passage with numbers, none of them the sentence's, tells another
			// fact, or the same one otherwise: it does not say the sentence.
			if hasNumber[i] && numbers[j] == 0 && (hasNumber[j] || st.sameParagraph(int(j), int(j)+1) && hasNumber[j+1]) {
				continue
			}
			// The story's names alone, in another fact, do not say it.
			if special[j] < st.cfg.Specific*st.sweight[i]*(1-1e-9) {
				continue
			}
			best[e], bestAt[e] = shared[j], j
		}
		for e, b := range best {
			if e != d && b >= st.need(i) {
				j := bestAt[e]
				says[i] = append(says[i], int32(e))
				match[i] = append(match[i], j)
				// The sentences of the passage that carry the fact repeat it.
				for _, k := range [2]int32{j, j + 1} {
					if (k == j || st.sameParagraph(int(j), int(k))) && single[k] >= st.need(i)/2 {
						st.repeats[k] = true
					}
				}
			}
		}
	}
	return says, match
}
