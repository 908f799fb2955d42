// Package ir is the single contract between apigen's parsers and its emitters.
//
// Parsers (parser/...) turn documents into an *API; emitters (templates/...)
// turn an *API into Go code. The IR speaks wire names and API facts — types,
// required, defaults, enums, since-versions, HTTP method and path or action
// name, body wrapper key, async, paging and auth style — never Go identifiers.
// It imports only the standard library and holds ordered slices, never maps,
// so that its JSON form and everything emitted from it is deterministic.
package ir
