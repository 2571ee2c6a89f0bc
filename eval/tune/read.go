package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/dataset"
	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/eval"
	"github.com/precis-news/precis/summarize"
)

var (
	// withRead adds the readability count to the report.
	withRead bool
	// showBriefs names the file the briefs are written to, when not "".
	showBriefs string
)

// readability makes every variant's brief of every cluster again and counts its
// statements that cannot stand alone: those with summarize.Flaws, except a
// mendable flaw (summarize.Mendable) right after the sentence it follows in its
// document, and the start of a quotation right before the sentence that goes on with it.
func readability(ds *dataset.Dataset, sums []eval.Summarizer, words int) error {
	var show strings.Builder
	fmt.Printf("\nreadability at %d words: statements that cannot stand alone (summarize.Flaws, ordering-aware)\n", words)
	fmt.Printf("%-40s %6s %6s  %s\n", "variant", "stmts", "flawed", "by flaw")
	for _, s := range sums {
		config, ok := configs[s.Name]
		if !ok {
			continue // the oracle
		}
		total, flawed, old := 0, 0, 0
		kinds := map[summarize.Flaw]int{}
		for _, cl := range ds.Clusters {
			if len(cl.Docs) == 0 {
				continue
			}
			b, err := engine.Brief(context.Background(), cl.Docs, config(words))
			if err != nil {
				return fmt.Errorf("%s: %s: %w", s.Name, cl.ID, err)
			}
			fmt.Fprintf(&show, "== %s %s\n", cl.ID, s.Name)
			for k, st := range b.Summary {
				total++
				f := summarize.Flaws(st.Text)
				if f.Contextual() && k > 0 && follows(b.Summary[k-1], st) ||
					f == summarize.QuoteStart && k+1 < len(b.Summary) && follows(st, b.Summary[k+1]) {
					// the first version of this rule, kept to compare
				} else if f != 0 {
					old++
				}
				f = standsInContext(b.Summary, k, f)
				mark := "  "
				if f != 0 {
					flawed++
					for bit := summarize.Flaw(1); bit != 0 && bit <= f; bit <<= 1 {
						if f&bit != 0 {
							kinds[bit]++
						}
					}
					mark = "* "
				}
				fmt.Fprintf(&show, "%s%s [%s]", mark, st.Text, st.Sources[0].Doc)
				if f != 0 {
					fmt.Fprintf(&show, " {%s}", f)
				}
				show.WriteByte('\n')
			}
		}
		var by []string
		for bit := summarize.Flaw(1); bit <= summarize.QuoteEnd; bit <<= 1 {
			if kinds[bit] > 0 {
				by = append(by, fmt.Sprintf("%s %d", bit, kinds[bit]))
			}
		}
		fmt.Printf("%-40s %6d %6d  (first rule %d) %s\n", s.Name, total, flawed, old, strings.Join(by, ", "))
	}
	if showBriefs != "" {
		return os.WriteFile(showBriefs, []byte(show.String()), 0o644)
	}
	return nil
}

// follows reports whether statement b's sentence comes right after a's in the
// same document (nothing but spaces between their spans).
func follows(a, b precis.Statement) bool {
	sa, sb := a.Sources[0], b.Sources[0]
	return sa.Doc == sb.Doc && sa.Span.End <= sb.Span.Start && sb.Span.Start-sa.Span.End <= 3
}

// standsInContext returns the flaws f of statement k of summary that its
// neighbours do not mend: a mendable flaw (summarize.Mendable) right after the
// sentence it follows in its document; the start of a quotation that the next
// statements, each following the one before in its document, go on with and
// close; and a quotation that does not say who speaks, when the statement that
// closes it does ("…," the mayor said.).
func standsInContext(summary []precis.Statement, k int, f summarize.Flaw) summarize.Flaw {
	if k > 0 && follows(summary[k-1], summary[k]) {
		f &^= summarize.Mendable
	}
	if f&summarize.QuoteStart == 0 {
		return f
	}
	for j := k + 1; j < len(summary) && follows(summary[j-1], summary[j]); j++ {
		if summarize.Flaws(summary[j].Text)&summarize.QuoteEnd != 0 {
			f &^= summarize.QuoteStart
			// The closing sentence read as if it opened the quotation says who speaks.
			if summarize.Flaws("“"+summary[j].Text)&summarize.Unattributed == 0 {
				f &^= summarize.Unattributed
			}
			break
		}
	}
	return f
}
