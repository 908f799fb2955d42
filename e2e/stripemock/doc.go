// Package stripemock proves generated clients against stripe-mock, Stripe's
// own mock server, at a pinned version: the client is generated from the
// spec stripe-mock embeds and every call goes through it (see
// testdata/calls_test.go), and the CLI generated beside it runs a
// customer's create, list, update and delete (cli_test.go). It has only
// tests; `make test` runs them.
package stripemock
