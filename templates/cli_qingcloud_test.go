package templates

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime/qingcloud"
	"github.com/apigen-dev/apigen/internal/gocheck"
)

// TestCLIQingCloud builds the QingCloud fixture's CLI and checks that a
// call is signed with the keys of QingCloud's config file: printed by
// --dry-run, and verified by a server.
func TestCLIQingCloud(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	opts := Options{Package: "qingcloud", Import: "example.com/gen/qingcloud"}
	files, _ := generate(t, qingcloudAPI(), opts)
	module := map[string][]byte{}
	for name, content := range files {
		module["qingcloud/"+name] = content
	}
	cli, _, err := GenerateCLI(qingcloudAPI(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cli {
		module["cli/"+f.Name] = f.Content
	}
	dir := gocheck.Module(t, module)
	bin := filepath.Join(dir, "qc")
	gocheck.Run(t, dir, "build", "-o", bin, "./cli")

	const secret = "SECRETKEY-123"
	conf := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(conf, []byte("qy_access_key_id: 'AKID'\nqy_secret_access_key: '"+secret+"'\nzone: 'pek3a'\n"), 0o644)
	run := func(args ...string) (string, string, int) {
		return gocheck.Exec(t, bin, []string{"HOME=" + t.TempDir()}, append([]string{"--config", conf}, args...)...)
	}
	// verify checks a signed query against the runtime's own signing.
	verify := func(path string, q url.Values) {
		t.Helper()
		sig := q.Get("signature")
		q.Del("signature")
		if want := qingcloud.Sign("GET", path, q, secret); sig == "" || sig != want {
			t.Errorf("signature %q, want %q for %v", sig, want, q)
		}
	}

	out, errOut, code := run("instance", "run-instances", "--dry-run", "--image-id", "img-1", "--login-mode", "keypair", "--vxnets", "vxnet-a", "--vxnets", "vxnet-b")
	first, _, _ := strings.Cut(out, "\n")
	method, raw, _ := strings.Cut(first, " ")
	u, err := url.Parse(raw)
	if code != 0 || method != "GET" || err != nil || u.Host != "api.qingcloud.com" || u.Path != "/iaas/" {
		t.Fatalf("run-instances --dry-run: exit %d, %q\n%s%s", code, first, out, errOut)
	}
	q := u.Query()
	for k, want := range map[string]string{"action": "RunInstances", "access_key_id": "AKID", "zone": "pek3a", "image_id": "img-1", "login_mode": "keypair", "vxnets.1": "vxnet-a", "vxnets.2": "vxnet-b"} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q in %s", k, q.Get(k), want, raw)
		}
	}
	verify("/iaas/", q)
	if strings.Contains(out+errOut, secret) {
		t.Errorf("the secret key is printed:\n%s%s", out, errOut)
	}

	// A real call: the server checks the signature and answers.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		verify(r.URL.Path, r.URL.Query())
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"action":"DescribeInstancesResponse","ret_code":0,"total_count":1,"instance_set":[{"instance_id":"i-1"}]}`))
	}))
	defer srv.Close()
	out, errOut, code = run("--endpoint", srv.URL+"/iaas/", "instance", "describe-instances", "--instances", "i-1")
	if code != 0 || !strings.Contains(out, `"instance_id": "i-1"`) {
		t.Errorf("describe-instances: exit %d\n%s%s", code, out, errOut)
	}
	// A required flag missing is a usage error; zone, filled from the
	// config, is not required.
	if _, errOut, code := run("instance", "run-instances", "--image-id", "img-1"); code != 2 || !strings.Contains(errOut, "login-mode") {
		t.Errorf("run-instances without --login-mode: exit %d\n%s", code, errOut)
	}
}
