//! The store's moderation operations: add, edit, alias, retire, restore,
//! history, the question-log review, feedback tallies, export and import.
//!
//! Every change is one IMMEDIATE transaction that writes the fact's new
//! version and a `fact_revisions` row (who, when, why, before, after), so a
//! change is all there or not at all, and two writers never interleave.
//! The checks themselves live in [`crate::moderation`]; nothing here ranks
//! or formats.

use std::collections::{HashMap, HashSet};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::{fact_from_row, sql_err, Store, StoreError, FACT_COLUMNS};
use crate::fact::{ArticleId, Fact, FactId, Origin};
use crate::moderation::{
    self, check_phrasings, check_quote, check_text, Changes, Draft, FeedbackTally, Invalid,
    LoggedQuestion, Moderator, Snapshot, Source, MAX_ANSWER, MAX_NOTE, MAX_REASON,
};

/// Why a moderation operation did not happen. Everything but
/// [`ModError::Store`] is the moderator's to fix, and nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ModError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("there is no fact {0}")]
    UnknownFact(FactId),
    #[error(
        "fact {id} changed since version {from}: {by} made version {now} at {at}{why}. \
         Nothing was saved; look at it again and edit from version {now}"
    )]
    Stale {
        id: FactId,
        from: i64,
        now: i64,
        by: String,
        at: String,
        why: String,
    },
    #[error("“{phrasing}”: that already answers {other}")]
    PhrasingTaken { phrasing: String, other: FactId },
    #[error("fact {0} is retired: restore it first")]
    Retired(FactId),
    #[error("fact {0} is already retired")]
    AlreadyRetired(FactId),
    #[error("fact {0} is in force, and that is its current version")]
    NothingToRestore(FactId),
    #[error("fact {id} has no version {version} (it is at version {latest})")]
    UnknownVersion {
        id: FactId,
        version: i64,
        latest: i64,
    },
    #[error("that changes nothing in fact {0}")]
    NoChange(FactId),
    #[error("there is no article to add the fact to: ingest one first")]
    NoArticle,
    #[error("the file is not a facts export: {0}")]
    BadFile(String),
    #[error("in the file, fact {id}: {problem}")]
    BadFact { id: FactId, problem: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ModError {
    /// Whether the moderator caused it (shown to them) rather than the
    /// database (logged, apologised for).
    pub fn is_user_error(&self) -> bool {
        !matches!(self, ModError::Store(_))
    }

    /// Whether the database refused the change because it is read-only.
    pub fn is_read_only(&self) -> bool {
        matches!(self, ModError::Store(e) if e.is_read_only())
    }
}

/// What a revision did. Stored as the same lowercase words as ever (the
/// schema's CHECK names them), so existing databases read unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RevisionAction {
    Create,
    Edit,
    Alias,
    Retire,
    Restore,
    Import,
}

impl RevisionAction {
    const ALL: [RevisionAction; 6] = [
        RevisionAction::Create,
        RevisionAction::Edit,
        RevisionAction::Alias,
        RevisionAction::Retire,
        RevisionAction::Restore,
        RevisionAction::Import,
    ];

    /// The word stored in `fact_revisions.action`.
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionAction::Create => "create",
            RevisionAction::Edit => "edit",
            RevisionAction::Alias => "alias",
            RevisionAction::Retire => "retire",
            RevisionAction::Restore => "restore",
            RevisionAction::Import => "import",
        }
    }

    pub fn parse(word: &str) -> Option<RevisionAction> {
        RevisionAction::ALL.into_iter().find(|a| a.as_str() == word)
    }
}

impl std::fmt::Display for RevisionAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ToSql for RevisionAction {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for RevisionAction {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let word = value.as_str()?;
        RevisionAction::parse(word)
            .ok_or_else(|| FromSqlError::Other(format!("unknown revision action {word:?}").into()))
    }
}

/// One row of a fact's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub version: i64,
    pub action: RevisionAction,
    pub by_id: Option<u64>,
    pub by_name: String,
    /// UTC, ISO 8601.
    pub at: String,
    pub reason: Option<String>,
    pub before: Option<Snapshot>,
    pub after: Option<Snapshot>,
}

