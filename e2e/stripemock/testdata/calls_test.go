// Calls against a running stripe-mock (STRIPE_MOCK_URL), through the client
// apigen generated from stripe-mock's own spec, in package example.com/gen/stripe.
// stripe-mock validates every request against that spec and answers from
// fixtures, so what is checked here is the wire: what was accepted, and how
// the answers decode.
package calls

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"example.com/gen/stripe"
	"github.com/apigen-dev/apigen/apiruntime"
)

const key = "sk_test_apigen"

// counter is the caller's own RoundTripper: it counts the calls that reach
// stripe-mock.
// It also refuses any other host: an operation whose spec names another
// server (uploads on files.stripe.com, quote PDFs) must still come here,
// since the caller allowed no other with apiruntime.WithServer.
type counter struct{ n atomic.Int32 }

func (c *counter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	if base := os.Getenv("STRIPE_MOCK_URL"); !strings.HasPrefix(r.URL.String(), base+"/") {
		return nil, fmt.Errorf("request to %s, not to stripe-mock at %s", r.URL.Host, base)
	}
	return http.DefaultTransport.RoundTrip(r)
}

// pages is a RoundTripper over stripe-mock's answers to list calls: the
// n-th page's item gets id cus_page<n>, and has_more is true before the
// third. It records the starting_after each request carried.
type pages struct {
	next    http.RoundTripper
	n       int
	cursors []string
}

func (p *pages) RoundTrip(r *http.Request) (*http.Response, error) {
	p.cursors = append(p.cursors, r.URL.Query().Get("starting_after"))
	resp, err := p.next.RoundTrip(r)
	if err != nil || resp.StatusCode != 200 {
		return resp, err
	}
	defer resp.Body.Close()
	var list map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return nil, err
	}
	p.n++
	data, _ := list["data"].([]any)
	if len(data) != 1 {
		return nil, fmt.Errorf("stripe-mock answered %d items, want its one fixture", len(data))
	}
	data[0].(map[string]any)["id"] = fmt.Sprintf("cus_page%d", p.n)
	list["has_more"] = p.n < 3
	b, _ := json.Marshal(list)
	resp.Body = io.NopCloser(bytes.NewReader(b))
	resp.ContentLength = int64(len(b))
	resp.Header.Del("Content-Length")
	return resp, nil
}

func client(t *testing.T, rt http.RoundTripper, opts ...apiruntime.Option) *stripe.Client {
	t.Helper()
	base := os.Getenv("STRIPE_MOCK_URL")
	if base == "" {
		t.Fatal("STRIPE_MOCK_URL is not set")
	}
	opts = append([]apiruntime.Option{apiruntime.WithHTTPClient(&http.Client{Transport: rt})}, opts...)
	return stripe.New(apiruntime.NewHTTP(base, opts...))
}

