package openapi

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestCPUProbe(t *testing.T) {
	for _, f := range corpusFiles(t) {
		src, _ := os.ReadFile(f)
		best := func(fn func()) time.Duration {
			var b time.Duration
			for i := 0; i < 3; i++ {
				runtime.GC()
				c := cpu()
				fn()
				d := cpu() - c
				if b == 0 || d < b {
					b = d
				}
			}
			return b
		}
		parse := best(func() { Parse(f, src, Options{}) })
		source := best(func() { readSource(src) })
		kin, kinO := time.Duration(0), time.Duration(0)
		if filepath.Base(f) != "kubernetes-swagger.json" {
			kin = best(func() { openapi3.NewLoader().LoadFromData(src) })
			kinO = best(func() { l := openapi3.NewLoader(); l.IncludeOrigin = true; l.LoadFromData(src) })
		}
		t.Logf("%-32s parse %5dms  source %4dms  kin %5dms  kin+origin %5dms", filepath.Base(f), parse.Milliseconds(), source.Milliseconds(), kin.Milliseconds(), kinO.Milliseconds())
	}
}
