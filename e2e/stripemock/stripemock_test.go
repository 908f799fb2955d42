package stripemock

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/internal/realserver"
	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// The pinned stripe-mock; its embedded spec is the one the client is
// generated from, so client and server agree on every field.
const (
	module  = "github.com/stripe/stripe-mock"
	version = "v0.203.0"
)

// TestStripeMock generates a client from the spec stripe-mock serves,
// starts stripe-mock on 127.0.0.1, and runs testdata/calls_test.go (calls
// through the generated client only) against it in a module of its own.
func TestStripeMock(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 19 MB generated package")
	}
	bin := realserver.Install(t, module, version)
	spec := filepath.Join(realserver.ModuleDir(t, module, version), "embedded", "openapi", "spec3.json")

	start := time.Now()
	api, _, err := parser.Load([]string{spec}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := templates.Generate(api, templates.Options{Package: "stripe"})
	if err != nil {
		t.Fatal(err)
	}
	module := map[string][]byte{}
	for _, f := range files {
		module["stripe/"+f.Name] = f.Content
	}
	calls, err := os.ReadFile(filepath.Join("testdata", "calls_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	module["calls/calls_test.go"] = calls
	dir := gocheck.Module(t, module)
	t.Logf("generated %d files in %.1fs", len(files), time.Since(start).Seconds())

	// Both listeners on 127.0.0.1: without -https-addr stripe-mock would
	// also listen on every interface.
	addr := realserver.Start(t, regexp.MustCompile(`Listening for HTTP at address: (\S+)`),
		bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")

	// -trimpath keeps the temporary directory out of the build cache's
	// keys, so an unchanged generated package is compiled once, not per run.
	start = time.Now()
	out, err := gocheck.GoEnv(dir, []string{"STRIPE_MOCK_URL=http://" + addr},
		"test", "-trimpath", "-count=1", "-v", "./calls")
	t.Logf("go test in %.1fs", time.Since(start).Seconds())
	if err != nil {
		t.Fatalf("calls against stripe-mock failed:\n%s", out)
	}
	if n := strings.Count(out, "--- PASS"); n < 1 {
		t.Fatalf("no passing test in:\n%s", out)
	}
	t.Log(out)
}