impl Revision {
    /// What this revision changed, one line per field.
    pub fn changes(&self) -> Vec<String> {
        match &self.after {
            Some(after) => moderation::describe_changes(self.before.as_ref(), after),
            None => Vec::new(),
        }
    }
}

/// A fact added, with the sentences of its paragraph (when it cites one) so
/// a moderator who gave no quote can see what else could be cited.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub fact: Fact,
    pub sentences: Vec<String>,
    /// Whether the quote was picked for the moderator.
    pub picked_quote: bool,
}

/// One fact as `export` writes it: the fact and its article's title, so
/// an import matches articles by title, not by an id another database
/// gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedFact {
    #[serde(flatten)]
    pub fact: Fact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_title: Option<String>,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ImportReport {
    /// New facts, with their ids here.
    pub added: Vec<FactId>,
    /// Facts changed (retiring and restoring included), with what changed.
    pub changed: Vec<(FactId, Vec<String>)>,
    /// Facts in the file that match the store already.
    pub unchanged: usize,
    /// Facts in the store but not in the file: left as they are.
    pub not_in_file: usize,
    /// False for a dry run.
    pub applied: bool,
}

/// A mod error from a SQLite error, naming the database and the operation.
fn db<'a>(store: &'a Store, op: &'static str) -> impl FnOnce(rusqlite::Error) -> ModError + 'a {
    move |cause| ModError::Store(sql_err(&store.path, op)(cause))
}

