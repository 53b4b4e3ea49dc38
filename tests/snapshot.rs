//! The engine saved beside the database (`summit.db.index`): a process that
//! finds it, of the store as it is now, answers from it exactly as from a
//! fresh build; a damaged, stale or unwritable one is rebuilt (or skipped)
//! with a log line saying why, and the answers stay right. Real SQLite
//! files in temp dirs, the library's `App` (as every edge opens it), the
//! real binary for what the log says at the default level.

#[path = "binary/mod.rs"]
mod binary;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};
use summit_bot::app::App;
use summit_bot::config::Config;
use summit_bot::eval;
use summit_bot::fact::FactId;
use summit_bot::moderation::{Changes, Draft, Moderator, Source};
use summit_bot::snapshot;
use summit_bot::store::Store;
use tempfile::TempDir;

/// What the saved engine's loading and building say (`src/app.rs`).
const LOADED: &str = "loaded the saved index";
const BUILDING: &str = "building the index";
const COULD_NOT_SAVE: &str = "could not save the index";
/// What putting changed facts in an engine says (`src/app.rs`).
const PUT_IN: &str = "put the changed facts in the engine";

fn config() -> Config {
    Config::load_from(None, None, std::iter::empty()).expect("the built-in config")
}

fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("summit.db");
    (dir, db)
}

/// A temp database holding the shipped article and distractor stories of
/// `facts` facts.
fn with_distractors(facts: usize) -> (TempDir, PathBuf) {
    let (dir, db) = temp_db();
    let mut store = Store::open_seeded(&db).expect("store");
    summit_distractors::ingest(&mut store, summit_distractors::DEFAULT_SEED, facts)
        .expect("distractor stories stored");
    (dir, db)
}

/// The log lines `f` writes, at debug level and above, as text.
fn logged<T>(f: impl FnOnce() -> T) -> (T, String) {
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);
    impl Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("log buffer").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .finish();
    let out = tracing::subscriber::with_default(subscriber, f);
    let text = String::from_utf8_lossy(&buffer.0.lock().expect("log buffer")).into_owned();
    (out, text)
}

/// Opens the app on `db`, with what it logged.
fn open(db: &Path) -> (App, String) {
    let (app, logs) = logged(|| App::open(&config(), Some(db)));
    (app.expect("the app opens"), logs)
}

/// An app that built its engine from the store: the snapshot set aside
/// while it opens, and put back after, so what is on disk is unchanged.
fn fresh(db: &Path) -> App {
    let saved = snapshot::path_for(db);
    let aside = db.with_extension("aside");
    let had = std::fs::rename(&saved, &aside).is_ok();
    let (app, logs) = open(db);
    assert!(!logs.contains(LOADED), "built, not loaded: {logs}");
    std::fs::remove_file(&saved).expect("the fresh build saved its own");
    if had {
        std::fs::rename(&aside, &saved).expect("put back");
    }
    app
}

/// Questions people asked (train sets in the repo), `n` of them.
fn questions(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for set in ["train-ta", "train-heldout", "train-tb"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/{set}.jsonl"));
        let text = std::fs::read_to_string(&path).expect("the train set is in the repo");
        let qs = eval::parse_questions(&text).expect("the train set parses");
        out.extend(qs.into_iter().map(|q| q.question));
    }
    out.truncate(n);
    out
}

/// Every reply (as its JSON, `why` included) and some autocompletions of
/// `app`, so two apps can be compared whole.
fn replies(app: &App, questions: &[String]) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = questions
        .iter()
        .map(|q| serde_json::to_value(app.answer(q)).expect("a reply serialises"))
        .collect();
    for partial in ["tur", "who", "erdo", "what did", "refug"] {
        let suggested: Vec<(i64, String)> = app
            .engine
            .suggest(partial, 5)
            .into_iter()
            .map(|s| (s.fact_id.0, s.question))
            .collect();
        out.push(serde_json::json!(suggested));
    }
    out
}

/// `loaded` answers every question exactly as `built` does.
fn assert_same(loaded: &App, built: &App, questions: &[String]) {
    let (a, b) = (replies(loaded, questions), replies(built, questions));
    assert_eq!(a.len(), b.len());
    for (i, (a, b)) in a.iter().zip(&b).enumerate() {
        assert_eq!(a, b, "reply {i} differs");
    }
}

fn moderator() -> Moderator {
    Moderator {
        id: None,
        name: "dana".to_string(),
    }
}

