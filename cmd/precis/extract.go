package main

import "context"

// runExtract is not written yet.
func runExtract(ctx context.Context, e *env, args []string) error {
	return usagef("not implemented yet")
}
