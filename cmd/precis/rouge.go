package main

import "context"

// runRouge is not written yet.
func runRouge(ctx context.Context, e *env, args []string) error {
	return usagef("not implemented yet")
}
