package templates_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// seen is one request the fake petstore answered.
type seen struct {
	method, path, auth, body string
	query                    map[string][]string
}

// TestCLIPetstore generates the petstore package and its CLI into a
// module, builds the CLI and runs it against a fake server, checking what
// goes on the wire, what comes out on stdout and the exit codes.
func TestCLIPetstore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	api, _, err := parser.Load([]string{filepath.Join(root, "specs/openapi/petstore.yaml")}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := templates.Options{Package: "petstore", Import: "example.com/gen/petstore"}
	pkg, _, err := templates.Generate(api, opts)
	if err != nil {
		t.Fatal(err)
	}
	cli, _, err := templates.GenerateCLI(api, opts)
	if err != nil {
		t.Fatal(err)
	}
	module := map[string][]byte{}
	for _, f := range pkg {
		module["petstore/"+f.Name] = f.Content
	}
	for _, f := range cli {
		module["cli/"+f.Name] = f.Content
	}
	dir := gocheck.Compile(t, module)
	bin := filepath.Join(dir, "petstore-cli")
	gocheck.Run(t, dir, "build", "-o", bin, "./cli")

	var mu sync.Mutex
	var reqs []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		reqs = append(reqs, seen{r.Method, r.URL.Path, r.Header.Get("Authorization"), string(b), r.URL.Query()})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.Method + " " + r.URL.Path {
		case "GET /pets":
			if off := r.URL.Query().Get("offset"); off != "" {
				// Pages of at most two of three pets, whatever the limit.
				pets := []string{`{"id":1,"name":"A"}`, `{"id":2,"name":"B"}`, `{"id":3,"name":"C"}`}
				from, _ := strconv.Atoi(off)
				from = min(from, len(pets))
				to := min(from+2, len(pets))
				fmt.Fprintf(w, `{"items":[%s],"total":%d}`, strings.Join(pets[from:to], ","), len(pets))
				return
			}
			io.WriteString(w, `{"items":[{"id":1,"name":"Rex","status":"sold"}],"total":1}`)
		case "POST /pets":
			w.WriteHeader(201)
			io.WriteString(w, `{"id":2,"name":"Tom","status":"available"}`)
		case "DELETE /pets/7":
			w.WriteHeader(204)
		default:
			w.WriteHeader(404)
			io.WriteString(w, `{"code":404,"message":"no such pet"}`)
		}
	}))
	defer srv.Close()
	last := func() seen {
		mu.Lock()
		defer mu.Unlock()
		if len(reqs) == 0 {
			t.Fatal("no request reached the server")
		}
		return reqs[len(reqs)-1]
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(reqs) }
	const token = "s3cret-tok"
	run := func(env []string, args ...string) (stdout, stderr string, code int) {
		return gocheck.Exec(t, bin, env, args...)
	}
	sameJSON := func(got, want string) {
		t.Helper()
		var g, w any
		if err := json.Unmarshal([]byte(got), &g); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, got)
		}
		json.Unmarshal([]byte(want), &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("stdout = %s, want %s", got, want)
		}
	}

	// Typed scalars, an enum, a repeated list flag, the token by flag.
	out, errOut, code := run(nil, "pets", "list-pets", "--endpoint", srv.URL, "--token", token,
		"--limit", "5", "--status", "sold", "--tags", "a", "--tags", "b")
	if code != 0 {
		t.Fatalf("list-pets: exit %d\n%s", code, errOut)
	}
	r := last()
	if r.method != "GET" || r.path != "/pets" || r.auth != "Bearer "+token ||
		!reflect.DeepEqual(r.query, map[string][]string{"limit": {"5"}, "status": {"sold"}, "tags": {"a", "b"}}) {
		t.Errorf("list-pets sent %+v", r)
	}
	sameJSON(out, `{"items":[{"id":1,"name":"Rex","status":"sold"}],"total":1}`)
	if !strings.Contains(out, "\n  ") {
		t.Errorf("stdout is not indented:\n%s", out)
	}

	// The body from @file, endpoint and token from the environment.
	bodyFile := filepath.Join(t.TempDir(), "pet.json")
	os.WriteFile(bodyFile, []byte(`{"name":"Tom","status":"available"}`), 0o644)
	env := []string{"PETSTORE_ENDPOINT=" + srv.URL, "PETSTORE_TOKEN=" + token}
	out, errOut, code = run(env, "pets", "create-pet", "--body", "@"+bodyFile)
	if code != 0 {
		t.Fatalf("create-pet: exit %d\n%s", code, errOut)
	}
	r = last()
	if r.method != "POST" || r.path != "/pets" || r.auth != "Bearer "+token {
		t.Errorf("create-pet sent %+v", r)
	}
	sameJSON(r.body, `{"name":"Tom","status":"available"}`)
	sameJSON(out, `{"id":2,"name":"Tom","status":"available"}`)

	// A call without an answer prints nothing; a bool flag goes in the query.
	out, errOut, code = run(env, "pets", "delete-pet", "--pet-id", "7", "--force")
	if r = last(); code != 0 || out != "" || r.method != "DELETE" || r.path != "/pets/7" || !reflect.DeepEqual(r.query["force"], []string{"true"}) {
		t.Errorf("delete-pet: exit %d, stdout %q, sent %+v\n%s", code, out, r, errOut)
	}

	// An API error: exit 1, the error on stderr, the token nowhere.
	out, errOut, code = run(env, "pets", "get-pet", "--pet-id", "404")
	if code != 1 || out != "" || !strings.Contains(errOut, "404") || !strings.Contains(errOut, "no such pet") {
		t.Errorf("get-pet 404: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if strings.Contains(errOut, token) {
		t.Errorf("the token is echoed in an error: %s", errOut)
	}

	// Usage errors exit 2 and send nothing.
	before := count()
	for _, args := range [][]string{
		{"pets", "get-pet"},                     // a required flag missing
		{"pets", "get-pet", "--pet-id", "x"},    // not an integer
		{"pets", "create-pet", "--body", "{"},   // not JSON
		{"pets", "create-pet", "--body", `{}`},  // the body misses name
		{"pets", "list-pets", "--no-such-flag"}, // unknown flag
	} {
		if _, errOut, code := run(env, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
	if count() != before {
		t.Errorf("usage errors sent %d requests", count()-before)
	}

	// --all follows the pages: two requests, one list.
	before = count()
	out, errOut, code = run(env, "pets", "list-pets", "--all", "--status", "sold")
	if code != 0 || count()-before != 2 {
		t.Errorf("list-pets --all: exit %d, %d requests\n%s", code, count()-before, errOut)
	}
	sameJSON(out, `[{"id":1,"name":"A"},{"id":2,"name":"B"},{"id":3,"name":"C"}]`)
	if r := last(); !reflect.DeepEqual(r.query["offset"], []string{"2"}) || !reflect.DeepEqual(r.query["status"], []string{"sold"}) {
		t.Errorf("list-pets --all's last page: %+v", r)
	}

	// --dry-run prints the request, the token masked, and sends nothing.
	before = count()
	out, errOut, code = run(env, "pets", "create-pet", "--dry-run", "--body", `{"name":"Tom"}`)
	if code != 0 || count() != before {
		t.Errorf("create-pet --dry-run: exit %d, %d requests sent\n%s", code, count()-before, errOut)
	}
	for _, want := range []string{"POST " + srv.URL + "/pets\n", "Authorization: Bearer ***\n", "\n\n{\"name\":\"Tom\"}\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("--dry-run output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, token) {
		t.Errorf("--dry-run shows the token:\n%s", out)
	}

	// --help: the summary, the method and path, typed flags; no secret.
	out, _, code = run(env, "pets", "list-pets", "--help")
	for _, want := range []string{"List pets, a page at a time.", "GET /pets", "--limit int", "--status string", "--tags stringArray", "--token string", "PETSTORE_TOKEN"} {
		if !strings.Contains(out, want) {
			t.Errorf("list-pets --help lacks %q:\n%s", want, out)
		}
	}
	if code != 0 || strings.Contains(out, token) {
		t.Errorf("list-pets --help: exit %d, or shows the token:\n%s", code, out)
	}

	// Shell completion offers the enum's values.
	out, _, _ = run(env, "__complete", "pets", "list-pets", "--status", "")
	if !strings.HasPrefix(out, "available\npending\nsold\n") {
		t.Errorf("completion of --status:\n%s", out)
	}
	t.Logf("list-pets --help:\n%s", func() string { o, _, _ := run(nil, "pets", "list-pets", "--help"); return o }())
}