/// A fact from outside the article, asked as `question`.
fn outside(question: &str, answer: &str) -> Draft {
    Draft {
        article: None,
        questions: vec![question.to_string()],
        answer: answer.to_string(),
        source: Source::Outside {
            note: "https://example.org/note".to_string(),
            quote: None,
        },
        kind: None,
    }
}

#[test]
fn a_saved_engine_answers_exactly_as_a_fresh_build_of_many_articles() {
    let (_dir, db) = with_distractors(3_000);

    let (first, logs) = open(&db);
    assert!(
        logs.contains(BUILDING) && logs.contains("there is no saved index yet"),
        "{logs}"
    );
    assert!(
        snapshot::path_for(&db).is_file(),
        "saved beside the database"
    );
    let (loaded, logs) = open(&db);
    assert!(
        logs.contains(LOADED) && !logs.contains(BUILDING),
        "the second start loads: {logs}"
    );
    assert!(loaded.engine.fact_count() > 3_000);
    let qs = questions(400);
    assert_same(&loaded, &first, &qs);
    assert_same(&loaded, &fresh(&db), &qs);
}

#[test]
fn a_damaged_snapshot_is_rebuilt_said_so_and_saved_again() {
    let (_dir, db) = temp_db();
    drop(open(&db));
    let path = snapshot::path_for(&db);
    let good = std::fs::read(&path).expect("saved");
    let flipped = {
        let mut b = good.clone();
        let at = b.len() - 100;
        b[at] ^= 0x5a;
        b
    };
    let other_format = {
        let mut b = good.clone();
        b[8..12].copy_from_slice(&(snapshot::FORMAT + 1).to_le_bytes());
        b
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("garbage", b"not an index at all".repeat(100), "not one"),
        ("empty", Vec::new(), "not one"),
        ("truncated", good[..good.len() / 2].to_vec(), "truncated"),
        ("cut in the header", good[..10].to_vec(), "truncated"),
        ("a flipped byte", flipped, "checksum"),
        ("longer", [good.clone(), vec![0; 7]].concat(), "corrupt"),
        ("another format", other_format, "format"),
    ];
    let qs = questions(60);
    let built = fresh(&db);
    for (name, bytes, why) in cases {
        std::fs::write(&path, &bytes).expect("damaged");
        let (app, logs) = open(&db);
        assert!(
            logs.contains(BUILDING) && logs.contains(why) && !logs.contains(LOADED),
            "{name}: {logs}"
        );
        assert_same(&app, &built, &qs);
        let (again, logs) = open(&db);
        assert!(logs.contains(LOADED), "{name}: saved anew: {logs}");
        assert_same(&again, &built, &qs);
    }
}

/// The saved index is mapped, and read a doc or fact at a time as questions
/// reach them: bytes changed in place under a running process (against the
/// README's word) are found as they are read, and that process never saves
/// them again under a good checksum; the next start refuses the file.
#[test]
fn bytes_changed_under_a_running_process_are_never_saved_again() {
    let (_dir, db) = temp_db();
    drop(open(&db));
    let qs = questions(80);
    let built = fresh(&db);
    let (app, logs) = open(&db);
    assert!(logs.contains(LOADED), "{logs}");
    assert!(!app.engine.damaged());
    let path = snapshot::path_for(&db);
    let len = std::fs::metadata(&path).expect("saved").len();
    {
        use std::io::{Seek, SeekFrom};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("opened");
        file.seek(SeekFrom::Start(len / 3)).expect("seek");
        file.write_all(&vec![0; (len / 3) as usize])
            .expect("zeroed in place");
    }
    let (_, logs) = logged(|| replies(&app, &qs));
    assert!(logs.contains("does not decode"), "{logs}");
    assert_eq!(
        logs.matches("does not decode").count(),
        1,
        "said once: {logs}"
    );
    assert!(app.engine.damaged());
    let stamp = snapshot::Stamp::now(
        app.store.schema_version().expect("schema"),
        app.store.content_stamp().expect("stamp"),
    );
    assert!(snapshot::write(&path, &stamp, &app.engine).is_err());
    drop(app);
    let (again, logs) = open(&db);
    assert!(
        logs.contains(BUILDING) && logs.contains("checksum"),
        "{logs}"
    );
    assert_same(&again, &built, &qs);
}

