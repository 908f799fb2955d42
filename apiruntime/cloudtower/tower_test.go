package cloudtower

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fakeTower is a CloudTower answering the handful of calls the tests make,
// in the spec's shapes, under /v2/api.
type fakeTower struct {
	t     *testing.T
	token string

	mu       sync.Mutex
	requests []*recorded
	// tasks gives each task's status per poll; the last one repeats.
	tasks map[string][]Task
	polls map[string]int
	vms   []string
}

type recorded struct {
	path   string
	header http.Header
	body   []byte
}

func newFakeTower(t *testing.T) (*fakeTower, *httptest.Server) {
	f := &fakeTower{t: t, token: "tok-123", tasks: map[string][]Task{}, polls: map[string]int{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeTower) recorded(path string) []*recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*recorded
	for _, r := range f.requests {
		if r.path == path {
			out = append(out, r)
		}
	}
	return out
}

func (f *fakeTower) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	path := strings.TrimPrefix(r.URL.Path, "/v2/api")
	f.requests = append(f.requests, &recorded{path: path, header: r.Header.Clone(), body: body})
	if r.Method != http.MethodPost {
		f.t.Errorf("%s %s: CloudTower calls are POSTs", r.Method, r.URL.Path)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("x-tower-request-id", "req-"+path)
	if path == "/login" {
		var in map[string]string
		_ = json.Unmarshal(body, &in)
		if in["password"] != "secret" {
			// Echo the input, as ErrorBody.props may, to prove Login redacts it.
			// Unescaped, as a Node server writes it.
			w.WriteHeader(http.StatusBadRequest)
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(map[string]any{
				"message": "wrong password " + in["password"], "status": 400, "path": "/login",
				"props": in,
			})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"task_id": nil, "data": map[string]any{"token": f.token}})
		return
	}
	if r.Header.Get("Authorization") != f.token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "unauthorized", "status": 401, "path": path})
		return
	}
	switch path {
	case "/create-vm":
		writeJSON(w, http.StatusOK, []map[string]any{
			{"task_id": "t1", "data": map[string]any{"id": "vm1"}},
			{"task_id": "t2", "data": map[string]any{"id": "vm2"}},
		})
	case "/get-tasks":
		var in struct {
			Where struct {
				IDIn []string `json:"id_in"`
			} `json:"where"`
		}
		if err := json.Unmarshal(body, &in); err != nil {
			f.t.Errorf("get-tasks body %s: %v", body, err)
		}
		out := []Task{}
		for _, id := range in.Where.IDIn {
			seq, ok := f.tasks[id]
			if !ok {
				continue
			}
			n := min(f.polls[id], len(seq)-1)
			f.polls[id]++
			task := seq[n]
			task.ID = id
			out = append(out, task)
		}
		writeJSON(w, http.StatusOK, out)
	case "/get-vms":
		var in struct{ First, Skip int }
		_ = json.Unmarshal(body, &in)
		lo, hi := min(in.Skip, len(f.vms)), min(in.Skip+in.First, len(f.vms))
		writeJSON(w, http.StatusOK, f.vms[lo:hi])
	case "/locked":
		writeJSON(w, http.StatusBadRequest, map[string]any{
			"code": "ResourceLocked", "message": "vm vm1 is locked", "status": 400,
			"path": "/locked", "operationName": "Locked", "stack": "Error: at internal.js:1",
		})
	case "/plain-error":
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, `"bad request"`)
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "no route " + path, "status": 404, "path": path})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
