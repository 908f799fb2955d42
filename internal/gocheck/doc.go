// Package gocheck compiles generated Go code in tests. apigen's standard is
// that generated code is built and vetted, not only compared to goldens: a
// golden that does not compile is a bug however well it reads.
package gocheck
