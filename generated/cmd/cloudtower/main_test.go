package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// The committed CloudTower CLI against a fake tower: it logs in with
// username and password before get-vms, pages with first/skip for --all
// (a short page ends it),
// prints a table, never echoes the password or token, and without an
// endpoint refuses with a usage error before sending anything.
func TestCloudTowerCLI(t *testing.T) {
	const password, token = "pa55word", "tok-123456"
	var mu sync.Mutex
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		sent = append(sent, r.URL.Path+" "+string(b))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/v2/api/login":
			io.WriteString(w, `{"task_id":null,"data":{"token":"`+token+`"}}`)
		case "/v2/api/get-vms":
			if r.Header.Get("Authorization") != token {
				w.WriteHeader(401)
				io.WriteString(w, `{"message":"no token"}`)
				return
			}
			var page struct{ First, Skip int }
			json.Unmarshal(b, &page)
			var vms []string
			for i := page.Skip; i < 5 && i < page.Skip+page.First; i++ {
				vms = append(vms, fmt.Sprintf(`{"id":"vm%d","name":"web-%d","status":"RUNNING"}`, i, i))
			}
			io.WriteString(w, "["+strings.Join(vms, ",")+"]")
		default:
			w.WriteHeader(404)
		}
	}))
	defer srv.Close()
	cli := func(args ...string) (string, string, int) {
		var o, e bytes.Buffer
		code := run(args, &o, &e)
		if strings.Contains(o.String()+e.String(), password) || strings.Contains(o.String()+e.String(), token) {
			t.Errorf("%v printed a secret:\n%s%s", args, o.String(), e.String())
		}
		return o.String(), e.String(), code
	}
	endpoint := []string{"--endpoint", srv.URL + "/v2/api"}

	out, errOut, code := cli(append(endpoint, "vm", "get-vms", "--username", "admin", "--password", password, "--body", "{}", "--all", "-o", "table")...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 6 || !strings.HasPrefix(lines[0], "ID") || !strings.HasPrefix(lines[5], "vm4") {
		t.Fatalf("get-vms --all -o table: exit %d\n%s%s", code, out, errOut)
	}
	if len(sent) != 2 || !strings.HasPrefix(sent[0], "/v2/api/login ") || !strings.Contains(sent[1], `"first":100,"skip":0`) {
		t.Errorf("sent %q, want a login and one short page of 100", sent)
	}

	out, _, code = cli(append(endpoint, "vm", "get-vms", "--token", token, "--body", "{}", "--dry-run")...)
	if code != 0 || !strings.Contains(out, "POST "+srv.URL+"/v2/api/get-vms") || !strings.Contains(out, "Authorization: ***") {
		t.Errorf("--dry-run: exit %d\n%s", code, out)
	}

	n := len(sent)
	_, errOut, code = cli("vm", "get-vms", "--token", token, "--body", "{}")
	if code != 2 || !strings.Contains(errOut, "CLOUDTOWER_ENDPOINT") || len(sent) != n {
		t.Errorf("no endpoint: exit %d, %d sent\n%s", code, len(sent)-n, errOut)
	}
}
