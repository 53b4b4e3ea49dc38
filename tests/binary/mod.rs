//! Running the real `summit-bot` binary from tests: one place for how it is
//! started (in a given folder, with none of the developer's own summit-bot
//! or Discord settings) and fed standard input.

#![allow(dead_code)] // each test file uses its own part

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// The binary, run in `dir` with none of the caller's settings, and with
/// its data directory (the default database's home) inside `dir`, never the
/// developer's own.
pub fn summit(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_summit-bot"));
    cmd.current_dir(dir);
    clean_env(&mut cmd);
    cmd.env("HOME", dir).env("XDG_DATA_HOME", data_home(dir));
    cmd
}

/// The data directory [`summit`] gives the binary in `dir`: the default
/// database is `summit-bot/summit-bot.db` in it.
pub fn data_home(dir: &Path) -> std::path::PathBuf {
    dir.join("data-home")
}

/// Keeps the developer's own settings from leaking into `cmd`.
pub fn clean_env(cmd: &mut Command) {
    cmd.env_remove("RUST_LOG");
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy().into_owned();
        if name.starts_with("SUMMIT_BOT_") || name.starts_with("DISCORD_") {
            cmd.env_remove(name);
        }
    }
}

/// A fresh temp dir and the path of a database in it (not created yet).
pub fn temp() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("test.db");
    (dir, db)
}

/// A run's standard output, which must be UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// A run's standard error, for messages.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The binary in `dir` on database `db` with `args`.
pub fn run_on(dir: &Path, db: &Path, args: &[&str]) -> Output {
    summit(dir)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("summit-bot runs")
}

/// [`run_on`], which must succeed; its standard output.
pub fn run_ok(dir: &Path, db: &Path, args: &[&str]) -> String {
    let out = run_on(dir, db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The id in what `facts add` printed (`Added fact #12 …` → `12`).
pub fn added_fact_id(out: &str) -> String {
    out.split_whitespace()
        .nth(2)
        .map(|w| w.trim_start_matches('#').to_string())
        .unwrap_or_else(|| panic!("no fact id in {out:?}"))
}

/// Runs `cmd` with `input` on stdin (written from another thread, so a
/// large input cannot deadlock against a full stdout pipe). The process
/// may stop reading early (`quit`): a broken pipe is fine, other write
/// errors fail the test.
pub fn run_with_input(mut cmd: Command, input: Vec<u8>) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("summit-bot starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("summit-bot runs");
    match writer.join().expect("writer thread") {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => {}
    }
    output
}

/// Asks each of `questions` through `ask --json -` on a fresh database in
/// `dir`, one reply per question, in order.
pub fn ask_all(dir: &Path, questions: &[&str]) -> Vec<summit_bot::answer::Reply> {
    let mut input = String::new();
    for q in questions {
        input.push_str(q);
        input.push('\n');
    }
    let mut cmd = summit(dir);
    cmd.arg("--db")
        .arg(dir.join("ask.db"))
        .args(["ask", "--json", "-"]);
    let output = run_with_input(cmd, input.into_bytes());
    assert!(
        output.status.success(),
        "ask --json - failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let replies: Vec<summit_bot::answer::Reply> = String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a reply per line"))
        .collect();
    assert_eq!(replies.len(), questions.len(), "one reply per question");
    replies
}
