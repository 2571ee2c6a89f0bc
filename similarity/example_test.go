package similarity_test

import (
	"fmt"

	"github.com/precis-news/precis/similarity"
)

func ExampleIndex() {
	// Three sentences as bags of term ids; terms 0 and 1 are rare, 2 is common.
	idf := []float64{3, 3, 0.5, 2}
	freq := []int{1, 2, 9, 3}
	vecs := []similarity.Vector{
		similarity.New([]int32{0, 1, 2}, idf),
		similarity.New([]int32{0, 1, 3}, idf),
		similarity.New([]int32{2, 3}, idf),
	}
	idx := similarity.NewIndex(vecs, freq, 0.5)
	idx.Searcher().Similar(vecs[0], 0.5, func(class int, cos float64) {
		fmt.Printf("%v %.2f\n", idx.Members(class), cos)
	})
	// Unordered output:
	// [0] 1.00
	// [1] 0.90
}