func must[T any](t *testing.T, what string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

func TestStripe(t *testing.T) {
	ctx := context.Background()
	var calls counter
	c := client(t, &calls, apiruntime.WithBearerToken(key))

	t.Run("customers", func(t *testing.T) {
		var addr stripe.PostCustomersRequestAddress
		city, line1 := "Berlin", "Unter den Linden 1"
		if err := addr.FromPostCustomersRequestAddressOptionalFieldsCustomerAddress(stripe.PostCustomersRequestAddressOptionalFieldsCustomerAddress{City: &city, Line1: &line1}); err != nil {
			t.Fatal(err)
		}
		var meta stripe.PostCustomersRequestMetadata
		if err := meta.FromStringMap(map[string]string{"order": "42", "note": "a b&c"}); err != nil {
			t.Fatal(err)
		}
		email, name := "ann@example.com", "Ann"
		cust := must[*stripe.Customer](t, "create")(c.PostCustomers(ctx, &stripe.PostCustomersParams{Body: &stripe.PostCustomersRequest{
			Email: &email, Name: &name, Address: &addr, Metadata: &meta,
			PreferredLocales: []string{"de", "en"},
		}}))
		if cust.ID == "" || cust.Object != "customer" {
			t.Errorf("created %+v", cust)
		}

		got := must[*stripe.GetCustomersCustomerResponse](t, "retrieve")(c.GetCustomersCustomer(ctx, &stripe.GetCustomersCustomerParams{Customer: cust.ID, Expand: []string{"default_source"}}))
		if rc, err := got.AsCustomer(); err != nil || rc.ID == "" {
			t.Errorf("retrieve: %+v %v", rc, err)
		}

		desc := "updated"
		var meta2 stripe.PostCustomersCustomerRequestMetadata
		_ = meta2.FromStringMap(map[string]string{"tier": "gold"})
		upd := must[*stripe.Customer](t, "update")(c.PostCustomersCustomer(ctx, &stripe.PostCustomersCustomerParams{Customer: cust.ID,
			Body: &stripe.PostCustomersCustomerRequest{Description: &desc, Metadata: &meta2}}))
		if upd.ID == "" {
			t.Errorf("update %+v", upd)
		}

		del := must[*stripe.DeletedCustomer](t, "delete")(c.DeleteCustomersCustomer(ctx, &stripe.DeleteCustomersCustomerParams{Customer: cust.ID}))
		if del.Deleted != true || del.ID == "" {
			t.Errorf("delete %+v", del)
		}
	})

	t.Run("list", func(t *testing.T) {
		limit := int64(3)
		gte := int64(1_600_000_000)
		var created stripe.GetCustomersCreated
		if err := created.FromGetCustomersCreatedRangeQuerySpecs(stripe.GetCustomersCreatedRangeQuerySpecs{Gte: &gte}); err != nil {
			t.Fatal(err)
		}
		list := must[*stripe.GetCustomersResponse](t, "list")(c.GetCustomers(ctx, &stripe.GetCustomersParams{
			Limit: &limit, Expand: []string{"data.default_source"}, Created: &created,
		}))
		if len(list.Data) == 0 || list.Data[0].ID == "" {
			t.Errorf("list %+v", list)
		}
		// Without any filter: an unset union must not be sent at all.
		if _, err := c.GetCustomers(ctx, &stripe.GetCustomersParams{}); err != nil {
			t.Errorf("list without filters: %v", err)
		}
		email := "ann@example.com"
		if _, err := c.GetCustomers(ctx, &stripe.GetCustomersParams{Email: &email}); err != nil {
			t.Errorf("list by email: %v", err)
		}
		found := must[*stripe.GetCustomersSearchResponse](t, "search")(c.GetCustomersSearch(ctx, &stripe.GetCustomersSearchParams{Query: "email:'ann@example.com'", Limit: &limit}))
		if len(found.Data) == 0 {
			t.Errorf("search %+v", found)
		}
	})

	t.Run("iterator", func(t *testing.T) {
		// stripe-mock is stateless: every list is one fixture item with
		// has_more false. pages turns its answers into a three-page
		// collection (distinct ids, has_more on the first two); every
		// request still goes to stripe-mock, which validates it.
		pg := &pages{next: &calls}
		it := client(t, pg, apiruntime.WithBearerToken(key))
		var ids []string
		for cust, err := range it.GetCustomersAll(ctx, &stripe.GetCustomersParams{}) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, cust.ID)
		}
		if strings.Join(ids, ",") != "cus_page1,cus_page2,cus_page3" {
			t.Errorf("iterated %v", ids)
		}
		if got := strings.Join(pg.cursors, ","); got != ",cus_page1,cus_page2" {
			t.Errorf("starting_after sent: %q", got)
		}
	})

	t.Run("payment intents", func(t *testing.T) {
		pi := must[*stripe.PaymentIntent](t, "create")(c.PostPaymentIntents(ctx, &stripe.PostPaymentIntentsParams{Body: stripe.PostPaymentIntentsRequest{
			Amount: 2000, Currency: "eur",
		}}))
		if pi.ID == "" {
			t.Fatalf("payment intent %+v", pi)
		}
		// A path parameter with characters that need escaping still
		// reaches the route.
		for _, id := range []string{pi.ID} {
			if got, err := c.GetPaymentIntentsIntent(ctx, &stripe.GetPaymentIntentsIntentParams{Intent: id}); err != nil || got.ID == "" {
				t.Errorf("retrieve %q: %v", id, err)
			}
		}
		must[*stripe.PaymentIntent](t, "confirm")(c.PostPaymentIntentsIntentConfirm(ctx, &stripe.PostPaymentIntentsIntentConfirmParams{Intent: pi.ID}))
		cust := "cus_123"
		must[*stripe.GetPaymentIntentsResponse](t, "list")(c.GetPaymentIntents(ctx, &stripe.GetPaymentIntentsParams{Customer: &cust}))
		must[*stripe.PaymentIntent](t, "cancel")(c.PostPaymentIntentsIntentCancel(ctx, &stripe.PostPaymentIntentsIntentCancelParams{Intent: pi.ID}))
	})

	t.Run("files", func(t *testing.T) {
		f := must[*stripe.File](t, "upload")(c.PostFiles(ctx, &stripe.PostFilesParams{Body: stripe.PostFilesRequest{
			File: apiruntime.NewFile("evidence.pdf", "application/pdf", strings.NewReader("%PDF-1.4 not really")), Purpose: "dispute_evidence",
		}}))
		if f.ID == "" {
			t.Fatalf("file %+v", f)
		}
		must[*stripe.File](t, "retrieve file")(c.GetFilesFile(ctx, &stripe.GetFilesFileParams{File: f.ID}))
		purpose := stripe.GetFilesPurpose("dispute_evidence")
		must[*stripe.GetFilesResponse](t, "list files")(c.GetFiles(ctx, &stripe.GetFilesParams{Purpose: &purpose}))
		// A binary answer comes back as a stream the caller closes.
		var meta apiruntime.Response
		body := must[io.ReadCloser](t, "quote pdf")(c.GetQuotesQuotePdf(apiruntime.WithResponse(ctx, &meta), &stripe.GetQuotesQuotePdfParams{Quote: "qt_123"}))
		pdf, err := io.ReadAll(body)
		body.Close()
		if err != nil || len(pdf) == 0 || meta.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("pdf: %q %v (%s)", pdf, err, meta.Header.Get("Content-Type"))
		}
	})

	t.Run("errors", func(t *testing.T) {
		// Every failed answer is Stripe's documented error object, typed.
		var se *apiruntime.ErrorResponse[stripe.Error]
		var ae *apiruntime.APIError
		anon := client(t, &calls)
		_, err := anon.GetCustomers(ctx, nil)
		if !errors.As(err, &se) || se.StatusCode != 401 || se.Value.Error.Type != "invalid_request_error" || se.Value.Error.Message == nil {
			t.Errorf("no key: %T %v", err, err)
		}
		// The raw answer stays behind the typed one.
		if !errors.As(err, &ae) || ae.Header.Get("Content-Type") != "application/json" || len(ae.Body) == 0 {
			t.Errorf("raw error: %+v", ae)
		}
		// stripe-mock echoes a malformed key in its message: it must
		// reach neither the error string nor the decoded message.
		const bad = "rk_bogus_secret_4242"
		_, err = client(t, &calls, apiruntime.WithBearerToken(bad)).GetCustomers(ctx, nil)
		if !errors.As(err, &se) || se.StatusCode != 401 || strings.Contains(err.Error(), bad) || strings.Contains(*se.Value.Error.Message, bad) {
			t.Errorf("bad key: %v", err)
		}
		// A filter the spec does not allow (set as raw JSON, as a decoded
		// answer could carry it) is refused by the server with a 400.
		var created stripe.GetCustomersCreated
		if err := created.UnmarshalJSON([]byte(`"yesterday"`)); err != nil {
			t.Fatal(err)
		}
		_, err = c.GetCustomers(ctx, &stripe.GetCustomersParams{Created: &created})
		if !errors.As(err, &se) || se.StatusCode != 400 || !strings.Contains(*se.Value.Error.Message, "created") {
			t.Errorf("bad filter: %v", err)
		}
	})

	if n := calls.n.Load(); n < 20 {
		t.Errorf("only %d calls reached stripe-mock", n)
	}
	t.Logf("%d calls reached stripe-mock", calls.n.Load())
}
