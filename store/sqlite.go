package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/precis-news/precis"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// SQLite is the Store in one SQLite database file, in WAL mode with
// synchronous=FULL: a Put that returned survives a crash of the process or of
// the machine.
//
// Writes go through one connection (SQLite allows one writer at a time, and a
// single connection never waits on a lock); reads use a pool of read-only
// connections that WAL lets run beside the writer.
type SQLite struct {
	w, r *sql.DB
	put  struct{ story, bump, version, brief, article, findArticle, link *sql.Stmt }
	get  struct{ brief, body, current, docs, exists, list *sql.Stmt }
}

var _ Store = (*SQLite)(nil)

// OpenSQLite opens, creating it if needed, the database at path and brings its
// schema up to date.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: database path %q: %w", path, precis.ErrInvalid)
	}
	common := "?_busy_timeout=10000&_foreign_keys=1"
	w, err := sql.Open("sqlite", path+common+"&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	s := &SQLite{w: w}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", path+common+"&_query_only=1")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxLifetime(0)
	s.r = r
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return s, nil
}

func (s *SQLite) prepare(ctx context.Context) error {
	var err error
	prep := func(db *sql.DB, dst **sql.Stmt, query string) {
		if err == nil {
			*dst, err = db.PrepareContext(ctx, query)
		}
	}
	prep(s.w, &s.put.story, `INSERT INTO stories(id, created, updated, headline) VALUES (?, ?, ?, ?)`)
	prep(s.w, &s.put.bump, `UPDATE stories SET updated = ?, headline = ? WHERE id = ?`)
	prep(s.w, &s.put.version, `SELECT coalesce(max(version), 0) FROM briefs WHERE story_id = ?`)
	prep(s.w, &s.put.brief, `INSERT INTO briefs(id, story_id, version, created, headline, algorithm, documents, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`)
	prep(s.w, &s.put.article, `INSERT INTO articles(story_id, hash, url, title, outlet, author, published, text, removed, source, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`)
	prep(s.w, &s.put.findArticle, `SELECT id FROM articles WHERE story_id = ? AND hash = ?`)
	prep(s.w, &s.put.link, `INSERT INTO brief_articles(brief_seq, position, article_id, doc_id) VALUES (?, ?, ?, ?)`)
	prep(s.r, &s.get.brief, `SELECT id, story_id, created, body FROM briefs WHERE id = ?`)
	prep(s.r, &s.get.body, `SELECT body FROM briefs WHERE id = ?`)
	prep(s.r, &s.get.current, `SELECT id, story_id, created, body FROM briefs WHERE story_id = ? ORDER BY version DESC LIMIT 1`)
	prep(s.r, &s.get.docs, `SELECT l.doc_id, a.title, a.url, a.outlet, a.author, a.published, a.text, a.removed, a.source
		FROM briefs b JOIN brief_articles l ON l.brief_seq = b.seq JOIN articles a ON a.id = l.article_id
		WHERE b.id = ? ORDER BY l.position`)
	prep(s.r, &s.get.exists, `SELECT 1 FROM briefs WHERE id = ?`)
	prep(s.r, &s.get.list, `SELECT seq, id, story_id, version, created, headline, algorithm, documents
		FROM briefs WHERE seq < ? ORDER BY seq DESC LIMIT ?`)
	return err
}

// Ping implements Store.
func (s *SQLite) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *SQLite) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	errs = append(errs, s.w.Close())
	return errors.Join(errs...)
}

// Put implements Store.
func (s *SQLite) Put(ctx context.Context, b *precis.Brief, docs []precis.Document) error {
	_, err := s.PutJSON(ctx, b, docs)
	return err
}

