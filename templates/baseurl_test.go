package templates

import (
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// The API's first server becomes DefaultBaseURL when it is absolute; a
// Swagger 2.0 basePath without a host is named in New's doc comment;
// anything else (variables, other schemes) is left out.
func TestDefaultBaseURL(t *testing.T) {
	for _, c := range []struct {
		server, want, notWant string
	}{
		{"https://api.example.com/v1/", `const DefaultBaseURL = "https://api.example.com/v1"`, ""},
		{"/api/v1", "followed by /api/v1", "DefaultBaseURL"},
		{"https://{region}.example.com", "the API documents none", "DefaultBaseURL"},
		{"ftp://x/", "the API documents none", "DefaultBaseURL"},
		{"", "the API documents none", "DefaultBaseURL"},
	} {
		api := &ir.API{Name: "T", Family: ir.FamilyOpenAPI, Operations: []*ir.Operation{{Name: "ping", Method: "GET", Path: "/ping"}}}
		if c.server != "" {
			api.Servers = []string{c.server}
		}
		files, _ := generate(t, api, Options{Package: "t"})
		src := string(files["client.go"])
		if !strings.Contains(src, c.want) || c.notWant != "" && strings.Contains(src, c.notWant) {
			t.Errorf("server %q: client.go lacks %q or has %q:\n%s", c.server, c.want, c.notWant, src)
		}
	}
}
