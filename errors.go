package precis

import "errors"

// The domain errors. A stage wraps one of these (with %w) when it fails for that
// reason, and the edges map them in one place each: cmd/precis to exit statuses,
// httpapi to HTTP status codes.
var (
	// ErrInvalid means the input cannot be used: empty, binary, malformed.
	ErrInvalid = errors.New("precis: invalid input")
	// ErrNotFound means a named thing does not exist.
	ErrNotFound = errors.New("precis: not found")
	// ErrTooLarge means the input exceeds a configured size limit.
	ErrTooLarge = errors.New("precis: input too large")
	// ErrForbidden means a request is not allowed (a private address, a missing token).
	ErrForbidden = errors.New("precis: forbidden")
)
