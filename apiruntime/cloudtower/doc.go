// Package cloudtower is the apiruntime transport for SmartX CloudTower, the
// family whose OpenAPI specs apigen turns into clients: generated CloudTower
// operations build an *apiruntime.Request and call Transport.Do, and this
// package adds what the spec only describes in prose.
//
//   - Auth: POST /login {username, password, source} answers
//     {task_id, data: {token}}; the raw token (no "Bearer") then goes in the
//     Authorization header, per the spec's apiKey security scheme.
//   - Language: the optional content-language header (en-US, zh-CN).
//   - Tasks: mutations answer [{task_id, data}]; WaitTasks polls
//     POST /get-tasks until every task SUCCESSED or one FAILED.
//   - Paging: first/skip with no total; All stops on a short page.
//   - Errors: non-2xx bodies follow the spec's ErrorBody
//     {code, message, status, path, operationName} and become *Error.
//   - Versions: DetectVersion reads GET /get-version (3.0.0 on) so calls
//     newer than the tower are refused before they are sent.
//
// The endpoint includes the API base path, as CloudTower serves it:
// https://tower.example.com/v2/api.
package cloudtower
