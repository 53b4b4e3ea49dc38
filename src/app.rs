//! The application: the store, the engine built from it, and the config,
//! held once. Every edge (the CLI, the console chat, the Discord bot) asks
//! through [`App`], so every question is checked the same way and lands in
//! the question log the same way.
//!
//! No formatting here, and no terminal or Discord types.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use anyhow::Context;

use crate::answer::Reply;
use crate::config::Config;
use crate::engine::{Engine, Exchange};
use crate::extract::{self, Gap};
use crate::lexicon::Lexicon;
use crate::matcher::decide::Model;
use crate::snapshot::{self, Stamp};
use crate::store::{QuestionLogEntry, Store};

pub struct App {
    pub store: Store,
    pub engine: Arc<Engine>,
    pub config: Config,
    lexicon: Arc<Lexicon>,
    /// What the engine is of: the store's content stamp when it was last
    /// built, read back or brought up to date.
    seen: Stamp,
    /// Where the engine is saved, and whether saving it can work.
    saved: SavedEngine,
}

/// The engine's snapshot beside the database (`crate::snapshot`).
#[derive(Debug)]
struct SavedEngine {
    path: PathBuf,
    /// False once a write failed (a read-only folder, say): said once,
    /// not tried again by this process.
    writable: bool,
    /// The newest fact revision of the saved engine, as this process last
    /// read or wrote it.
    fact_revision: i64,
}

/// How many fact revisions an engine read back may be behind the store
/// before it is saved again: each start puts the facts changed since the
/// save in ([`Engine::apply`], a millisecond or so each), so the file is
/// rewritten (about a second at 100,000 facts) only now and then.
const SAVE_AFTER_REVISIONS: i64 = 64;

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("store", &self.store)
            .field("facts", &self.engine.fact_count())
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Who asked, for the question log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asker {
    /// One of [`crate::store::channel`].
    pub channel: &'static str,
    pub guild_id: Option<u64>,
    /// Kept only when `discord.log_user_ids` is on.
    pub user_id: Option<u64>,
}

impl Asker {
    /// Someone at this machine (`cli` or `console`).
    pub fn local(channel: &'static str) -> Asker {
        Asker {
            channel,
            guild_id: None,
            user_id: None,
        }
    }
}

impl App {
    /// Opens (creating and seeding if need be) the database at `db_override`
    /// or the configured path, and builds the engine over its facts.
    pub fn open(config: &Config, db_override: Option<&Path>) -> anyhow::Result<App> {
        let path = db_override.unwrap_or(&config.database);
        App::with_store(Store::open_seeded(path)?, config)
    }

    /// The app over an open `store`: the engine saved beside it when it is
    /// of the store as it is now, else the engine built over its facts
    /// (seconds for a large store) and then saved.
    pub fn with_store(store: Store, config: &Config) -> anyhow::Result<App> {
        let lexicon = Arc::new(Lexicon::builtin().context("loading the shipped lexicon")?);
        let mut saved = SavedEngine {
            path: snapshot::path_for(store.path()),
            writable: true,
            fact_revision: 0,
        };
        let (engine, seen) = current_engine(&store, &mut saved, &lexicon, config)?;
        Ok(App {
            store,
            engine: Arc::new(engine),
            config: config.clone(),
            lexicon,
            seen,
            saved,
        })
    }

