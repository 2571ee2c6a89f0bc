// Package corpus splits a story's documents into sentences and terms: the common
// input of the summarizers and of the story analyses.
package corpus

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/sentence"
	"github.com/precis-news/precis/similarity"
	"github.com/precis-news/precis/token"
)

// Corpus is a story's documents, split into sentences whose content words are
// numbered as terms, with each sentence's TF-IDF vector and an index of the
// sentences that say the same thing.
//
// A Corpus is not modified after Build and is safe for concurrent reads.
type Corpus struct {
	Docs []precis.Document
	// Sentences holds every sentence of every document: document order, then position.
	Sentences []precis.Sentence
	// First[d] is the index in Sentences of document d's first sentence;
	// First[len(Docs)] is len(Sentences).
	First []int
	// Terms[i] lists the term ids of sentence i's content tokens, in order, repeats kept.
	Terms [][]int32
	// Vocab maps a term id to its stem.
	Vocab []string
	// DF counts, per term, the documents that contain it.
	DF []int
	// IDF is log(1 + N/DF) per term, N the number of documents: never 0.
	IDF []float64

	// Body[i] is the span of sentence i without the dateline that opens it
	// ("CAIRO (Reuters) - ", see Dateline): what a summary shows of the sentence.
	// It is the sentence's span when there is no dateline.
	Body []precis.Span
	// Words[i] is precis.CountWords of sentence i's body: the one word count of budgets.
	Words []int
	// SF counts, per term, the sentences that contain it.
	SF []int
	// SentenceIDF is log(1 + S/SF) per term, S the number of sentences. It tells
	// terms apart far better than IDF in a story of a few documents, where most
	// content words occur in every document.
	SentenceIDF []float64
	// Vectors[i] is sentence i's unit-length TF-IDF vector (term counts × SentenceIDF);
	// the zero Vector when the sentence has no content word.
	Vectors []similarity.Vector
	// Support[i] counts the documents that carry sentence i or a close paraphrase
	// of it, its own included: 1 for a sentence only its document says. Sentences
	// with fewer than Options.MinTerms content terms are never matched and have support 1.
	Support []int
	// Relatedness[d] is how much document d is about what the other documents are
	// about: the cosine of its TF-IDF vector with the mean of theirs (0 to 1; 0 for
	// a document without text, or in a story of one document).
	Relatedness []float64
	// OffStory[d] marks a document that seems not to be about the story: an
	// advertisement, an archive notice, an encyclopedia page. Its relatedness is
	// below Options.OffStory (0.1) and below half the most related document's
	// (of two documents related less than 0.05, the shorter is off-story). The
	// summarizers use its sentences only when nothing else is left.
	OffStory []bool

	opts  Options
	index *similarity.Index
	// spare keeps a Searcher of index between Paraphrases calls (one is enough
	// for the usual caller, which asks one sentence after another).
	spare atomic.Pointer[similarity.Searcher]
}

// Options sets how Build compares sentences.
type Options struct {
	// Paraphrase is the cosine of TF-IDF vectors at or above which two sentences
	// count as saying the same thing: for support, citations and redundancy.
	Paraphrase float64
	// MinTerms is the fewest distinct content terms a sentence needs to be matched
	// with others; shorter ones ("He declined.") would match by accident.
	MinTerms int
	// OffStory is the Relatedness below which a document may be off-story (see
	// Corpus.OffStory); below 0, no document is.
	OffStory float64
	// Split cuts a paragraph into sentences (spans into it); nil is
	// sentence.Split. Tests use others to show what depends on where sentences end.
	Split func(paragraph string) []precis.Span
	// Zero values of the fields mean their defaults.
}

// DefaultOptions returns the options Build uses.
func DefaultOptions() Options { return Options{Paraphrase: 0.5, MinTerms: 3, OffStory: 0.1} }

