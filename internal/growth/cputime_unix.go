//go:build unix

package growth

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, all threads (the
// garbage collector's included): unlike wall-clock time, it does not grow
// while other processes hold the CPU.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
