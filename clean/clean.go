// Package clean removes page furniture from article text and keeps the news.
package clean

import "github.com/precis-news/precis"

// Document removes page furniture from d.Text, recording each removal in d.Removed.
//
// PLACEHOLDER: removes nothing.
func Document(d *precis.Document) {}
