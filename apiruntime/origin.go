package apiruntime

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// URLError is a request path or a server-given location that could move a
// request off the configured origin (scheme, host, port), or change which
// resource it addresses. Nothing is sent.
type URLError struct {
	// What is "path", "location" or "base URL".
	What string
	// Value is the offending text without user info or query, quoted and
	// cut to 200 bytes, so no password or signed parameter shows.
	Value  string
	Reason string
}

func (e *URLError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.What, e.Value, e.Reason)
}

func urlError(what, value, reason string) *URLError {
	if i := strings.IndexAny(value, "?#"); i >= 0 {
		value = value[:i]
	}
	// User info sits before the first '@' of the authority; cutting at
	// the last '@' of what comes before the path hides it however it is spelled.
	if i := strings.LastIndex(value[:pathStart(value)], "@"); i >= 0 {
		value = value[i+1:]
	}
	if len(value) > 200 {
		value = value[:200] + "…"
	}
	return &URLError{What: what, Value: fmt.Sprintf("%q", value), Reason: reason}
}

// pathStart is where the path of a URL-ish string s begins: after
// "scheme://authority", "//authority" or a rootless first segment that
// carries '@'; 0 when s has no authority.
func pathStart(s string) int {
	rest, off := s, 0
	if i := strings.Index(rest, "://"); i >= 0 {
		rest, off = rest[i+3:], i+3
	} else if strings.HasPrefix(rest, "//") {
		rest, off = rest[2:], 2
	} else if !strings.Contains(firstSegment(rest), "@") {
		return 0
	}
	if i := strings.IndexAny(rest, "/\\"); i >= 0 {
		return off + i
	}
	return len(s)
}

func firstSegment(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// ParseBaseURL parses a transport's configured base URL: an absolute
// http(s) URL with a host. Its scheme, user info, host and port are the
// origin every request of the transport goes to.
func ParseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil:
		return nil, urlError("base URL", raw, "does not parse")
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		return nil, urlError("base URL", raw, "want http(s)://host[:port][/path]")
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// JoinURL is the one way a transport turns a request path into a URL: the
// path is appended to base's path, and scheme, user info, host and port
// come from base alone, whatever the path says. The path is escaped (see
// Path) and may carry "?query"; q is appended to base's and the path's
// query. A path that could name an authority is refused with *URLError:
// one starting with "//", one whose first segment holds ':' or '@' without
// a leading '/', one with '\', '#' or control characters, and one with a
// "." or ".." segment (literal or percent-encoded), which would address
// another resource. A rootless path without those ("pets/1") is taken as
// "/pets/1". The empty path addresses base itself, trailing slash kept.
func JoinURL(base *url.URL, path string, q url.Values) (*url.URL, error) {
	if base == nil || base.Host == "" || base.Scheme == "" {
		return nil, urlError("base URL", SafeURL(base), "want scheme://host")
	}
	p, query, _ := strings.Cut(path, "?")
	if err := checkPath(path, p); err != nil {
		return nil, err
	}
	if p != "" && p[0] != '/' {
		p = "/" + p
	}
	escaped := base.EscapedPath()
	if p != "" {
		escaped = strings.TrimSuffix(escaped, "/") + p
	}
	u, err := onOrigin(base, escaped)
	if err != nil {
		return nil, urlError("path", path, err.Error())
	}
	u.RawQuery = joinQuery(base.RawQuery, query, q.Encode())
	return u, nil
}

// checkPath refuses what could leave base's origin or climb out of the
// addressed resource; full is the path as given, for the error.
func checkPath(full, p string) error {
	for i := 0; i < len(full); i++ {
		switch c := full[i]; {
		case c < 0x20 || c == 0x7f:
			return urlError("path", full, "holds a control character")
		case c == '\\':
			return urlError("path", full, `holds '\', which some servers read as '/'`)
		case c == '#':
			return urlError("path", full, "holds '#'")
		}
	}
	switch {
	case strings.HasPrefix(p, "//"):
		return urlError("path", full, `starts with "//", which names a host`)
	case p != "" && p[0] != '/' && strings.ContainsAny(firstSegment(p), ":@"):
		return urlError("path", full, "is not an absolute path: its first segment would name a scheme or a host")
	}
	for _, seg := range strings.Split(p, "/") {
		s, err := url.PathUnescape(seg)
		if err != nil {
			return urlError("path", full, "holds a bad percent-encoding")
		}
		if s == "." || s == ".." {
			return urlError("path", full, `holds a "." or ".." segment, which would address another resource`)
		}
	}
	return nil
}

// onOrigin is base's scheme, user info and host with the escaped path.
// The path is re-escaped where net/url would not keep it as written, so
// the URL sends exactly escaped ("%2F" in a value stays "%2F").
func onOrigin(base *url.URL, escaped string) (*url.URL, error) {
	escaped = escapeLoose(escaped)
	plain, err := url.PathUnescape(escaped)
	if err != nil {
		return nil, fmt.Errorf("holds a bad percent-encoding")
	}
	u := &url.URL{Scheme: base.Scheme, User: base.User, Host: base.Host, Path: plain, RawPath: escaped}
	if u.EscapedPath() != escaped {
		return nil, fmt.Errorf("cannot be sent as written")
	}
	if u.Path == escaped {
		u.RawPath = ""
	}
	return u, nil
}

// escapeLoose percent-encodes the bytes a path cannot carry as they are
// (space, quotes, braces, non-ASCII), leaving escapes and RFC 3986 pchars.
func escapeLoose(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if pathByte(c) {
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.WriteString(p[:i])
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	if b.Len() == 0 {
		return p
	}
	return b.String()
}

func pathByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("-._~!$&'()*+,;=:@/%", c) >= 0
}

func joinQuery(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "&")
}

