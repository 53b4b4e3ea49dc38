//! Answers the question set in a loop, for a profiler: `perf record`
//! this example (release) and read where each question's time goes.
//! Usage: profile_answer DB SECONDS [ROUNDS] (questions from
//! ../shared/eval/dev.jsonl, else tests/data/train-heldout.jsonl). With
//! ROUNDS, exactly that many passes over the questions, however long they
//! take: the same work every run, for an instruction count (callgrind) that
//! a busy machine's noise does not move.

use std::path::Path;
use std::time::{Duration, Instant};

use summit_bot::app::App;
use summit_bot::config::Config;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let db = args.next().unwrap_or_else(|| "/tmp/profile.db".to_string());
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let rounds: Option<usize> = args.next().and_then(|s| s.parse().ok());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("../shared/eval/dev.jsonl"))
        .or_else(|_| std::fs::read_to_string(root.join("tests/data/train-heldout.jsonl")))?;
    let questions = summit_bot::eval::parse_questions(&text)?;
    let config = Config::load_from(None, None, std::iter::empty())?;
    let app = App::open(&config, Some(Path::new(&db)))?;
    let started = Instant::now();
    let mut asked = 0usize;
    let mut round = 0;
    while match rounds {
        Some(n) => round < n,
        None => started.elapsed() < Duration::from_secs(seconds),
    } {
        round += 1;
        for q in &questions {
            std::hint::black_box(app.answer(&q.question));
            asked += 1;
        }
    }
    println!(
        "{asked} answers, {:.1} µs each",
        started.elapsed().as_secs_f64() * 1e6 / asked as f64
    );
    Ok(())
}
