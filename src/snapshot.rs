//! The engine saved beside the database (`summit.db` → `summit.db.index`),
//! so a process starting on a large store reads the built engine back
//! instead of reading every fact from SQLite and indexing it again
//! (seconds at 100,000 facts).
//!
//! An edge: the file, its stamp and its checks. What is saved is the
//! engine's own ([`Engine`] serialises itself; [`Saved`] reads back);
//! nothing here knows how it is built or asked, and the engine knows
//! nothing of files.
//!
//! A snapshot is trusted only when every part of its stamp is the one the
//! process would build now (the format, the binary and its data files, the
//! store's schema, content revision and history) and its bytes check (a
//! length and a CRC-32 of the payload). Anything else is a [`Refused`]:
//! the caller rebuilds, says why, and writes a new one. Written whole to a
//! temporary file and renamed over the old, so a reader never sees half a
//! snapshot, and two writers leave one of their two whole files.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::{Engine, Saved};
use crate::lazy;
use crate::store::ContentStamp;

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"SUMMITIX";

/// The layout of the file and of what is saved. Bump it when either
/// changes in a way the build fingerprint would not see (it sees every
/// source and data file, so this is a second guard, and the one that says
/// plainly why an old file is refused).
pub const FORMAT: u32 = 6;

/// The binary's version and a fingerprint of its source (`build.rs`):
/// another build may score or lay out the index otherwise.
pub const BINARY: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("SUMMIT_SOURCE_HASH"));

/// A fingerprint of `data/` (lexicon, word lists, embeddings, decision
/// model...), which the engine is built from besides the store and which
/// the binary carries compiled in (`build.rs`).
pub const DATA: &str = env!("SUMMIT_DATA_HASH");

/// What a snapshot was built from. Equal stamps, equal engines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub binary: String,
    pub data: String,
    /// The store's schema version.
    pub schema: i64,
    /// [`crate::store::Store::content_revision`] when the build began.
    pub revision: i64,
    /// See [`crate::store::Store::content_stamp`].
    pub history: String,
    /// Of everything but the facts ([`ContentStamp::base`]).
    pub base: String,
    /// The newest fact revision the engine holds, and its mark
    /// ([`ContentStamp::fact_mark`]).
    pub fact_revision: i64,
    pub fact_mark: String,
    /// The highest fact id in the store.
    pub max_fact: i64,
}

impl Stamp {
    /// The stamp of an engine this binary builds from a store at `content`
    /// with schema `schema`.
    pub fn now(schema: i64, content: ContentStamp) -> Stamp {
        Stamp {
            binary: BINARY.to_string(),
            data: DATA.to_string(),
            schema,
            revision: content.revision,
            history: content.history,
            base: content.base,
            fact_revision: content.fact_revision,
            fact_mark: content.fact_mark,
            max_fact: content.max_fact,
        }
    }

    /// Whether an engine of this stamp becomes one of `now` by putting in
    /// the facts changed since (`Engine::apply`): the same binary, data,
    /// schema, articles and gaps, and no newer facts than now. Whether it
    /// is of the same history ([`Stamp::fact_mark`] still in the store) is
    /// for the caller to check.
    pub fn precedes(&self, now: &Stamp) -> bool {
        self.binary == now.binary
            && self.data == now.data
            && self.schema == now.schema
            && self.base == now.base
            && self.revision <= now.revision
            && self.fact_revision <= now.fact_revision
    }

    /// The first part of the stamp that differs from `now`'s, for saying
    /// why a snapshot is stale.
    fn differs(&self, now: &Stamp) -> Option<&'static str> {
        if self.binary != now.binary {
            Some("another build of summit-bot wrote it")
        } else if self.data != now.data {
            Some("the data files changed")
        } else if self.schema != now.schema {
            Some("the database schema changed")
        } else if self.revision != now.revision {
            Some("the facts changed")
        } else if self.history != now.history {
            Some("the database's history differs (another or a restored database)")
        } else {
            None
        }
    }
}

