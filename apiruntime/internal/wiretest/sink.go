// Package wiretest holds the runtime tests' stand-ins for what a hostile
// or unusual deployment puts on the wire: Sink, a server on a second
// loopback address (127.0.0.2) recording everything that reaches it, for
// the attacker's host a redirect or a job location points at; and
// CountingTransport, a caller's own RoundTripper.
package wiretest

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Request is what one request brought to the sink.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body   string
}

// Sink is the recording server; URL is its http://127.0.0.2:port.
type Sink struct {
	URL string

	mu   sync.Mutex
	seen []Request
}

// NewSink starts a sink on 127.0.0.2, closed when t ends.
func NewSink(t testing.TB) *Sink {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("sink: listen on 127.0.0.2: %v", err)
	}
	s := &Sink{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, Request{r.Method, r.URL.String(), r.Header.Clone(), string(b)})
		s.mu.Unlock()
		io.WriteString(w, `{}`)
	}))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// Requests returns what reached the sink so far.
func (s *Sink) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.seen...)
}

// Leaks returns the secrets (of 4 bytes or more) found anywhere in what
// reached the sink: URL, headers or body, as sent or query-escaped.
func (s *Sink) Leaks(secrets ...string) []string {
	var all strings.Builder
	for _, r := range s.Requests() {
		all.WriteString(r.URL + "\n" + r.Body + "\n")
		for k, vs := range r.Header {
			all.WriteString(k + ": " + strings.Join(vs, ", ") + "\n")
		}
	}
	text := all.String()
	var found []string
	for _, sec := range secrets {
		if len(sec) >= 4 && (strings.Contains(text, sec) || strings.Contains(text, url.QueryEscape(sec))) {
			found = append(found, sec)
		}
	}
	return found
}

// Check fails t when anything reached the sink, naming any secret in it.
func (s *Sink) Check(t testing.TB, what string, secrets ...string) {
	t.Helper()
	if leaks := s.Leaks(secrets...); len(leaks) > 0 {
		t.Errorf("%s: secrets reached the other host: %q", what, leaks)
	}
	if n := len(s.Requests()); n > 0 {
		t.Errorf("%s: %d requests reached the other host: %+v", what, n, s.Requests())
	}
}

// CountingTransport is a RoundTripper of the caller's own (not an
// *http.Transport), counting the requests it carries; transports must
// keep it, insecure mode included.
type CountingTransport struct{ n atomic.Int32 }

func (c *CountingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// Count is how many requests went through c.
func (c *CountingTransport) Count() int { return int(c.n.Load()) }
