// Package zstack reads ZStack API reference pages — the developer manual's
// Markdown chapters, the same pages saved as HTML, or text copied from the
// web site — into an *ir.API of Family ir.FamilyZStack.
//
// It sits between parser/doctable, which turns a page into a flat list of
// headings, text, code blocks and tables with positions, and the emitters,
// which only see the IR. One API is one section headed "中文标题(ApiName)"
// (in copied text, a line standing alone before "API请求"/"URLs"):
//
//   - its URLs block gives every method and path (normalised to
//     "/zstack/v1/…", typos repaired with a warning); the primary one is the
//     first whose {placeholders} are all required parameters;
//   - its Headers block (or curl example) with a session makes Auth true;
//   - its parameter table (名字|类型|位置|描述|可选值|起始版本, or the English
//     Name|Type|Location|Description|Optional Value|Starting Version) gives
//     the parameters: a {name} of the path travels in the path, GET and
//     DELETE carry everything else in the query string (DELETE's deleteMode
//     included, whatever 位置 says), POST and PUT put parameters inside the
//     body wrapper and systemTags/userTags beside it;
//   - the wrapper (BodyKey) is what ZStack reads: "params" for POST, the API
//     name in lowerCamel case for a PUT action, as the 位置 column
//     ("body(包含在X结构中)") and the Body example say — the convention
//     decides where the two disagree;
//   - every call but a GET answers 202 and is polled (Async), except the
//     login and logout calls (01-api-usage-spec.md, "异步API");
//   - QueryX calls get the standard query parameters (q, limit, start,
//     count, groupBy, replyWithCount, sort, fields) and offset paging over
//     "inventories" with "total";
//   - the response tables — a top-level one plus " #x" sub-tables that
//     fields point to with 详情参考[x] — give the reply type and the types it
//     refers to; Response.Envelope is inventory, inventories or results when
//     the reply has that field.
//
// Naming of response types (the manual names only some of them):
//
//   - a field whose 类型 column is a type name (ClusterInventory, ErrorCode,
//     HostConnectedStatus) refers to a type of that name;
//   - an API's reply is "<ApiName>Reply";
//   - the "inventories" list of QueryX holds "XInventory", the name the
//     sibling Create/Update/Get APIs give the same table;
//   - any other list or map with a sub-table holds "<Parent><Field>", the
//     field singular for lists ("VmInstanceInventoryVmNic"), until the whole
//     input is assembled: then such a type takes the manual's own name for
//     the same table when one exists with mostly the same fields
//     (vmNics → VmNicInventory, allVolumes → VolumeInventory);
//   - a sub-table whose rows all carry the field's own type name is an enum
//     of that name (ProtocolType: tcp_udp, all, …); one of just "name" and
//     "ordinal" is a Java enum whose values the page did not list.
//
// Types recurring across pages are folded into one by ir.Merge (union of
// fields, each at its earliest since-version), after setting aside the odd
// table that plainly belongs to another type (an inventory printed under
// " #error"). A name no page defines becomes a string when it reads like a
// Java enum (…State, …Type), else any JSON value.
//
// Whatever cannot be read — a table with an unknown header, a row with cells
// missing, an API without URLs — becomes a warning naming file:line; nothing
// is dropped silently.
//
// Text copied from the web site (copied.go) is a page with no "#" API
// heading. Before it is read, its glued blocks are split at the landmarks
// ("…/{uuid}Headers", "}| 名字 | 类型 |…", "| 0.6 |#error"), tab-separated
// rows become pipe rows and table headers get back their delimiter row,
// every line keeping its place in the file for diagnostics. A section then
// starts at a title line or, when the copy began below the title, at its
// "API请求"/"URLs" label, and the API is named from the zstack-cli hint,
// the SDK example, the response class or the file name, with a warning
// saying which. Copies lose empty cells, so a row whose version sits in the
// description or value column, with the version column empty or missing,
// has it moved to the version column. TestCopiedManualAgrees measures all
// this on the whole manual, copied four ways.
package zstack
