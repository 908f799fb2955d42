package ir

import (
	"strings"
	"testing"
)

func TestCheckPath(t *testing.T) {
	for _, p := range []string{"/", "/iaas/", "/v1/users/{id}/keys", "/zstack/v1/clusters/{uuid}/actions", "/a..b/.c/d.", "/%2e%2f", "/a//b", "/files/{path}:copy"} {
		if err := CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q) = %v, want nil", p, err)
		}
	}
	for p, want := range map[string]string{
		"":                       "empty",
		"@attacker.example:8443": "@",
		"/iaas@attacker/":        "@",
		"//evil.example/x":       "starts with //",
		"http://evil.example/x":  `scheme "http:"`,
		"HTTPS:evil":             `scheme "HTTPS:"`,
		"evil.example/x":         "does not start with /",
		"/a\\b":                  "backslash",
		"/a\r\nHost: evil":       "U+000D",
		"/a\x00":                 "U+0000",
		"/a\tb":                  "U+0009",
		"/a\x7f":                 "U+007F",
		"/v1/../keys":            `".." segment`,
		"/v1/.":                  `"." segment`,
		"/..":                    `".." segment`,
		"/v1/%2e%2E/keys":        `"%2e%2E" segment`,
		"/v1/.%2e":               `".%2e" segment`,
	} {
		err := CheckPath(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckPath(%q) = %v, want an error mentioning %q", p, err, want)
		}
	}
}

// The final check removes every operation whose path or any documented URL
// is refused, and reports each at the operation.
func TestCheckPaths(t *testing.T) {
	api := &API{Operations: []*Operation{
		{Name: "Good", Method: "GET", Path: "/ok"},
		{Name: "BadPath", Method: "GET", Path: "@evil/x", Pos: Pos{File: "a.md", Line: 3, Col: 1}},
		{Name: "BadURL", Method: "GET", Path: "/ok", URLs: []Endpoint{{Method: "GET", Path: "/ok"}, {Method: "PUT", Path: "/../x"}}},
		{Name: "Action", Action: "Action"},
	}}
	diags := CheckPaths(api)
	var names []string
	for _, op := range api.Operations {
		names = append(names, op.Name)
	}
	if got := strings.Join(names, " "); got != "Good Action" {
		t.Errorf("kept %s", got)
	}
	if len(diags) != 2 || diags[0].Severity != Error || diags[0].Kind != "bad-path" {
		t.Fatalf("diagnostics %v", diags)
	}
	if got := diags[0].String(); !strings.HasPrefix(got, `a.md:3:1: error: operation "BadPath": path "@evil/x" holds an @`) {
		t.Errorf("diagnostic %s", got)
	}
}
