// Package qingcloud is the runtime for QingCloud and Shanhe action-style
// APIs (https://api.qingcloud.com/iaas/?action=RunInstances&...). Generated
// clients for that family build an apiruntime.Request with Action and a
// param struct, and this package's Transport does the rest: it encodes the
// struct into dotted query parameters (vxnets.1, rules.1.protocol), adds the
// common parameters, signs the request with HMAC-SHA256 as the signature
// page documents, rate-limits, retries server-busy answers of read-only
// calls, and turns ret_code ≠ 0 into a typed *Error.
//
// Long-running actions return a job_id, waited on with WaitJob; Describe*
// lists page with offset/limit ≤ 100 and total_count, walked with All (a
// larger limit is sent as 100, what the server answers at most).
//
// Calls go to the endpoint the user gives, path included: a private
// deployment at https://cloud.example/private/iaas/ is called and signed
// there, whatever path the docs print.
//
// Where it sits: generated code → apiruntime.Request → this Transport → HTTP.
package qingcloud
