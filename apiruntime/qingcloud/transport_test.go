package qingcloud

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

var _ apiruntime.Transport = (*Transport)(nil)

type runInstancesResponse struct {
	Action    string   `json:"action"`
	Instances []string `json:"instances"`
	JobID     string   `json:"job_id"`
	RetCode   int      `json:"ret_code"`
}

func TestRunInstancesThenWaitJob(t *testing.T) {
	tr, f, clk := newTestTransport(t)
	f.handle["RunInstances"] = func(p url.Values) map[string]any {
		f.jobs["j-bm6ym3r8"] = []string{StatusPending, StatusWorking, StatusSuccessful}
		return map[string]any{"instances": []string{"i-rtyv0968"}, "job_id": "j-bm6ym3r8"}
	}
	var out runInstancesResponse
	err := tr.Do(context.Background(), &apiruntime.Request{
		Operation: "RunInstances",
		Action:    "RunInstances",
		Auth:      true,
		Params: &runInstancesParams{
			ImageID:      "centos63x64",
			InstanceType: apiruntime.Ptr("small_a"),
			LoginMode:    "passwd",
			LoginPasswd:  apiruntime.Ptr("Qing Cloud+/~*"),
			Vxnets:       []string{"vxnet-0", "vxnet-abcd123|192.168.1.2"},
		},
	}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.JobID != "j-bm6ym3r8" || !slices.Equal(out.Instances, []string{"i-rtyv0968"}) || out.Action != "RunInstancesResponse" {
		t.Errorf("response = %+v", out)
	}

	// Exactly what was set plus the common parameters: no documented
	// default (count=1, os_disk_size=20, need_newsid=0) the caller did not set.
	got := f.last()
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"access_key_id", "action", "image_id", "instance_type", "login_mode", "login_passwd",
		"signature_method", "signature_version", "time_stamp", "version", "vxnets.1", "vxnets.2", "zone"}
	if !slices.Equal(keys, want) {
		t.Errorf("sent keys %v\nwant %v", keys, want)
	}
	if got.Get("vxnets.1") != "vxnet-0" || got.Get("vxnets.2") != "vxnet-abcd123|192.168.1.2" ||
		got.Get("zone") != "pek3a" || got.Get("login_passwd") != "Qing Cloud+/~*" {
		t.Errorf("sent %v", got)
	}
	if ts := got.Get("time_stamp"); ts != "2013-08-27T14:30:10Z" {
		t.Errorf("time_stamp = %q, want the clock's UTC time", ts)
	}

	job, err := tr.WaitJob(context.Background(), out.JobID, PollInterval(2*time.Second, 2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if job.Status != StatusSuccessful || job.JobAction != "RunInstances" || job.ResourceIDs != "i-1 i-2" ||
		!job.CreateTime.Equal(time.Date(2013, 8, 7, 18, 16, 32, 0, time.UTC)) || !job.StatusTime.IsZero() {
		t.Errorf("job = %+v", job)
	}
	if acts := f.actions(); !slices.Equal(acts, []string{"RunInstances", "DescribeJobs", "DescribeJobs", "DescribeJobs"}) {
		t.Errorf("actions = %v (pending, working, successful)", acts)
	}
	if s := clk.Slept(); !slices.Equal(s, []time.Duration{2 * time.Second, 2 * time.Second}) {
		t.Errorf("slept %v between polls", s)
	}
	if j := f.last().Get("jobs.1"); j != "j-bm6ym3r8" {
		t.Errorf("DescribeJobs jobs.1 = %q", j)
	}
}

func TestWaitJobFailures(t *testing.T) {
	for _, tt := range []struct {
		status  string
		partial bool
	}{{StatusFailed, false}, {StatusDoneWithFailure, true}} {
		t.Run(tt.status, func(t *testing.T) {
			tr, f, _ := newTestTransport(t)
			f.jobs["j-1"] = []string{StatusWorking, tt.status}
			job, err := tr.WaitJob(context.Background(), "j-1")
			var jf *JobFailedError
			if !errors.As(err, &jf) {
				t.Fatalf("err = %v, want *JobFailedError", err)
			}
			if jf.Partial != tt.partial || jf.Job.Status != tt.status || job == nil || job.JobID != "j-1" {
				t.Errorf("JobFailedError = %+v, job = %+v", jf, job)
			}
			if want := "job j-1 (RunInstances) " + tt.status; err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
		})
	}
}

func TestWaitJobGrowsIntervalAndHonoursContext(t *testing.T) {
	tr, f, clk := newTestTransport(t)
	f.jobs["j-slow"] = []string{StatusWorking}
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	tr.clock.sleepFunc = func(c context.Context, d time.Duration) error {
		polls++
		if polls == 6 {
			cancel()
		}
		return clk.Sleep(c, d)
	}
	_, err := tr.WaitJob(ctx, "j-slow", PollInterval(time.Second, 3*time.Second))
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "still working") {
		t.Errorf("err = %v, want context.Canceled while working", err)
	}
	want := []time.Duration{time.Second, 1500 * time.Millisecond, 2250 * time.Millisecond, 3 * time.Second, 3 * time.Second}
	if s := clk.Slept(); !slices.Equal(s, want) {
		t.Errorf("slept %v, want %v", s, want)
	}
	if _, err := tr.WaitJob(context.Background(), "j-missing"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("unknown job: err = %v", err)
	}
}

type instance struct {
	InstanceID string `json:"instance_id"`
	Status     string `json:"status"`
}

type describeInstancesParams struct {
	Status []string `json:"status,omitempty"`
	Offset *int     `json:"offset,omitempty"`
	Limit  *int     `json:"limit,omitempty"`
}

type describeInstancesResponse struct {
	InstanceSet []instance `json:"instance_set"`
	TotalCount  int        `json:"total_count"`
}

func TestDescribeInstancesAll(t *testing.T) {
	tr, f, _ := newTestTransport(t)
	f.instances = 250
	var limits []int
	fetch := func(ctx context.Context, offset, limit int) ([]instance, int, error) {
		limits = append(limits, limit)
		var out describeInstancesResponse
		err := tr.Do(ctx, &apiruntime.Request{
			Action: "DescribeInstances",
			Params: &describeInstancesParams{Status: []string{"running"}, Offset: &offset, Limit: &limit},
		}, &out)
		return out.InstanceSet, out.TotalCount, err
	}
	var ids []string
	for it, err := range All(context.Background(), 500, fetch) { // 500 is clamped to 100
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, it.InstanceID)
	}
	if len(ids) != 250 || ids[0] != "i-0000" || ids[249] != "i-0249" {
		t.Fatalf("got %d instances (%v … %v)", len(ids), ids[:1], ids[len(ids)-1:])
	}
	for i, id := range ids {
		if id != fmt.Sprintf("i-%04d", i) {
			t.Fatalf("instance %d is %s: duplicate or gap", i, id)
		}
	}
	if !slices.Equal(limits, []int{100, 100, 100}) {
		t.Errorf("limits %v, want 3 pages of 100", limits)
	}
	var offsets []string
	for _, p := range f.requests {
		offsets = append(offsets, p.Get("offset"))
		if p.Get("status.1") != "running" {
			t.Errorf("status.1 = %q", p.Get("status.1"))
		}
	}
	if !slices.Equal(offsets, []string{"0", "100", "200"}) {
		t.Errorf("offsets %v", offsets)
	}
	if ClampLimit(0) != 100 || ClampLimit(-5) != 100 || ClampLimit(30) != 30 || ClampLimit(101) != 100 {
		t.Error("ClampLimit")
	}
}

