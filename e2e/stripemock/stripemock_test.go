package stripemock

import (
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/internal/realserver"
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

	dir := realserver.CallsModule(t, realserver.Calls{Spec: spec, Ops: called, Package: "stripe", File: filepath.Join("testdata", "calls_test.go"), CLI: true})

	// Both listeners on 127.0.0.1: without -https-addr stripe-mock would
	// also listen on every interface.
	addr := realserver.Start(t, regexp.MustCompile(`Listening for HTTP at address: (\S+)`),
		bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")

	realserver.RunCalls(t, dir, "STRIPE_MOCK_URL=http://"+addr)

	// The CLI over the same package, against the same stripe-mock.
	start := time.Now()
	stripeCLI := filepath.Join(dir, "stripe-cli")
	gocheck.Run(t, dir, "build", "-trimpath", "-o", stripeCLI, "./cli")
	t.Logf("go build of the CLI in %.1fs", time.Since(start).Seconds())
	customerByCLI(t, stripeCLI, "http://"+addr)
}
