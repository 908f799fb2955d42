package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/internal/peakrss"
)

// Hostile inputs too large or too generated to commit under testdata/hostile.
// Each runs the whole CLI in-process and asserts it finishes in bounded time
// with exit 0 or a clean exit 2 naming the file, never a panic.

// TestMain lets a test run the CLI as a child process (see runBounded):
// the child is this test binary with APIGEN_TEST_CLI set.
func TestMain(m *testing.M) {
	if os.Getenv("APIGEN_TEST_CLI") == "1" {
		code := Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		if f := os.Getenv("APIGEN_TEST_RSS"); f != "" {
			writePeakRSS(f)
		}
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// runBounded runs the CLI in a child process, so that a hang can be killed
// and memory measured apart from the other tests, and fails t if it runs
// longer than limit or panics. It returns the exit code, stderr and the
// child's peak resident set size in bytes.
func runBounded(t *testing.T, limit time.Duration, args ...string) (code int, stderr string, maxRSS int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	rssFile := filepath.Join(t.TempDir(), "rss")
	cmd.Env = append(os.Environ(), "APIGEN_TEST_CLI=1", "APIGEN_TEST_RSS="+rssFile)
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("apigen %s still running after %s", strings.Join(args, " "), limit)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	stderr = errBuf.String()
	if strings.Contains(stderr, "panic: ") || strings.Contains(stderr, "\ngoroutine ") {
		t.Fatalf("apigen %s panicked:\n%.2000s", strings.Join(args, " "), stderr)
	}
	maxRSS = -1
	if b, err := os.ReadFile(rssFile); err == nil {
		fmt.Sscan(string(b), &maxRSS)
	}
	return cmd.ProcessState.ExitCode(), stderr, maxRSS
}

// writePeakRSS records this process's peak RSS in bytes in file.
func writePeakRSS(file string) {
	if n, ok := peakrss.Bytes(); ok {
		os.WriteFile(file, []byte(fmt.Sprint(n)), 0o644)
	} // else not Linux: the caller skips the memory bound
}

// nestedSchema is an OpenAPI JSON spec whose one schema nests depth inline
// objects, each the only property of the one above.
func nestedSchema(depth int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"openapi":"3.0.3","info":{"title":"deep","version":"1"},"paths":{"/d":{"get":{"operationId":"getDeep","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Deep"}}}}}}}},"components":{"schemas":{"Deep":`)
	for range depth {
		b.WriteString(`{"type":"object","properties":{"child":`)
	}
	b.WriteString(`{"type":"string"}`)
	for range depth {
		b.WriteString(`}}`)
	}
	b.WriteString(`}}}`)
	return b.Bytes()
}

func TestHostileDeepNesting(t *testing.T) {
	dir := t.TempDir()
	deepYAML := "openapi: 3.0.3\ninfo: {title: deep, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: " +
		strings.Repeat("{type: object, properties: {child: ", 400) + "{type: string}" + strings.Repeat("}}", 400) + "\n"
	zstackRow := "| uuid | String | url | 资源UUID |  | 0.6 |\n"
	cases := []struct {
		name string
		src  []byte
		// compile the output too (exit 0 expected)
		compile bool
	}{
		{"deep-inline.json", nestedSchema(400), true},
		{"deep-inline-2000.json", nestedSchema(2000), false}, // past the nesting bound
		{"deep-inline.yaml", []byte(deepYAML), false},
		{"deep-array.json", []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x-deep":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`), false},
		{"deep-map.yaml", []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-deep: " + strings.Repeat("{a: ", 50000) + "1" + strings.Repeat("}", 50000) + "\n"), false},
		{"deep-quote.md", []byte("#### 删除(DeleteThing)\n```\nDELETE zstack/v1/things/{uuid}\n```\n" + strings.Repeat(">", 50000) + " | 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- | --- | --- | --- | --- | --- |\n" + zstackRow), false},
		{"deep-list.md", []byte("#### 删除(DeleteThing)\n```\nDELETE zstack/v1/things/{uuid}\n```\n" + deepList(5000) + "\n| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- | --- | --- | --- | --- | --- |\n" + zstackRow), false},
		{"deep.html", []byte("<html><body>\n<h4>删除(DeleteThing)</h4>\n<pre>DELETE zstack/v1/things/{uuid}</pre>\n" + strings.Repeat("<div>", 20000) + "<table><tr><th>名字<th>类型<th>位置<th>描述<th>可选值<th>起始版本<tr><td>uuid<td>String<td>url<td>x<td><td>0.6</table>" + strings.Repeat("</div>", 20000) + "</body></html>"), false},
		{"deep.adoc", []byte("= RunThings\n\n*Request Parameters*\n\n" + strings.Repeat("[quote]\n____\n", 3000) + "|===\n| Parameter name | Type | Description | Required\n| zone | String | z | Yes\n|===\n" + strings.Repeat("____\n", 3000)), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := filepath.Join(dir, c.name)
			if err := os.WriteFile(in, c.src, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out-"+c.name)
			start := time.Now()
			code, stderr, _ := runBounded(t, 2*time.Minute, "generate", "-o", out, "-p", "deep", in)
			t.Logf("%d bytes: exit %d in %s; %.200s", len(c.src), code, time.Since(start).Round(time.Millisecond), stderr)
			switch code {
			case exitOK:
			case exitError:
				if !strings.Contains(stderr, in) {
					t.Errorf("error does not name the file:\n%s", stderr)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("failed run left %s", out)
				}
				if c.compile {
					t.Fatalf("want exit 0:\n%s", stderr)
				}
				return
			default:
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			files := map[string][]byte{}
			written := 0
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				b, _ := os.ReadFile(filepath.Join(out, e.Name()))
				files["deep/"+e.Name()] = b
				written += len(b)
			}
			t.Logf("wrote %d files, %d bytes", len(files), written)
			if c.compile {
				gocheck.Compile(t, files)
			}
		})
	}
}

