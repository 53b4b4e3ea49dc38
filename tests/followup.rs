//! Follow-up questions through the real binary (`ask --json --sessions -`):
//! a question that stands on its own is answered exactly as it is alone,
//! whatever was asked before it; labelled blind conversations stay above a
//! floor; sessions never share context.

use std::path::Path;

mod binary;

use binary::{run_with_input, summit, temp};
use serde_json::{json, Value};
use summit_bot::answer::Reply;
use summit_bot::eval;

/// Asks `lines` (session, question) through `ask --json --sessions -` on a
/// fresh database in `dir`: one reply a line, in order.
fn ask_in_sessions(dir: &Path, lines: &[(String, String)]) -> Vec<Reply> {
    let input: String = lines
        .iter()
        .map(|(s, q)| format!("{}\n", json!({"session": s, "question": q})))
        .collect();
    let mut cmd = summit(dir);
    cmd.arg("--db")
        .arg(dir.join("sessions.db"))
        .args(["ask", "--json", "--sessions", "-"]);
    let output = run_with_input(cmd, input.into_bytes());
    assert!(
        output.status.success(),
        "ask --sessions failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let replies: Vec<Reply> = String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a reply per line"))
        .collect();
    assert_eq!(replies.len(), lines.len(), "one reply per line");
    replies
}

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn questions_of(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            v["question"].as_str().expect("a question").to_string()
        })
        .collect()
}

/// A small deterministic generator (xorshift), so the replay is the same
/// on every run and needs no crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The design rule: context never changes a question that stands on its
/// own. The final split's Tehran questions (written to be asked alone) are
/// each asked right after a random question of the train sets, in a
/// session of their own, and must get exactly the reply they get alone.
#[test]
fn standalone_questions_are_answered_the_same_whatever_came_before() {
    let (dir, _db) = temp();
    let path = dir.path();
    let mut earlier = Vec::new();
    for set in [
        "ta", "tb", "tc", "td", "te", "tf", "tg", "th", "ti", "tj", "tk",
    ] {
        earlier.extend(questions_of(&data(&format!("train-{set}.jsonl"))));
    }
    let mut finals = Vec::new();
    for set in ["tl", "tm", "tn", "to"] {
        finals.extend(questions_of(&data(&format!("final-{set}.jsonl"))));
    }
    let refs: Vec<&str> = finals.iter().map(String::as_str).collect();
    let alone = binary::ask_all(path, &refs);
    for seed in [7_u64, 1_234_567] {
        let mut rng = Rng(seed);
        let mut lines = Vec::new();
        for (i, q) in finals.iter().enumerate() {
            let before = earlier[rng.below(earlier.len())].clone();
            lines.push((i.to_string(), before));
            lines.push((i.to_string(), q.clone()));
        }
        let replies = ask_in_sessions(path, &lines);
        let mut changed = Vec::new();
        for (i, q) in finals.iter().enumerate() {
            let (after, alone) = (&replies[2 * i + 1], &alone[i]);
            if (after.answered, after.fact_id, &after.answer, &after.taking)
                != (alone.answered, alone.fact_id, &alone.answer, &None)
            {
                changed.push(format!(
                    "{q:?} after {:?}: {:?} instead of {:?}",
                    lines[2 * i].1,
                    after.answer,
                    alone.answer
                ));
            }
        }
        assert!(changed.is_empty(), "seed {seed}: {changed:#?}");
    }
}

/// Follow-up accuracy on the labelled conversations (`conv-train-*`, six
/// sets of 50–60 written blind by helpers who saw only the article; tuned
/// on). Measured 0.838, precision 0.951 on the 320 (`scripts/conv_quality.py`;
/// `ch` and `ci` were 0.690 / 0.882 when they arrived, before anything was
/// learned from them); 0.682 / 0.865 on the first 220 before the rewrites
/// of stop 20.
const CONV_FLOOR: f64 = 0.73;
const CONV_PRECISION_FLOOR: f64 = 0.88;

/// The final conversation split (`conv-final-cc`, `-cf`, `-cg`: 160
/// follow-ups from three more helpers who saw only the article; run once
/// per change, never tuned on): 0.669, precision 0.806 (cc alone 0.683 /
/// 0.780, was 0.617 / 0.737); the same follow-ups asked without their turns
/// 0.569 / 0.773. Since stop 37: 0.869, precision 0.957 (5 wrong of 116
/// answers), so the floors are issue 13's own bars, 0.85 / 0.95.
const FINAL_CONV_FLOOR: f64 = 0.85;
const FINAL_CONV_PRECISION_FLOOR: f64 = 0.95;

