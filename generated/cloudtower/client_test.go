package cloudtower_test

import (
	"context"
	"encoding/json"
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
	rt "github.com/apigen-dev/apigen/apiruntime/cloudtower"
	"github.com/apigen-dev/apigen/generated/cloudtower"
)

// fakeTower answers like CloudTower under /v2/api: login, create-vm returning
// WithTask items, and get-tasks whose answers follow a script per task id.
type fakeTower struct {
	t      *testing.T
	mu     sync.Mutex
	script map[string][]string // statuses per task id; the last one repeats
	bodies map[string]string
}

func (f *fakeTower) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	path := strings.TrimPrefix(r.URL.Path, "/v2/api")
	f.bodies[path] = string(body)
	w.Header().Set("Content-Type", "application/json")
	if path != "/login" && r.Header.Get("Authorization") != "tok-1" {
		w.WriteHeader(401)
		io.WriteString(w, `{"message":"unauthorized"}`)
		return
	}
	switch path {
	case "/login":
		io.WriteString(w, `{"task_id":null,"data":{"token":"tok-1"}}`)
	case "/create-vm":
		var in []map[string]any
		json.Unmarshal(body, &in)
		var out []string
		for i, vm := range in {
			out = append(out, fmt.Sprintf(`{"task_id":"task-%s","data":{"id":"vm-%d","name":%q,"vcpu":%.0f,"memory":%.0f,"status":"STOPPED"}}`, vm["name"], i, vm["name"], vm["vcpu"], vm["memory"]))
		}
		fmt.Fprintf(w, "[%s]", strings.Join(out, ","))
	case "/get-tasks":
		var in struct {
			Where struct {
				IDIn []string `json:"id_in"`
			} `json:"where"`
		}
		json.Unmarshal(body, &in)
		var out []string
		for _, id := range in.Where.IDIn {
			s := f.script[id]
			status := s[0]
			if len(s) > 1 {
				f.script[id] = s[1:]
			}
			out = append(out, fmt.Sprintf(`{"id":%q,"status":%q,"error_code":"VM_CREATE_FAILED","error_message":"no host fits"}`, id, status))
		}
		fmt.Fprintf(w, "[%s]", strings.Join(out, ","))
	default:
		w.WriteHeader(404)
	}
}

