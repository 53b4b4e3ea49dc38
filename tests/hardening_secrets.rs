//! The token never shows: the real binary, logging at every level, fails to
//! authenticate (the stand-in Discord answers 401 to any other token) or
//! cannot connect at all (a closed port); it must stop with a clear error,
//! a non-zero exit, and neither stdout nor stderr may hold the token or any
//! part of it. `tests/discord.rs` checks the same of a run that succeeds.

mod support;

use std::io::Read;
use std::path::Path;
use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use support::{binary, Running, StandIn};

/// Tokens to try: a Discord-shaped one (id, timestamp, HMAC) and a plain one.
const SECRETS: &[&str] = &[
    "MTA4NzY1NDMyMTA5ODc2NTQz.GhIjKl.s3cr3t-hmac_part-0123456789abcdefghijk",
    "some-secret-value",
];

/// How long the binary may take to give up (it tries an unreachable API a
/// few seconds apart).
const GIVE_UP: Duration = Duration::from_secs(30);

/// Runs `summit-bot run` with `token` against `api_base`, at trace level,
/// until it exits (or [`GIVE_UP`] passes); returns its exit and output.
fn run_bot(dir: &Path, token: &str, api_base: &str) -> (Option<ExitStatus>, String) {
    let mut cmd = binary::summit(dir);
    let out_file = dir.join("out.log");
    let out = std::fs::File::create(&out_file).expect("log file");
    let child = cmd
        .arg("run")
        .current_dir(dir)
        .env("DISCORD_TOKEN", token)
        .env("DISCORD_API_BASE", api_base)
        .env("SUMMIT_BOT_DATABASE", dir.join("summit.db"))
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(out.try_clone().expect("clone"))
        .stderr(out)
        .spawn()
        .expect("start summit-bot");
    let mut running = Running(child);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = running.0.try_wait().expect("wait") {
            break Some(status);
        }
        if started.elapsed() > GIVE_UP {
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    drop(running);
    let mut logged = String::new();
    std::fs::File::open(&out_file)
        .and_then(|mut f| f.read_to_string(&mut logged))
        .expect("read the log");
    (status, logged)
}

/// Fails if `logged` holds `token` or any longer part of it.
fn assert_no_token(what: &str, logged: &str, token: &str) {
    assert!(
        !logged.contains(token),
        "{what}: the token is in the output"
    );
    for part in token.split(['.', '-', '_']).filter(|p| p.len() >= 6) {
        assert!(
            !logged.contains(part),
            "{what}: part of the token ({part}) is in the output"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_stops_the_bot_with_a_clear_error_and_never_shows_it() {
    let discord = StandIn::start().await;
    for token in SECRETS {
        let dir = tempfile::tempdir().expect("temp dir");
        let api_base = discord.api_base.clone();
        let (dir_path, token_owned) = (dir.path().to_path_buf(), token.to_string());
        let (status, logged) =
            tokio::task::spawn_blocking(move || run_bot(&dir_path, &token_owned, &api_base))
                .await
                .expect("the run");
        let what = format!("401 with token {}…", &token[..4]);
        assert_no_token(&what, &logged, token);
        assert!(
            logged.contains("TRACE"),
            "{what}: not logged at every level"
        );
        assert!(!logged.contains("panicked"), "{what}: panicked: {logged}");
        let status = status.unwrap_or_else(|| panic!("{what}: still running after {GIVE_UP:?}"));
        assert!(!status.success(), "{what}: exited 0");
        assert!(
            logged.contains("error: Discord refused the bot token"),
            "{what}: no clear error: {}",
            tail(&logged)
        );
        // It did try, with the token, in the header only.
        let tried = discord.calls();
        assert!(
            tried
                .iter()
                .any(|c| c.authorization.as_deref() == Some(&format!("Bot {token}"))),
            "{what}: never sent the token"
        );
    }
}

#[test]
fn an_unreachable_discord_stops_the_bot_with_a_clear_error_and_never_shows_the_token() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let api_base = format!("http://127.0.0.1:{port}");
    let token = SECRETS[0];
    let dir = tempfile::tempdir().expect("temp dir");
    let (status, logged) = run_bot(dir.path(), token, &api_base);
    let what = "closed port";
    assert_no_token(what, &logged, token);
    assert!(!logged.contains("panicked"), "{what}: panicked: {logged}");
    let status = status.unwrap_or_else(|| panic!("{what}: still running after {GIVE_UP:?}"));
    assert!(!status.success(), "{what}: exited 0");
    assert!(
        logged.contains("error: cannot reach Discord's API"),
        "{what}: no clear error: {}",
        tail(&logged)
    );
}

/// The last lines of a log, for a failure message.
fn tail(logged: &str) -> String {
    let lines: Vec<&str> = logged.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}
