//! Configuration, loaded in layers (later wins): the built-in
//! `config/default.toml`, then `config/local.toml` if it exists, then the
//! file given with `--config`, then `SUMMIT_BOT_<SECTION>_<KEY>` environment
//! variables and `DISCORD_TOKEN` / `DISCORD_API_BASE`.
//!
//! Every layer is checked as it is read, so an unknown key or a bad value
//! fails at start with a message naming the key and where it came from.
//! The Discord token is a secret: it is only read, never printed (see the
//! hand-written `Debug` of [`DiscordConfig`]).
//!
//! Here: the validated [`Config`] and how the layers are stacked. How one
//! layer is read is in `layer` (files) and `env` (the environment); the
//! checks each key's value must pass are in `key`, and `discord.shards`'
//! typed value and its reading in `shards`.

mod env;
mod key;
mod layer;
mod shards;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::engine::Settings;

use layer::{read_layer, Layer};

pub use shards::{ShardRange, Shards};

/// The built-in defaults; every key is documented there.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");
/// The optional, git-ignored local layer, relative to the working directory.
pub const LOCAL_PATH: &str = "config/local.toml";
/// Prefix of the environment variables that override config keys.
pub const ENV_PREFIX: &str = "SUMMIT_BOT_";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("config file {origin}: {message}")]
    Parse { origin: String, message: String },
    #[error("config key {key} (in {origin}): {message}")]
    Invalid {
        key: String,
        origin: String,
        message: String,
    },
    #[error("unknown environment variable {name}: the config keys it could mean are {known}")]
    UnknownEnv { name: String, known: String },
    #[error("environment variable {name} is not valid UTF-8")]
    NotUnicode { name: String },
}

/// The whole configuration, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The SQLite database: as configured (relative paths are relative to
    /// the working directory), else [`default_database`].
    pub database: PathBuf,
    pub matcher: MatcherConfig,
    pub discord: DiscordConfig,
    pub limits: LimitsConfig,
    /// The layers it was read from, in order, for messages.
    pub origins: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatcherConfig {
    /// 0..=1: below it the bot declines.
    pub threshold: f64,
    pub max_question_chars: usize,
}

#[derive(Clone, PartialEq)]
pub struct DiscordConfig {
    /// Only from the environment or a local file; never print it.
    pub token: Option<String>,
    /// Base URL of Discord's REST API (a proxy or a stand-in), if not Discord.
    pub api_base: Option<String>,
    /// Register commands in this server only.
    pub guild_id: Option<u64>,
    /// Whether the question log keeps who asked.
    pub log_user_ids: bool,
    pub moderator_user_ids: Vec<u64>,
    pub moderator_role_ids: Vec<u64>,
    /// How long the suggestion buttons under a reply answer clicks.
    pub suggestion_minutes: u32,
    /// Whether `/fact` is offered in direct messages.
    pub fact_in_dms: bool,
    /// Whether "Ask summit-bot" on a message answers for everyone to see.
    pub ask_menu_public: bool,
    /// Channels (and forum channels, whose posts are threads) answered
    /// without a mention, only when sure.
    pub help_channel_ids: Vec<u64>,
    /// How sure (0..1) an answer in a help channel must be; below, silence.
    pub help_channel_threshold: f64,
    /// Which gateway shards this process runs.
    pub shards: Shards,
}

impl std::fmt::Debug for DiscordConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordConfig")
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("api_base", &self.api_base)
            .field("guild_id", &self.guild_id)
            .field("log_user_ids", &self.log_user_ids)
            .field("moderator_user_ids", &self.moderator_user_ids)
            .field("moderator_role_ids", &self.moderator_role_ids)
            .field("suggestion_minutes", &self.suggestion_minutes)
            .field("fact_in_dms", &self.fact_in_dms)
            .field("ask_menu_public", &self.ask_menu_public)
            .field("help_channel_ids", &self.help_channel_ids)
            .field("help_channel_threshold", &self.help_channel_threshold)
            .field("shards", &self.shards)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LimitsConfig {
    /// Questions one user may ask per minute.
    pub questions_per_minute: u32,
    /// How long a follow-up may lean on the last exchange (0: never).
    pub followup_minutes: u32,
    /// How many conversations' last exchanges are remembered at most.
    pub conversations: u32,
}

/// The file name of the database in the data directory.
pub const DATABASE_FILE: &str = "summit-bot.db";

