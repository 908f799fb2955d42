// Package apiruntime is the small library that apigen's generated code
// imports: the request model, the transport interface the family runtimes
// (zstack, qingcloud, cloudtower) implement, a plain HTTP transport for
// generic OpenAPI, typed errors, and the value types generated structs use
// (optional and nullable values, tolerant numbers and timestamps, paging).
//
// It is hand-written and tested once so that generated files stay short and
// their diffs readable.
package apiruntime
