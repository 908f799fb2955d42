package apiruntime_test

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

// unionValue is shaped like a generated union: JSON held as set.
type unionValue struct{ raw json.RawMessage }

func (u unionValue) Raw() json.RawMessage { return u.raw }
func (u unionValue) MarshalJSON() ([]byte, error) {
	if len(u.raw) == 0 {
		return []byte("null"), nil
	}
	return u.raw, nil
}

// An unset union is absent from queries, forms and JSON bodies (Stripe
// answers 400 to ?created=, and address= in a form clears the address).
func TestUnsetUnionIsAbsent(t *testing.T) {
	q := url.Values{}
	apiruntime.AddQuery(q, "created", unionValue{})
	if err := apiruntime.AddQueryDeep(q, "created", unionValue{}); err != nil {
		t.Fatal(err)
	}
	apiruntime.AddQuery(q, "p", (*unionValue)(nil))
	form, err := apiruntime.EncodeForm(struct {
		Address unionValue  `json:"address"`
		Ptr     *unionValue `json:"ptr,omitempty"`
		Name    string      `json:"name"`
	}{Ptr: &unionValue{}, Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	body := apiruntime.JSONBody{}
	body.Set("", "created", unionValue{})
	body.Set("", "set", unionValue{raw: json.RawMessage(`{"gte":1}`)})
	b, _ := json.Marshal(body)
	if len(q) != 0 || form.Encode() != "name=x" || string(b) != `{"set":{"gte":1}}` {
		t.Errorf("query %q, form %q, body %s", q.Encode(), form.Encode(), b)
	}
	// A set union still goes.
	if err := apiruntime.AddQueryDeep(q, "created", unionValue{raw: json.RawMessage(`{"gte":5}`)}); err != nil || q.Encode() != "created%5Bgte%5D=5" {
		t.Errorf("set union: %q %v", q.Encode(), err)
	}
}
