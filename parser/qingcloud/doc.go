// Package qingcloud reads QingCloud and Shanhe API documentation into an
// *ir.API of family ir.FamilyQingCloud.
//
// It sits between the inputs and the IR: parser.Detect hands it files that
// IsQingCloud accepts, and templates/ turn the *ir.API it returns into
// param models and action clients for apiruntime/qingcloud.
//
// Two kinds of input describe the same action API:
//
//   - action pages (Hugo Markdown or AsciiDoc), read through parser/doctable:
//     a front-matter title naming the action, a "Request Parameters" table
//     (Parameter name|Type|Description|Required), a "Response Elements" table,
//     sometimes a "Response Item" table, and example request/response blocks
//     from which nested response types are inferred;
//   - QingCloud's own Swagger 2.0 specs (github.com/yunify/qingcloud-api-specs),
//     split over several files that $ref each other, where an action's query
//     parameters are written as the properties of one `in: body` schema.
//
// Pages without a request or response table (overview, common parameters,
// signature, error codes) yield no operations and no diagnostics: they are
// recognised by having neither table, which is what makes a page an action
// page. An action documented by several inputs becomes one operation (see
// fuse.go).
package qingcloud