// PutJSON is Put, and returns the brief's JSON as stored: what BriefJSON
// returns, so that a server answering with the brief need not encode it again.
func (s *SQLite) PutJSON(ctx context.Context, b *precis.Brief, docs []precis.Document) ([]byte, error) {
	if b == nil {
		return nil, fmt.Errorf("store: nil brief: %w", precis.ErrInvalid)
	}
	if b.Created.IsZero() {
		b.Created = time.Now().UTC().Truncate(time.Microsecond)
	}
	headline := Headline(b)
	now := b.Created.UnixNano()
	story, id := b.Story, newID()
	if story == "" {
		story = newID()
	}
	// The body is the brief's JSON as the API serves it, so that reading a
	// brief back needs no decoding.
	body := *b
	body.ID, body.Story = id, story
	js, err := json.Marshal(&body)
	if err != nil {
		return nil, fmt.Errorf("store: encode brief: %w", err)
	}

	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()

	version := 1
	if b.Story == "" {
		if _, err := tx.StmtContext(ctx, s.put.story).ExecContext(ctx, story, now, now, headline); err != nil {
			return nil, fmt.Errorf("store: insert story: %w", err)
		}
	} else {
		res, err := tx.StmtContext(ctx, s.put.bump).ExecContext(ctx, now, headline, story)
		if err != nil {
			return nil, fmt.Errorf("store: update story: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil, fmt.Errorf("store: story %q: %w", story, precis.ErrNotFound)
		}
		if err := tx.StmtContext(ctx, s.put.version).QueryRowContext(ctx, story).Scan(&version); err != nil {
			return nil, fmt.Errorf("store: story version: %w", err)
		}
		version++
	}
	var seq int64
	err = tx.StmtContext(ctx, s.put.brief).QueryRowContext(ctx, id, story, version, now, headline, b.Algorithm, len(docs), js).Scan(&seq)
	if err != nil {
		return nil, fmt.Errorf("store: insert brief: %w", err)
	}
	insert, find, link := tx.StmtContext(ctx, s.put.article), tx.StmtContext(ctx, s.put.findArticle), tx.StmtContext(ctx, s.put.link)
	for i := range docs {
		d := &docs[i]
		hash := contentHash(d)
		var published, removed string
		if !d.Published.IsZero() {
			published = d.Published.Format(time.RFC3339Nano)
		}
		if len(d.Removed) > 0 {
			r, err := json.Marshal(d.Removed)
			if err != nil {
				return nil, fmt.Errorf("store: encode removals: %w", err)
			}
			removed = string(r)
		}
		var article int64
		err := insert.QueryRowContext(ctx, story, hash, d.URL, d.Title, d.Outlet, d.Author, published, d.Text, removed, d.Source, now).Scan(&article)
		if errors.Is(err, sql.ErrNoRows) { // already in the story
			err = find.QueryRowContext(ctx, story, hash).Scan(&article)
		}
		if err != nil {
			return nil, fmt.Errorf("store: insert article: %w", err)
		}
		if _, err := link.ExecContext(ctx, seq, i, article, d.ID); err != nil {
			return nil, fmt.Errorf("store: link article: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	b.ID, b.Story = id, story
	return js, nil
}

// Brief implements Store.
func (s *SQLite) Brief(ctx context.Context, id string) (*precis.Brief, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
	}
	return s.scanBrief(s.get.brief.QueryRowContext(ctx, id), "brief "+strconv.Quote(id))
}

// BriefJSON implements Store.
func (s *SQLite) BriefJSON(ctx context.Context, id string) ([]byte, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
	}
	var body []byte
	if err := s.get.body.QueryRowContext(ctx, id).Scan(&body); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
		}
		return nil, fmt.Errorf("store: brief %q: %w", id, err)
	}
	return body, nil
}

// Current implements Store.
func (s *SQLite) Current(ctx context.Context, story string) (*precis.Brief, error) {
	if !ValidID(story) {
		return nil, fmt.Errorf("store: story %q: %w", story, precis.ErrNotFound)
	}
	return s.scanBrief(s.get.current.QueryRowContext(ctx, story), "story "+strconv.Quote(story))
}

