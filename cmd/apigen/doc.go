// Command apigen turns API reference documentation (OpenAPI 3, Swagger 2,
// ZStack and QingCloud reference pages) into typed Go clients.
package main
