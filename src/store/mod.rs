//! The SQLite store: articles, their paragraphs and sentences, facts with
//! their phrasings and revisions, the question log and feedback.
//!
//! Methods take and return domain types ([`FactId`], [`Fact`],
//! [`ArticleMeta`], [`NewFact`]) and every failure says which database and
//! which operation. This module must not match, rank or format anything:
//! the engine gets plain values from it.
//!
//! This file opens the database, ingests articles and reads facts;
//! [`replace`] replaces an article's text. The moderators' operations are
//! split by concern: [`facts`] (one fact's changes), [`phrasings`],
//! [`quotes`] (what a fact cites), [`revisions`] (the history), [`import`]
//! (export and import), and [`log`] (the question log and feedback).

mod error;
mod facts;
mod import;
mod log;
mod migrations;
mod phrasings;
mod quotes;
mod replace;
mod revisions;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde_json::json;

use crate::article::Article;
use crate::extract::{self, NewFact};
use crate::fact::{AnswerKind, ArticleId, ArticleMeta, Fact, FactId, Origin};
use crate::moderation;

use error::sql_err;
pub use error::{ModError, StoreError};
pub use facts::Added;
pub use import::{ExportedFact, ImportReport};
pub use log::QuestionLogEntry;
use migrations::MigrateError;
pub use replace::Replaced;
pub use revisions::{Revision, RevisionAction};

/// How long a write waits for another connection's write to finish. The bot
/// and a CLI may share one database; their writes take milliseconds, so
/// waiting this long means something is stuck and an error is better.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

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

/// What [`Store::ingest`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestReport {
    pub article_id: ArticleId,
    /// Whether the article itself was new (matched by title).
    pub added_article: bool,
    /// Facts stored now.
    pub added_facts: usize,
    /// Facts already stored (same article and key), left as they were.
    pub kept_facts: usize,
    /// What replacing the stored text did, when it was replaced.
    pub replaced: Option<Replaced>,
}

/// What [`Store::ingest_with`] does with a title stored with another text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedText {
    /// Refuse it ([`StoreError::TextChanged`]), changing nothing.
    Refuse,
    /// Replace the stored text (see [`replace`]).
    Replace,
}

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
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(open_err)?;
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
    /// the database holds no article yet.
    pub fn open_seeded(path: &Path) -> Result<Store, StoreError> {
        let mut store = Store::open(path)?;
        if store.articles()?.is_empty() {
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

    /// Stores `article` (matched by title), its paragraphs and sentences,
    /// and those of `facts` it does not hold yet (matched by article and
    /// key). Never changes a stored fact, so a fact a person edited
    /// survives re-ingesting. Each new fact gets a `create` revision. A
    /// title stored with other paragraphs is refused
    /// ([`StoreError::TextChanged`]). One transaction: all or nothing.
    pub fn ingest(
        &mut self,
        article: &Article,
        facts: &[NewFact],
    ) -> Result<IngestReport, StoreError> {
        self.ingest_with(article, facts, ChangedText::Refuse, &mut |_, _| {})
    }

    /// [`Store::ingest`], with a title stored with other paragraphs
    /// replaced when `changed` says so (see [`replace`]), and `progress`
    /// told (done, total) as the sentences and facts are written (see
    /// [`Progress`]).
    pub fn ingest_with(
        &mut self,
        article: &Article,
        facts: &[NewFact],
        changed: ChangedText,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<IngestReport, StoreError> {
        let path = &self.path;
        let title = &article.meta.title;
        let conn = self.conn.get_mut().unwrap_or_else(PoisonError::into_inner);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql_err(path, "starting the ingest"))?;
        let sentences: usize = article.paragraphs.iter().map(|p| p.sentences.len()).sum();
        let progress = &mut Progress::new(sentences + facts.len(), progress);

        let stored = stored_with_other_text(&tx, article)
            .map_err(sql_err(path, "comparing the stored text"))?;
        let report = match (stored, changed) {
            (Some(_), ChangedText::Refuse) => {
                return Err(StoreError::TextChanged {
                    title: title.clone(),
                })
            }
            (Some(id), ChangedText::Replace) => {
                let (replaced, added_facts) =
                    replace::replace(&tx, id, article, facts, progress)
                        .map_err(sql_err(path, "replacing the article's text"))?;
                IngestReport {
                    article_id: id,
                    added_article: false,
                    added_facts,
                    kept_facts: facts.len() - added_facts,
                    replaced: Some(replaced),
                }
            }
            (None, _) => {
                let (article_id, added_article) = store_article(&tx, article, progress)
                    .map_err(sql_err(path, "storing the article"))?;
                let (added_facts, kept_facts) =
                    store_new_facts(&tx, article_id, title, facts, progress)
                        .map_err(sql_err(path, "storing facts"))?;
                IngestReport {
                    article_id: ArticleId(article_id),
                    added_article,
                    added_facts,
                    kept_facts,
                    replaced: None,
                }
            }
        };
        tx.commit()
            .map_err(sql_err(path, "committing the ingest"))?;
        Ok(report)
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

    /// SQLite's `PRAGMA data_version`: changes when another connection (say,
    /// another bot process) commits to the database, so a caller polling it
    /// knows when to reload. This connection's own commits do not change it.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn()
            .pragma_query_value(None, "data_version", |row| row.get(0))
            .map_err(sql_err(&self.path, "reading the data version"))
    }
}

/// The id of the article stored under `article`'s title, when its
/// paragraphs are not `article`'s; None when the title is new or the text
/// the same.
fn stored_with_other_text(
    tx: &Connection,
    article: &Article,
) -> rusqlite::Result<Option<ArticleId>> {
    let id: Option<i64> = tx
        .query_row(
            "SELECT id FROM articles WHERE title = ?1",
            [&article.meta.title],
            |row| row.get(0),
        )
        .optional()?;
    let Some(id) = id else {
        return Ok(None);
    };
    let mut st = tx.prepare_cached(
        "SELECT number, text FROM paragraphs WHERE article_id = ?1 ORDER BY number",
    )?;
    let stored: Vec<(u32, String)> = st
        .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let same = stored.len() == article.paragraphs.len()
        && stored
            .iter()
            .zip(&article.paragraphs)
            .all(|((n, text), p)| *n == p.number && *text == p.text);
    Ok((!same).then_some(ArticleId(id)))
}

/// Counts an ingest's rows (sentences and facts) as they are written, and
/// tells a caller showing progress every [`Progress::EVERY`] rows.
pub(super) struct Progress<'a> {
    done: usize,
    total: usize,
    tell: &'a mut dyn FnMut(usize, usize),
}

