package gocheck

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Module writes files (name → content; names may contain "/") into a fresh
// module under t.TempDir() that can import apigen's own packages (through a
// replace directive to this checkout), and returns its directory.
func Module(t testing.TB, files map[string][]byte) string {
	t.Helper()
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := fmt.Sprintf("module example.com/gen\n\ngo 1.25.0\n\nrequire github.com/apigen-dev/apigen v0.0.0\n\nreplace github.com/apigen-dev/apigen => %s\n", root)
	write(t, filepath.Join(dir, "go.mod"), []byte(gomod))
	// apigen's go.sum covers every module the replaced apigen needs, so the
	// build works offline.
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		write(t, filepath.Join(dir, "go.sum"), sum)
	}
	for name, content := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

// Compile writes files as a module (see Module), then runs go build and go
// vet on it, failing t with the tools' output.
func Compile(t testing.TB, files map[string][]byte) string {
	t.Helper()
	dir := Module(t, files)
	// -trimpath keeps the temporary directory out of the build cache's
	// keys: an unchanged generated package is compiled once, not per run.
	Run(t, dir, "build", "-trimpath", "./...")
	Run(t, dir, "vet", "-trimpath", "./...")
	return dir
}

// Test is Compile followed by go test on the module.
func Test(t testing.TB, files map[string][]byte) string {
	t.Helper()
	dir := Compile(t, files)
	Run(t, dir, "test", "-trimpath", "-count=1", "./...")
	return dir
}

// Run runs the go command in dir and fails t with its output on error.
func Run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := Go(dir, args...)
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return out
}

// Go runs the go command in dir and returns its combined output.
func Go(dir string, args ...string) (string, error) {
	return GoEnv(dir, nil, args...)
}

// GoEnv is Go with env ("NAME=value") added to the child's environment.
func GoEnv(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command(GoBin(), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	cmd.Env = append(cmd.Env, env...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	return buf.String(), err
}

// GoBin is the go command of the toolchain running the tests (GOROOT's),
// else the one on PATH.
func GoBin() string {
	if p := filepath.Join(os.Getenv("GOROOT"), "bin", "go"); os.Getenv("GOROOT") != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}

var rootOnce = sync.OnceValues(findRoot)

// RepoRoot returns the directory of apigen's go.mod.
func RepoRoot() (string, error) { return rootOnce() }

func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(b, []byte("module github.com/apigen-dev/apigen\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("gocheck: apigen's go.mod not found above the working directory")
		}
		dir = parent
	}
}

func write(t testing.TB, path string, content []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
}

// CorpusDir is ../shared/corpus beside the repository (CI has it there);
// t is skipped when it is missing.
func CorpusDir(t testing.TB) string {
	t.Helper()
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus at %s", dir)
	}
	return dir
}

// Exec runs a built command (a generated CLI) with env added to the
// environment and returns what it printed and its exit status; t fails
// only when the command cannot run at all.
func Exec(t testing.TB, bin string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s: %v", filepath.Base(bin), err)
		}
		code = ee.ExitCode()
	}
	return o.String(), e.String(), code
}
