//! What can go wrong in the store: [`StoreError`] for the database itself,
//! [`ModError`] for a moderator's change (mostly the moderator's to fix).
//! Every database error names the file and the operation.

use std::path::{Path, PathBuf};

use super::Store;
use crate::article::ArticleError;
use crate::extract::ExtractError;
use crate::fact::FactId;
use crate::moderation::Invalid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "cannot create the folder {path} for the database: {cause}. Give another path with \
         --db PATH, or set `database` in the config (SUMMIT_BOT_DATABASE)"
    )]
    CreateDir {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("cannot open the database {path}: {cause}{}", fix(.cause))]
    Open {
        path: PathBuf,
        cause: rusqlite::Error,
    },
    #[error(
        "the database {path} is read-only, and summit-bot writes to it (the question log, fact \
         changes): make the file and its folder writable, or give another path with --db PATH"
    )]
    ReadOnly { path: PathBuf },
    #[error("database {path}: migrating to schema version {version}: {cause}{}", fix(.cause))]
    Migrate {
        path: PathBuf,
        version: i64,
        cause: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, which this summit-bot does not know \
         (it knows up to {known}): is it from a newer summit-bot?"
    )]
    UnknownSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("database {path}: {op}: {cause}{}", fix(.cause))]
    Sql {
        path: PathBuf,
        op: &'static str,
        cause: rusqlite::Error,
    },
    #[error("“{title}” is stored already, with another text")]
    TextChanged { title: String },
    #[error("the shipped article does not parse: {0}")]
    BuiltinArticle(#[from] ArticleError),
    #[error("the shipped facts do not load: {0}")]
    BuiltinFacts(#[from] ExtractError),
}

impl StoreError {
    /// Whether the database refused a write because it is read-only (the
    /// file, its folder, or this connection), at start or since.
    pub fn is_read_only(&self) -> bool {
        let cause = match self {
            StoreError::ReadOnly { .. } => return true,
            StoreError::Open { cause, .. }
            | StoreError::Migrate { cause, .. }
            | StoreError::Sql { cause, .. } => cause,
            _ => return false,
        };
        cause.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
    }
}

/// What to do about a SQLite failure a person can fix, as a sentence to
/// follow the error; empty when there is nothing to suggest.
fn fix(cause: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode;
    match cause.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            ". It is not a summit-bot database, or it is damaged: move it (and any -wal and -shm \
             files beside it) aside to start afresh, restore it from a backup, or give another \
             path with --db PATH"
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            ". Another program holds a lock on it (another summit-bot on the same database?): \
             stop it and try again, or give another path with --db PATH"
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            ". summit-bot must be able to write the database and, beside it, its -wal and -shm \
             files: check the permissions of the file and its folder, or give another path \
             with --db PATH"
        }
        Some(ErrorCode::DiskFull) => ". The disk is full: free some space and try again",
        _ => "",
    }
}

/// Maps a SQLite error to a [`StoreError`] naming the database and what
/// was being done.
pub(super) fn sql_err<'a>(
    path: &'a Path,
    op: &'static str,
) -> impl FnOnce(rusqlite::Error) -> StoreError + 'a {
    move |cause| StoreError::Sql {
        path: path.to_path_buf(),
        op,
        cause,
    }
}

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
    #[error("there is no gap {0:?} (`facts gap list --all` lists them)")]
    UnknownGap(String),
    #[error("there is a gap {0:?} already: edit it, or choose another key")]
    GapExists(String),
    #[error("gap {0:?} is retired: restore it first")]
    GapRetired(String),
    #[error("gap {0:?} is already retired")]
    GapAlreadyRetired(String),
    #[error("gap {0:?} is in force already")]
    GapInForce(String),
    #[error("that changes nothing in gap {0:?}")]
    GapNoChange(String),
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

/// A mod error from a SQLite error, naming the database and the operation.
pub(super) fn db<'a>(
    store: &'a Store,
    op: &'static str,
) -> impl FnOnce(rusqlite::Error) -> ModError + 'a {
    move |cause| ModError::Store(sql_err(&store.path, op)(cause))
}
