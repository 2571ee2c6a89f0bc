package render_test

import (
	"os"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/render"
)

func ExampleWrite() {
	b := &precis.Brief{
		Algorithm: "centroid",
		Documents: []precis.DocumentInfo{{ID: "herald", Outlet: "Harbour Herald"}, {ID: "times", Outlet: "Valley Times"}},
		Summary: []precis.Statement{{
			Text:    "The Old Mill Bridge closed on Tuesday.",
			Sources: []precis.Source{{Doc: "herald"}, {Doc: "times"}},
		}},
	}
	render.Write(os.Stdout, b, render.Text)
	// Output:
	// The Old Mill Bridge closed on Tuesday. [1,2]
	//
	// Sources
	// [1] herald (Harbour Herald)
	// [2] times (Valley Times)
}
