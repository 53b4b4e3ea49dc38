//! The SQLite store: articles, their paragraphs and sentences, facts with
//! their phrasings and revisions, the question log and feedback.
//!
//! Methods take and return domain types ([`FactId`], [`Fact`],
//! [`ArticleMeta`], [`NewFact`]) and every failure says which database and
//! which operation. This module must not match, rank or format anything:
//! the engine gets plain values from it.
//!
//! This file opens the database and reads articles and facts; [`ingest`]
//! stores an article and its facts, [`replace`] a new text for a stored
//! one. The moderators' operations are split by concern: [`facts`] (one fact's changes), [`gaps`]
//! (the topics no article covers), [`phrasings`],
//! [`quotes`] (what a fact cites), [`revisions`] (the history), [`import`]
//! (export and import), and [`log`] (the question log and feedback).

mod error;
mod facts;
mod gaps;
mod import;
mod ingest;
mod log;
mod migrations;
mod phrasings;
mod quotes;
mod replace;
mod revisions;
mod teach;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use crate::article::Article;
use crate::extract;
use crate::fact::{AnswerKind, ArticleId, ArticleMeta, Changed, Fact, FactId, Origin};
use crate::moderation;

use error::sql_err;
pub use error::{ModError, StoreError};
pub use facts::Added;
pub use gaps::{GapRevision, StoredGap};
pub use import::{ExportedFact, ImportReport};
pub use ingest::{ChangedText, IngestReport};
pub use log::QuestionLogEntry;
use migrations::MigrateError;
pub use replace::Replaced;
pub use revisions::{Revision, RevisionAction};
pub use teach::Taught;

/// How long a write waits for another connection's write to finish. The bot
/// and a CLI may share one database; their writes take milliseconds, so
/// waiting this long means something is stuck and an error is better.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Turns on WAL mode and returns the journal mode now in force. Switching
/// a new file to WAL upgrades a read lock to a write lock, and SQLite
/// answers "busy" at once rather than wait when another connection does
/// the same (waiting could deadlock), so several processes opening one new
/// database together retry here, briefly, up to [`BUSY_TIMEOUT`].
fn wal_mode(conn: &Connection) -> rusqlite::Result<String> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(2);
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            done => return done,
        }
    }
}

/// Where a logged question came from: the `channel` of a
/// [`QuestionLogEntry`] (the schema accepts exactly these).
pub mod channel {
    /// `summit-bot ask`.
    pub const CLI: &str = "cli";
    /// `summit-bot chat`, or `run` without a Discord token.
    pub const CONSOLE: &str = "console";
    /// A direct message to the bot.
    pub const DISCORD_DM: &str = "discord-dm";
    /// A slash command or mention in a server.
    pub const DISCORD_GUILD: &str = "discord-guild";
}

/// Who the store says made a change when the ingest made it.
pub const INGEST_AUTHOR: &str = "ingest";

/// The fact store. One connection, behind a mutex so the store can be
/// shared between threads; every call holds it only for its own queries.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Discord ids are u64; SQLite integers are i64. Stored bit for bit, so
/// every id round-trips (snowflakes stay below 2^63 until about 2084).
fn id_to_sql(id: u64) -> i64 {
    id as i64
}

const FACT_COLUMNS: &str =
    "id, article_id, key, paragraph, quote, answer, kind, speaker, source_note, origin, version, retired";