fn sql_id(id: u64) -> i64 {
    super::id_to_sql(id)
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
                let text = self.paragraph_text(&tx, article, *number)?;
                let sentences = sentences(&tx, article, *number)
                    .map_err(db(self, "loading the paragraph's sentences"))?;
                let (quote, picked) = match quote.as_deref().filter(|q| !q.trim().is_empty()) {
                    Some(q) => (check_quote(*number, &text, q)?, false),
                    None => {
                        let i = moderation::pick_sentence(&sentences, &answer, main)
                            .ok_or(Invalid::NoSentence { number: *number })?;
                        (sentences[i].clone(), true)
                    }
                };
                (Some(*number), quote, None, sentences, picked)
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
        self.revision(
            &tx,
            &fact,
            RevisionAction::Create,
            by,
            reason.as_deref(),
            None,
        )?;
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
                let text = self.paragraph_text(&tx, after.article, p)?;
                match &changes.quote {
                    Some(q) => after.quote = check_quote(p, &text, q)?,
                    // A new paragraph without a new quote: keep the quote if it
                    // is there, else cite the sentence closest to the answer.
                    None if !text.contains(&after.quote) => {
                        let sentences = sentences(&tx, after.article, p)
                            .map_err(db(self, "loading the paragraph's sentences"))?;
                        let main = after.questions.first().map(String::as_str).unwrap_or("");
                        let i = moderation::pick_sentence(&sentences, &after.answer, main)
                            .ok_or(Invalid::NoSentence { number: p })?;
                        after.quote = sentences[i].clone();
                    }
                    None => {}
                }
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

    /// Every version of fact `id`, oldest first, in one query: the fact
    /// joined to its revisions, so an unknown fact is told from one with no
    /// history.
    pub fn history(&self, id: FactId) -> Result<Vec<Revision>, ModError> {
        let conn = self.conn();
        let op = "loading a fact's history";
        let mut st = conn
            .prepare_cached(
                "SELECT r.version, r.action, r.by_id, r.by_name, r.at, r.reason, r.before, r.after
                 FROM facts f LEFT JOIN fact_revisions r ON r.fact_id = f.id
                 WHERE f.id = ?1 ORDER BY r.version, r.id",
            )
            .map_err(db(self, op))?;
        let rows = st
            .query_map([id.0], |row| {
                let Some(version) = row.get::<_, Option<i64>>(0)? else {
                    return Ok(None);
                };
                let snapshot = |i: usize| -> rusqlite::Result<Option<Snapshot>> {
                    let text: Option<String> = row.get(i)?;
                    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
                };
                Ok(Some(Revision {
                    version,
                    action: row.get(1)?,
                    by_id: row.get::<_, Option<i64>>(2)?.map(|i| i as u64),
                    by_name: row.get(3)?,
                    at: row.get(4)?,
                    reason: row.get(5)?,
                    before: snapshot(6)?,
                    after: snapshot(7)?,
                }))
            })
            .map_err(db(self, op))?;
        let rows: Vec<Option<Revision>> = rows.collect::<Result<_, _>>().map_err(db(self, op))?;
        if rows.is_empty() {
            return Err(ModError::UnknownFact(id));
        }
        Ok(rows.into_iter().flatten().collect())
    }

    /// Questions of the last `days` days that were declined or answered with
    /// confidence below `low`, newest first.
    pub fn missed_questions(&self, days: u32, low: f64) -> Result<Vec<LoggedQuestion>, ModError> {
        let conn = self.conn();
        let op = "reading the question log";
        let mut st = conn
            .prepare_cached(
                "SELECT question, answered, confidence, at FROM question_log
                 WHERE at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)
                   AND (answered = 0 OR confidence < ?2)
                 ORDER BY at DESC, id DESC",
            )
            .map_err(db(self, op))?;
        let since = format!("-{days} days");
        let rows = st
            .query_map(params![since, low], |row| {
                Ok(LoggedQuestion {
                    question: row.get(0)?,
                    answered: row.get(1)?,
                    confidence: row.get(2)?,
                    at: row.get(3)?,
                })
            })
            .map_err(db(self, op))?;
        rows.collect::<Result<_, _>>().map_err(db(self, op))
    }

    /// The facts with the worst 👍/👎 record (most 👎 over 👍), at most
    /// `limit`, each with its answer; only facts someone voted on. One query.
    pub fn feedback_tallies(&self, limit: usize) -> Result<Vec<FeedbackTally>, ModError> {
        let conn = self.conn();
        let op = "tallying feedback";
        let mut st = conn
            .prepare_cached(
                "SELECT v.fact_id, sum(v.helpful), sum(1 - v.helpful), coalesce(f.answer, '')
                 FROM feedback v LEFT JOIN facts f ON f.id = v.fact_id
                 GROUP BY v.fact_id
                 ORDER BY sum(1 - v.helpful) - sum(v.helpful) DESC, sum(1 - v.helpful) DESC,
                          v.fact_id
                 LIMIT ?1",
            )
            .map_err(db(self, op))?;
        let rows = st
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |row| {
                Ok(FeedbackTally {
                    fact_id: FactId(row.get(0)?),
                    helpful: row.get(1)?,
                    unhelpful: row.get(2)?,
                    answer: row.get(3)?,
                })
            })
            .map_err(db(self, op))?;
        rows.collect::<Result<_, _>>().map_err(db(self, op))
    }

    /// Every fact, retired ones included, with its article's title.
    pub fn export_facts(&self) -> Result<Vec<ExportedFact>, ModError> {
        let titles: HashMap<ArticleId, String> = self
            .articles()?
            .into_iter()
            .map(|a| (a.id, a.title))
            .collect();
        Ok(self
            .facts(true)?
            .into_iter()
            .map(|fact| ExportedFact {
                article_title: titles.get(&fact.article).cloned(),
                fact,
            })
            .collect())
    }

    /// Imports an export (the JSON `export` writes): a fact with a key is
    /// matched by article and key, one without by id; a match that differs
    /// gets a new version, the others are added (under their own id when
    /// it is free). The whole file is checked before anything is written;
    /// with `apply` false nothing is, and the report says what would change.
    pub fn import_facts(
        &self,
        json: &str,
        by: &Moderator,
        apply: bool,
    ) -> Result<ImportReport, ModError> {
        let file: Vec<ExportedFact> = serde_json::from_str(json.trim_start_matches('\u{feff}'))
            .map_err(|e| ModError::BadFile(e.to_string()))?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let op = "planning an import";
        let articles: Vec<(ArticleId, String)> = {
            let mut st = tx
                .prepare("SELECT id, title FROM articles")
                .map_err(db(self, op))?;
            let rows = st
                .query_map([], |row| Ok((ArticleId(row.get(0)?), row.get(1)?)))
                .map_err(db(self, op))?;
            rows.collect::<Result<_, _>>().map_err(db(self, op))?
        };
        let existing = load_all(&tx).map_err(db(self, op))?;
        let by_id: HashMap<FactId, &Fact> = existing.iter().map(|f| (f.id, f)).collect();
        let by_key: HashMap<(ArticleId, &str), &Fact> = existing
            .iter()
            .filter_map(|f| f.key.as_deref().map(|k| ((f.article, k), f)))
            .collect();

        // Plan: (the fact as it will be, the fact it replaces).
        let mut plan: Vec<(Fact, Option<&Fact>)> = Vec::new();
        let mut seen: HashSet<FactId> = HashSet::new();
        let mut seen_keys: HashSet<(ArticleId, String)> = HashSet::new();
        for item in &file {
            let f = &item.fact;
            let bad = |problem: String| ModError::BadFact { id: f.id, problem };
            let article = match &item.article_title {
                Some(title) => articles.iter().find(|(_, t)| t == title).map(|(id, _)| *id),
                None => articles
                    .iter()
                    .find(|(id, _)| *id == f.article)
                    .map(|(id, _)| *id),
            }
            .ok_or_else(|| {
                bad(format!(
                    "its article ({}) is not in this database: ingest it first",
                    item.article_title
                        .clone()
                        .unwrap_or_else(|| format!("id {}", f.article.0))
                ))
            })?;
            if !seen.insert(f.id) {
                return Err(bad("the file has it twice".to_string()));
            }
            if let Some(key) = &f.key {
                if !seen_keys.insert((article, key.clone())) {
                    return Err(bad(format!("the file has the key {key:?} twice")));
                }
            }
            let target = match &f.key {
                Some(key) => by_key.get(&(article, key.as_str())).copied(),
                None => by_id
                    .get(&f.id)
                    .copied()
                    .filter(|t| t.key.is_none() && t.article == article),
            };
            let mut next = f.clone();
            next.article = article;
            if let Some(t) = target {
                if Snapshot::of(t) == Snapshot::of(&next) {
                    plan.push((t.clone(), Some(t)));
                    continue;
                }
                next.id = t.id;
                next.version = t.version + 1;
            } else {
                next.version = 1;
            }
            // Only what the import writes is checked: a stored fact that
            // predates a limit still round-trips.
            self.check_imported(&tx, &next)
                .map_err(|e| bad(e.to_string()))?;
            plan.push((next, target));
        }

        // The facts in force afterwards must not share a phrasing.
        let replaced: HashSet<FactId> = plan.iter().filter_map(|(_, t)| t.map(|t| t.id)).collect();
        let mut owners: HashMap<String, FactId> = HashMap::new();
        let in_force = existing
            .iter()
            .filter(|f| !replaced.contains(&f.id))
            .chain(plan.iter().map(|(f, _)| f))
            .filter(|f| !f.retired);
        for f in in_force {
            for q in &f.questions {
                let key = moderation::phrasing_key(q);
                match owners.get(&key) {
                    Some(other) if *other != f.id => {
                        return Err(ModError::BadFact {
                            id: f.id,
                            problem: ModError::PhrasingTaken {
                                phrasing: q.clone(),
                                other: *other,
                            }
                            .to_string(),
                        })
                    }
                    _ => {
                        owners.insert(key, f.id);
                    }
                }
            }
        }

        let mut report = ImportReport {
            not_in_file: existing.len().saturating_sub(replaced.len()),
            applied: apply,
            ..ImportReport::default()
        };
        for (mut next, target) in plan {
            match target {
                Some(t) if t.version == next.version => report.unchanged += 1,
                Some(t) => {
                    report.changed.push((
                        t.id,
                        moderation::describe_changes(Some(&Snapshot::of(t)), &Snapshot::of(&next)),
                    ));
                    if apply {
                        write_fact(&tx, &next).map_err(db(self, "importing a fact"))?;
                        self.revision(
                            &tx,
                            &next,
                            RevisionAction::Import,
                            by,
                            Some("import"),
                            Some(t),
                        )?;
                    }
                }
                None => {
                    let id_free = !by_id.contains_key(&next.id)
                        && read_fact(&tx, next.id)
                            .map_err(db(self, "importing a fact"))?
                            .is_none();
                    if apply {
                        let id = insert_fact(&tx, &next, id_free)
                            .map_err(db(self, "importing a fact"))?;
                        next.id = id;
                        let stored = read_fact(&tx, id)
                            .map_err(db(self, "importing a fact"))?
                            .ok_or(ModError::UnknownFact(id))?;
                        self.revision(
                            &tx,
                            &stored,
                            RevisionAction::Import,
                            by,
                            Some("import"),
                            None,
                        )?;
                    }
                    report.added.push(next.id);
                }
            }
        }
        if apply {
            tx.commit().map_err(db(self, "committing an import"))?;
        }
        Ok(report)
    }

    // ---- helpers -----------------------------------------------------------------

    fn begin<'c>(&self, conn: &'c mut Connection) -> Result<Transaction<'c>, ModError> {
        conn.transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db(self, "starting a fact change"))
    }

    /// The fact as it is now; with `from`, refused if it has moved on.
    fn current(
        &self,
        tx: &Transaction<'_>,
        id: FactId,
        from: Option<i64>,
    ) -> Result<Fact, ModError> {
        let fact = read_fact(tx, id)
            .map_err(db(self, "loading a fact"))?
            .ok_or(ModError::UnknownFact(id))?;
        if let Some(from) = from.filter(|v| *v != fact.version) {
            let last: Option<(String, String, Option<String>)> = tx
                .query_row(
                    "SELECT by_name, at, reason FROM fact_revisions
                     WHERE fact_id = ?1 ORDER BY version DESC, id DESC LIMIT 1",
                    [id.0],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()
                .map_err(db(self, "loading a fact's last change"))?;
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
    fn save(
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
        self.revision(&tx, &after, action, by, reason, Some(&before))?;
        tx.commit().map_err(db(self, "committing a fact change"))?;
        Ok(after)
    }

    fn revision(
        &self,
        tx: &Transaction<'_>,
        after: &Fact,
        action: RevisionAction,
        by: &Moderator,
        reason: Option<&str>,
        before: Option<&Fact>,
    ) -> Result<(), ModError> {
        let json = |f: &Fact| serde_json::to_string(f).ok();
        tx.prepare_cached(
            "INSERT INTO fact_revisions (fact_id, version, action, by_id, by_name, reason, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .and_then(|mut st| {
            st.execute(params![
                after.id.0,
                after.version,
                action,
                by.id.map(sql_id),
                by.name,
                reason,
                before.and_then(json),
                json(after),
            ])
        })
        .map_err(db(self, "recording a revision"))?;
        Ok(())
    }

    /// Refuses a phrasing that already belongs to another fact in force.
    fn refuse_taken(
        &self,
        tx: &Transaction<'_>,
        questions: &[String],
        except: Option<FactId>,
    ) -> Result<(), ModError> {
        let op = "checking phrasings";
        let wanted: Vec<(String, &String)> = questions
            .iter()
            .map(|q| (moderation::phrasing_key(q), q))
            .collect();
        let mut st = tx
            .prepare_cached(
                "SELECT q.fact_id, q.question FROM fact_questions q JOIN facts f ON f.id = q.fact_id
                 WHERE f.retired = 0 AND f.id != ?1",
            )
            .map_err(db(self, op))?;
        let mut rows = st
            .query([except.map_or(0, |f| f.0)])
            .map_err(db(self, op))?;
        while let Some(row) = rows.next().map_err(db(self, op))? {
            let other: i64 = row.get(0).map_err(db(self, op))?;
            let text: String = row.get(1).map_err(db(self, op))?;
            let key = moderation::phrasing_key(&text);
            if let Some((_, q)) = wanted.iter().find(|(k, _)| *k == key) {
                return Err(ModError::PhrasingTaken {
                    phrasing: (*q).clone(),
                    other: FactId(other),
                });
            }
        }
        Ok(())
    }

    fn paragraph_text(
        &self,
        conn: &Connection,
        article: ArticleId,
        number: u32,
    ) -> Result<String, ModError> {
        let op = "loading a paragraph";
        let text: Option<String> = conn
            .query_row(
                "SELECT text FROM paragraphs WHERE article_id = ?1 AND number = ?2",
                params![article.0, number],
                |row| row.get(0),
            )
            .optional()
            .map_err(db(self, op))?;
        match text {
            Some(t) => Ok(t),
            None => {
                let count: u32 = conn
                    .query_row(
                        "SELECT count(*) FROM paragraphs WHERE article_id = ?1",
                        [article.0],
                        |row| row.get(0),
                    )
                    .map_err(db(self, op))?;
                Err(Invalid::ParagraphOutOfRange { number, count }.into())
            }
        }
    }

    /// The checks an imported fact must pass.
    fn check_imported(&self, conn: &Connection, f: &Fact) -> Result<(), ModError> {
        // A sentence fact is answered from its own words and may have no
        // phrasing; one that has some must have good ones.
        if !f.questions.is_empty() {
            check_phrasings(&f.questions)?;
        }
        check_text("answer", &f.answer, MAX_ANSWER)?;
        match (f.paragraph, &f.source_note) {
            (Some(p), _) => {
                let text = self.paragraph_text(conn, f.article, p)?;
                check_quote(p, &text, &f.quote)?;
            }
            (None, Some(note)) => {
                check_text("source", note, MAX_NOTE)?;
                check_text("quote", &f.quote, MAX_ANSWER)?;
            }
            (None, None) => {
                return Err(ModError::BadFile(
                    "a fact needs a paragraph or a source_note".to_string(),
                ))
            }
        }
        Ok(())
    }
}

fn check_reason(reason: Option<&str>) -> Result<Option<String>, Invalid> {
    reason
        .filter(|r| !r.trim().is_empty())
        .map(|r| check_text("reason", r, MAX_REASON))
        .transpose()
}

fn first_article(conn: &Connection) -> rusqlite::Result<Option<ArticleId>> {
    conn.query_row("SELECT min(id) FROM articles", [], |row| {
        Ok(row.get::<_, Option<i64>>(0)?.map(ArticleId))
    })
}

fn sentences(
    conn: &Connection,
    article: ArticleId,
    paragraph: u32,
) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT text FROM sentences WHERE article_id = ?1 AND paragraph = ?2 ORDER BY position",
    )?;
    let rows = st.query_map(params![article.0, paragraph], |row| row.get(0))?;
    rows.collect()
}

