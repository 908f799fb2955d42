package stripemock

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/internal/realserver"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// The pinned stripe-mock; its embedded spec is the one the client is
// generated from, so client and server agree on every field.
const (
	module  = "github.com/stripe/stripe-mock"
	version = "v0.203.0"
)

// called are the operations testdata/calls_test.go calls. Only they, and
// the types they reach, are generated: the whole spec (594 operations,
// 11202 types, 19 MB of Go) takes 60-130 s to compile on two shared
// cores, a fifth of it about 25 s, and TestCorpusOpenAPICompiles already
// compiles a whole Stripe spec.
var called = []string{
	"DeleteCustomersCustomer", "GetCustomers", "GetCustomersCustomer", "GetCustomersSearch",
	"GetFiles", "GetFilesFile", "GetPaymentIntents", "GetPaymentIntentsIntent", "GetQuotesQuotePdf",
	"PostCustomers", "PostCustomersCustomer", "PostFiles", "PostPaymentIntents",
	"PostPaymentIntentsIntentCancel", "PostPaymentIntentsIntentConfirm",
}

// keepOperations drops from api every operation not named in keep and
// every type those left do not reach; it returns how many it kept.
func keepOperations(api *ir.API, keep []string) int {
	reached := map[string]bool{}
	var visit func(r *ir.TypeRef)
	visit = func(r *ir.TypeRef) {
		if r == nil {
			return
		}
		visit(r.Elem)
		if r.Kind != ir.KindRef || reached[r.Ref] {
			return
		}
		reached[r.Ref] = true
		t := api.Type(r.Ref)
		if t == nil {
			return
		}
		for _, r := range t.Refs() {
			visit(r)
		}
	}
	ops := api.Operations[:0]
	for _, o := range api.Operations {
		if !slices.Contains(keep, o.Name) {
			continue
		}
		ops = append(ops, o)
		for _, r := range o.Refs() {
			visit(r)
		}
	}
	api.Operations = ops
	api.Types = slices.DeleteFunc(api.Types, func(t *ir.Type) bool { return !reached[t.Name] })
	return len(ops)
}

// TestStripeMock generates a client and its CLI from the spec stripe-mock
// serves, starts stripe-mock on 127.0.0.1, and runs testdata/calls_test.go
// (calls through the generated client only) and the CLI (see
// customerByCLI) against it in a module of their own.
func TestStripeMock(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated package and runs stripe-mock")
	}
	bin := realserver.Install(t, module, version)
	spec := filepath.Join(realserver.ModuleDir(t, module, version), "embedded", "openapi", "spec3.json")

	start := time.Now()
	api, _, err := parser.Load([]string{spec}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := keepOperations(api, called); n != len(called) {
		t.Fatalf("found %d of the %d operations the calls use", n, len(called))
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
	cli, _, err := templates.GenerateCLI(api, templates.Options{Package: "stripe", Import: "example.com/gen/stripe", CLIName: "stripe"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cli {
		module["cli/"+f.Name] = f.Content
	}
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

	// The CLI over the same package, against the same stripe-mock.
	start = time.Now()
	stripeCLI := filepath.Join(dir, "stripe-cli")
	gocheck.Run(t, dir, "build", "-trimpath", "-o", stripeCLI, "./cli")
	t.Logf("go build of the CLI in %.1fs", time.Since(start).Seconds())
	customerByCLI(t, stripeCLI, "http://"+addr)
}