func TestQuotaExceeded(t *testing.T) {
	tr, f, _ := newTestTransport(t)
	f.fail["RunInstances"] = []int{2500}
	err := tr.Do(context.Background(), &apiruntime.Request{Action: "RunInstances", Params: &runInstancesParams{ImageID: "x", LoginMode: "passwd"}}, nil)
	var qe *Error
	if !errors.As(err, &qe) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if qe.RetCode != CodeQuotaExceeded || qe.Kind != KindClient || qe.Action != "RunInstances" || qe.HTTPStatus != 200 {
		t.Errorf("Error = %+v", qe)
	}
	if !IsQuotaExceeded(err) || IsNotFound(err) || IsRetryable(err) {
		t.Error("helpers disagree with ret_code 2500")
	}
	if want := "RunInstances: ret_code 2500 (quota exceeded): scripted 2500 for RunInstances"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if len(f.requests) != 1 {
		t.Errorf("%d requests: a client error must not be retried", len(f.requests))
	}
	wrapped := fmt.Errorf("create vm: %w", err)
	if c, ok := ErrorCode(wrapped); !ok || c != 2500 || !IsQuotaExceeded(wrapped) {
		t.Error("helpers must see through wrapping")
	}
}

func TestErrorCodeTable(t *testing.T) {
	for _, tt := range []struct {
		code Code
		kind Kind
		name string
	}{
		{1100, KindClient, "message format error"}, {1200, KindClient, "authentication failed"},
		{1300, KindClient, "message expired"}, {2100, KindClient, "resource not found"},
		{2500, KindClient, "quota exceeded"}, {3300, KindClient, "invalid API module"},
		{4003, KindLicense, "license limit exceeded"}, {5000, KindServer, "internal error"},
		{5100, KindServer, "server busy"}, {5600, KindServer, "unsupported disk type"},
		{8004, KindConfig, "config: file missing"}, {1234, KindUnknown, "ret_code 1234"},
	} {
		if tt.code.Kind() != tt.kind || tt.code.String() != tt.name {
			t.Errorf("%d: kind %s name %q, want %s %q", tt.code, tt.code.Kind(), tt.code, tt.kind, tt.name)
		}
	}
}

