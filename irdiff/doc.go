// Package irdiff compares two IRs of one API — any family, any input
// format — and classes each change as breaking or not for a client. It sits
// beside the emitters: parser → ir.API (old, new) → irdiff → a report that
// `apigen diff` prints as text, Markdown or JSON.
//
// Breaking means breaking for a client that was built against OLD and now
// talks to a server serving NEW: a call or field it uses is gone, the
// server now wants something it does not send, or a value it reads changes
// type. Changes that only matter to the server side (a new optional
// parameter, a response enum value apigen's decoders tolerate) are reported
// as not breaking; noise a client cannot act on (response headers) is not
// reported at all.
package irdiff
