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
		offset := 0
		walk(ctx, yield, func(ctx context.Context) ([]T, bool, error) {
			items, total, err := fetch(ctx, offset, pageSize)
			offset += len(items)
			done := len(items) == 0 || total >= 0 && offset >= total || total < 0 && len(items) < pageSize
			return items, done, err
		})
	}
}

// walk is the loop every paging style shares: step fetches a page and
// says whether it was the last; its items are yielded, then its error,
// which ends the walk, as does ctx ending or the consumer breaking out.
// It adapts walkPages, where the loop is, to an item type.
func walk[T any](ctx context.Context, yield func(T, error) bool, step func(ctx context.Context) (items []T, done bool, err error)) {
	var items []T
	walkPages(ctx, func(ctx context.Context) (int, bool, error) {
		var done bool
		var err error
		items, done, err = step(ctx)
		return len(items), done, err
	}, func(i int, err error) bool {
		if err != nil {
			var zero T
			return yield(zero, err)
		}
		return yield(items[i], nil)
	})
}

// walkPages is walk without an item type, so the loop is compiled once,
// not per item type: step fetches a page and says how many items it holds
// and whether it was the last; each(i, nil) yields the page's item i
// (false ends the walk) and each(0, err) an error, which ends it.
func walkPages(ctx context.Context, step func(ctx context.Context) (n int, done bool, err error), each func(i int, err error) bool) {
	for {
		if err := ctx.Err(); err != nil {
			each(0, err)
			return
		}
		n, done, err := step(ctx)
		for i := range n {
			if !each(i, nil) {
				return
			}
		}
		if err != nil {
			each(0, err)
			return
		}
		if done {
			return
		}
	}
}

// PaginateCursor walks a cursor-paged collection (Stripe's starting_after
// with has_more) as an iterator. fetch gets the cursor ("" for the first
// page) and returns the page, the cursor of its last item and whether the
// server has more. The walk ends when it has not, on an empty page, or when
// the cursor does not move (a server repeating a page would loop forever).
func PaginateCursor[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (items []T, next string, more bool, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		cursor := ""
		walk(ctx, yield, func(ctx context.Context) ([]T, bool, error) {
			items, next, more, err := fetch(ctx, cursor)
			done := !more || len(items) == 0 || next == "" || next == cursor
			cursor = next
			return items, done, err
		})
	}
}

// PaginateToken walks a collection whose every answer carries an opaque
// token for the next page (Kubernetes' continue, Google's pageToken,
// Slack's cursor) as an iterator. fetch gets the token ("" for the first
// page) and returns the page and the next token. The walk ends on an empty
// token or one seen before (a server repeating itself would loop
// forever); an empty page with a new token goes on, as such servers send.
func PaginateToken[T any](ctx context.Context, fetch func(ctx context.Context, token string) (items []T, next string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var items []T
		step := tokenSteps(func(ctx context.Context, token string) (int, string, error) {
			var next string
			var err error
			items, next, err = fetch(ctx, token)
			return len(items), next, err
		})
		walk(ctx, yield, func(ctx context.Context) ([]T, bool, error) {
			_, done, err := step(ctx)
			return items, done, err
		})
	}
}

// WalkTokens is PaginateToken without an item type, for generated
// iterators: a generic walk instantiated for each item type made a third
// of the Kubernetes client's compile time. fetch gets the page for token
// and says how many items it holds and the next token; each is as for
// walkPages.
func WalkTokens(ctx context.Context, fetch func(ctx context.Context, token string) (n int, next string, err error), each func(i int, err error) bool) {
	walkPages(ctx, tokenSteps(fetch), each)
}

// tokenSteps is the step of a token walk: fetch with the token the last
// page gave, done at an empty token or one already sent.
func tokenSteps(fetch func(ctx context.Context, token string) (n int, next string, err error)) func(ctx context.Context) (int, bool, error) {
	token, seen := "", map[string]bool{}
	return func(ctx context.Context) (int, bool, error) {
		n, next, err := fetch(ctx, token)
		done := next == "" || seen[next]
		seen[next], token = true, next
		return n, done, err
	}
}

// PaginatePages walks a page-numbered collection (GitHub's and Gitea's
// page with per_page or limit) as an iterator, from page 1. fetch returns
// one page and the number of the next one, 0 when there is none (see
// NextPage); an empty page also ends the walk. A page that came with an
// unusable next link still counts: its items first, then the error.
func PaginatePages[T any](ctx context.Context, pageSize int, fetch func(ctx context.Context, page, perPage int) (items []T, next int, err error)) iter.Seq2[T, error] {
	if pageSize <= 0 {
		pageSize = DefaultPageSize
	}
	return func(yield func(T, error) bool) {
		page := 1
		walk(ctx, yield, func(ctx context.Context) ([]T, bool, error) {
			items, next, err := fetch(ctx, page, pageSize)
			done := next <= page || len(items) == 0
			page = next
			return items, done, err
		})
	}
}