#[test]
fn a_snapshot_of_older_facts_is_read_brought_up_to_date_and_answers_the_new_fact() {
    let (_dir, db) = temp_db();
    let question = "what is the capital of the moon colony";
    let (before, _) = open(&db);
    assert!(!before.answer(question).answered);
    before
        .store
        .add_fact(
            &outside(question, "Nova Tehran is the moon colony's capital."),
            &moderator(),
            None,
        )
        .expect("added");
    // Another process, starting now, finds the snapshot of the facts
    // before, reads it and puts the one changed fact in: no build.
    let (app, logs) = open(&db);
    assert!(
        logs.contains(LOADED) && logs.contains("changed=1") && !logs.contains(BUILDING),
        "{logs}"
    );
    let reply = app.answer(question);
    assert!(
        reply.answered
            && reply
                .answer
                .as_deref()
                .unwrap_or("")
                .contains("Nova Tehran"),
        "{reply:?}"
    );
    assert_same(&app, &fresh(&db), &questions(60));
}

#[test]
fn another_process_puts_the_changed_fact_in_on_reload_and_the_question_log_moves_nothing() {
    let (_dir, db) = temp_db();
    let (mut writer, _) = open(&db);
    let (mut reader, _) = open(&db);
    let question = "what is the capital of the moon colony";
    reader.ask(question, "cli");
    let (changed, logs) = logged(|| reader.reload_if_changed().expect("check"));
    assert!(!changed && logs.is_empty(), "a logged question: {logs}");

    writer
        .store
        .add_fact(
            &outside(question, "Nova Tehran is the moon colony's capital."),
            &moderator(),
            None,
        )
        .expect("added");
    // The moderator's own process puts the new fact in its engine...
    let (_, logs) = logged(|| writer.reload().expect("reload"));
    assert!(logs.contains(PUT_IN) && !logs.contains(BUILDING), "{logs}");
    // ...and so does the other, from the store's fact revisions.
    let (changed, logs) = logged(|| reader.reload_if_changed().expect("check"));
    assert!(changed, "a fact added");
    assert!(
        logs.contains(PUT_IN) && !logs.contains(BUILDING) && !logs.contains(LOADED),
        "put in, not rebuilt or read again: {logs}"
    );
    assert!(reader.answer(question).answered);
    assert_same(&reader, &writer, &questions(60));
    assert_same(&reader, &fresh(&db), &questions(60));
}

#[test]
fn an_unwritable_snapshot_is_said_once_and_answers_stay_right() {
    let (_dir, db) = temp_db();
    // A folder where the file would go: it can be neither read nor
    // replaced, as in a read-only folder (which root, running tests in a
    // container, could write anyway).
    std::fs::create_dir(snapshot::path_for(&db)).expect("a folder in the way");
    std::fs::write(snapshot::path_for(&db).join("keep"), "x").expect("not empty");
    let (mut app, logs) = open(&db);
    assert!(
        logs.contains("could not be read") && logs.contains(COULD_NOT_SAVE),
        "{logs}"
    );
    assert_eq!(logs.matches(COULD_NOT_SAVE).count(), 1, "{logs}");
    let question = "what is the capital of the moon colony";
    app.store
        .add_fact(
            &outside(question, "Nova Tehran is the moon colony's capital."),
            &moderator(),
            None,
        )
        .expect("added");
    let (_, logs) = logged(|| app.reload().expect("reload"));
    assert!(!logs.contains(COULD_NOT_SAVE), "said once only: {logs}");
    assert!(app.answer(question).answered);
    assert!(app.answer("how many refugees does turkey host").answered);
}

#[test]
fn the_binary_says_why_it_builds_the_index_and_answers_alike() {
    let (dir, db) = temp_db();
    let ask = |args: &[&str]| {
        let out = binary::run_on(dir.path(), &db, args);
        assert!(out.status.success(), "{}", binary::stderr(&out));
        (binary::stdout(&out), binary::stderr(&out))
    };
    let question = ["ask", "how many refugees does turkey host"];
    let (first, err) = ask(&question);
    assert!(
        err.contains(BUILDING) && err.contains("no saved index"),
        "{err}"
    );
    let (second, err) = ask(&question);
    assert!(!err.contains(BUILDING), "loaded silently: {err}");
    assert_eq!(first, second);
    std::fs::write(snapshot::path_for(&db), b"garbage").expect("damaged");
    let (third, err) = ask(&question);
    assert!(
        err.contains("WARN") && err.contains("building the index anew"),
        "{err}"
    );
    assert_eq!(first, third);
}

