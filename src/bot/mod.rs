//! The Discord bot: serenity 0.12 with poise 0.7 for the slash commands.
//!
//! A thin edge over [`App`]: it parses what Discord sends, asks the app, and
//! renders the [`Reply`] (see [`reply`]). It must not match, rank or word
//! answers itself, nor touch SQL beyond the store's methods.
//!
//! One file per command family ([`ask`], [`source`], [`about`], [`help`],
//! the moderators' `/fact` in [`moderation`], the message menu's "Ask
//! summit-bot" in [`menu`]),
//! plain messages in [`messages`], buttons in [`buttons`], a moderator
//! answering a declined question in place in [`teach`], what the user is
//! told when something fails in [`errors`], connecting to Discord and
//! serving until stopped in [`serve`]. The shared state is [`Data`]. Every
//! message and interaction response sets `allowed_mentions` to parse
//! nothing, so no reply ever pings anyone.

mod about;
mod article;
mod ask;
mod buttons;
mod errors;
mod help;
mod menu;
mod messages;
mod moderation;
pub mod registration;
pub mod reply;
pub mod rest;
mod serve;
pub mod shutdown;
mod source;
mod teach;

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use crate::answer::Reply;
use crate::app::{App, Asker};
use crate::config::Config;
use crate::conversation::Conversations;
use crate::engine::Engine;
use crate::fact::FactId;
use crate::store::channel;

pub use errors::{user_error, UserError, APOLOGY};
pub use serve::run;

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// The only gateway intents the bot asks for. Discord delivers the content
/// of DMs and of messages that mention the bot without the privileged
/// MESSAGE_CONTENT intent, and the bot reads nothing else.
pub const INTENTS: serenity::GatewayIntents =
    serenity::GatewayIntents::GUILD_MESSAGES.union(serenity::GatewayIntents::DIRECT_MESSAGES);

/// The intents for `config`: [`INTENTS`], and with help channels
/// configured also the privileged MESSAGE_CONTENT (enable it on the
/// application's Bot page), without which Discord sends the messages of a
/// help channel that do not mention the bot with empty content.
pub fn intents(config: &Config) -> serenity::GatewayIntents {
    if config.discord.help_channel_ids.is_empty() {
        INTENTS
    } else {
        INTENTS | serenity::GatewayIntents::MESSAGE_CONTENT
    }
}

/// How long the rate limit remembers a question.
const RATE_WINDOW: Duration = Duration::from_secs(60);

/// `allowed_mentions` that parses nothing and names nobody, not even the
/// author of the message replied to.
pub fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().replied_user(false)
}

/// The bot's shared state, held once: the app (store, engine, config) and
/// the per-user question counts. Locks here are never held across `.await`.
pub struct Data {
    app: Arc<RwLock<App>>,
    /// The REST calls the bot makes itself, with retries.
    pub rest: rest::Rest,
    questions_per_minute: usize,
    /// How long suggestion buttons answer clicks.
    pub suggestions_last: Duration,
    /// Whether "Ask summit-bot" on a message answers for everyone to see.
    pub ask_menu_public: bool,
    /// Channels whose messages (and whose threads' messages) are questions.
    help_channels: Vec<serenity::ChannelId>,
    /// How sure an answer in a help channel must be.
    pub help_threshold: f64,
    /// Each channel's parent (None: no thread), as looked up, so a forum
    /// post's messages cost one lookup in all.
    parents: Mutex<HashMap<serenity::ChannelId, Option<serenity::ChannelId>>>,
    recent: Mutex<HashMap<serenity::UserId, VecDeque<Instant>>>,
    /// Each person's last exchange in each channel, DM or thread, for
    /// follow-up questions: in memory only, bounded, never shared between
    /// people or channels.
    conversations: Mutex<Conversations<(serenity::UserId, serenity::ChannelId)>>,
}

impl Data {
    /// Over the app the caller holds too (see [`run`]).
    pub fn new(app: Arc<RwLock<App>>, config: &Config, rest: rest::Rest) -> Data {
        Data {
            app,
            rest,
            questions_per_minute: config.limits.questions_per_minute as usize,
            suggestions_last: Duration::from_secs(
                u64::from(config.discord.suggestion_minutes) * 60,
            ),
            ask_menu_public: config.discord.ask_menu_public,
            help_channels: config
                .discord
                .help_channel_ids
                .iter()
                .filter(|&&id| id != 0)
                .map(|&id| serenity::ChannelId::new(id))
                .collect(),
            help_threshold: config.discord.help_channel_threshold,
            parents: Mutex::new(HashMap::new()),
            recent: Mutex::new(HashMap::new()),
            conversations: Mutex::new(config.conversations()),
        }
    }

