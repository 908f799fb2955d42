package cloudtower

import (
	"context"
	"iter"

	"github.com/apigen-dev/apigen/apiruntime"
)

// All walks a whole CloudTower collection with first (page size) and skip
// (offset). CloudTower lists carry no total, so it stops on a short page.
// fetch usually sets First and Skip on a generated GetXxxRequestBody.
func All[T any](ctx context.Context, pageSize int, fetch func(ctx context.Context, first, skip int) ([]T, error)) iter.Seq2[T, error] {
	return apiruntime.Paginate(ctx, pageSize, func(ctx context.Context, offset, limit int) ([]T, int, error) {
		items, err := fetch(ctx, limit, offset)
		return items, -1, err
	})
}
