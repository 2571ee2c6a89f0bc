package main

import (
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/eval"
	"github.com/precis-news/precis/rouge"
	"github.com/precis-news/precis/summarize"
)

// oracle returns a summarizer that knows the references: it adds, greedily, the allowed
// sentence with the most new reference bigram hits per word. It bounds what choosing
// sentences can reach; it is no summarizer.
func oracle(ds *dataset.Dataset) eval.Summarizer {
	var refs []oracleRef
	for _, cl := range ds.Clusters {
		r := oracleRef{}
		for _, d := range cl.Docs {
			r.docs = append(r.docs, d.Text)
		}
		for _, ref := range cl.Refs {
			toks := rougeTokens(ref.Text)
			for i := 1; i < len(toks); i++ {
				r.bigrams = append(r.bigrams, [2]string{toks[i-1], toks[i]})
			}
		}
		refs = append(refs, r)
	}
	return eval.EngineWith("oracle", func(words int) engine.Config {
		return engine.Config{Words: words, Summarizer: oracleSummarizer{refs: refs}}
	})
}

// oracleRef is one cluster's documents as read and its references' bigrams.
type oracleRef struct {
	docs    []string
	bigrams [][2]string
}

type oracleSummarizer struct{ refs []oracleRef }

func (o oracleSummarizer) Summarize(c *corpus.Corpus, b summarize.Budget) []int {
	// The engine cleaned the documents: find the cluster whose documents hold the
	// start of each cleaned one (an empty one matches any).
	var ref [][2]string
	for _, r := range o.refs {
		match := len(r.docs) == len(c.Docs)
		for k := 0; match && k < len(r.docs); k++ {
			match = c.Docs[k].Text == "" || contains(r.docs[k], c.Docs[k])
		}
		if match {
			ref = r.bigrams
			break
		}
	}
	need := map[[2]string]int{}
	for _, x := range ref {
		need[x]++
	}
	sel := summarize.DefaultSelection()
	bigrams := make([][][2]string, len(c.Sentences))
	for i := range c.Sentences {
		toks := rougeTokens(c.BodyText(i))
		for j := 1; j < len(toks); j++ {
			bigrams[i] = append(bigrams[i], [2]string{toks[j-1], toks[j]})
		}
	}
	var chosen []int
	words := 0
	used := map[int]bool{}
	for {
		best, bestScore := -1, 0.0
		for i := range c.Sentences {
			if used[i] || sel.Standalone(c, i) == 0 || (b.Words > 0 && words+c.Words[i] > b.Words) {
				continue
			}
			seen := map[[2]string]int{}
			hits := 0
			for _, x := range bigrams[i] {
				seen[x]++
				if seen[x] <= need[x] {
					hits++
				}
			}
			if s := float64(hits) / float64(c.Words[i]); s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		chosen = append(chosen, best)
		words += c.Words[best]
		for _, x := range bigrams[best] {
			if need[x] > 0 {
				need[x]--
			}
		}
	}
	return summarize.Order(c, chosen)
}

// rougeTokens splits text as ROUGE-1.5.5 does (ASCII letters and digits, lower case) and
// stems as its -m does.
func rougeTokens(text string) []string {
	var out []string
	for f := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		out = append(out, rouge.Stem(f))
	}
	return out
}

// contains reports whether the cleaned document d came from the text key.
func contains(key string, d precis.Document) bool {
	if len(d.Text) == 0 {
		return false
	}
	probe := d.Text[:min(len(d.Text), 60)]
	return strings.Contains(key, probe)
}
