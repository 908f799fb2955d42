// Package realserver runs, in tests, servers nobody on this project wrote
// (stripe-mock, Prism), so generated clients are proven against what real
// servers send. A server is installed once at a pinned version, through the
// Go module proxy or the npm registry, into the user's cache directory,
// started on 127.0.0.1 only, and stopped by its own process id when the
// test ends.
package realserver

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

// Install returns the path of the binary that `go install module@version`
// builds, cached under the user cache directory so that later runs start
// at once. The build runs outside any module (go.mod is never touched);
// t is skipped, saying why, only when the binary cannot be installed
// (no network and no cache).
func Install(t testing.TB, module, version string) string {
	t.Helper()
	name := filepath.Base(module)
	dir := cacheDir(name + "@" + version)
	bin := filepath.Join(dir, name)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skipf("cannot install %s@%s: %v", module, version, err)
	}
	cmd := exec.Command(gocheck.GoBin(), "install", module+"@"+version)
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=", "GOWORK=off")
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot install %s@%s through the module proxy (%v), so the real-server test does not run:\n%s", module, version, err, out)
	}
	t.Logf("installed %s@%s in %.1fs", module, version, time.Since(start).Seconds())
	return bin
}

// InstallNPM returns the path of command bin from the npm package
// pkg@version, installed once under the user cache directory (into a
// temporary directory renamed into place, so an interrupted install is
// never taken for a finished one). t is skipped, saying why, only when
// npm is missing or the install fails.
func InstallNPM(t testing.TB, pkg, version, bin string) string {
	t.Helper()
	dir := cacheDir(strings.NewReplacer("/", "+", "@", "").Replace(pkg) + "@" + version)
	path := filepath.Join(dir, "node_modules", ".bin", bin)
	if fileExists(path) {
		return path
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skipf("cannot install %s@%s: no npm on PATH, so the real-server test does not run", pkg, version)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		t.Skipf("cannot install %s@%s: %v", pkg, version, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".install-")
	if err != nil {
		t.Skipf("cannot install %s@%s: %v", pkg, version, err)
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	cmd := exec.Command(npm, "install", "--prefix", tmp, "--no-audit", "--no-fund", "--loglevel=error", pkg+"@"+version)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot install %s@%s from the npm registry (%v), so the real-server test does not run:\n%s", pkg, version, err, out)
	}
	// Another test process may have won the race; its install is as good.
	if err := os.Rename(tmp, dir); err != nil && !fileExists(path) {
		t.Fatalf("install %s@%s: %v", pkg, version, err)
	}
	t.Logf("installed %s@%s in %.1fs", pkg, version, time.Since(start).Seconds())
	return path
}

// ModuleDir is where the module cache holds module@version's source (the
// spec a server embeds is read from there), after Install put it there.
func ModuleDir(t testing.TB, module, version string) string {
	t.Helper()
	out, err := exec.Command(gocheck.GoBin(), "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), module+"@"+version)
}

// Start runs bin with args and waits until a line of its output matches
// ready, whose first group is the address it listens on; it returns that
// address. The process is killed by its id when t ends.
func Start(t testing.TB, ready *regexp.Regexp, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.Command(bin, args...)
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	// The output is drained for the server's whole life, so it never
	// blocks writing a log line; its last lines are kept to show why a
	// test failed (a server that died answers "connection refused").
	var mu sync.Mutex
	var tail []string
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := sc.Text()
			mu.Lock()
			if tail = append(tail, line); len(tail) > 40 {
				tail = tail[1:]
			}
			mu.Unlock()
			if m := ready.FindStringSubmatch(line); m != nil && len(found) == 0 {
				found <- m[1]
			}
		}
	}()
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		died := false
		select {
		case <-exited:
			died = true
		default:
		}
		_ = cmd.Process.Kill()
		<-exited
		pw.Close()
		if t.Failed() {
			mu.Lock()
			defer mu.Unlock()
			t.Logf("%s (exited before the end: %v), its last output:\n%s", filepath.Base(bin), died, strings.Join(tail, "\n"))
		}
	})
	select {
	case addr := <-found:
		return addr
	case <-ctx.Done():
		t.Fatalf("%s did not say it was ready within 2 minutes", filepath.Base(bin))
	}
	return ""
}

// cacheDir is where a server version is installed: under the user cache
// directory, so later runs start at once, else the temporary one.
func cacheDir(name string) string {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	return filepath.Join(cache, "apigen-realserver", name)
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