impl<'a> Progress<'a> {
    /// Telling per row would cost more than the row on a large ingest.
    const EVERY: usize = 256;

    fn new(total: usize, tell: &'a mut dyn FnMut(usize, usize)) -> Progress<'a> {
        tell(0, total);
        Progress {
            done: 0,
            total,
            tell,
        }
    }

    /// More rows to write than first counted (a replace's stored facts).
    pub(super) fn expect_more(&mut self, rows: usize) {
        self.total += rows;
        (self.tell)(self.done, self.total);
    }

    /// One row written.
    pub(super) fn step(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(Self::EVERY) || self.done >= self.total {
            (self.tell)(self.done, self.total);
        }
    }
}

/// Stores `article` (matched by title) with its paragraphs and sentences,
/// keeping what is there. Returns its id and whether it was new.
fn store_article(
    tx: &Connection,
    article: &Article,
    progress: &mut Progress<'_>,
) -> rusqlite::Result<(i64, bool)> {
    let meta = &article.meta;
    let added = tx
        .prepare_cached(
            "INSERT INTO articles (title, date, publisher, text) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (title) DO NOTHING",
        )?
        .execute(params![meta.title, meta.date, meta.publisher, article.text])?
        == 1;
    let id: i64 = tx.query_row(
        "SELECT id FROM articles WHERE title = ?1",
        [&meta.title],
        |row| row.get(0),
    )?;
    store_paragraphs(tx, id, article, false, progress)?;
    Ok((id, added))
}

/// Stores `article`'s paragraphs and sentences under article `id`: those
/// not there yet, and with `overwrite` a stored paragraph's text too.
fn store_paragraphs(
    tx: &Connection,
    id: i64,
    article: &Article,
    overwrite: bool,
    progress: &mut Progress<'_>,
) -> rusqlite::Result<()> {
    let mut para = tx.prepare_cached(if overwrite {
        "INSERT INTO paragraphs (article_id, number, text) VALUES (?1, ?2, ?3)
         ON CONFLICT DO UPDATE SET text = excluded.text"
    } else {
        "INSERT INTO paragraphs (article_id, number, text) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING"
    })?;
    let mut sentence = tx.prepare_cached(
        "INSERT INTO sentences (article_id, paragraph, position, text) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
    )?;
    for p in &article.paragraphs {
        para.execute(params![id, p.number, p.text])?;
        for (i, s) in p.sentences.iter().enumerate() {
            sentence.execute(params![id, p.number, i + 1, s])?;
            progress.step();
        }
    }
    Ok(())
}

/// Stores those of `facts` that article `article_id` (titled `title`) does
/// not hold yet (matched by key), each with its phrasings and a `create`
/// revision by the ingest, each a step of `progress`.
/// Returns how many were added and kept.
fn store_new_facts(
    tx: &Connection,
    article_id: i64,
    title: &str,
    facts: &[NewFact],
    progress: &mut Progress<'_>,
) -> rusqlite::Result<(usize, usize)> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO facts (article_id, key, paragraph, quote, answer, kind, speaker,
                            source_note, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (article_id, key) DO NOTHING",
    )?;
    let mut revision = tx.prepare_cached(
        "INSERT INTO fact_revisions (fact_id, version, action, by_name, reason, after)
         VALUES (?1, 1, ?2, ?3, ?4, ?5)",
    )?;
    let reason = format!("ingest of {title:?}");
    let (mut added, mut kept) = (0, 0);
    for f in facts {
        progress.step();
        let inserted = insert.execute(params![
            article_id,
            f.key,
            f.paragraph,
            f.quote,
            f.answer,
            f.kind.as_str(),
            f.speaker,
            f.source_note,
            f.origin.as_str(),
        ])?;
        if inserted == 0 {
            kept += 1;
            continue;
        }
        added += 1;
        let fact_id = FactId(tx.last_insert_rowid());
        phrasings::add_questions(tx, fact_id, &f.questions)?;
        let after = new_fact_json(f, article_id);
        revision.execute(params![
            fact_id.0,
            RevisionAction::Create,
            INGEST_AUTHOR,
            reason,
            after
        ])?;
    }
    Ok((added, kept))
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

/// A new fact as the `after` of its `create` revision.
fn new_fact_json(f: &NewFact, article_id: i64) -> String {
    json!({
        "article": article_id,
        "key": f.key,
        "paragraph": f.paragraph,
        "quote": f.quote,
        "answer": f.answer,
        "kind": f.kind,
        "speaker": f.speaker,
        "questions": f.questions,
        "source_note": f.source_note,
        "origin": f.origin,
        "version": 1,
        "retired": false,
    })
    .to_string()
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
