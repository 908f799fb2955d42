package apiruntime

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

type podsParams struct {
	NS       string  `in:"path" json:"namespace"`
	Continue *string `in:"query" json:"continue,omitempty"`
	Limit    *int32  `in:"query" json:"limit,omitempty"`
}

type podsMeta struct {
	Continue *string `json:"continue,omitempty"`
}

type podsPage struct {
	Items    []string  `json:"items"`
	Metadata *podsMeta `json:"metadata,omitempty"`
}

// TokenPages sends a copy of p with each page's token and the default
// page size, reads the items and the next token through pointers, goes on
// over an empty page, stops at a repeated or missing token, and passes
// errors on; p is left as it was.
func TestTokenPages(t *testing.T) {
	pages := map[string]podsPage{
		"":   {Items: []string{"a", "b"}, Metadata: &podsMeta{Continue: Ptr("t1")}},
		"t1": {Metadata: &podsMeta{Continue: Ptr("t2")}},
		"t2": {Items: []string{"c"}, Metadata: &podsMeta{Continue: Ptr("t1")}},
	}
	var sent []string
	tr := TransportFunc(func(_ context.Context, req *Request, out any) error {
		sent = append(sent, req.Path+"?"+req.Query.Encode())
		page, ok := pages[req.Query.Get("continue")]
		if !ok {
			return errors.New("no such page")
		}
		*out.(*podsPage) = page
		return nil
	})
	op := &Request{Operation: "listPods", Method: "GET", Path: "/ns/{namespace}/pods"}
	tp := &TokenPaging{Token: "continue", Limit: "limit", Size: 100, Items: "items", Next: []string{"metadata", "continue"}}
	walk := func(p *podsParams, size int64) (got []string) {
		var page podsPage
		tp := *tp
		tp.Size = size
		TokenPages(context.Background(), tr, op, &tp, p, &page, nil, func(i int, err error) bool {
			if err != nil {
				got = append(got, "error: "+err.Error())
				return false
			}
			got = append(got, page.Items[i])
			return true
		})
		return got
	}
	p := &podsParams{NS: "default", Limit: Ptr[int32](2)}
	if got := walk(p, 100); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("items %v", got)
	}
	want := []string{"/ns/default/pods?limit=2", "/ns/default/pods?continue=t1&limit=2", "/ns/default/pods?continue=t2&limit=2"}
	if !reflect.DeepEqual(sent, want) || p.Continue != nil || *p.Limit != 2 {
		t.Errorf("sent %v, p %+v", sent, p)
	}
	sent = nil
	var none *podsParams
	if got := walk(none, 50); !reflect.DeepEqual(got, []string{"a", "b", "c"}) || sent[0] != "/ns//pods?limit=50" {
		t.Errorf("nil params: %v, sent %v", got, sent)
	}
	pages[""] = podsPage{Items: []string{"x"}}
	sent = nil
	if got := walk(&podsParams{NS: "n"}, 50); !reflect.DeepEqual(got, []string{"x"}) || !reflect.DeepEqual(sent, []string{"/ns/n/pods?limit=50"}) {
		t.Errorf("no next token: %v, sent %v", got, sent)
	}
	pages[""] = podsPage{Metadata: &podsMeta{Continue: Ptr("gone")}}
	if got := walk(&podsParams{NS: "n"}, 50); !reflect.DeepEqual(got, []string{"error: no such page"}) {
		t.Errorf("failed page: %v", got)
	}
}
