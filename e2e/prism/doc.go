// Package prism proves generated clients against Prism, Stoplight's mock
// server, at a pinned version from the npm registry, serving the
// Kubernetes API's Swagger 2.0 spec from the corpus: Prism checks every
// request against the spec (parameters, body schema, media types,
// security) and answers in the media type the request accepts, so the
// client is tested on JSON, text and problem+json answers a server nobody
// here wrote produces. It has only tests; `make test` runs them.
package prism
