package zstack_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/zstack"
)

const (
	session = "5d77893e242d39ec8b9856a7b8762eab"
	// sha512("password"), as printed in the manual's login example.
	passwordHash = "b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86"
)

// call is one request the fake ZStack received.
type call struct {
	Method, Path, Query, Auth, Body string
}

// fake is a ZStack management node: route answers "METHOD /path" and
// every request is recorded.
type fake struct {
	mu    sync.Mutex
	calls []call
	route func(r *http.Request, body string) (status int, answer string)
	// header, when set, adds answer headers.
	header http.Header
}

func newFake(t *testing.T, route func(r *http.Request, body string) (int, string)) (*fake, *httptest.Server) {
	t.Helper()
	f := &fake{route: route}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.calls = append(f.calls, call{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("Authorization"), string(b)})
		f.mu.Unlock()
		status, answer := f.route(r, string(b))
		f.mu.Lock()
		for k, vs := range f.header {
			w.Header()[k] = vs
		}
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fake) recorded() []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]call(nil), f.calls...)
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestLogInByAccountThenOAuth(t *testing.T) {
	f, srv := newFake(t, func(r *http.Request, body string) (int, string) {
		switch r.Method + " " + r.URL.Path {
		case "PUT /zstack/v1/accounts/login":
			return 200, `{"inventory":{"uuid":"` + session + `","accountUuid":"36c27e8ff05c4780bf6d2fa65700f22e","expiredDate":"Nov 14, 2017 10:20:57 PM"}}`
		case "GET /zstack/v1/zones/f3fa":
			return 200, `{"inventory":{"uuid":"f3fa","name":"zone1","createDate":"Jan 6, 2017 3:51:16 AM"}}`
		case "DELETE /zstack/v1/accounts/sessions/" + session:
			return 200, `{}`
		}
		return 404, ""
	})
	tr := zstack.New(srv.URL, zstack.WithPollInterval(time.Millisecond))
	ctx := testCtx(t)
	if err := tr.LogInByAccount(ctx, "admin", "password"); err != nil {
		t.Fatal(err)
	}
	if tr.Session() != session {
		t.Fatalf("session %q", tr.Session())
	}
	var zone struct {
		Inventory struct {
			Name       string          `json:"name"`
			CreateDate apiruntime.Time `json:"createDate"`
		} `json:"inventory"`
	}
	err := tr.Do(ctx, &apiruntime.Request{Operation: "QueryZone", Method: "GET", Path: apiruntime.Path("/zstack/v1/zones/{uuid}", "uuid", "f3fa"), Auth: true}, &zone)
	if err != nil {
		t.Fatal(err)
	}
	if zone.Inventory.Name != "zone1" || !zone.Inventory.CreateDate.Equal(time.Date(2017, 1, 6, 3, 51, 16, 0, time.UTC)) {
		t.Errorf("zone %+v", zone.Inventory)
	}
	if err := tr.LogOut(ctx); err != nil {
		t.Fatal(err)
	}
	if tr.Session() != "" {
		t.Error("session kept after LogOut")
	}

	calls := f.recorded()
	if len(calls) != 3 {
		t.Fatalf("calls %+v", calls)
	}
	var login struct {
		LogInByAccount map[string]string `json:"logInByAccount"`
	}
	if err := json.Unmarshal([]byte(calls[0].Body), &login); err != nil {
		t.Fatal(err)
	}
	if got := login.LogInByAccount; got["accountName"] != "admin" || got["password"] != passwordHash || len(got) != 2 {
		t.Errorf("login body %s", calls[0].Body)
	}
	if calls[0].Auth != "" {
		t.Errorf("login sent Authorization %q", calls[0].Auth)
	}
	if calls[1].Auth != "OAuth "+session {
		t.Errorf("later call sent Authorization %q", calls[1].Auth)
	}
	if calls[2].Method != "DELETE" || calls[2].Path != "/zstack/v1/accounts/sessions/"+session {
		t.Errorf("logout %+v", calls[2])
	}
}

