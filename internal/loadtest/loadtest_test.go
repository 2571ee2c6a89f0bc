package loadtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPhases(t *testing.T) {
	var posts atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v1/briefs":
			n := posts.Add(1)
			if n == 3 {
				http.Error(w, `{"error":"busy"}`, http.StatusServiceUnavailable)
				return
			}
			time.Sleep(time.Millisecond)
			w.WriteHeader(http.StatusCreated)
			fmt.Fprintf(w, `{"id":"brief%d"}`, n)
		case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/briefs/brief"):
			fmt.Fprint(w, `{}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := NewClient(4)
	defer c.Close()
	ctx := context.Background()

	post, ids, err := c.CreateBriefs(ctx, Config{URL: srv.URL, Concurrency: 4, Duration: 5 * time.Second, Requests: 40}, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	if post.Requests != 40 || post.Errors != 1 || len(ids) != 39 || len(post.FirstErrors) != 1 || !strings.Contains(post.FirstErrors[0], "503") {
		t.Errorf("POST phase = %+v, %d ids", post, len(ids))
	}
	if !(time.Millisecond <= post.P50 && post.P50 <= post.P99 && post.P99 <= post.Max) || post.PerSecond <= 0 {
		t.Errorf("POST latencies: %+v", post)
	}
	get, err := c.GetBriefs(ctx, Config{URL: srv.URL, Concurrency: 2, Duration: 5 * time.Second, Requests: 100}, ids)
	if err != nil {
		t.Fatal(err)
	}
	if get.Requests != 100 || get.Errors != 0 {
		t.Errorf("GET phase = %+v", get)
	}

	// The duration bounds a phase too.
	start := time.Now()
	long, err := c.GetBriefs(ctx, Config{URL: srv.URL, Concurrency: 2, Duration: 200 * time.Millisecond, Requests: 1 << 30}, ids)
	if err != nil || time.Since(start) > 2*time.Second || long.Requests == 0 || long.Errors != 0 {
		t.Errorf("time-bounded phase: %+v, %v after %v", long, err, time.Since(start))
	}
	if s := long.String(); !strings.Contains(s, "GET /v1/briefs/{id}") || !strings.Contains(s, "req/s") {
		t.Errorf("String() = %q", s)
	}
}

func TestLoopbackOnly(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80", "http://127.3.4.5"} {
		if err := CheckLoopback(ctx, u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"http://10.0.0.1", "http://192.168.1.1:8080", "http://8.8.8.8", "http://[2001:db8::1]", "not a url", "http://"} {
		if err := CheckLoopback(ctx, u); err == nil {
			t.Errorf("%s was accepted", u)
		}
	}
	c := NewClient(1)
	_, _, err := c.CreateBriefs(ctx, Config{URL: "http://192.168.1.1:8080", Concurrency: 1, Duration: time.Second, Requests: 1}, nil)
	if !errors.Is(err, ErrNotLoopback) {
		t.Errorf("a private address was not refused: %v", err)
	}
}
