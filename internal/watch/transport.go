package watch

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/podwhy/podwhy/internal/live"
)

// Observe wraps the transport of the engine's client so that connectivity
// is read off the requests the informers make anyway: a reflector retries
// a refused watch on its own without calling the watch error handler, so
// without this an API server that is down looked connected until the next
// relist, minutes later. A request that reaches no server marks the engine
// disconnected; any answer from the server marks it connected again.
func (e *Engine) Observe(rt http.RoundTripper) http.RoundTripper {
	return observer{e: e, next: rt}
}

type observer struct {
	e    *Engine
	next http.RoundTripper
}

func (o observer) RoundTrip(req *http.Request) (*http.Response, error) {
	verb := verbOf(req)
	o.e.apiMu.Lock()
	o.e.requests[verb]++
	o.e.apiMu.Unlock()
	resp, err := o.next.RoundTrip(req)
	switch {
	case err == nil:
		o.e.heard()
	case errors.Is(err, context.Canceled) || req.Context().Err() != nil:
		// Shutting down, or a caller that gave up: not the server.
	default:
		res := resourceOf(req)
		err := live.Explain(o.e.o.Host, "watch", res, err)
		o.e.apiMu.Lock()
		was := o.e.connected
		o.e.connected, o.e.lastAPIErr = false, err
		o.e.apiMu.Unlock()
		// Said once per outage, however many informers retry at once.
		if was && o.e.o.OnAPIError != nil {
			o.e.o.OnAPIError(res, err)
		}
	}
	return resp, err
}

// resourceOf is the resource a request is for, as the error names it:
// /api/v1/pods → pods, /apis/apps/v1/namespaces/x/deployments → deployments.
func resourceOf(req *http.Request) string {
	parts := strings.FieldsFunc(req.URL.Path, func(r rune) bool { return r == '/' })
	start := 2 // /api/v1/…
	if len(parts) > 0 && parts[0] == "apis" {
		start = 3 // /apis/GROUP/VERSION/…
	}
	if len(parts) > start+2 && parts[start] == "namespaces" {
		return parts[start+2]
	}
	if len(parts) > start {
		return parts[start]
	}
	return req.URL.Path
}

// verbOf names a request as the API server's apiserver_request_total
// does: a GET is a watch, a list (of a collection) or a get (of one
// object, a subresource, or a path outside the resources).
func verbOf(req *http.Request) string {
	switch req.Method {
	case http.MethodPost:
		return "create"
	case http.MethodPut:
		return "update"
	case http.MethodPatch:
		return "patch"
	case http.MethodDelete:
		return "delete"
	case http.MethodGet:
	default:
		return strings.ToLower(req.Method)
	}
	if w := req.URL.Query().Get("watch"); w == "true" || w == "1" {
		return "watch"
	}
	parts := strings.FieldsFunc(req.URL.Path, func(r rune) bool { return r == '/' })
	var rest []string
	switch {
	case len(parts) >= 2 && parts[0] == "api":
		rest = parts[2:]
	case len(parts) >= 3 && parts[0] == "apis":
		rest = parts[3:]
	default:
		return "get"
	}
	// RESOURCE, or namespaces/NS/RESOURCE: a collection.
	if len(rest) == 1 || (len(rest) == 3 && rest[0] == "namespaces") {
		return "list"
	}
	return "get"
}
