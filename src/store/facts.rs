//! A moderator's changes to one fact: add, edit, alias, retire, restore.
//!
//! Every change is one IMMEDIATE transaction that writes the fact's new
//! version and a revision (see [`super::revisions`]), so a change is all
//! there or not at all, and two writers never interleave. The checks
//! themselves live in [`crate::moderation`]; nothing here ranks or formats.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::error::{db, ModError};
use super::phrasings::write_questions;
use super::quotes::{sentences, Quoting};
use super::revisions::{last_change, record, revision_after, RevisionAction};
use super::{fact_from_row, Store, FACT_COLUMNS};
use crate::fact::{ArticleId, Fact, FactId, Origin};
use crate::moderation::{
    self, check_phrasings, check_quote, check_text, Changes, Draft, Invalid, Moderator, Snapshot,
    Source, MAX_ANSWER, MAX_NOTE, MAX_REASON,
};

/// A fact added, with the sentences of its paragraph (when it cites one) so
/// a moderator who gave no quote can see what else could be cited.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub fact: Fact,
    pub sentences: Vec<String>,
    /// Whether the quote was picked for the moderator.
    pub picked_quote: bool,
}

impl Store {
    /// Adds a fact written by a moderator: version 1 and a `create` revision,
    /// in one transaction. Checks the lengths, the paragraph and quote, and
    /// that no phrasing already answers a fact in force.
    pub fn add_fact(
        &self,
        draft: &Draft,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<Added, ModError> {
        let reason = check_reason(reason)?;
        let questions = check_phrasings(&draft.questions)?;
        let answer = check_text("answer", &draft.answer, MAX_ANSWER)?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let article = match draft.article {
            Some(a) => Some(a),
            None => first_article(&tx).map_err(db(self, "finding the article"))?,
        }
        .ok_or(ModError::NoArticle)?;
        let main = questions.first().map(String::as_str).unwrap_or("");
        let (paragraph, quote, note, sentences, picked_quote) = match &draft.source {
            Source::Paragraph { number, quote } => {
                let cited = self.cite(
                    &tx,
                    article,
                    *number,
                    Quoting {
                        given: quote.as_deref(),
                        kept: None,
                        answer: &answer,
                        question: main,
                    },
                )?;
                let sentences = sentences(&tx, article, *number)
                    .map_err(db(self, "loading the paragraph's sentences"))?;
                (Some(*number), cited.quote, None, sentences, cited.picked)
            }
            Source::Outside { note, quote } => {
                let note = check_text("source", note, MAX_NOTE)?;
                let quote = match quote.as_deref().filter(|q| !q.trim().is_empty()) {
                    Some(q) => check_text("quote", moderation::bare_quote(q), MAX_ANSWER)?,
                    None => answer.clone(),
                };
                (None, quote, Some(note), Vec::new(), false)
            }
        };
        let kind = draft
            .kind
            .unwrap_or_else(|| moderation::guess_kind(main, &answer));
        self.refuse_taken(&tx, &questions, None)?;
        tx.execute(
            "INSERT INTO facts (article_id, paragraph, quote, answer, kind, source_note, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'moderator')",
            params![article.0, paragraph, quote, answer, kind.as_str(), note],
        )
        .map_err(db(self, "adding a fact"))?;
        let id = FactId(tx.last_insert_rowid());
        write_questions(&tx, id, &questions).map_err(db(self, "adding a fact"))?;
        let fact = read_fact(&tx, id)
            .map_err(db(self, "adding a fact"))?
            .ok_or(ModError::UnknownFact(id))?;
        let create = RevisionAction::Create;
        record(&tx, &fact, create, by, reason.as_deref(), None)
            .map_err(db(self, "recording a revision"))?;
        tx.commit().map_err(db(self, "committing a new fact"))?;
        Ok(Added {
            fact,
            sentences,
            picked_quote,
        })
    }

    /// Edits fact `id` as seen at version `from`. Refused, with who changed
    /// it since, if the fact is no longer at that version.
    pub fn edit_fact(
        &self,
        id: FactId,
        from: i64,
        changes: &Changes,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<Fact, ModError> {
        let reason = check_reason(reason)?;
        if changes.paragraph.is_some() && changes.note.is_some() {
            return Err(Invalid::TwoSources.into());
        }
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let before = self.current(&tx, id, Some(from))?;
        if before.retired {
            return Err(ModError::Retired(id));
        }
        let mut after = before.clone();
        if let Some(article) = changes.article.filter(|a| *a != before.article) {
            if after.paragraph.is_some() && changes.paragraph.is_none() && changes.note.is_none() {
                return Err(Invalid::ArticleWithoutParagraph.into());
            }
            after.article = article;
            // A key is how its article's ingest knows the fact as its own.
            after.key = None;
        }
        if let Some(answer) = &changes.answer {
            after.answer = check_text("answer", answer, MAX_ANSWER)?;
        }
        if let Some(questions) = &changes.questions {
            after.questions = check_phrasings(questions)?;
        }
        if let Some(kind) = changes.kind {
            after.kind = kind;
        }
        if let Some(note) = &changes.note {
            after.source_note = Some(check_text("source", note, MAX_NOTE)?);
            after.paragraph = None;
        }
        if let Some(p) = changes.paragraph {
            after.paragraph = Some(p);
            after.source_note = None;
        }
        match after.paragraph {
            Some(p) => {
                // A new paragraph without a new quote: the quote is kept if
                // the paragraph holds it.
                let main = after.questions.first().map(String::as_str).unwrap_or("");
                let quoting = Quoting {
                    given: changes.quote.as_deref(),
                    kept: Some(&after.quote),
                    answer: &after.answer,
                    question: main,
                };
                after.quote = self.cite(&tx, after.article, p, quoting)?.quote;
            }
            None => {
                if let Some(q) = &changes.quote {
                    after.quote = check_text("quote", moderation::bare_quote(q), MAX_ANSWER)?;
                }
            }
        }
        self.save(
            tx,
            before,
            after,
            RevisionAction::Edit,
            by,
            reason.as_deref(),
        )
    }

    /// Adds one phrasing to fact `id` (a new version).
    pub fn alias_fact(
        &self,
        id: FactId,
        phrasing: &str,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<Fact, ModError> {
        let reason = check_reason(reason)?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let before = self.current(&tx, id, None)?;
        if before.retired {
            return Err(ModError::Retired(id));
        }
        let mut after = before.clone();
        after.questions.push(phrasing.to_string());
        after.questions = check_phrasings(&after.questions)?;
        self.save(
            tx,
            before,
            after,
            RevisionAction::Alias,
            by,
            reason.as_deref(),
        )
    }

    /// Retires fact `id`: kept, restorable, no longer answered from. A
    /// reason is required.
    pub fn retire_fact(&self, id: FactId, by: &Moderator, reason: &str) -> Result<Fact, ModError> {
        let reason = check_text("reason", reason, MAX_REASON)?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let before = self.current(&tx, id, None)?;
        if before.retired {
            return Err(ModError::AlreadyRetired(id));
        }
        let mut after = before.clone();
        after.retired = true;
        self.save(tx, before, after, RevisionAction::Retire, by, Some(&reason))
    }

    /// Brings back a retired fact (`version` None), or the content of an
    /// earlier version, as a new version in force.
    pub fn restore_fact(
        &self,
        id: FactId,
        version: Option<i64>,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<Fact, ModError> {
        let reason = check_reason(reason)?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let before = self.current(&tx, id, None)?;
        let mut after = before.clone();
        match version {
            None if !before.retired => return Err(ModError::NothingToRestore(id)),
            None => {}
            Some(v) if v == before.version && !before.retired => {
                return Err(ModError::NothingToRestore(id))
            }
            Some(v) => {
                let snapshot = revision_after(&tx, id, v)
                    .map_err(db(self, "loading an earlier version"))?
                    .ok_or(ModError::UnknownVersion {
                        id,
                        version: v,
                        latest: before.version,
                    })?;
                snapshot.apply_to(&mut after);
            }
        }
        after.retired = false;
        if let Some(p) = after.paragraph {
            let text = self.paragraph_text(&tx, after.article, p)?;
            check_quote(p, &text, &after.quote)?;
        }
        self.save(
            tx,
            before,
            after,
            RevisionAction::Restore,
            by,
            reason.as_deref(),
        )
    }

    pub(super) fn begin<'c>(&self, conn: &'c mut Connection) -> Result<Transaction<'c>, ModError> {
        conn.transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db(self, "starting a fact change"))
    }

    /// The fact as it is now; with `from`, refused if it has moved on.
    pub(super) fn current(
        &self,
        tx: &Transaction<'_>,
        id: FactId,
        from: Option<i64>,
    ) -> Result<Fact, ModError> {
        let fact = read_fact(tx, id)
            .map_err(db(self, "loading a fact"))?
            .ok_or(ModError::UnknownFact(id))?;
        if let Some(from) = from.filter(|v| *v != fact.version) {
            let last = last_change(tx, id).map_err(db(self, "loading a fact's last change"))?;
            let (by, at, reason) = last.unwrap_or_else(|| ("someone".into(), "?".into(), None));
            return Err(ModError::Stale {
                id,
                from,
                now: fact.version,
                by,
                at,
                why: reason.map(|r| format!(" (“{r}”)")).unwrap_or_default(),
            });
        }
        Ok(fact)
    }

    /// Writes `after` as the next version of `before`, with its revision,
    /// and commits.
    pub(super) fn save(
        &self,
        tx: Transaction<'_>,
        before: Fact,
        mut after: Fact,
        action: RevisionAction,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<Fact, ModError> {
        if Snapshot::of(&before) == Snapshot::of(&after) {
            return Err(ModError::NoChange(before.id));
        }
        if !after.retired {
            self.refuse_taken(&tx, &after.questions, Some(after.id))?;
        }
        after.version = before.version + 1;
        after.origin = Origin::Moderator;
        write_fact(&tx, &after).map_err(db(self, "saving a fact"))?;
        record(&tx, &after, action, by, reason, Some(&before))
            .map_err(db(self, "recording a revision"))?;
        tx.commit().map_err(db(self, "committing a fact change"))?;
        Ok(after)
    }
}

pub(super) fn check_reason(reason: Option<&str>) -> Result<Option<String>, Invalid> {
    reason
        .filter(|r| !r.trim().is_empty())
        .map(|r| check_text("reason", r, MAX_REASON))
        .transpose()
}

pub(super) fn first_article(conn: &Connection) -> rusqlite::Result<Option<ArticleId>> {
    conn.query_row("SELECT min(id) FROM articles", [], |row| {
        Ok(row.get::<_, Option<i64>>(0)?.map(ArticleId))
    })
}

/// One fact with its phrasings, on a given connection (or transaction).
pub(super) fn read_fact(conn: &Connection, id: FactId) -> rusqlite::Result<Option<Fact>> {
    let fact = conn
        .prepare_cached(&format!("SELECT {FACT_COLUMNS} FROM facts WHERE id = ?1"))?
        .query_row([id.0], fact_from_row)
        .optional()?;
    let Some(mut fact) = fact else {
        return Ok(None);
    };
    let mut st = conn.prepare_cached(
        "SELECT question FROM fact_questions WHERE fact_id = ?1 ORDER BY position",
    )?;
    fact.questions = st
        .query_map([id.0], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(Some(fact))
}

/// Every fact, with phrasings, on a given connection.
pub(super) fn load_all(conn: &Connection) -> rusqlite::Result<Vec<Fact>> {
    load_facts(conn, None)
}

/// Every fact of `article` (of every article when None), retired ones
/// too, with phrasings, on a given connection.
pub(super) fn load_facts(
    conn: &Connection,
    article: Option<ArticleId>,
) -> rusqlite::Result<Vec<Fact>> {
    let article = article.map(|a| a.0);
    let mut facts: Vec<Fact> = conn
        .prepare(&format!(
            "SELECT {FACT_COLUMNS} FROM facts WHERE ?1 IS NULL OR article_id = ?1 ORDER BY id"
        ))?
        .query_map([article], fact_from_row)?
        .collect::<Result<_, _>>()?;
    let index: HashMap<FactId, usize> = facts.iter().enumerate().map(|(i, f)| (f.id, i)).collect();
    let mut st = conn.prepare(
        "SELECT q.fact_id, q.question FROM fact_questions q JOIN facts f ON f.id = q.fact_id
         WHERE ?1 IS NULL OR f.article_id = ?1 ORDER BY q.fact_id, q.position",
    )?;
    let mut rows = st.query([article])?;
    while let Some(row) = rows.next()? {
        if let Some(&i) = index.get(&FactId(row.get(0)?)) {
            facts[i].questions.push(row.get(1)?);
        }
    }
    Ok(facts)
}

/// Overwrites a stored fact's article, key, content, version and phrasings.
pub(super) fn write_fact(conn: &Connection, f: &Fact) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE facts SET paragraph = ?2, quote = ?3, answer = ?4, kind = ?5, speaker = ?6,
                          source_note = ?7, origin = ?8, version = ?9, retired = ?10,
                          article_id = ?11, key = ?12,
                          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
        params![
            f.id.0,
            f.paragraph,
            f.quote,
            f.answer,
            f.kind.as_str(),
            f.speaker,
            f.source_note,
            f.origin.as_str(),
            f.version,
            f.retired,
            f.article.0,
            f.key,
        ],
    )?;
    write_questions(conn, f.id, &f.questions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{draft, revisions, store, who};

    #[test]
    fn each_change_is_a_version_and_a_revision_with_before_and_after() {
        let (_dir, store) = store();
        let added = store
            .add_fact(&draft("What is Tehran's population?"), &who("ann"), None)
            .expect("added");
        let id = added.fact.id;
        assert_eq!(added.fact.kind, crate::fact::AnswerKind::Thing);
        assert_eq!(added.fact.quote, "About 8.7 million");
        let changes = Changes {
            answer: Some("9 million".into()),
            ..Changes::default()
        };
        let edited = store
            .edit_fact(id, 1, &changes, &who("ben"), Some("newer"))
            .expect("edited");
        assert_eq!((edited.version, edited.origin), (2, Origin::Moderator));
        let history = store.history(id).expect("history");
        assert_eq!(history.len(), 2);
        let edit = &history[1];
        assert_eq!(
            (edit.action, edit.by_name.as_str(), edit.by_id),
            (RevisionAction::Edit, "ben", Some(7))
        );
        assert_eq!(edit.reason.as_deref(), Some("newer"));
        assert_eq!(
            edit.before.as_ref().map(|b| b.answer.as_str()),
            Some("About 8.7 million")
        );
        assert_eq!(
            edit.after.as_ref().map(|a| a.answer.as_str()),
            Some("9 million")
        );
        assert_eq!(
            edit.changes(),
            ["answer: “About 8.7 million” → “9 million”"]
        );
    }

    #[test]
    fn refusals_write_nothing() {
        let (_dir, store) = store();
        let id = store
            .add_fact(&draft("What is Tehran's population?"), &who("ann"), None)
            .expect("added")
            .fact
            .id;
        let before = revisions(&store);
        let answer = |a: &str| Changes {
            answer: Some(a.into()),
            ..Changes::default()
        };
        let cases: Vec<(Result<Fact, ModError>, &str)> = vec![
            (
                store.edit_fact(id, 9, &answer("x"), &who("b"), None),
                "changed since version 9",
            ),
            (
                store.edit_fact(FactId(999_999), 1, &answer("x"), &who("b"), None),
                "no fact #999999",
            ),
            (
                store.edit_fact(id, 1, &answer("About 8.7 million"), &who("b"), None),
                "changes nothing",
            ),
            (
                store.edit_fact(id, 1, &answer(&"x".repeat(MAX_ANSWER + 1)), &who("b"), None),
                "limit is 1024",
            ),
            (
                store.alias_fact(id, "what is tehran's population", &who("b"), None),
                "changes nothing",
            ),
            (store.restore_fact(id, None, &who("b"), None), "in force"),
            (
                store.restore_fact(id, Some(5), &who("b"), None),
                "no version 5",
            ),
            (store.retire_fact(id, &who("b"), "  "), "reason is empty"),
        ];
        for (result, want) in cases {
            let error = result.expect_err(want).to_string();
            assert!(error.contains(want), "{want}: {error}");
        }
        let taken = store
            .add_fact(&draft("what is  TEHRAN's population"), &who("c"), None)
            .expect_err("taken");
        assert!(
            taken
                .to_string()
                .contains(&format!("that already answers {id}")),
            "{taken}"
        );
        assert!(taken.is_user_error());
        assert_eq!(revisions(&store), before);
    }

    #[test]
    fn a_stale_edit_from_another_connection_is_refused_naming_who() {
        let (dir, store) = store();
        let other = Store::open(&dir.path().join("t.db")).expect("second connection");
        let changes = |a: &str| Changes {
            answer: Some(a.into()),
            ..Changes::default()
        };
        other
            .edit_fact(FactId(2), 1, &changes("first"), &who("ann"), Some("fix"))
            .expect("first");
        let error = store
            .edit_fact(FactId(2), 1, &changes("second"), &who("ben"), None)
            .expect_err("stale");
        let text = error.to_string();
        assert!(
            text.contains("ann made version 2") && text.contains("“fix”"),
            "{text}"
        );
        assert_eq!(
            store.fact(FactId(2)).expect("load").map(|f| f.answer),
            Some("first".into())
        );
    }
}
