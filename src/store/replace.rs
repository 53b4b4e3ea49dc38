//! Replacing a stored article's text (`ingest --replace`): the old text is
//! kept as an article revision, the paragraphs and sentences become the new
//! text's, and every fact of the article is settled against it, each change
//! with its fact revision:
//!
//! - the ingest's own facts (sentences and curated facts no moderator has
//!   touched) become the new text's fact with the same key, or are retired
//!   when the new text has none;
//! - a moderator's fact is kept while its quote is still in the new text (citing
//!   the paragraph that now holds it), and retired when it is not;
//! - a retired fact that cites a paragraph the new text no longer has cites
//!   that paragraph of the earlier text instead, as an outside source.
//!
//! Runs inside the ingest's transaction: all of it or nothing.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::facts::{load_facts, write_fact};
use super::ingest::{store_new_facts, store_paragraphs, Progress};
use super::revisions::{record, RevisionAction};
use super::INGEST_AUTHOR;
use crate::article::Article;
use crate::extract::NewFact;
use crate::fact::{ArticleId, Fact, FactId, Origin};
use crate::moderation::{Moderator, Snapshot};

/// What replacing an article's text did to its facts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Replaced {
    /// The `article_revisions` row that keeps the text replaced.
    pub revision: i64,
    /// The ingest's own facts rewritten for the new text (same key).
    pub rewritten: usize,
    /// The ingest's own facts retired: the new text has no such sentence
    /// or curated fact.
    pub retired: usize,
    /// Moderators' facts kept, their quote still in the new text.
    pub kept: usize,
    /// Of those, the ones that cite another paragraph now.
    pub moved: Vec<FactId>,
    /// Moderators' facts retired: their quote is not in the new text.
    pub lost: Vec<FactId>,
}

/// Replaces the text of `article_id` with `article`'s, and settles its
/// facts against `facts` (the new text's). Returns what it did and how many
/// facts it added; each sentence and fact written is a step of `progress`.
pub(super) fn replace(
    tx: &Connection,
    article_id: ArticleId,
    article: &Article,
    facts: &[NewFact],
    progress: &mut Progress<'_>,
) -> rusqlite::Result<(Replaced, usize)> {
    let title = &article.meta.title;
    let mut done = Replaced {
        revision: keep_old_text(tx, article_id, title)?,
        ..Replaced::default()
    };
    tx.execute(
        "UPDATE articles SET text = ?2, date = coalesce(?3, date),
                             publisher = coalesce(?4, publisher)
         WHERE id = ?1",
        params![
            article_id.0,
            article.text,
            article.meta.date,
            article.meta.publisher
        ],
    )?;
    tx.execute(
        "DELETE FROM sentences WHERE article_id = ?1",
        [article_id.0],
    )?;
    store_paragraphs(tx, article_id.0, article, true, progress)?;

    let existing = load_facts(tx, Some(article_id))?;
    progress.expect_more(existing.len());
    let new_by_key: HashMap<&str, &NewFact> = facts
        .iter()
        .filter_map(|f| f.key.as_deref().map(|k| (k, f)))
        .collect();
    let settle = Settle {
        article,
        by: Moderator {
            id: None,
            name: INGEST_AUTHOR.to_string(),
        },
        reason: format!("the text of {title:?} replaced"),
    };
    for fact in existing {
        let key_is_new = fact.key.as_deref().and_then(|k| new_by_key.get(k)).copied();
        match fact.origin {
            Origin::Sentence | Origin::Curated => {
                settle.ingested(tx, fact, key_is_new, &mut done)?
            }
            Origin::Moderator => settle.moderated(tx, fact, key_is_new, &mut done)?,
        }
        progress.step();
    }
    let last = article.paragraphs.len();
    tx.execute(
        "DELETE FROM paragraphs WHERE article_id = ?1 AND number > ?2",
        params![article_id.0, last],
    )?;
    let (added, _) = store_new_facts(tx, article_id.0, title, facts, progress)?;
    Ok((done, added))
}

/// Copies the article's text and date into a new `article_revisions` row.
fn keep_old_text(tx: &Connection, article_id: ArticleId, title: &str) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO article_revisions (article_id, by_name, reason, date, text)
         SELECT id, ?2, ?3, date, text FROM articles WHERE id = ?1",
        params![
            article_id.0,
            INGEST_AUTHOR,
            format!("replaced by a new text of {title:?}")
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// What every settled fact's revision says: by the ingest, and why.
struct Settle<'a> {
    article: &'a Article,
    by: Moderator,
    reason: String,
}