// deepList is a Markdown list nested depth levels.
func deepList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- item\n")
	}
	return b.String()
}

// Files of about 50 MB — a Markdown page with a giant table and a giant
// single line, JSON that is not a spec, a spec padded with a huge
// description — finish in bounded time and memory with warnings or a clean
// error; a file over parser.MaxFileSize is refused before it is parsed.
func TestHostileHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads 50 MB files")
	}
	dir := t.TempDir()
	const size = 50 << 20
	write := func(name string, fill func(w *bufio.Writer)) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		fill(w)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return path
	}
	bigMD := write("big.md", func(w *bufio.Writer) {
		w.WriteString("#### 巨大(HugeThing)\n\n##### API请求\n\n URLs\n\n```\nPOST zstack/v1/huge\n```\n\n| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- | --- | --- | --- | --- | --- |\n")
		n := 0
		for i := 0; n < size/2; i++ {
			k, _ := fmt.Fprintf(w, "| p%d (可选) | String | body | 参数 %d |  | 0.6 |\n", i, i)
			n += k
		}
		w.WriteString("\n")
		for n := 0; n < size/2; n += 64 {
			w.WriteString("The giant line goes on and on without a break, for megabytes... ")
		}
		w.WriteString("\n")
	})
	notSpec := write("big.json", func(w *bufio.Writer) {
		w.WriteString(`{"data":[`)
		for n := 0; n < size; n += 60 {
			if n > 0 {
				w.WriteString(",")
			}
			w.WriteString(`{"id":12345678,"name":"not an API","tags":["a","b","c"]}`)
		}
		w.WriteString("]}\n")
	})
	padded := write("padded.yaml", func(w *bufio.Writer) {
		w.WriteString("openapi: 3.0.3\ninfo:\n  title: padded\n  version: '1'\n  description: >\n")
		for n := 0; n < size; n += 72 {
			w.WriteString("    a description nobody will read, repeated until the file is huge .....\n")
		}
		w.WriteString("paths:\n  /a:\n    get:\n      operationId: getA\n      responses: {'204': {description: ok}}\n")
	})
	tooBig := write("toobig.yaml", func(w *bufio.Writer) {
		w.WriteString("openapi: 3.0.3\n#")
		w.Write(bytes.Repeat([]byte("x"), 65<<20))
	})
	for _, c := range []struct {
		in, wantErr string
		maxRSS      uint64
	}{
		// Peak RSS of the child process (VmHWM), measured on the shared
		// 2-core machine: big.md 404-517 MiB in 1.6-2.3 s (its 426k-row
		// table is cut to doctable.MaxTableRows), big.json 124-192 MiB,
		// padded.yaml 690-763 MiB in 7-10 s (kin-openapi's YAML decoding),
		// toobig.yaml 12 MiB (refused from its size, never read). The
		// bounds leave room, not room for a blow-up.
		{bigMD, "", 1 << 30},
		{notSpec, "not an API document", 384 << 20},
		{padded, "", 1536 << 20},
		{tooBig, "larger than 64 MiB", 48 << 20},
	} {
		t.Run(filepath.Base(c.in), func(t *testing.T) {
			start := time.Now()
			code, stderr, peak := runBounded(t, 2*time.Minute, "generate", "-o", filepath.Join(dir, "out"), "-p", "huge", c.in)
			t.Logf("exit %d in %s, peak RSS %d MiB; stderr %.300s",
				code, time.Since(start).Round(time.Millisecond), peak>>20, stderr)
			if c.wantErr != "" {
				if code != exitError || !strings.Contains(stderr, c.in+": ") || !strings.Contains(stderr, c.wantErr) {
					t.Errorf("want exit 2 naming the file with %q", c.wantErr)
				}
			} else if code != exitOK {
				t.Errorf("want exit 0")
			}
			if peak < 0 {
				t.Log("peak RSS not measurable on this system; memory bound not checked")
			} else if uint64(peak) > c.maxRSS {
				t.Errorf("peak RSS %d MiB, over the %d MiB bound", peak>>20, c.maxRSS>>20)
			}
		})
	}
}