func TestRetryOnlyDescribeByDefault(t *testing.T) {
	t.Run("DescribeInstances 5100 retried", func(t *testing.T) {
		tr, f, clk := newTestTransport(t)
		f.instances = 3
		f.fail["DescribeInstances"] = []int{5100, 5000}
		var out describeInstancesResponse
		if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeInstances"}, &out); err != nil {
			t.Fatal(err)
		}
		if len(out.InstanceSet) != 3 || len(f.requests) != 3 {
			t.Errorf("%d instances after %d requests", len(out.InstanceSet), len(f.requests))
		}
		s := clk.Slept()
		if len(s) != 2 || s[0] < 250*time.Millisecond || s[0] > 500*time.Millisecond || s[1] < 500*time.Millisecond || s[1] > time.Second {
			t.Errorf("backoff %v, want ~0.5 s then ~1 s (jittered)", s)
		}
	})
	t.Run("RunInstances 5100 not retried", func(t *testing.T) {
		tr, f, clk := newTestTransport(t)
		f.fail["RunInstances"] = []int{5100}
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "RunInstances"}, nil)
		if !IsServerBusy(err) || len(f.requests) != 1 || len(clk.Slept()) != 0 {
			t.Errorf("err %v after %d requests", err, len(f.requests))
		}
	})
	t.Run("RunInstances retried when Idempotent", func(t *testing.T) {
		tr, f, _ := newTestTransport(t)
		f.fail["RunInstances"] = []int{5100}
		f.handle["RunInstances"] = func(url.Values) map[string]any { return map[string]any{"job_id": "j-1"} }
		err := tr.Do(Idempotent(context.Background()), &apiruntime.Request{Action: "RunInstances"}, nil)
		if err != nil || len(f.requests) != 2 {
			t.Errorf("err %v after %d requests", err, len(f.requests))
		}
	})
	t.Run("WithRetryAll", func(t *testing.T) {
		tr, f, _ := newTestTransport(t, WithRetryAll())
		f.fail["StopInstances"] = []int{5000}
		f.handle["StopInstances"] = func(url.Values) map[string]any { return map[string]any{"job_id": "j-1"} }
		if err := tr.Do(context.Background(), &apiruntime.Request{Action: "StopInstances"}, nil); err != nil || len(f.requests) != 2 {
			t.Errorf("err %v after %d requests", err, len(f.requests))
		}
	})
	t.Run("bounded", func(t *testing.T) {
		tr, f, clk := newTestTransport(t, WithRetry(RetryPolicy{MaxAttempts: 3, BaseDelay: 4 * time.Second, MaxDelay: 4 * time.Second}))
		f.fail["DescribeJobs"] = []int{5100, 5100, 5100, 5100}
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeJobs"}, nil)
		if !IsServerBusy(err) || len(f.requests) != 3 || len(clk.Slept()) != 2 {
			t.Errorf("err %v after %d requests, %d sleeps", err, len(f.requests), len(clk.Slept()))
		}
		for _, d := range clk.Slept() {
			if d < 2*time.Second || d > 4*time.Second {
				t.Errorf("backoff %v outside the capped, jittered 2-4 s", d)
			}
		}
		// Each attempt is signed afresh with the time it is sent.
		if a, b := f.requests[0].Get("time_stamp"), f.requests[1].Get("time_stamp"); a == b {
			t.Errorf("retry reused time_stamp %s", a)
		}
	})
	t.Run("other codes not retried", func(t *testing.T) {
		tr, f, _ := newTestTransport(t)
		f.fail["DescribeInstances"] = []int{2100}
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeInstances"}, nil)
		if !IsNotFound(err) || len(f.requests) != 1 {
			t.Errorf("err %v after %d requests", err, len(f.requests))
		}
	})
	t.Run("ctx ends backoff", func(t *testing.T) {
		tr, f, _ := newTestTransport(t)
		f.fail["DescribeInstances"] = []int{5100, 5100}
		ctx, cancel := context.WithCancel(context.Background())
		tr.clock.sleepFunc = func(context.Context, time.Duration) error { cancel(); return ctx.Err() }
		err := tr.Do(ctx, &apiruntime.Request{Action: "DescribeInstances"}, nil)
		if !IsServerBusy(err) || !errors.Is(err, context.Canceled) || len(f.requests) != 1 {
			t.Errorf("err %v after %d requests", err, len(f.requests))
		}
	})
}

