//! More than one article, through the real binary: `--article` on the fact
//! commands, re-ingesting a title (refused when the text differs,
//! `--replace` to replace it), and `ingest --date`.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

mod support;
use support::binary::{
    added_fact_id, run_ok, run_on as run, run_with_input, stderr, stdout, summit, temp,
};
use support::db::{count, dump, moderation_tables, query};

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

const SHIPPED: &str = "Iran, Russia and Turkey meet in Tehran over Idlib";
const CORK: &str = "Cork harbour reopens";
const CORK_TEXT: &str = "The harbour in Cork reopened on Monday.\n\n\
    It had been closed for three weeks after a storm damaged the quay.\n\n\
    “We are relieved,” the harbour master said.\n";

/// A database with the shipped article and [`CORK`] (article 2).
fn two_articles() -> (TempDir, PathBuf) {
    let (dir, db) = temp();
    let file = write(dir.path(), "cork.txt", CORK_TEXT);
    run_ok(dir.path(), &db, &["ingest", &file, "--title", CORK]);
    (dir, db)
}

/// A moderator's fact, added with `facts add`: its id.
struct Add<'a> {
    /// None: the default, the first article.
    article: Option<&'a str>,
    paragraph: &'a str,
    question: &'a str,
    answer: &'a str,
    /// None: the paragraph's sentence closest to the answer.
    quote: Option<&'a str>,
}

impl Add<'_> {
    fn to(&self, dir: &Path, db: &Path) -> String {
        let mut args = vec!["facts", "add", "--paragraph", self.paragraph];
        args.extend(["--question", self.question, "--answer", self.answer]);
        if let Some(article) = self.article {
            args.extend(["--article", article]);
        }
        if let Some(quote) = self.quote {
            args.extend(["--quote", quote]);
        }
        added_fact_id(&run_ok(dir, db, &args))
    }
}

/// How long the harbour was closed: paragraph 2 of [`CORK`].
const CLOSED: Add = Add {
    article: Some(CORK),
    paragraph: "2",
    question: "How long was the harbour in Cork closed?",
    answer: "Three weeks",
    quote: Some("closed for three weeks"),
};

fn show(dir: &Path, db: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&run_ok(dir, db, &["facts", "show", id, "--json"])).expect("JSON")
}

#[test]
fn a_fact_added_to_a_second_article_is_answered_and_cited_from_it() {
    let (dir, db) = two_articles();
    CLOSED.to(dir.path(), &db);
    let question = "how long was the cork harbour closed";
    let reply: serde_json::Value =
        serde_json::from_str(&run_ok(dir.path(), &db, &["ask", "--json", question])).expect("JSON");
    assert_eq!(reply["answered"], true, "{reply}");
    assert_eq!(reply["answer"], "Three weeks", "{reply}");
    assert_eq!(reply["sources"][0]["title"], CORK, "{reply}");
    assert_eq!(reply["sources"][0]["paragraph"], 2, "{reply}");
    let human = run_ok(dir.path(), &db, &["ask", question]);
    assert!(human.contains(&format!("— {CORK}, ¶2")), "{human}");

    // By id too; and list, export and feedback narrow to one article.
    Add {
        article: Some("2"),
        paragraph: "3",
        question: "Who was relieved in Cork?",
        answer: "The harbour master",
        quote: None,
    }
    .to(dir.path(), &db);
    let listed: serde_json::Value = serde_json::from_str(&run_ok(
        dir.path(),
        &db,
        &[
            "facts",
            "list",
            "--article",
            "cork harbour REOPENS",
            "--json",
        ],
    ))
    .expect("JSON");
    let listed = listed.as_array().expect("facts");
    // Its three sentences and the two facts added.
    assert_eq!(listed.len(), 5, "{listed:?}");
    assert!(listed
        .iter()
        .all(|f| f["article_title"] == CORK && f["article"] == 2));
    let exported: serde_json::Value = serde_json::from_str(&run_ok(
        dir.path(),
        &db,
        &["facts", "export", "--article", "1"],
    ))
    .expect("JSON");
    let exported = exported.as_array().expect("facts");
    assert!(!exported.is_empty());
    assert!(exported.iter().all(|f| f["article_title"] == SHIPPED));
    let feedback = run_ok(dir.path(), &db, &["facts", "feedback", "--article", CORK]);
    assert_eq!(feedback.trim(), "No feedback yet.");
}