impl Store {
    /// Opens (creating the file and its folder if need be) and migrates the
    /// database at `path`. WAL mode, foreign keys on.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        // Said every time: a database chosen by accident (another working
        // directory, another config) is then seen at once.
        tracing::info!(path = %path.display(), "opening the database");
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|cause| StoreError::CreateDir {
                path: dir.to_path_buf(),
                cause,
            })?;
        }
        let open_err = |cause| StoreError::Open {
            path: path.to_path_buf(),
            cause,
        };
        let mut conn = Connection::open(path).map_err(open_err)?;
        // SQLite quietly opens a file it may not write read-only; then every
        // question would fail to log. Better to say so at the start.
        if conn
            .is_readonly(rusqlite::DatabaseName::Main)
            .map_err(open_err)?
        {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        let mode = wal_mode(&conn).map_err(open_err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(path = %path.display(), mode, "the database is not in WAL mode");
        }
        // With WAL, NORMAL survives a crash of the process; only an OS crash
        // can lose the last commits, and it saves an fsync per write.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_err)?;
        migrations::migrate(&mut conn).map_err(|e| match e {
            MigrateError::Unknown { found } => StoreError::UnknownSchema {
                path: path.to_path_buf(),
                found,
                known: migrations::latest(),
            },
            MigrateError::Step { version, cause } => StoreError::Migrate {
                path: path.to_path_buf(),
                version,
                cause,
            },
        })?;
        Ok(Store {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
        })
    }

    /// [`Store::open`], then stores the shipped article and its facts if
    /// the database holds no article yet, and the shipped gaps if it never
    /// held a gap (a database from before gaps were stored gets them too).
    pub fn open_seeded(path: &Path) -> Result<Store, StoreError> {
        let mut store = Store::open(path)?;
        let seeded = store.seed_gaps(&extract::gaps(extract::BUILTIN_GAPS)?)?;
        if seeded > 0 {
            tracing::info!(path = %path.display(), gaps = seeded, "seeded the shipped gaps");
        }
        if !store.has_articles()? {
            let article = Article::builtin()?;
            let facts = extract::builtin_facts(&article)?;
            let report = store.ingest(&article, &facts)?;
            tracing::info!(
                path = %path.display(),
                facts = report.added_facts,
                "seeded the database with the shipped article"
            );
        }
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        migrations::current(&self.conn()).map_err(sql_err(&self.path, "reading the schema version"))
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half-done SQL behind
        // (an open transaction rolls back when dropped), so carry on.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Every stored article, in id order.
    pub fn articles(&self) -> Result<Vec<ArticleMeta>, StoreError> {
        let conn = self.conn();
        let mut st = conn
            .prepare_cached("SELECT id, title, date FROM articles ORDER BY id")
            .map_err(sql_err(&self.path, "listing articles"))?;
        let rows = st
            .query_map([], |row| {
                Ok(ArticleMeta {
                    id: ArticleId(row.get(0)?),
                    title: row.get(1)?,
                    date: row.get(2)?,
                })
            })
            .map_err(sql_err(&self.path, "listing articles"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql_err(&self.path, "listing articles"))
    }

    /// The article `wanted` names (its id or its title: see
    /// [`moderation::find_article`]), or an error naming the known ones.
    pub fn article(&self, wanted: &str) -> Result<ArticleMeta, ModError> {
        let articles = self.articles()?;
        Ok(moderation::find_article(&articles, wanted)?.clone())
    }

    /// The facts, with their phrasings, in id order; retired ones only when
    /// asked for. Two queries however many facts there are.
    pub fn facts(&self, include_retired: bool) -> Result<Vec<Fact>, StoreError> {
        let conn = self.conn();
        let op = "loading facts";
        let mut st = conn
            .prepare_cached(&format!(
                "SELECT {FACT_COLUMNS} FROM facts WHERE ?1 OR retired = 0 ORDER BY id"
            ))
            .map_err(sql_err(&self.path, op))?;
        let mut facts: Vec<Fact> = st
            .query_map([include_retired], fact_from_row)
            .map_err(sql_err(&self.path, op))?
            .collect::<Result<_, _>>()
            .map_err(sql_err(&self.path, op))?;

        let op = "loading fact phrasings";
        let mut st = conn
            .prepare_cached(
                "SELECT q.fact_id, q.question FROM fact_questions q JOIN facts f ON f.id = q.fact_id
                 WHERE ?1 OR f.retired = 0 ORDER BY q.fact_id, q.position",
            )
            .map_err(sql_err(&self.path, op))?;
        let mut rows = st
            .query([include_retired])
            .map_err(sql_err(&self.path, op))?;
        // Both lists are in fact id order: walk them together.
        let mut next = facts.iter_mut().peekable();
        while let Some(row) = rows.next().map_err(sql_err(&self.path, op))? {
            let fact_id: i64 = row.get(0).map_err(sql_err(&self.path, op))?;
            while next.next_if(|f| f.id.0 < fact_id).is_some() {}
            if let Some(fact) = next.peek_mut().filter(|f| f.id.0 == fact_id) {
                fact.questions
                    .push(row.get(1).map_err(sql_err(&self.path, op))?);
            }
        }
        Ok(facts)
    }

    /// One fact (retired or not) with its phrasings.
    pub fn fact(&self, id: FactId) -> Result<Option<Fact>, StoreError> {
        let conn = self.conn();
        let op = "loading a fact";
        let mut st = conn
            .prepare_cached(&format!("SELECT {FACT_COLUMNS} FROM facts WHERE id = ?1"))
            .map_err(sql_err(&self.path, op))?;
        let mut rows = st
            .query_map([id.0], fact_from_row)
            .map_err(sql_err(&self.path, op))?;
        let Some(mut fact) = rows.next().transpose().map_err(sql_err(&self.path, op))? else {
            return Ok(None);
        };
        let mut st = conn
            .prepare_cached(
                "SELECT question FROM fact_questions WHERE fact_id = ?1 ORDER BY position",
            )
            .map_err(sql_err(&self.path, op))?;
        fact.questions = st
            .query_map([id.0], |row| row.get(0))
            .map_err(sql_err(&self.path, op))?
            .collect::<Result<_, _>>()
            .map_err(sql_err(&self.path, op))?;
        Ok(Some(fact))
    }

    /// An article's paragraphs as (1-based number, text), in order.
    pub fn paragraphs(&self, article: ArticleId) -> Result<Vec<(u32, String)>, StoreError> {
        let conn = self.conn();
        let op = "loading paragraphs";
        let mut st = conn
            .prepare_cached(
                "SELECT number, text FROM paragraphs WHERE article_id = ?1 ORDER BY number",
            )
            .map_err(sql_err(&self.path, op))?;
        let rows = st
            .query_map([article.0], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(sql_err(&self.path, op))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql_err(&self.path, op))
    }

    /// Whether the database holds an article (without reading them: a
    /// large store holds thousands).
    pub fn has_articles(&self) -> Result<bool, StoreError> {
        self.conn()
            .query_row("SELECT EXISTS (SELECT 1 FROM articles)", [], |row| {
                row.get(0)
            })
            .map_err(sql_err(&self.path, "looking for articles"))
    }

    /// How many facts are in force (not retired).
    pub fn fact_count(&self) -> Result<usize, StoreError> {
        self.conn()
            .query_row("SELECT count(*) FROM facts WHERE retired = 0", [], |row| {
                row.get(0)
            })
            .map_err(sql_err(&self.path, "counting facts"))
    }

    /// Makes this connection refuse every write, with the error a read-only
    /// database file gives (SQLite's `query_only`), or accept them again.
    /// For a maintenance window, and for tests of a database that turns
    /// read-only while the bot runs, which no file permission can do to a
    /// connection already open.
    pub fn refuse_writes(&self, refuse: bool) -> Result<(), StoreError> {
        self.conn()
            .pragma_update(None, "query_only", refuse)
            .map_err(sql_err(&self.path, "switching writes off or on"))
    }

    /// How many changes the articles, facts, phrasings and gaps have seen
    /// (the `content_revision` counter, moved by triggers in the changing
    /// transaction, by any connection or process). What a built index
    /// depends on: the question log and feedback never move it.
    pub fn content_revision(&self) -> Result<i64, StoreError> {
        self.conn()
            .query_row(
                "SELECT value FROM content_revision WHERE id = 1",
                [],
                |row| row.get(0),
            )
            .map_err(sql_err(&self.path, "reading the content revision"))
    }

    /// The content revision and what tells apart the histories that can
    /// reach the same revision (another database at that path, or this one
    /// restored from a backup and edited since): the highest article and
    /// fact ids and the newest fact and gap revisions, with their times.
    /// One statement, so the two are read at one moment. Cheap: each part
    /// is one lookup on a primary key.
    pub fn content_stamp(&self) -> Result<ContentStamp, StoreError> {
        self.conn()
            .query_row(
                "SELECT (SELECT value FROM content_revision WHERE id = 1), \
                 coalesce((SELECT max(id) FROM articles), 0) || '/' || \
                 coalesce((SELECT max(id) FROM facts), 0) || '/' || \
                 coalesce((SELECT id || '@' || at FROM fact_revisions ORDER BY id DESC LIMIT 1), '') \
                 || '/' || \
                 coalesce((SELECT id || '@' || at FROM gap_revisions ORDER BY id DESC LIMIT 1), ''), \
                 coalesce((SELECT max(id) FROM articles), 0) || '/' || \
                 coalesce((SELECT max(id) FROM article_revisions), 0) || '/' || \
                 coalesce((SELECT id || '@' || at FROM gap_revisions ORDER BY id DESC LIMIT 1), ''), \
                 coalesce((SELECT max(id) FROM fact_revisions), 0), \
                 coalesce((SELECT id || '@' || at FROM fact_revisions ORDER BY id DESC LIMIT 1), ''), \
                 coalesce((SELECT max(id) FROM facts), 0)",
                [],
                |row| {
                    Ok(ContentStamp {
                        revision: row.get(0)?,
                        history: row.get(1)?,
                        base: row.get(2)?,
                        fact_revision: row.get(3)?,
                        fact_mark: row.get(4)?,
                        max_fact: row.get(5)?,
                    })
                },
            )
            .map_err(sql_err(&self.path, "reading the content stamp"))
    }

    /// Fact revision `id` and its time (empty when there is none): the
    /// same id with another time is another history (a database restored
    /// from a backup and edited since).
    pub fn fact_revision_mark(&self, id: i64) -> Result<String, StoreError> {
        self.conn()
            .query_row(
                "SELECT coalesce((SELECT id || '@' || at FROM fact_revisions WHERE id = ?1), '')",
                [id],
                |row| row.get(0),
            )
            .map_err(sql_err(&self.path, "reading a fact revision"))
    }

    /// Each fact with a revision after `revision` (a `fact_revisions` id),
    /// as it is now (retired or not), and the newest revision: what an
    /// engine built at `revision` changes to be of the facts now.
    pub fn facts_changed_since(&self, revision: i64) -> Result<(Vec<Changed>, i64), StoreError> {
        let op = "reading the facts changed";
        // The newest revision first: a change committed meanwhile is in
        // the facts read (as they are now) or in the next call's, and
        // putting a fact in as it is twice changes nothing.
        let (ids, newest) = {
            let conn = self.conn();
            let newest: i64 = conn
                .query_row(
                    "SELECT coalesce(max(id), 0) FROM fact_revisions",
                    [],
                    |row| row.get(0),
                )
                .map_err(sql_err(&self.path, op))?;
            let mut st = conn
                .prepare_cached(
                    "SELECT DISTINCT fact_id FROM fact_revisions \
                     WHERE id > ?1 AND id <= ?2 ORDER BY fact_id",
                )
                .map_err(sql_err(&self.path, op))?;
            let ids = st
                .query_map([revision, newest], |row| row.get(0).map(FactId))
                .map_err(sql_err(&self.path, op))?
                .collect::<Result<Vec<FactId>, _>>()
                .map_err(sql_err(&self.path, op))?;
            (ids, newest)
        };
        let mut changed = Vec::with_capacity(ids.len());
        for id in ids {
            changed.push((id, self.fact(id)?));
        }
        Ok((changed, newest))
    }
}

/// What the engine was built from, as the store can say it cheaply: see
/// [`Store::content_stamp`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentStamp {
    /// [`Store::content_revision`].
    pub revision: i64,
    /// The newest ids and revisions, as one string.
    pub history: String,
    /// The same of everything but the facts (articles, their texts, gaps):
    /// while it stays the same, the facts' revisions since say all that
    /// changed ([`Store::facts_changed_since`]).
    pub base: String,
    /// The newest fact revision's id.
    pub fact_revision: i64,
    /// It and its time, as [`Store::fact_revision_mark`] gives them.
    pub fact_mark: String,
    /// The highest fact id.
    pub max_fact: i64,
}

