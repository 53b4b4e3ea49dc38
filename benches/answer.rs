//! Speed and scale, measured (issue 5): answering in process on the
//! article's store and on stores of 1,000 / 10,000 / 100,000 facts (the
//! article plus seeded distractor stories), ingest time, resident memory at
//! 100,000 facts, cold start of the real binary, `ask --json -` throughput,
//! and dev accuracy among the distractors.
//!
//! `cargo bench --bench answer` runs it all: criterion times the mean answer,
//! and this harness prints p50/p99 over the dev questions and the one-shot
//! figures as `REPORT` lines. Under `cargo test --all-targets` criterion runs
//! each benchmark once and only the article-scale one exists: the large
//! stores are built only under `cargo bench` (or SUMMIT_BENCH_FULL=1).
//!
//! Questions come from `../shared/eval/dev.jsonl` at run time (never copied
//! here; SUMMIT_BENCH_QUESTIONS may name another path), else from
//! `tests/data/train-heldout.jsonl`. SUMMIT_BENCH_SIZES (e.g.
//! `1000,10000`) limits the store sizes for a quick run.

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::Criterion;

use summit_bot::app::App;
use summit_bot::config::Config;
use summit_bot::eval::{self, EvalQuestion};
use summit_bot::moderation::{Changes, Moderator};
use summit_bot::store::Store;
use summit_distractors::DEFAULT_SEED;

/// Store sizes (facts in all, the article's included).
const SIZES: &[usize] = &[1_000, 10_000, 100_000];
/// The size whose memory and accuracy the targets name.
const LARGE: usize = 100_000;
/// How long the percentile harness keeps asking, per store.
const LATENCY_BUDGET: Duration = Duration::from_secs(2);
/// Lines fed to `ask --json -` for the throughput figure.
const STREAM_LINES: usize = 20_000;
/// Cold starts timed (the median is reported).
const COLD_RUNS: usize = 11;
/// Moderator edits timed, each through one process and seen by another.
const EDITS: usize = 21;

/// Whether this is `cargo bench` (criterion gets `--bench`) rather than
/// `cargo test --benches`, which must stay fast.
fn full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
        || std::env::var("SUMMIT_BENCH_FULL").is_ok_and(|v| v == "1")
}

