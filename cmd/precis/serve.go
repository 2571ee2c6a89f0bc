package main

import "context"

// runServe is not written yet.
func runServe(ctx context.Context, e *env, args []string) error {
	return usagef("not implemented yet")
}