func TestNoCredentials(t *testing.T) {
	f, srv := newFake(t, func(*http.Request, string) (int, string) { return 200, `{}` })
	tr := zstack.New(srv.URL)
	err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "QueryZone", Path: "/zstack/v1/zones", Auth: true}, nil)
	if err == nil || !strings.Contains(err.Error(), "QueryZone: not authenticated") {
		t.Errorf("err %v", err)
	}
	if len(f.recorded()) != 0 {
		t.Error("a request went out without credentials")
	}
}

func TestAsyncJobCompletesAfterTwoPolls(t *testing.T) {
	polls := 0
	f, srv := newFake(t, func(r *http.Request, body string) (int, string) {
		switch r.Method + " " + r.URL.Path {
		case "PUT /zstack/v1/clusters/c1/actions":
			// The server names itself by an address the client cannot reach.
			return 202, `{"apiTimeout":43200000,"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/x"}`
		case "GET /zstack/v1/api-jobs/x":
			polls++
			if polls < 2 {
				return 202, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/x"}`
			}
			return 200, `{"inventory":{"uuid":"c1","state":"Disabled","lastOpDate":"Jun 7, 2017 9:20:28 PM"}}`
		}
		return 404, ""
	})
	tr := zstack.New(srv.URL, zstack.WithPollInterval(time.Millisecond))
	tr.SetSession(session)
	body := apiruntime.JSONBody{}
	body.Set("changeClusterState", "stateEvent", "disable")
	var out struct {
		Inventory struct {
			State      string          `json:"state"`
			LastOpDate apiruntime.Time `json:"lastOpDate"`
		} `json:"inventory"`
	}
	err := tr.Do(testCtx(t), &apiruntime.Request{
		Operation: "ChangeClusterState", Method: "PUT",
		Path: apiruntime.Path("/zstack/v1/clusters/{uuid}/actions", "uuid", "c1"),
		Body: body, Auth: true,
	}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.Inventory.State != "Disabled" || out.Inventory.LastOpDate.Hour() != 21 {
		t.Errorf("out %+v", out.Inventory)
	}
	calls := f.recorded()
	if len(calls) != 3 || polls != 2 {
		t.Fatalf("calls %+v, polls %d", calls, polls)
	}
	if calls[0].Body != `{"changeClusterState":{"stateEvent":"disable"}}` {
		t.Errorf("action body %s", calls[0].Body)
	}
	for _, c := range calls {
		if c.Auth != "OAuth "+session {
			t.Errorf("%s %s: Authorization %q", c.Method, c.Path, c.Auth)
		}
	}
}

func TestAsyncLocationHeaderAndEndpointForms(t *testing.T) {
	for _, tc := range []struct{ endpoint, path string }{
		{"", "/zstack/v1/zones"},
		{"/zstack", "zstack/v1/zones"},
		{"/zstack/", "/v1/zones"},
		{"/zstack/v1", "/v1/zones"},
	} {
		f, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
			if r.URL.Path == "/zstack/v1/zones" {
				return 202, `{}`
			}
			if r.URL.Path == "/zstack/v1/api-jobs/j1" {
				return 200, `{"inventory":{"name":"z"}}`
			}
			return 404, ""
		})
		// The location comes as a header only, and without the context path.
		f.mu.Lock()
		f.header = http.Header{"Location": {"http://localhost:8080/v1/api-jobs/j1"}}
		f.mu.Unlock()
		tr := zstack.New(srv.URL+tc.endpoint, zstack.WithPollInterval(time.Millisecond))
		tr.SetSession(session)
		var out struct{ Inventory struct{ Name string } }
		err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "CreateZone", Method: "POST", Path: tc.path, Body: apiruntime.JSONBody{"params": map[string]string{"name": "z"}}, Auth: true}, &out)
		if err != nil || out.Inventory.Name != "z" {
			t.Errorf("endpoint %q path %q: %v %+v", tc.endpoint, tc.path, err, out)
		}
	}
	// Without a scheme, http is assumed.
	_, srv := newFake(t, func(*http.Request, string) (int, string) { return 200, `{}` })
	tr := zstack.New(strings.TrimPrefix(srv.URL, "http://"))
	if err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "Q", Path: "/zstack/v1/zones"}, nil); err != nil {
		t.Errorf("scheme-less endpoint: %v", err)
	}
	if err := zstack.New("ftp://x").Do(testCtx(t), &apiruntime.Request{Operation: "Q", Path: "/v1/zones"}, nil); err == nil || !strings.Contains(err.Error(), "bad endpoint") {
		t.Errorf("bad endpoint: %v", err)
	}
}

