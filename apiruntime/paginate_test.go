package apiruntime_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

// pager serves items 0..n-1 and records the (offset, limit) of each call.
type pager struct {
	n         int
	withTotal bool
	failAt    int // offset at which fetch fails; -1 never
	calls     [][2]int
}

func (p *pager) fetch(_ context.Context, offset, limit int) ([]int, int, error) {
	p.calls = append(p.calls, [2]int{offset, limit})
	if offset == p.failAt {
		return nil, 0, errors.New("boom")
	}
	var items []int
	for i := offset; i < offset+limit && i < p.n; i++ {
		items = append(items, i)
	}
	total := -1
	if p.withTotal {
		total = p.n
	}
	return items, total, nil
}

func collect(t *testing.T, seq func(func(int, error) bool)) ([]int, error) {
	t.Helper()
	var got []int
	for v, err := range seq {
		if err != nil {
			return got, err
		}
		got = append(got, v)
	}
	return got, nil
}

func TestPaginateThreePages(t *testing.T) {
	for _, withTotal := range []bool{true, false} {
		p := &pager{n: 25, withTotal: withTotal, failAt: -1}
		got, err := collect(t, apiruntime.Paginate(context.Background(), 10, p.fetch))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 25 || got[0] != 0 || got[24] != 24 {
			t.Errorf("withTotal=%v: got %v", withTotal, got)
		}
		want := [][2]int{{0, 10}, {10, 10}, {20, 10}}
		if !slices.Equal(p.calls, want) {
			t.Errorf("withTotal=%v: calls %v, want %v", withTotal, p.calls, want)
		}
	}
}

func TestPaginateExactMultiple(t *testing.T) {
	// With a total, 20 items in pages of 10 take two calls; without one,
	// only an empty third page can prove the end.
	p := &pager{n: 20, withTotal: true, failAt: -1}
	collect(t, apiruntime.Paginate(context.Background(), 10, p.fetch))
	if len(p.calls) != 2 {
		t.Errorf("with total: %d calls, want 2", len(p.calls))
	}
	p = &pager{n: 20, failAt: -1}
	got, _ := collect(t, apiruntime.Paginate(context.Background(), 10, p.fetch))
	if len(p.calls) != 3 || len(got) != 20 {
		t.Errorf("without total: %d calls, %d items; want 3, 20", len(p.calls), len(got))
	}
}

func TestPaginateStopsOnError(t *testing.T) {
	p := &pager{n: 25, withTotal: true, failAt: 10}
	got, err := collect(t, apiruntime.Paginate(context.Background(), 10, p.fetch))
	if err == nil || err.Error() != "boom" {
		t.Fatalf("err = %v, want boom", err)
	}
	if len(got) != 10 {
		t.Errorf("got %d items before the error, want 10", len(got))
	}
	// The iterator ends after yielding the error, even if the consumer goes on.
	errs := 0
	for _, err := range apiruntime.Paginate(context.Background(), 10, (&pager{n: 25, failAt: 0}).fetch) {
		if err != nil {
			errs++
		}
	}
	if errs != 1 {
		t.Errorf("errors yielded: %d, want 1", errs)
	}
}

func TestPaginateConsumerBreak(t *testing.T) {
	p := &pager{n: 25, withTotal: true, failAt: -1}
	n := 0
	for v, err := range apiruntime.Paginate(context.Background(), 10, p.fetch) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if v == 12 {
			break
		}
	}
	if n != 13 || len(p.calls) != 2 {
		t.Errorf("items %d, calls %d; want 13, 2", n, len(p.calls))
	}
}

func TestPaginateContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &pager{n: 25, withTotal: true, failAt: -1}
	var err error
	for v, e := range apiruntime.Paginate(ctx, 10, p.fetch) {
		if e != nil {
			err = e
			break
		}
		if v == 9 {
			cancel() // between pages
		}
	}
	if !errors.Is(err, context.Canceled) || len(p.calls) != 1 {
		t.Errorf("err %v after %d calls; want context.Canceled after 1", err, len(p.calls))
	}
}

// A token walk goes on over empty pages that carry a new token, and ends
// at an empty token, at one already sent, or at an error, which it yields
// after the page's items.
func TestPaginateToken(t *testing.T) {
	type page struct {
		items []int
		next  string
		err   error
	}
	boom := errors.New("boom")
	for _, c := range []struct {
		name  string
		pages map[string]page
		want  []int
		sent  []string
		err   error
	}{
		{"empty token ends", map[string]page{"": {[]int{1, 2}, "a", nil}, "a": {[]int{3}, "", nil}}, []int{1, 2, 3}, []string{"", "a"}, nil},
		{"empty page goes on", map[string]page{"": {nil, "a", nil}, "a": {[]int{1}, "", nil}}, []int{1}, []string{"", "a"}, nil},
		{"repeated token ends", map[string]page{"": {[]int{1}, "a", nil}, "a": {[]int{2}, "b", nil}, "b": {[]int{3}, "a", nil}}, []int{1, 2, 3}, []string{"", "a", "b"}, nil},
		{"error after items", map[string]page{"": {[]int{1}, "a", nil}, "a": {[]int{2}, "b", boom}}, []int{1, 2}, []string{"", "a"}, boom},
	} {
		var sent []string
		seq := apiruntime.PaginateToken(context.Background(), func(_ context.Context, token string) ([]int, string, error) {
			sent = append(sent, token)
			p := c.pages[token]
			return p.items, p.next, p.err
		})
		got, err := collect(t, seq)
		if !slices.Equal(got, c.want) || !slices.Equal(sent, c.sent) || !errors.Is(err, c.err) {
			t.Errorf("%s: items %v, tokens sent %q, err %v; want %v, %q, %v", c.name, got, sent, err, c.want, c.sent, c.err)
		}
	}
}
