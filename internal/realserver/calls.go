package realserver

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// Calls is a real-server suite's generated module.
type Calls struct {
	Spec string   // the spec the server serves
	Ops  []string // the operations the calls use
	// Package is the generated package's name (its import path is
	// example.com/gen/<Package>); File the calls' test file, which goes
	// through the generated client only (calls/calls_test.go).
	Package, File string
	// CLI also generates the package's command-line client into cli/.
	CLI bool
}

// CallsModule generates c's package into a module of its own beside its
// calls, and returns the module's directory. Only c.Ops, and the types
// they reach, are generated: a whole large spec takes a minute or more to
// compile on two shared cores.
func CallsModule(t testing.TB, c Calls) string {
	t.Helper()
	start := time.Now()
	api, _, err := parser.Load([]string{c.Spec}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := irtest.KeepOperations(api, c.Ops); n != len(c.Ops) {
		t.Fatalf("found %d of the %d operations the calls use", n, len(c.Ops))
	}
	pkg := c.Package
	files, _, err := templates.Generate(api, templates.Options{Package: pkg})
	if err != nil {
		t.Fatal(err)
	}
	module := map[string][]byte{}
	for _, f := range files {
		module[pkg+"/"+f.Name] = f.Content
	}
	calls, err := os.ReadFile(c.File)
	if err != nil {
		t.Fatal(err)
	}
	module["calls/calls_test.go"] = calls
	if c.CLI {
		cli, _, err := templates.GenerateCLI(api, templates.Options{Package: pkg, Import: "example.com/gen/" + pkg, CLIName: pkg})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range cli {
			module["cli/"+f.Name] = f.Content
		}
	}
	dir := gocheck.Module(t, module)
	t.Logf("generated %d files in %.1fs", len(files), time.Since(start).Seconds())
	return dir
}

// RunCalls runs the calls module's tests with env added, and fails t with
// their output unless every one passed.
func RunCalls(t testing.TB, dir string, env ...string) string {
	t.Helper()
	// -trimpath keeps the temporary directory out of the build cache's
	// keys, so an unchanged generated package is compiled once, not per run.
	start := time.Now()
	out, err := gocheck.GoEnv(dir, env, "test", "-trimpath", "-count=1", "-v", "./calls")
	t.Logf("go test in %.1fs", time.Since(start).Seconds())
	if err != nil {
		t.Fatalf("calls against the server failed:\n%s", out)
	}
	if !strings.Contains(out, "--- PASS") || strings.Contains(out, "--- SKIP") {
		t.Fatalf("calls did not all run and pass:\n%s", out)
	}
	t.Log(out)
	return out
}
