-- Schema version 1: articles, their paragraphs and sentences, facts with
-- their phrasings and revision history, the question log and feedback.
-- Timestamps are UTC, ISO 8601 with milliseconds. Discord ids (u64) are
-- stored bit for bit in SQLite's signed 64-bit INTEGER.

CREATE TABLE articles (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL UNIQUE,
    date      TEXT,
    publisher TEXT,
    text      TEXT NOT NULL,
    added_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number >= 1),
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, number)
) WITHOUT ROWID;

CREATE TABLE sentences (
    article_id INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    position   INTEGER NOT NULL CHECK (position >= 1),
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, paragraph, position),
    FOREIGN KEY (article_id, paragraph) REFERENCES paragraphs(article_id, number) ON DELETE CASCADE
) WITHOUT ROWID;

-- key is unique within an article (SQLite lets many rows share a NULL key,
-- which is what moderator facts have). A fact that cites a paragraph must
-- cite one that exists; an outside source leaves paragraph NULL.
CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    key         TEXT,
    paragraph   INTEGER,
    quote       TEXT NOT NULL,
    answer      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    speaker     TEXT,
    source_note TEXT,
    origin      TEXT NOT NULL CHECK (origin IN ('sentence', 'curated', 'moderator')),
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (article_id, key),
    FOREIGN KEY (article_id, paragraph) REFERENCES paragraphs(article_id, number)
);

CREATE TABLE fact_questions (
    fact_id  INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (fact_id, position)
) WITHOUT ROWID;

-- One row per change to a fact; before/after are the fact as JSON.
CREATE TABLE fact_revisions (
    id      INTEGER PRIMARY KEY,
    fact_id INTEGER NOT NULL REFERENCES facts(id),
    version INTEGER NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('create', 'edit', 'alias', 'retire', 'restore', 'import')),
    by_id   INTEGER,
    by_name TEXT NOT NULL,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    reason  TEXT,
    before  TEXT,
    after   TEXT
);
CREATE INDEX fact_revisions_by_fact ON fact_revisions (fact_id, version);

CREATE TABLE question_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    question   TEXT NOT NULL,
    answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
    fact_id    INTEGER REFERENCES facts(id),
    confidence REAL NOT NULL,
    channel    TEXT NOT NULL CHECK (channel IN ('cli', 'console', 'discord-dm', 'discord-guild')),
    guild_id   INTEGER,
    user_id    INTEGER
);
CREATE INDEX question_log_by_time ON question_log (at);

-- One vote per user per fact: a new vote replaces the old one.
CREATE TABLE feedback (
    id      INTEGER PRIMARY KEY,
    fact_id INTEGER NOT NULL REFERENCES facts(id),
    user_id INTEGER NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (fact_id, user_id)
);
