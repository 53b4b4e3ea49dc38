-- Schema version 2: an article's earlier texts. Replacing an article's text
-- (`ingest --replace`) keeps the text and date it replaces here, with who,
-- when and why, so nothing an article said is lost.

CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    by_name    TEXT NOT NULL,
    reason     TEXT,
    date       TEXT,
    text       TEXT NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);