func TestRateLimit(t *testing.T) {
	tr, f, clk := newTestTransport(t, WithRateLimit(2, 10*time.Second))
	f.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{} }
	start := clk.Now()
	for range 5 {
		if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	// Burst of 2, then one every 5 s.
	var at []time.Duration
	for _, p := range f.requests {
		ts, _ := time.Parse(TimeFormat, p.Get("time_stamp"))
		at = append(at, ts.Sub(start))
	}
	if want := []time.Duration{0, 0, 5 * time.Second, 10 * time.Second, 15 * time.Second}; !slices.Equal(at, want) {
		t.Errorf("requests sent at %v, want %v", at, want)
	}

	// A wait longer than the context allows fails at once, sending nothing.
	slow, f2, _ := newTestTransport(t, WithRateLimit(1, time.Hour))
	f2.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{} }
	if err := slow.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := slow.Do(ctx, &apiruntime.Request{Action: "DescribeZones"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) || len(f2.requests) != 1 {
		t.Errorf("err %v after %d requests", err, len(f2.requests))
	}
	// The refused call gave its token back: after an hour exactly one call is due.
	slow.clock.sleepFunc(context.Background(), time.Hour)
	if err := slow.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultRateLimitIsDocumentedQuota(t *testing.T) {
	tr := New("https://api.qingcloud.com/iaas/", "k", "s", "pek3a")
	if tr.limiter == nil || tr.limiter.burst != 2000 || tr.limiter.perSec != 2000.0/3600 {
		t.Errorf("default limiter %+v", tr.limiter)
	}
	if New("https://x/iaas/", "k", "s", "", WithRateLimit(0, 0)).limiter != nil {
		t.Error("WithRateLimit(0, 0) must turn limiting off")
	}
}

// WithExpires sends expires beside time_stamp, as overview.md's example
// does; parameters.md requires time_stamp on every request.
func TestExpiresWithTimeStamp(t *testing.T) {
	tr, f, clk := newTestTransport(t, WithExpires(10*time.Minute))
	f.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{} }
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := f.last().Get("expires"), clk.Now().Add(10*time.Minute).Format(TimeFormat); got != want {
		t.Errorf("expires = %q, want %q", got, want)
	}
	if got, want := f.last().Get("time_stamp"), clk.Now().UTC().Format(TimeFormat); got != want {
		t.Errorf("time_stamp = %q, want %q beside expires", got, want)
	}
}

