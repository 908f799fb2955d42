// Command apigen turns API reference documentation (OpenAPI 3, Swagger 2,
// ZStack and QingCloud reference pages) into typed Go clients.
package main

import "os"

func main() { os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