/// Why a snapshot was not used. Its `Display` is the log line's reason.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("there is no saved index yet")]
    Missing,
    #[error("the saved index could not be read: {0}")]
    Unreadable(io::Error),
    #[error("the saved index is not one (no snapshot header)")]
    NotASnapshot,
    #[error("the saved index has format {found}, this binary reads format {FORMAT}")]
    Format { found: u32 },
    #[error("the saved index is truncated")]
    Truncated,
    #[error("the saved index is corrupt: {0}")]
    Corrupt(&'static str),
    #[error("the saved index is stale: {0}")]
    Stale(&'static str),
}

impl Refused {
    /// Whether this is the ordinary course of things (no snapshot yet, the
    /// facts changed, a new binary), as against damage worth a warning.
    pub fn is_expected(&self) -> bool {
        matches!(
            self,
            Refused::Missing | Refused::Stale(_) | Refused::Format { .. }
        )
    }
}

/// Where the snapshot of the database at `db` lives: beside it, named
/// after it.
pub fn path_for(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".index");
    PathBuf::from(name)
}

/// The engine saved at `path` and its stamp, if the stamp is `now` or
/// [precedes](Stamp::precedes) it and its bytes check.
///
/// The file is mapped in memory, not read: the saved facts' and docs'
/// bytes (most of it) stay in the file's pages, shared with the page cache
/// and decoded one by one when first wanted (`crate::lazy`). A snapshot is
/// only ever replaced by renaming a new file over it ([`write`]), never
/// written in place, so the mapped file does not change under the
/// process. Its checksum is checked before anything is decoded.
pub fn read(path: &Path, now: &Stamp) -> Result<(Saved, Stamp), Refused> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Refused::Missing),
        Err(e) => return Err(Refused::Unreadable(e)),
    };
    let size = file.metadata().map_err(Refused::Unreadable)?.len();
    if size < MAGIC.len() as u64 {
        return Err(Refused::NotASnapshot);
    }
    // SAFETY: the map is read only, and no writer of summit-bot changes a
    // snapshot file in place (see above); one changed by hand under a
    // running process is outside what it supports. Where files cannot be
    // mapped (some network file systems), the file is read whole.
    let whole: Arc<dyn AsRef<[u8]> + Send + Sync> = match unsafe { memmap2::Mmap::map(&file) } {
        Ok(map) => Arc::new(map),
        Err(_) => {
            let mut bytes = Vec::with_capacity(size as usize);
            (&file)
                .read_to_end(&mut bytes)
                .map_err(Refused::Unreadable)?;
            Arc::new(bytes)
        }
    };
    let bytes: &[u8] = (*whole).as_ref();
    let mut at = 0;
    let mut take = |n: usize| -> Result<&[u8], Refused> {
        let piece = bytes.get(at..at + n).ok_or(Refused::Truncated)?;
        at += n;
        Ok(piece)
    };
    if take(MAGIC.len())? != MAGIC {
        return Err(Refused::NotASnapshot);
    }
    let format = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
    if format != FORMAT {
        return Err(Refused::Format { found: format });
    }
    let stamp_len = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes")) as usize;
    let stamp: Stamp = postcard::from_bytes(take(stamp_len)?)
        .map_err(|_| Refused::Corrupt("the stamp does not decode"))?;
    if let Some(why) = stamp.differs(now).filter(|_| !stamp.precedes(now)) {
        return Err(Refused::Stale(why));
    }
    let len = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
    let payload = &bytes[at..];
    if (payload.len() as u64) < len {
        return Err(Refused::Truncated);
    }
    if payload.len() as u64 > len {
        return Err(Refused::Corrupt("bytes after the end"));
    }
    if crc32fast::hash(payload) != crc {
        return Err(Refused::Corrupt("the checksum does not match"));
    }
    let start = at;
    let decoded = lazy::reading_from(whole.clone(), || {
        postcard::take_from_bytes::<Saved>(&(*whole).as_ref()[start..])
    });
    match decoded {
        Ok((saved, [])) => Ok((saved, stamp)),
        _ => Err(Refused::Corrupt("the engine does not decode")),
    }
}