#[test]
fn an_unknown_article_is_refused_naming_the_known_ones() {
    let (dir, db) = two_articles();
    let facts = count(&db, "SELECT count(*) FROM facts");
    let commands: [&[&str]; 4] = [
        &[
            "facts",
            "add",
            "--article",
            "Dublin port",
            "--paragraph",
            "1",
            "--question",
            "Is Dublin open?",
            "--answer",
            "Yes",
        ],
        &["facts", "list", "--article", "Dublin port"],
        &["facts", "export", "--article", "7"],
        &[
            "facts",
            "edit",
            "1",
            "--article",
            "Dublin port",
            "--paragraph",
            "1",
        ],
    ];
    for args in commands {
        let out = run(dir.path(), &db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("there is no article"), "{err}");
        assert!(
            err.contains(&format!("1 “{SHIPPED}”")) && err.contains(&format!("2 “{CORK}”")),
            "names the known articles: {err}"
        );
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    }
    assert_eq!(
        count(&db, "SELECT count(*) FROM facts"),
        facts,
        "nothing added"
    );
}

#[test]
fn a_fact_moves_to_another_article_with_a_paragraph_of_it() {
    let (dir, db) = two_articles();
    let id = Add {
        article: None,
        paragraph: "16",
        question: "Where did the harbour reopen?",
        answer: "Tehran",
        quote: None,
    }
    .to(dir.path(), &db);
    let stuck = run(dir.path(), &db, &["facts", "edit", &id, "--article", CORK]);
    assert_eq!(stuck.status.code(), Some(1));
    assert!(
        stderr(&stuck).contains("which of its paragraphs"),
        "{}",
        stderr(&stuck)
    );

    run_ok(
        dir.path(),
        &db,
        &[
            "facts",
            "edit",
            &id,
            "--article",
            CORK,
            "--paragraph",
            "1",
            "--answer",
            "Cork",
            "--reason",
            "wrong article",
        ],
    );
    let fact = show(dir.path(), &db, &id);
    assert_eq!(fact["article_title"], CORK);
    assert_eq!(fact["paragraph"], 1);
    assert_eq!(fact["quote"], "The harbour in Cork reopened on Monday.");
    let history = run_ok(dir.path(), &db, &["facts", "history", &id]);
    assert!(history.contains("article: “1” → “2”"), "{history}");
    let reply = run_ok(dir.path(), &db, &["ask", "where did the harbour reopen"]);
    assert!(reply.contains(&format!("— {CORK}, ¶1")), "{reply}");
}

