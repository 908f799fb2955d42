package apiruntime_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestJoinURL(t *testing.T) {
	base := mustURL(t, "https://api.example.com/v1/")
	for _, tc := range []struct {
		path string
		q    url.Values
		want string
	}{
		{"/pets/1", nil, "https://api.example.com/v1/pets/1"},
		{"pets/1", nil, "https://api.example.com/v1/pets/1"},
		{"", nil, "https://api.example.com/v1/"},
		{"/pets?kind=cat", url.Values{"n": {"2"}}, "https://api.example.com/v1/pets?kind=cat&n=2"},
		{apiruntime.Path("/pets/{id}", "id", "a/b"), nil, "https://api.example.com/v1/pets/a%2Fb"},
		{apiruntime.Path("/pets/{id}", "id", "@evil.example:8443"), nil, "https://api.example.com/v1/pets/@evil.example:8443"},
		{apiruntime.Path("/pets/{id}", "id", "//evil"), nil, "https://api.example.com/v1/pets/%2F%2Fevil"},
		// url.PathEscape turns '%' into %25, so a value spelling a dot
		// segment percent-encoded stays a literal name, not "..".
		{apiruntime.Path("/users/{id}/keys", "id", "%2E%2E"), nil, "https://api.example.com/v1/users/%252E%252E/keys"},
		{apiruntime.Path("/users/{id}/keys", "id", "..."), nil, "https://api.example.com/v1/users/.../keys"},
		{"/my pets/{x}", nil, "https://api.example.com/v1/my%20pets/%7Bx%7D"},
		{"/a@b/c:d", nil, "https://api.example.com/v1/a@b/c:d"},
	} {
		u, err := apiruntime.JoinURL(base, tc.path, tc.q)
		if err != nil {
			t.Errorf("JoinURL(%q): %v", tc.path, err)
			continue
		}
		if got := u.String(); got != tc.want {
			t.Errorf("JoinURL(%q) = %s, want %s", tc.path, got, tc.want)
		}
		if u.Host != base.Host || u.Scheme != base.Scheme || u.User != nil {
			t.Errorf("JoinURL(%q) left the origin: %s", tc.path, u)
		}
	}
}

func TestJoinURLRefuses(t *testing.T) {
	base := mustURL(t, "https://user:base-pass-1@api.qingcloud.com/iaas/")
	for _, path := range []string{
		"@attacker.example:8443/",
		"@attacker.example:8443",
		"//attacker.example/x",
		"http://attacker.example/x",
		"https:attacker.example",
		"javascript:alert(1)",
		`/a\b`,
		`\\attacker\x`,
		"/a\x00b",
		"/a\nb",
		"/a\x7f",
		"/a#frag",
		"/a?x=1#frag",
		apiruntime.Path("/users/{id}/keys", "id", ".."),
		apiruntime.Path("/users/{id}/keys", "id", "."),
		apiruntime.Path("/users/{id}", "id", ".."),
		"/users/%2e%2E/keys",
		"/users/%2e/keys",
		"/users/../keys",
		"/users/./keys",
		"..",
		"/a/%zz",
		apiruntime.Path("/{a}/{b}", "a", "", "b", "x"), // "//x"
	} {
		u, err := apiruntime.JoinURL(base, path, url.Values{"signature": {"sig-secret-1"}})
		var ue *apiruntime.URLError
		if !errors.As(err, &ue) {
			t.Errorf("JoinURL(%q) = %v, %v; want *URLError", path, u, err)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "base-pass-1") || strings.Contains(msg, "sig-secret-1") {
			t.Errorf("JoinURL(%q): error carries a secret: %s", path, msg)
		}
	}
	if _, err := apiruntime.JoinURL(&url.URL{Path: "/v1"}, "/x", nil); err == nil {
		t.Error("JoinURL with a base without host: no error")
	}
}

func TestResolveLocation(t *testing.T) {
	base := mustURL(t, "http://10.1.1.1:8080/zstack")
	for _, tc := range []struct{ loc, want string }{
		{"/zstack/v1/api-jobs/1", "http://10.1.1.1:8080/zstack/v1/api-jobs/1"},
		{" http://10.1.1.1:8080/v1/api-jobs/1?x=y ", "http://10.1.1.1:8080/v1/api-jobs/1?x=y"},
		{"HTTP://10.1.1.1:8080/a#frag", "http://10.1.1.1:8080/a"},
		{"//10.1.1.1:8080/a", "http://10.1.1.1:8080/a"},
		{"http://10.1.1.1:8080", "http://10.1.1.1:8080/"},
		{"/a%2Fb/c", "http://10.1.1.1:8080/a%2Fb/c"},
	} {
		u, err := apiruntime.ResolveLocation(base, tc.loc)
		if err != nil || u.String() != tc.want {
			t.Errorf("ResolveLocation(%q) = %v, %v; want %s", tc.loc, u, err, tc.want)
		}
	}
	for _, loc := range []string{
		"@evil-host/api-jobs/1",
		"//evil/api-jobs/1",
		"http://user@evil/api-jobs/1",
		"http://user:loc-pass-1@10.1.1.1:8080/api-jobs/1",
		"https://10.1.1.1:8080/api-jobs/1",
		"http://10.1.1.1:8081/api-jobs/1",
		"http://evil/api-jobs/1?session=loc-pass-1",
		"http://10.1.1.1:8080@evil/api-jobs/1",
		"api-jobs/1",
		"javascript:alert(1)",
		"ftp://10.1.1.1:8080/x",
		"http:/api-jobs/1",
		"/v1/api-jobs/../../admin",
		"/v1/%2e%2e/admin",
		`\\evil\api-jobs`,
		"/a\x00",
		"",
	} {
		u, err := apiruntime.ResolveLocation(base, loc)
		var ue *apiruntime.URLError
		if !errors.As(err, &ue) {
			t.Errorf("ResolveLocation(%q) = %v, %v; want *URLError", loc, u, err)
			continue
		}
		if strings.Contains(err.Error(), "loc-pass-1") {
			t.Errorf("ResolveLocation(%q): error carries a secret: %v", loc, err)
		}
	}
	// A server naming itself by another address: only with a self rule,
	// and then only its path and query are kept.
	self := func(h string) bool { return h == "localhost" }
	u, err := apiruntime.ResolveLocationSelf(base, "https://localhost:9999/v1/api-jobs/1?a=b", self)
	if err != nil || u.String() != "http://10.1.1.1:8080/v1/api-jobs/1?a=b" {
		t.Errorf("self location = %v, %v", u, err)
	}
	for _, loc := range []string{"http://user@localhost/x", "@localhost/x", "http://evil/x"} {
		if _, err := apiruntime.ResolveLocationSelf(base, loc, self); err == nil {
			t.Errorf("ResolveLocationSelf(%q): no error", loc)
		}
	}
}

func TestSameOrigin(t *testing.T) {
	a := mustURL(t, "https://API.example.com/v1")
	for s, want := range map[string]bool{
		"https://api.example.com:443/x": true,
		"//api.example.com/x":           true,
		"http://api.example.com/x":      false,
		"https://api.example.com:8443/": false,
		"https://api.example.com.evil/": false,
		"https://sub.api.example.com/":  false,
	} {
		if got := apiruntime.SameOrigin(a, mustURL(t, s)); got != want {
			t.Errorf("SameOrigin(%s) = %v, want %v", s, got, want)
		}
	}
}