const jobFailure = `{"error":{"code":"SYS.1006","description":"An operation failed","details":"unable to start vm; session[uuid:` + session + `]",
 "elaboration":"错误信息: 物理机连接超时","opaque":{"k":"v"},
 "cause":{"code":"HOST.1001","description":"host unreachable","details":"ssh port 22 of 10.0.231.23 not open",
  "cause":{"code":"SYS.1001","description":"A message or a operation timeout","details":"timeout after 300s"}}}}`

func TestAsyncJobFailureCauseChain(t *testing.T) {
	_, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
		if r.Method == "PUT" {
			return 202, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/failing"}`
		}
		return 503, jobFailure
	})
	tr := zstack.New(srv.URL, zstack.WithPollInterval(time.Millisecond))
	tr.SetSession(session)
	err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "StartVmInstance", Method: "PUT", Path: "/zstack/v1/vm-instances/v1/actions", Body: apiruntime.JSONBody{"startVmInstance": map[string]any{}}, Auth: true}, nil)

	var ze *zstack.Error
	if !errors.As(err, &ze) {
		t.Fatalf("err %T %v, want *zstack.Error", err, err)
	}
	if ze.StatusCode != 503 || ze.Code != "SYS.1006" || ze.JobUUID != "failing" || ze.Operation != "StartVmInstance" {
		t.Errorf("top error %+v", ze)
	}
	if ze.Cause == nil || ze.Cause.Code != "HOST.1001" || ze.Cause.Cause == nil || ze.Cause.Cause.Code != "SYS.1001" {
		t.Fatalf("cause chain %+v", ze.Cause)
	}
	if string(ze.Opaque) != `{"k":"v"}` || !strings.Contains(ze.Elaboration, "物理机") {
		t.Errorf("opaque %s elaboration %q", ze.Opaque, ze.Elaboration)
	}
	// errors.Is walks the chain by code.
	for _, code := range []string{"SYS.1006", "HOST.1001", "SYS.1001"} {
		if !errors.Is(err, &zstack.Error{Code: code}) {
			t.Errorf("errors.Is misses %s", code)
		}
	}
	if errors.Is(err, &zstack.Error{Code: "VM.1000"}) {
		t.Error("errors.Is matched an absent code")
	}
	// errors.As on the cause finds the root.
	root := ze.Cause.Cause
	var found *zstack.Error
	if !errors.As(errors.Unwrap(errors.Unwrap(err)), &found) || found != root {
		t.Error("Unwrap does not reach the root cause")
	}
	if errors.Unwrap(root) != nil {
		t.Error("root Unwrap must be a nil error")
	}
	msg := err.Error()
	for _, want := range []string{"StartVmInstance", "HTTP 503", "SYS.1006", "caused by HOST.1001", "timeout after 300s"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, session) || strings.Contains(ze.Details, session) {
		t.Errorf("session uuid in error %q", msg)
	}
}