/// A moderator's change, over ids and texts picked from small sets so that
/// steps meet the same facts and phrasings again.
#[derive(Debug, Clone)]
enum Step {
    Add(usize, usize),
    Edit(usize, usize),
    Alias(usize, usize),
    Retire(usize),
    Restore(usize),
}

const PHRASINGS: &[&str] = &[
    "what is the capital of the moon colony",
    "who guards the observation posts",
    "how many refugees does turkey host",
    "where is the summit being held",
    "what did erdogan say",
    "when is the ceasefire",
];
const ANSWERS: &[&str] = &[
    "Nova Tehran is the moon colony's capital.",
    "Turkish soldiers guard the observation posts.",
    "Turkey hosts 3.5 million Syrian refugees.",
    "The summit is in Tehran.",
];

fn step() -> impl Strategy<Value = Step> {
    let p = 0..PHRASINGS.len();
    let a = 0..ANSWERS.len();
    prop_oneof![
        (p.clone(), a.clone()).prop_map(|(p, a)| Step::Add(p, a)),
        (any::<usize>(), a).prop_map(|(f, a)| Step::Edit(f, a)),
        (any::<usize>(), p).prop_map(|(f, p)| Step::Alias(f, p)),
        any::<usize>().prop_map(Step::Retire),
        any::<usize>().prop_map(Step::Restore),
    ]
}

/// Carries out `step` on `store`. A change the store refuses (a phrasing
/// already taken, a fact already retired) leaves it as it was: that is
/// part of what is tested too.
fn apply(store: &Store, step: &Step) {
    let by = moderator();
    let facts = store.facts(true).expect("facts");
    let pick = |i: usize| -> (FactId, i64) {
        let f = &facts[i % facts.len()];
        (f.id, f.version)
    };
    let _ = match *step {
        Step::Add(p, a) => store
            .add_fact(&outside(PHRASINGS[p], ANSWERS[a]), &by, None)
            .map(|_| ()),
        Step::Edit(f, a) => {
            let (id, version) = pick(f);
            let changes = Changes {
                answer: Some(ANSWERS[a].to_string()),
                ..Changes::default()
            };
            store
                .edit_fact(id, version, &changes, &by, None)
                .map(|_| ())
        }
        Step::Alias(f, p) => store
            .alias_fact(pick(f).0, PHRASINGS[p], &by, None)
            .map(|_| ()),
        Step::Retire(f) => store.retire_fact(pick(f).0, &by, "test").map(|_| ()),
        Step::Restore(f) => store.restore_fact(pick(f).0, None, &by, None).map(|_| ()),
    };
}

