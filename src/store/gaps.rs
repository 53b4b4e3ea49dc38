//! The gaps: topics the articles do not cover, so a question about one is
//! declined naming it. Seeded from `data/gaps.toml` when a database is
//! first opened with [`Store::open_seeded`] (an older database too, once it
//! is migrated), then the moderators' to add, edit, retire and restore.
//!
//! Kept as facts are: every change is one IMMEDIATE transaction writing the
//! gap's new version and a `gap_revisions` row (who, when, why, the gap
//! before and after). The learned near-miss gap is not here: it is part of
//! the decision model and built in ([`crate::extract::learned_gap`]).

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::error::{db, sql_err, ModError, StoreError};
use super::facts::check_reason;
use super::revisions::{self, Change, Kept, RevisionAction};
use super::{Store, INGEST_AUTHOR};
use crate::extract::Gap;
use crate::moderation::gap::{
    check_gap, check_gap_key, describe_gap_changes, GapChanges, GapSnapshot,
};
use crate::moderation::{check_text, Moderator, MAX_REASON};

/// A stored gap: what it says, its version and whether it is retired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredGap {
    #[serde(flatten)]
    pub gap: Gap,
    /// From 1; every change makes the next.
    pub version: i64,
    pub retired: bool,
}

/// One version in a gap's history: who made it, when, why, what changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapRevision {
    pub version: i64,
    pub action: RevisionAction,
    pub by_id: Option<u64>,
    pub by_name: String,
    /// UTC, ISO 8601.
    pub at: String,
    pub reason: Option<String>,
    /// One line per change (see [`describe_gap_changes`]).
    pub changes: Vec<String>,
}

const GAP_COLUMNS: &str = "key, topic, note, questions, version, retired";

