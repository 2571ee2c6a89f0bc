package summarize

import "github.com/precis-news/precis/corpus"

// LexRank ranks sentences by their centrality in the graph of cosine similarities
// between their TF-IDF vectors: continuous LexRank (Erkan and Radev, "LexRank:
// graph-based lexical centrality as salience in text summarization", JAIR 2004),
// the stationary distribution of a random walk that follows edges by weight.
//
// The graph has an edge between every two sentences and is never built: its
// weight matrix is X·Xᵀ for the unit TF-IDF rows X, so each power iteration costs
// O(nnz(X)), linear in the story's size, and the result is exact, not an
// approximation by a sparsified graph.
type LexRank struct {
	// Damping is the probability of following an edge rather than jumping (0.85).
	Damping float64
	// SameDocument weighs edges between sentences of one document: 1 is plain
	// LexRank; below 1 favours what several documents say.
	SameDocument float64
	// Iterations caps the power iterations; Tolerance (L1) stops them earlier.
	Iterations int
	Tolerance  float64
	Select     Selection
}

// DefaultLexRank returns LexRank with its published damping.
func DefaultLexRank() LexRank {
	return LexRank{Damping: 0.85, SameDocument: 1, Iterations: 100, Tolerance: 1e-7, Select: DefaultSelection()}
}

// Summarize implements Summarizer.
func (l LexRank) Summarize(c *corpus.Corpus, b Budget) []int {
	g := newLowRank(c, c.Vectors, c.Vectors, l.SameDocument)
	return newPicker(c, l.Select, b).ranked(g.pageRank(l.Damping, l.Iterations, l.Tolerance))
}
