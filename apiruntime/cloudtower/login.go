package cloudtower

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/apigen-dev/apigen/apiruntime"
)

// LoginOption configures Login.
type LoginOption func(*loginInput)

// loginInput is the spec's LoginInput (username, password, source; mfa_type
// and auth_config_id since 3.0.0 are not needed for password logins).
type loginInput struct {
	Username string `json:"username"`
	Password string `json:"password"`
	Source   string `json:"source"`
}

// WithUserSource picks the user directory: LOCAL (the default), LDAP, and
// on newer towers AUTHN (3.0.0) or SSO (4.6.0).
func WithUserSource(source string) LoginOption {
	return func(in *loginInput) { in.Source = source }
}

// Login calls POST /login and keeps the token for every later request with
// Auth set. The password never appears in the returned error.
func (t *Transport) Login(ctx context.Context, username, password string, opts ...LoginOption) error {
	in := loginInput{Username: username, Password: password, Source: "LOCAL"}
	for _, o := range opts {
		o(&in)
	}
	var out struct {
		Data struct {
			Token string `json:"token"`
		} `json:"data"`
	}
	err := t.Do(ctx, &apiruntime.Request{
		Operation: "Login",
		Method:    http.MethodPost,
		Path:      "/login",
		Body:      in,
	}, &out)
	if err != nil {
		return redact(err, password)
	}
	if out.Data.Token == "" {
		return errors.New("Login: answer has no data.token")
	}
	t.SetToken(out.Data.Token)
	return nil
}

// redact removes the password from an error body, in case the tower echoes
// the input (ErrorBody.props can carry it).
func redact(err error, password string) error {
	var apiErr *apiruntime.APIError
	if password == "" || !errors.As(err, &apiErr) {
		return err
	}
	const mask = "[redacted]"
	apiErr.Body = bytes.ReplaceAll(apiErr.Body, []byte(password), []byte(mask))
	// Also its JSON spellings, for passwords with quotes or <>&: Go escapes
	// HTML characters, Node servers do not.
	for _, html := range []bool{true, false} {
		var q bytes.Buffer
		enc := json.NewEncoder(&q)
		enc.SetEscapeHTML(html)
		_ = enc.Encode(password)
		if s := bytes.TrimSpace(q.Bytes()); len(s) > 2 {
			apiErr.Body = bytes.ReplaceAll(apiErr.Body, s[1:len(s)-1], []byte(mask))
		}
	}
	var te *Error
	if errors.As(err, &te) {
		te.Message = string(bytes.ReplaceAll([]byte(te.Message), []byte(password), []byte(mask)))
	}
	return err
}
