//! Right among distractors (issue 5): with 100,000 facts in the store (the
//! shipped article plus seeded distractor stories), dev accuracy may drop
//! by at most [`MAX_DROP`] against the article alone, and an answer counts
//! only when it cites the shipped article's title.
//!
//! Ignored by default: it builds a 100,000-fact SQLite store (about 10 s in
//! release). Run it with
//! `cargo test --release --test distractor_accuracy -- --ignored --nocapture`.
//! The dev questions are read at run time only, never copied here.

use std::path::Path;

use summit_bot::app::App;
use summit_bot::config::Config;
use summit_bot::distractors::{self, DEFAULT_SEED};
use summit_bot::eval::{self, EvalQuestion};
use summit_bot::store::Store;

/// Facts in the large store, the article's included.
const FACTS: usize = 100_000;
/// The most accuracy may fall among the distractors: 2 points.
const MAX_DROP: f64 = 0.02;

fn app(db: &Path) -> App {
    let config = Config::load_from(None, None, std::iter::empty()).expect("built-in config");
    App::open(&config, Some(db)).expect("app opens")
}

/// Right answers: right by the shared rule, and citing only `title`.
fn right(app: &App, questions: &[EvalQuestion], title: &str) -> (usize, Vec<String>) {
    let mut right = 0;
    let mut misses = Vec::new();
    for q in questions {
        let reply = app.answer(&q.question);
        let verdict = eval::judge(q, &reply).and_then(|()| {
            match reply.sources.iter().find(|s| s.title != title) {
                Some(s) => Err(format!("cites another article, {:?}", s.title)),
                None => Ok(()),
            }
        });
        match verdict {
            Ok(()) => right += 1,
            Err(why) => misses.push(format!("{} {:?}: {why}", q.id, q.question)),
        }
    }
    (right, misses)
}

#[test]
#[ignore = "builds a 100,000-fact store; run with --ignored (release recommended)"]
fn dev_accuracy_holds_among_100k_distractor_facts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no dev set at {}", path.display());
        return;
    };
    accuracy_holds_among(&text, FACTS);
}

/// At a size every test run can afford, something stronger: each article
/// is weighed as if it stood alone, so distractors change no reply at all
/// (answered or not, the answer, the cited paragraph) on the held-out set.
#[test]
fn distractors_change_no_reply() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/train-heldout.jsonl");
    let text = std::fs::read_to_string(&path).expect("held-out set is in the repo");
    let questions = eval::parse_questions(&text).expect("question set parses");
    let dir = tempfile::tempdir().expect("temp dir");
    let alone = app(&dir.path().join("article.db"));
    let before: Vec<_> = questions
        .iter()
        .map(|q| reply_key(&alone, &q.question))
        .collect();
    drop(alone);
    let large = dir.path().join("large.db");
    let mut store = Store::open_seeded(&large).expect("store opens");
    for story in distractors::stories(DEFAULT_SEED, 3_000) {
        let (article, facts) = story.facts().expect("story parses");
        store.ingest(&article, &facts).expect("ingest");
    }
    drop(store);
    let crowded = app(&large);
    for (q, want) in questions.iter().zip(&before) {
        assert_eq!(
            &reply_key(&crowded, &q.question),
            want,
            "{}: {:?}",
            q.id,
            q.question
        );
    }
}

/// What a user sees of a reply: answered or not, the answer, the citations.
type Seen = (bool, Option<String>, Vec<(Option<u32>, String)>);

fn reply_key(app: &App, question: &str) -> Seen {
    let r = app.answer(question);
    let cited = r
        .sources
        .iter()
        .map(|s| (s.paragraph, s.title.clone()))
        .collect();
    (r.answered, r.answer, cited)
}

fn accuracy_holds_among(text: &str, facts: usize) {
    let questions = eval::parse_questions(text).expect("question set parses");
    let dir = tempfile::tempdir().expect("temp dir");

    let small = dir.path().join("article.db");
    let alone = app(&small);
    let title = alone.store.articles().expect("articles")[0].title.clone();
    let (base, base_misses) = right(&alone, &questions, &title);
    drop(alone);

    let large = dir.path().join("large.db");
    let mut store = Store::open_seeded(&large).expect("store opens");
    let shipped = store.fact_count().expect("counts");
    for story in distractors::stories(DEFAULT_SEED, facts - shipped) {
        let (article, facts) = story.facts().expect("story parses");
        store.ingest(&article, &facts).expect("ingest");
    }
    assert_eq!(store.fact_count().expect("counts"), facts);
    drop(store);
    let crowded = app(&large);
    let (among, misses) = right(&crowded, &questions, &title);

    let n = questions.len() as f64;
    let (base_acc, acc) = (base as f64 / n, among as f64 / n);
    println!("article alone: {base}/{} = {base_acc:.3}", questions.len());
    println!(
        "among {facts} facts: {among}/{} = {acc:.3}",
        questions.len()
    );
    let new: Vec<&String> = misses
        .iter()
        .filter(|m| {
            !base_misses
                .iter()
                .any(|b| b.split(' ').next() == m.split(' ').next())
        })
        .collect();
    assert!(
        base_acc - acc <= MAX_DROP + 1e-9,
        "accuracy fell {:.1} points among the distractors ({base_acc:.3} → {acc:.3}); new misses: {new:#?}",
        (base_acc - acc) * 100.0
    );
}