fn sizes() -> Vec<usize> {
    match std::env::var("SUMMIT_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        Err(_) => SIZES.to_vec(),
    }
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The dev questions, or the held-out ones when the dev set is absent.
fn questions() -> (String, Vec<EvalQuestion>) {
    // SUMMIT_BENCH_QUESTIONS names the dev set when this tree is not beside
    // `shared/` (a git worktree elsewhere, say).
    let dev = std::env::var_os("SUMMIT_BENCH_QUESTIONS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest().join("../shared/eval/dev.jsonl"));
    let (path, text) = match std::fs::read_to_string(&dev) {
        Ok(text) => (dev, text),
        Err(_) => {
            let held = manifest().join("tests/data/train-heldout.jsonl");
            let text = std::fs::read_to_string(&held)
                .expect("tests/data/train-heldout.jsonl is in the repo");
            (held, text)
        }
    };
    let qs = eval::parse_questions(&text).expect("the question set parses");
    (path.display().to_string(), qs)
}

/// The built-in config only: no local file, no environment.
fn config() -> Config {
    Config::load_from(None, None, std::iter::empty()).expect("the built-in config loads")
}

/// A store at `db` holding the shipped article plus distractor stories up
/// to `total` facts. Returns the time spent storing them (parsing and
/// extracting included, generating the text not).
fn build_store(db: &Path, total: usize) -> Duration {
    let mut store = Store::open_seeded(db).expect("store opens");
    let shipped = store.fact_count().expect("counts facts");
    let stories = summit_distractors::stories(DEFAULT_SEED, total.saturating_sub(shipped));
    let started = Instant::now();
    summit_distractors::ingest_stories(&mut store, &stories).expect("the stories are stored");
    started.elapsed()
}

fn open_app(db: &Path) -> (App, Duration) {
    let started = Instant::now();
    let app = App::open(&config(), Some(db)).expect("app opens");
    (app, started.elapsed())
}

/// Each question answered alone, in rounds over the set, for about
/// [`LATENCY_BUDGET`]; p50 and p99 of the single-question times.
fn latency(app: &App, questions: &[EvalQuestion]) -> (Duration, Duration, usize) {
    let mut samples: Vec<Duration> = Vec::new();
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 3 || (started.elapsed() < LATENCY_BUDGET && rounds < 500) {
        for q in questions {
            let t = Instant::now();
            black_box(app.answer(black_box(&q.question)));
            samples.push(t.elapsed());
        }
        rounds += 1;
    }
    samples.sort_unstable();
    let at = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    (at(50), at(99), samples.len())
}

/// Right answers, counting an answer right only when `eval::judge` says so
/// and every source it cites is the shipped article (a distractor citation
/// with the same paragraph number would otherwise pass).
fn accuracy(app: &App, questions: &[EvalQuestion], title: &str) -> (usize, usize, Vec<String>) {
    let mut right = 0;
    let mut wrong = Vec::new();
    for q in questions {
        let reply = app.answer(&q.question);
        let verdict = eval::judge(q, &reply).and_then(|()| {
            match reply.sources.iter().find(|s| s.title != title) {
                Some(s) => Err(format!("cites another article: {:?}", s.title)),
                None => Ok(()),
            }
        });
        match verdict {
            Ok(()) => right += 1,
            Err(why) => wrong.push(format!("{}: {why}", q.id)),
        }
    }
    (right, questions.len(), wrong)
}

fn shipped_title(app: &App) -> String {
    app.store
        .articles()
        .expect("articles")
        .first()
        .map(|a| a.title.clone())
        .expect("the shipped article is stored")
}

/// VmRSS and VmHWM of a process, in MiB.
fn memory(pid: &str) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_summit-bot"));
    cmd.current_dir(std::env::temp_dir())
        .env_remove("RUST_LOG")
        .stderr(Stdio::null());
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy().into_owned();
        if name.starts_with("SUMMIT_BOT_") || name.starts_with("DISCORD_") {
            cmd.env_remove(name);
        }
    }
    cmd
}

/// Process start to first answer: `summit-bot --db DB ask QUESTION`, the
/// median and the worst of [`COLD_RUNS`] runs (after one unmeasured run
/// that warms the page cache).
fn cold_start(db: &Path, question: &str, runs: usize) -> (Duration, Duration) {
    let mut times = Vec::new();
    for i in 0..=runs {
        let took = ask_once(db, question);
        if i > 0 {
            times.push(took);
        }
    }
    median_and_worst(times)
}

/// How long one `summit-bot --db DB ask QUESTION` takes, start to exit.
fn ask_once(db: &Path, question: &str) -> Duration {
    let started = Instant::now();
    let out = binary()
        .arg("--db")
        .arg(db)
        .args(["ask", question])
        .output()
        .expect("summit-bot runs");
    assert!(out.status.success());
    started.elapsed()
}

fn median_and_worst(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort_unstable();
    (times[times.len() / 2], times[times.len() - 1])
}

