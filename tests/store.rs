//! The store against a real SQLite file in a temp dir: migrations, seeding,
//! idempotent ingest that keeps edited facts, the question log, feedback,
//! WAL, and loading many facts.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::Connection;
use summit_bot::article::{Article, Meta};
use summit_bot::extract;
use summit_bot::fact::{FactId, Origin};
use summit_bot::store::{channel, ChangedText, QuestionLogEntry, Store, StoreError};
use tempfile::TempDir;

/// A fresh temp dir and a database path inside a folder that does not
/// exist yet.
fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested").join("summit.db");
    (dir, path)
}

/// A second, plain connection to the same file: how another process sees it.
fn raw(path: &Path) -> Connection {
    Connection::open(path).expect("raw connection")
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |row| row.get(0)).expect(sql)
}

fn builtin() -> (Article, Vec<extract::NewFact>) {
    let article = Article::builtin().expect("shipped article parses");
    let facts = extract::builtin_facts(&article).expect("shipped facts load");
    (article, facts)
}

#[test]
fn open_creates_the_file_and_its_folder_and_migrations_are_idempotent() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).expect("opens");
    let version = store.schema_version().expect("version");
    assert!(version >= 1);
    assert!(path.exists());
    drop(store);
    let again = Store::open(&path).expect("opens again");
    assert_eq!(again.schema_version().expect("version"), version);
    let conn = raw(&path);
    for table in [
        "articles",
        "paragraphs",
        "sentences",
        "facts",
        "fact_questions",
        "fact_revisions",
        "question_log",
        "feedback",
    ] {
        let n = count(
            &conn,
            &format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            ),
        );
        assert_eq!(n, 1, "table {table}");
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_by_name() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).expect("opens"));
    raw(&path)
        .pragma_update(None, "user_version", 999)
        .expect("bump");
    let err = Store::open(&path).expect_err("must refuse");
    assert!(
        matches!(err, StoreError::UnknownSchema { found: 999, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("summit.db"), "{err}");
}

#[test]
fn an_unopenable_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A directory is not a database file.
    let err = Store::open(dir.path()).expect_err("must fail");
    assert!(
        err.to_string().contains(&dir.path().display().to_string()),
        "{err}"
    );
}

#[test]
fn wal_mode_and_foreign_keys_are_on() {
    let (_dir, path) = temp_db();
    let store = Store::open_seeded(&path).expect("opens");
    let mode: String = raw(&path)
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
    // Feedback on a fact that does not exist breaks a foreign key.
    let err = store
        .record_feedback(FactId(999_999), 1, true)
        .expect_err("FK must hold");
    assert!(err.to_string().contains("recording feedback"), "{err}");
}

#[test]
fn seeding_stores_the_article_its_21_paragraphs_and_its_facts() {
    let (_dir, path) = temp_db();
    let store = Store::open_seeded(&path).expect("opens seeded");
    let (article, facts) = builtin();

    let articles = store.articles().expect("articles");
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, article.meta.title);
    assert_eq!(articles[0].date.as_deref(), Some("2018-09-07"));

    let paragraphs = store.paragraphs(articles[0].id).expect("paragraphs");
    assert_eq!(paragraphs.len(), 21);
    assert_eq!(paragraphs[0].0, 1);
    assert_eq!(paragraphs[15], (16, article.paragraphs[15].text.clone()));

    assert_eq!(store.fact_count().expect("count"), facts.len());
    let stored = store.facts(false).expect("facts");
    assert_eq!(stored.len(), facts.len());
    assert!(
        stored.windows(2).all(|w| w[0].id < w[1].id),
        "facts in id order"
    );
    // Every fact's phrasings came back with it, in order.
    for (new, got) in facts.iter().zip(&stored) {
        assert_eq!(got.key, new.key);
        assert_eq!(got.questions, new.questions, "phrasings of {:?}", new.key);
        assert_eq!(got.quote, new.quote);
        assert_eq!(got.paragraph, new.paragraph);
        assert_eq!(got.version, 1);
        assert!(!got.retired);
    }
    assert!(stored
        .iter()
        .any(|f| f.origin == Origin::Curated && !f.questions.is_empty()));

    let conn = raw(&path);
    let sentences: usize = article.paragraphs.iter().map(|p| p.sentences.len()).sum();
    assert_eq!(
        count(&conn, "SELECT count(*) FROM sentences") as usize,
        sentences
    );
    // One 'create' revision per fact, by the ingest.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM fact_revisions WHERE action = 'create' AND by_name = 'ingest'"
        ) as usize,
        facts.len()
    );

    let first = &stored[0];
    assert_eq!(store.fact(first.id).expect("fact").as_ref(), Some(first));
    assert_eq!(store.fact(FactId(999_999)).expect("fact"), None);
}

