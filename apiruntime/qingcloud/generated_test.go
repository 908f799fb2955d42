package qingcloud

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
	gen "github.com/apigen-dev/apigen/generated/qingcloud"
)

// The generated client (generated/qingcloud, from specs/qingcloud) against
// the fake cloud: a transport built with a zone fills a call's missing
// zone, so Validate does not refuse it and the fake sees pek3a; with no
// zone anywhere the call is refused before anything is sent.
func TestGeneratedClientTransportZone(t *testing.T) {
	tr, f, _ := newTestTransport(t)
	f.zone = "pek3a"
	f.handle["CreateVolumes"] = func(p url.Values) map[string]any {
		return map[string]any{"job_id": "j-1", "volumes": []any{"vol-1"}}
	}
	c := gen.New(tr)
	if _, err := c.CreateVolumes(context.Background(), &gen.CreateVolumesParams{Size: 10}); err != nil {
		t.Fatalf("no zone in params, pek3a on the transport: %v", err)
	}
	if got := f.last().Get("zone"); got != "pek3a" {
		t.Errorf("zone sent %q, want pek3a", got)
	}
	if err := (&gen.CreateVolumesParams{Size: 10}).ValidateFor(tr); err != nil {
		t.Errorf("ValidateFor the transport with a zone: %v", err)
	}

	bare := New("http://127.0.0.1:1/iaas/", testKey, testSecret, "")
	var ve *apiruntime.ValidationError
	_, err := gen.New(bare).CreateVolumes(context.Background(), &gen.CreateVolumesParams{Size: 10})
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0] != "zone is required" {
		t.Errorf("no zone anywhere: %v, want a ValidationError naming zone", err)
	}
	if err := (&gen.CreateVolumesParams{Size: 10}).Validate(); !errors.As(err, &ve) {
		t.Errorf("Validate without a transport and without a zone: %v, want a ValidationError", err)
	}
	if err := (&gen.CreateVolumesParams{Size: 10, Zone: "gd2"}).ValidateFor(bare); err != nil {
		t.Errorf("zone in params: %v", err)
	}
	n := len(f.requests)
	if n != 1 {
		t.Errorf("the fake got %d requests, want 1 (refused calls send nothing)", n)
	}
}

// Undocumented parameters go with the call and are signed like the rest
// (the fake checks the signature over every parameter it receives); an
// extra can never replace a credential, a signed common parameter or a
// parameter the call sets, and a refused call sends nothing.
func TestGeneratedClientExtraParams(t *testing.T) {
	tr, f, _ := newTestTransport(t)
	f.handle["CreateVolumes"] = func(p url.Values) map[string]any { return map[string]any{"job_id": "j-1"} }
	c := gen.New(tr)
	ctx := context.Background()
	p := &gen.CreateVolumesParams{Size: 10}
	if _, err := c.CreateVolumes(ctx, p, apiruntime.ExtraParam("nics.1.vxnet", "vxnet-0"), apiruntime.ExtraParam("boot_dev", "cdrom")); err != nil {
		t.Fatal(err)
	}
	if got := f.last(); got.Get("nics.1.vxnet") != "vxnet-0" || got.Get("boot_dev") != "cdrom" || got.Get("size") != "10" {
		t.Errorf("sent %v", got)
	}
	for _, opt := range []apiruntime.CallOption{
		apiruntime.ExtraParam("access_key_id", "AKEVIL"),
		apiruntime.ExtraParam("signature", "forged"),
		apiruntime.ExtraParam("time_stamp", "2000-01-01T00:00:00Z"),
		apiruntime.ExtraParam("action", "DeleteVolumes"),
		apiruntime.ExtraParam("size", "20"),
		apiruntime.ExtraHeader("Authorization", "Bearer evil"),
	} {
		var xe *apiruntime.ExtraError
		if _, err := c.CreateVolumes(ctx, p, opt); !errors.As(err, &xe) {
			t.Errorf("extra refused? got %v", err)
		}
	}
	if n := len(f.requests); n != 1 {
		t.Errorf("the fake got %d requests, want 1", n)
	}
	if got := f.last().Get("access_key_id"); got != testKey {
		t.Errorf("access_key_id %q", got)
	}
}

