//go:build unix

package disagree_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used. Benchmarks report it per
// operation ("cpu-ns/op") beside the wall time, which a shared machine inflates.
func cpuTime() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
