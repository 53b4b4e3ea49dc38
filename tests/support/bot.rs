//! One way to start the bot for a test: [`TestBot::start`] runs the real
//! binary (`summit-bot run`) against a fresh stand-in Discord and a fresh
//! SQLite file in a temp dir, and waits until it has registered its
//! commands. [`TestBot::in_process`] runs the same `summit_bot::bot::run`
//! inside the test instead, for the few tests that must reach into the
//! running app (hold its lock as a slow rebuild would, switch its
//! connection's writes off): no file or signal can do that to a process.
//! [`TestBot::start_another`] runs a second process of the binary against
//! the same stand-in and database, as a second host of a sharded bot would.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde_json::Value;
use summit_bot::app::App;
use summit_bot::config::Config;

use super::binary;
use super::standin::{Call, Interaction, StandIn, TOKEN};

/// Kills the child process when the test ends, however it ends.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The bot, running against its own stand-in Discord and database.
pub struct TestBot {
    pub discord: StandIn,
    /// The SQLite file it uses.
    pub db: PathBuf,
    /// Its working folder (removed when the test ends).
    pub dir: tempfile::TempDir,
    /// The running app: only when started [`TestBot::in_process`].
    app: Option<Arc<RwLock<App>>>,
    /// The binary's process: only when started [`TestBot::start`].
    process: Option<Running>,
}

/// What the in-process bots of a test binary logged (they share one
/// global subscriber).
static LOG: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Captured;

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOG.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `summit-bot run` from `dir` against `discord` and `db`, with `config`
/// and `RUST_LOG=info` unless given; its stderr goes to `log` in `dir`.
fn spawn(
    discord: &StandIn,
    dir: &std::path::Path,
    db: &std::path::Path,
    config: &[(&str, &str)],
    log: &str,
) -> Running {
    let log = File::create(dir.join(log)).expect("log file");
    let mut cmd = binary::summit(dir);
    cmd.arg("run")
        .env("RUST_LOG", "info")
        .envs(environment(discord, db, config))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log);
    Running(cmd.spawn().expect("start summit-bot"))
}

/// A second process of the binary, started by [`TestBot::start_another`];
/// killed when dropped.
pub struct Another {
    pub process: Running,
    log: PathBuf,
}

impl Another {
    /// What it has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).expect("read the log")
    }
}

/// The settings every test bot gets: the stand-in's token and address, and
/// the database in `dir`; then `config`, as `SUMMIT_BOT_*` variables.
fn environment(
    discord: &StandIn,
    db: &std::path::Path,
    config: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut env = vec![
        ("DISCORD_TOKEN".to_string(), TOKEN.to_string()),
        ("DISCORD_API_BASE".to_string(), discord.api_base.clone()),
        ("SUMMIT_BOT_DATABASE".to_string(), db.display().to_string()),
    ];
    env.extend(config.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    env
}

impl TestBot {
    /// The real binary, configured with `config` (`SUMMIT_BOT_*` variables,
    /// or `RUST_LOG`: `info` unless given) beyond the stand-in's token and
    /// address and a fresh database; ready when this returns. Its log goes
    /// to `stderr.log` in [`TestBot::dir`] (see [`TestBot::log`]).
    pub async fn start(config: &[(&str, &str)]) -> TestBot {
        TestBot::start_on(StandIn::start().await, config).await
    }

    /// [`TestBot::start`] against `discord` as the test prepared it (say,
    /// with commands an earlier run left registered).
    pub async fn start_on(discord: StandIn, config: &[(&str, &str)]) -> TestBot {
        TestBot::start_prepared(discord, config, &[]).await
    }

    /// [`TestBot::start`] on a database where `summit-bot ingest` has
    /// stored `articles` (title, text) after the shipped one, in order:
    /// the first is article 2.
    pub async fn start_with_articles(
        config: &[(&str, &str)],
        articles: &[(&str, &str)],
    ) -> TestBot {
        TestBot::start_prepared(StandIn::start().await, config, articles).await
    }

    async fn start_prepared(
        discord: StandIn,
        config: &[(&str, &str)],
        articles: &[(&str, &str)],
    ) -> TestBot {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("summit.db");
        for (i, (title, text)) in articles.iter().enumerate() {
            let file = dir.path().join(format!("article-{i}.txt"));
            std::fs::write(&file, text).expect("write an article");
            let file = file.to_string_lossy().into_owned();
            binary::run_ok(dir.path(), &db, &["ingest", &file, "--title", title]);
        }
        let process = spawn(&discord, dir.path(), &db, config, "stderr.log");
        discord.wait_ready().await;
        TestBot {
            discord,
            db,
            dir,
            app: None,
            process: Some(process),
        }
    }

    /// Another process of the binary against this bot's stand-in and
    /// database, configured with `config` like [`TestBot::start`]'s, its log
    /// in `{name}.log` in [`TestBot::dir`]. Returns once it is started, not
    /// connected: the caller waits for what that process should do (say,
    /// [`StandIn::wait_shard`]).
    pub fn start_another(&self, name: &str, config: &[(&str, &str)]) -> Another {
        let file = format!("{name}.log");
        Another {
            process: spawn(&self.discord, self.dir.path(), &self.db, config, &file),
            log: self.dir.path().join(file),
        }
    }

    /// `summit_bot::bot::run` in this process, as [`TestBot::start`] runs
    /// it in the binary, with the app in reach ([`TestBot::app`]).
    pub async fn in_process(config: &[(&str, &str)]) -> TestBot {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
            .with_ansi(false)
            .with_writer(|| Captured)
            .try_init();
        let discord = StandIn::start().await;
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("summit.db");
        let env = environment(&discord, &db, config)
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()));
        let config = Config::load_from(None, None, env).expect("config");
        let app = Arc::new(RwLock::new(App::open(&config, None).expect("open the app")));
        let served = app.clone();
        tokio::spawn(async move {
            if let Err(error) = summit_bot::bot::run(served, config).await {
                eprintln!("the bot stopped: {error:#}");
            }
        });
        discord.wait_ready().await;
        TestBot {
            discord,
            db,
            dir,
            app: Some(app),
            process: None,
        }
    }

    /// The running app: a bot started [`TestBot::in_process`] only.
    pub fn app(&self) -> &Arc<RwLock<App>> {
        self.app
            .as_ref()
            .expect("the app is in reach only of a bot started in_process")
    }

    /// The bot's process, to signal or stop: a bot started from the binary
    /// only.
    pub fn process(&mut self) -> &mut Child {
        &mut self
            .process
            .as_mut()
            .expect("only a bot started from the binary has a process")
            .0
    }

    /// What the bot has logged so far.
    pub fn log(&self) -> String {
        if self.app.is_some() {
            let log = LOG.lock().unwrap_or_else(PoisonError::into_inner);
            return String::from_utf8_lossy(&log).into_owned();
        }
        std::fs::read_to_string(self.dir.path().join("stderr.log")).expect("read the log")
    }

    /// Injects an interaction and waits for the bot's callback to it: the
    /// first one served, past any the stand-in was told to fail.
    pub async fn interact(&self, (interaction, payload): (Interaction, Value)) -> Call {
        self.discord.dispatch("INTERACTION_CREATE", payload).await;
        let path = interaction.callback_path();
        self.discord
            .wait_for_call(
                &format!("the response to interaction {}", interaction.id),
                |c| c.is("POST", &path) && c.fault.is_none(),
            )
            .await
    }
}
