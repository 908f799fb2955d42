package cloudtower

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestAll(t *testing.T) {
	f, srv := newFakeTower(t)
	f.vms = []string{"vm1", "vm2", "vm3", "vm4", "vm5"}
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	var calls []string
	fetch := func(ctx context.Context, first, skip int) ([]string, error) {
		calls = append(calls, fmt.Sprintf("first=%d skip=%d", first, skip))
		var page []string
		err := tr.Do(ctx, &apiruntime.Request{Operation: "GetVms", Path: "/get-vms", Body: map[string]int{"first": first, "skip": skip}, Auth: true}, &page)
		return page, err
	}
	var got []string
	for vm, err := range All(context.Background(), 2, fetch) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, vm)
	}
	if !slices.Equal(got, f.vms) {
		t.Errorf("items = %v", got)
	}
	// Three pages, the last one short: no fourth call.
	if want := []string{"first=2 skip=0", "first=2 skip=2", "first=2 skip=4"}; !slices.Equal(calls, want) {
		t.Errorf("calls = %v, want %v", calls, want)
	}

	calls = nil
	for vm := range All(context.Background(), 2, fetch) {
		if vm == "vm3" {
			break
		}
	}
	if len(calls) != 2 {
		t.Errorf("break after the first item of page 2: %d calls, want 2", len(calls))
	}
}

func TestAllError(t *testing.T) {
	boom := errors.New("boom")
	var n int
	for _, err := range All(context.Background(), 2, func(ctx context.Context, first, skip int) ([]int, error) {
		if skip > 0 {
			return nil, boom
		}
		return []int{1, 2}, nil
	}) {
		n++
		if err != nil {
			if !errors.Is(err, boom) {
				t.Errorf("err = %v", err)
			}
			break
		}
	}
	if n != 3 {
		t.Errorf("%d yields, want 2 items and the error", n)
	}
}
