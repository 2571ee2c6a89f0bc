package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/precis-news/precis"
)

// The server's own errors, each wrapping the domain error it is a case of.
var (
	errMalformed   = fmt.Errorf("httpapi: malformed request: %w", precis.ErrInvalid)
	errMediaType   = fmt.Errorf("httpapi: unsupported content type: %w", precis.ErrInvalid)
	errMethod      = fmt.Errorf("httpapi: method not allowed: %w", precis.ErrInvalid)
	errToken       = fmt.Errorf("httpapi: a valid token is required to write: %w", precis.ErrForbidden)
	errCrossOrigin = fmt.Errorf("httpapi: cross-origin request refused: %w", precis.ErrForbidden)
	errBusy        = errors.New("httpapi: server busy, try again")
	errTimeout     = errors.New("httpapi: request timed out")
)

// status maps an error to its HTTP status code: the one place that does.
func status(err error) int {
	var maxBytes *http.MaxBytesError
	switch {
	case errors.As(err, &maxBytes), errors.Is(err, precis.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errMediaType):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed
	case errors.Is(err, errMalformed):
		return http.StatusBadRequest
	case errors.Is(err, errToken):
		return http.StatusUnauthorized
	case errors.Is(err, precis.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, precis.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, precis.ErrInvalid):
		return http.StatusUnprocessableEntity
	case errors.Is(err, errBusy), errors.Is(err, errTimeout),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// message is what a client is told of err: the error itself for its own
// mistakes, nothing of the server's internals.
func message(err error, code int) string {
	var maxBytes *http.MaxBytesError
	switch {
	case code == http.StatusInternalServerError:
		return "internal error"
	case errors.As(err, &maxBytes):
		return fmt.Sprintf("request body over the %d-byte limit", maxBytes.Limit)
	case code == http.StatusServiceUnavailable && !errors.Is(err, errBusy):
		return errTimeout.Error()
	}
	// The status says which domain error it was; the words need not repeat it.
	msg := err.Error()
	for _, e := range []error{precis.ErrInvalid, precis.ErrNotFound, precis.ErrTooLarge, precis.ErrForbidden} {
		msg = strings.ReplaceAll(msg, ": "+e.Error(), "")
	}
	return strings.TrimPrefix(msg, "httpapi: ")
}

// fail writes err as the response: JSON {"error": "..."} for the API, an error
// page for the web pages.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	if code >= 500 && !errors.Is(err, errBusy) {
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "status", code, "err", err)
	}
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="precis"`)
	}
	msg := message(err, code)
	if isPage(r) {
		s.pages.renderError(w, code, msg)
		return
	}
	writeJSON(w, code, errorBody{Error: msg})
}

type errorBody struct {
	Error string `json:"error"`
}

// isPage reports whether r is for a web page rather than the API.
func isPage(r *http.Request) bool {
	p := r.URL.Path
	return !strings.HasPrefix(p, "/v1/") && p != "/healthz" && p != "/metrics" && p != "/openapi.json"
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		code = http.StatusInternalServerError
		b = []byte(`{"error":"internal error"}`)
	}
	writeRawJSON(w, code, b)
}

// writeRawJSON writes b, JSON already encoded, as writeJSON writes a value.
func writeRawJSON(w http.ResponseWriter, code int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b)
	w.Write([]byte{'\n'})
}