func newTower(t *testing.T) (*fakeTower, *rt.Transport, *cloudtower.Client) {
	f := &fakeTower{t: t, script: map[string][]string{}, bodies: map[string]string{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	tr := rt.New(srv.URL+"/v2/api", rt.WithLanguage("zh-CN"))
	if err := tr.Login(context.Background(), "admin", "hunter2"); err != nil {
		t.Fatal(err)
	}
	if got := f.bodies["/login"]; got != `{"username":"admin","password":"hunter2","source":"LOCAL"}` {
		t.Errorf("login body %s", got)
	}
	return f, tr, cloudtower.New(tr)
}

func createVM(t *testing.T, c *cloudtower.Client, name string) []string {
	res, err := c.CreateVM(context.Background(), &cloudtower.CreateVMParams{Body: []cloudtower.VMCreationParams{
		{ClusterID: "c1", Name: name, Vcpu: 2, Memory: 4 << 30},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Data.Name != name || res[0].Data.Status != cloudtower.VMStatusStopped {
		t.Fatalf("create answer %+v", res)
	}
	return rt.TaskIDs(res, func(w cloudtower.WithTaskVM) string { id, _ := w.TaskID.Get(); return id })
}

func TestCreateVMAndWait(t *testing.T) {
	f, tr, c := newTower(t)
	ids := createVM(t, c, "web")
	f.script["task-web"] = []string{"PENDING", "EXECUTING", "SUCCESSED"}
	if err := tr.WaitTasks(context.Background(), ids, rt.WithInterval(time.Millisecond)); err != nil {
		t.Fatalf("wait: %v", err)
	}
	if len(f.script["task-web"]) != 1 {
		t.Errorf("not every status was polled: %v", f.script["task-web"])
	}
}

func TestFailingTask(t *testing.T) {
	f, tr, c := newTower(t)
	ids := createVM(t, c, "db")
	f.script["task-db"] = []string{"EXECUTING", "FAILED"}
	err := tr.WaitTasks(context.Background(), ids, rt.WithInterval(time.Millisecond))
	var failed *rt.TaskFailedError
	if !errors.As(err, &failed) || failed.TaskID != "task-db" || !strings.Contains(err.Error(), "no host fits") {
		t.Fatalf("failing task: %v", err)
	}
}

func TestTaskTimeout(t *testing.T) {
	f, tr, c := newTower(t)
	ids := createVM(t, c, "slow")
	f.script["task-slow"] = []string{"EXECUTING"}
	err := tr.WaitTasks(context.Background(), ids, rt.WithInterval(time.Millisecond), rt.WithTimeout(30*time.Millisecond))
	var timeout *rt.TaskTimeoutError
	if !errors.As(err, &timeout) || len(timeout.IDs) != 1 || timeout.IDs[0] != "task-slow" {
		t.Fatalf("timeout: %v", err)
	}
}

// A filter written the way the docs write it serialises to exactly the JSON
// the spec describes: a nested cluster id_in inside an OR.
func TestWhereFilterJSON(t *testing.T) {
	body := cloudtower.GetVMsRequestBody{
		Where: &cloudtower.VMWhereInput{
			Or: []cloudtower.VMWhereInput{
				{Cluster: &cloudtower.ClusterWhereInput{IDIn: []string{"c1", "c2"}}},
				{NameContains: apiruntime.Ptr("web"), VcpuGt: apiruntime.Ptr[int32](2)},
			},
			Not: []cloudtower.VMWhereInput{{StatusIn: []cloudtower.VMStatus{cloudtower.VMStatusDeleted}}},
		},
		First: apiruntime.Ptr[int32](10),
	}
	got, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"where":{"OR":[{"cluster":{"id_in":["c1","c2"]}},{"name_contains":"web","vcpu_gt":2}],"NOT":[{"status_in":["DELETED"]}]},"first":10}`
	if string(got) != want {
		t.Errorf("where JSON\n got %s\nwant %s", got, want)
	}
}

// A client told the server's version refuses, before sending, a call that
// appeared in a later release.
func TestUnsupportedVersion(t *testing.T) {
	sent := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent = true }))
	defer srv.Close()
	c := cloudtower.New(rt.New(srv.URL, rt.WithToken("t"), rt.WithServerVersion("1.0.0")))
	_, err := c.CreateVM(context.Background(), &cloudtower.CreateVMParams{Body: []cloudtower.VMCreationParams{{ClusterID: "c", Name: "n"}}})
	var uv *apiruntime.UnsupportedVersionError
	if !errors.As(err, &uv) || uv.Since != "2.0.0" || sent {
		t.Fatalf("want an UnsupportedVersionError for CreateVm (since 2.0.0) on a 1.0.0 server, got %v (sent %v)", err, sent)
	}
}

// CreateVMAndWait is one call: it creates, then waits on the task ids of
// the answer at the call's interval; a failed task is its error and a
// task outliving WaitTimeout matches apiruntime.ErrWaitTimeout. An extra
// Authorization cannot replace the token.
func TestGeneratedAndWait(t *testing.T) {
	f, _, c := newTower(t)
	ctx := context.Background()
	vm := func(name string) *cloudtower.CreateVMParams {
		return &cloudtower.CreateVMParams{Body: []cloudtower.VMCreationParams{{ClusterID: "c1", Name: name, Vcpu: 2, Memory: 4 << 30}}}
	}
	f.script["task-web"] = []string{"PENDING", "EXECUTING", "SUCCESSED"}
	res, err := c.CreateVMAndWait(ctx, vm("web"), apiruntime.PollInterval(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Data.Name != "web" {
		t.Errorf("answer %+v", res)
	}
	if len(f.script["task-web"]) != 1 {
		t.Errorf("not every status was polled: %v", f.script["task-web"])
	}
	f.script["task-db"] = []string{"EXECUTING", "FAILED"}
	var failed *rt.TaskFailedError
	if _, err := c.CreateVMAndWait(ctx, vm("db"), apiruntime.PollInterval(time.Millisecond)); !errors.As(err, &failed) || failed.TaskID != "task-db" {
		t.Errorf("failing task: %v", err)
	}
	f.script["task-slow"] = []string{"EXECUTING"}
	_, err = c.CreateVMAndWait(ctx, vm("slow"), apiruntime.PollInterval(time.Millisecond), apiruntime.WaitTimeout(30*time.Millisecond))
	if !errors.Is(err, apiruntime.ErrWaitTimeout) {
		t.Errorf("timeout: %v", err)
	}
	var xe *apiruntime.ExtraError
	if _, err := c.CreateVM(ctx, vm("x"), apiruntime.ExtraHeader("Authorization", "tok-evil")); !errors.As(err, &xe) || !xe.Credential {
		t.Errorf("extra Authorization: %v", err)
	}
}
