//! Storing an article: its paragraphs and sentences, and the facts
//! extracted from it that the store does not hold yet. The same text again
//! changes nothing; another text under a stored title is refused, or with
//! [`ChangedText::Replace`] handed to [`super::replace`]. Every new fact
//! gets a `create` revision by the ingest; a caller may watch [`Progress`].

use std::sync::PoisonError;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::json;

use super::error::sql_err;
use super::phrasings;
use super::replace::{self, Replaced};
use super::revisions::RevisionAction;
use super::{Store, StoreError, INGEST_AUTHOR};
use crate::article::Article;
use crate::extract::NewFact;
use crate::fact::{ArticleId, FactId};

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

impl Store {
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
pub(super) fn store_paragraphs(
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
pub(super) fn store_new_facts(
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
