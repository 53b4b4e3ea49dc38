//! The command line's conventions, through the real binary: shell
//! completions and the man page, `--reason` on every change, `--json` on
//! the fact reports, progress only at a terminal, and the chat's input
//! cleaned of terminal escapes.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod support;
use support::binary::{added_fact_id, run_ok, stderr, stdout, summit, temp};
use support::terminal::Terminal;

/// What bash offers for the last of `words` with `script` loaded, as a
/// person pressing Tab after typing them would see.
fn bash_completes(script: &Path, words: &[&str]) -> Vec<String> {
    let cword = words.len() - 1;
    let line = format!(
        "source {}; COMP_WORDS=({}); COMP_CWORD={cword}; _summit__bot summit-bot {} {}; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.join(" "),
        words[cword],
        words[cword - 1],
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &line])
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{line}: {}", stderr(&out));
    stdout(&out).lines().map(str::to_string).collect()
}

#[test]
fn completions_and_the_man_page_describe_every_subcommand() {
    let (dir, db) = temp();
    let bash = run_ok(dir.path(), &db, &["completions", "bash"]);
    let script = dir.path().join("summit-bot.bash");
    std::fs::write(&script, &bash).expect("write the script");
    assert_eq!(bash_completes(&script, &["summit-bot", "fa"]), ["facts"]);
    assert_eq!(
        bash_completes(&script, &["summit-bot", "facts", "un"]),
        ["unanswered"],
        "a subcommand's subcommands complete too"
    );
    assert_eq!(
        bash_completes(&script, &["summit-bot", "ingest", "--ti"]),
        ["--title"],
        "and a subcommand's flags"
    );
    for sub in ["ask", "chat", "ingest", "completions", "man"] {
        assert!(bash.contains(sub), "bash completes {sub}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let script = run_ok(dir.path(), &db, &["completions", shell]);
        assert!(script.contains("summit-bot"), "{shell}: {script:.200}");
    }
    let unknown = summit(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(unknown.status.code(), Some(2), "{}", stderr(&unknown));

    let man = run_ok(dir.path(), &db, &["man"]);
    assert!(man.contains(".TH summit-bot 1"), "{man:.300}");
    assert!(man.contains(".SH NAME\nsummit\\-bot"), "{man:.300}");
    assert!(man.contains("ingest") && man.contains("facts"), "{man}");
    assert!(!db.exists(), "neither opens the database");
}

/// Adds a fact citing paragraph 16 and returns its id (`12`).
fn add_fact(dir: &Path, db: &Path, question: &str) -> String {
    added_fact_id(&run_ok(
        dir,
        db,
        &[
            "facts",
            "add",
            "--question",
            question,
            "--answer",
            "12",
            "--paragraph",
            "16",
        ],
    ))
}

#[test]
fn facts_remove_takes_reason_as_the_other_changes_do() {
    let (dir, db) = temp();
    let id = add_fact(dir.path(), &db, "how many posts does turkey run");
    let remove = |args: &[&str]| {
        summit(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["facts", "remove", &id])
            .args(args)
            .output()
            .expect("runs")
    };
    let none = remove(&[]);
    assert_eq!(none.status.code(), Some(2), "{}", stderr(&none));
    assert!(stderr(&none).contains("--reason"), "{}", stderr(&none));
    let both = remove(&["--reason", "a", "b"]);
    assert_eq!(both.status.code(), Some(2), "{}", stderr(&both));

    let removed = remove(&["--reason", "counted twice", "--by", "dana"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    run_ok(
        dir.path(),
        &db,
        &["facts", "restore", &id, "--reason", "back"],
    );
    // The older form, the reason as words after the id, still reads.
    let removed = remove(&["not", "needed"]);
    assert!(removed.status.success(), "{}", stderr(&removed));

    let history = run_ok(dir.path(), &db, &["facts", "history", &id]);
    let retires: Vec<&str> = history.lines().filter(|l| l.contains(" retire ")).collect();
    assert_eq!(retires.len(), 2, "{history}");
    assert!(
        retires[0].contains("by dana") && retires[0].ends_with("· “counted twice”"),
        "{history}"
    );
    assert!(retires[1].ends_with("· “not needed”"), "{history}");
}

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text:.300}"))
}

/// The fields the README documents for `facts list|show|history|unanswered
/// --json`: other tools read them, so a rename fails here.
#[test]
fn facts_json_has_the_documented_fields() {
    const FACT: [&str; 14] = [
        "answer",
        "article",
        "article_title",
        "id",
        "key",
        "kind",
        "origin",
        "paragraph",
        "questions",
        "quote",
        "retired",
        "source_note",
        "speaker",
        "version",
    ];
    let (dir, db) = temp();
    let id = add_fact(dir.path(), &db, "how many posts does turkey run");
    run_ok(
        dir.path(),
        &db,
        &["ask", "what did merkel say about idlib?"],
    );

    let list = json(&run_ok(dir.path(), &db, &["facts", "list", "--json"]));
    let list = list.as_array().expect("an array");
    let human = run_ok(dir.path(), &db, &["facts", "list"]);
    assert_eq!(list.len(), human.lines().count(), "one object a line");
    for f in list {
        assert_eq!(keys(f), FACT, "{f}");
    }
    let added = list
        .iter()
        .find(|f| f["id"].as_i64().map(|n| n.to_string()).as_deref() == Some(id.as_str()))
        .expect("the added fact is listed");
    assert_eq!(added["paragraph"], 16);
    assert_eq!(added["origin"], "moderator");
    assert_eq!(added["questions"][0], "how many posts does turkey run");
    assert_eq!(
        added["article_title"],
        "Iran, Russia and Turkey meet in Tehran over Idlib"
    );

    let show = json(&run_ok(dir.path(), &db, &["facts", "show", &id, "--json"]));
    assert_eq!(&show, added, "show prints what list does");

    let history = json(&run_ok(
        dir.path(),
        &db,
        &["facts", "history", &id, "--json"],
    ));
    assert_eq!(keys(&history), ["fact_id", "versions"]);
    assert_eq!(history["fact_id"].to_string(), id);
    let version = &history["versions"][0];
    assert_eq!(
        keys(version),
        ["action", "at", "by_id", "by_name", "changes", "reason", "version"]
    );
    assert_eq!(version["action"], "create");
    assert_eq!(version["by_name"], "operator (cli)");
    assert!(
        version["at"].as_str().is_some_and(|at| at.ends_with('Z')),
        "{version}"
    );

    let missed = json(&run_ok(dir.path(), &db, &["facts", "unanswered", "--json"]));
    assert_eq!(keys(&missed), ["days", "groups", "total"]);
    assert_eq!(missed["days"], 7);
    let group = &missed["groups"][0];
    assert_eq!(
        keys(group),
        ["asked", "best_confidence", "last_at", "wordings"]
    );
    assert_eq!(group["wordings"][0], "what did merkel say about idlib?");
}

/// An article of 2,000 paragraphs: long enough to take a moment.
fn long_article(dir: &Path) -> PathBuf {
    let mut text = String::new();
    for p in 0..2000 {
        for s in 0..3 {
            text.push_str(&format!("Ship {p} left berth {s} of the port of Cork. "));
        }
        text.push_str("\n\n");
    }
    let file = dir.join("long.txt");
    std::fs::write(&file, text).expect("write the article");
    file
}

/// What the chat shows before each line.
const PROMPT: &str = "> ";

/// Runs the binary with `args` at a terminal, typing nothing.
fn at_a_terminal(dir: &Path, args: &[&str]) -> (bool, String) {
    Terminal::start(dir, args).finish()
}

#[test]
fn progress_is_drawn_at_a_terminal_and_nowhere_else() {
    let (dir, db) = temp();
    let file = long_article(dir.path());
    let file = file.to_str().expect("a UTF-8 path");
    let db = db.to_str().expect("a UTF-8 path");

    let (ok, shown) = at_a_terminal(dir.path(), &["--db", db, "ingest", file]);
    assert!(ok, "{shown}");
    assert!(
        shown.contains("Storing sentences and facts ["),
        "{shown:.2000}"
    );
    assert!(shown.contains("6000 facts added"), "{shown:.2000}");
    let (ok, shown) = at_a_terminal(dir.path(), &["--db", db, "ask", "who left berth 2"]);
    assert!(ok, "{shown}");
    assert!(shown.contains("the index of"), "{shown:.2000}");
    // The index is saved now: the next start reads it back, and says so.
    let (ok, shown) = at_a_terminal(dir.path(), &["--db", db, "ask", "who left berth 2"]);
    assert!(ok, "{shown}");
    assert!(shown.contains("Loading the index of"), "{shown:.2000}");
    // -q: errors only, and no progress either.
    let (ok, shown) = at_a_terminal(dir.path(), &["-q", "--db", db, "ask", "who left"]);
    assert!(ok && !shown.contains("the index of"), "{shown:.2000}");

    // Into a pipe or a file: not a byte of it.
    let other = dir.path().join("other.db");
    for args in [vec!["ingest", file], vec!["ask", "who left berth 2"]] {
        let out = summit(dir.path())
            .arg("--db")
            .arg(&other)
            .args(&args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            !err.contains("Storing") && !err.contains("Building"),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains('\r') && !err.contains('\u{1b}'),
            "{args:?}: no terminal codes: {err:?}"
        );
    }
}

#[test]
fn chat_never_asks_terminal_escapes() {
    let (dir, db) = temp();
    let mut cmd = summit(dir.path());
    cmd.arg("--db").arg(&db).arg("chat");
    let out = support::binary::run_with_input(
        cmd,
        b"\x1b[A\n\x1b[A\x1b[Ahow many refugees does turkey host\x1b[B\n\x1b[D\tquit\n".to_vec(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\u{b6}16"), "{}", stdout(&out));
    assert_eq!(
        support::db::query(&db, "SELECT question FROM question_log"),
        [[Value::from("how many refugees does turkey host")]],
        "the escapes are dropped, and a line of nothing but escapes is not asked"
    );
}

/// At a terminal the chat edits lines: ↑ brings back the last question,
/// ← moves the cursor to fix a typo; only the questions are logged.
#[test]
fn chat_at_a_terminal_edits_lines_with_history() {
    let (dir, db) = temp();
    let db_arg = db.to_str().expect("a UTF-8 path");
    let mut term = Terminal::start(dir.path(), &["--db", db_arg, "chat"]);
    term.wait_for("One question a line", 1, PROMPT);
    term.type_keys(b"how many refugees does turkey host\r");
    term.wait_for("\u{b6}16", 1, PROMPT);
    term.type_keys(b"\x1b[A\r"); // up, enter: the same question again
    term.wait_for("\u{b6}16", 2, PROMPT);
    term.type_keys(b"who is de mistua\x1b[Dr\r"); // left, then the missing r
    term.wait_for("Mistura", 1, PROMPT);
    term.type_keys(b"quit\r");
    let (ok, shown) = term.finish();
    assert!(ok, "{shown}");
    let asked: Vec<Value> =
        support::db::query(&db, "SELECT question FROM question_log ORDER BY id")
            .into_iter()
            .flatten()
            .collect();
    assert_eq!(
        asked,
        [
            "how many refugees does turkey host",
            "how many refugees does turkey host",
            "who is de mistura",
        ]
        .map(Value::from)
    );
}