func (s *SQLite) scanBrief(row *sql.Row, what string) (*precis.Brief, error) {
	var (
		b       precis.Brief
		created int64
		body    []byte
		id, st  string
	)
	if err := row.Scan(&id, &st, &created, &body); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("store: %s: %w", what, precis.ErrNotFound)
		}
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, fmt.Errorf("store: %s: decode: %w", what, err)
	}
	b.ID, b.Story, b.Created = id, st, time.Unix(0, created).UTC()
	return &b, nil
}

// Documents implements Store.
func (s *SQLite) Documents(ctx context.Context, id string) ([]precis.Document, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
	}
	rows, err := s.get.docs.QueryContext(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("store: documents of %q: %w", id, err)
	}
	defer rows.Close()
	var docs []precis.Document
	for rows.Next() {
		var d precis.Document
		var published, removed string
		if err := rows.Scan(&d.ID, &d.Title, &d.URL, &d.Outlet, &d.Author, &published, &d.Text, &removed, &d.Source); err != nil {
			return nil, fmt.Errorf("store: documents of %q: %w", id, err)
		}
		if published != "" {
			d.Published, _ = time.Parse(time.RFC3339Nano, published)
		}
		if removed != "" {
			if err := json.Unmarshal([]byte(removed), &d.Removed); err != nil {
				return nil, fmt.Errorf("store: documents of %q: decode removals: %w", id, err)
			}
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: documents of %q: %w", id, err)
	}
	if len(docs) == 0 {
		var one int
		if err := s.get.exists.QueryRowContext(ctx, id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
		} else if err != nil {
			return nil, fmt.Errorf("store: documents of %q: %w", id, err)
		}
	}
	return docs, nil
}

// List implements Store.
func (s *SQLite) List(ctx context.Context, q Query) (Page, error) {
	limit := q.Limit
	switch {
	case limit == 0:
		limit = DefaultLimit
	case limit < 0 || limit > MaxLimit:
		return Page{}, fmt.Errorf("store: limit %d not in 1..%d: %w", limit, MaxLimit, precis.ErrInvalid)
	}
	before := int64(1<<63 - 1)
	if q.Cursor != "" {
		n, err := strconv.ParseInt(q.Cursor, 36, 64)
		if err != nil || n <= 0 {
			return Page{}, fmt.Errorf("store: bad cursor %q: %w", q.Cursor, precis.ErrInvalid)
		}
		before = n
	}
	rows, err := s.get.list.QueryContext(ctx, before, limit+1)
	if err != nil {
		return Page{}, fmt.Errorf("store: list: %w", err)
	}
	defer rows.Close()
	page := Page{Briefs: []Summary{}}
	var last int64
	for rows.Next() {
		var sum Summary
		var seq, created int64
		if err := rows.Scan(&seq, &sum.ID, &sum.Story, &sum.Version, &created, &sum.Headline, &sum.Algorithm, &sum.Documents); err != nil {
			return Page{}, fmt.Errorf("store: list: %w", err)
		}
		if len(page.Briefs) == limit {
			page.Next = strconv.FormatInt(last, 36)
			break
		}
		sum.Created = time.Unix(0, created).UTC()
		page.Briefs = append(page.Briefs, sum)
		last = seq
	}
	if err := rows.Err(); err != nil {
		return Page{}, fmt.Errorf("store: list: %w", err)
	}
	return page, nil
}

// Delete implements Store.
func (s *SQLite) Delete(ctx context.Context, id string) error {
	if !ValidID(id) {
		return fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	var story string
	if err := tx.QueryRowContext(ctx, `DELETE FROM briefs WHERE id = ? RETURNING story_id`, id).Scan(&story); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: brief %q: %w", id, precis.ErrNotFound)
		}
		return fmt.Errorf("store: delete %q: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM briefs WHERE story_id = ?)`, story, story); err != nil {
		return fmt.Errorf("store: delete story of %q: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
