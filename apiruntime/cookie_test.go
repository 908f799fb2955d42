package apiruntime_test

import (
	"net/http"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestAddCookie(t *testing.T) {
	h := http.Header{}
	apiruntime.AddCookie(h, "session", "abc")
	apiruntime.AddCookie(h, "unset", (*string)(nil))
	apiruntime.AddCookie(h, "absent", apiruntime.Nullable[int]{})
	apiruntime.AddCookie(h, "debug", apiruntime.Ptr(false))
	apiruntime.AddCookie(h, "ids", []int{1, 2})
	apiruntime.AddCookie(h, "none", []string{})
	apiruntime.AddCookie(h, "bad name", "x")
	apiruntime.AddCookie(h, "cleared", apiruntime.Null[string]())
	apiruntime.AddCookie(h, "evil", "a\"b;c\r\nSet: x")
	want := `session=abc; debug=false; ids="1,2"; cleared=; evil="abcSet: x"`
	if got := h.Get("Cookie"); got != want {
		t.Errorf("Cookie header\n got %s\nwant %s", got, want)
	}
	if len(h["Cookie"]) != 1 {
		t.Errorf("one Cookie header expected: %q", h["Cookie"])
	}
	// What the server parses is what was set.
	r := &http.Request{Header: h}
	if c, err := r.Cookie("ids"); err != nil || c.Value != "1,2" {
		t.Errorf("ids cookie %v %v", c, err)
	}
}
