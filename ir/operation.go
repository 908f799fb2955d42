package ir

// Location is where a parameter travels.
type Location string

const (
	InPath   Location = "path"
	InQuery  Location = "query"
	InHeader Location = "header"
	InCookie Location = "cookie"
	// InBody marks one field of a JSON body assembled from parameters
	// (ZStack); a whole-body schema is Operation.Body instead.
	InBody Location = "body"
	InForm Location = "form"
)

// Operation is one callable API: an HTTP method and path, or an action name.
type Operation struct {
	// Name is the operation's wire identity: operationId, ZStack API name,
	// QingCloud action.
	Name        string `json:"name"`
	Service     string `json:"service,omitempty"`
	Summary     string `json:"summary,omitempty"`
	Description string `json:"description,omitempty"`
	Method      string `json:"method,omitempty"`
	Path        string `json:"path,omitempty"`
	// Action is set for action-style APIs (QingCloud's action=RunInstances).
	Action string `json:"action,omitempty"`
	// URLs holds every documented endpoint; Method and Path are the primary one.
	URLs       []Endpoint `json:"urls,omitempty"`
	Since      string     `json:"since,omitempty"`
	Deprecated bool       `json:"deprecated,omitempty"`
	// Servers are the operation's own servers (OpenAPI operation or path
	// servers), variables filled with their defaults; empty when the
	// API's servers apply.
	Servers []string `json:"servers,omitempty"`
	// Auth is false for calls that need no credentials (login itself).
	Auth   bool     `json:"auth"`
	Params []*Param `json:"params"`
	// BodyKey wraps body parameters: {"params": {...}} or {"changeClusterState": {...}}.
	BodyKey  string    `json:"bodyKey,omitempty"`
	Body     *Body     `json:"body,omitempty"`
	Response *Response `json:"response,omitempty"`
	// Errors are the documented error answers, by status code, class
	// ("4XX") or "default", in that order.
	Errors []*ErrorResponse `json:"errors,omitempty"`
	// Async is true when the call answers 202 (ZStack) or returns a job or
	// task (QingCloud, CloudTower) that must be waited on.
	Async  bool    `json:"async"`
	Paging *Paging `json:"paging,omitempty"`
	Pos    Pos     `json:"pos"`
}

// Endpoint is one documented method and path.
type Endpoint struct {
	Method string `json:"method"`
	Path   string `json:"path"`
}

// Param is one request parameter, by its wire name.
type Param struct {
	Name     string   `json:"name"`
	In       Location `json:"in"`
	Required bool     `json:"required"`
	Nullable bool     `json:"nullable,omitempty"`
	Type     TypeRef  `json:"type"`
	// Wrapper is the body key this body parameter sits inside, "" for top level.
	Wrapper string `json:"wrapper,omitempty"`
	// Default and Enum values are JSON literals ("1", "\"disable\"").
	Default string   `json:"default,omitempty"`
	Enum    []string `json:"enum,omitempty"`
	// Inferred is true when Default or Enum was read from description prose
	// rather than a structured column.
	Inferred bool `json:"inferred,omitempty"`
	// Style says how a list goes on the wire when not as the family's
	// default ("": repeated keys for OpenAPI query parameters): one of the
	// Style constants.
	Style Style `json:"style,omitempty"`
	// TransportFills is true when the family's transport sends the
	// parameter itself when the call leaves it unset (QingCloud's zone,
	// from the zone the transport was built with): a required one is not
	// missing when the transport will fill it.
	TransportFills bool   `json:"transportFills,omitempty"`
	Since          string `json:"since,omitempty"`
	Description    string `json:"description,omitempty"`
	Deprecated     bool   `json:"deprecated,omitempty"`
	Pos            Pos    `json:"pos"`
}

// Body is a whole request body given by one schema (OpenAPI requestBody).
type Body struct {
	Type TypeRef `json:"type"`
	// ContentType is the media type the body is encoded for and sent
	// with unless the caller picks another of MediaTypes.
	ContentType string `json:"contentType"`
	// MediaTypes lists every media type the body is documented in
	// (OpenAPI content keys, Swagger 2.0 consumes or a Content-Type
	// header parameter's values), in document order, when there is more
	// than ContentType: the caller's choice per call ("image/png",
	// "image/jpeg", "*/*").
	MediaTypes  []string `json:"mediaTypes,omitempty"`
	Required    bool     `json:"required"`
	Description string   `json:"description,omitempty"`
}

