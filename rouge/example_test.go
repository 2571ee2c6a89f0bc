package rouge_test

import (
	"fmt"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/rouge"
)

func ExampleScore() {
	peer := []string{"The cat sat on the mat."}
	refs := [][]string{{"The cat lay on the mat."}, {"A cat was on a mat."}}
	s, err := rouge.Score(peer, refs, rouge.DefaultOptions())
	if err != nil {
		panic(err)
	}
	fmt.Printf("ROUGE-1 R=%.5f P=%.5f F=%.5f\n", s.Rouge1.Recall, s.Rouge1.Precision, s.Rouge1.F)
	fmt.Printf("ROUGE-L F=%.5f, ROUGE-SU4 F=%.5f\n", s.RougeL.F, s.RougeSU4.F)
	// Output:
	// ROUGE-1 R=0.66667 P=0.66667 F=0.66667
	// ROUGE-L F=0.66667, ROUGE-SU4 F=0.47500
}

// A Scorer prepares each reference once; peers are then scored against it cheaply. With -m,
// "geese" becomes the WordNet lemma "goose" but "goose" is Porter-stemmed to "goos", so the
// first peer's goose does not match, exactly as in ROUGE-1.5.5.
func ExampleScorer() {
	o := rouge.DefaultOptions()
	o.Stem = true // -m
	s, err := rouge.New(o)
	if err != nil {
		panic(err)
	}
	ref := s.Prepare([]string{"Geese were crossing the roads.", "Children watched."})
	for _, peer := range [][]string{
		{"The goose crossed the road."},
		{"Children were watching geese cross roads."},
	} {
		sc, err := s.Score(s.Prepare(peer), []*rouge.Summary{ref})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%.5f %.5f\n", sc.Rouge1.F, sc.Rouge2.F)
	}
	// Output:
	// 0.50000 0.40000
	// 0.92308 0.00000
}

func ExampleBootstrap_Average() {
	s, _ := rouge.New(rouge.DefaultOptions())
	ref := s.Prepare([]string{"Police cleared the camp on Monday."})
	var items []rouge.Scores
	for _, peer := range []string{
		"Police cleared the camp.",
		"The camp was cleared on Monday.",
		"Protesters stayed.",
	} {
		sc, _ := s.Score(s.Prepare([]string{peer}), []*rouge.Summary{ref})
		items = append(items, sc)
	}
	a, err := rouge.DefaultBootstrap().Average(items)
	if err != nil {
		panic(err)
	}
	e := a.Rouge1.F
	fmt.Printf("ROUGE-1 Average_F: %.5f (95%%-conf.int. %.5f - %.5f)\n", e.Average, e.Lower, e.Upper)
	// Output:
	// ROUGE-1 Average_F: 0.54442 (95%-conf.int. 0.00000 - 0.83333)
}

func ExampleLines() {
	text := "Police cleared the camp\non Monday. About 100 people stayed."
	sentences := []precis.Span{{Start: 0, End: 34}, {Start: 35, End: len(text)}}
	for _, line := range rouge.Lines(text, sentences) {
		fmt.Printf("%q\n", line)
	}
	// Output:
	// "Police cleared the camp on Monday."
	// "About 100 people stayed."
}

func ExampleStem() {
	for _, w := range []string{"geese", "goose", "better", "agreement", "men"} {
		fmt.Println(w, rouge.Stem(w))
	}
	// Output:
	// geese goose
	// goose goos
	// better well
	// agreement agreem
	// men men
}