// ResolveLocation is the one way a transport follows a URL a server sent
// (a job's location, a Location header, a next-page link): it is parsed
// with net/url and only its path and query are used, on base's origin.
// A location with user info, a scheme other than http(s), another host
// than base's (scheme, host and port compared), or a path that is not
// absolute or holds a dot segment is refused with *URLError.
func ResolveLocation(base *url.URL, loc string) (*url.URL, error) {
	return ResolveLocationSelf(base, loc, nil)
}

// ResolveLocationSelf is ResolveLocation for servers that name themselves
// by an address the client may not reach (an internal IP, localhost): a
// location whose host self reports true is taken to mean base's origin.
// Only its path and query are used, so credentials still go nowhere else.
func ResolveLocationSelf(base *url.URL, loc string, self func(host string) bool) (*url.URL, error) {
	loc = strings.TrimSpace(loc)
	if loc == "" {
		return nil, urlError("location", loc, "is empty")
	}
	if strings.ContainsAny(loc, "\\") || strings.ContainsFunc(loc, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return nil, urlError("location", loc, `holds '\' or a control character`)
	}
	u, err := url.Parse(loc)
	switch {
	case err != nil:
		return nil, urlError("location", loc, "does not parse")
	case u.User != nil:
		return nil, urlError("location", loc, "carries user info")
	case u.Opaque != "" || u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return nil, urlError("location", loc, "is not an http(s) URL")
	case u.Scheme != "" && u.Host == "":
		return nil, urlError("location", loc, "has a scheme but no host")
	case u.Host != "" && !SameOrigin(base, u) && (self == nil || !self(u.Hostname())):
		return nil, urlError("location", loc, fmt.Sprintf("names another origin than %s", Origin(base)))
	}
	p := u.EscapedPath()
	if u.Host == "" && !strings.HasPrefix(p, "/") {
		return nil, urlError("location", loc, "is not an absolute path")
	}
	if p == "" {
		p = "/"
	}
	if err := checkPath(p, p); err != nil {
		return nil, urlError("location", loc, err.(*URLError).Reason)
	}
	out, err := onOrigin(base, p)
	if err != nil {
		return nil, urlError("location", loc, err.Error())
	}
	out.RawQuery = u.RawQuery
	return out, nil
}

// Origin is u's scheme://host:port, the port spelled out, for errors and
// comparisons; it never holds user info.
func Origin(u *url.URL) string {
	if u == nil {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		switch scheme {
		case "http":
			port = "80"
		case "https":
			port = "443"
		}
	}
	return scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// SameOrigin reports whether b has a's scheme, host and port (default
// ports filled in, case ignored). A b without a scheme takes a's.
func SameOrigin(a, b *url.URL) bool {
	if b.Scheme == "" {
		c := *b
		c.Scheme = a.Scheme
		b = &c
	}
	return Origin(a) == Origin(b)
}
