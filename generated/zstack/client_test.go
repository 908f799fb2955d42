package zstack_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
	rt "github.com/apigen-dev/apigen/apiruntime/zstack"
	"github.com/apigen-dev/apigen/generated/zstack"
	"github.com/apigen-dev/apigen/internal/zstackfake"
)

func TestZStackClient(t *testing.T) {
	fake := zstackfake.New(t)
	srv := httptest.NewServer(fake)
	defer srv.Close()
	tr := rt.New(srv.URL, rt.WithPollInterval(time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tr.LogInByAccount(ctx, "admin", "password"); err != nil {
		t.Fatal(err)
	}
	c := zstack.New(tr)

	// A create answers 202 and completes after two polls.
	created, err := c.CreateZone(ctx, &zstack.CreateZoneParams{Name: "zone1", Description: apiruntime.Ptr("d")})
	if err != nil {
		t.Fatal(err)
	}
	if fake.Polls("create") != 3 {
		t.Errorf("polled %d times, want 2 running + 1 done", fake.Polls("create"))
	}
	inv := created.Inventory
	if inv == nil || inv.UUID == nil || *inv.UUID != "z1" || bool(*inv.IsDefault) {
		t.Fatalf("inventory %+v", inv)
	}
	if want := time.Date(2017, 6, 7, 21, 20, 28, 0, time.UTC); !inv.CreateDate.Time.Equal(want) {
		t.Errorf("createDate %v, want %v", inv.CreateDate, want)
	}

	// A query with conditions, over three pages of 100.
	n := 0
	for z, err := range c.QueryZoneAll(ctx, &zstack.QueryZoneParams{
		Q:    rt.Conds(rt.Like("name", "zone%"), rt.Eq("state", "Enabled")),
		Sort: rt.SortDesc("createDate"),
	}) {
		if err != nil {
			t.Fatal(err)
		}
		if *z.UUID != fmt.Sprintf("z%d", n) {
			t.Fatalf("item %d is %s", n, *z.UUID)
		}
		n++
	}
	if n != 250 {
		t.Errorf("iterated %d zones, want 250", n)
	}

	// A failing job: the error carries ZStack's cause chain.
	_, err = c.ChangeZoneState(ctx, &zstack.ChangeZoneStateParams{UUID: "z1", StateEvent: "disable"})
	var zerr *rt.Error
	if !errors.As(err, &zerr) || zerr.Code != "SYS.1006" || zerr.Cause == nil || zerr.Cause.Code != "HOST.1001" {
		t.Fatalf("error %v", err)
	}
	if !errors.Is(err, &rt.Error{Code: "SYS.1000"}) {
		t.Errorf("root cause not reachable with errors.Is: %v", err)
	}
	if strings.Contains(err.Error(), zstackfake.Session) {
		t.Errorf("session in error: %v", err)
	}

	// An expired job.
	err = c.DeleteZone(ctx, &zstack.DeleteZoneParams{UUID: "z1", DeleteMode: apiruntime.Ptr("Enforcing")})
	if !errors.Is(err, rt.ErrJobExpired) {
		t.Fatalf("expired job: %v", err)
	}

	// Validate catches every problem before anything is sent.
	before := len(fake.Requests())
	_, err = c.ChangeZoneState(ctx, &zstack.ChangeZoneStateParams{StateEvent: "melt"})
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 || len(fake.Requests()) != before {
		t.Fatalf("validation: %v", err)
	}
}

// CreateZoneAndWait polls at the call's interval and gives up at its
// timeout with an error matching apiruntime.ErrWaitTimeout; extras reach
// the query, the headers and the body's top level, and one naming the
// session header is refused before anything is sent.
func TestZStackAndWaitAndExtras(t *testing.T) {
	var mu sync.Mutex
	var polls int
	var got *http.Request
	var gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "OAuth "+zstackfake.Session {
			t.Errorf("%s %s: Authorization %q", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		}
		if r.Method == "POST" {
			b, _ := io.ReadAll(r.Body)
			got, gotBody = r, string(b)
		} else {
			polls++
		}
		w.WriteHeader(202)
		io.WriteString(w, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/slow"}`)
	}))
	defer srv.Close()
	tr := rt.New(srv.URL, rt.WithPollInterval(time.Hour))
	tr.SetSession(zstackfake.Session)
	c := zstack.New(tr)
	_, err := c.CreateZoneAndWait(context.Background(), &zstack.CreateZoneParams{Name: "z"},
		apiruntime.PollInterval(5*time.Millisecond), apiruntime.WaitTimeout(60*time.Millisecond),
		apiruntime.ExtraParam("debug", "1"), apiruntime.ExtraHeader("X-Trace", "t1"),
		apiruntime.ExtraBodyField("systemTags", []string{"tag::a"}))
	if !errors.Is(err, apiruntime.ErrWaitTimeout) {
		t.Fatalf("got %v, want a wait timeout", err)
	}
	mu.Lock()
	if polls < 3 {
		t.Errorf("%d polls in 60ms at 5ms, want the call's interval, not the transport's hour", polls)
	}
	if got.URL.Query().Get("debug") != "1" || got.Header.Get("X-Trace") != "t1" || gotBody != `{"params":{"name":"z"},"systemTags":["tag::a"]}` {
		t.Errorf("extras not sent: query %q, header %q, body %s", got.URL.RawQuery, got.Header.Get("X-Trace"), gotBody)
	}
	got = nil
	mu.Unlock()
	for _, opt := range []apiruntime.CallOption{
		apiruntime.ExtraHeader("authorization", "OAuth stolen"),
		apiruntime.ExtraHeader("Date", "Mon, 01 Jan 2001 00:00:00 GMT"),
		apiruntime.ExtraBodyField("params", map[string]any{}),
	} {
		var xe *apiruntime.ExtraError
		if _, err := c.CreateZone(context.Background(), &zstack.CreateZoneParams{Name: "z"}, opt); !errors.As(err, &xe) {
			t.Errorf("extra refused? got %v", err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if got != nil {
		t.Errorf("a refused call was sent: %s", got.URL)
	}
}
