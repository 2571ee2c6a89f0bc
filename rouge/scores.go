package rouge

import "strconv"

// Metric names one ROUGE measure.
type Metric int

// The measures, in the order ROUGE-1.5.5 prints them.
const (
	Rouge1 Metric = iota
	Rouge2
	Rouge3
	Rouge4
	RougeL
	RougeSU4
)

// AllMetrics lists every measure package rouge computes.
var AllMetrics = []Metric{Rouge1, Rouge2, Rouge3, Rouge4, RougeL, RougeSU4}

var metricKeys = [...]string{"rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeSU4"}
var metricNames = [...]string{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L", "ROUGE-SU4"}

// String returns the measure's JSON key: "rouge1" … "rouge4", "rougeL", "rougeSU4".
func (m Metric) String() string {
	if m < 0 || int(m) >= len(metricKeys) {
		return "Metric(" + strconv.Itoa(int(m)) + ")"
	}
	return metricKeys[m]
}

// Name returns the measure's name as ROUGE-1.5.5 prints it: "ROUGE-1" … "ROUGE-SU4".
func (m Metric) Name() string {
	if m < 0 || int(m) >= len(metricNames) {
		return m.String()
	}
	return metricNames[m]
}

// PRF is one measure's recall, precision and F, each rounded to 5 decimals exactly as
// ROUGE-1.5.5 prints it.
type PRF struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F         float64 `json:"f1"`
}

// Scores are all the measures for one peer against its references. Measures the options
// did not ask for (ROUGE-N above MaxN, SU4 when off) are zero.
type Scores struct {
	Rouge1   PRF `json:"rouge1"`
	Rouge2   PRF `json:"rouge2"`
	Rouge3   PRF `json:"rouge3"`
	Rouge4   PRF `json:"rouge4"`
	RougeL   PRF `json:"rougeL"`
	RougeSU4 PRF `json:"rougeSU4"`
}

// Get returns the score of one measure.
func (s *Scores) Get(m Metric) PRF {
	if p := s.at(m); p != nil {
		return *p
	}
	return PRF{}
}

func (s *Scores) at(m Metric) *PRF {
	switch m {
	case Rouge1:
		return &s.Rouge1
	case Rouge2:
		return &s.Rouge2
	case Rouge3:
		return &s.Rouge3
	case Rouge4:
		return &s.Rouge4
	case RougeL:
		return &s.RougeL
	case RougeSU4:
		return &s.RougeSU4
	}
	return nil
}

// round5 rounds x as C's printf("%7.5f") does (the exact binary value to nearest, ties to
// even) and returns the number that the printed string denotes, which is what ROUGE-1.5.5
// computes with afterwards.
func round5(x float64) float64 {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], x, 'f', 5, 64)
	r, _ := strconv.ParseFloat(string(b), 64)
	return r
}

// fraction returns ROUGE's rounded hit/count, or 0 when count is 0.
func fraction(hit, count int) float64 {
	if count == 0 {
		return 0
	}
	return round5(float64(hit) / float64(count))
}

// newScore computes recall, precision and F from counts as ROUGE-1.5.5 does: R and P are
// rounded first and F is computed from the rounded values.
func newScore(hit, model, peer int, alpha float64) PRF {
	r := fraction(hit, model)
	p := fraction(hit, peer)
	s := PRF{Recall: r, Precision: p}
	if d := (1-alpha)*p + alpha*r; d > 0 {
		s.F = round5((p * r) / d)
	}
	return s
}