#[test]
fn re_ingest_adds_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open_seeded(&path).expect("opens seeded");
    let (article, facts) = builtin();
    let before = count(&raw(&path), "SELECT count(*) FROM fact_revisions");
    let report = store.ingest(&article, &facts).expect("re-ingest");
    assert!(!report.added_article);
    assert_eq!(report.added_facts, 0);
    assert_eq!(report.kept_facts, facts.len());
    assert_eq!(store.articles().expect("articles").len(), 1);
    assert_eq!(store.fact_count().expect("count"), facts.len());
    assert_eq!(
        count(&raw(&path), "SELECT count(*) FROM fact_revisions"),
        before
    );
    // Opening seeded again does not seed twice.
    drop(store);
    let store = Store::open_seeded(&path).expect("reopens");
    assert_eq!(store.fact_count().expect("count"), facts.len());
}

#[test]
fn an_edited_fact_survives_re_ingest() {
    let (_dir, path) = temp_db();
    let mut store = Store::open_seeded(&path).expect("opens seeded");
    let conn = raw(&path);
    let id: i64 = conn
        .query_row("SELECT id FROM facts WHERE key = 's16.1'", [], |row| {
            row.get(0)
        })
        .expect("sentence fact s16.1");
    conn.execute(
        "UPDATE facts SET answer = 'Edited by a moderator.', version = 2 WHERE id = ?1",
        [id],
    )
    .expect("edit");
    conn.execute("DELETE FROM fact_questions WHERE fact_id = ?1", [id])
        .expect("edit phrasings");
    conn.execute(
        "INSERT INTO fact_questions (fact_id, position, question) VALUES (?1, 1, 'a moderator phrasing')",
        [id],
    )
    .expect("edit phrasings");

    let (article, facts) = builtin();
    let report = store.ingest(&article, &facts).expect("re-ingest");
    assert_eq!(report.added_facts, 0);
    let fact = store.fact(FactId(id)).expect("load").expect("still there");
    assert_eq!(fact.answer, "Edited by a moderator.");
    assert_eq!(fact.version, 2);
    assert_eq!(fact.questions, ["a moderator phrasing"]);
}

#[test]
fn questions_and_feedback_are_written() {
    let (_dir, path) = temp_db();
    let store = Store::open_seeded(&path).expect("opens seeded");
    let fact = store.facts(false).expect("facts")[0].id;
    let entry = QuestionLogEntry {
        question: "who hosted the summit?".into(),
        answered: true,
        fact_id: Some(fact),
        confidence: 0.8,
        channel: channel::DISCORD_GUILD,
        guild_id: Some(u64::MAX),
        user_id: None,
    };
    store.log_question(&entry).expect("log");
    let declined = QuestionLogEntry {
        question: "what did merkel say?".into(),
        answered: false,
        fact_id: None,
        confidence: 0.1,
        channel: channel::CLI,
        guild_id: None,
        user_id: Some(42),
    };
    store
        .log_questions(&[declined.clone(), declined])
        .expect("log batch");
    let conn = raw(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM question_log"), 3);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM question_log WHERE answered = 0 AND user_id = 42"
        ),
        2
    );
    // u64 ids round-trip bit for bit.
    let guild: i64 = count(
        &conn,
        "SELECT guild_id FROM question_log WHERE answered = 1",
    );
    assert_eq!(guild as u64, u64::MAX);

    store.record_feedback(fact, 7, true).expect("vote");
    store.record_feedback(fact, 8, true).expect("vote");
    store.record_feedback(fact, 7, false).expect("revote");
    assert_eq!(count(&conn, "SELECT count(*) FROM feedback"), 2);
    assert_eq!(
        count(&conn, "SELECT helpful FROM feedback WHERE user_id = 7"),
        0
    );
}

#[test]
fn the_content_revision_moves_with_facts_and_gaps_not_with_the_question_log() {
    let (_dir, path) = temp_db();
    let store = Store::open_seeded(&path).expect("opens seeded");
    let before = store.content_revision().expect("revision");
    assert_eq!(
        store.content_revision().expect("revision"),
        before,
        "stable without changes"
    );
    // What every question writes, from another connection: no change.
    let other = raw(&path);
    other
        .execute(
            "INSERT INTO question_log (channel, question, answered, confidence)
             VALUES ('cli', 'who hosted it', 1, 0.9)",
            [],
        )
        .expect("log a question");
    assert_eq!(store.content_revision().expect("revision"), before);
    other
        .execute("UPDATE facts SET retired = 1 WHERE key = 's1.1'", [])
        .expect("retire");
    let after_fact = store.content_revision().expect("revision");
    assert!(after_fact > before, "a fact retired elsewhere moves it");
    other
        .execute(
            "UPDATE gaps SET note = 'n' WHERE key = 'summit-outcome'",
            [],
        )
        .expect("edit a gap");
    assert!(store.content_revision().expect("revision") > after_fact);
    // Retired facts are left out unless asked for.
    let all = store.facts(true).expect("all");
    let in_force = store.facts(false).expect("in force");
    assert_eq!(all.len(), in_force.len() + 1);
    assert!(all
        .iter()
        .any(|f| f.retired && f.key.as_deref() == Some("s1.1")));
    assert_eq!(store.fact_count().expect("count"), in_force.len());
}

