// Package templates is apigen's Go emitter: it turns an *ir.API into the
// files of one Go package (param models whose Validate also checks the
// structs a request body carries, response structs, enums, unions, a Client
// with one method per operation and iterators for paged lists, and the
// same calls grouped as the docs group them, client.Pets.List forwarding
// to client.ListPets: groups.go), written with jennifer.
//
// It sits after the parsers in the pipeline and never parses: its only
// input is the IR. Go concerns live here and nowhere else: identifiers
// built from wire names (initialisms, keywords, collisions resolved by one
// registry per scope), comments that input text cannot escape, pointers
// that break recursive types, and the split into files. Output is gofmt
// clean, byte-identical across runs and starts with the "Code generated"
// line; what cannot be typed degrades to json.RawMessage with a warning.
//
// Every decision comes from an IR fact, never from a family name; the one
// table from a family to its runtime package is runtimes.go. Numbers
// and booleans follow one rule: what the client only sends (the fields of
// a param struct) is plain Go (bool, int64, float64); what it decodes
// (named types and responses) is apiruntime.Bool, Int64 and Float64 when
// ir.API.Tolerant says the servers send such values as strings too. A
// named type a request body also carries stays tolerant, since one Go type
// serves both ways and those types encode as the plain JSON values.
package templates
