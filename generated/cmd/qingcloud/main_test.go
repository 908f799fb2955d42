package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime/qingcloud"
)

// The committed QingCloud CLI, run in-process: --dry-run prints a URL
// signed with the runtime's Sign, the secret nowhere; a real call is
// signed the same way and its answer printed as JSON.
func TestQingCloudCLI(t *testing.T) {
	const secret = "SECRET-KEY-42"
	// A --config file that does not exist stands in for the user's own.
	auth := []string{"--config", filepath.Join(t.TempDir(), "none.yaml"), "--access-key-id", "AKID", "--secret-access-key", secret, "--zone", "pek3a"}
	cli := func(args ...string) (string, string, int) {
		var o, e bytes.Buffer
		code := run(append(auth, args...), &o, &e)
		return o.String(), e.String(), code
	}
	verify := func(path string, q url.Values) {
		t.Helper()
		sig := q.Get("signature")
		q.Del("signature")
		if want := qingcloud.Sign("GET", path, q, secret); sig == "" || sig != want {
			t.Errorf("signature %q, want %q for %v", sig, want, q)
		}
	}

	out, errOut, code := cli("volume", "create-volumes", "--dry-run", "--size", "20", "--volume-name", "data disk", "--tags", "tag-a", "--tags", "tag-b")
	first, _, _ := strings.Cut(out, "\n")
	method, raw, _ := strings.Cut(first, " ")
	u, err := url.Parse(raw)
	if code != 0 || method != "GET" || err != nil {
		t.Fatalf("create-volumes --dry-run: exit %d\n%s%s", code, out, errOut)
	}
	q := u.Query()
	for k, want := range map[string]string{"action": "CreateVolumes", "access_key_id": "AKID", "zone": "pek3a", "size": "20", "volume_name": "data disk", "tags.1": "tag-a", "tags.2": "tag-b"} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q in %s", k, q.Get(k), want, raw)
		}
	}
	verify(u.Path, q)
	if strings.Contains(out+errOut, secret) {
		t.Errorf("the secret is printed:\n%s%s", out, errOut)
	}

	// --time-stamp signs as of a given time (to reproduce a signature);
	// anything but the documented form is a usage error.
	out, errOut, code = cli("volume", "describe-volumes", "--dry-run", "--time-stamp", "2013-08-27T14:30:10Z")
	if code != 0 || !strings.Contains(out, "&time_stamp=2013-08-27T14%3A30%3A10Z&") {
		t.Errorf("--time-stamp: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code = cli("volume", "describe-volumes", "--dry-run", "--time-stamp", "2013-08-27 14:30"); code != 2 || out != "" || !strings.Contains(errOut, "--time-stamp") {
		t.Errorf("a malformed --time-stamp: exit %d, want 2\n%s%s", code, out, errOut)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		verify(r.URL.Path, r.URL.Query())
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"action":"DescribeVolumesResponse","ret_code":0,"total_count":1,"volume_set":[{"volume_id":"vol-1","status":"available"}]}`))
	}))
	defer srv.Close()
	out, errOut, code = cli("--endpoint", srv.URL+"/iaas/", "volume", "describe-volumes", "--status", "available")
	if code != 0 || !strings.Contains(out, `"volume_id": "vol-1"`) {
		t.Errorf("describe-volumes: exit %d\n%s%s", code, out, errOut)
	}
}
