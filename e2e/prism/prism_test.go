package prism

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/internal/realserver"
)

// The pinned Prism; newer releases change which example a mock answers
// with, which the calls check.
const (
	pkg     = "@stoplight/prism-cli"
	version = "5.14.2"
)

// called are the operations testdata/calls_test.go calls, by operationId;
// only they and the types they reach are generated.
var called = []string{
	"getCodeVersion", "getCoreV1APIResources",
	"createCoreV1NamespacedPod", "readCoreV1NamespacedPod", "listCoreV1NamespacedPod",
	"patchCoreV1NamespacedPod", "replaceCoreV1NamespacedPod", "deleteCoreV1NamespacedPod",
	"deleteCoreV1CollectionNamespacedPod", "readCoreV1NamespacedPodLog",
	"getServiceAccountIssuerOpenIDKeyset",
}

// TestPrismKubernetes generates a client from the Kubernetes spec in the
// corpus, starts Prism mocking that same spec on 127.0.0.1, and runs
// testdata/calls_test.go against it in a module of its own.
func TestPrismKubernetes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated package and runs Prism")
	}
	spec := filepath.Join(gocheck.CorpusDir(t), "openapi", "kubernetes-swagger.json")
	bin := realserver.InstallNPM(t, pkg, version, "prism")
	dir := realserver.CallsModule(t, realserver.Calls{Spec: spec, Ops: called, Package: "k8s", File: filepath.Join("testdata", "calls_test.go")})
	addr := realserver.Start(t, regexp.MustCompile(`Prism is listening on http://(\S+)`),
		bin, "mock", "--host", "127.0.0.1", "--port", "0", spec)
	realserver.RunCalls(t, dir, "PRISM_URL=http://"+addr)
}