impl Store {
    /// The stored gaps in the order they were added; retired ones only when
    /// asked for.
    pub fn gaps(&self, include_retired: bool) -> Result<Vec<StoredGap>, StoreError> {
        let conn = self.conn();
        let op = "loading gaps";
        let mut st = conn
            .prepare_cached(&format!(
                "SELECT {GAP_COLUMNS} FROM gaps WHERE ?1 OR retired = 0 ORDER BY id"
            ))
            .map_err(sql_err(&self.path, op))?;
        let rows = st
            .query_map([include_retired], gap_from_row)
            .map_err(sql_err(&self.path, op))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql_err(&self.path, op))
    }

    /// Every version of gap `key` (retired or not), oldest first.
    pub fn gap_history(&self, key: &str) -> Result<Vec<GapRevision>, ModError> {
        let key = check_gap_key(key)?;
        let conn = self.conn();
        let op = "loading a gap's history";
        let mut st = conn
            .prepare_cached(
                "SELECT r.version, r.action, r.by_id, r.by_name, r.at, r.reason, r.before, r.after
                 FROM gaps g LEFT JOIN gap_revisions r ON r.gap_id = g.id
                 WHERE g.key = ?1 ORDER BY r.version, r.id",
            )
            .map_err(db(self, op))?;
        let rows = st
            .query_map([&key], |row| {
                let Some(version) = row.get::<_, Option<i64>>(0)? else {
                    return Ok(None);
                };
                let snapshot = |i: usize| -> rusqlite::Result<Option<GapSnapshot>> {
                    let text: Option<String> = row.get(i)?;
                    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
                };
                let (before, after) = (snapshot(6)?, snapshot(7)?);
                Ok(Some(GapRevision {
                    version,
                    action: row.get(1)?,
                    by_id: row.get::<_, Option<i64>>(2)?.map(|i| i as u64),
                    by_name: row.get(3)?,
                    at: row.get(4)?,
                    reason: row.get(5)?,
                    changes: after
                        .map(|a| describe_gap_changes(before.as_ref(), &a))
                        .unwrap_or_default(),
                }))
            })
            .map_err(db(self, op))?;
        let rows: Vec<Option<GapRevision>> =
            rows.collect::<Result<_, _>>().map_err(db(self, op))?;
        if rows.is_empty() {
            return Err(ModError::UnknownGap(key));
        }
        Ok(rows.into_iter().flatten().collect())
    }

    /// Stores the shipped gaps, by the ingest, unless this database has
    /// ever held a gap (so a retired one is never brought back). Returns
    /// how many it stored.
    pub(super) fn seed_gaps(&self, gaps: &[Gap]) -> Result<usize, StoreError> {
        let mut conn = self.conn();
        let op = "seeding the gaps";
        let seeded = |conn: &Connection| {
            conn.query_row("SELECT EXISTS (SELECT 1 FROM gap_revisions)", [], |r| {
                r.get::<_, bool>(0)
            })
        };
        // The common case, a database seeded long ago, costs one read and
        // no lock; under the write lock it is checked again, so processes
        // opening a new database at once seed it once.
        if seeded(&conn).map_err(sql_err(&self.path, op))? {
            return Ok(0);
        }
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql_err(&self.path, op))?;
        if seeded(&tx).map_err(sql_err(&self.path, op))? {
            return Ok(0);
        }
        let by = Moderator {
            id: None,
            name: INGEST_AUTHOR.to_string(),
        };
        for gap in gaps {
            insert(&tx, gap, &by, None).map_err(sql_err(&self.path, op))?;
        }
        tx.commit().map_err(sql_err(&self.path, op))?;
        Ok(gaps.len())
    }

    /// Adds a gap: version 1 and a `create` revision. Refused when the key
    /// is taken (by a retired gap too: restore or edit that one).
    pub fn add_gap(
        &self,
        gap: &Gap,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<StoredGap, ModError> {
        let reason = check_reason(reason)?;
        let gap = check_gap(gap)?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        if read_gap(&tx, &gap.key)
            .map_err(db(self, "loading a gap"))?
            .is_some()
        {
            return Err(ModError::GapExists(gap.key));
        }
        let stored = insert(&tx, &gap, by, reason.as_deref()).map_err(db(self, "adding a gap"))?;
        tx.commit().map_err(db(self, "committing a new gap"))?;
        Ok(stored)
    }

    /// Changes gap `key`'s topic, note or questions: a new version.
    pub fn edit_gap(
        &self,
        key: &str,
        changes: &GapChanges,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<StoredGap, ModError> {
        let reason = check_reason(reason)?;
        self.change_gap(key, RevisionAction::Edit, by, reason.as_deref(), |before| {
            if before.retired {
                return Err(ModError::GapRetired(before.gap.key.clone()));
            }
            Ok(StoredGap {
                gap: changes.apply(&before.gap)?,
                ..before.clone()
            })
        })
    }

    /// Retires gap `key`: kept, restorable, no longer declined on.
    pub fn retire_gap(
        &self,
        key: &str,
        by: &Moderator,
        reason: &str,
    ) -> Result<StoredGap, ModError> {
        let reason = check_text("reason", reason, MAX_REASON)?;
        self.change_gap(key, RevisionAction::Retire, by, Some(&reason), |before| {
            if before.retired {
                return Err(ModError::GapAlreadyRetired(before.gap.key.clone()));
            }
            Ok(StoredGap {
                retired: true,
                ..before.clone()
            })
        })
    }

    /// Brings back retired gap `key` as a new version.
    pub fn restore_gap(
        &self,
        key: &str,
        by: &Moderator,
        reason: Option<&str>,
    ) -> Result<StoredGap, ModError> {
        let reason = check_reason(reason)?;
        self.change_gap(
            key,
            RevisionAction::Restore,
            by,
            reason.as_deref(),
            |before| {
                if !before.retired {
                    return Err(ModError::GapInForce(before.gap.key.clone()));
                }
                Ok(StoredGap {
                    retired: false,
                    ..before.clone()
                })
            },
        )
    }

    /// The one way a stored gap changes: `make` the next version from the
    /// current one, then write it and its revision in one transaction.
    fn change_gap(
        &self,
        key: &str,
        action: RevisionAction,
        by: &Moderator,
        reason: Option<&str>,
        make: impl FnOnce(&StoredGap) -> Result<StoredGap, ModError>,
    ) -> Result<StoredGap, ModError> {
        let key = check_gap_key(key)?;
        let mut conn = self.conn();
        let tx = self.begin(&mut conn)?;
        let (id, before) = read_gap(&tx, &key)
            .map_err(db(self, "loading a gap"))?
            .ok_or_else(|| ModError::UnknownGap(key.clone()))?;
        let mut after = make(&before)?;
        if after == before {
            return Err(ModError::GapNoChange(key));
        }
        after.version = before.version + 1;
        let change = Change { action, by, reason };
        save(&tx, id, change, &before, &after).map_err(db(self, "saving a gap"))?;
        tx.commit().map_err(db(self, "committing a gap change"))?;
        Ok(after)
    }
}

/// A gap row (in [`GAP_COLUMNS`] order) from column `at` on.
fn gap_at(row: &Row<'_>, at: usize) -> rusqlite::Result<StoredGap> {
    let questions: String = row.get(at + 3)?;
    let questions = serde_json::from_str(&questions).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(at + 3, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(StoredGap {
        gap: Gap {
            key: row.get(at)?,
            topic: row.get(at + 1)?,
            note: row.get(at + 2)?,
            questions,
        },
        version: row.get(at + 4)?,
        retired: row.get(at + 5)?,
    })
}

fn gap_from_row(row: &Row<'_>) -> rusqlite::Result<StoredGap> {
    gap_at(row, 0)
}

/// Gap `key` (retired or not) and its row id.
fn read_gap(conn: &Connection, key: &str) -> rusqlite::Result<Option<(i64, StoredGap)>> {
    conn.query_row(
        &format!("SELECT id, {GAP_COLUMNS} FROM gaps WHERE key = ?1"),
        [key],
        |row| Ok((row.get(0)?, gap_at(row, 1)?)),
    )
    .optional()
}

fn questions_json(gap: &Gap) -> String {
    serde_json::to_string(&gap.questions).unwrap_or_else(|_| "[]".to_string())
}

/// Inserts `gap` as version 1 with its `create` revision.
fn insert(
    tx: &Transaction<'_>,
    gap: &Gap,
    by: &Moderator,
    reason: Option<&str>,
) -> rusqlite::Result<StoredGap> {
    tx.execute(
        "INSERT INTO gaps (key, topic, note, questions) VALUES (?1, ?2, ?3, ?4)",
        params![gap.key, gap.topic, gap.note, questions_json(gap)],
    )?;
    let id = tx.last_insert_rowid();
    let stored = StoredGap {
        gap: gap.clone(),
        version: 1,
        retired: false,
    };
    let change = Change {
        action: RevisionAction::Create,
        by,
        reason,
    };
    revisions::write(tx, Kept::Gap, id, 1, change, None, &stored)?;
    Ok(stored)
}

/// Writes `after` over gap `id` (`before` as it was) and records the
/// revision that made it.
fn save(
    tx: &Transaction<'_>,
    id: i64,
    change: Change<'_>,
    before: &StoredGap,
    after: &StoredGap,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE gaps SET topic = ?2, note = ?3, questions = ?4, version = ?5, retired = ?6
         WHERE id = ?1",
        params![
            id,
            after.gap.topic,
            after.gap.note,
            questions_json(&after.gap),
            after.version,
            after.retired
        ],
    )?;
    revisions::write(
        tx,
        Kept::Gap,
        id,
        after.version,
        change,
        Some(before),
        after,
    )
}