#[test]
fn a_follow_up_is_logged_as_it_was_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines = [("a", "who is staffan de mistura"), ("a", "how old is he?")]
        .map(|(s, q)| (s.to_string(), q.to_string()));
    let replies = ask_in_sessions(dir.path(), &lines);
    let read = &replies[1]
        .taking
        .as_ref()
        .expect("read as a follow-up")
        .read_as;
    assert!(read.contains("mistura"), "{read}");
    let db = rusqlite::Connection::open(dir.path().join("sessions.db")).expect("open");
    let logged: Vec<String> = db
        .prepare("SELECT question FROM question_log ORDER BY id")
        .expect("query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(logged, ["who is staffan de mistura", read.as_str()]);
}

#[test]
fn follow_ups_on_labelled_conversations_stay_above_their_floors() {
    let report = conversations(&[
        "conv-train-ca",
        "conv-train-cb",
        "conv-train-cd",
        "conv-train-ce",
        "conv-train-ch",
        "conv-train-ci",
    ]);
    assert_floors(&report, CONV_FLOOR, CONV_PRECISION_FLOOR);
}

#[test]
fn follow_ups_on_the_final_conversations_stay_above_their_floors() {
    let report = conversations(&["conv-final-cc", "conv-final-cf", "conv-final-cg"]);
    assert_floors(&report, FINAL_CONV_FLOOR, FINAL_CONV_PRECISION_FLOOR);
}

fn assert_floors(report: &eval::Report, accuracy: f64, precision: f64) {
    assert!(
        report.accuracy() >= accuracy,
        "accuracy {:.3} is below {accuracy}:\n{report}",
        report.accuracy()
    );
    assert!(
        report.precision() >= precision,
        "precision {:.3} is below {precision}:\n{report}",
        report.precision()
    );
}

/// Each conversation of `sets` (files in tests/data) in its own session of
/// `ask --json --sessions -`: its turns, then its follow-up, graded.
fn conversations(sets: &[&str]) -> eval::Report {
    let (dir, _db) = temp();
    let path = dir.path();
    let mut questions = Vec::new();
    let mut lines = Vec::new();
    let mut graded = Vec::new();
    for set in sets {
        for (i, l) in data(&format!("{set}.jsonl"))
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
        {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            let session = format!("{set}{i}");
            for turn in v["turns"].as_array().into_iter().flatten() {
                lines.push((session.clone(), turn.as_str().unwrap_or("").to_string()));
            }
            graded.push(lines.len());
            lines.push((session, v["question"].as_str().unwrap_or("").to_string()));
            questions.push(l.to_string());
        }
    }
    let questions =
        eval::parse_questions(&questions.join("\n")).expect("the conversations parse as a set");
    let replies = ask_in_sessions(path, &lines);
    let followed: Vec<Reply> = graded.iter().map(|&i| replies[i].clone()).collect();
    eval::grade(&questions, &followed).expect("grades")
}

#[test]
fn sessions_keep_their_own_context_and_bad_lines_get_an_error() {
    let (dir, _db) = temp();
    let path = dir.path();
    let line = |s: &str, q: &str| (s.to_string(), q.to_string());
    let replies = ask_in_sessions(
        path,
        &[
            line("a", "who is staffan de mistura"),
            line("b", "what did he say?"),
            line("a", "what did he say?"),
            line("a", "and trump?"),
        ],
    );
    assert!(replies[0].answered);
    // Session b never heard of de Mistura.
    assert!(replies[1].taking.is_none(), "{:?}", replies[1]);
    let taking = replies[2].taking.as_ref().expect("read as a follow-up");
    assert_eq!(taking.sentence(), "Taking *he* as Staffan de Mistura");
    assert!(replies[2].sources.iter().any(|s| s.paragraph == Some(13)));
    // A follow-up of a follow-up leans on what the last one was taken to mean.
    let trump = &replies[3];
    assert!(trump.answered, "{trump:?}");
    assert!(
        trump.answer.as_deref().unwrap_or("").contains("Trump"),
        "{trump:?}"
    );

    let mut cmd = summit(path);
    cmd.arg("--db")
        .arg(path.join("sessions.db"))
        .args(["ask", "--json", "--sessions", "-"]);
    let output = run_with_input(cmd, b"who is rowhani\n{\"session\": [1]}\n".to_vec());
    assert!(output.status.success());
    let out = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["answered"], json!(false));
        assert!(l["error"].as_str().is_some_and(|e| e.contains("session")));
    }
}
