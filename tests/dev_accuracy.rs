//! A floor under answer quality: the real binary's `ask --json -` over the
//! shared dev questions, graded by the shared rule (`summit_bot::eval`),
//! must stay at or above [`FLOOR`]. The questions are read at run time
//! only; none of them is copied into code or data.

use std::path::Path;

mod binary;

use summit_bot::answer::Reply;
use summit_bot::eval;

/// Not the target (0.95): the line below which a change has clearly broken
/// answering (the shipped model measures 0.971).
const FLOOR: f64 = 0.92;
/// Of the answers given, the share right (measured 1.000).
const PRECISION_FLOOR: f64 = 0.96;

#[test]
fn dev_accuracy_stays_above_the_floor() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no dev set at {}", path.display());
        return;
    };
    let report = grade_through_the_binary(&text, FLOOR);
    assert!(
        report.precision() >= PRECISION_FLOOR,
        "precision {:.3} is below the floor {PRECISION_FLOOR}:\n{report}",
        report.precision()
    );
}

/// Written apart from the dev set and from the curated facts; now part of
/// the decision model's train split, so it guards against a model that no
/// longer fits what it was fitted on (its questions are also learned
/// phrasings now; measured 0.975).
#[test]
fn held_out_accuracy_stays_above_its_floor() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/train-heldout.jsonl");
    let text = std::fs::read_to_string(&path).expect("held-out set is in the repo");
    grade_through_the_binary(&text, HELD_OUT_FLOOR);
}

const HELD_OUT_FLOOR: f64 = 0.90;

/// The *final* split (`tests/data/final-*.jsonl`): questions written blind
/// by people who saw only the article, never tuned on. Floors above the
/// ones issue 9 asks for (0.85 and 0.92), under what the shipped model
/// measures (0.949 and 0.980 over 390 questions; the README), so a change
/// that makes answering worse on unseen questions fails here.
#[test]
fn final_split_accuracy_and_precision_stay_above_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut text = String::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data is in the repo")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("final-") && n.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no final split in {}", dir.display());
    for f in files {
        text.push_str(&std::fs::read_to_string(&f).expect("final split reads"));
        text.push('\n');
    }
    let report = grade_through_the_binary(&text, FINAL_FLOOR);
    assert!(
        report.precision() >= FINAL_PRECISION,
        "precision {:.3} is below the floor {FINAL_PRECISION}:\n{report}",
        report.precision()
    );
}

const FINAL_FLOOR: f64 = 0.90;
const FINAL_PRECISION: f64 = 0.95;

fn grade_through_the_binary(text: &str, floor: f64) -> eval::Report {
    let questions = eval::parse_questions(text).expect("dev set parses");
    let mut input = String::new();
    for q in &questions {
        input.push_str(&q.question);
        input.push('\n');
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = binary::summit(dir.path());
    cmd.arg("--db")
        .arg(dir.path().join("dev.db"))
        .args(["ask", "--json", "-"]);
    let output = binary::run_with_input(cmd, input.into_bytes());
    assert!(output.status.success());

    let replies: Vec<Reply> = String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a reply per line"))
        .collect();
    let report = eval::grade(&questions, &replies).expect("answers line up with questions");
    println!("{report}");
    assert!(
        report.accuracy() >= floor,
        "accuracy {:.3} is below the floor {floor}:\n{report}",
        report.accuracy()
    );
    report
}

/// With a second article stored, a question about it is never answered
/// from the shipped article's facts: over the shared SQuAD-style article's
/// questions (read at run time), every answer given cites that article.
#[test]
fn questions_about_another_article_are_never_answered_from_the_shipped_one() {
    let squad = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/squad");
    let (Ok(text), Ok(_)) = (
        std::fs::read_to_string(squad.join("Normans.jsonl")),
        std::fs::metadata(squad.join("Normans.txt")),
    ) else {
        eprintln!("skipped: no squad article at {}", squad.display());
        return;
    };
    let questions = eval::parse_questions(&text).expect("squad set parses");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("two.db");
    let article = squad.join("Normans.txt");
    binary::run_ok(
        dir.path(),
        &db,
        &[
            "ingest",
            article.to_str().expect("path"),
            "--title",
            "Normans",
        ],
    );
    let input: String = questions
        .iter()
        .map(|q| format!("{}\n", q.question))
        .collect();
    let mut cmd = binary::summit(dir.path());
    cmd.arg("--db").arg(&db).args(["ask", "--json", "-"]);
    let output = binary::run_with_input(cmd, input.into_bytes());
    assert!(output.status.success());
    for line in String::from_utf8(output.stdout).expect("UTF-8").lines() {
        let reply: Reply = serde_json::from_str(line).expect("a reply per line");
        if reply.answered {
            assert!(
                reply.sources.iter().all(|s| s.title == "Normans"),
                "{:?} answered from another article: {:?}",
                reply.question,
                reply.answer
            );
        }
    }
}
