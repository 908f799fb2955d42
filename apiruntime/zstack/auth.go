package zstack

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/apigen-dev/apigen/apiruntime"
)

// errNoCredentials is returned for a call needing auth before any login.
var errNoCredentials = errors.New("not authenticated: call LogInByAccount or SetSession, or use WithAccessKey")

// HashPassword returns what ZStack's login APIs expect in "password": the
// SHA-512 of the password, as lowercase hex.
func HashPassword(password string) string {
	sum := sha512.Sum512([]byte(password))
	return hex.EncodeToString(sum[:])
}

// LogInByAccount logs in with an account's name and password and keeps the
// session for later calls. The password is sent hashed (HashPassword).
func (t *Transport) LogInByAccount(ctx context.Context, accountName, password string) error {
	return t.logIn(ctx, "LogInByAccount", "/v1/accounts/login", "logInByAccount", map[string]string{
		"accountName": accountName,
		"password":    HashPassword(password),
	})
}

// LogInByUser logs in as a sub-account user of accountName.
func (t *Transport) LogInByUser(ctx context.Context, accountName, userName, password string) error {
	return t.logIn(ctx, "LogInByUser", "/v1/accounts/users/login", "logInByUser", map[string]string{
		"accountName": accountName,
		"userName":    userName,
		"password":    HashPassword(password),
	})
}

func (t *Transport) logIn(ctx context.Context, op, path, key string, params map[string]string) error {
	var out struct {
		Inventory struct {
			UUID string `json:"uuid"`
		} `json:"inventory"`
	}
	req := &apiruntime.Request{
		Operation: op,
		Method:    http.MethodPut,
		Path:      path,
		Body:      map[string]any{key: params},
	}
	if err := t.Do(ctx, req, &out); err != nil {
		return err
	}
	if out.Inventory.UUID == "" {
		return fmt.Errorf("%s: answer has no session uuid", op)
	}
	t.SetSession(out.Inventory.UUID)
	return nil
}

// LogOut ends the current session on the server and forgets it. Without a
// session it does nothing.
func (t *Transport) LogOut(ctx context.Context) error {
	s := t.Session()
	if s == "" {
		return nil
	}
	req := &apiruntime.Request{
		Operation: "LogOut",
		Method:    http.MethodDelete,
		Path:      apiruntime.Path("/v1/accounts/sessions/{uuid}", "uuid", s),
	}
	if err := t.Do(ctx, req, nil); err != nil {
		return err
	}
	t.mu.Lock()
	if t.session == s {
		t.session = ""
	}
	t.mu.Unlock()
	return nil
}

// SetSession uses an existing session uuid (from an earlier login) for
// later calls; "" forgets it.
func (t *Transport) SetSession(id string) {
	t.mu.Lock()
	t.session = id
	t.mu.Unlock()
}

// Session returns the current session uuid, "" when not logged in.
func (t *Transport) Session() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.session
}

// authorize adds credentials to r when auth is true: the session when there
// is one, else an access-key signature.
func (t *Transport) authorize(r *http.Request, auth bool) error {
	if !auth {
		return nil
	}
	if s := t.Session(); s != "" {
		r.Header.Set("Authorization", "OAuth "+s)
		return nil
	}
	if t.cfg.keyID == "" {
		return errNoCredentials
	}
	// "EEE, dd MMM yyyy HH:mm:ss zzz", as the manual requires; in GMT so
	// the server need not know our zone.
	date := t.cfg.now().UTC().Format(http.TimeFormat)
	r.Header.Set("Date", date)
	r.Header.Set("Authorization", "ZStack "+t.cfg.keyID+":"+signature(t.cfg.keySecret, r.Method, date, signedPath(r.URL)))
	return nil
}

// signature is the access-key signature of ZStack's manual:
// base64(HMAC-SHA1(secret, method + "\n" + date + "\n" + uri)).
func signature(secret, method, date, uri string) string {
	m := hmac.New(sha1.New, []byte(secret))
	m.Write([]byte(method + "\n" + date + "\n" + uri))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// signedPath is the uri the signature covers: the request path from /v1
// on, without the context path or query ("/v1/vm-instances"), as ZStack's
// own SDKs compute it.
func signedPath(u *url.URL) string {
	p := u.EscapedPath()
	if i := strings.Index(p, "/v1/"); i > 0 {
		p = p[i:]
	}
	return p
}
