// Package zstackfake is a fake ZStack management node for the tests of
// the generated ZStack client and CLI: login, async jobs, paged queries,
// a failing job with a cause chain, an expired job.
package zstackfake

import (
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// New returns a fake that reports what it did not expect through t.
func New(t testing.TB) *Server { return &Server{T: t, polls: map[string]int{}} }

// Polls is how often job id was polled.
func (f *Server) Polls(id string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.polls[id]
}

// Requests are the requests received, as "METHOD /path".
func (f *Server) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

// Reset forgets the requests and polls seen so far, so two runs of the
// same calls can be compared.
func (f *Server) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.polls, f.requests = map[string]int{}, nil
}

// Server answers like a ZStack management node: login, async jobs that
// run for two polls, a paged query, a failing job with a cause chain, and an
// expired job. Job locations name an internal host the client must rewrite.
type Server struct {
	T        testing.TB
	mu       sync.Mutex
	polls    map[string]int
	requests []string
}

// Session is the session uuid the fake's login hands out.
const Session = "5e55105e55105e55105e55105e551051"

func (f *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	if r.URL.Path != "/zstack/v1/accounts/login" && r.Header.Get("Authorization") != "OAuth "+Session {
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
			f.T.Errorf("login body %s", body)
		}
		fmt.Fprintf(w, `{"inventory":{"uuid":%q,"accountUuid":"36c27e8ff05c4780bf6d2fa65700f22e"}}`, Session)
	case r.Method == "DELETE" && r.URL.Path == "/zstack/v1/accounts/sessions/"+Session:
		io.WriteString(w, `{}`)
	case r.Method == "POST" && r.URL.Path == "/zstack/v1/zones":
		if string(body) != `{"params":{"description":"d","name":"zone1"}}` {
			f.T.Errorf("create body %s", body)
		}
		job("create")
	case r.Method == "PUT" && r.URL.Path == "/zstack/v1/zones/z1/actions":
		if string(body) != `{"changeZoneState":{"stateEvent":"disable"}}` {
			f.T.Errorf("action body %s", body)
		}
		job("fail")
	case r.Method == "DELETE" && r.URL.Path == "/zstack/v1/zones/z1":
		if r.URL.RawQuery != "deleteMode=Enforcing" {
			f.T.Errorf("delete query %q", r.URL.RawQuery)
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
			f.T.Errorf("conditions %q", got)
		}
		if q.Get("replyWithCount") != "true" || q.Get("sort") != "-createDate" {
			f.T.Errorf("query %q", r.URL.RawQuery)
		}
		start, _ := strconv.Atoi(q.Get("start"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		var inv []string
		for i := start; i < start+limit && i < 250; i++ {
			inv = append(inv, fmt.Sprintf(`{"uuid":"z%d","name":"zone%d"}`, i, i))
		}
		fmt.Fprintf(w, `{"inventories":[%s],"total":"250"}`, strings.Join(inv, ","))
	default:
		f.T.Errorf("unexpected %s %s", r.Method, r.URL)
		w.WriteHeader(400)
	}
}
