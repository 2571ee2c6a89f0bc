package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations[i] brings the schema from version i to i+1; PRAGMA user_version
// records the version a database is at. Append; never edit a released step.
var migrations = []string{
	// 1: stories, their articles and their versioned briefs.
	`
CREATE TABLE stories (
	id       TEXT PRIMARY KEY,
	created  INTEGER NOT NULL, -- Unix nanoseconds
	updated  INTEGER NOT NULL,
	headline TEXT NOT NULL
);
-- An article belongs to one story; the same text is stored once per story. The
-- same URL may come back with new text (an updated article): that is a new row,
-- since the spans of the briefs made from the old text point into the old text.
CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	hash      BLOB NOT NULL, -- SHA-256 of text
	url       TEXT NOT NULL,
	title     TEXT NOT NULL,
	outlet    TEXT NOT NULL,
	author    TEXT NOT NULL,
	published TEXT NOT NULL, -- RFC 3339 or ''
	text      TEXT NOT NULL,
	removed   TEXT NOT NULL, -- JSON of []precis.Removal or ''
	source    TEXT NOT NULL,
	added     INTEGER NOT NULL,
	UNIQUE (story_id, hash)
);
CREATE INDEX articles_url ON articles(story_id, url) WHERE url != '';
-- seq orders briefs by creation for listings and cursors; id is public.
CREATE TABLE briefs (
	seq       INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	version   INTEGER NOT NULL,
	created   INTEGER NOT NULL,
	headline  TEXT NOT NULL,
	algorithm TEXT NOT NULL,
	documents INTEGER NOT NULL,
	body      BLOB NOT NULL, -- the brief's JSON, as the API serves it
	UNIQUE (story_id, version)
);
-- Which articles a brief was made from, in its order, under the names it cites.
CREATE TABLE brief_articles (
	brief_seq  INTEGER NOT NULL REFERENCES briefs(seq) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	doc_id     TEXT NOT NULL,
	PRIMARY KEY (brief_seq, position)
) WITHOUT ROWID;
CREATE INDEX brief_articles_article ON brief_articles(article_id);
`,
}

// migrate applies the migrations a database lacks, in one transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("migrate: schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("migrate: database schema version %d is newer than this program's %d", version, len(migrations))
	}
	if version == len(migrations) {
		return nil
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate: to version %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations))); err != nil {
		return fmt.Errorf("migrate: set version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}