// Response is the successful response of an operation.
type Response struct {
	Status      int      `json:"status,omitempty"`
	ContentType string   `json:"contentType,omitempty"`
	Type        *TypeRef `json:"type,omitempty"`
	// Type is the whole response body. Envelope names the field of it that
	// holds the payload ("inventory", "inventories", "results", "data"),
	// "" when the body is the payload.
	Envelope    string `json:"envelope,omitempty"`
	Description string `json:"description,omitempty"`
	// MediaTypes lists every media type the successful answer is
	// documented in (OpenAPI content keys, Swagger 2.0 produces), in
	// document order: what a client sends as Accept.
	MediaTypes []string `json:"mediaTypes,omitempty"`
}

// ErrorResponse is one documented error answer.
type ErrorResponse struct {
	// Code is the status as the spec writes it: "404", "4XX", "default".
	Code        string   `json:"code"`
	ContentType string   `json:"contentType,omitempty"`
	Type        *TypeRef `json:"type,omitempty"`
	Description string   `json:"description,omitempty"`
}

// Paging says how one list call pages, so emitters can offer an iterator
// over the whole collection.
type Paging struct {
	// Style is one of the PagingStyle constants.
	Style       PagingStyle `json:"style"`
	OffsetParam string      `json:"offsetParam"`
	LimitParam  string      `json:"limitParam"`
	// CountParam asks the server to include the total ("replyWithCount").
	CountParam string `json:"countParam,omitempty"`
	ItemsField string `json:"itemsField"`
	TotalField string `json:"totalField,omitempty"`
	MaxLimit   int    `json:"maxLimit,omitempty"`
	// Cursor paging ("cursor", Stripe): CursorParam takes the CursorField
	// of the last item seen, while the boolean HasMoreField says more
	// follow.
	CursorParam  string `json:"cursorParam,omitempty"`
	CursorField  string `json:"cursorField,omitempty"`
	HasMoreField string `json:"hasMoreField,omitempty"`
	// PageParam is the page number, from 1, of "page" paging (GitHub,
	// Gitea: page with per_page or limit in LimitParam); the next page
	// comes from the Link header, X-Total-Count or a full page.
	PageParam string `json:"pageParam,omitempty"`
	// NextField is, for "token" paging (Kubernetes' continue, Google's
	// pageToken, Slack's cursor), the answer's field holding the token
	// CursorParam takes for the next page, as a dotted path of wire names
	// ("metadata.continue"); an empty or repeated token ends the walk.
	NextField string `json:"nextField,omitempty"`
}

// Param looks up a parameter by wire name; nil when absent.
func (o *Operation) Param(name string) *Param {
	for _, p := range o.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Style is how a list (or object) parameter goes on the wire when not as
// its family's default: one of the Style constants.
type Style string

// Param.Style values.
const (
	// StyleDotted sends lists as name.1, name.2 and list items' fields as
	// name.1.field (QingCloud).
	StyleDotted Style = "dotted"
	// StyleComma, StyleSpace and StylePipe send a query list as one value
	// joined by ",", " " or "|" (OpenAPI form, spaceDelimited and
	// pipeDelimited without explode; Swagger 2.0 csv, ssv and pipes).
	StyleComma Style = "comma"
	StyleSpace Style = "space"
	StylePipe  Style = "pipe"
	// StyleDeep sends objects and lists inside a query parameter as
	// name[key]=v and name[0]=v (OpenAPI deepObject; what Stripe reads).
	StyleDeep Style = "deep"
)

// Styles lists every Style but the default "".
func Styles() []Style { return []Style{StyleDotted, StyleComma, StyleSpace, StylePipe, StyleDeep} }

// PagingStyle is how a list call pages.
type PagingStyle string

const (
	// PagingOffset is offset/limit with a total.
	PagingOffset PagingStyle = "offset"
	// PagingFirstSkip is CloudTower's first/skip, without a total: a short
	// page ends the collection.
	PagingFirstSkip PagingStyle = "first-skip"
	// PagingCursor is Stripe's starting_after cursor with has_more.
	PagingCursor PagingStyle = "cursor"
	// PagingToken is an opaque next-page token the answer carries
	// (Kubernetes, Google APIs, Slack).
	PagingToken PagingStyle = "token"
	// PagingPage is page numbers (GitHub, Gitea), the next page known from
	// the Link header, X-Total-Count or a full page.
	PagingPage PagingStyle = "page"
)

// PagingStyles lists every paging style.
func PagingStyles() []PagingStyle {
	return []PagingStyle{PagingOffset, PagingFirstSkip, PagingCursor, PagingPage, PagingToken}
}