func TestSyncErrors(t *testing.T) {
	_, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
		switch r.URL.Path {
		case "/zstack/v1/bad":
			return 400, `{"error":{"code":"SYS.1007","description":"One or more API argument is invalid","details":"missing uuid"}}`
		case "/zstack/v1/proxy":
			return 502, `<html>Bad Gateway</html>`
		case "/zstack/v1/ok-but-error":
			return 200, `{"error":{"code":"VM.1000","description":"bad state"},"inventory":null}`
		case "/zstack/v1/batch":
			return 200, `{"results":[{"error":{"code":"X.1","description":"inner"},"success":false}],"success":true}`
		}
		return 404, ""
	})
	tr := zstack.New(srv.URL)
	tr.SetSession(session)
	do := func(p string, out any) error {
		return tr.Do(testCtx(t), &apiruntime.Request{Operation: "Op", Path: p, Auth: true}, out)
	}
	var ze *zstack.Error
	if err := do("/zstack/v1/bad", nil); !errors.As(err, &ze) || ze.StatusCode != 400 || ze.Code != "SYS.1007" || ze.JobUUID != "" {
		t.Errorf("400: %v", err)
	}
	var ae *apiruntime.APIError
	if err := do("/zstack/v1/proxy", nil); !errors.As(err, &ae) || ae.StatusCode != 502 || errors.As(err, &ze) && ze.StatusCode == 502 {
		t.Errorf("502: %T %v", err, err)
	}
	if err := do("/zstack/v1/ok-but-error", nil); !errors.As(err, &ze) || ze.Code != "VM.1000" || ze.StatusCode != 200 {
		t.Errorf("200 with error: %v", err)
	}
	// Errors inside a batch's results are data, not a failed call.
	var batch struct{ Results []struct{ Success bool } }
	if err := do("/zstack/v1/batch", &batch); err != nil || len(batch.Results) != 1 {
		t.Errorf("batch: %v %+v", err, batch)
	}
}

func TestAsyncJobExpired(t *testing.T) {
	_, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
		if r.Method == "DELETE" {
			return 202, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/gone"}`
		}
		return 404, ""
	})
	tr := zstack.New(srv.URL, zstack.WithPollInterval(time.Millisecond))
	tr.SetSession(session)
	err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "DeleteCluster", Method: "DELETE", Path: "/zstack/v1/clusters/c1", Auth: true}, nil)
	if !errors.Is(err, zstack.ErrJobExpired) {
		t.Fatalf("err %v, want ErrJobExpired", err)
	}
	var je *zstack.JobExpiredError
	if !errors.As(err, &je) || je.JobUUID != "gone" || je.Operation != "DeleteCluster" {
		t.Errorf("JobExpiredError %+v", je)
	}
}

func TestAsyncPollingHonoursContext(t *testing.T) {
	f, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
		return 202, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/slow"}`
	})
	tr := zstack.New(srv.URL, zstack.WithPollInterval(5*time.Millisecond))
	tr.SetSession(session)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := tr.Do(ctx, &apiruntime.Request{Operation: "CreateVmInstance", Method: "POST", Path: "/zstack/v1/vm-instances", Body: apiruntime.JSONBody{}, Auth: true}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v, want DeadlineExceeded", err)
	}
	if !strings.Contains(err.Error(), "waiting for job slow") {
		t.Errorf("message %q", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v", d)
	}
	if n := len(f.recorded()); n < 3 {
		t.Errorf("only %d requests: polling did not repeat", n)
	}
}

