//! More than one article, through the real binary: `--article` on the fact
//! commands, re-ingesting a title (refused when the text differs,
//! `--replace` to replace it), and `ingest --date`.

use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

mod support;
use support::binary::summit;
use support::db::{count, query};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("test.db");
    (dir, db)
}

/// The binary on `db` with `args`.
fn run(dir: &Path, db: &Path, args: &[&str]) -> Output {
    summit(dir)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("runs")
}

/// [`run`], expecting success; its stdout.
fn run_ok(dir: &Path, db: &Path, args: &[&str]) -> String {
    let out = run(dir, db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Writes `text` to `name` in `dir`; its path as an argument.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the article");
    path.to_string_lossy().into_owned()
}

#[test]
fn ingest_date_must_be_a_calendar_date() {
    let (dir, db) = temp();
    let file = write(dir.path(), "cork.txt", "The harbour in Cork reopened.\n");
    for bad in ["next tuesday", "2018-02-30", "7 September 2018", "2018-9-7"] {
        let out = run(dir.path(), &db, &["ingest", &file, "--date", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("YYYY-MM-DD") && err.contains(bad), "{err}");
    }
    assert!(!db.exists(), "nothing stored");
    run_ok(dir.path(), &db, &["ingest", &file, "--date", "2018-09-07"]);
    assert_eq!(
        query(&db, "SELECT date FROM articles WHERE title = 'cork'"),
        [[serde_json::json!("2018-09-07")]]
    );
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
}
