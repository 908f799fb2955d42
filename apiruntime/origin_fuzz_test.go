package apiruntime_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

// fuzzBases are the configured base URLs the fuzz targets join against:
// with and without a path, port, trailing slash and user info.
var fuzzBases = []string{
	"https://api.qingcloud.com/iaas/",
	"http://10.1.1.1:8080/zstack",
	"https://user:pw@tower.example.com:8443/v2/api",
	"http://127.0.0.1",
}

// attackSeeds are the strings issue 11 reproduced, and their relatives.
var attackSeeds = []string{
	"@attacker.example:8443/", "@evil-host/api-jobs/1", "//evil/api-jobs/1",
	"http://user@evil/api-jobs/1", "http://evil.example/x", "https:evil",
	`\\evil\x`, `/a\b`, "/v1/users/../keys", "/v1/users/%2e%2E/keys",
	"/v1/users/%252E%252E/keys", "/a?x=1#f", "/a\x00", "/./", "..",
	"http://10.1.1.1:8080@evil/x", "//10.1.1.1:8080/x", "/zstack/v1/api-jobs/1?a=b",
	"HTTP://API.QINGCLOUD.COM:443/iaas/", "/\u202e/x", "/%zz", "",
}

func fuzzBase(t *testing.T, i uint8) *url.URL {
	return mustURL(t, fuzzBases[int(i)%len(fuzzBases)])
}

// pinned fails t unless u has base's scheme, user info and host, also
// once u is written out and read back (what goes on the wire).
func pinned(t *testing.T, base, u *url.URL, input string) {
	t.Helper()
	back, err := url.Parse(u.String())
	if err != nil {
		t.Fatalf("%q: result %q does not parse: %v", input, u, err)
	}
	for _, v := range []*url.URL{u, back} {
		if v.Scheme != base.Scheme || v.Host != base.Host || v.User.String() != base.User.String() || v.Opaque != "" {
			t.Fatalf("%q: %s left the origin %s", input, v, apiruntime.SafeURL(base))
		}
	}
	if strings.HasPrefix(u.EscapedPath(), "//") {
		t.Fatalf("%q: path %q starts with //", input, u.EscapedPath())
	}
}

func FuzzJoinURL(f *testing.F) {
	for i, s := range attackSeeds {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, bi uint8, path string) {
		base := fuzzBase(t, bi)
		u, err := apiruntime.JoinURL(base, path, url.Values{"k": {"v"}})
		if err != nil {
			return
		}
		pinned(t, base, u, path)
		// Nothing beyond base's path is a dot segment, so the resource
		// addressed is the one the path names.
		rest := strings.TrimPrefix(u.EscapedPath(), strings.TrimSuffix(base.EscapedPath(), "/"))
		for _, seg := range strings.Split(rest, "/") {
			if s, _ := url.PathUnescape(seg); s == "." || s == ".." {
				t.Fatalf("%q: result %s holds a dot segment", path, u)
			}
		}
	})
}

func FuzzResolveLocation(f *testing.F) {
	for i, s := range attackSeeds {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, bi uint8, loc string) {
		base := fuzzBase(t, bi)
		u, err := apiruntime.ResolveLocation(base, loc)
		if err != nil {
			return
		}
		pinned(t, base, u, loc)
		// What was accepted named no other origin and no user info.
		if p, perr := url.Parse(strings.TrimSpace(loc)); perr == nil && (p.User != nil || p.Host != "" && !apiruntime.SameOrigin(base, p)) {
			t.Fatalf("%q accepted though it names %s", loc, apiruntime.Origin(p))
		}
	})
}
