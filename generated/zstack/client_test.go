package zstack_test

import (
	"context"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
	rt "github.com/apigen-dev/apigen/apiruntime/zstack"
	"github.com/apigen-dev/apigen/generated/zstack"
)

// fakeZStack answers like a ZStack management node: login, async jobs that
// run for two polls, a paged query, a failing job with a cause chain, and an
// expired job. Job locations name an internal host the client must rewrite.
type fakeZStack struct {
	t        *testing.T
	mu       sync.Mutex
	polls    map[string]int
	requests []string
}

const session = "5e55105e55105e55105e55105e551051"

func (f *fakeZStack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	if r.URL.Path != "/zstack/v1/accounts/login" && r.Header.Get("Authorization") != "OAuth "+session {
		w.WriteHeader(401)
		io.WriteString(w, `{"error":{"code":"ID.1001","description":"no session"}}`)
		return
	}
	job := func(id string) {
		w.WriteHeader(202)
		fmt.Fprintf(w, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/%s"}`, id)
	}
	switch {
	case r.URL.Path == "/zstack/v1/accounts/login":
		var in struct {
			LogInByAccount struct{ AccountName, Password string }
		}
		json.Unmarshal(body, &in)
		sum := sha512.Sum512([]byte("password"))
		if in.LogInByAccount.AccountName != "admin" || in.LogInByAccount.Password != hex.EncodeToString(sum[:]) {
			f.t.Errorf("login body %s", body)
		}
		fmt.Fprintf(w, `{"inventory":{"uuid":%q,"accountUuid":"36c27e8ff05c4780bf6d2fa65700f22e"}}`, session)
	case r.Method == "POST" && r.URL.Path == "/zstack/v1/zones":
		if string(body) != `{"params":{"description":"d","name":"zone1"}}` {
			f.t.Errorf("create body %s", body)
		}
		job("create")
	case r.Method == "PUT" && r.URL.Path == "/zstack/v1/zones/z1/actions":
		if string(body) != `{"changeZoneState":{"stateEvent":"disable"}}` {
			f.t.Errorf("action body %s", body)
		}
		job("fail")
	case r.Method == "DELETE" && r.URL.Path == "/zstack/v1/zones/z1":
		if r.URL.RawQuery != "deleteMode=Enforcing" {
			f.t.Errorf("delete query %q", r.URL.RawQuery)
		}
		job("gone")
	case strings.HasPrefix(r.URL.Path, "/zstack/v1/api-jobs/"):
		id := strings.TrimPrefix(r.URL.Path, "/zstack/v1/api-jobs/")
		f.polls[id]++
		switch {
		case id == "gone":
			w.WriteHeader(404)
		case f.polls[id] <= 2:
			w.WriteHeader(202)
			io.WriteString(w, `{}`)
		case id == "create":
			io.WriteString(w, `{"inventory":{"uuid":"z1","name":"zone1","state":"Enabled","isDefault":"false","createDate":"Jun 7, 2017 9:20:28 PM"}}`)
		case id == "fail":
			w.WriteHeader(503)
			io.WriteString(w, `{"error":{"code":"SYS.1006","description":"operation failed","details":"zone busy","cause":{"code":"HOST.1001","description":"host unreachable","cause":{"code":"SYS.1000","description":"timeout"}}}}`)
		}
	case r.Method == "GET" && r.URL.Path == "/zstack/v1/zones":
		q := r.URL.Query()
		if got := strings.Join(q["q"], "&"); got != "name~=zone%&state=Enabled" {
			f.t.Errorf("conditions %q", got)
		}
		if q.Get("replyWithCount") != "true" || q.Get("sort") != "-createDate" {
			f.t.Errorf("query %q", r.URL.RawQuery)
		}
		start, _ := strconv.Atoi(q.Get("start"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		var inv []string
		for i := start; i < start+limit && i < 250; i++ {
			inv = append(inv, fmt.Sprintf(`{"uuid":"z%d","name":"zone%d"}`, i, i))
		}
		fmt.Fprintf(w, `{"inventories":[%s],"total":"250"}`, strings.Join(inv, ","))
	default:
		f.t.Errorf("unexpected %s %s", r.Method, r.URL)
		w.WriteHeader(400)
	}
}

func TestZStackClient(t *testing.T) {
	fake := &fakeZStack{t: t, polls: map[string]int{}}
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
	if fake.polls["create"] != 3 {
		t.Errorf("polled %d times, want 2 running + 1 done", fake.polls["create"])
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
	if strings.Contains(err.Error(), session) {
		t.Errorf("session in error: %v", err)
	}

	// An expired job.
	err = c.DeleteZone(ctx, &zstack.DeleteZoneParams{UUID: "z1", DeleteMode: apiruntime.Ptr("Enforcing")})
	if !errors.Is(err, rt.ErrJobExpired) {
		t.Fatalf("expired job: %v", err)
	}

	// Validate catches every problem before anything is sent.
	before := len(fake.requests)
	_, err = c.ChangeZoneState(ctx, &zstack.ChangeZoneStateParams{StateEvent: "melt"})
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 || len(fake.requests) != before {
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
		if r.Header.Get("Authorization") != "OAuth "+session {
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
	tr.SetSession(session)
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