/// An article of `paragraphs` paragraphs of `per` sentences each.
fn big_article(paragraphs: usize, per: usize) -> Article {
    let mut text = String::new();
    for p in 0..paragraphs {
        for s in 0..per {
            text.push_str(&format!(
                "Delegation {p} met envoy number {s} in Region {} to discuss {} observation posts. ",
                p % 97,
                s * 3
            ));
        }
        text.push_str("\n\n");
    }
    let meta = Meta {
        title: "Generated".into(),
        date: None,
        publisher: None,
    };
    Article::parse(meta, &text).expect("generated article parses")
}

/// What a progress bar over an ingest is told: from 0 to a total that
/// counts every sentence and fact, never going back, ending at the total.
#[test]
fn ingest_tells_progress_up_to_its_total() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("opens");
    let article = big_article(300, 4);
    let facts = extract::sentence_facts(&article);
    let mut told: Vec<(usize, usize)> = Vec::new();
    store
        .ingest_with(&article, &facts, ChangedText::Refuse, &mut |done, total| {
            told.push((done, total))
        })
        .expect("ingest");
    let rows = 2 * 300 * 4;
    assert_eq!(told.first(), Some(&(0, rows)));
    assert_eq!(told.last(), Some(&(rows, rows)));
    assert!(told.windows(2).all(|w| w[0].0 <= w[1].0), "{told:?}");
    // Not once per row: a terminal cannot show that many, and asking costs.
    assert!(told.len() < rows / 100, "{} calls", told.len());
}

#[test]
fn a_hundred_thousand_facts_ingest_and_load_quickly() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("opens");
    let article = big_article(20_000, 5);
    let mut facts = extract::sentence_facts(&article);
    for (i, f) in facts.iter_mut().enumerate().step_by(3) {
        f.questions = vec![format!("question {i}?"), format!("another {i}?")];
    }
    assert_eq!(facts.len(), 100_000);

    let t = Instant::now();
    let report = store.ingest(&article, &facts).expect("ingest");
    let ingest = t.elapsed();
    assert_eq!(report.added_facts, 100_000);

    let t = Instant::now();
    let loaded = store.facts(false).expect("load");
    let load = t.elapsed();
    assert_eq!(loaded.len(), 100_000);
    for (new, got) in facts.iter().zip(&loaded).step_by(997) {
        assert_eq!(got.key, new.key);
        assert_eq!(got.questions, new.questions);
    }
    eprintln!("100,000 facts: ingest {ingest:?}, load {load:?}");
    // Generous bounds for a debug build on a slow machine: a row-by-row
    // load (a query per fact) or one commit per fact is far slower.
    assert!(ingest.as_secs() < 60, "ingest took {ingest:?}");
    assert!(load.as_secs() < 10, "load took {load:?}");
}

#[test]
fn processes_opening_a_new_database_at_once_seed_it_once() {
    let (_dir, path) = temp_db();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open_seeded(&path).map(|s| s.fact_count()))
        })
        .collect();
    let (_, facts) = builtin();
    for t in threads {
        let count = t.join().expect("thread").expect("opens").expect("counts");
        assert_eq!(count, facts.len());
    }
    let conn = raw(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 1);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM fact_revisions") as usize,
        facts.len()
    );
}

#[test]
fn writes_refused_while_running_are_read_only_errors_and_reads_go_on() {
    let (_dir, path) = temp_db();
    let store = Store::open_seeded(&path).expect("open");
    let facts = store.facts(false).expect("facts").len();
    let entry = QuestionLogEntry {
        question: "who hosted the summit?".into(),
        answered: false,
        fact_id: None,
        confidence: 0.0,
        channel: channel::CLI,
        guild_id: None,
        user_id: None,
    };

    store.refuse_writes(true).expect("writes off");
    let error = store.log_question(&entry).expect_err("a write is refused");
    assert!(error.is_read_only(), "{error}");
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
    assert_eq!(store.facts(false).expect("still readable").len(), facts);

    store.refuse_writes(false).expect("writes on");
    store
        .log_question(&entry)
        .expect("a write goes through again");
    assert_eq!(count(&raw(&path), "SELECT COUNT(*) FROM question_log"), 1);
}

