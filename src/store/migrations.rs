//! Versioned schema migrations. The database's schema version is SQLite's
//! `PRAGMA user_version`: version N means the first N steps below have been
//! applied. Each step runs in its own transaction together with the bump of
//! the version, so a crash leaves the database at a whole version.
//!
//! Never edit a step once it has shipped: add a new one.

use rusqlite::{Connection, TransactionBehavior};

/// The migration steps, in order; step `i` takes the schema from version
/// `i` to `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_article_revisions.sql"),
    include_str!("migrations/0003_gaps.sql"),
    include_str!("migrations/0004_content_revision.sql"),
    include_str!("migrations/0005_taught_questions.sql"),
];

/// The schema version this build writes and reads.
pub(super) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// What went wrong while migrating, before the store adds the path.
#[derive(Debug)]
pub(super) enum MigrateError {
    /// The database is from a newer summit-bot (or not one of ours).
    Unknown { found: i64 },
    Step {
        version: i64,
        cause: rusqlite::Error,
    },
}

/// The schema version recorded in the database.
pub(super) fn current(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the schema up to [`latest`]. Safe when several processes open a
/// new database at once: each step takes the write lock first and checks
/// the version again under it, so a step is applied exactly once.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let step_err = |version| move |cause| MigrateError::Step { version, cause };
    // The common case, an up-to-date database, costs one read and no lock.
    let found = current(conn).map_err(step_err(0))?;
    if found == latest() {
        return Ok(());
    }
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(step_err(found + 1))?;
        let version = current(&tx).map_err(step_err(found + 1))?;
        if !(0..=latest()).contains(&version) {
            return Err(MigrateError::Unknown { found: version });
        }
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            return Ok(()); // up to date
        };
        let next = version + 1;
        tx.execute_batch(step).map_err(step_err(next))?;
        tx.pragma_update(None, "user_version", next)
            .map_err(step_err(next))?;
        tx.commit().map_err(step_err(next))?;
        tracing::info!(version = next, "migrated the database schema");
    }
}
