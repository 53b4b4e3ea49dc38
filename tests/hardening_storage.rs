//! Storage faults through the real binary: a database whose folder cannot
//! be made, a read-only, corrupt or locked database at start each give a
//! clear error naming the path and the fix, and a non-zero exit, never a
//! panic. And crash safety: a loop of moderator writes (`facts add`) killed
//! with SIGKILL mid-loop, many times, leaves a database that passes
//! `PRAGMA integrity_check` and holds every change it acknowledged.

#![cfg(unix)]

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod binary;
use binary::{clean_env, summit};

/// A fresh database (created and seeded by the binary) in a temp dir.
fn seeded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("summit.db");
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["facts", "list"])
        .output()
        .expect("summit-bot runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, db)
}

/// `summit-bot --db DB ask ...`, and what it printed on stderr.
fn ask(dir: &Path, db: &Path) -> (Output, String) {
    let out = summit(dir)
        .arg("--db")
        .arg(db)
        .args(["ask", "who is de mistura"])
        .stdin(Stdio::null())
        .output()
        .expect("summit-bot runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stderr)
}

/// Fails unless the run failed cleanly: exit 1, no panic, nothing on
/// stdout, and an error naming `path` and saying each of `fix`.
fn assert_clear_failure(what: &str, out: &Output, stderr: &str, path: &Path, fix: &[&str]) {
    assert!(!stderr.contains("panicked"), "{what}: panicked: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{what}: printed {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let path = path.display().to_string();
    assert!(
        stderr.contains(&path),
        "{what}: the error does not name {path}: {stderr}"
    );
    for words in fix {
        assert!(
            stderr.contains(words),
            "{what}: the error does not say {words:?}: {stderr}"
        );
    }
}

#[test]
fn a_database_folder_that_cannot_be_made_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Under a plain file, no folder can be made, whoever runs the test.
    std::fs::write(dir.path().join("a-file"), "not a folder").expect("write");
    let db = dir.path().join("a-file").join("var").join("summit.db");
    let (out, stderr) = ask(dir.path(), &db);
    assert_clear_failure(
        "folder",
        &out,
        &stderr,
        &dir.path().join("a-file").join("var"),
        &["cannot create the folder", "--db"],
    );
}

#[test]
fn a_corrupt_database_is_a_clear_error() {
    let (dir, db) = seeded();
    let pristine = std::fs::read(&db).expect("read the database");

    // Garbage from the first byte: not a SQLite file at all.
    let garbage: Vec<u8> = (0..16_384u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&db, &garbage).expect("write garbage");
    let (out, stderr) = ask(dir.path(), &db);
    assert_clear_failure(
        "garbage",
        &out,
        &stderr,
        &db,
        &["damaged", "move it", "aside"],
    );

    // A real database with garbage over its middle pages: it opens, then
    // reading the facts finds the damage.
    let mut damaged = pristine.clone();
    let (from, to) = (damaged.len() / 3, 2 * damaged.len() / 3);
    damaged[from..to].copy_from_slice(&garbage.repeat(to / garbage.len() + 1)[..to - from]);
    std::fs::write(&db, &damaged).expect("write the damaged database");
    let (out, stderr) = ask(dir.path(), &db);
    assert_clear_failure("damaged pages", &out, &stderr, &db, &["damaged", "backup"]);

    // An empty file is a new database: SQLite's own rule, kept.
    std::fs::write(&db, b"").expect("empty the file");
    let (out, stderr) = ask(dir.path(), &db);
    assert!(out.status.success(), "an empty file: {stderr}");
}

/// Makes `path` read-only for this process: a plain permission change for
/// an ordinary user; for root, whom permissions do not stop, the immutable
/// attribute. None (with a note) when neither holds here.
fn make_read_only(path: &Path) -> Option<ReadOnly> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let writable = || std::fs::OpenOptions::new().append(true).open(path).is_ok();
    if !writable() {
        return Some(ReadOnly(path.to_path_buf(), false));
    }
    let immutable = Command::new("chattr")
        .arg("+i")
        .arg(path)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if immutable && !writable() {
        return Some(ReadOnly(path.to_path_buf(), true));
    }
    eprintln!("note: cannot make a file read-only here (root without chattr): skipped");
    None
}

/// Undoes [`make_read_only`] so the temp dir can be removed.
struct ReadOnly(PathBuf, bool);

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.1 {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        }
    }
}

#[test]
fn a_read_only_database_is_a_clear_error() {
    let (dir, db) = seeded();
    let Some(_read_only) = make_read_only(&db) else {
        return;
    };
    let (out, stderr) = ask(dir.path(), &db);
    assert_clear_failure(
        "read-only",
        &out,
        &stderr,
        &db,
        &["read-only", "writable", "--db"],
    );
}