func TestQueryConditions(t *testing.T) {
	f, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
		return 200, `{"inventories":[{"name":"vm1","memorySize":"17179869184","createDate":"Sep 15, 2021 2:22:29 PM"}],"total":252}`
	})
	tr := zstack.New(srv.URL)
	tr.SetSession(session)
	// What a generated QueryVmInstance builds from its params.
	q := url.Values{}
	apiruntime.AddQuery(q, "q", zstack.Conds(zstack.Eq("name", "vm1"), zstack.Ne("state", "Stopped")))
	apiruntime.AddQuery(q, "limit", apiruntime.Ptr(20))
	apiruntime.AddQuery(q, "start", apiruntime.Ptr(40))
	apiruntime.AddQuery(q, "replyWithCount", apiruntime.Ptr(true))
	apiruntime.AddQuery(q, "sort", zstack.SortDesc("createDate"))
	apiruntime.AddQuery(q, "fields", []string{"name", "uuid"})
	apiruntime.AddQuery(q, "count", (*bool)(nil))
	var out struct {
		Inventories []struct {
			Name       string           `json:"name"`
			MemorySize apiruntime.Int64 `json:"memorySize"`
			CreateDate apiruntime.Time  `json:"createDate"`
		} `json:"inventories"`
		Total int `json:"total"`
	}
	err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "QueryVmInstance", Method: "GET", Path: "/zstack/v1/vm-instances", Query: q, Auth: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := url.ParseQuery(f.recorded()[0].Query)
	want := url.Values{
		"q":              {"name=vm1", "state!=Stopped"},
		"limit":          {"20"},
		"start":          {"40"},
		"replyWithCount": {"true"},
		"sort":           {"-createDate"},
		"fields":         {"name", "uuid"},
	}
	if got.Encode() != want.Encode() {
		t.Errorf("query\n got %s\nwant %s", got.Encode(), want.Encode())
	}
	if out.Total != 252 || out.Inventories[0].MemorySize != 17179869184 || out.Inventories[0].CreateDate.Hour() != 14 {
		t.Errorf("out %+v", out)
	}
}

func TestCondBuilders(t *testing.T) {
	cases := map[zstack.Cond]string{
		zstack.Eq("name", "vm1"):              "name=vm1",
		zstack.Ne("state", "Stopped"):         "state!=Stopped",
		zstack.Gt("cpuNum", 4):                "cpuNum>4",
		zstack.Ge("memorySize", int64(1)<<30): "memorySize>=1073741824",
		zstack.Lt("totalCapacity", 2000):      "totalCapacity<2000",
		zstack.Le("vmNics.deviceId", 0):       "vmNics.deviceId<=0",
		zstack.In("uuid", "a", "b"):           "uuid?=a,b",
		zstack.In("uuid", []string{"c"}...):   "uuid?=c",
		zstack.NotIn("name", "VM1", "VM2"):    "name!?=VM1,VM2",
		zstack.Like("name", "%vm%"):           "name~=%vm%",
		zstack.NotLike("name", "IntelCore_7"): "name!~=IntelCore_7",
		zstack.IsNull("x"):                    "x is null",
		zstack.NotNull("vmInstanceUuid"):      "vmInstanceUuid not null",
	}
	for c, want := range cases {
		if string(c) != want {
			t.Errorf("got %q, want %q", c, want)
		}
	}
	if got := zstack.Conds(zstack.Eq("a", 1), zstack.IsNull("b")); len(got) != 2 || got[0] != "a=1" || got[1] != "b is null" {
		t.Errorf("Conds = %q", got)
	}
	if *zstack.SortAsc("createDate") != "+createDate" || *zstack.SortDesc("name") != "-name" {
		t.Error("sort helpers")
	}
}

func TestServerVersionRefusesNewerAPIs(t *testing.T) {
	f, srv := newFake(t, func(*http.Request, string) (int, string) { return 200, `{}` })
	tr := zstack.New(srv.URL, zstack.WithServerVersion("4.8.0"))
	tr.SetSession(session)
	err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "CreatePriceTable", Method: "POST", Path: "/zstack/v1/billings/price-tables", Since: "5.0.0", Auth: true}, nil)
	var uv *apiruntime.UnsupportedVersionError
	if !errors.As(err, &uv) || len(f.recorded()) != 0 {
		t.Errorf("err %v, requests %d", err, len(f.recorded()))
	}
}

func TestHashPassword(t *testing.T) {
	if got := zstack.HashPassword("password"); got != passwordHash {
		t.Errorf("got %s", got)
	}
}