#[test]
fn after_any_moderators_edits_engines_changed_in_place_answer_as_a_fresh_build() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6);
    let mut qs = questions(20);
    qs.extend(PHRASINGS.iter().map(|p| p.to_string()));
    let mut runner = TestRunner::new(RunnerConfig::with_cases(cases));
    runner
        .run(&prop::collection::vec(step(), 1..8), |steps| {
            let (_dir, db) = temp_db();
            // The moderator's process puts each change in its engine; the
            // other finds it through the store's fact revisions and does
            // the same. Neither builds; both answer as a fresh build.
            let (mut writer, _) = open(&db);
            let (mut reader, _) = open(&db);
            for step in &steps {
                apply(&writer.store, step);
                let (_, logs) = logged(|| writer.reload().expect("updates"));
                prop_assert!(!logs.contains(BUILDING), "{:?}: {}", step, logs);
                let (_, logs) = logged(|| reader.reload_if_changed().expect("updates"));
                prop_assert!(!logs.contains(BUILDING), "{:?}: {}", step, logs);
                let built = fresh(&db);
                prop_assert_eq!(
                    replies(&writer, &qs),
                    replies(&built, &qs),
                    "the writer after {:?}",
                    step
                );
                prop_assert_eq!(
                    replies(&reader, &qs),
                    replies(&built, &qs),
                    "the reader after {:?}",
                    step
                );
            }
            // A process starting now reads the saved engine and puts in
            // every change since: the same answers again.
            let (started, logs) = open(&db);
            prop_assert!(!logs.contains(BUILDING), "{}", logs);
            prop_assert_eq!(replies(&started, &qs), replies(&fresh(&db), &qs));
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_fact_retired_before_the_engine_was_built_and_restored_is_built_in() {
    let (_dir, db) = temp_db();
    let store = Store::open_seeded(&db).expect("store");
    let fact = store.facts(false).expect("facts")[5].clone();
    store
        .retire_fact(fact.id, &moderator(), "test")
        .expect("retired");
    drop(store);
    let (mut app, _) = open(&db);
    app.store
        .restore_fact(fact.id, None, &moderator(), None)
        .expect("restored");
    // Its doc would go between two others: the engine is built anew.
    let (_, logs) = logged(|| app.reload().expect("reload"));
    assert!(
        logs.contains("would go between") && logs.contains(BUILDING),
        "{logs}"
    );
    assert!(app.engine.fact(fact.id).is_some());
    assert_same(&app, &fresh(&db), &questions(60));
}

#[test]
fn edits_across_articles_changed_in_place_answer_as_a_fresh_build() {
    let (_dir, db) = with_distractors(600);
    let (mut app, _) = open(&db);
    let by = moderator();
    let facts = app.store.facts(false).expect("facts");
    let shipped = facts
        .iter()
        .find(|f| !f.questions.is_empty())
        .expect("curated");
    let other: Vec<_> = facts
        .iter()
        .filter(|f| f.article != shipped.article)
        .collect();
    let (a, b) = (other[0], other[other.len() - 1]);
    assert_ne!(a.article, b.article, "two distractor articles");
    let qs = questions(120);
    let check = |app: &App, what: &str| {
        let (x, y) = (replies(app, &qs), replies(&fresh(&db), &qs));
        for (i, (x, y)) in x.iter().zip(&y).enumerate() {
            assert_eq!(x, y, "after {what}: reply {i} differs");
        }
    };
    // A distractor fact reworded with the shipped article's words.
    let edit = Changes {
        answer: Some("Turkey hosts 3.5 million Syrian refugees in Idlib.".to_string()),
        ..Changes::default()
    };
    app.store
        .edit_fact(a.id, a.version, &edit, &by, None)
        .expect("edited");
    let (_, logs) = logged(|| app.reload().expect("reload"));
    assert!(logs.contains(PUT_IN) && !logs.contains(BUILDING), "{logs}");
    check(&app, "a distractor fact's edit");
    // A fact moved to another article (citing a note, as a fact moved
    // without a paragraph of its new article must): both articles'
    // weights change.
    let moved = Changes {
        article: Some(b.article),
        note: Some("https://example.org/moved".to_string()),
        ..Changes::default()
    };
    let now = app.store.fact(a.id).expect("reads").expect("there");
    app.store
        .edit_fact(a.id, now.version, &moved, &by, None)
        .expect("moved");
    let (_, logs) = logged(|| app.reload().expect("reload"));
    assert!(logs.contains(PUT_IN) && !logs.contains(BUILDING), "{logs}");
    check(&app, "a fact moved between articles");
    // Every fact of one article retired, one restored; a curated fact
    // retired.
    for f in facts.iter().filter(|f| f.article == b.article) {
        let _ = app.store.retire_fact(f.id, &by, "test");
    }
    app.store
        .retire_fact(shipped.id, &by, "test")
        .expect("retired");
    app.reload().expect("reload");
    check(&app, "an article's facts retired");
    app.store
        .restore_fact(b.id, None, &by, None)
        .expect("restored");
    app.store
        .restore_fact(shipped.id, None, &by, None)
        .expect("restored");
    let (_, logs) = logged(|| app.reload().expect("reload"));
    assert!(logs.contains(PUT_IN) && !logs.contains(BUILDING), "{logs}");
    check(&app, "facts restored");
}

#[test]
fn an_edited_fact_knows_words_later_facts_brought_as_a_build_does() {
    // A fact's doc remade by an edit sees every term the store has; a build
    // once gave a fact only the terms of the facts before it, so the two
    // disagreed on whether an answer's name was the question's own.
    let (_dir, db) = temp_db();
    let (mut app, _) = open(&db);
    let first = app.store.fact(FactId(1)).expect("reads").expect("there");
    let edit = Changes {
        answer: Some("The talks were started by the men in Charge of Tehran.".to_string()),
        ..Changes::default()
    };
    app.store
        .edit_fact(first.id, first.version, &edit, &moderator(), None)
        .expect("edited");
    app.reload().expect("reload");
    let mut qs = questions(60);
    qs.push("which men of charge started the talks in tehran".to_string());
    assert_same(&app, &fresh(&db), &qs);
}