/// A database from before gaps were stored (schema version 2, an article
/// in it) upgrades in place: the gaps table is added and seeded once, the
/// facts untouched; a gap retired since is never seeded back.
#[test]
fn a_schema_2_database_upgrades_in_place_and_gets_the_shipped_gaps_once() {
    let (_dir, path) = temp_db();
    let facts_before = {
        let store = Store::open(&path).expect("opens");
        let (article, facts) = builtin();
        let mut store = store;
        store.ingest(&article, &facts).expect("ingest");
        store.facts(true).expect("facts")
    };
    // Back to version 2, as a summit-bot from before gaps left it.
    let conn = raw(&path);
    let triggers: Vec<String> = {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .expect("triggers");
        let names = st.query_map([], |r| r.get(0)).expect("triggers");
        names.collect::<Result<_, _>>().expect("triggers")
    };
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))
            .expect("drop trigger");
    }
    conn.execute_batch(
        "DROP TABLE content_revision; DROP TABLE gap_revisions; DROP TABLE gaps; \
         ALTER TABLE question_log DROP COLUMN taught_fact; PRAGMA user_version = 2;",
    )
    .expect("downgrade");
    drop(conn);

    let store = Store::open_seeded(&path).expect("upgrades");
    assert_eq!(store.schema_version().expect("version"), 5);
    let shipped = extract::gaps(extract::BUILTIN_GAPS).expect("parse");
    let stored = store.gaps(false).expect("gaps");
    assert_eq!(
        stored.iter().map(|g| &g.gap).collect::<Vec<_>>(),
        shipped.iter().collect::<Vec<_>>()
    );
    assert_eq!(store.facts(true).expect("facts"), facts_before);
    assert_eq!(count(&raw(&path), "SELECT count(*) FROM articles"), 1);

    let by = summit_bot::moderation::Moderator {
        id: None,
        name: "dana".into(),
    };
    store
        .retire_gap("summit-outcome", &by, "answered now")
        .expect("retire");
    drop(store);
    let again = Store::open_seeded(&path).expect("opens again");
    assert_eq!(again.gaps(false).expect("gaps").len(), shipped.len() - 1);
    assert_eq!(again.gaps(true).expect("gaps").len(), shipped.len());
}

#[test]
fn processes_opening_a_new_database_at_once_seed_the_gaps_once() {
    let (_dir, path) = temp_db();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open_seeded(&path).map(|s| s.gaps(false)))
        })
        .collect();
    let shipped = extract::gaps(extract::BUILTIN_GAPS).expect("parse");
    for t in threads {
        let gaps = t.join().expect("thread").expect("opens").expect("gaps");
        assert_eq!(gaps.len(), shipped.len());
    }
    let conn = raw(&path);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM gap_revisions") as usize,
        shipped.len()
    );
}

/// Two processes on one database (two `App`s, as the bot and the CLI are):
/// questions logged by one are no reason for the other to rebuild its
/// index; a fact added by one is answered by the other after its next
/// check.
#[test]
fn another_apps_fact_is_picked_up_and_its_question_log_is_not() {
    use summit_bot::app::{App, Asker};
    use summit_bot::config::Config;
    use summit_bot::moderation::{Draft, Moderator, Source};

    let (_dir, path) = temp_db();
    let config = Config::load_from(None, None, std::iter::empty()).expect("built-in config");
    let mut bot = App::open(&config, Some(&path)).expect("bot opens");
    let cli = App::open(&config, Some(&path)).expect("cli opens");
    let question = "what is the capital of the moon colony";
    assert!(!bot.answer(question).answered);

    let reply = cli.answer("who hosted the summit");
    cli.store
        .log_question(&cli.log_entry(&reply, Asker::local("cli")))
        .expect("log");
    assert!(
        !bot.reload_if_changed().expect("check"),
        "a logged question"
    );

    let draft = Draft {
        article: None,
        questions: vec![question.to_string()],
        answer: "Nova Tehran is the moon colony's capital.".to_string(),
        source: Source::Outside {
            note: "https://example.org/moon".to_string(),
            quote: None,
        },
        kind: None,
    };
    let by = Moderator {
        id: None,
        name: "dana".to_string(),
    };
    cli.store.add_fact(&draft, &by, None).expect("added");
    assert!(bot.reload_if_changed().expect("check"), "a fact added");
    let answer = bot.answer(question);
    let text = answer.answer.clone().unwrap_or_default();
    assert!(
        answer.answered && text.contains("Nova Tehran"),
        "{answer:?}"
    );
    assert!(!bot.reload_if_changed().expect("check"), "once only");
}