/// One fact with its phrasings, on a given connection (or transaction).
fn read_fact(conn: &Connection, id: FactId) -> rusqlite::Result<Option<Fact>> {
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
fn load_all(conn: &Connection) -> rusqlite::Result<Vec<Fact>> {
    let mut facts: Vec<Fact> = conn
        .prepare(&format!("SELECT {FACT_COLUMNS} FROM facts ORDER BY id"))?
        .query_map([], fact_from_row)?
        .collect::<Result<_, _>>()?;
    let index: HashMap<FactId, usize> = facts.iter().enumerate().map(|(i, f)| (f.id, i)).collect();
    let mut st =
        conn.prepare("SELECT fact_id, question FROM fact_questions ORDER BY fact_id, position")?;
    let mut rows = st.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(&i) = index.get(&FactId(row.get(0)?)) {
            facts[i].questions.push(row.get(1)?);
        }
    }
    Ok(facts)
}

fn write_questions(conn: &Connection, id: FactId, questions: &[String]) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM fact_questions WHERE fact_id = ?1", [id.0])?;
    let mut st = conn.prepare_cached(
        "INSERT INTO fact_questions (fact_id, position, question) VALUES (?1, ?2, ?3)",
    )?;
    for (i, q) in questions.iter().enumerate() {
        st.execute(params![id.0, i + 1, q])?;
    }
    Ok(())
}

