// Package output puts generated files on disk, the last stage of the
// pipeline: every package is staged (changed files written beside their
// targets) before any is committed by renames, so a failure leaves the
// previous output untouched; only files carrying apigen's generated header
// are ever replaced or deleted, and unchanged files are not rewritten.
// Check compares what would be written with what is there, for CI.
package output
