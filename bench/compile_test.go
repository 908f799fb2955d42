package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The compile log is read for the measured package's line only: the
// warm-up's and other packages' compilations are not its figures.
func TestReadCompileLog(t *testing.T) {
	log := filepath.Join(t.TempDir(), "compile.log")
	os.WriteFile(log, []byte("benchcompile/other 9000000000 9 9\nbenchcompile/apigenk8s 2500000000 2000000000 307200\n"), 0o644)
	m := readCompileLog(log, "benchcompile/apigenk8s")
	if m.wall != 2500*time.Millisecond || m.cpu != 2*time.Second || m.rss != 307200 {
		t.Errorf("got %+v", m)
	}
}

// Lines are counted over the generated files, not the run's nonce file.
func TestGoLines(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n\nvar X = 1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "zz_bench_nonce.go"), []byte("package a\n\n// run\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x\ny\n"), 0o644)
	if n := goLines(dir); n != 3 {
		t.Errorf("goLines = %d, want 3", n)
	}
}
