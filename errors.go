package precis

import (
	"errors"
	"fmt"
)

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

// Errorf formats an error (fmt.Errorf, %w included) that is also kind
// (errors.Is(err, kind)) without saying so in its message, for messages where
// the sentinel's own text would tell the reader nothing.
func Errorf(kind error, format string, a ...any) error {
	return kinded{err: fmt.Errorf(format, a...), kind: kind}
}

type kinded struct {
	err, kind error
}

func (k kinded) Error() string   { return k.err.Error() }
func (k kinded) Unwrap() []error { return []error{k.err, k.kind} }
