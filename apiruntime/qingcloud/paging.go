package qingcloud

import (
	"context"
	"iter"

	"github.com/apigen-dev/apigen/apiruntime"
)

// MaxLimit is the largest page a Describe* call returns (overview.md: the
// server answers at most 100 items, whatever limit says).
const MaxLimit = 100

// ClampLimit returns n within 1..MaxLimit; n ≤ 0 means MaxLimit.
func ClampLimit(n int) int {
	if n <= 0 || n > MaxLimit {
		return MaxLimit
	}
	return n
}

// All walks a Describe* collection page by page: fetch gets offset and a
// limit of at most 100 and returns one page's items and total_count.
func All[T any](ctx context.Context, pageSize int, fetch func(ctx context.Context, offset, limit int) ([]T, int, error)) iter.Seq2[T, error] {
	return apiruntime.Paginate(ctx, ClampLimit(pageSize), fetch)
}
