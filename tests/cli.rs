//! The real `summit-bot` binary on a temp database: the `ask --json -`
//! contract, config errors, database creation, ingest, eval, facts, chat.

use std::path::Path;

use serde_json::Value;

mod binary;
use binary::{run_with_input, stderr, stdout, summit, temp};

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open db")
        .query_row(sql, [], |row| row.get(0))
        .expect(sql)
}

/// Checks one `ask --json` object against the contract and returns it.
fn check_contract(line: &str) -> Value {
    let v: Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line:.200}"));
    assert!(v["question"].is_string(), "question: {line:.200}");
    assert!(v["answered"].is_boolean(), "answered: {line:.200}");
    let confidence = v["confidence"].as_f64().expect("confidence is a number");
    assert!((0.0..=1.0).contains(&confidence), "confidence {confidence}");
    assert!(
        v.get("fact_id").is_some_and(|f| f.is_null() || f.is_i64()),
        "fact_id: {line:.200}"
    );
    assert!(
        v["sources"].is_array() && v["alternatives"].is_array(),
        "lists: {line:.200}"
    );
    for s in v["sources"].as_array().into_iter().flatten() {
        assert!(
            s["paragraph"].is_null() || s["paragraph"].as_u64().is_some_and(|p| p >= 1),
            "{s}"
        );
        assert!(s["quote"].is_string() && s["title"].is_string(), "{s}");
    }
    for a in v["alternatives"].as_array().into_iter().flatten() {
        assert!(
            a["fact_id"].is_i64() && a["question"].is_string() && a["confidence"].is_f64(),
            "{a}"
        );
    }
    if v["answered"] == Value::Bool(true) {
        assert!(v["answer"].is_string(), "an answer: {line:.200}");
        assert!(
            !v["sources"].as_array().expect("sources").is_empty(),
            "no answer without a source"
        );
    }
    v
}

#[test]
fn ask_json_stream_gives_one_line_per_input_line_whatever_the_line() {
    let (dir, db) = temp();
    let huge = "a".repeat(1_000_000);
    let mut input = Vec::new();
    input.extend_from_slice(b"how many refugees does turkey host\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(huge.as_bytes());
    input.push(b'\n');
    input.extend_from_slice(b"caf\xe9 \xff\xfe in idlib\n");
    input.extend_from_slice(b"   \n");
    input.extend_from_slice("who is de mistura?\r\n".as_bytes());
    input.extend_from_slice("Erdoğan и Путин?".as_bytes()); // no final newline

    let mut cmd = summit(dir.path());
    cmd.arg("--db").arg(&db).args(["ask", "--json", "-"]);
    let out = run_with_input(cmd, input);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7, "one output line per input line");
    let replies: Vec<Value> = lines.iter().map(|l| check_contract(l)).collect();

    assert_eq!(replies[0]["question"], "how many refugees does turkey host");
    assert_eq!(replies[0]["answered"], true);
    assert!(
        replies[0]["answer"]
            .as_str()
            .is_some_and(|a| a.contains("3.5 million")),
        "{}",
        lines[0]
    );
    assert!(replies[0]["sources"][0]["paragraph"] == 16, "{}", lines[0]);

    for (i, what) in [
        (1, "empty"),
        (2, "1 MB"),
        (3, "invalid UTF-8"),
        (4, "blank"),
    ] {
        assert_eq!(replies[i]["answered"], false, "{what} line");
        assert!(replies[i]["error"].is_string(), "{what} line has an error");
    }
    assert_eq!(replies[1]["question"], "");
    assert_eq!(
        replies[2]["question"].as_str().map(str::len),
        Some(1_000_000),
        "echoed as given"
    );
    assert!(replies[3]["question"]
        .as_str()
        .is_some_and(|q| q.contains("in idlib")));
    assert_eq!(
        replies[5]["question"], "who is de mistura?",
        "CRLF line ending dropped"
    );
    assert_eq!(replies[6]["question"], "Erdoğan и Путин?");
    // Every question is in the log, from the command line.
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM question_log WHERE channel = 'cli'"
        ),
        7
    );
}

