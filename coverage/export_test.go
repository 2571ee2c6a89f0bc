package coverage

import "github.com/precis-news/precis/corpus"

// Sayers returns, per sentence of c, whether it is informative and the other
// documents that say it (the evaluation scores these pairs).
func Sayers(c *corpus.Corpus) (informative []bool, docs [][]int) {
	st := newStory(c, DefaultConfig())
	informative = make([]bool, len(c.Sentences))
	docs = make([][]int, len(c.Sentences))
	for i := range c.Sentences {
		informative[i] = st.info[i] > 0
		ds, _ := st.sayings(i)
		for _, d := range ds {
			docs[i] = append(docs[i], int(d))
		}
	}
	return informative, docs
}