    /// Makes the engine that of the facts now in the store. When only
    /// facts changed since it was made, and no question holds it, they are
    /// put in where it is ([`Engine::apply`]: milliseconds at any size);
    /// else the saved engine is read when it is of the store (another
    /// process may have saved it), or one is built and saved.
    pub fn reload(&mut self) -> anyhow::Result<()> {
        let stamp = Stamp::now(self.store.schema_version()?, self.store.content_stamp()?);
        if stamp == self.seen {
            return Ok(());
        }
        // The same history: a database restored under this process (from
        // a backup, say) may reach the same revisions with other facts.
        // An engine part of whose saved index did not decode is built anew.
        let same_history = self.seen.precedes(&stamp)
            && !self.engine.damaged()
            && self.store.fact_revision_mark(self.seen.fact_revision)? == self.seen.fact_mark;
        if same_history {
            if let Some(engine) = Arc::get_mut(&mut self.engine) {
                let started = Instant::now();
                // A panic part way would leave the engine half changed: it
                // is then built anew, never used again.
                let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    catch_up(&self.store, engine, &self.seen, &stamp)
                }))
                .unwrap_or_else(|_| {
                    self.seen.base.clear();
                    Err(anyhow::anyhow!("putting the changed facts in panicked"))
                });
                match caught {
                    Ok(changed) => {
                        tracing::debug!(
                            changed,
                            us = started.elapsed().as_micros() as u64,
                            "put the changed facts in the engine"
                        );
                        if stamp.fact_revision - self.saved.fact_revision >= SAVE_AFTER_REVISIONS {
                            self.saved.save(&stamp, engine);
                        }
                        self.seen = stamp;
                        return Ok(());
                    }
                    Err(why) => tracing::info!(reason = %why, "building the engine anew"),
                }
            }
        }
        let (engine, seen) =
            current_engine(&self.store, &mut self.saved, &self.lexicon, &self.config)?;
        self.engine = Arc::new(engine);
        self.seen = seen;
        Ok(())
    }

    /// Brings the engine up to the store if the articles, facts or gaps
    /// changed since (by another process, say); questions and feedback
    /// logged meanwhile are no reason to. Returns whether it did.
    pub fn reload_if_changed(&mut self) -> anyhow::Result<bool> {
        if self.store.content_revision()? == self.seen.revision {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    /// Answers `question` without logging it. The engine checks the input
    /// ([`Reply::unusable`]), so every edge gets the same refusal.
    pub fn answer(&self, question: &str) -> Reply {
        self.engine.ask(question)
    }

    /// Answers `question` asked right after `previous` (see
    /// [`Engine::ask_following`]), without logging it.
    pub fn answer_following(&self, question: &str, previous: Option<&Exchange>) -> Reply {
        self.engine.ask_following(question, previous)
    }

    /// Answers `question` asked from `channel` at this machine, and logs it.
    pub fn ask(&self, question: &str, channel: &'static str) -> Reply {
        self.ask_as(question, Asker::local(channel))
    }

    /// Answers `question` from `asker`, and logs it. A failure to log is
    /// reported through tracing and does not cost the user the answer.
    pub fn ask_as(&self, question: &str, asker: Asker) -> Reply {
        let reply = self.answer(question);
        self.log(&reply, asker);
        reply
    }

    /// Adds `reply` from `asker` to the question log. A failure is reported
    /// through tracing and does not cost the user the answer.
    pub fn log(&self, reply: &Reply, asker: Asker) {
        if let Err(error) = self.store.log_question(&self.log_entry(reply, asker)) {
            tracing::error!(%error, "could not log a question");
        }
    }

    /// What the question log keeps of `reply`: the question as it was
    /// asked of the facts (a follow-up as it was read: "how old is he?"
    /// alone would tell a moderator reading `unanswered` nothing). The
    /// user id only when the config allows it.
    pub fn log_entry(&self, reply: &Reply, asker: Asker) -> QuestionLogEntry {
        let asked = reply
            .taking
            .as_ref()
            .map_or(&reply.question, |t| &t.read_as);
        // An over-long question is kept only in part: the log is for people.
        let max = self.config.matcher.max_question_chars;
        let question = match asked.char_indices().nth(max) {
            Some((cut, _)) => format!("{}…", &asked[..cut]),
            None => asked.clone(),
        };
        QuestionLogEntry {
            question,
            answered: reply.answered,
            fact_id: reply.fact_id,
            confidence: reply.confidence,
            channel: asker.channel,
            guild_id: asker.guild_id,
            user_id: asker.user_id.filter(|_| self.config.discord.log_user_ids),
        }
    }
}

/// The engine of the store as it is now, and the stamp it is of: the one
/// saved beside the database when its stamp is now's, or of the store
/// before some facts changed (they are put in); else one built from the
/// store, then saved.
fn current_engine(
    store: &Store,
    saved: &mut SavedEngine,
    lexicon: &Arc<Lexicon>,
    config: &Config,
) -> anyhow::Result<(Engine, Stamp)> {
    // The stamp is read before the facts: a change committed meanwhile
    // leaves the engine newer than its stamp, so the next
    // `reload_if_changed` (or start) puts it in again; never the other
    // way round.
    let stamp = Stamp::now(store.schema_version()?, store.content_stamp()?);
    let started = Instant::now();
    let path = saved.path.display().to_string();
    let read = snapshot::read(&saved.path, &stamp);
    let restored = match read {
        Ok((restored, from)) => {
            let mut engine = Engine::restore(
                restored,
                lexicon.clone(),
                Model::builtin().context("loading the shipped decision weights")?,
                config.settings(),
            );
            saved.fact_revision = from.fact_revision;
            let caught_up = if from == stamp {
                Ok(0)
            } else if store.fact_revision_mark(from.fact_revision)? != from.fact_mark {
                Err("the database's history differs (another or a restored database)".to_string())
            } else {
                catch_up(store, &mut engine, &from, &stamp).map_err(|e| format!("{e:#}"))
            };
            match caught_up {
                Ok(changed) => {
                    tracing::debug!(
                        %path,
                        facts = engine.fact_count(),
                        changed,
                        ms = started.elapsed().as_millis() as u64,
                        "loaded the saved index"
                    );
                    if stamp.fact_revision - from.fact_revision >= SAVE_AFTER_REVISIONS {
                        saved.save(&stamp, &engine);
                    }
                    Ok(engine)
                }
                Err(why) => Err((format!("the saved index is stale: {why}"), true)),
            }
        }
        Err(why) => Err((why.to_string(), why.is_expected())),
    };
    let engine = match restored {
        Ok(engine) => engine,
        Err((why, expected)) => {
            if expected {
                tracing::info!(%path, reason = %why, "building the index");
            } else {
                tracing::warn!(%path, reason = %why, "building the index anew");
            }
            let engine = build_engine(store, lexicon, config)?;
            saved.save(&stamp, &engine);
            engine
        }
    };
    Ok((engine, stamp))
}

/// Puts in `engine`, of the store at `from`, the facts changed since (by
/// the store's fact revisions), the store being at `now` (read before
/// them). Returns how many facts changed; an error says why the engine
/// must be built instead (it may be left half changed). Every fact added
/// has a revision; one that had none (a fact id above `from`'s highest and
/// above every changed one) is refused.
fn catch_up(
    store: &Store,
    engine: &mut Engine,
    from: &Stamp,
    now: &Stamp,
) -> anyhow::Result<usize> {
    let (changed, _) = store.facts_changed_since(from.fact_revision)?;
    let newest = changed.iter().map(|c| c.0 .0).fold(from.max_fact, i64::max);
    let now = now.max_fact;
    anyhow::ensure!(
        now <= newest,
        "fact {now} was added with no revision (the facts changed say up to {newest})"
    );
    let n = changed.len();
    engine.apply(changed)?;
    Ok(n)
}

impl SavedEngine {
    /// Saves `engine`, built at `stamp`. A failure costs only the next
    /// start's time: it is said once, and this process does not try again.
    fn save(&mut self, stamp: &Stamp, engine: &Engine) {
        if !self.writable {
            return;
        }
        let started = Instant::now();
        match snapshot::write(&self.path, stamp, engine) {
            Ok(bytes) => {
                self.fact_revision = stamp.fact_revision;
                tracing::debug!(
                    path = %self.path.display(),
                    bytes,
                    ms = started.elapsed().as_millis() as u64,
                    "saved the index"
                )
            }
            Err(error) => {
                self.writable = false;
                tracing::warn!(
                    path = %self.path.display(),
                    %error,
                    "could not save the index beside the database: each start will build it again"
                );
            }
        }
    }
}

/// The learned near-miss gap: from the binary, parsed at the first build
/// of this process (a start that finds its saved index never needs it).
fn learned_gap() -> Result<Option<Gap>, extract::ExtractError> {
    static GAP: OnceLock<Option<Gap>> = OnceLock::new();
    if let Some(gap) = GAP.get() {
        return Ok(gap.clone());
    }
    let gap = extract::learned_gap(None)?;
    Ok(GAP.get_or_init(|| gap).clone())
}

/// The engine over the store's facts and gaps in force, with the learned
/// gap after the stored ones (as the decision model was fitted).
fn build_engine(store: &Store, lexicon: &Arc<Lexicon>, config: &Config) -> anyhow::Result<Engine> {
    let started = Instant::now();
    let gaps = store
        .gaps(false)?
        .into_iter()
        .map(|g| g.gap)
        .chain(learned_gap().context("loading the learned near misses")?)
        .collect();
    let articles = store.articles()?;
    let facts = store.facts(false)?;
    let read = started.elapsed();
    let engine = Engine::new(
        articles,
        facts,
        gaps,
        lexicon.clone(),
        Model::builtin().context("loading the shipped decision weights")?,
        config.settings(),
    );
    tracing::debug!(
        facts = engine.fact_count(),
        read_ms = read.as_millis() as u64,
        build_ms = (started.elapsed() - read).as_millis() as u64,
        "built the engine"
    );
    Ok(engine)
}