/// A fact row (in [`FACT_COLUMNS`] order), without its phrasings.
fn fact_from_row(row: &Row<'_>) -> rusqlite::Result<Fact> {
    Ok(Fact {
        id: FactId(row.get(0)?),
        article: ArticleId(row.get(1)?),
        key: row.get(2)?,
        paragraph: row.get(3)?,
        quote: row.get(4)?,
        answer: row.get(5)?,
        kind: parse_column(row, 6, AnswerKind::parse, "answer kind")?,
        speaker: row.get(7)?,
        source_note: row.get(8)?,
        origin: parse_column(row, 9, Origin::parse, "origin")?,
        version: row.get(10)?,
        retired: row.get(11)?,
        questions: Vec::new(),
    })
}

/// Reads a text column through `parse`, failing with the value when this
/// build does not know it.
fn parse_column<T>(
    row: &Row<'_>,
    idx: usize,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> rusqlite::Result<T> {
    let value = row.get_ref(idx)?;
    let text = value.as_str()?;
    parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            ValueRef::from(text).data_type(),
            format!("unknown {what} {text:?}").into(),
        )
    })
}

/// What the store's unit tests share: a fresh seeded store, a moderator,
/// a fact to add, and a count of revisions.
#[cfg(test)]
mod testing {
    use super::Store;
    use crate::moderation::{Draft, Moderator, Source};

    pub fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open_seeded(&dir.path().join("t.db")).expect("store");
        (dir, store)
    }

    pub fn who(name: &str) -> Moderator {
        Moderator {
            id: Some(7),
            name: name.to_string(),
        }
    }

    pub fn draft(question: &str) -> Draft {
        Draft {
            article: None,
            questions: vec![question.to_string()],
            answer: "About 8.7 million".to_string(),
            source: Source::Outside {
                note: "https://example.org/tehran".to_string(),
                quote: None,
            },
            kind: None,
        }
    }

    pub fn revisions(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM fact_revisions", [], |r| r.get(0))
            .expect("count")
    }
}
