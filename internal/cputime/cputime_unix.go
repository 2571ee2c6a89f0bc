//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Now returns the CPU time the process has used, user and system; 0 where it
// cannot be read.
func Now() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