#[test]
fn a_line_too_big_to_hold_still_gets_its_one_line() {
    let (dir, db) = temp();
    let mut input = vec![b'x'; 5 << 20];
    input.extend_from_slice(b"\nwho is de mistura\n");
    let mut cmd = summit(dir.path());
    cmd.arg("--db").arg(&db).args(["ask", "--json", "-"]);
    let out = run_with_input(cmd, input);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let first = check_contract(lines[0]);
    assert_eq!(first["answered"], false);
    assert!(
        first["error"].as_str().is_some_and(|e| e.contains("bytes")),
        "{:.300}",
        lines[0]
    );
    assert_eq!(check_contract(lines[1])["question"], "who is de mistura");
}

#[test]
fn ask_json_with_words_prints_one_object() {
    let (dir, db) = temp();
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["ask", "--json", "who", "is", "de", "mistura"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1);
    assert_eq!(check_contract(text.trim())["question"], "who is de mistura");
}

#[test]
fn human_ask_shows_answer_quote_paragraph_and_confidence() {
    let (dir, db) = temp();
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["ask", "how", "many", "refugees", "does", "turkey", "host"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("3.5 million"), "{text}");
    assert!(text.contains("¶16"), "{text}");
    assert!(text.contains("confidence"), "{text}");
}