// Build splits docs into sentences and tokens with the default options.
func Build(docs []precis.Document) *Corpus { return BuildWith(docs, DefaultOptions()) }

// BuildWith splits docs into sentences and tokens, vectors and paraphrase index.
//
// Its cost is linear in the number of tokens, plus the paraphrase search, which
// compares each sentence only with the sentences sharing one of its rarest terms.
func BuildWith(docs []precis.Document, opts Options) *Corpus {
	if opts.Paraphrase <= 0 || opts.Paraphrase > 1 {
		opts.Paraphrase = DefaultOptions().Paraphrase
	}
	if opts.MinTerms <= 0 {
		opts.MinTerms = DefaultOptions().MinTerms
	}
	if opts.OffStory == 0 {
		opts.OffStory = DefaultOptions().OffStory
	}
	c := &Corpus{Docs: docs, First: make([]int, 0, len(docs)+1), opts: opts}
	if opts.Split == nil {
		opts.Split = sentence.Split
	}
	split := splitAll(docs, opts.Split)
	// Sizes first, so that the slices are made once: the terms of all
	// sentences share one array.
	sentences, contents := 0, 0
	for _, ss := range split {
		sentences += len(ss)
		for _, s := range ss {
			for _, t := range s.Tokens {
				if t.IsContent() {
					contents++
				}
			}
		}
	}
	c.Sentences = make([]precis.Sentence, 0, sentences)
	c.Terms = make([][]int32, 0, sentences)
	c.Body = make([]precis.Span, 0, sentences)
	c.Words = make([]int, 0, sentences)
	all := make([]int32, 0, contents)
	ids := make(map[string]int32, contents/4)
	var seen []int32 // seen[t]: 1 + the last document / sentence that counted term t
	var seenS []int32
	for d := range docs {
		c.First = append(c.First, len(c.Sentences))
		for _, s := range split[d] {
			i := int32(len(c.Sentences))
			start := len(all)
			for _, t := range s.Tokens {
				if !t.IsContent() {
					continue
				}
				id, ok := ids[t.Stem]
				if !ok {
					id = int32(len(c.Vocab))
					ids[t.Stem] = id
					c.Vocab = append(c.Vocab, t.Stem)
					c.DF = append(c.DF, 0)
					c.SF = append(c.SF, 0)
					seen = append(seen, 0)
					seenS = append(seenS, 0)
				}
				if seen[id] != int32(d)+1 {
					seen[id] = int32(d) + 1
					c.DF[id]++
				}
				if seenS[id] != i+1 {
					seenS[id] = i + 1
					c.SF[id]++
				}
				all = append(all, id)
			}
			var terms []int32
			if len(all) > start {
				terms = all[start:len(all):len(all)]
			}
			body := s.Span
			body.Start += Dateline(s.Text)
			c.Sentences = append(c.Sentences, s)
			c.Terms = append(c.Terms, terms)
			c.Body = append(c.Body, body)
			c.Words = append(c.Words, precis.CountWords(body.Of(docs[d].Text)))
		}
		split[d] = nil
	}
	c.First = append(c.First, len(c.Sentences))
	n := float64(len(docs))
	c.IDF = make([]float64, len(c.DF))
	for i, df := range c.DF {
		c.IDF[i] = math.Log(1 + n/float64(df))
	}
	ns := float64(len(c.Sentences))
	c.SentenceIDF = make([]float64, len(c.SF))
	for i, sf := range c.SF {
		c.SentenceIDF[i] = math.Log(1 + ns/float64(sf))
	}
	c.Vectors = make([]similarity.Vector, len(c.Sentences))
	indexed := make([]similarity.Vector, len(c.Sentences))
	for i, terms := range c.Terms {
		c.Vectors[i] = similarity.New(terms, c.SentenceIDF)
		if c.Vectors[i].Len() >= opts.MinTerms {
			indexed[i] = c.Vectors[i]
		}
	}
	c.index = similarity.NewIndex(indexed, c.SF, opts.Paraphrase)
	c.support()
	c.relatedness()
	return c
}

