package zstack_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
	rt "github.com/apigen-dev/apigen/apiruntime/zstack"
	"github.com/apigen-dev/apigen/generated/zstack"
	"github.com/apigen-dev/apigen/internal/zstackfake"
)

// A group's AndWait and iterator go through the family's job polling and
// paging exactly as the flat methods do: the same requests, polls and
// answers, the same typed error.
func TestZStackGroupsLikeFlatMethods(t *testing.T) {
	fake := zstackfake.New(t)
	srv := httptest.NewServer(fake)
	defer srv.Close()
	tr := rt.New(srv.URL, rt.WithPollInterval(time.Millisecond))
	tr.SetSession(zstackfake.Session)
	c := zstack.New(tr)
	ctx := context.Background()

	type run struct {
		created  *zstack.CreateZoneReply
		failed   string
		zones    int
		requests []string
		polls    int
	}
	do := func(grouped bool) run {
		fake.Reset()
		var r run
		var err error
		create := &zstack.CreateZoneParams{Name: "zone1", Description: apiruntime.Ptr("d")}
		change := &zstack.ChangeZoneStateParams{UUID: "z1", StateEvent: "disable"}
		query := &zstack.QueryZoneParams{Q: rt.Conds(rt.Like("name", "zone%"), rt.Eq("state", "Enabled")), Sort: rt.SortDesc("createDate")}
		if grouped {
			r.created, err = c.Zones.CreateAndWait(ctx, create)
			_, cerr := c.Zones.ChangeState(ctx, change)
			r.failed = errCode(cerr)
			for _, err := range c.Zones.QueryAll(ctx, query) {
				if err != nil {
					t.Fatal(err)
				}
				r.zones++
			}
		} else {
			r.created, err = c.CreateZoneAndWait(ctx, create)
			_, cerr := c.ChangeZoneState(ctx, change)
			r.failed = errCode(cerr)
			for _, err := range c.QueryZoneAll(ctx, query) {
				if err != nil {
					t.Fatal(err)
				}
				r.zones++
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		r.requests, r.polls = fake.Requests(), fake.Polls("create")
		return r
	}
	flat, grouped := do(false), do(true)
	if !reflect.DeepEqual(flat, grouped) {
		t.Errorf("flat and grouped differ\n flat    %+v\n grouped %+v", flat, grouped)
	}
	if flat.polls != 3 || flat.zones != 250 || flat.failed != "SYS.1006" || *flat.created.Inventory.UUID != "z1" {
		t.Errorf("the calls did not do what they should: %+v", flat)
	}
}

func errCode(err error) string {
	var zerr *rt.Error
	if errors.As(err, &zerr) {
		return zerr.Code
	}
	return "no ZStack error"
}
