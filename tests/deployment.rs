//! Deployment, through the real binary: what systemd and Docker do to it.
//! `systemctl stop` and `docker stop` send SIGTERM, Ctrl-C sends SIGINT;
//! either must close the gateway connection normally (the stand-in Discord
//! sees close code 1000), let an answer under way finish and be logged, and
//! exit 0 within a few seconds, before the 10 s after which both send
//! SIGKILL.

#![cfg(unix)]

mod binary;
mod support;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use support::{embed_text, user, Place, StandIn, DM_CHANNEL_ID, TOKEN, USER_ID};

/// The bound on a clean stop.
const STOP_WITHIN: Duration = Duration::from_secs(5);

/// Kills the child when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `summit-bot run` against `discord` on a database in `dir`, with
/// its log in `dir/stderr.log`, and waits until it is ready.
async fn start(discord: &StandIn, dir: &Path) -> Running {
    let mut cmd = binary::summit(dir);
    cmd.arg("run")
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", &discord.api_base)
        .env("SUMMIT_BOT_DATABASE", dir.join("summit.db"))
        .env("SUMMIT_BOT_DISCORD_LOG_USER_IDS", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("stderr.log")).expect("log file"));
    let running = Running(cmd.spawn().expect("start summit-bot"));
    discord.wait_ready().await;
    running
}

fn signal(child: &Child, name: &str) {
    let sent = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{name}");
}

/// Waits for the child to exit, at most `within`; its status and how long.
async fn exit(running: &mut Running, within: Duration) -> (std::process::ExitStatus, Duration) {
    let started = Instant::now();
    loop {
        if let Some(status) = running.0.try_wait().expect("wait for summit-bot") {
            return (status, started.elapsed());
        }
        assert!(
            started.elapsed() < within,
            "still running {within:?} after the signal"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn log(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("stderr.log")).unwrap_or_default()
}

fn logged_questions(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open the database")
        .query_row("SELECT count(*) FROM question_log", [], |r| r.get(0))
        .expect("count the question log")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_and_sigint_close_the_gateway_normally_and_exit_0_within_5_s() {
    for name in ["TERM", "INT"] {
        let discord = StandIn::start().await;
        let dir = tempfile::tempdir().expect("temp dir");
        let mut running = start(&discord, dir.path()).await;

        signal(&running.0, name);
        let (status, took) = exit(&mut running, STOP_WITHIN).await;
        assert!(
            status.success(),
            "SIG{name}: {status}; log:\n{}",
            log(dir.path())
        );
        assert_eq!(
            discord.gateway_closes(),
            [Some(1000)],
            "SIG{name}: one normal close; log:\n{}",
            log(dir.path())
        );
        let text = log(dir.path());
        assert!(
            text.contains(&format!("signal=\"SIG{name}\""))
                || text.contains(&format!("signal=SIG{name}")),
            "the signal is named: {text}"
        );
        assert!(text.contains("disconnected from Discord"), "{text}");
        assert!(
            !text.contains("\u{1b}["),
            "no colour codes in a file: {text}"
        );
        eprintln!("SIG{name}: stopped in {took:?}");
    }
}

/// A question answered as the stop comes: Discord is slow to take the
/// reply, and the stop arrives while the bot waits for it. The reply must
/// still be delivered and the question logged before the process ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_under_way_at_sigterm_is_delivered_and_logged_before_exit() {
    let discord = StandIn::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut running = start(&discord, dir.path()).await;
    let path = format!("/api/v10/channels/{DM_CHANNEL_ID}/messages");
    discord.delay_next("POST", &path, 1, Duration::from_millis(1_500));

    let message = discord.message(
        Place::Dm,
        user(USER_ID, "asker", false),
        "where is the summit being held?",
        json!([]),
    );
    discord.dispatch("MESSAGE_CREATE", message).await;
    let reply = discord
        .wait_for_call("the reply, which the stand-in holds", |c| {
            c.is("POST", &path)
        })
        .await;
    assert!(embed_text(&reply.body).contains("Tehran"));
    signal(&running.0, "TERM");

    let (status, took) = exit(&mut running, STOP_WITHIN).await;
    assert!(status.success(), "{status}; log:\n{}", log(dir.path()));
    assert!(
        took >= Duration::from_millis(1_000),
        "it waited for the reply under way ({took:?})"
    );
    assert_eq!(
        logged_questions(&dir.path().join("summit.db")),
        1,
        "the question was logged; log:\n{}",
        log(dir.path())
    );
    assert_eq!(discord.gateway_closes(), [Some(1000)]);
}

/// `-q` leaves only errors on stderr, `-v` adds our details; RUST_LOG,
/// when set, wins over both.
#[test]
fn quiet_and_verbose_set_how_much_is_logged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("summit.db");
    let stderr = |args: &[&str], rust_log: Option<&str>| {
        let mut cmd = binary::summit(dir.path());
        cmd.arg("--db").arg(&db).args(args);
        if let Some(filter) = rust_log {
            cmd.env("RUST_LOG", filter);
        }
        let out = cmd.output().expect("runs");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let ask = ["ask", "who hosted the summit"];
    let plain = stderr(&ask, None);
    assert!(plain.contains("opening the database"), "{plain}");
    assert!(!plain.contains("DEBUG"), "{plain}");

    let quiet = stderr(&["-q", ask[0], ask[1]], None);
    assert_eq!(quiet, "", "-q: only errors");
    let quiet = stderr(&[ask[0], "--quiet", ask[1]], None);
    assert_eq!(quiet, "", "--quiet after the subcommand too");

    let verbose = stderr(&["-v", ask[0], ask[1]], None);
    assert!(verbose.contains("DEBUG"), "-v: {verbose}");
    assert!(!verbose.contains("\u{1b}["), "no colour codes into a pipe");

    let filtered = stderr(&["-v", ask[0], ask[1]], Some("error"));
    assert_eq!(filtered, "", "RUST_LOG wins");
}
