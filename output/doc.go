// Package output puts generated files on disk, the last stage of the
// pipeline: the whole package is written to a temporary directory and
// swapped in, so a failure leaves the previous output untouched, and only
// files carrying apigen's generated header are ever replaced or deleted.
// Check compares what would be written with what is there, for CI.
package output