    /// The app, for a quick synchronous look. A panic elsewhere while it was
    /// held leaves nothing half-written (the engine is swapped whole), so a
    /// poisoned lock is still safe to read.
    fn app(&self) -> RwLockReadGuard<'_, App> {
        self.app.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Until when (Unix seconds) suggestion buttons made now answer clicks.
    pub fn suggestions_until(&self) -> u64 {
        unix_now().saturating_add(self.suggestions_last.as_secs())
    }

    /// The engine in force now.
    pub fn engine(&self) -> Arc<Engine> {
        self.app().engine.clone()
    }

    /// Runs `f` on the app off the async threads: matching is CPU work and
    /// the store's calls block on SQLite.
    pub async fn with_app<T: Send + 'static>(
        &self,
        what: &'static str,
        f: impl FnOnce(&App) -> T + Send + 'static,
    ) -> Result<T, Error> {
        let app = self.app.clone();
        tokio::task::spawn_blocking(move || f(&app.read().unwrap_or_else(PoisonError::into_inner)))
            .await
            .context(what)
    }

    /// Answers a question. Does not log it: callers answer first, then
    /// [`Data::log`], so the log never delays a reply.
    pub async fn answer(&self, question: String) -> Result<Reply, Error> {
        self.with_app("answering a question", move |app| app.answer(&question))
            .await
    }

    /// Whether `channel` is a help channel: listed in
    /// `discord.help_channel_ids`, or a thread (a forum post) of one. A
    /// failed lookup counts as no: the bot then stays silent, as it should
    /// where it was not asked.
    pub async fn is_help_channel(&self, channel: serenity::ChannelId) -> bool {
        if self.help_channels.is_empty() {
            return false;
        }
        if self.help_channels.contains(&channel) {
            return true;
        }
        let known = self
            .parents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&channel)
            .copied();
        let parent = match known {
            Some(parent) => parent,
            None => match self.rest.parent_of(channel).await {
                Ok(parent) => {
                    let mut parents = self.parents.lock().unwrap_or_else(PoisonError::into_inner);
                    // Channels are few; a bound keeps a flood of threads cheap.
                    if parents.len() >= 10_000 {
                        parents.clear();
                    }
                    parents.insert(channel, parent);
                    parent
                }
                Err(error) => {
                    tracing::warn!(%error, "could not look up a channel's parent");
                    None
                }
            },
        };
        parent.is_some_and(|p| self.help_channels.contains(&p))
    }

    /// Answers a question `user` asked in `channel`, read as a follow-up of
    /// their last exchange there when it leans on it (see
    /// [`Engine::ask_following`]); the reply becomes that last exchange.
    /// Does not log it.
    pub async fn answer_in(
        &self,
        user: serenity::UserId,
        channel: serenity::ChannelId,
        question: String,
    ) -> Result<Reply, Error> {
        let key = (user, channel);
        let now = Instant::now();
        let previous = self
            .conversations
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .previous(&key, now)
            .cloned();
        let reply = self
            .with_app("answering a question", move |app| {
                app.answer_following(&question, previous.as_ref())
            })
            .await?;
        self.conversations
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remember(key, &reply, now);
        Ok(reply)
    }

    /// Adds an answered question to the question log. A failure is logged
    /// and otherwise ignored: the user already has the answer.
    pub async fn log(&self, reply: Reply, asker: Asker) {
        let done = self
            .with_app("logging a question", move |app| {
                app.store.log_question(&app.log_entry(&reply, asker))
            })
            .await;
        match done {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::error!(%error, "could not log a question"),
            Err(error) => {
                tracing::error!(error = %format!("{error:#}"), "could not log a question")
            }
        }
    }

    /// Records a 👍 or 👎 on a fact.
    pub async fn record_feedback(
        &self,
        fact: FactId,
        user: serenity::UserId,
        helpful: bool,
    ) -> Result<(), Error> {
        self.with_app("recording feedback", move |app| {
            app.store.record_feedback(fact, user.get(), helpful)
        })
        .await?
        .context("recording feedback")
    }

    /// Counts a question against `user`'s limit; a user error saying how
    /// long to wait when they are over it.
    pub fn check_rate(&self, user: serenity::UserId) -> Result<(), Error> {
        let now = Instant::now();
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        let times = recent.entry(user).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= RATE_WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= self.questions_per_minute {
            let wait = times.front().map_or(RATE_WINDOW, |t| {
                RATE_WINDOW.saturating_sub(now.duration_since(*t))
            });
            return Err(user_error(format!(
                "You're asking quickly: up to {} questions a minute. Try again in {} s.",
                self.questions_per_minute,
                wait.as_secs().max(1)
            )));
        }
        times.push_back(now);
        // Forget users who have gone quiet, so the map does not grow forever.
        if recent.len() > 10_000 {
            recent.retain(|_, t| {
                t.back()
                    .is_some_and(|t| now.duration_since(*t) < RATE_WINDOW)
            });
        }
        Ok(())
    }
}

/// Seconds since the Unix epoch (0 on a clock set before it).
pub fn unix_now() -> u64 {
    u64::try_from(crate::when::now()).unwrap_or(0)
}

