package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/store"
)

func ExampleSQLite() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "precis-example-")
	defer os.RemoveAll(dir)
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "precis.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	docs := []precis.Document{{ID: "a", Outlet: "Alpha", Title: "Envoy met", Text: "Sessions met the envoy."}}
	b := &precis.Brief{Algorithm: "lead", Documents: []precis.DocumentInfo{docs[0].Info()},
		Summary: []precis.Statement{{Text: "Sessions met the envoy.", Sources: []precis.Source{{Doc: "a", Sentence: "Sessions met the envoy.", Span: precis.Span{End: 23}}}}}}
	if err := st.Put(ctx, b, docs); err != nil { // a one-off story, version 1
		fmt.Println(err)
		return
	}
	page, _ := st.List(ctx, store.Query{})
	fmt.Println(len(page.Briefs), page.Briefs[0].Headline, page.Briefs[0].Version)
	got, _ := st.Documents(ctx, b.ID)
	fmt.Println(got[0].ID, b.Summary[0].Sources[0].Span.Of(got[0].Text))
	// Output:
	// 1 Envoy met 1
	// a Sessions met the envoy.
}
