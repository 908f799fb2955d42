package openapi

import (
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// Token paging is recognised wherever the token sits: Google's
// nextPageToken at the answer's top, Slack's cursor with
// response_metadata.next_cursor; a token without a list is not paging.
func TestTokenPaging(t *testing.T) {
	src := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /instances:
    get:
      operationId: listInstances
      parameters:
        - {name: pageToken, in: query, schema: {type: string}}
        - {name: maxResults, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  kind: {type: string}
                  instances: {type: array, items: {type: object, properties: {id: {type: string}}}}
                  nextPageToken: {type: string}
  /conversations.list:
    get:
      operationId: conversationsList
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  ok: {type: boolean}
                  channels: {type: array, items: {type: string}}
                  response_metadata: {type: object, properties: {next_cursor: {type: string}}}
  /tokenOnly:
    get:
      operationId: tokenOnly
      parameters:
        - {name: pageToken, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {nextPageToken: {type: string}, name: {type: string}}}
`
	api, _, err := Parse("p.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		op   string
		want ir.Paging
	}{
		{"listInstances", ir.Paging{Style: ir.PagingToken, CursorParam: "pageToken", NextField: "nextPageToken", ItemsField: "instances", LimitParam: "maxResults"}},
		{"conversationsList", ir.Paging{Style: ir.PagingToken, CursorParam: "cursor", NextField: "response_metadata.next_cursor", ItemsField: "channels", LimitParam: "limit"}},
		{"tokenOnly", ir.Paging{}},
	} {
		got := ir.Paging{}
		if pg := mustOp(t, api, c.op).Paging; pg != nil {
			got = *pg
		}
		if got != c.want {
			t.Errorf("%s paging = %+v, want %+v", c.op, got, c.want)
		}
	}
}
