// Calls against a running stripe-mock (STRIPE_MOCK_URL), through the client
// apigen generated from stripe-mock's own spec, in package example.com/gen/stripe.
// stripe-mock validates every request against that spec and answers from
// fixtures, so what is checked here is the wire: what was accepted, and how
// the answers decode.
package calls

import (
	"context"
	"errors"
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
type counter struct{ n atomic.Int32 }

func (c *counter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
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
			File: []byte("%PDF-1.4 not really"), Purpose: "dispute_evidence",
		}}))
		if f.ID == "" {
			t.Fatalf("file %+v", f)
		}
		must[*stripe.File](t, "retrieve file")(c.GetFilesFile(ctx, &stripe.GetFilesFileParams{File: f.ID}))
		purpose := stripe.GetFilesPurpose("dispute_evidence")
		must[*stripe.GetFilesResponse](t, "list files")(c.GetFiles(ctx, &stripe.GetFilesParams{Purpose: &purpose}))
		pdf := must[[]byte](t, "quote pdf")(c.GetQuotesQuotePdf(ctx, &stripe.GetQuotesQuotePdfParams{Quote: "qt_123"}))
		if len(pdf) == 0 {
			t.Errorf("empty pdf")
		}
	})

	t.Run("errors", func(t *testing.T) {
		var ae *apiruntime.APIError
		anon := client(t, &calls)
		_, err := anon.GetCustomers(ctx, nil)
		if !errors.As(err, &ae) || ae.StatusCode != 401 {
			t.Errorf("no key: %v", err)
		}
		// stripe-mock echoes a malformed key in its message: it must not
		// reach the error string.
		const bad = "rk_bogus_secret_4242"
		_, err = client(t, &calls, apiruntime.WithBearerToken(bad)).GetCustomers(ctx, nil)
		if !errors.As(err, &ae) || ae.StatusCode != 401 || strings.Contains(err.Error(), bad) {
			t.Errorf("bad key: %v", err)
		}
		// A filter the spec does not allow (set as raw JSON, as a decoded
		// answer could carry it) is refused by the server with a 400.
		var created stripe.GetCustomersCreated
		if err := created.UnmarshalJSON([]byte(`"yesterday"`)); err != nil {
			t.Fatal(err)
		}
		_, err = c.GetCustomers(ctx, &stripe.GetCustomersParams{Created: &created})
		if !errors.As(err, &ae) || ae.StatusCode != 400 {
			t.Errorf("bad filter: %v", err)
		}
	})

	if n := calls.n.Load(); n < 20 {
		t.Errorf("only %d calls reached stripe-mock", n)
	}
	t.Logf("%d calls reached stripe-mock", calls.n.Load())
}
