package main

import "context"

// runBrief is not written yet.
func runBrief(ctx context.Context, e *env, args []string) error {
	return usagef("not implemented yet")
}