#[test]
fn a_database_another_program_holds_locked_is_a_clear_error() {
    let (dir, db) = seeded();
    // Exclusive locking mode plus a write: in WAL mode this is what shuts
    // out readers too (a plain BEGIN EXCLUSIVE would still let them read).
    let holder = rusqlite::Connection::open(&db).expect("open");
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE;
             BEGIN EXCLUSIVE;
             INSERT INTO question_log (question, answered, confidence, channel)
             VALUES ('held', 0, 0, 'cli');",
        )
        .expect("take the lock");
    let started = Instant::now();
    let (out, stderr) = ask(dir.path(), &db);
    assert_clear_failure(
        "locked",
        &out,
        &stderr,
        &db,
        &["locked", "Another program", "--db"],
    );
    // It waits for the lock (the busy timeout) and then gives up: not forever.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    drop(holder);
    let (out, stderr) = ask(dir.path(), &db);
    assert!(out.status.success(), "once the lock is gone: {stderr}");
}

// ---- crash safety -----------------------------------------------------------------

/// How many times the loop of writes is killed.
const KILLS: u64 = 30;
/// Writes each loop would make if not killed.
const WRITES_PER_LOOP: u64 = 200;

/// A small deterministic generator for kill delays (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn sigkill_in_a_loop_of_moderator_writes_loses_no_acknowledged_change() {
    let (dir, db) = seeded();
    let article = summit_bot::article::Article::builtin().expect("article");
    let quote = article.paragraphs[0].sentences[0].clone();
    let bin = env!("CARGO_BIN_EXE_summit-bot");
    let mut rng = Rng(0x5eed_cafe_f00d);
    let mut acknowledged: Vec<i64> = Vec::new();
    let mut next = 0;
    let mut killed_running = 0;
    for round in 0..KILLS {
        // One shell loop of `facts add`, one process a write, in its own
        // process group, so one SIGKILL stops the loop and the write under way.
        let script = format!(
            r#"i={next}; while [ $i -lt {end} ]; do
                 "$BIN" --db "$DB" facts add --question "what is crash probe $i" \
                   --answer "probe answer $i" --paragraph 1 --quote "$QUOTE" --by crash-test || exit 1
                 i=$((i+1))
               done"#,
            end = next + WRITES_PER_LOOP
        );
        next += WRITES_PER_LOOP;
        let mut cmd = Command::new("sh");
        clean_env(&mut cmd);
        let mut child = cmd
            .args(["-c", &script])
            .env("BIN", bin)
            .env("DB", &db)
            .env("QUOTE", &quote)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .expect("start the loop");
        // Kill anywhere from the first write to well into the loop.
        std::thread::sleep(Duration::from_millis(20 + rng.below(600)));
        if child.try_wait().expect("wait").is_none() {
            killed_running += 1;
            let group = format!("-{}", child.id());
            Command::new("kill")
                .args(["-KILL", "--", &group])
                .status()
                .expect("kill");
        }
        let out = child.wait_with_output().expect("the loop ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "round {round}: {stderr}");
        // Killed, or done before the kill; a write refused is a failure.
        assert!(
            out.status.signal() == Some(9) || out.status.success(),
            "round {round}: the loop failed ({:?}): {stderr}",
            out.status
        );
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            // "Added fact 123 (version 1)." is the acknowledgement.
            let Some(rest) = line.strip_prefix("Added fact ") else {
                continue;
            };
            let id = rest
                .trim_start_matches('#')
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| panic!("round {round}: cannot read {line:?}"));
            acknowledged.push(id);
        }
    }
    assert!(
        killed_running >= KILLS / 2,
        "only {killed_running} of {KILLS} kills landed while writing"
    );
    assert!(
        acknowledged.len() as u64 >= KILLS,
        "only {} writes acknowledged: the loop hardly ran",
        acknowledged.len()
    );

    let conn = rusqlite::Connection::open(&db).expect("open after the crashes");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check");
    assert_eq!(fk, 0, "dangling references");
    let mut last_answer = String::new();
    for id in &acknowledged {
        let (answer, phrasings, revisions): (String, i64, i64) = conn
            .query_row(
                "SELECT answer,
                        (SELECT count(*) FROM fact_questions WHERE fact_id = f.id),
                        (SELECT count(*) FROM fact_revisions WHERE fact_id = f.id)
                 FROM facts f WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap_or_else(|e| panic!("acknowledged fact {id} is missing: {e}"));
        assert!(answer.starts_with("probe answer "), "fact {id}: {answer}");
        assert_eq!((phrasings, revisions), (1, 1), "fact {id} is half written");
        last_answer = answer;
    }
    // Every moderator fact present, acknowledged or not, is whole.
    let half: i64 = conn
        .query_row(
            "SELECT count(*) FROM facts f WHERE origin = 'moderator' AND (
                 (SELECT count(*) FROM fact_questions WHERE fact_id = f.id) = 0
              OR (SELECT count(*) FROM fact_revisions WHERE fact_id = f.id) = 0)",
            [],
            |r| r.get(0),
        )
        .expect("count half-written facts");
    assert_eq!(half, 0, "half-written facts");
    drop(conn);
    eprintln!(
        "{KILLS} loops killed ({killed_running} mid-loop), {} writes acknowledged, all present",
        acknowledged.len()
    );

    // And the binary still opens it and answers from the new facts.
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .args([
            "ask",
            &last_answer.replace("probe answer", "what is crash probe"),
        ])
        .output()
        .expect("summit-bot runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&last_answer), "{last_answer}: {stdout}");
}