// A named pipe and a link to /dev/zero among the documents of a walked
// directory are skipped, not opened: reading the one would block generate
// forever, the other exhaust its memory.
func TestWalkSkipsSpecialFiles(t *testing.T) {
	if _, err := exec.LookPath("mkfifo"); err != nil {
		t.Skip("no mkfifo")
	}
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec, _ := os.ReadFile(filepath.Join(root, "specs", "openapi", "petstore.yaml"))
	os.WriteFile(filepath.Join(dir, "petstore.yaml"), spec, 0o644)
	if out, err := exec.Command("mkfifo", filepath.Join(dir, "pipe.md")).CombinedOutput(); err != nil {
		t.Skipf("mkfifo: %v %s", err, out)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")); err != nil {
		t.Skip("symlink:", err)
	}
	code, stderr, _ := runBounded(t, time.Minute, "generate", "-o", filepath.Join(t.TempDir(), "out"), "-p", "petstore", dir)
	if code != exitOK {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	// Named, they are refused without being read: exit 2 naming the file.
	for name, want := range map[string]string{"pipe.md": "named pipe", "zero.json": "a device"} {
		in := filepath.Join(dir, name)
		code, stderr, _ := runBounded(t, time.Minute, "generate", "-o", filepath.Join(t.TempDir(), "out"), "-p", "petstore", in)
		if code != exitError || !strings.Contains(stderr, in+": ") || !strings.Contains(stderr, want) {
			t.Errorf("%s named: exit %d:\n%s", name, code, stderr)
		}
	}
}

// secretsTest runs inside a module beside the generated petstore client.
const secretsTest = `package petstore_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"example.com/gen/petstore"
	"github.com/apigen-dev/apigen/apiruntime"
)

const (
	token    = "tok-SECRET-4f1c"
	key      = "hkey-SECRET-9a2e"
	queryKey = "qkey-SECRET-77d0"
	user     = "alice"
	pass     = "pass-SECRET-31b5"
	urlPass  = "urlpass-SECRET-c3"
)

var secrets = []string{token, key, queryKey, pass, urlPass, base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))}

func leaks(err error) string {
	if err == nil {
		return ""
	}
	text := err.Error() + fmt.Sprintf(" %v %+v %#v", err, err, err)
	var ae *apiruntime.APIError
	if errors.As(err, &ae) {
		text += string(ae.Body) + ae.URL
	}
	for _, s := range secrets {
		if strings.Contains(text, s) {
			return s
		}
	}
	return ""
}

// A server that answers 401 echoing back every credential it received —
// headers, URL, cookies — and a server nobody listens on: neither error
// carries a credential.
func TestCredentialsNeverInErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, "bad credentials: %s %s %s\n", r.URL.String(), r.Header.Get("Authorization"), r.Header.Get("X-API-Key"))
		json.NewEncoder(w).Encode(map[string]any{"headers": r.Header, "url": r.URL.String()})
	}))
	defer srv.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	u, _ := url.Parse(deadURL)
	u.User = url.UserPassword(user, urlPass)
	for _, base := range []string{srv.URL, deadURL, u.String()} {
		for name, opts := range map[string][]apiruntime.Option{
			"bearer and keys": {apiruntime.WithBearerToken(token), apiruntime.WithAPIKey("header", "X-API-Key", key), apiruntime.WithAPIKey("query", "api_key", queryKey)},
			"basic":           {apiruntime.WithBasicAuth(user, pass), apiruntime.WithAPIKey("cookie", "session", key)},
		} {
			c := petstore.New(apiruntime.NewHTTP(base+"/v1", opts...))
			_, err := c.GetPet(context.Background(), &petstore.GetPetParams{PetID: 1})
			if err == nil {
				t.Fatalf("%s %s: no error", base, name)
			}
			if s := leaks(err); s != "" {
				t.Errorf("%s %s: error carries %q: %v", base, name, s, err)
			}
		}
	}
}

// A server with a certificate nobody signed is refused unless the caller
// opts out explicitly.
func TestTLSVerifiedByDefault(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, ` + "`" + `{"id":1,"name":"Rex"}` + "`" + `)
	}))
	defer srv.Close()
	_, err := petstore.New(apiruntime.NewHTTP(srv.URL)).GetPet(context.Background(), &petstore.GetPetParams{PetID: 1})
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("self-signed server accepted by default: %v", err)
	}
	pet, err := petstore.New(apiruntime.NewHTTP(srv.URL, apiruntime.WithInsecureSkipVerify())).GetPet(context.Background(), &petstore.GetPetParams{PetID: 1})
	if err != nil || pet.Name != "Rex" {
		t.Fatalf("explicit opt-out: %v %+v", err, pet)
	}
}

// A server that never answers: a deadline or a cancellation ends the call
// promptly, with an error errors.Is recognises.
func TestContextEndsCalls(t *testing.T) {
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(hang)
	c := petstore.New(apiruntime.NewHTTP(srv.URL))

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetPet(ctx, &petstore.GetPetParams{PetID: 1})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("deadline: %v after %s", err, time.Since(start))
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start = time.Now()
	_, err = c.ListPets(ctx, &petstore.ListPetsParams{})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("cancel: %v after %s", err, time.Since(start))
	}

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if _, err := c.GetPet(ctx, &petstore.GetPetParams{PetID: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("already cancelled: %v", err)
	}
}
`

// The generated petstore client, in a module of its own, keeps credentials
// out of errors, verifies TLS by default and honours context cancellation
// (secretsTest).
func TestGeneratedClientSafety(t *testing.T) {
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "petstore")
	code, stderr, _ := runBounded(t, time.Minute, "generate", "-o", out, "-p", "petstore", filepath.Join(root, "specs", "openapi", "petstore.yaml"))
	if code != exitOK {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	files := map[string][]byte{"petstore/safety_test.go": []byte(secretsTest)}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files["petstore/"+e.Name()] = b
	}
	gocheck.Test(t, files)
}

// The package name derived from the output directory is always a usable
// Go package name, whatever the directory is called.
func TestPackageNameFromOutputDir(t *testing.T) {
	for dir, want := range map[string]string{
		"internal/petstore": "petstore", "type": "apitype", "2024": "api2024", "../../x-y_z": "xyz",
		"中文": "api", "/": "api", "Go.API": "goapi", "func/": "apifunc", "cmd/main": "apimain",
	} {
		if got := packageName(config.Package{Output: dir}); got != want {
			t.Errorf("packageName(%q) = %q, want %q", dir, got, want)
		}
	}
}