/// Overwrites a stored fact's content, version and phrasings.
fn write_fact(conn: &Connection, f: &Fact) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE facts SET paragraph = ?2, quote = ?3, answer = ?4, kind = ?5, speaker = ?6,
                          source_note = ?7, origin = ?8, version = ?9, retired = ?10,
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
        ],
    )?;
    write_questions(conn, f.id, &f.questions)
}

/// Inserts an imported fact, under its own id when `keep_id`.
fn insert_fact(conn: &Connection, f: &Fact, keep_id: bool) -> rusqlite::Result<FactId> {
    conn.execute(
        "INSERT INTO facts (id, article_id, key, paragraph, quote, answer, kind, speaker,
                            source_note, origin, version, retired)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11)",
        params![
            keep_id.then_some(f.id.0),
            f.article.0,
            f.key,
            f.paragraph,
            f.quote,
            f.answer,
            f.kind.as_str(),
            f.speaker,
            f.source_note,
            f.origin.as_str(),
            f.retired,
        ],
    )?;
    let id = FactId(conn.last_insert_rowid());
    write_questions(conn, id, &f.questions)?;
    Ok(id)
}

/// The content of version `version` of a fact, from its revision.
fn revision_after(
    conn: &Connection,
    id: FactId,
    version: i64,
) -> rusqlite::Result<Option<Snapshot>> {
    let text: Option<Option<String>> = conn
        .query_row(
            "SELECT after FROM fact_revisions WHERE fact_id = ?1 AND version = ?2
             ORDER BY id DESC LIMIT 1",
            params![id.0, version],
            |row| row.get(0),
        )
        .optional()?;
    Ok(text.flatten().and_then(|t| serde_json::from_str(&t).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open_seeded(&dir.path().join("t.db")).expect("store");
        (dir, store)
    }

    fn who(name: &str) -> Moderator {
        Moderator {
            id: Some(7),
            name: name.to_string(),
        }
    }

    fn draft(question: &str) -> Draft {
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

    fn revisions(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM fact_revisions", [], |r| r.get(0))
            .expect("count")
    }

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
    fn a_retired_fact_frees_its_phrasings_and_restoring_checks_them_again() {
        let (_dir, store) = store();
        let q = "What is Tehran's population?";
        let first = store
            .add_fact(&draft(q), &who("a"), None)
            .expect("added")
            .fact
            .id;
        store.retire_fact(first, &who("a"), "dup").expect("retired");
        let second = store
            .add_fact(&draft(q), &who("b"), None)
            .expect("free again")
            .fact
            .id;
        let error = store
            .restore_fact(first, None, &who("a"), None)
            .expect_err("taken");
        assert!(
            error.to_string().contains(&format!("answers {second}")),
            "{error}"
        );
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

    #[test]
    fn feedback_tallies_carry_the_answer_worst_first() {
        let (_dir, store) = store();
        store.record_feedback(FactId(2), 1, false).expect("vote");
        store.record_feedback(FactId(2), 2, false).expect("vote");
        store.record_feedback(FactId(3), 1, true).expect("vote");
        let tallies = store.feedback_tallies(10).expect("tallies");
        let answer = |id| store.fact(FactId(id)).expect("load").map(|f| f.answer);
        assert_eq!(tallies.len(), 2);
        assert_eq!(
            (tallies[0].fact_id, tallies[0].unhelpful, tallies[0].helpful),
            (FactId(2), 2, 0)
        );
        assert_eq!(Some(tallies[0].answer.clone()), answer(2));
        assert_eq!(Some(tallies[1].answer.clone()), answer(3));
        assert_eq!(store.feedback_tallies(1).expect("tallies").len(), 1);
    }

    #[test]
    fn revision_actions_are_stored_as_the_words_they_always_were() {
        for (action, word) in [
            (RevisionAction::Create, "create"),
            (RevisionAction::Edit, "edit"),
            (RevisionAction::Alias, "alias"),
            (RevisionAction::Retire, "retire"),
            (RevisionAction::Restore, "restore"),
            (RevisionAction::Import, "import"),
        ] {
            assert_eq!(action.as_str(), word);
            assert_eq!(RevisionAction::parse(word), Some(action));
            assert_eq!(serde_json::to_value(action).expect("json"), word);
        }
        assert_eq!(RevisionAction::parse("delete"), None);
    }

    #[test]
    fn a_dry_run_import_reports_and_writes_nothing() {
        let (_dir, store) = store();
        let mut facts = store.export_facts().expect("export");
        facts[0].fact.answer = "changed".into();
        let json = serde_json::to_string(&facts).expect("json");
        let before = revisions(&store);
        let report = store
            .import_facts(&json, &who("i"), false)
            .expect("dry run");
        assert_eq!(
            (report.changed.len(), report.added.len(), report.applied),
            (1, 0, false)
        );
        assert_eq!(revisions(&store), before);
        let report = store.import_facts(&json, &who("i"), true).expect("import");
        assert_eq!(report.changed.len(), 1);
        assert_eq!(revisions(&store), before + 1);
        let bad = store
            .import_facts("[{\"id\": 1}]", &who("i"), true)
            .expect_err("bad");
        assert!(bad.to_string().contains("not a facts export"), "{bad}");
    }
}
