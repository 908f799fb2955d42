// Package peakrss reads this process's peak resident set size, for the
// benchmark and the hostile-input tests that bound memory.
//
// The kernel's rusage of a child is no use for that: Go starts children
// with vfork, and Linux then starts a child's ru_maxrss at its parent's
// high-water mark. A process's own VmHWM has no such floor.
package peakrss

import (
	"fmt"
	"os"
	"strings"
)

// Bytes returns the process's peak RSS (VmHWM) in bytes; false off Linux.
func Bytes() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscan(v, &kb); err != nil {
				return 0, false
			}
			return kb << 10, true
		}
	}
	return 0, false
}