#[test]
fn db_flag_and_default_path_create_the_database_on_first_use() {
    let (dir, _) = temp();
    let db = dir.path().join("not").join("yet").join("there.db");
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["ask", "--json", "who hosted the summit"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.exists(), "--db created the database");
    assert!(count(&db, "SELECT count(*) FROM paragraphs") == 21);

    // Without --db: the data directory, whatever the working directory,
    // and said on stderr.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("make a folder");
    let default_db = binary::data_home(dir.path()).join("summit-bot/summit-bot.db");
    for cwd in [dir.path(), &elsewhere] {
        let out = summit(cwd)
            .env("XDG_DATA_HOME", binary::data_home(dir.path()))
            .args(["ask", "who hosted the summit"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&default_db.display().to_string()),
            "the database is named at start: {}",
            stderr(&out)
        );
    }
    assert!(
        default_db.exists(),
        "the default database is in the data directory"
    );
    assert_eq!(
        count(&default_db, "SELECT count(*) FROM question_log"),
        2,
        "both runs used the one database"
    );
    assert!(
        !dir.path().join("var").exists(),
        "nothing in the working directory"
    );

    // And the environment overrides the config.
    let out = summit(dir.path())
        .env("SUMMIT_BOT_DATABASE", "from-env.db")
        .args(["facts", "list"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("from-env.db").exists());
}

#[test]
fn a_bad_config_key_or_value_fails_naming_it() {
    let (dir, db) = temp();
    let config = dir.path().join("mine.toml");
    std::fs::write(&config, "[matcher]\ntreshold = 0.4\n").expect("write config");
    let out = summit(dir.path())
        .arg("--config")
        .arg(&config)
        .arg("--db")
        .arg(&db)
        .args(["ask", "hello"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("treshold") && err.contains("mine.toml"),
        "{err}"
    );
    assert!(!db.exists(), "nothing is done with a bad config");

    std::fs::create_dir_all(dir.path().join("config")).expect("config dir");
    std::fs::write(
        dir.path().join("config/local.toml"),
        "[discord]\nguild_id = \"soon\"\n",
    )
    .expect("write");
    let out = summit(dir.path())
        .args(["ask", "hello"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("discord.guild_id") && err.contains("local.toml"),
        "{err}"
    );

    std::fs::remove_file(dir.path().join("config/local.toml")).expect("remove");
    let out = summit(dir.path())
        .env("SUMMIT_BOT_MATCHER_THRESHOLD", "2")
        .args(["ask", "hello"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("SUMMIT_BOT_MATCHER_THRESHOLD"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ingest_is_idempotent_and_says_what_it_did() {
    let (dir, db) = temp();
    let ingest = |args: &[&str]| {
        let out = summit(dir.path())
            .arg("--db")
            .arg(&db)
            .arg("ingest")
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let first = ingest(&[]);
    assert!(
        first.contains("added") && !first.contains(" 0 facts added"),
        "{first}"
    );
    let facts = count(&db, "SELECT count(*) FROM facts");
    let again = ingest(&[]);
    assert!(again.contains(" 0 facts added"), "{again}");
    assert_eq!(count(&db, "SELECT count(*) FROM facts"), facts);

    let file = dir.path().join("other.txt");
    std::fs::write(
        &file,
        "First paragraph. It has two sentences.\n\nSecond paragraph.\n",
    )
    .expect("write");
    let file = file.to_string_lossy().into_owned();
    let other = ingest(&[&file, "--title", "Another article", "--date", "2019-01-01"]);
    assert!(other.contains("3 facts added"), "{other}");
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
}

#[test]
fn facts_list_show_and_export_agree() {
    let (dir, db) = temp();
    let facts = |args: &[&str]| {
        summit(dir.path())
            .arg("--db")
            .arg(&db)
            .arg("facts")
            .args(args)
            .output()
            .expect("runs")
    };
    let list = facts(&["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let listed = stdout(&list).lines().count();
    assert!(listed > 21);

    let export = facts(&["export"]);
    let exported: Value = serde_json::from_slice(&export.stdout).expect("export is JSON");
    let exported = exported.as_array().expect("an array of facts");
    assert_eq!(exported.len(), listed);
    let first_id = exported[0]["id"].as_i64().expect("id");

    let show = facts(&["show", &format!("#{first_id}")]);
    assert!(show.status.success(), "{}", stderr(&show));
    assert!(stdout(&show).contains(exported[0]["answer"].as_str().expect("answer")));

    let missing = facts(&["show", "999999"]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("#999999"), "{}", stderr(&missing));
}

#[test]
fn eval_prints_per_kind_accuracy_and_the_final_line() {
    let (dir, db) = temp();
    let set = dir.path().join("set.jsonl");
    std::fs::write(
        &set,
        concat!(
            r#"{"id":"x1","question":"how many refugees does turkey host","kind":"plain","answerable":true,"paragraphs":[16],"any_of":["3.5 million"]}"#,
            "\n\n",
            r#"{"id":"x2","question":"what is the weather in oslo tomorrow","kind":"oos","answerable":false}"#,
            "\n",
        ),
    )
    .expect("write set");
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("eval")
        .arg(&set)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with("plain ")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("oos ")), "{text}");
    let last = text.lines().last().expect("output");
    assert!(
        last.starts_with("accuracy: ") && last.ends_with("/2)"),
        "{text}"
    );
    // Grading is not asking: nothing goes to the question log.
    assert_eq!(count(&db, "SELECT count(*) FROM question_log"), 0);
}

#[test]
fn chat_answers_each_line_until_quit() {
    let (dir, db) = temp();
    let mut cmd = summit(dir.path());
    cmd.arg("--db").arg(&db).arg("chat");
    let out = run_with_input(
        cmd,
        b"how many refugees does turkey host\n\nquit\nwho is de mistura\n".to_vec(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("¶16"), "{text}");
    assert!(!text.contains("Mistura"), "nothing after quit: {text}");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM question_log WHERE channel = 'console'"
        ),
        1
    );
}

/// Under systemd or Docker: no token and no terminal. The console chat
/// would read nothing and exit 0, as if all were well.
#[test]
fn run_without_a_token_or_a_terminal_exits_non_zero_saying_how_to_set_it() {
    let (dir, db) = temp();
    for args in [&[][..], &["run"][..]] {
        let out = summit(dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("DISCORD_TOKEN") && err.contains("no terminal"),
            "{err}"
        );
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
        assert!(!db.exists(), "nothing opened");
    }
    // A pipe is no terminal either.
    let mut cmd = summit(dir.path());
    cmd.arg("--db").arg(&db).arg("run");
    let out = run_with_input(cmd, b"how many refugees does turkey host\n".to_vec());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn ingest_file_into_a_new_database_joins_the_shipped_article() {
    let (dir, db) = temp();
    let file = dir.path().join("harbour.txt");
    // A byte-order mark, Windows line ends, a multi-line paragraph.
    std::fs::write(
        &file,
        "\u{feff}The harbour in Cork reopened on Monday.\r\nIt had been closed for 3 weeks.\r\n\r\n“We are relieved,” the harbour master said.\r\n",
    )
    .expect("write");
    let out = summit(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&file)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("“harbour”"), "{}", stdout(&out));
    assert!(stdout(&out).contains("3 facts added"), "{}", stdout(&out));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM facts WHERE quote = 'The harbour in Cork reopened on Monday.'"
        ),
        1
    );
    // The shipped article still answers.
    let out = summit(dir.path())
        .args(["--db"])
        .arg(&db)
        .args(["ask", "How many Syrian refugees does Turkey host?"])
        .output()
        .expect("runs");
    assert!(
        stdout(&out).contains("Tehran over Idlib"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn eval_min_accuracy_exits_1_below_it() {
    let (dir, db) = temp();
    let set = dir.path().join("set.jsonl");
    // One right, one the bot cannot get right (its answer is not "banana"):
    // accuracy 0.5.
    std::fs::write(
        &set,
        concat!(
            r#"{"id":"x1","question":"how many refugees does turkey host","kind":"plain","answerable":true,"paragraphs":[16],"any_of":["3.5 million"]}"#,
            "\n",
            r#"{"id":"x2","question":"how many refugees does turkey host","kind":"plain","answerable":true,"paragraphs":[16],"any_of":["banana"]}"#,
            "\n",
        ),
    )
    .expect("write set");
    let eval = |min: &str| {
        summit(dir.path())
            .arg("--db")
            .arg(&db)
            .arg("eval")
            .arg(&set)
            .args(["--min-accuracy", min])
            .output()
            .expect("runs")
    };
    let met = eval("0.5");
    assert_eq!(met.status.code(), Some(0), "{}", stderr(&met));
    assert!(
        stdout(&met).contains("accuracy: 0.500 (1/2)"),
        "{}",
        stdout(&met)
    );

    let missed = eval("0.6");
    assert_eq!(missed.status.code(), Some(1), "{}", stderr(&missed));
    assert!(
        stdout(&missed).contains("accuracy: 0.500"),
        "the report is still printed"
    );
    assert!(
        stderr(&missed).contains("below --min-accuracy 0.6"),
        "{}",
        stderr(&missed)
    );

    let nonsense = eval("1.5");
    assert_eq!(nonsense.status.code(), Some(2), "{}", stderr(&nonsense));
    assert!(
        stderr(&nonsense).contains("from 0 to 1"),
        "{}",
        stderr(&nonsense)
    );
}

#[test]
fn facts_history_shows_times_people_read() {
    let (dir, db) = temp();
    let run = |args: &[&str]| {
        let out = summit(dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let added = run(&[
        "facts",
        "add",
        "--question",
        "how many refugees does turkey host",
        "--answer",
        "3.5 million",
        "--paragraph",
        "16",
    ]);
    let id = added
        .split_whitespace()
        .nth(2)
        .map(|w| w.trim_start_matches('#'))
        .expect("the new fact's id")
        .to_string();
    let history = run(&["facts", "history", &id]);
    let line = history
        .lines()
        .find(|l| l.starts_with("version 1 "))
        .unwrap_or_else(|| panic!("no version 1 in {history}"));
    assert!(line.ends_with(" UTC (just now)"), "{line}");
    // The stored 2026-11-30T19:31:01.123Z shows as 2026-11-30 19:31.
    let stored: String = rusqlite::Connection::open(&db)
        .expect("open db")
        .query_row(
            "SELECT at FROM fact_revisions WHERE fact_id = ?1 AND version = 1",
            [id.parse::<i64>().expect("a number")],
            |row| row.get(0),
        )
        .expect("the revision");
    assert!(!line.contains(&stored), "{line}");
    let minute = stored.get(..16).expect("a stored time").replace('T', " ");
    assert!(
        line.contains(&format!("at {minute} UTC")),
        "{line} / {stored}"
    );
}
