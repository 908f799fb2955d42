package apiruntime

import (
	"fmt"
	"strconv"
)

// NextPage says which page follows page, from the answer r recorded (see
// WithResponse): the page parameter of its Link rel="next" URL, else, with
// an X-Total-Count header, page+1 while items remain, else page+1 when the
// page was full. 0 means none. The Link URL is only read, never requested:
// it must still name the request's own origin (ResolveLocation), and one
// naming another is refused with *URLError rather than silently ignored.
func NextPage(r *Response, param string, page, perPage, got int) (int, error) {
	if r == nil || r.Header == nil {
		return 0, nil
	}
	if links := r.Header.Values("Link"); len(links) > 0 {
		next, ok := linkNext(links)
		if !ok {
			return 0, nil
		}
		if r.HTTP == nil || r.HTTP.Request == nil {
			return 0, fmt.Errorf("next page: no request to resolve the Link against")
		}
		u, err := ResolveLocation(r.HTTP.Request.URL, next)
		if err != nil {
			return 0, err
		}
		n, err := strconv.Atoi(u.Query().Get(param))
		if err != nil || n <= page {
			return 0, nil
		}
		return n, nil
	}
	if total, err := strconv.Atoi(r.Header.Get("X-Total-Count")); err == nil {
		if page*perPage < total {
			return page + 1, nil
		}
		return 0, nil
	}
	if got >= perPage {
		return page + 1, nil
	}
	return 0, nil
}
