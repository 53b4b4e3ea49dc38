-- Schema version 3: the topics the articles do not cover ("gaps"), so a
-- question about one is declined naming it. Seeded from data/gaps.toml;
-- moderators add, edit, retire and restore them, each change a new version
-- with a revision, as facts are kept.

CREATE TABLE gaps (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    topic     TEXT NOT NULL,
    note      TEXT NOT NULL,
    -- The questions it covers, as a JSON array of strings, main first.
    questions TEXT NOT NULL,
    version   INTEGER NOT NULL DEFAULT 1,
    retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

-- One row per change to a gap; before/after are the gap as JSON.
CREATE TABLE gap_revisions (
    id      INTEGER PRIMARY KEY,
    gap_id  INTEGER NOT NULL REFERENCES gaps(id),
    version INTEGER NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('create', 'edit', 'retire', 'restore')),
    by_id   INTEGER,
    by_name TEXT NOT NULL,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    reason  TEXT,
    before  TEXT,
    after   TEXT
);
CREATE INDEX gap_revisions_by_gap ON gap_revisions (gap_id, version);