// CreateVolumesAndWait waits on the job the call started, polling
// DescribeJobs at the interval asked for, and returns the call's answer; a
// failed job is its error.
func TestGeneratedClientAndWait(t *testing.T) {
	tr, f, clk := newTestTransport(t)
	f.handle["CreateVolumes"] = func(p url.Values) map[string]any {
		return map[string]any{"job_id": "j-" + p.Get("volume_name"), "volumes": []any{"vol-1"}}
	}
	f.jobs["j-a"] = []string{"pending", "working", "successful"}
	f.jobs["j-b"] = []string{"working", "failed"}
	c := gen.New(tr)
	ctx := context.Background()
	var progress []string
	report := apiruntime.OnProgress(func(p apiruntime.Progress) { progress = append(progress, p.ID+" "+p.Status) })
	out, err := c.CreateVolumesAndWait(ctx, &gen.CreateVolumesParams{Size: 10, VolumeName: apiruntime.Ptr("a")}, apiruntime.PollInterval(2*time.Second), report)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"job j-a pending", "job j-a working"}; !slices.Equal(progress, want) {
		t.Errorf("progress %q, want %q", progress, want)
	}
	if out.JobID == nil || *out.JobID != "j-a" || len(out.Volumes) != 1 {
		t.Errorf("answer %+v", out)
	}
	if got := strings.Join(f.actions(), " "); got != "CreateVolumes DescribeJobs DescribeJobs DescribeJobs" {
		t.Errorf("actions %s", got)
	}
	if got := clk.Slept(); !slices.Equal(got, []time.Duration{2 * time.Second, 2 * time.Second}) {
		t.Errorf("slept %v, want two 2s polls", got)
	}
	_, err = c.CreateVolumesAndWait(ctx, &gen.CreateVolumesParams{Size: 10, VolumeName: apiruntime.Ptr("b")})
	var failed *JobFailedError
	if !errors.As(err, &failed) || failed.Job.JobID != "j-b" {
		t.Errorf("failed job: %v", err)
	}
	// Without AndWait nothing is polled.
	before := len(f.requests)
	if _, err := c.CreateVolumes(ctx, &gen.CreateVolumesParams{Size: 10, VolumeName: apiruntime.Ptr("a")}); err != nil || len(f.requests) != before+1 {
		t.Errorf("plain call: %v, %d requests", err, len(f.requests)-before)
	}
}

// WaitTimeout bounds the wait on the real clock: a job that never ends
// gives an error matching apiruntime.ErrWaitTimeout, not the caller's
// context error.
func TestGeneratedClientWaitTimeout(t *testing.T) {
	f, srv := newFakeCloud(t, time.Now)
	f.handle["CreateVolumes"] = func(url.Values) map[string]any { return map[string]any{"job_id": "j-slow"} }
	f.jobs["j-slow"] = []string{"working"}
	c := gen.New(New(srv.URL+"/iaas/", testKey, testSecret, "pek3a"))
	start := time.Now()
	_, err := c.CreateVolumesAndWait(context.Background(), &gen.CreateVolumesParams{Size: 10},
		apiruntime.PollInterval(10*time.Millisecond), apiruntime.WaitTimeout(100*time.Millisecond))
	var te *apiruntime.WaitTimeoutError
	if !errors.Is(err, apiruntime.ErrWaitTimeout) || !errors.As(err, &te) || te.ID != "job j-slow" {
		t.Fatalf("got %v, want a wait timeout on j-slow", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
	if n := len(f.requests); n < 3 {
		t.Errorf("%d requests, want the call and polls every 10ms", n)
	}
}
