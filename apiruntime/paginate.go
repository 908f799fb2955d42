package apiruntime

import (
	"context"
	"iter"
)

// DefaultPageSize is used by Paginate when pageSize is not positive.
const DefaultPageSize = 100

// Paginate walks an offset/limit collection page by page as an iterator.
// fetch returns one page and the collection's total, or a negative total
// when the server does not say; then a short or empty page ends the walk.
// An error (from fetch, or ctx ending between pages) is yielded once, with
// the zero T, and ends the walk; so does the consumer breaking out.
func Paginate[T any](ctx context.Context, pageSize int, fetch func(ctx context.Context, offset, limit int) (items []T, total int, err error)) iter.Seq2[T, error] {
	if pageSize <= 0 {
		pageSize = DefaultPageSize
	}
	return func(yield func(T, error) bool) {
		var zero T
		offset := 0
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, total, err := fetch(ctx, offset, pageSize)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			offset += len(items)
			switch {
			case len(items) == 0:
				return
			case total >= 0 && offset >= total:
				return
			case total < 0 && len(items) < pageSize:
				return
			}
		}
	}
}
