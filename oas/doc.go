// Package oas writes an ir.API as an OpenAPI 3.1 document, so docs that
// have no spec (ZStack manuals, QingCloud pages) can feed every OpenAPI
// tool. It sits beside the Go emitters: parser → ir.API → oas → JSON or
// YAML. What OpenAPI has no word for — since-versions, async calls, body
// wrapper keys, paging, action names, list styles, the family's auth — is
// carried in x-apigen-* extensions, which apigen's own OpenAPI reader takes
// back, so `apigen ir` of the export gives the IR again.
package oas
