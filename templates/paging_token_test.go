package templates

import "github.com/apigen-dev/apigen/ir"

// tokenAPI is a Kubernetes-style list: limit and continue in the query,
// the next token in the answer's metadata.continue, behind two pointers.
func tokenAPI() *ir.API {
	s, i := ir.Prim(ir.KindString, ""), ir.Prim(ir.KindInteger, "int64")
	return &ir.API{
		Name: "Tokens", Family: ir.FamilyOpenAPI, Version: "1",
		Operations: []*ir.Operation{
			{Name: "listPods", Method: "GET", Path: "/pods",
				Params:   []*ir.Param{{Name: "continue", In: ir.InQuery, Type: s}, {Name: "limit", In: ir.InQuery, Type: i}},
				Response: &ir.Response{Status: 200, ContentType: "application/json", Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "PodList"}},
				Paging:   &ir.Paging{Style: ir.PagingToken, CursorParam: "continue", NextField: "metadata.continue", LimitParam: "limit", ItemsField: "items"}},
			// A parameter no json tag can name makes the method build part
			// of its request, so its iterator calls it from a closure.
			{Name: "listPodsOdd", Method: "GET", Path: "/pods",
				Params:   []*ir.Param{{Name: "continue", In: ir.InQuery, Type: s}, {Name: "limit", In: ir.InQuery, Type: i}, {Name: `q"uote`, In: ir.InQuery, Type: s}},
				Response: &ir.Response{Status: 200, ContentType: "application/json", Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "PodList"}},
				Paging:   &ir.Paging{Style: ir.PagingToken, CursorParam: "continue", NextField: "metadata.continue", LimitParam: "limit", ItemsField: "items"}},
		},
		Types: []*ir.Type{
			{Name: "Pod", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "name", Type: s, Required: true}}},
			{Name: "PodList", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "items", Type: ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Pod"}}, Required: true},
				{Name: "metadata", Type: ir.TypeRef{Kind: ir.KindRef, Ref: "ListMeta"}}}},
			{Name: "ListMeta", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "continue", Type: s}}},
		},
	}
}

// tokenTest runs in the generated tokens package: the iterator sends back
// each answer's token, goes on over an empty page that has one, sets the
// page size only when the caller did not, and stops at a token it has
// already sent (a server repeating itself) as at an empty one.
const tokenTest = `package tokens

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestTokenIterator(t *testing.T) {
	// token → (items, next token)
	pages := map[string]string{
		"":   ` + "`" + `{"items":[{"name":"a"},{"name":"b"}],"metadata":{"continue":"t1"}}` + "`" + `,
		"t1": ` + "`" + `{"items":[],"metadata":{"continue":"t2"}}` + "`" + `,
		"t2": ` + "`" + `{"items":[{"name":"c"}],"metadata":{"continue":"t1"}}` + "`" + `,
	}
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		sent = append(sent, q.Get("continue")+"/"+q.Get("limit")+q.Get(` + "`" + `q"uote` + "`" + `))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, pages[q.Get("continue")])
	}))
	defer srv.Close()
	c := New(apiruntime.NewHTTP(srv.URL))
	var got []string
	for pod, err := range c.ListPodsAll(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, pod.Name)
	}
	if strings.Join(got, " ") != "a b c" || strings.Join(sent, " ") != "/100 t1/100 t2/100" {
		t.Errorf("items %v from requests %v, want a b c from /100 t1/100 t2/100", got, sent)
	}

	// The caller's page size stands; a last page without a token ends it.
	pages["t1"] = ` + "`" + `{"items":[{"name":"z"}]}` + "`" + `
	sent, got = nil, nil
	for pod, err := range c.ListPodsAll(context.Background(), &ListPodsParams{Limit: apiruntime.Ptr[int64](2)}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, pod.Name)
	}
	if strings.Join(got, " ") != "a b z" || strings.Join(sent, " ") != "/2 t1/2" {
		t.Errorf("items %v from requests %v, want a b z from /2 t1/2", got, sent)
	}

	// The same walk through the method's own closure.
	pages["t1"] = ` + "`" + `{"items":[],"metadata":{"continue":"t2"}}` + "`" + `
	sent, got = nil, nil
	for pod, err := range c.ListPodsOddAll(context.Background(), &ListPodsOddParams{QUote: apiruntime.Ptr("!")}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, pod.Name)
	}
	if strings.Join(got, " ") != "a b c" || strings.Join(sent, " ") != "/100! t1/100! t2/100!" {
		t.Errorf("items %v from requests %v, want a b c from /100! t1/100! t2/100!", got, sent)
	}
}
`
