//! Deployment, through the real binary: what systemd and Docker do to it.
//! `systemctl stop` and `docker stop` send SIGTERM, Ctrl-C sends SIGINT;
//! either must close the gateway connection normally (the stand-in Discord
//! sees close code 1000), let an answer under way finish and be logged, and
//! exit 0 within a few seconds, before the 10 s after which both send
//! SIGKILL.

#![cfg(unix)]

mod support;

use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

use serde_json::json;
use support::db::count;
use support::{binary, embed_text, user, Place, TestBot, DM_CHANNEL_ID, USER_ID};

/// The bound on a clean stop.
const STOP_WITHIN: Duration = Duration::from_secs(5);

/// `summit-bot run` against a fresh stand-in, user ids logged.
async fn start() -> TestBot {
    TestBot::start(&[("SUMMIT_BOT_DISCORD_LOG_USER_IDS", "true")]).await
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
async fn exit(child: &mut Child, within: Duration) -> (ExitStatus, Duration) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for summit-bot") {
            return (status, started.elapsed());
        }
        assert!(
            started.elapsed() < within,
            "still running {within:?} after the signal"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_and_sigint_close_the_gateway_normally_and_exit_0_within_5_s() {
    for name in ["TERM", "INT"] {
        let mut bot = start().await;

        signal(bot.process(), name);
        let (status, took) = exit(bot.process(), STOP_WITHIN).await;
        assert!(status.success(), "SIG{name}: {status}; log:\n{}", bot.log());
        assert_eq!(
            bot.discord.gateway_closes(),
            [Some(1000)],
            "SIG{name}: one normal close; log:\n{}",
            bot.log()
        );
        let text = bot.log();
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
    let mut bot = start().await;
    let discord = &bot.discord;
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
    signal(bot.process(), "TERM");

    let (status, took) = exit(bot.process(), STOP_WITHIN).await;
    assert!(status.success(), "{status}; log:\n{}", bot.log());
    assert!(
        took >= Duration::from_millis(1_000),
        "it waited for the reply under way ({took:?})"
    );
    assert_eq!(
        count(&bot.db, "SELECT count(*) FROM question_log"),
        1,
        "the question was logged; log:\n{}",
        bot.log()
    );
    assert_eq!(bot.discord.gateway_closes(), [Some(1000)]);
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
