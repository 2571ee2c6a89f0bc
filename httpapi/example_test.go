package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/precis-news/precis/engine"
	"github.com/precis-news/precis/fetch"
	"github.com/precis-news/precis/httpapi"
	"github.com/precis-news/precis/store"
)

func ExampleNew() {
	dir, _ := os.MkdirTemp("", "precis-example-")
	defer os.RemoveAll(dir)
	st, err := store.OpenSQLite(context.Background(), filepath.Join(dir, "precis.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	srv := httptest.NewServer(httpapi.New(st, httpapi.BrieferFunc(engine.Brief), fetch.New(fetch.DefaultOptions()), httpapi.DefaultConfig()))
	defer srv.Close()

	resp, err := http.Post(srv.URL+"/v1/briefs", "application/json",
		strings.NewReader(`{"articles": [{"outlet": "Alpha", "text": "Sessions met the envoy."}], "urls": ["http://169.254.169.254/"]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, strings.TrimSpace(string(body)))
	// Output:
	// 403 {"error":"URL 1: fetch: http://169.254.169.254/: address not allowed: 169.254.169.254 is loopback, private or internal"}
}
