package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime"
)

// A CloudTower CLI logs in with --username and --password before a
// command (or takes --token), its login command prints the token, and
// the password is never echoed.
func TestCloudTowerLogin(t *testing.T) {
	const password, token = "pa55word", "tok-123456"
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, r.URL.Path+" "+r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/v2/api/login":
			var in struct{ Username, Password, Source string }
			json.Unmarshal(b, &in)
			if in.Username != "admin" || in.Password != password || in.Source != "LDAP" {
				w.WriteHeader(400)
				io.WriteString(w, `{"message":"bad login"}`)
				return
			}
			io.WriteString(w, `{"task_id":null,"data":{"token":"`+token+`"}}`)
		case "/v2/api/get-vms":
			if r.Header.Get("Authorization") != token {
				w.WriteHeader(401)
				io.WriteString(w, `{"message":"no token"}`)
				return
			}
			io.WriteString(w, `[{"id":"vm1"}]`)
		}
	}))
	defer srv.Close()
	run := func(args ...string) (string, string, int) {
		a := New(Config{Name: "tower", EnvPrefix: "TOWER_"})
		transport := CloudTower(a)
		cmd := &cobra.Command{Use: "get-vms", RunE: func(cmd *cobra.Command, _ []string) error {
			var out any
			if err := transport(cmd).Do(cmd.Context(), &apiruntime.Request{Operation: "GetVms", Method: "POST", Path: "/get-vms", Body: map[string]any{}, Auth: true}, &out); err != nil {
				return Failed(err)
			}
			return Print(cmd, out)
		}}
		a.Root.AddCommand(cmd)
		var o, e bytes.Buffer
		code := a.Run(append([]string{"--endpoint", srv.URL + "/v2/api"}, args...), &o, &e)
		return o.String(), e.String(), code
	}
	auth := []string{"--username", "admin", "--password", password, "--user-source", "LDAP"}
	if out, errOut, code := run(append([]string{"login"}, auth...)...); code != 0 || !strings.Contains(out, `"session": "`+token+`"`) {
		t.Errorf("login: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := run(append([]string{"get-vms"}, auth...)...); code != 0 || !strings.Contains(out, `"vm1"`) || seen[len(seen)-2] != "/v2/api/login " {
		t.Errorf("get-vms with a login: exit %d, sent %v\n%s%s", code, seen, out, errOut)
	}
	if out, errOut, code := run("get-vms", "--token", token); code != 0 || !strings.Contains(out, `"vm1"`) {
		t.Errorf("get-vms --token: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := run("get-vms", "--username", "admin", "--password", password)
	if code != 1 || strings.Contains(out+errOut, password) {
		t.Errorf("a refused login: exit %d, want 1, the password nowhere\n%s%s", code, out, errOut)
	}
}
