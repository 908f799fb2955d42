package main

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime/zstack"
	"github.com/apigen-dev/apigen/internal/zstackfake"
)

// The committed ZStack CLI against the project's fake management node:
// login prints a session, create-zone waits for its job with it, and
// query-zone --all logs in with account and password by itself, pages
// through 250 zones and logs out; the password is never echoed.
func TestZStackCLI(t *testing.T) {
	fake := zstackfake.New(t)
	srv := httptest.NewServer(fake)
	defer srv.Close()
	cli := func(args ...string) (string, string, int) {
		var o, e bytes.Buffer
		code := run(append([]string{"--endpoint", srv.URL}, args...), &o, &e)
		return o.String(), e.String(), code
	}

	out, errOut, code := cli("login", "--account", "admin", "--password", "password")
	var login struct{ Session string }
	if err := json.Unmarshal([]byte(out), &login); code != 0 || err != nil || login.Session != zstackfake.Session {
		t.Fatalf("login: exit %d, %q\n%s", code, out, errOut)
	}

	// --wait polls at --poll-interval with a line on stderr per running poll.
	out, errOut, code = cli("zones", "create-zone", "--session", login.Session, "--name", "zone1", "--description", "d", "--wait", "--poll-interval", "5ms")
	var created struct{ Inventory struct{ UUID, Name string } }
	if err := json.Unmarshal([]byte(out), &created); code != 0 || err != nil || created.Inventory.UUID != "z1" || fake.Polls("create") != 3 {
		t.Fatalf("create-zone: exit %d, %d polls, %q\n%s", code, fake.Polls("create"), out, errOut)
	}
	if lines := strings.Split(errOut, "\n"); len(lines) != 3 || !strings.HasPrefix(lines[0], "waiting for job create: running (") || !strings.HasSuffix(lines[1], ", poll 2)") {
		t.Errorf("create-zone --wait's progress: %q", errOut)
	}

	before := len(fake.Requests())
	out, errOut, code = cli("zones", "query-zone", "--account", "admin", "--password", "password", "--all",
		"--q", "name~=zone%", "--q", "state=Enabled", "--sort", "-createDate", "-o", "table")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 251 || !strings.HasPrefix(lines[0], "UUID") || !strings.HasPrefix(lines[250], "z249") {
		t.Fatalf("query-zone --all: exit %d, %d lines\n%s", code, len(lines), errOut)
	}
	reqs := fake.Requests()[before:]
	if reqs[0] != "PUT /zstack/v1/accounts/login" || reqs[len(reqs)-1] != "DELETE /zstack/v1/accounts/sessions/"+zstackfake.Session || len(reqs) != 5 {
		t.Errorf("query-zone --all sent %v, want a login, 3 pages, a logout", reqs)
	}

	// An API error exits 1 with ZStack's code; --dry-run masks the
	// password's hash.
	if _, errOut, code = cli("zones", "change-zone-state", "--session", login.Session, "--uuid", "z1", "--state-event", "disable", "--wait", "--poll-interval", "5ms"); code != 1 || !strings.Contains(errOut, "SYS.1006") {
		t.Errorf("a failing job: exit %d\n%s", code, errOut)
	}
	hash := zstack.HashPassword("password")
	if out, errOut, code = cli("login", "--dry-run", "--account", "admin", "--password", "password"); code != 0 || !strings.Contains(out, "PUT "+srv.URL+"/zstack/v1/accounts/login\n") || strings.Contains(out+errOut, hash) {
		t.Errorf("login --dry-run: exit %d\n%s%s", code, out, errOut)
	}
}
