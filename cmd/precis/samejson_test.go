package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/precis-news/precis/fetch"
	"github.com/precis-news/precis/httpapi"
	"github.com/precis-news/precis/store"
)

// TestSameJSON checks that precis brief --format json and POST /v1/briefs of
// precis serve give the same brief of the same articles, but for the fields
// only a stored brief has (id, created, story), and that neither has a null
// list anywhere.
func TestSameJSON(t *testing.T) {
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "precis.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fo := fetch.DefaultOptions()
	fo.AllowPrivate = true
	api := httptest.NewServer(newServer(st, fo, httpapi.Config{}))
	defer api.Close()
	pages, _ := servePage(t)

	// articles returns the .txt files of dir as the API's articles.
	articles := func(dir string) []map[string]string {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		var as []map[string]string
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			as = append(as, map[string]string{"id": strings.TrimSuffix(filepath.Base(p), ".txt"), "text": string(b)})
		}
		return as
	}
	sessions, bridge := "../../examples/sessions", "../../testdata/stories/bridge"
	tests := []struct {
		name string
		args []string
		body map[string]any
	}{
		{"sessions", []string{sessions}, map[string]any{"articles": articles(sessions)}},
		{"bridge, 80 words", []string{"--words", "80", bridge}, map[string]any{"articles": articles(bridge), "words": 80}},
		{"sessions, 3 sentences, lexrank", []string{"--sentences", "3", "--algorithm", "lexrank", sessions},
			map[string]any{"articles": articles(sessions), "sentences": 3, "words": 0, "algorithm": "lexrank"}},
		{"bridge and a URL", []string{"--allow-private-urls", bridge, pages.URL + "/bridge"},
			map[string]any{"articles": articles(bridge), "urls": []string{pages.URL + "/bridge"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"brief", "--format", "json"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("precis brief: exit %d: %s", code, errOut)
			}
			body, _ := json.Marshal(tt.body)
			resp, err := http.Post(api.URL+"/v1/briefs", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			created, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusCreated {
				t.Fatalf("POST /v1/briefs: %d %s", resp.StatusCode, created)
			}
			var id struct{ ID string }
			json.Unmarshal(created, &id)
			resp, err = http.Get(api.URL + "/v1/briefs/" + id.ID)
			if err != nil {
				t.Fatal(err)
			}
			stored, _ := io.ReadAll(resp.Body)
			resp.Body.Close()

			cli := decode(t, "precis brief", []byte(out))
			for what, js := range map[string][]byte{"POST /v1/briefs": created, "GET /v1/briefs/{id}": stored} {
				got := decode(t, what, js)
				for _, key := range []string{"id", "created", "story"} {
					if _, ok := got[key]; !ok {
						t.Errorf("%s has no %q", what, key)
					}
					delete(got, key)
				}
				if !reflect.DeepEqual(got, cli) {
					t.Errorf("%s and precis brief differ:\n%s", what, diff(got, cli, ""))
				}
			}
		})
	}
}

// decode reads a brief's JSON, failing the test at any null in it.
func decode(t *testing.T, what string, js []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(js, &m); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, path := range nulls(m, "") {
		t.Errorf("%s: %s is null, want [] or a value", what, path)
	}
	return m
}

// nulls returns the paths of the null values in v.
func nulls(v any, path string) []string {
	var out []string
	switch v := v.(type) {
	case nil:
		return []string{path}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = append(out, nulls(v[k], path+"."+k)...)
		}
	case []any:
		for i, e := range v {
			out = append(out, nulls(e, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return out
}

// diff describes the first differences between a and b, at most a few.
func diff(a, b any, path string) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			break
		}
		var out []string
		for k := range a {
			if !reflect.DeepEqual(a[k], bm[k]) {
				out = append(out, diff(a[k], bm[k], path+"."+k))
			}
		}
		for k := range bm {
			if _, ok := a[k]; !ok {
				out = append(out, fmt.Sprintf("%s.%s: missing, want %.100v", path, k, bm[k]))
			}
		}
		return strings.Join(out, "\n")
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) {
			break
		}
		for i := range a {
			if !reflect.DeepEqual(a[i], bs[i]) {
				return diff(a[i], bs[i], fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	return fmt.Sprintf("%s: %.200v, want %.200v", path, a, b)
}
