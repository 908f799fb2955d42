// Package openapi reads OpenAPI 3.x and Swagger 2.0 documents (JSON or YAML)
// into the IR. It sits at the start of apigen's pipeline, beside the zstack
// and qingcloud parsers: parser.Detect hands it a file, it returns an
// *ir.API that the templates turn into Go.
//
// A spec may be split over files: references are followed by the document
// model (model.go, refscan.go) into files inside the input's directory
// (external.go), and the spec is bundled into one document (bundle.go) as
// by hand: path items in place, every other object from another file a
// component under its own name. Each node of the source tree keeps the
// file it came from, so positions name that file.
//
// Reading takes two hops. kin-openapi loads the document (Swagger 2.0 is
// converted to OpenAPI 3 with openapi2conv) into its model; this package
// walks that model and writes IR facts. kin-openapi's model has no document
// order or positions, so the bytes are also scanned once into a light tree
// (source.go) that gives every operation, schema, field and parameter its
// file:line:col and every object its key order.
//
// Choices the IR leaves to the parser:
//   - Operation names are operationIds; without one, a name is derived from
//     method and path ("get /pets/{id}" → "GetPetsId").
//   - Component schemas keep their names. Inline structs, enums and unions
//     become named types called after where they sit: "<Type><field>" for
//     properties ("PetStatus"), "<Op>Request"/"<Op>Response" for bodies,
//     "<Op><param>" for parameters; a clash takes a numeric suffix.
//   - Enums are always named types (KindEnum with Base and Values), never
//     Field.Enum or Param.Enum, so emitters can declare constants.
//   - oneOf/anyOf become unions whose variants are references, primitives
//     or inline types named "<Union><title>" or "<Union>Variant<n>".
//   - allOf is merged into one struct; allOf of one schema (the 3.0 way to
//     annotate a reference) is that schema, nullable if the wrapper says so.
//   - What cannot be typed is KindRaw with an "untyped-schema" warning; a
//     $ref that cannot be followed (to nothing, a URL, a file outside the
//     input's directory or unreadable) costs its value with a warning
//     saying what is lost: a schema, body or response is raw, a parameter
//     left out, and a path item's operations are an error unless partial
//     output is allowed.
package openapi
