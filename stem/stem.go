// Package stem reduces English words to their Snowball (Porter2) stems.
package stem

import "github.com/kljensen/snowball/english"

// English returns the English Snowball stem of a lower-case word.
// Stopwords are stemmed too; deciding what to drop is the token package's job.
func English(lower string) string {
	return english.Stem(lower, false)
}
