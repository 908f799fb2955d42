package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The committed petstore CLI, run in-process against a fake server: flags
// reach the wire, the answer is JSON on stdout, exit codes are 0, 1 and 2.
// templates' TestCLIPetstore covers the same emitter more widely; this keeps
// the committed copy honest.
func TestPetstoreCLI(t *testing.T) {
	var got struct{ method, path, query, auth, body string }
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.method, got.path, got.query, got.auth, got.body = r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"), string(b)
		w.Header().Set("Content-Type", "application/json")
		switch r.Method + " " + r.URL.Path {
		case "GET /pets":
			io.WriteString(w, `{"items":[{"id":1,"name":"Rex","status":"sold"}],"total":1}`)
		case "POST /pets":
			w.WriteHeader(201)
			io.WriteString(w, `{"id":2,"name":"Tom"}`)
		default:
			w.WriteHeader(404)
			io.WriteString(w, `{"code":404,"message":"no such pet"}`)
		}
	}))
	defer srv.Close()
	cli := func(args ...string) (string, string, int) {
		var o, e bytes.Buffer
		code := run(append([]string{"--endpoint", srv.URL, "--token", "tok-123456"}, args...), &o, &e)
		return o.String(), e.String(), code
	}

	out, errOut, code := cli("pets", "list-pets", "--status", "sold", "--tags", "a", "--tags", "b")
	if code != 0 || got.method != "GET" || got.query != "status=sold&tags=a&tags=b" || got.auth != "Bearer tok-123456" {
		t.Errorf("list-pets: exit %d, sent %+v\n%s", code, got, errOut)
	}
	var page struct{ Items []map[string]any }
	if err := json.Unmarshal([]byte(out), &page); err != nil || len(page.Items) != 1 || page.Items[0]["name"] != "Rex" {
		t.Errorf("list-pets printed %q (%v)", out, err)
	}

	out, errOut, code = cli("pets", "create-pet", "--body", `{"name":"Tom"}`)
	var pet map[string]any
	json.Unmarshal([]byte(out), &pet)
	if code != 0 || got.method != "POST" || got.body != `{"name":"Tom"}` || !reflect.DeepEqual(pet, map[string]any{"id": 2.0, "name": "Tom"}) {
		t.Errorf("create-pet: exit %d, sent %+v, printed %q\n%s", code, got, out, errOut)
	}

	// -o table lists the page's items by their identifying fields; -o yaml
	// keeps the answer's fields; an unknown format is refused before sending.
	if out, errOut, code = cli("pets", "list-pets", "-o", "table"); code != 0 || out != "ID  NAME  STATUS\n1   Rex   sold\n" {
		t.Errorf("list-pets -o table: exit %d\n%q\n%s", code, out, errOut)
	}
	if out, errOut, code = cli("pets", "list-pets", "--output", "yaml"); code != 0 || !strings.HasPrefix(out, "items:\n  - name: Rex\n    status: sold\n    id: 1\n") {
		t.Errorf("list-pets -o yaml: exit %d\n%s%s", code, out, errOut)
	}
	got.method = ""
	if out, errOut, code = cli("pets", "list-pets", "-o", "xml"); code != 2 || out != "" || got.method != "" || !strings.Contains(errOut, "json, yaml, table") {
		t.Errorf("list-pets -o xml: exit %d, sent %q\n%s%s", code, got.method, out, errOut)
	}

	if _, errOut, code = cli("pets", "get-pet", "--pet-id", "9"); code != 1 || !strings.Contains(errOut, "no such pet") {
		t.Errorf("get-pet of a missing pet: exit %d, want 1\n%s", code, errOut)
	}
	if _, errOut, code = cli("pets", "get-pet"); code != 2 || !strings.Contains(errOut, "pet-id") {
		t.Errorf("get-pet without --pet-id: exit %d, want 2\n%s", code, errOut)
	}

	// run keeps no state between calls: a second run without --token
	// sends none, in the same process.
	var o, e bytes.Buffer
	if code := run([]string{"--endpoint", srv.URL, "pets", "list-pets"}, &o, &e); code != 0 || got.auth != "" {
		t.Errorf("a second run without --token: exit %d, Authorization %q\n%s", code, got.auth, e.String())
	}

	// The hidden man command writes a page per command; --help does not
	// list it.
	dir := t.TempDir()
	if code := run([]string{"man", dir}, &o, &e); code != 0 {
		t.Fatalf("man: exit %d\n%s", code, e.String())
	}
	man, err := os.ReadFile(filepath.Join(dir, "petstore-pets-list-pets.1"))
	if err != nil || !strings.Contains(string(man), ".TH \"petstore\" \"1\"") || !strings.Contains(string(man), `\fB--status\fP`) {
		t.Errorf("man page of list-pets (%v):\n%s", err, man)
	}
	o.Reset()
	if run([]string{"--help"}, &o, &e); strings.Contains(o.String(), "man ") {
		t.Errorf("--help lists the man command:\n%s", o.String())
	}
}