/// Who asked, for the question log: a DM or a server. The app keeps the
/// user id only if the config allows it.
pub fn asker(user: serenity::UserId, guild: Option<serenity::GuildId>) -> Asker {
    Asker {
        channel: if guild.is_some() {
            channel::DISCORD_GUILD
        } else {
            channel::DISCORD_DM
        },
        guild_id: guild.map(|g| g.get()),
        user_id: Some(user.get()),
    }
}

/// The question in what a user wrote: without Discord's mention markup
/// (`@everyone`, `@here`, `<@user>`, `<@!user>`, `<@&role>`, `<#channel>`),
/// which addresses people rather than asking anything, and with runs of
/// white space made one space.
pub fn question_text(text: &str) -> String {
    text.split_whitespace()
        .filter_map(|word| {
            let word = strip_mentions(word);
            (!word.is_empty()).then_some(word)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word without any mention markup in it.
fn strip_mentions(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    while !rest.is_empty() {
        if let Some(after) = rest
            .strip_prefix("@everyone")
            .or_else(|| rest.strip_prefix("@here"))
        {
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix('<') {
            let body = after
                .strip_prefix("@!")
                .or_else(|| after.strip_prefix("@&"))
                .or_else(|| after.strip_prefix('@'))
                .or_else(|| after.strip_prefix('#'));
            if let Some(body) = body {
                let digits = body.bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 && body[digits..].starts_with('>') {
                    rest = &body[digits + 1..];
                    continue;
                }
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// The slash commands, in the order Discord lists them, then the message
/// menu command "Ask summit-bot". `/fact` is listed
/// only in servers unless `discord.fact_in_dms`; its own check refuses it
/// in DMs should Discord send one anyway.
pub fn commands(config: &Config) -> Vec<poise::Command<Data, Error>> {
    let mut fact = moderation::fact();
    if !config.discord.fact_in_dms {
        fact.interaction_context = Some(vec![serenity::InteractionContext::Guild]);
    }
    vec![
        ask::ask(),
        source::source(),
        about::about(),
        help::help(),
        fact,
        menu::ask_menu(),
    ]
}

/// Replies to the command in `ctx`: its first response, or after a
/// deferral an edit of the deferred message (`@original`), never a
/// follow-up, which Discord discourages there and which would not keep the
/// deferral's visibility. Through [`rest::Rest`], so it is retried.
pub async fn respond(ctx: Context<'_>, reply: poise::CreateReply) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else {
        ctx.send(reply).await?;
        return Ok(());
    };
    let reply = ctx.reply_builder(reply);
    let interaction = app.interaction;
    let rest = &ctx.data().rest;
    if app.has_sent_initial_response.load(Ordering::SeqCst) {
        let edit = reply.to_slash_initial_response_edit(serenity::EditInteractionResponse::new());
        rest.edit_original(interaction.application_id, &interaction.token, &edit)
            .await?;
    } else {
        let message =
            reply.to_slash_initial_response(serenity::CreateInteractionResponseMessage::new());
        rest.respond(
            interaction.id,
            &interaction.token,
            &serenity::CreateInteractionResponse::Message(message),
        )
        .await?;
        app.has_sent_initial_response.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Defers the response to the command in `ctx` ("thinking…"), for
/// [`respond`] to complete; `private` makes the response ephemeral, which
/// only the deferral can decide.
pub async fn defer(ctx: Context<'_>, private: bool) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    if app.has_sent_initial_response.load(Ordering::SeqCst) {
        return Ok(());
    }
    let interaction = app.interaction;
    let mut message = serenity::CreateInteractionResponseMessage::new();
    if private {
        message = message.ephemeral(true);
    }
    ctx.data()
        .rest
        .respond(
            interaction.id,
            &interaction.token,
            &serenity::CreateInteractionResponse::Defer(message),
        )
        .await?;
    app.has_sent_initial_response.store(true, Ordering::SeqCst);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_markup_is_not_part_of_the_question() {
        let cases = [
            ("what did trump say", "what did trump say"),
            ("<@42> what did trump say", "what did trump say"),
            ("<@!42> what did trump say", "what did trump say"),
            ("@everyone what did trump say", "what did trump say"),
            ("@everyone <@42> what did trump say", "what did trump say"),
            (
                "@here, <@&7> <#9> where is the summit?",
                ", where is the summit?",
            ),
            (
                "so <@42>, where   is the summit?",
                "so , where is the summit?",
            ),
            ("<@42>", ""),
            ("", ""),
            ("email me at a@b.c", "email me at a@b.c"),
            ("<@> <@x> <#> 3<4", "<@> <@x> <#> 3<4"),
            ("<@42> что сказал Путин?", "что сказал Путин?"),
        ];
        for (text, question) in cases {
            assert_eq!(question_text(text), question, "{text}");
        }
    }
}
