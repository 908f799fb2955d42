package templates

import "testing"

func TestHelpText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Stripe's descriptions.
		{`<p>Creates a new customer object.</p>`, "Creates a new customer object."},
		{`<p>Returns a list of your customers.</p><p>The customers are returned sorted by creation date, with the most recent customers appearing first.</p>`,
			"Returns a list of your customers.\n\nThe customers are returned sorted by creation date, with the most recent customers appearing first."},
		{`A cursor for use in pagination. <code>ending_before</code> is an object ID &amp; more.`, "A cursor for use in pagination. 'ending_before' is an object ID & more."},
		{"<ul><li>one</li><li>two <a href=\"https://x\">link</a></li></ul>", "- one\n- two link"},
		// Not HTML: left alone, entities and angle brackets included.
		{"limit must be < 100 &amp; > 0", "limit must be < 100 &amp; > 0"},
		{"a List<String> of names", "a List<String> of names"},
		{"plain", "plain"},
	} {
		if got := helpText(c.in); got != c.want {
			t.Errorf("helpText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