// The query of overview.md's example request, signed again with the
// test key: both time_stamp and expires are part of what is signed, and
// the transport sends them in the docs' canonical order.
func TestExpiresQueryMatchesOverviewExample(t *testing.T) {
	p := url.Values{
		"access_key_id": {"QYACCESSKEYIDEXAMPLE"}, "action": {"DescribeInstances"},
		"expires": {"2013-08-29T07:42:25Z"}, "limit": {"20"}, "signature_method": {"HmacSHA256"},
		"signature_version": {"1"}, "status.1": {"running"}, "time_stamp": {"2013-08-29T06:42:25Z"},
		"version": {"1"}, "zone": {"pek3b"},
	}
	want := "access_key_id=QYACCESSKEYIDEXAMPLE&action=DescribeInstances&expires=2013-08-29T07%3A42%3A25Z&limit=20&signature_method=HmacSHA256&signature_version=1&status.1=running&time_stamp=2013-08-29T06%3A42%3A25Z&version=1&zone=pek3b"
	if got := CanonicalQuery(p); got != want {
		t.Errorf("canonical query\n got %s\nwant %s (overview.md)", got, want)
	}
	clk := newFakeClock()
	clk.t = time.Date(2013, 8, 29, 6, 42, 25, 0, time.UTC)
	f, srv := newFakeCloud(t, clk.Now)
	f.handle["DescribeInstances"] = func(url.Values) map[string]any { return map[string]any{} }
	tr := New(srv.URL+"/iaas/", testKey, testSecret, "pek3b", WithClock(clk.Now, clk.Sleep), WithExpires(time.Hour))
	limit := 20
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeInstances", Params: &describeInstancesParams{Status: []string{"running"}, Limit: &limit}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := CanonicalQuery(f.last()); got != want {
		t.Errorf("sent\n %s\nwant %s (overview.md)", got, want)
	}
}

func TestStaleClockRejected(t *testing.T) {
	// The fake server checks time_stamp: a client clock 2 minutes slow gets 1300.
	clk := newFakeClock()
	f, srv := newFakeCloud(t, func() time.Time { return clk.Now().Add(2 * time.Minute) })
	f.lenient = true // the fake's rejection is the expected outcome here
	tr := New(srv.URL+"/iaas/", testKey, testSecret, "pek3a", WithClock(clk.Now, clk.Sleep))
	err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil)
	if c, _ := ErrorCode(err); c != CodeMessageExpired {
		t.Errorf("err = %v, want ret_code 1300", err)
	}
}