/// Saves `engine`, built at `stamp`, to `path`: whole, through a temporary
/// file beside it renamed over the old one. Returns the bytes written.
/// Temporary files another process left (it was killed mid-save) are
/// removed first, once old enough that no save can still be writing them.
pub fn write(path: &Path, stamp: &Stamp, engine: &Engine) -> io::Result<u64> {
    if engine.damaged() {
        return Err(io::Error::other(
            "part of the saved index it was read from did not decode; a rebuild will save it",
        ));
    }
    remove_left_temps(path, std::time::SystemTime::now());
    // Unique to this save: two processes may have the same pid (each
    // container's first process is 1), and a save must never write into
    // a file another save has renamed into place.
    static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(
        ".tmp{}-{nanos}-{}",
        std::process::id(),
        SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let temp = PathBuf::from(temp);
    let written = write_new(&temp, stamp, engine).and_then(|n| {
        std::fs::rename(&temp, path)?;
        Ok(n)
    });
    if written.is_err() {
        // Nothing to do if it was never made.
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A save takes about a second at 100,000 facts: a temporary file
/// untouched for this long belongs to no save still running.
const LEFT_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the temporary files of `path` (`summit.db.index.tmp<pid>`) last
/// written more than [`LEFT_TEMP_AGE`] before `now`. Best effort: one that
/// cannot be read or removed is left, and the next save tries again.
fn remove_left_temps(path: &Path, now: std::time::SystemTime) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.tmp", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let is_temp = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|at| now.duration_since(at).ok())
            .is_some_and(|age| age > LEFT_TEMP_AGE);
        if is_temp && old {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => {
                    tracing::info!(path = %entry.path().display(), "removed a snapshot temporary file a killed save left")
                }
                Err(e) => {
                    tracing::debug!(path = %entry.path().display(), error = %e, "could not remove a left snapshot temporary file")
                }
            }
        }
    }
}

fn write_new(temp: &Path, stamp: &Stamp, engine: &Engine) -> io::Result<u64> {
    let stamp = postcard::to_stdvec(stamp).map_err(io::Error::other)?;
    let mut out = BufWriter::new(File::options().write(true).create_new(true).open(temp)?);
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    out.write_all(&(stamp.len() as u32).to_le_bytes())?;
    out.write_all(&stamp)?;
    let lengths_at = (MAGIC.len() + 8 + stamp.len()) as u64;
    // The payload's length and checksum are known once it is written:
    // room for them now, filled in after.
    out.write_all(&[0; 12])?;
    let mut payload = Checked {
        out,
        crc: crc32fast::Hasher::new(),
        len: 0,
    };
    postcard::to_io(engine, &mut payload).map_err(io::Error::other)?;
    let Checked { out, crc, len } = payload;
    let mut file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.seek(SeekFrom::Start(lengths_at))?;
    file.write_all(&len.to_le_bytes())?;
    file.write_all(&crc.finalize().to_le_bytes())?;
    file.sync_all()?;
    Ok(lengths_at + 12 + len)
}

/// A writer that counts and checksums what goes through it.
struct Checked<W> {
    out: W,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    #[test]
    fn only_old_temporary_files_of_this_index_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = dir.path().join("summit.db.index");
        let file = |name: &str| dir.path().join(name);
        for name in [
            "summit.db.index.tmp41",
            "summit.db.index.tmp42",
            "summit.db.index.tmpx",
            "other.db.index.tmp43",
            "summit.db",
        ] {
            std::fs::write(file(name), b"x").expect("write");
        }
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for name in [
            "summit.db.index.tmp41",
            "summit.db.index.tmpx",
            "other.db.index.tmp43",
            "summit.db",
        ] {
            File::options()
                .write(true)
                .open(file(name))
                .and_then(|f| f.set_modified(hour_ago))
                .expect("age the file");
        }
        remove_left_temps(&index, SystemTime::now());
        // Old and ours: gone. Recent (a save may be running), not a
        // temporary name, or another database's: kept.
        assert!(!file("summit.db.index.tmp41").exists());
        for kept in [
            "summit.db.index.tmp42",
            "summit.db.index.tmpx",
            "other.db.index.tmp43",
            "summit.db",
        ] {
            assert!(file(kept).exists(), "{kept}");
        }
    }
}
