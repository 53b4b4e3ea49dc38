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
use summit_bot::eval::{self, EvalQuestion};
use summit_bot::store::Store;
use summit_distractors::{self as distractors, DEFAULT_SEED};

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
    summit_distractors::ingest(&mut store, DEFAULT_SEED, 3_000).expect("stories stored");
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
    summit_distractors::ingest(&mut store, DEFAULT_SEED, facts - shipped).expect("stories stored");
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

/// Moved here with the stories from the binary's `ingest --distractors`:
/// the facts asked for, exactly, and a second run with the same seed adds
/// nothing.
#[test]
fn ingest_distractors_stores_exactly_the_facts_asked_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_seeded(&dir.path().join("d.db")).expect("store opens");
    let count = |store: &Store| store.facts(true).expect("facts").len();
    let shipped = count(&store);
    let first = summit_distractors::ingest(&mut store, DEFAULT_SEED, 500).expect("stored");
    assert_eq!(first.added, 500);
    assert_eq!(count(&store), shipped + 500);
    // Same seed, same stories: a second run adds nothing.
    let again = summit_distractors::ingest(&mut store, DEFAULT_SEED, 500).expect("stored");
    assert_eq!((again.added, again.kept), (0, 500));
    assert_eq!(count(&store), shipped + 500);
}

// ---- the stories themselves (moved with them from src/distractors.rs) ----

#[test]
fn same_seed_same_stories_other_seed_other_stories() {
    let a = distractors::stories(7, 300);
    assert_eq!(a, distractors::stories(7, 300));
    assert_ne!(a, distractors::stories(8, 300));
}

#[test]
fn stories_hold_exactly_the_facts_asked_for() {
    for facts in [0, 1, 5, 97, 1000] {
        let total: usize = distractors::stories(DEFAULT_SEED, facts)
            .iter()
            .map(|s| s.facts().expect("parses").1.len())
            .sum();
        assert_eq!(total, facts, "asked for {facts}");
    }
}

#[test]
fn every_story_parses_back_into_its_own_sentences_with_unique_titles() {
    let all = distractors::stories(DEFAULT_SEED, 3000);
    let mut titles = std::collections::HashSet::new();
    for s in &all {
        assert!(titles.insert(s.meta.title.clone()), "{}", s.meta.title);
        let (article, facts) = s.facts().expect("parses");
        assert_eq!(facts.len(), s.sentences, "{}\n{}", s.meta.title, s.text);
        for f in &facts {
            assert!(!f.quote.contains('{'), "unfilled slot: {}", f.quote);
            assert!(f.quote.chars().next().is_some_and(char::is_uppercase));
            assert!(f.quote.ends_with('.'), "{}", f.quote);
        }
        assert!(!article.paragraphs.is_empty());
    }
}

#[test]
fn stories_read_like_news_not_noise() {
    let text: String = distractors::stories(1, 200)
        .iter()
        .map(|s| s.text.clone())
        .collect();
    // Names, numbers and places appear; the cast varies.
    assert!(text.chars().any(|c| c.is_ascii_digit()));
    let cities = distractors::CITIES
        .iter()
        .filter(|c| text.contains(**c))
        .count();
    assert!(cities > 10, "only {cities} cities");
    let people = distractors::LAST_NAMES
        .iter()
        .filter(|n| text.contains(**n))
        .count();
    assert!(people > 10, "only {people} surnames");
}
