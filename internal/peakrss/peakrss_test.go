package peakrss

import (
	"runtime"
	"testing"
)

// Touching 64 MiB raises the peak by about that much.
func TestBytes(t *testing.T) {
	before, ok := Bytes()
	if !ok {
		if runtime.GOOS == "linux" {
			t.Fatal("no VmHWM on Linux")
		}
		t.Skip("peak RSS is read from /proc on Linux only")
	}
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = 1
	}
	after, _ := Bytes()
	runtime.KeepAlive(buf)
	if after-before < 48<<20 {
		t.Errorf("peak %d → %d bytes after touching 64 MiB", before, after)
	}
}
