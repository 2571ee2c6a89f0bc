package httpapi

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/clean"
	"github.com/precis-news/precis/store"
)

// makeBrief turns an input into a stored brief: fetch the URLs, clean the
// documents, make the brief, commit it. It returns once the brief is durable.
//
// The documents are cleaned here, once, and stored as cleaned, with what
// cleaning removed: the brief is made with engine.Config.Cleaned, so that its
// spans point into the text the store keeps.
// makeBrief makes, stores and returns the brief of in, and its JSON when the
// store returns it as stored (see putJSON), else nil.
func (s *Server) makeBrief(ctx context.Context, in *input) (*precis.Brief, []byte, error) {
	if err := s.fetchAll(ctx, in); err != nil {
		return nil, nil, err
	}
	if err := finish(in.docs); err != nil {
		return nil, nil, err
	}
	for i := range in.docs {
		clean.Document(&in.docs[i])
	}
	in.cfg.Cleaned = true
	b, err := s.briefer.Brief(ctx, in.docs, in.cfg)
	if err != nil {
		return nil, nil, err
	}
	if b == nil {
		return nil, nil, errors.New("httpapi: the engine returned no brief")
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if len(in.warnings) > 0 {
		b.Warnings = append(slices.Clip(in.warnings), b.Warnings...)
	}
	normalize(b)
	var js []byte
	if p, ok := s.store.(putJSON); ok {
		js, err = p.PutJSON(ctx, b, in.docs)
	} else {
		err = s.store.Put(ctx, b, in.docs)
	}
	if err != nil {
		return nil, nil, err
	}
	s.metrics.briefs.Inc()
	return b, js, nil
}

// normalize gives the brief's lists as [] rather than null, as clients expect.
func normalize(b *precis.Brief) {
	if b.Documents == nil {
		b.Documents = []precis.DocumentInfo{}
	}
	if b.Summary == nil {
		b.Summary = []precis.Statement{}
	}
	if b.Quotes == nil {
		b.Quotes = []precis.Quote{}
	}
	if b.Entities == nil {
		b.Entities = []precis.Entity{}
	}
	if b.Timeline == nil {
		b.Timeline = []precis.Event{}
	}
	if b.Disagreements == nil {
		b.Disagreements = []precis.Disagreement{}
	}
	if b.Coverage == nil {
		b.Coverage = []precis.Coverage{}
	}
	if b.Shared == nil {
		b.Shared = []precis.Fact{}
	}
}

func (s *Server) createBrief(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		s.fail(w, r, errToken)
		return
	}
	in, err := s.readInput(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, js, err := s.makeBrief(r.Context(), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/briefs/"+b.ID)
	if js != nil {
		writeRawJSON(w, http.StatusCreated, js)
		return
	}
	writeJSON(w, http.StatusCreated, b)
}

// putJSON is a store that returns the JSON of the brief it stores (store.SQLite
// does): the brief is then encoded once, for the store and the answer alike.
type putJSON interface {
	PutJSON(ctx context.Context, b *precis.Brief, docs []precis.Document) ([]byte, error)
}

func (s *Server) getBrief(w http.ResponseWriter, r *http.Request) {
	b, err := s.store.BriefJSON(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
	w.Write([]byte{'\n'})
}

type documentsBody struct {
	Documents []precis.Document `json:"documents"`
}

func (s *Server) getDocuments(w http.ResponseWriter, r *http.Request) {
	docs, err := s.store.Documents(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if docs == nil {
		docs = []precis.Document{}
	}
	writeJSON(w, http.StatusOK, documentsBody{docs})
}

func (s *Server) listBriefs(w http.ResponseWriter, r *http.Request) {
	q, err := listQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.store.List(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func listQuery(r *http.Request) (store.Query, error) {
	var q store.Query
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > store.MaxLimit {
			return q, fmt.Errorf("%w: limit %q not in 1..%d", errMalformed, v, store.MaxLimit)
		}
		q.Limit = n
	}
	q.Cursor = r.URL.Query().Get("cursor")
	return q, nil
}

func (s *Server) deleteBrief(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		s.fail(w, r, errToken)
		return
	}
	if err := s.store.Delete(r.Context(), r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type health struct {
	Status string `json:"status"`
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Ping(r.Context()); err != nil {
		s.log.ErrorContext(r.Context(), "health check", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, health{"store unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, health{"ok"})
}

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openAPIDoc)
}