// parallelBytes is the story size above which documents are split into
// sentences and tokens on several goroutines: a few microseconds of starting
// them against a millisecond of work for the example story (23 KB).
const parallelBytes = 16 << 10

// splitAll splits every document into sentences with their tokens, spreading
// the documents over the available processors when the story is large.
func splitAll(docs []precis.Document, cut func(string) []precis.Span) [][]precis.Sentence {
	out := make([][]precis.Sentence, len(docs))
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	if size < parallelBytes || workers < 2 {
		for d := range docs {
			out[d] = splitDoc(docs[d].Text, d, cut)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				d := int(next.Add(1) - 1)
				if d >= len(docs) {
					return
				}
				out[d] = splitDoc(docs[d].Text, d, cut)
			}
		})
	}
	wg.Wait()
	return out
}

// splitDoc splits document d's text into sentences, each paragraph with cut,
// with their tokens.
func splitDoc(text string, d int, cut func(string) []precis.Span) []precis.Sentence {
	var out []precis.Sentence
	for p, para := range sentence.Paragraphs(text) {
		for _, span := range cut(para.Of(text)) {
			span.Start += para.Start
			span.End += para.Start
			out = append(out, precis.Sentence{
				Doc: d, Index: len(out), Paragraph: p,
				Span: span, Text: span.Of(text), Tokens: token.Tokenize(text, span),
			})
		}
	}
	return out
}

// support fills Support: one query per class of identical sentences.
func (c *Corpus) support() {
	c.Support = make([]int, len(c.Sentences))
	for i := range c.Support {
		c.Support[i] = 1
	}
	s := c.index.Searcher()
	stamp := make([]int, len(c.Docs))
	for k := 0; k < c.index.Classes(); k++ {
		members := c.index.Members(k)
		n := 0
		s.SimilarClass(k, func(class int, _ float64) {
			for _, j := range c.index.Members(class) {
				if d := c.Sentences[j].Doc; stamp[d] != k+1 {
					stamp[d] = k + 1
					n++
				}
			}
		})
		for _, i := range members {
			c.Support[i] = max(n, 1)
		}
	}
}

// BodyText returns sentence i without the dateline that opens it (see Body).
func (c *Corpus) BodyText(i int) string {
	return c.Body[i].Of(c.Docs[c.Sentences[i].Doc].Text)
}

// DocSentences returns the indexes in Sentences of document d's sentences.
func (c *Corpus) DocSentences(d int) (first, end int) { return c.First[d], c.First[d+1] }

// Options returns the options the corpus was built with.
func (c *Corpus) Options() Options { return c.opts }

// Match is a sentence found similar to another, with their cosine.
type Match struct {
	Sentence int
	Cosine   float64
}

// Paraphrases returns, for each other document that says what sentence i says
// (a sentence with a cosine of at least Options.Paraphrase), its sentence most
// similar to i, in document order. Identical sentences have a cosine of 1.
func (c *Corpus) Paraphrases(i int) []Match {
	if c.index.Class(i) < 0 {
		return nil
	}
	best := map[int]Match{}
	own := c.Sentences[i].Doc
	s := c.spare.Swap(nil)
	if s == nil {
		s = c.index.Searcher()
	}
	defer c.spare.Store(s)
	s.Similar(c.Vectors[i], c.opts.Paraphrase, func(class int, cos float64) {
		for _, j := range c.index.Members(class) {
			d := c.Sentences[j].Doc
			if d == own {
				continue
			}
			if m, ok := best[d]; !ok || cos > m.Cosine || (cos == m.Cosine && int(j) < m.Sentence) {
				best[d] = Match{Sentence: int(j), Cosine: cos}
			}
		}
	})
	out := make([]Match, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Match) int { return a.Sentence - b.Sentence })
	return out
}