impl Settle<'_> {
    /// One of the ingest's own facts: the new text's fact with its key, or
    /// retired.
    fn ingested(
        &self,
        tx: &Connection,
        fact: Fact,
        new: Option<&NewFact>,
        done: &mut Replaced,
    ) -> rusqlite::Result<()> {
        let Some(new) = new else {
            if fact.retired {
                return self.detach_if_gone(tx, fact);
            }
            done.retired += 1;
            return self.retire(tx, fact);
        };
        let mut after = fact.clone();
        after.paragraph = new.paragraph;
        after.quote = new.quote.clone();
        after.answer = new.answer.clone();
        after.kind = new.kind;
        after.speaker = new.speaker.clone();
        after.questions = new.questions.clone();
        after.source_note = new.source_note.clone();
        after.origin = new.origin;
        after.retired = false;
        if Snapshot::of(&after) != Snapshot::of(&fact) || after.origin != fact.origin {
            done.rewritten += 1;
            self.save(tx, fact, after, RevisionAction::Edit)?;
        }
        Ok(())
    }

    /// A moderator's fact: kept while its quote is in the new text (citing
    /// the paragraph that holds it), else retired. It keeps its key only
    /// while the new text's fact with that key quotes the same words, so
    /// that fact is stored too when it is another sentence now.
    fn moderated(
        &self,
        tx: &Connection,
        mut fact: Fact,
        new: Option<&NewFact>,
        done: &mut Replaced,
    ) -> rusqlite::Result<()> {
        let holds = |p: u32| {
            self.article
                .paragraph(p)
                .is_some_and(|para| para.text.contains(&fact.quote))
        };
        let cited = match fact.paragraph {
            None => None,
            Some(p) if holds(p) => Some(p),
            Some(_) => (1..=self.article.paragraphs.len() as u32).find(|&p| holds(p)),
        };
        let same_words = |n: &NewFact| {
            n.paragraph == cited
                && cited.is_some()
                && (n.quote.contains(&fact.quote) || fact.quote.contains(&n.quote))
        };
        if new.is_some_and(|n| fact.retired || !same_words(n)) {
            tx.execute("UPDATE facts SET key = NULL WHERE id = ?1", [fact.id.0])?;
            fact.key = None;
        }
        if fact.retired {
            return self.detach_if_gone(tx, fact);
        }
        match (fact.paragraph, cited) {
            (None, _) => done.kept += 1,
            (Some(p), Some(q)) if p == q => done.kept += 1,
            (Some(_), Some(q)) => {
                done.kept += 1;
                done.moved.push(fact.id);
                let mut after = fact.clone();
                after.paragraph = Some(q);
                self.save(tx, fact, after, RevisionAction::Edit)?;
            }
            (Some(_), None) => {
                done.lost.push(fact.id);
                self.retire(tx, fact)?;
            }
        }
        Ok(())
    }

    /// Retires `fact`, citing the earlier text if its paragraph is gone.
    fn retire(&self, tx: &Connection, fact: Fact) -> rusqlite::Result<()> {
        let mut after = fact.clone();
        after.retired = true;
        self.cite_earlier_text(&mut after);
        self.save(tx, fact, after, RevisionAction::Retire)
    }

    /// A retired fact whose paragraph the new text has no more cites that
    /// paragraph of the earlier text instead (the paragraph row goes).
    fn detach_if_gone(&self, tx: &Connection, fact: Fact) -> rusqlite::Result<()> {
        let mut after = fact.clone();
        if self.cite_earlier_text(&mut after) {
            self.save(tx, fact, after, RevisionAction::Edit)?;
        }
        Ok(())
    }

    /// Makes `fact` cite the earlier text's paragraph as an outside source
    /// when the new text has no such paragraph. Returns whether it did.
    fn cite_earlier_text(&self, fact: &mut Fact) -> bool {
        let Some(p) = fact
            .paragraph
            .filter(|&p| self.article.paragraph(p).is_none())
        else {
            return false;
        };
        fact.paragraph = None;
        fact.source_note = Some(format!(
            "¶{p} of an earlier text of “{}”",
            self.article.meta.title
        ));
        true
    }

    /// Writes `after` as the next version of `before`, with its revision.
    fn save(
        &self,
        tx: &Connection,
        before: Fact,
        mut after: Fact,
        action: RevisionAction,
    ) -> rusqlite::Result<()> {
        after.version = before.version + 1;
        write_fact(tx, &after)?;
        record(
            tx,
            &after,
            action,
            &self.by,
            Some(&self.reason),
            Some(&before),
        )
    }
}
