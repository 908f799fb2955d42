// Package growth measures how the time a pass takes grows with the size of
// its input, for tests that hold a pass to linear (or n log n) time
// without a wall-clock threshold: the machine's speed and load cancel out
// of a ratio measured in one run.
package growth
