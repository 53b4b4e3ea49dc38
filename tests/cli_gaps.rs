//! The gaps (topics the articles do not cover) through the real binary:
//! seeded from `data/gaps.toml`, listed, added, edited, retired and
//! restored with `facts gap …`, each change in `gap_revisions`; and issue
//! 11's scenario: a question a gap covers is declined naming it until a
//! moderator's fact answers it.

use std::path::Path;

use serde_json::Value;

mod binary;
use binary::{run_ok, run_on, stderr, temp};

const DEAL: &str = "did they reach a deal";
/// The start of the summit-outcome gap's note, as `data/gaps.toml` has it.
const OUTCOME_NOTE: &str = "The article was written as the talks began";

/// `ask --json QUESTION` on `db`, as JSON.
fn ask(dir: &Path, db: &Path, question: &str) -> Value {
    let out = run_ok(dir, db, &["ask", "--json", question]);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

fn note(reply: &Value) -> &str {
    reply["note"].as_str().unwrap_or("")
}

/// `facts gap list [--all] --json`: the gaps by key.
fn gaps(dir: &Path, db: &Path, all: bool) -> Vec<Value> {
    let mut args = vec!["facts", "gap", "list", "--json"];
    if all {
        args.push("--all");
    }
    let out = run_ok(dir, db, &args);
    serde_json::from_str::<Vec<Value>>(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

fn keys(gaps: &[Value]) -> Vec<&str> {
    gaps.iter().filter_map(|g| g["key"].as_str()).collect()
}

/// Adds a moderator's fact from outside the article with `question` as its
/// phrasing; returns its id.
fn add_deal_fact(dir: &Path, db: &Path) -> i64 {
    let out = run_ok(
        dir,
        db,
        &[
            "facts",
            "add",
            "--question",
            DEAL,
            "--question",
            "what did the tehran summit agree",
            "--answer",
            "No: the three presidents ended the summit without agreeing a ceasefire for Idlib.",
            "--source",
            "https://example.org/tehran-summit-ends",
            "--by",
            "dana",
        ],
    );
    binary::added_fact_id(&out).parse().expect("a fact id")
}

#[test]
fn a_new_database_holds_the_shipped_gaps_but_not_the_learned_one() {
    let (dir, db) = temp();
    let listed = gaps(dir.path(), &db, false);
    let shipped = summit_bot::extract::gaps(summit_bot::extract::BUILTIN_GAPS).expect("parse");
    assert_eq!(listed.len(), shipped.len());
    let outcome = listed
        .iter()
        .find(|g| g["key"] == "summit-outcome")
        .expect("summit-outcome is stored");
    assert_eq!(outcome["topic"], "What the summit agreed");
    assert_eq!(outcome["version"], 1);
    assert_eq!(outcome["retired"], false);
    let shipped_outcome = shipped
        .iter()
        .find(|g| g.key == "summit-outcome")
        .expect("summit-outcome is shipped");
    assert_eq!(
        outcome["questions"].as_array().map(Vec::len),
        Some(shipped_outcome.questions.len())
    );
    assert!(!keys(&listed).contains(&summit_bot::extract::NEAR_MISSES));
    // The learned gap is built in: it cannot be written.
    let out = run_on(
        dir.path(),
        &db,
        &["facts", "gap", "remove", "near-misses", "--reason", "try"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("built in"), "{}", stderr(&out));
}

/// Issue 11: "a moderator who adds a fact on what the summit agreed still
/// sees 'did they reach a deal' declined". A fact with that phrasing wins
/// over the gap.
#[test]
fn a_moderators_fact_on_a_gaps_topic_answers_instead_of_the_gap() {
    let (dir, db) = temp();
    let before = ask(dir.path(), &db, DEAL);
    assert_eq!(before["answered"], false, "{before}");
    assert!(note(&before).contains(OUTCOME_NOTE), "{before}");

    let id = add_deal_fact(dir.path(), &db);
    let after = ask(dir.path(), &db, DEAL);
    assert_eq!(after["answered"], true, "{after}");
    assert_eq!(after["fact_id"], id, "{after}");
    assert!(
        after["answer"]
            .as_str()
            .is_some_and(|a| a.contains("ceasefire")),
        "{after}"
    );
    // The gap is still there for the questions no fact answers.
    assert!(keys(&gaps(dir.path(), &db, false)).contains(&"summit-outcome"));
}

/// The other way round: the moderator retires the gap, then adds the fact.
#[test]
fn a_retired_gap_is_no_longer_named_and_a_fact_then_answers() {
    let (dir, db) = temp();
    let out = run_ok(
        dir.path(),
        &db,
        &[
            "facts",
            "gap",
            "remove",
            "summit-outcome",
            "--reason",
            "the outcome is known now",
            "--by",
            "dana",
        ],
    );
    assert!(
        out.contains("Retired gap summit-outcome (version 2)"),
        "{out}"
    );
    let declined = ask(dir.path(), &db, DEAL);
    assert!(!note(&declined).contains(OUTCOME_NOTE), "{declined}");
    assert!(!keys(&gaps(dir.path(), &db, false)).contains(&"summit-outcome"));
    let all = gaps(dir.path(), &db, true);
    let retired = all
        .iter()
        .find(|g| g["key"] == "summit-outcome")
        .expect("kept");
    assert_eq!(
        (&retired["retired"], &retired["version"]),
        (&Value::Bool(true), &Value::from(2))
    );

    let id = add_deal_fact(dir.path(), &db);
    let answered = ask(dir.path(), &db, DEAL);
    assert_eq!(answered["answered"], true, "{answered}");
    assert_eq!(answered["fact_id"], id, "{answered}");

    // Opening the database again never brings the shipped gap back.
    assert!(!keys(&gaps(dir.path(), &db, false)).contains(&"summit-outcome"));
}

#[test]
fn facts_gap_add_edit_remove_restore_change_the_decline_and_keep_a_history() {
    let (dir, db) = temp();
    let (dir, db) = (dir.path(), db.as_path());
    let q = "what did angela merkel say about the summit";
    let added = run_ok(
        dir,
        db,
        &[
            "facts",
            "gap",
            "add",
            "merkel",
            "--topic",
            "Merkel's view",
            "--note",
            "It reports nothing from Angela Merkel.",
            "--question",
            q,
            "--question",
            "merkel's opinion on idlib",
            "--by",
            "erin",
            "--reason",
            "asked twice",
        ],
    );
    assert!(added.contains("Added gap merkel (version 1)"), "{added}");
    assert!(note(&ask(dir, db, q)).contains("nothing from Angela Merkel"));

    run_ok(
        dir,
        db,
        &[
            "facts",
            "gap",
            "edit",
            "merkel",
            "--note",
            "Germany is not in it.",
            "--by",
            "erin",
        ],
    );
    assert!(note(&ask(dir, db, q)).contains("Germany is not in it."));

    run_ok(
        dir,
        db,
        &[
            "facts", "gap", "remove", "merkel", "--reason", "test", "--by", "finn",
        ],
    );
    assert!(!note(&ask(dir, db, q)).contains("Germany"));
    let restored = run_ok(
        dir,
        db,
        &["facts", "gap", "restore", "merkel", "--by", "finn"],
    );
    assert!(restored.contains("version 4"), "{restored}");
    assert!(note(&ask(dir, db, q)).contains("Germany is not in it."));

    let history = binary_rows(
        db,
        "SELECT r.version || ' ' || r.action || ' ' || r.by_name || ' ' || coalesce(r.reason, '-')
         FROM gap_revisions r JOIN gaps g ON g.id = r.gap_id WHERE g.key = 'merkel'
         ORDER BY r.version",
    );
    assert_eq!(
        history,
        [
            "1 create erin asked twice",
            "2 edit erin -",
            "3 retire finn test",
            "4 restore finn -"
        ]
    );
    // `facts gap history` tells it as people read it, each change named.
    let told = run_ok(dir, db, &["facts", "gap", "history", "merkel"]);
    for line in [
        "gap merkel",
        "version 1 · create by erin at ",
        "created: “Merkel's view”, 2 questions",
        "version 2 · edit by erin",
        "note: “It reports nothing from Angela Merkel.” → “Germany is not in it.”",
        "version 3 · retire by finn at ",
        " · “test”",
        "    retired",
        "version 4 · restore by finn",
        "    restored",
    ] {
        assert!(told.contains(line), "{line:?} missing from:\n{told}");
    }
    let json: Vec<Value> = serde_json::from_str(&run_ok(
        dir,
        db,
        &["facts", "gap", "history", "merkel", "--json"],
    ))
    .expect("history as JSON");
    let actions: Vec<&str> = json.iter().filter_map(|v| v["action"].as_str()).collect();
    assert_eq!(actions, ["create", "edit", "retire", "restore"]);
    assert_eq!(json[0]["reason"], "asked twice");

    // Mistakes are refused, saying what to fix, and write nothing.
    for (args, says) in [
        (gap_add_args("merkel"), "already"),
        (
            vec!["facts", "gap", "remove", "nope", "--reason", "r"],
            "no gap \"nope\"",
        ),
        (
            vec!["facts", "gap", "restore", "merkel"],
            "in force already",
        ),
        (gap_add_args("Two Words"), "lowercase"),
        (vec!["facts", "gap", "history", "nope"], "no gap \"nope\""),
    ] {
        let out = run_on(dir, db, &args);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(
        binary_rows(
            db,
            "SELECT key FROM gap_revisions r JOIN gaps g ON g.id = r.gap_id WHERE g.key = 'merkel'"
        )
        .len(),
        4
    );
}

/// `facts gap add KEY` with a topic, a note and one question.
fn gap_add_args(key: &str) -> Vec<&str> {
    let rest = ["--topic", "t", "--note", "n", "--question", "q"];
    ["facts", "gap", "add", key]
        .into_iter()
        .chain(rest)
        .collect()
}

/// Each row of `sql`'s one text column.
fn binary_rows(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let mut st = conn.prepare(sql).expect(sql);
    let rows = st.query_map([], |r| r.get(0)).expect(sql);
    rows.collect::<Result<_, _>>().expect(sql)
}
