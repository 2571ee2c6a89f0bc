package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/precis-news/precis/engine"
)

// BenchmarkCreateBrief measures POST /v1/briefs with the example story through
// the whole server (decode, engine, SQLite commit, encode), without the network.
func BenchmarkCreateBrief(b *testing.B) {
	ts := newTestServer(b, Config{}, BrieferFunc(engine.Brief), nil)
	body, _ := json.Marshal(briefRequest{Articles: seedArticles(b)})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/v1/briefs", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, req)
		if w.Code != http.StatusCreated {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}

// BenchmarkGetBrief measures GET /v1/briefs/{id} through the whole server.
func BenchmarkGetBrief(b *testing.B) {
	ts := newTestServer(b, Config{}, BrieferFunc(engine.Brief), nil)
	body, _ := json.Marshal(briefRequest{Articles: seedArticles(b)})
	req := httptest.NewRequest(http.MethodPost, "/v1/briefs", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	ts.ServeHTTP(w, req)
	var created struct{ ID string }
	json.Unmarshal(w.Body.Bytes(), &created)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/v1/briefs/"+created.ID, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("%d", w.Code)
		}
	}
}
