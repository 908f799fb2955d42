package stripemock

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

// customerByCLI drives the generated CLI at bin through a customer's life
// against stripe-mock at endpoint: create, list with --all, update,
// delete; then an unknown customer, which must exit 1. The token comes
// from the environment and must never be printed.
func customerByCLI(t *testing.T, bin, endpoint string) {
	const token = "sk_test_cli123" // stripe-mock wants sk_test_ and letters or digits
	cli := func(args ...string) (stdout, stderr string, code int) {
		t.Helper()
		stdout, stderr, code = gocheck.Exec(t, bin, []string{"STRIPE_ENDPOINT=" + endpoint, "STRIPE_TOKEN=" + token}, args...)
		if strings.Contains(stdout+stderr, token) {
			t.Errorf("stripe %s printed the token", strings.Join(args, " "))
		}
		return stdout, stderr, code
	}
	// ok runs a command that must succeed and decodes its JSON answer.
	ok := func(v any, args ...string) {
		t.Helper()
		out, errOut, code := cli(args...)
		if code != 0 {
			t.Fatalf("stripe %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
		}
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("stripe %s: stdout is not the JSON answer: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	type customer struct {
		ID, Object, Email, Name string
		Deleted                 bool
	}

	var created customer
	ok(&created, "customers", "post-customers", "--body", `{"email":"ada@example.com","name":"Ada","metadata":{"team":"eng"}}`)
	if !strings.HasPrefix(created.ID, "cus_") || created.Object != "customer" || created.Email != "ada@example.com" || created.Name != "Ada" {
		t.Errorf("post-customers answered %+v", created)
	}

	var all []customer
	ok(&all, "customers", "get-customers", "--all", "--limit", "3")
	if len(all) == 0 {
		t.Error("get-customers --all printed an empty list")
	}
	for _, c := range all {
		if c.Object != "customer" || !strings.HasPrefix(c.ID, "cus_") {
			t.Errorf("get-customers --all listed %+v", c)
		}
	}

	// The same list as a table: Stripe's page is {"data": [...], ...}.
	out, errOut, code := cli("customers", "get-customers", "--all", "-o", "table")
	header, rest, _ := strings.Cut(out, "\n")
	if code != 0 || !strings.HasPrefix(header, "ID ") || !strings.Contains(header, " EMAIL ") || !strings.HasPrefix(rest, "cus_") {
		t.Errorf("get-customers --all -o table: exit %d\n%s%s", code, out, errOut)
	}
	t.Logf("get-customers --all -o table:\n%s", out)

	// Backquotes in the docs' descriptions do not rename a flag's value.
	if out, _, _ := cli("customers", "get-customers", "--help"); !strings.Contains(out, "--ending-before string") {
		t.Errorf("get-customers --help:\n%s", out)
	}

	var updated customer
	ok(&updated, "customers", "post-customers-customer", "--customer", created.ID, "--body", `{"name":"Ada Lovelace"}`)
	if updated.ID != created.ID || updated.Name != "Ada Lovelace" {
		t.Errorf("post-customers-customer answered %+v", updated)
	}

	var deleted customer
	ok(&deleted, "customers", "delete-customers-customer", "--customer", created.ID)
	if deleted.ID != created.ID || !deleted.Deleted {
		t.Errorf("delete-customers-customer answered %+v", deleted)
	}

	// stripe-mock answers 404 for an ID that is not a path segment.
	out, errOut, code = cli("customers", "get-customers-customer", "--customer", "no such/customer")
	if code != 1 || out != "" || !strings.Contains(errOut, "404") {
		t.Errorf("get-customers-customer of no customer: exit %d, want 1\nstdout %q\nstderr %s", code, out, errOut)
	}
}