/// The real binary's peak memory with the store at `db` loaded: start
/// `ask -`, wait for the first answer, read its /proc status.
fn binary_memory(db: &Path, question: &str) -> (f64, f64) {
    let mut child = binary()
        .arg("--db")
        .arg(db)
        .args(["ask", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("summit-bot starts");
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{question}").expect("question written");
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    stdout.read_line(&mut line).expect("an answer");
    let mem = memory(&child.id().to_string());
    drop(stdin);
    child.wait().expect("summit-bot ends");
    mem
}

/// `ask --json -` on [`STREAM_LINES`] questions (the set, repeated): the
/// best of three runs, in questions a second.
fn throughput(db: &Path, questions: &[EvalQuestion]) -> f64 {
    let mut input = String::new();
    for q in questions.iter().cycle().take(STREAM_LINES) {
        input.push_str(&q.question);
        input.push('\n');
    }
    let mut best = 0.0f64;
    for _ in 0..3 {
        let started = Instant::now();
        let mut child = binary()
            .arg("--db")
            .arg(db)
            .args(["ask", "--json", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("summit-bot starts");
        let mut stdin = child.stdin.take().expect("stdin");
        let text = input.clone();
        let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
        let out = child.wait_with_output().expect("summit-bot runs");
        writer.join().expect("writer").expect("questions written");
        assert!(out.status.success());
        let lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
        assert_eq!(lines, STREAM_LINES, "one reply a question");
        best = best.max(STREAM_LINES as f64 / started.elapsed().as_secs_f64());
    }
    best
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Criterion's mean time per question, cycling through the set.
fn bench_answer(c: &mut Criterion, name: &str, app: &App, questions: &[EvalQuestion]) {
    let mut next = questions.iter().cycle();
    c.bench_function(&format!("answer/{name}"), |b| {
        b.iter(|| {
            let q = next.next().expect("a non-empty question set");
            black_box(app.answer(black_box(&q.question)))
        })
    });
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();
    let full = full_run();
    let (source, questions) = questions();
    let report = |line: String| {
        if full {
            println!("REPORT {line}");
        }
    };
    report(format!("questions: {} from {source}", questions.len()));

    let dir = tempfile::tempdir().expect("temp dir");
    let article_db = dir.path().join("article.db");
    let (app, _) = open_app(&article_db);
    let title = shipped_title(&app);
    let facts = app.engine.fact_count();
    bench_answer(&mut c, "article", &app, &questions);
    if full {
        let (p50, p99, n) = latency(&app, &questions);
        report(format!(
            "answer article ({facts} facts): p50 {} p99 {} over {n} answers",
            us(p50),
            us(p99)
        ));
        let (right, total, misses) = accuracy(&app, &questions, &title);
        report(format!(
            "accuracy article ({facts} facts): {right}/{total} = {:.3} {misses:?}",
            right as f64 / total as f64
        ));
        drop(app);
        let q = &questions[0].question;
        let (median, worst) = cold_start(&article_db, q, COLD_RUNS);
        report(format!(
            "cold start article: median {} worst {} ({COLD_RUNS} runs)",
            ms(median),
            ms(worst)
        ));
        let (median, worst) = cold_start_unsaved(&article_db, q, 5);
        report(format!(
            "cold start article, no saved index (built and saved): median {} worst {} (5 runs)",
            ms(median),
            ms(worst)
        ));
        report(format!(
            "ask --json - article: {:.0} questions/s ({STREAM_LINES} lines, best of 3)",
            throughput(&article_db, &questions)
        ));
        report(edit_line(&article_db, &format!("{facts} facts")));
        let base = accuracy_base(&article_db, &questions, &title);
        for size in sizes() {
            run_size(&mut c, dir.path(), size, &questions, &title, base);
        }
    }
    c.final_summary();
}

fn accuracy_base(db: &Path, questions: &[EvalQuestion], title: &str) -> f64 {
    let (app, _) = open_app(db);
    let (right, total, _) = accuracy(&app, questions, title);
    right as f64 / total as f64
}

fn run_size(
    c: &mut Criterion,
    dir: &Path,
    size: usize,
    questions: &[EvalQuestion],
    title: &str,
    base: f64,
) {
    let db: PathBuf = dir.join(format!("facts-{size}.db"));
    let ingest = build_store(&db, size);
    println!("REPORT ingest {size} facts: {:.2} s", ingest.as_secs_f64());
    let before = memory("self");
    let (app, build) = open_app(&db);
    let after = memory("self");
    let facts = app.engine.fact_count();
    println!(
        "REPORT load+index {facts} facts in process: {:.2} s; VmRSS {:.0} → {:.0} MiB (+{:.0}), VmHWM {:.0} MiB",
        build.as_secs_f64(),
        before.0,
        after.0,
        after.0 - before.0,
        after.1
    );
    // The first open built the engine and saved it beside the database;
    // the next start reads it back (`src/snapshot.rs`).
    let saved = std::fs::metadata(summit_bot::snapshot::path_for(&db)).map_or(0, |m| m.len());
    let (loaded, load) = open_app(&db);
    println!(
        "REPORT load saved index {} facts in process: {:.2} s; snapshot {:.1} MB",
        loaded.engine.fact_count(),
        load.as_secs_f64(),
        saved as f64 / 1e6
    );
    drop(loaded);
    bench_answer(c, &format!("{size}"), &app, questions);
    let (p50, p99, n) = latency(&app, questions);
    println!(
        "REPORT answer {facts} facts: p50 {} p99 {} over {n} answers",
        us(p50),
        us(p99)
    );
    let (right, total, misses) = accuracy(&app, questions, title);
    let acc = right as f64 / total as f64;
    println!(
        "REPORT accuracy {facts} facts: {right}/{total} = {acc:.3} (article alone {base:.3}, drop {:.1} points) {misses:?}",
        (base - acc) * 100.0
    );
    drop(app);
    let q = &questions[0].question;
    if size >= LARGE {
        let (rss, hwm) = binary_memory(&db, q);
        println!(
            "REPORT summit-bot process at {facts} facts: VmRSS {rss:.0} MiB, VmHWM {hwm:.0} MiB"
        );
    }
    println!("REPORT {}", edit_line(&db, &format!("{facts} facts")));
    let (median, worst) = cold_start(&db, q, 3);
    println!(
        "REPORT cold start {facts} facts: median {} worst {} (3 runs)",
        ms(median),
        ms(worst)
    );
    let (median, worst) = cold_start_unsaved(&db, q, 3);
    println!(
        "REPORT cold start {facts} facts, no saved index (built and saved): median {} worst {} (3 runs)",
        ms(median),
        ms(worst)
    );
}

/// [`cold_start`] with the saved index removed before each run: a start
/// after the facts changed, which builds the index and saves it.
fn cold_start_unsaved(db: &Path, question: &str, runs: usize) -> (Duration, Duration) {
    let saved = summit_bot::snapshot::path_for(db);
    let mut times = Vec::new();
    for _ in 0..runs {
        // Absent already is as good as removed.
        let _ = std::fs::remove_file(&saved);
        times.push(ask_once(db, question));
    }
    median_and_worst(times)
}

/// A moderator's edit of the shipped article's first curated fact (its largest
/// article: the most weights to work out again) through one process, and
/// another process on the same database answering with it, [`EDITS`]
/// times: each process's time to take the change in (reading what changed
/// from SQLite and changing its engine in place), and the other's to then
/// answer with it.
fn edit_line(db: &Path, size: &str) -> String {
    let (mut writer, _) = open_app(db);
    let (mut reader, _) = open_app(db);
    let fact = writer
        .store
        .facts(false)
        .expect("reads")
        .into_iter()
        .find(|f| !f.questions.is_empty())
        .expect("a curated fact");
    let id = fact.id;
    let question = fact.questions.first().expect("a curated fact").clone();
    let by = Moderator {
        id: None,
        name: "bench".to_string(),
    };
    let (mut took, mut seen) = (Vec::new(), Vec::new());
    for i in 0..EDITS {
        let version = writer
            .store
            .fact(id)
            .expect("reads")
            .expect("there")
            .version;
        let changes = Changes {
            answer: Some(format!("{} (edit {i})", fact.answer)),
            ..Changes::default()
        };
        writer
            .store
            .edit_fact(id, version, &changes, &by, None)
            .expect("edits");
        let t = Instant::now();
        writer.reload().expect("takes the change in");
        took.push(t.elapsed());
        let t = Instant::now();
        reader.reload_if_changed().expect("takes the change in");
        let reply = reader.answer(&question);
        seen.push(t.elapsed());
        assert!(
            reply
                .answer
                .unwrap_or_default()
                .contains(&format!("(edit {i})")),
            "the other process answers with the edit"
        );
    }
    let (took, took_worst) = median_and_worst(took);
    let (seen, seen_worst) = median_and_worst(seen);
    format!(
        "moderator edit at {size}: the editing process takes it in in {} (worst {}); \
         the other takes it in and answers with it in {} (worst {}) ({EDITS} edits)",
        us(took),
        us(took_worst),
        us(seen),
        us(seen_worst)
    )
}
