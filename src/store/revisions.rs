//! A fact's history: one `fact_revisions` row per version (who, when,
//! why, the fact before and after), written in the same transaction as the
//! change it records.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde::Serialize;

use super::error::{db, ModError};
use super::Store;
use crate::fact::{Fact, FactId};
use crate::moderation::{self, Moderator, Snapshot};

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

impl Store {
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
}

/// Writes the revision that made `after` (from `before`, None for a new
/// fact): the one way a fact's history grows (callers map the error with
/// "recording a revision").
pub(super) fn record(
    conn: &Connection,
    after: &Fact,
    action: RevisionAction,
    by: &Moderator,
    reason: Option<&str>,
    before: Option<&Fact>,
) -> rusqlite::Result<()> {
    let change = Change { action, by, reason };
    write(
        conn,
        Kept::Fact,
        after.id.0,
        after.version,
        change,
        before,
        after,
    )
}

/// Whose history a revision row joins: a fact's or a gap's. Both tables
/// have the same columns, the owner's id first.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kept {
    Fact,
    Gap,
}

/// What a change was, who made it and why: what every revision row says
/// besides the versions.
#[derive(Debug, Clone, Copy)]
pub(super) struct Change<'a> {
    pub action: RevisionAction,
    pub by: &'a Moderator,
    pub reason: Option<&'a str>,
}

/// One revision row: version `version` of `owner` (a fact's or a gap's
/// id), made by `change` from `before` (as JSON; None for a new one).
pub(super) fn write<T: Serialize>(
    conn: &Connection,
    kept: Kept,
    owner: i64,
    version: i64,
    change: Change<'_>,
    before: Option<&T>,
    after: &T,
) -> rusqlite::Result<()> {
    let json = |t: &T| serde_json::to_string(t).ok();
    let sql = match kept {
        Kept::Fact => {
            "INSERT INTO fact_revisions (fact_id, version, action, by_id, by_name, reason, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        }
        Kept::Gap => {
            "INSERT INTO gap_revisions (gap_id, version, action, by_id, by_name, reason, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        }
    };
    conn.prepare_cached(sql)?.execute(params![
        owner,
        version,
        change.action,
        change.by.id.map(super::id_to_sql),
        change.by.name,
        change.reason,
        before.and_then(json),
        json(after),
    ])?;
    Ok(())
}

/// The content of version `version` of a fact, from its revision.
pub(super) fn revision_after(
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

/// Who made fact `id`'s latest version, when, and why.
pub(super) fn last_change(
    conn: &Connection,
    id: FactId,
) -> rusqlite::Result<Option<(String, String, Option<String>)>> {
    conn.query_row(
        "SELECT by_name, at, reason FROM fact_revisions
         WHERE fact_id = ?1 ORDER BY version DESC, id DESC LIMIT 1",
        [id.0],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )
    .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