#[test]
fn re_ingest_with_another_text_is_refused_then_replaced_keeping_moderators_facts() {
    let (dir, db) = two_articles();
    let closed = CLOSED.to(dir.path(), &db);
    let relieved = Add {
        article: Some(CORK),
        paragraph: "3",
        question: "Who was relieved in Cork?",
        answer: "The harbour master",
        quote: Some("the harbour master said"),
    }
    .to(dir.path(), &db);
    let monday = query(
        &db,
        "SELECT id FROM facts WHERE article_id = 2 AND key = 's1.1'",
    )[0][0]
        .to_string();
    run_ok(
        dir.path(),
        &db,
        &["facts", "edit", &monday, "--answer", "On Monday"],
    );

    // The same text again changes nothing, as ever.
    let file = write(dir.path(), "cork.txt", CORK_TEXT);
    let again = run_ok(dir.path(), &db, &["ingest", &file, "--title", CORK]);
    assert!(again.contains(" 0 facts added"), "{again}");

    // Another text under the same title: refused, naming --replace.
    let dump = || {
        let text = ["articles", "paragraphs", "sentences"].map(|t| dump(&db, t));
        (text, moderation_tables(&db))
    };
    let before = dump();
    let new_text = "It had been closed for three weeks after a storm damaged the quay.\n\n\
        The harbour in Cork reopened on Monday. Ships queued in the bay overnight.\n";
    let file = write(dir.path(), "cork-2.txt", new_text);
    let refused = run(dir.path(), &db, &["ingest", &file, "--title", CORK]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    let err = stderr(&refused);
    assert!(
        err.contains(CORK) && err.contains("another text") && err.contains("--replace"),
        "{err}"
    );
    assert!(dump() == before, "a refused ingest changes nothing");

    let replaced = run_ok(
        dir.path(),
        &db,
        &["ingest", &file, "--title", CORK, "--replace"],
    );
    assert!(
        replaced.starts_with(&format!("Replaced the text of “{CORK}”")),
        "{replaced}"
    );
    assert!(
        replaced.contains("2 added, 1 rewritten for the new text, 1 retired"),
        "{replaced}"
    );
    assert!(
        replaced.contains(&format!("#{relieved} (`summit-bot facts history ID`")),
        "{replaced}"
    );
    assert_eq!(
        query(
            &db,
            "SELECT number, text FROM paragraphs WHERE article_id = 2 ORDER BY number"
        ),
        [
            [
                serde_json::json!(1),
                serde_json::json!(
                    "It had been closed for three weeks after a storm damaged the quay."
                )
            ],
            [
                serde_json::json!(2),
                serde_json::json!(
                    "The harbour in Cork reopened on Monday. Ships queued in the bay overnight."
                )
            ],
        ]
    );
    // The earlier text is kept.
    assert_eq!(
        query(
            &db,
            "SELECT text FROM article_revisions WHERE article_id = 2"
        ),
        [[serde_json::json!(CORK_TEXT)]]
    );

    // A moderator's fact whose quote is still there is kept, citing where
    // it is now, with the move in its history.
    let fact = show(dir.path(), &db, &closed);
    assert_eq!(
        (fact["paragraph"].clone(), fact["retired"].clone()),
        (1.into(), false.into())
    );
    let history = run_ok(dir.path(), &db, &["facts", "history", &closed]);
    assert!(history.contains("source: “¶2” → “¶1”"), "{history}");
    assert!(
        history.contains("by ingest") && history.contains("replaced"),
        "{history}"
    );
    let fact = show(dir.path(), &db, &monday);
    assert_eq!(fact["answer"], "On Monday", "the moderator's edit is kept");
    assert_eq!(
        (fact["paragraph"].clone(), fact["retired"].clone()),
        (2.into(), false.into())
    );

    // One whose quote is gone is retired, and cites the earlier text now
    // that its paragraph is gone too.
    let fact = show(dir.path(), &db, &relieved);
    assert_eq!(fact["retired"], true);
    assert_eq!(fact["paragraph"], serde_json::Value::Null);
    assert_eq!(
        fact["source_note"],
        format!("¶3 of an earlier text of “{CORK}”")
    );

    // The new text's sentences are facts; the old one's gone ones are not.
    let in_force = |quote: &str| {
        count(
            &db,
            &format!(
            "SELECT count(*) FROM facts WHERE article_id = 2 AND retired = 0 AND quote = '{quote}'"
        ),
        )
    };
    assert_eq!(in_force("Ships queued in the bay overnight."), 1);
    assert_eq!(in_force("“We are relieved,” the harbour master said."), 0);

    let reply = run_ok(
        dir.path(),
        &db,
        &["ask", "how long was the cork harbour closed"],
    );
    assert!(
        reply.contains("Three weeks") && reply.contains(&format!("— {CORK}, ¶1")),
        "{reply}"
    );

    // The new text again is the same text: nothing to do.
    let again = run_ok(
        dir.path(),
        &db,
        &["ingest", &file, "--title", CORK, "--replace"],
    );
    assert!(again.contains(" 0 facts added"), "{again}");
}

/// The chat's first line, on `db`.
fn chat_greeting(dir: &Path, db: &Path) -> String {
    let mut cmd = summit(dir);
    cmd.arg("--db").arg(db).arg("chat");
    let out = run_with_input(cmd, b"quit\n".to_vec());
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().next().unwrap_or("").to_string()
}

#[test]
fn the_chat_greeting_names_the_articles_up_to_a_handful() {
    let (dir, db) = two_articles();
    assert_eq!(
        chat_greeting(dir.path(), &db),
        format!("Ask me about “{SHIPPED}” and “{CORK}”. One question a line; `quit` or end of input ends.")
    );
    for i in 3..=7 {
        let file = write(
            dir.path(),
            &format!("a{i}.txt"),
            &format!("Article {i} text.\n"),
        );
        run_ok(
            dir.path(),
            &db,
            &["ingest", &file, "--title", &format!("Article {i}")],
        );
    }
    let greeting = chat_greeting(dir.path(), &db);
    assert!(
        greeting.starts_with(&format!(
            "Ask me about “{SHIPPED}”, “{CORK}”, “Article 3”, “Article 4”, “Article 5” and 2 more."
        )),
        "{greeting}"
    );
}