func TestPathWithoutTrailingSlashIsSigned(t *testing.T) {
	clk := newFakeClock()
	f, srv := newFakeCloud(t, clk.Now)
	f.path = "/iaas"
	f.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{} }
	tr := New(srv.URL+"/iaas", testKey, testSecret, "", WithClock(clk.Now, clk.Sleep))
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil {
		t.Fatal(err)
	}
	if f.last().Has("zone") {
		t.Error("zone sent though none configured")
	}
	// The endpoint's path wins over the docs' (IAM's /iam/).
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones", Path: "/iam/"}, nil); err != nil {
		t.Fatal(err)
	}
	// An endpoint without a path takes the docs'.
	f.path = "/iam/"
	bare := New(srv.URL, testKey, testSecret, "", WithClock(clk.Now, clk.Sleep))
	if err := bare.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones", Path: "/iam/"}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestParamsZoneOverridesTransportZone(t *testing.T) {
	tr, f, _ := newTestTransport(t)
	f.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{} }
	err := tr.Do(context.Background(), &apiruntime.Request{
		Action: "DescribeZones",
		Params: &runInstancesParams{Zone: "gd2a", LoginMode: "passwd"},
		Query:  url.Values{"verbose": {"1"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := f.last(); p.Get("zone") != "gd2a" || p.Get("verbose") != "1" {
		t.Errorf("sent %v", p)
	}
}

// secrets asserts err's text holds neither the access key, the secret nor
// the signature.
func noSecrets(t *testing.T, err error) {
	t.Helper()
	for _, s := range []string{testKey, testSecret, "signature", "time_stamp"} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("error %q contains %q", err, s)
		}
	}
}

func TestErrorsCarryNoSecrets(t *testing.T) {
	t.Run("network", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close()
		tr := New(srv.URL+"/iaas/", testKey, testSecret, "pek3a")
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil)
		if err == nil {
			t.Fatal("no error from a closed server")
		}
		noSecrets(t, err)
		if !strings.Contains(err.Error(), srv.URL+"/iaas/") {
			t.Errorf("error %q should still name the endpoint", err)
		}
	})
	t.Run("gateway page", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Request-Id", "req-9")
			http.Error(w, "<html>bad gateway</html>", http.StatusBadGateway)
		}))
		defer srv.Close()
		tr := New(srv.URL+"/iaas/", testKey, testSecret, "pek3a")
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil)
		var ae *apiruntime.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 502 || ae.URL != srv.URL+"/iaas/" || ae.RequestID != "req-9" {
			t.Fatalf("err = %#v", err)
		}
		noSecrets(t, err)
	})
	t.Run("ret_code on HTTP 400", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"ret_code":"1200","message":"auth failed"}`)
		}))
		defer srv.Close()
		tr := New(srv.URL+"/iaas/", testKey, testSecret, "pek3a")
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil)
		var e *Error
		if !errors.As(err, &e) || e.RetCode != CodeAuthFailure || e.HTTPStatus != 400 || !IsAuthFailure(err) {
			t.Fatalf("err = %#v", err)
		}
		noSecrets(t, err)
	})
	t.Run("bad endpoint", func(t *testing.T) {
		err := New("ftp://x/iaas/", testKey, testSecret, "").Do(context.Background(), &apiruntime.Request{Action: "A"}, nil)
		if err == nil || !strings.Contains(err.Error(), "want http(s)") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("no action", func(t *testing.T) {
		if err := New("https://x/iaas/", testKey, testSecret, "").Do(context.Background(), &apiruntime.Request{}, nil); err == nil {
			t.Error("no error for a request without action")
		}
	})
}

func TestTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"ret_code":0,"action":"DescribeZonesResponse"}`)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	srv.StartTLS()
	defer srv.Close()
	err := New(srv.URL+"/iaas/", testKey, testSecret, "").Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil)
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("self-signed certificate accepted by default: %v", err)
	} else {
		noSecrets(t, err)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	tr := New(srv.URL+"/iaas/", testKey, testSecret, "", WithHTTPClient(client), WithInsecureSkipVerify())
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil {
		t.Errorf("WithInsecureSkipVerify: %v", err)
	}
	if client.Transport != nil {
		t.Error("WithInsecureSkipVerify changed the caller's client")
	}
	if tr.endpoint.Client().Timeout != 5*time.Second {
		t.Error("WithInsecureSkipVerify dropped the caller's client settings")
	}
}

func TestDecodeRejectsNonJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<html>") }))
	defer srv.Close()
	err := New(srv.URL+"/iaas/", testKey, testSecret, "").Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, &struct{}{})
	if err == nil || !strings.Contains(err.Error(), "DescribeZones: decode response") {
		t.Errorf("err = %v", err)
	}
	if !reflect.DeepEqual(DefaultRetryPolicy(), RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 8 * time.Second}) {
		t.Error("DefaultRetryPolicy changed: update its doc comment")
	}
}

// BenchmarkDo measures one signed call against the local fake, HTTP
// round trip included.
func BenchmarkDo(b *testing.B) {
	tr, f, _ := newTestTransport(b, WithRateLimit(0, 0))
	f.instances = 100
	req := &apiruntime.Request{Action: "DescribeInstances", Params: &describeInstancesParams{Status: []string{"running"}, Limit: apiruntime.Ptr(100)}}
	for b.Loop() {
		var out describeInstancesResponse
		if err := tr.Do(context.Background(), req, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeSign measures building and signing a RunInstances query.
func BenchmarkEncodeSign(b *testing.B) {
	p := &runInstancesParams{ImageID: "centos64x86a", InstanceType: apiruntime.Ptr("small_b"), LoginMode: "passwd",
		LoginPasswd: apiruntime.Ptr("QingCloud20130712"), Vxnets: []string{"vxnet-0", "vxnet-1"}}
	for b.Loop() {
		q, err := Encode(p)
		if err != nil {
			b.Fatal(err)
		}
		_ = Sign("GET", "/iaas/", q, testSecret)
	}
}

// A private deployment behind a path prefix: generated code passes the
// docs' "/iaas/", and the call still goes to the endpoint's
// /private/iaas/, signed over that path, with the transport's zone. The
// fake checks all three.
func TestPrivateEndpointPathAndZone(t *testing.T) {
	clk := newFakeClock()
	f, srv := newFakeCloud(t, clk.Now)
	f.path, f.zone = "/private/iaas/", "pek3a"
	f.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{"zone_set": []any{}} }
	tr := New(srv.URL+"/private/iaas/", testKey, testSecret, "pek3a", WithClock(clk.Now, clk.Sleep))
	for _, path := range []string{"/iaas/", "", "/iam/"} {
		if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones", Path: path}, nil); err != nil {
			t.Errorf("docs' path %q: %v", path, err)
		}
	}
	if n := len(f.requests); n != 3 {
		t.Errorf("the prefixed endpoint got %d requests, want 3", n)
	}
	// The fake refuses a request without the zone: a transport without one
	// is caught, so the check above is a real one.
	f.lenient = true
	bare := New(srv.URL+"/private/iaas/", testKey, testSecret, "", WithClock(clk.Now, clk.Sleep))
	if c, _ := ErrorCode(bare.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones", Path: "/iaas/"}, nil)); c != 2100 {
		t.Errorf("request without zone: ret_code %d, want the fake's 2100", c)
	}
}

// A direct Describe* call with a limit above 100 is sent as 100, what the
// server answers at most (overview.md); limits within range, and a limit
// of another action, are sent as given.
func TestLimitClamped(t *testing.T) {
	tr, f, _ := newTestTransport(t)
	f.instances = 5
	for _, c := range []struct {
		action string
		limit  int
		want   string
	}{{"DescribeInstances", 500, "100"}, {"DescribeInstances", 100, "100"}, {"DescribeInstances", 20, "20"}, {"GetMonitor", 500, "500"}} {
		f.handle["GetMonitor"] = func(url.Values) map[string]any { return map[string]any{} }
		limit := c.limit
		if err := tr.Do(context.Background(), &apiruntime.Request{Action: c.action, Params: &describeInstancesParams{Limit: &limit}}, nil); err != nil {
			t.Fatal(err)
		}
		if got := f.last().Get("limit"); got != c.want {
			t.Errorf("%s limit %d sent as %s, want %s", c.action, c.limit, got, c.want)
		}
	}
}
