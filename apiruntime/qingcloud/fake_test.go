package qingcloud

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testKey    = "QYACCESSKEYIDEXAMPLE"
	testSecret = "SECRETACCESSKEY"
)

// fakeCloud is a QingCloud endpoint that checks every request the way the
// real one must: the raw query is the canonical string, the signature
// (recomputed here with its own escaping, not this package's) matches, the
// common parameters are present, and time_stamp is within 60 s of now.
type fakeCloud struct {
	t    testing.TB
	now  func() time.Time
	path string
	// zone, when set, is the zone every request must name.
	zone string
	// lenient answers bad requests with an error without failing the test.
	lenient bool

	mu       sync.Mutex
	requests []url.Values
	// fail queues ret_codes to answer per action before answering normally.
	fail map[string][]int
	// jobs are status sequences per job id; the last one repeats.
	jobs      map[string][]string
	instances int
	handle    map[string]func(p url.Values) map[string]any
}

func newFakeCloud(t testing.TB, now func() time.Time) (*fakeCloud, *httptest.Server) {
	f := &fakeCloud{t: t, now: now, path: "/iaas/", fail: map[string][]int{}, jobs: map[string][]string{}, handle: map[string]func(url.Values) map[string]any{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

// fakeEscape is an independent RFC 3986 escaper: url.QueryEscape writes
// space as '+', which the signature page forbids.
func fakeEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

func fakeSign(path string, p url.Values) (canonical, sig string) {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fakeEscape(k)+"="+fakeEscape(p.Get(k)))
	}
	canonical = strings.Join(parts, "&")
	mac := hmac.New(sha256.New, []byte(testSecret))
	fmt.Fprintf(mac, "GET\n%s\n%s", path, canonical)
	return canonical, base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func (f *fakeCloud) reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func (f *fakeCloud) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fail := func(code int, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if !f.lenient {
			f.t.Errorf("fake cloud: %s", msg)
		}
		f.reply(w, map[string]any{"ret_code": code, "message": msg})
	}
	if r.Method != http.MethodGet {
		fail(1101, "method %s", r.Method)
		return
	}
	if r.URL.Path != f.path {
		fail(1101, "path %q, want %q", r.URL.Path, f.path)
		return
	}
	raw := r.URL.RawQuery
	i := strings.LastIndex(raw, "&signature=")
	if i < 0 {
		fail(1200, "no signature")
		return
	}
	p, err := url.ParseQuery(raw[:i])
	if err != nil {
		fail(1100, "query: %v", err)
		return
	}
	gotSig, _ := url.QueryUnescape(raw[i+len("&signature="):])
	canonical, wantSig := fakeSign(r.URL.EscapedPath(), p)
	if raw[:i] != canonical {
		fail(1200, "query is not canonical:\n got %s\nwant %s", raw[:i], canonical)
		return
	}
	if gotSig != wantSig {
		fail(1200, "signature %q, want %q", gotSig, wantSig)
		return
	}
	for k, want := range map[string]string{"access_key_id": testKey, "version": "1", "signature_method": "HmacSHA256", "signature_version": "1"} {
		if got := p.Get(k); got != want {
			fail(1100, "%s=%q, want %q", k, got, want)
			return
		}
	}
	// time_stamp is required on every request (parameters.md); expires,
	// when sent beside it, is what bounds the request's life.
	now := f.now()
	ts, err := time.Parse(TimeFormat, p.Get("time_stamp"))
	if err != nil {
		fail(1100, "time_stamp %q", p.Get("time_stamp"))
		return
	}
	if exp := p.Get("expires"); exp != "" {
		e, err := time.Parse(TimeFormat, exp)
		if err != nil || !e.After(now) || ts.After(now.Add(60*time.Second)) {
			fail(1300, "expires %q at %s (time_stamp %q)", exp, now, p.Get("time_stamp"))
			return
		}
	} else if now.Sub(ts).Abs() > 60*time.Second {
		fail(1300, "time_stamp %q at %s", p.Get("time_stamp"), now.UTC().Format(TimeFormat))
		return
	}
	if f.zone != "" && p.Get("zone") != f.zone {
		fail(2100, "zone %q, want %q", p.Get("zone"), f.zone)
		return
	}

	action := p.Get("action")
	f.mu.Lock()
	f.requests = append(f.requests, p)
	var code int
	if q := f.fail[action]; len(q) > 0 {
		code, f.fail[action] = q[0], q[1:]
	}
	f.mu.Unlock()
	if code != 0 {
		f.reply(w, map[string]any{"ret_code": code, "message": fmt.Sprintf("scripted %d for %s", code, action)})
		return
	}
	var out map[string]any
	switch action {
	case "DescribeJobs":
		out = f.describeJobs(p)
	case "DescribeInstances":
		out = f.describeInstances(p)
	default:
		h := f.handle[action]
		if h == nil {
			f.reply(w, map[string]any{"ret_code": 1101, "message": "no action " + action})
			return
		}
		out = h(p)
	}
	out["action"] = action + "Response"
	out["ret_code"] = 0
	f.reply(w, out)
}

func (f *fakeCloud) describeJobs(p url.Values) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := p.Get("jobs.1")
	seq, ok := f.jobs[id]
	if !ok {
		return map[string]any{"job_set": []any{}, "total_count": 0}
	}
	status := seq[0]
	if len(seq) > 1 {
		f.jobs[id] = seq[1:]
	}
	return map[string]any{"total_count": 1, "job_set": []any{map[string]any{
		"job_id": id, "job_action": "RunInstances", "status": status, "resource_ids": "i-1 i-2",
		"owner": "usr-1234abcd", "error_codes": "", "create_time": "2013-08-07T18:16:32Z", "status_time": "",
	}}}
}

func (f *fakeCloud) describeInstances(p url.Values) map[string]any {
	offset, _ := strconv.Atoi(p.Get("offset"))
	limit, _ := strconv.Atoi(p.Get("limit"))
	if limit > 100 {
		f.t.Errorf("fake cloud: limit %d > 100", limit)
	}
	if limit <= 0 || limit > 100 {
		limit = min(max(limit, 20), 100) // documented default 20, cap 100
	}
	set := []any{}
	for i := offset; i < min(offset+limit, f.instances); i++ {
		set = append(set, map[string]any{"instance_id": fmt.Sprintf("i-%04d", i), "status": "running"})
	}
	return map[string]any{"instance_set": set, "total_count": f.instances}
}

func (f *fakeCloud) actions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, p := range f.requests {
		out = append(out, p.Get("action"))
	}
	return out
}

func (f *fakeCloud) last() url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests[len(f.requests)-1]
}

// fakeClock moves only when slept on, so waits cost no real time.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2013, 8, 27, 14, 30, 10, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	c.slept = append(c.slept, d)
	return nil
}

func (c *fakeClock) Slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// newTestTransport wires a Transport to a fake cloud sharing one fake clock.
func newTestTransport(t testing.TB, opts ...Option) (*Transport, *fakeCloud, *fakeClock) {
	clk := newFakeClock()
	f, srv := newFakeCloud(t, clk.Now)
	opts = append([]Option{WithClock(clk.Now, clk.Sleep)}, opts...)
	return New(srv.URL+"/iaas/", testKey, testSecret, "pek3a", opts...), f, clk
}
