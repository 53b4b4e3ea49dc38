//! Export and import: every fact as JSON, and that JSON read back, checked
//! whole before anything is written.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::error::{db, ModError};
use super::facts::{load_all, read_fact, write_fact};
use super::phrasings::{shared_phrasing, write_questions};
use super::revisions::{record, RevisionAction};
use super::{Store, StoreError};
use crate::fact::{ArticleId, Fact, FactId};
use crate::moderation::{
    self, check_phrasings, check_quote, check_text, Moderator, Snapshot, MAX_ANSWER, MAX_NOTE,
};

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

/// One fact of an import: the fact as it will be, and the stored fact it
/// replaces (None: a new fact).
struct Step<'e> {
    fact: Fact,
    replaces: Option<&'e Fact>,
}

impl Store {
    /// Every fact, retired ones included, with its article's title.
    pub fn export_facts(&self) -> Result<Vec<ExportedFact>, ModError> {
        Ok(self.with_titles(self.facts(true)?)?)
    }

    /// `facts` as `export` writes them, each with its article's title: also
    /// what `facts list --json` and `facts show --json` print.
    pub fn with_titles(&self, facts: Vec<Fact>) -> Result<Vec<ExportedFact>, StoreError> {
        let titles: HashMap<ArticleId, String> = self
            .articles()?
            .into_iter()
            .map(|a| (a.id, a.title))
            .collect();
        Ok(facts
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
        let existing = load_all(&tx).map_err(db(self, "planning an import"))?;
        let plan = self.plan_import(&tx, &file, &existing)?;

        // The facts in force afterwards must not share a phrasing.
        let replaced: HashSet<FactId> = plan
            .iter()
            .filter_map(|s| s.replaces.map(|t| t.id))
            .collect();
        let after = existing
            .iter()
            .filter(|f| !replaced.contains(&f.id))
            .chain(plan.iter().map(|s| &s.fact));
        if let Some(error) = shared_phrasing(after) {
            return Err(error);
        }

        let mut report = ImportReport {
            not_in_file: existing.len().saturating_sub(replaced.len()),
            applied: apply,
            ..ImportReport::default()
        };
        let taken: HashSet<FactId> = existing.iter().map(|f| f.id).collect();
        for step in plan {
            self.import_one(&tx, step, &taken, by, apply, &mut report)?;
        }
        if apply {
            tx.commit().map_err(db(self, "committing an import"))?;
        }
        Ok(report)
    }

    /// What importing `file` would do to `existing`, fact by fact, each
    /// checked; the first problem refuses the whole file.
    fn plan_import<'e>(
        &self,
        conn: &Connection,
        file: &[ExportedFact],
        existing: &'e [Fact],
    ) -> Result<Vec<Step<'e>>, ModError> {
        let articles = article_titles(conn).map_err(db(self, "planning an import"))?;
        let by_id: HashMap<FactId, &Fact> = existing.iter().map(|f| (f.id, f)).collect();
        let by_key: HashMap<(ArticleId, &str), &Fact> = existing
            .iter()
            .filter_map(|f| f.key.as_deref().map(|k| ((f.article, k), f)))
            .collect();
        let mut seen: HashSet<FactId> = HashSet::new();
        let mut seen_keys: HashSet<(ArticleId, String)> = HashSet::new();
        let mut plan = Vec::new();
        for item in file {
            let f = &item.fact;
            let bad = |problem: String| ModError::BadFact { id: f.id, problem };
            let article = article_of(item, &articles).map_err(bad)?;
            if !seen.insert(f.id) {
                return Err(bad("the file has it twice".to_string()));
            }
            if let Some(key) = &f.key {
                if !seen_keys.insert((article, key.clone())) {
                    return Err(bad(format!("the file has the key {key:?} twice")));
                }
            }
            let replaces = match &f.key {
                Some(key) => by_key.get(&(article, key.as_str())).copied(),
                None => by_id
                    .get(&f.id)
                    .copied()
                    .filter(|t| t.key.is_none() && t.article == article),
            };
            let mut next = f.clone();
            next.article = article;
            match replaces {
                Some(t) if Snapshot::of(t) == Snapshot::of(&next) => {
                    plan.push(Step {
                        fact: t.clone(),
                        replaces,
                    });
                    continue;
                }
                Some(t) => {
                    next.id = t.id;
                    next.version = t.version + 1;
                }
                None => next.version = 1,
            }
            // Only what the import writes is checked: a stored fact that
            // predates a limit still round-trips.
            self.check_imported(conn, &next)
                .map_err(|e| bad(e.to_string()))?;
            plan.push(Step {
                fact: next,
                replaces,
            });
        }
        Ok(plan)
    }

    /// Carries out (with `apply`) and reports one step of an import.
    /// `taken`: the ids stored before the import.
    fn import_one(
        &self,
        tx: &Connection,
        step: Step<'_>,
        taken: &HashSet<FactId>,
        by: &Moderator,
        apply: bool,
        report: &mut ImportReport,
    ) -> Result<(), ModError> {
        let op = "importing a fact";
        let mut next = step.fact;
        match step.replaces {
            Some(t) if t.version == next.version => report.unchanged += 1,
            Some(t) => {
                report.changed.push((
                    t.id,
                    moderation::describe_changes(Some(&Snapshot::of(t)), &Snapshot::of(&next)),
                ));
                if apply {
                    write_fact(tx, &next).map_err(db(self, op))?;
                    let action = RevisionAction::Import;
                    record(tx, &next, action, by, Some("import"), Some(t))
                        .map_err(db(self, "recording a revision"))?;
                }
            }
            None => {
                let id_free = !taken.contains(&next.id)
                    && read_fact(tx, next.id).map_err(db(self, op))?.is_none();
                if apply {
                    let id = insert_fact(tx, &next, id_free).map_err(db(self, op))?;
                    next.id = id;
                    let stored = read_fact(tx, id)
                        .map_err(db(self, op))?
                        .ok_or(ModError::UnknownFact(id))?;
                    let action = RevisionAction::Import;
                    record(tx, &stored, action, by, Some("import"), None)
                        .map_err(db(self, "recording a revision"))?;
                }
                report.added.push(next.id);
            }
        }
        Ok(())
    }

    /// The checks an imported fact must pass.
    pub(super) fn check_imported(&self, conn: &Connection, f: &Fact) -> Result<(), ModError> {
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

/// Inserts an imported fact, under its own id when `keep_id`.
pub(super) fn insert_fact(conn: &Connection, f: &Fact, keep_id: bool) -> rusqlite::Result<FactId> {
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

/// Every article's id and title.
fn article_titles(conn: &Connection) -> rusqlite::Result<Vec<(ArticleId, String)>> {
    let mut st = conn.prepare("SELECT id, title FROM articles")?;
    let rows = st.query_map([], |row| Ok((ArticleId(row.get(0)?), row.get(1)?)))?;
    rows.collect()
}

/// The article here that an exported fact belongs to: matched by title,
/// or, for an export without titles, by id.
fn article_of(item: &ExportedFact, articles: &[(ArticleId, String)]) -> Result<ArticleId, String> {
    let f = &item.fact;
    match &item.article_title {
        Some(title) => articles.iter().find(|(_, t)| t == title).map(|(id, _)| *id),
        None => articles
            .iter()
            .find(|(id, _)| *id == f.article)
            .map(|(id, _)| *id),
    }
    .ok_or_else(|| {
        format!(
            "its article ({}) is not in this database: ingest it first",
            item.article_title
                .clone()
                .unwrap_or_else(|| format!("id {}", f.article.0))
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::store::testing::{revisions, store, who};

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
