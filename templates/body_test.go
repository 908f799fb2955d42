package templates

import (
	"strings"
	"testing"
)

// petstoreFormTest runs in the generated petstore package: a form body
// (Stripe's kind) goes out URL-encoded in deepObject style, and is
// validated first.
const petstoreFormTest = `package petstore

import (
	"context"
	"errors"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestFormBody(t *testing.T) {
	var last *apiruntime.Request
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		last = req
		return nil
	}))
	err := c.CreateCharge(context.Background(), &CreateChargeParams{Body: &ChargeForm{
		Amount:      2000,
		Currency:    "usd",
		Capture:     apiruntime.Ptr(false),
		Description: apiruntime.Null[string](),
		Expand:      []string{"customer"},
		Metadata:    map[string]string{"order": "6735"},
		Items:       []ChargeItem{{Price: "p1", Quantity: apiruntime.Ptr[int64](2)}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := "amount=2000&capture=false&currency=usd&description=&expand%5B0%5D=customer" +
		"&items%5B0%5D%5Bprice%5D=p1&items%5B0%5D%5Bquantity%5D=2&metadata%5Border%5D=6735"
	if string(last.RawBody) != want || last.ContentType != "application/x-www-form-urlencoded" || last.Body != nil {
		t.Errorf("form request: body %q, content type %q, JSON body %v", last.RawBody, last.ContentType, last.Body)
	}
	// No body on a POST is an empty form, still labelled (stripe-mock
	// refuses a POST without a Content-Type).
	if err := c.CreateCharge(context.Background(), nil); err != nil || len(last.RawBody) != 0 || last.ContentType != "application/x-www-form-urlencoded" || last.Body != nil {
		t.Errorf("no body: %v %q %q", err, last.RawBody, last.ContentType)
	}
	last = nil
	err = c.CreateCharge(context.Background(), &CreateChargeParams{Body: &ChargeForm{Amount: 1, Items: []ChargeItem{{}}}})
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || last != nil || len(ve.Problems) != 2 ||
		ve.Problems[0] != "body.currency is required" || ve.Problems[1] != "body.items[0].price is required" {
		t.Errorf("invalid form sent or misreported: %v", err)
	}
}
`

// edgeCookieTest runs in the generated edge package.
const edgeCookieTest = `package edge

import (
	"context"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestCookieParam(t *testing.T) {
	var last *apiruntime.Request
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		last = req
		return nil
	}))
	p := &GetPet3Params{ID: "1", Flag: true, Kind: "cat", Tags: []string{}, Cookie: apiruntime.Ptr("abc")}
	if _, err := c.GetPet3(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if got := last.Header.Get("Cookie"); got != "cookie=abc" {
		t.Errorf("Cookie header %q", got)
	}
	p.Cookie = nil
	if _, err := c.GetPet3(context.Background(), p); err != nil || last.Header.Get("Cookie") != "" {
		t.Errorf("unset cookie sent: %q %v", last.Header.Get("Cookie"), err)
	}
}
`

// TestBodyWarnings: form and multipart bodies and cookies are sent, so they
// are not warned about.
func TestBodyWarnings(t *testing.T) {
	_, diags := generate(t, petstore(), Options{})
	for _, d := range diags {
		if d.Kind == "unsupported-body" && (strings.Contains(d.Message, "createCharge") || strings.Contains(d.Message, "uploadDocument")) {
			t.Errorf("form or multipart body warned about: %v", d)
		}
	}
	_, diags = generate(t, edgeAPI(), Options{})
	for _, d := range diags {
		if d.Kind == "unsupported-param" && strings.Contains(d.Message, `"cookie"`) {
			t.Errorf("cookie parameter warned about: %v", d)
		}
	}
}
