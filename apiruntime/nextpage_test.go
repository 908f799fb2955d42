package apiruntime_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

func TestPaginateCursor(t *testing.T) {
	pages := map[string][]string{"": {"a", "b"}, "b": {"c", "d"}, "d": {"e"}}
	var got []string
	var asked []string
	for it, err := range apiruntime.PaginateCursor(context.Background(), func(_ context.Context, cursor string) ([]string, string, bool, error) {
		asked = append(asked, cursor)
		p := pages[cursor]
		return p, p[len(p)-1], cursor != "d", nil
	}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	if fmt.Sprint(got) != "[a b c d e]" || fmt.Sprint(asked) != "[ b d]" {
		t.Errorf("items %v, cursors %v", got, asked)
	}
	// A server that repeats its page (same last id, has_more) stops.
	n := 0
	for range apiruntime.PaginateCursor(context.Background(), func(context.Context, string) ([]int, string, bool, error) {
		n++
		return []int{1}, "same", true, nil
	}) {
	}
	if n != 2 {
		t.Errorf("a repeating server was asked %d times, want 2", n)
	}
}

// linkPager serves 5 items in pages of per_page with a Link header; link
// rewrites the next URL (another host, to prove it is refused).
func linkPager(t *testing.T, link func(next string) string) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		var items []int
		for i := (page - 1) * per; i < page*per && i < 5; i++ {
			items = append(items, i)
		}
		if page*per < 5 {
			w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="next", <%s/items?page=1&per_page=%d>; rel="first"`, link(fmt.Sprintf("%s/items?page=%d&per_page=%d", srv.URL, page+1, per)), srv.URL, per))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, jsonInts(items))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func jsonInts(v []int) string {
	s := "["
	for i, n := range v {
		if i > 0 {
			s += ","
		}
		s += strconv.Itoa(n)
	}
	return s + "]"
}

func pages(t *testing.T, srv *httptest.Server, opts ...apiruntime.Option) ([]int, error) {
	tr := apiruntime.NewHTTP(srv.URL, opts...)
	var got []int
	for it, err := range apiruntime.PaginatePages(context.Background(), 2, func(ctx context.Context, page, per int) ([]int, int, error) {
		var meta apiruntime.Response
		var out []int
		q := map[string][]string{"page": {strconv.Itoa(page)}, "per_page": {strconv.Itoa(per)}}
		if err := tr.Do(apiruntime.WithResponse(ctx, &meta), &apiruntime.Request{Operation: "list", Path: "/items", Query: q, Auth: true}, &out); err != nil {
			return nil, 0, err
		}
		next, err := apiruntime.NextPage(&meta, "page", page, per, len(out))
		return out, next, err
	}) {
		if err != nil {
			return got, err
		}
		got = append(got, it)
	}
	return got, nil
}

func TestPaginatePagesLink(t *testing.T) {
	got, err := pages(t, linkPager(t, func(next string) string { return next }))
	if err != nil || fmt.Sprint(got) != "[0 1 2 3 4]" {
		t.Errorf("pages: %v %v", got, err)
	}
	// A next link naming another host ends the walk with *URLError; the
	// link is never requested, so nothing reaches that host.
	sink := wiretest.NewSink(t)
	got, err = pages(t, linkPager(t, func(string) string { return sink.URL + "/items?page=2&per_page=2" }), apiruntime.WithBearerToken("page-secret-1"))
	var ue *apiruntime.URLError
	if !errors.As(err, &ue) || fmt.Sprint(got) != "[0 1]" {
		t.Errorf("link to another host: %v %v", got, err)
	}
	sink.Check(t, "next link", "page-secret-1")
}

// A next link with commas in its URL and its parameters (GitHub's search
// links keep q=a,b) is followed on the same origin, and refused off it.
func TestPaginatePagesLinkWithCommas(t *testing.T) {
	commas := func(next string) string {
		return next + `&q=a,b>; title="x, <y>; rel=last"; rel="next", <` + next + `>; rel="last`
	}
	got, err := pages(t, linkPager(t, commas))
	if err != nil || fmt.Sprint(got) != "[0 1 2 3 4]" {
		t.Errorf("pages: %v %v", got, err)
	}
	sink := wiretest.NewSink(t)
	got, err = pages(t, linkPager(t, func(string) string { return commas(sink.URL + "/items?page=2&per_page=2") }), apiruntime.WithBearerToken("page-secret-2"))
	var ue *apiruntime.URLError
	if !errors.As(err, &ue) || fmt.Sprint(got) != "[0 1]" {
		t.Errorf("link to another host: %v %v", got, err)
	}
	sink.Check(t, "next link", "page-secret-2")
}

func TestNextPageWithoutLink(t *testing.T) {
	h := http.Header{}
	h.Set("X-Total-Count", "5")
	r := &apiruntime.Response{Header: h}
	for _, c := range []struct{ page, want int }{{1, 2}, {2, 3}, {3, 0}} {
		if n, err := apiruntime.NextPage(r, "page", c.page, 2, 2); err != nil || n != c.want {
			t.Errorf("total 5, page %d: next %d %v, want %d", c.page, n, err, c.want)
		}
	}
	r = &apiruntime.Response{Header: http.Header{}}
	if n, _ := apiruntime.NextPage(r, "page", 1, 2, 2); n != 2 {
		t.Errorf("full page without headers: next %d", n)
	}
	if n, _ := apiruntime.NextPage(r, "page", 1, 2, 1); n != 0 {
		t.Errorf("short page without headers: next %d", n)
	}
}