/// Where the database lives when no layer says: `summit-bot.db` in the
/// platform's data directory for summit-bot (on Linux
/// `$XDG_DATA_HOME/summit-bot`, by default `~/.local/share/summit-bot`; on
/// macOS `~/Library/Application Support/summit-bot`), so every command finds
/// the same database whatever the working directory. With no home directory
/// to find it from: `summit-bot.db` in the working directory.
pub fn default_database() -> PathBuf {
    match directories::ProjectDirs::from("", "", "summit-bot") {
        Some(dirs) => dirs.data_dir().join(DATABASE_FILE),
        None => PathBuf::from(DATABASE_FILE),
    }
}

impl Config {
    /// The configuration in force: defaults, `config/local.toml` (relative
    /// to the working directory) if present, `extra` (`--config`) if
    /// given, then the process environment.
    pub fn load(extra: Option<&Path>) -> Result<Config, ConfigError> {
        Config::load_from(Some(Path::new(LOCAL_PATH)), extra, std::env::vars_os())
    }

    /// [`Config::load`] with the local file and the environment given: for
    /// tests, and for callers that must not read the process's own.
    pub fn load_from(
        local: Option<&Path>,
        extra: Option<&Path>,
        env: impl IntoIterator<Item = (OsString, OsString)>,
    ) -> Result<Config, ConfigError> {
        let mut layer = Layer::from_toml(DEFAULT_TOML, "the built-in config/default.toml")?;
        let mut origins = vec!["built-in defaults".to_string()];
        if let Some(path) = local {
            if let Some((local, origin)) = read_layer(path, true)? {
                layer = layer.merge(local);
                origins.push(origin);
            }
        }
        if let Some(path) = extra {
            if let Some((extra, origin)) = read_layer(path, false)? {
                layer = layer.merge(extra);
                origins.push(origin);
            }
        }
        layer = layer.merge(Layer::from_env(env)?);
        origins.push("environment".to_string());
        Config::from_layer(layer, origins)
    }

    /// The built-in defaults alone (no files, no environment).
    pub fn defaults() -> Result<Config, ConfigError> {
        Config::load_from(None, None, std::iter::empty())
    }

    fn from_layer(l: Layer, origins: Vec<String>) -> Result<Config, ConfigError> {
        // The built-in layer sets every required key; a missing one is a bug
        // in config/default.toml, reported like any other bad key.
        fn required<T>(v: Option<T>, key: &str) -> Result<T, ConfigError> {
            v.ok_or_else(|| ConfigError::Invalid {
                key: key.to_string(),
                origin: "the built-in config/default.toml".to_string(),
                message: "is missing".to_string(),
            })
        }
        Ok(Config {
            database: l.database.unwrap_or_else(default_database),
            matcher: MatcherConfig {
                threshold: required(l.threshold, "matcher.threshold")?,
                max_question_chars: required(l.max_question_chars, "matcher.max_question_chars")?,
            },
            discord: DiscordConfig {
                token: l.token.flatten(),
                api_base: l.api_base.flatten(),
                guild_id: l.guild_id.flatten(),
                log_user_ids: required(l.log_user_ids, "discord.log_user_ids")?,
                moderator_user_ids: required(l.moderator_user_ids, "discord.moderator_user_ids")?,
                moderator_role_ids: required(l.moderator_role_ids, "discord.moderator_role_ids")?,
                suggestion_minutes: required(l.suggestion_minutes, "discord.suggestion_minutes")?,
                fact_in_dms: required(l.fact_in_dms, "discord.fact_in_dms")?,
                ask_menu_public: required(l.ask_menu_public, "discord.ask_menu_public")?,
                help_channel_ids: required(l.help_channel_ids, "discord.help_channel_ids")?,
                help_channel_threshold: required(
                    l.help_channel_threshold,
                    "discord.help_channel_threshold",
                )?,
                shards: required(l.shards, "discord.shards")?,
            },
            limits: LimitsConfig {
                questions_per_minute: required(
                    l.questions_per_minute,
                    "limits.questions_per_minute",
                )?,
                followup_minutes: required(l.followup_minutes, "limits.followup_minutes")?,
                conversations: required(l.conversations, "limits.conversations")?,
            },
            origins,
        })
    }

    /// A fresh memory of conversations' last exchanges, as configured.
    pub fn conversations<K: std::hash::Hash + Eq + Clone>(
        &self,
    ) -> crate::conversation::Conversations<K> {
        crate::conversation::Conversations::new(
            std::time::Duration::from_secs(u64::from(self.limits.followup_minutes) * 60),
            self.limits.conversations as usize,
        )
    }

    /// The engine's tunables.
    // The engine owns `Settings` and may add tunables with defaults of its
    // own; the update keeps this compiling when it does.
    #[allow(clippy::needless_update)]
    pub fn settings(&self) -> Settings {
        Settings {
            threshold: self.matcher.threshold,
            max_question_chars: self.matcher.max_question_chars,
            ..Settings::default()
        }
    }
}
