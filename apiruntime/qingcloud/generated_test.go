package qingcloud

import (
	"context"
	"errors"
	"net/url"
	"testing"

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
