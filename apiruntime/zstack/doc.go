// Package zstack is the runtime that apigen's generated ZStack clients
// talk through: generated code builds an apiruntime.Request per API and
// hands it to Transport.Do, which adds ZStack's concerns.
//
//   - Auth: LogInByAccount (password sent as SHA-512 hex) stores a session
//     sent as "Authorization: OAuth <session>"; or access keys, signed
//     "ZStack <id>:<HMAC-SHA1>" with a Date header (WithAccessKey).
//   - Async APIs answer 202 with a location of /v1/api-jobs/{uuid}; Do polls
//     it (202 running, 200 done, 503 failed, 404 expired), rewriting the
//     location's host to the configured endpoint.
//   - Errors {"error":{code,description,details,cause…}} become *Error, whose
//     cause chain errors.As and errors.Is walk.
//   - Query APIs take q= conditions built with Eq, In, Like… (Cond).
//   - Versions: DetectVersion asks GetVersion so calls to APIs newer than
//     the node are refused before they are sent.
//
// The protocol is the one in ZStack's developer manual ("API使用规范" and
// "使用AK调用API").
package zstack
