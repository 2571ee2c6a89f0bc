package main

import "context"

// runEval is not written yet.
func runEval(ctx context.Context, e *env, args []string) error {
	return usagef("not implemented yet")
}
