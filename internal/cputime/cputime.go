// Package cputime measures the CPU time of the process: benchmarks report it
// per operation ("cpu-ns/op") beside the wall time, which a shared machine
// inflates, and precis-load reports its own.
package cputime

import "time"

// PerOp is the CPU time in nanoseconds used since start (a Now), divided by n
// operations: b.ReportMetric(cputime.PerOp(start, b.N), "cpu-ns/op").
func PerOp(start time.Duration, n int) float64 {
	return float64(Now()-start) / float64(max(n, 1))
}
