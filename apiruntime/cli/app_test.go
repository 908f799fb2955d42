package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime"
)

// testApp is an App with one command that sends a request through the
// generic transport, the way a generated command does.
func testApp(t *testing.T) *App {
	a := New(Config{Name: "t", EnvPrefix: "T_", Endpoint: "https://api.example/v1"})
	transport := HTTP(a, HTTPAuth{Bearer: true, APIKeyIn: "query", APIKeyName: "key"})
	cmd := &cobra.Command{Use: "get", Args: cobra.NoArgs}
	flags := []Flag{{Name: "id", Field: "id", Kind: "int", Required: true}, {Name: "tags", Field: "tags", Kind: "strings"}}
	AddFlags(cmd, flags)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		var p struct {
			ID   int      `json:"id"`
			Tags []string `json:"tags"`
		}
		if err := BindParams(cmd, flags, &p); err != nil {
			return err
		}
		req := &apiruntime.Request{Operation: "Get", Method: "GET", Path: "/things", Query: map[string][]string{"tag": p.Tags}, Header: http.Header{}, Auth: true}
		var out any
		if err := transport(cmd).Do(context.Background(), req, &out); err != nil {
			return Failed(err)
		}
		return Print(cmd, out)
	}
	a.Root.AddCommand(cmd)
	return a
}

func TestRunDryRunMasksAndExitCodes(t *testing.T) {
	run := func(args ...string) (string, string, int) {
		var o, e bytes.Buffer
		code := testApp(t).Run(args, &o, &e)
		return o.String(), e.String(), code
	}
	out, errOut, code := run("get", "--dry-run", "--id", "1", "--tags", "a b", "--token", "tok-secret", "--api-key", "key-secret")
	if code != 0 || !strings.HasPrefix(out, "GET https://api.example/v1/things?key=***&tag=a+b\n") {
		t.Errorf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Authorization: Bearer ***\n") || strings.Contains(out, "secret") {
		t.Errorf("dry run shows a secret:\n%s", out)
	}
	// A second App in the same process starts without the first's secrets.
	out, _, code = run("get", "--dry-run", "--id", "1")
	if code != 0 || strings.Contains(out, "Authorization") || strings.Contains(out, "key=") {
		t.Errorf("second run carries the first's auth: exit %d\n%s", code, out)
	}
	if _, errOut, code = run("get"); code != 2 || !strings.Contains(errOut, `"id"`) {
		t.Errorf("missing --id: exit %d, want 2\n%s", code, errOut)
	}
	if _, errOut, code = run("get", "--id", "1", "-o", "xml"); code != 2 {
		t.Errorf("-o xml: exit %d, want 2\n%s", code, errOut)
	}
	// An unreachable endpoint is the API's failure, exit 1.
	if _, errOut, code = run("--endpoint", "http://127.0.0.1:1/", "get", "--id", "1"); code != 1 {
		t.Errorf("unreachable: exit %d, want 1\n%s", code, errOut)
	}
}

func TestFailedClassifies(t *testing.T) {
	if Failed(fmt.Errorf("Get: %w", errDryRun)) != nil {
		t.Error("the end of a dry run is an error")
	}
	ve := &apiruntime.ValidationError{}
	if err := Failed(ve); errors.As(err, new(apiFailure)) {
		t.Error("a validation error is the API's")
	}
	if err := Failed(errors.New("503")); !errors.As(err, new(apiFailure)) {
		t.Error("an API error is the user's")
	}
}

func TestJSONFlagAndConfigLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	os.WriteFile(big, bytes.Repeat([]byte(" "), maxJSONFile+1), 0o644)
	if _, err := readLimited(big, maxJSONFile); err == nil || !strings.Contains(err.Error(), "over") {
		t.Errorf("a file over the limit: %v", err)
	}
	conf := filepath.Join(dir, "config.yaml")
	os.WriteFile(conf, []byte("# comment: x\nqy_access_key_id: 'AK'\nzone: \"pek3a\"\n"), 0o644)
	cmd := &cobra.Command{}
	cmd.Flags().String("config", conf, "")
	got := flatConfig(cmd, "none")
	if len(got) != 2 || got["qy_access_key_id"] != "AK" || got["zone"] != "pek3a" {
		t.Errorf("config %v", got)
	}
}
