//! Configuration, loaded in layers (later wins): the built-in
//! `config/default.toml`, then `config/local.toml` if it exists, then the
//! file given with `--config`, then `SUMMIT_BOT_<SECTION>_<KEY>` environment
//! variables and `DISCORD_TOKEN` / `DISCORD_API_BASE`.
//!
//! Every layer is checked as it is read, so an unknown key or a bad value
//! fails at start with a message naming the key and where it came from.
//! The Discord token is a secret: it is only read, never printed (see the
//! hand-written `Debug` of [`DiscordConfig`]).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::engine::Settings;

/// The built-in defaults; every key is documented there.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");
/// The optional, git-ignored local layer, relative to the working directory.
pub const LOCAL_PATH: &str = "config/local.toml";
/// Prefix of the environment variables that override config keys.
pub const ENV_PREFIX: &str = "SUMMIT_BOT_";

/// Questions longer than this are not worth a config value: Discord's own
/// limit on a message is 4,000 characters even with Nitro, and a question
/// costs time in proportion to its length.
const MAX_QUESTION_CHARS_LIMIT: usize = 10_000;

/// Suggestion buttons live at most a week: Discord keeps an interaction's
/// message editable for 15 minutes only, and a week-old suggestion is stale.
const MAX_SUGGESTION_MINUTES: u32 = 7 * 24 * 60;

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
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LimitsConfig {
    /// Questions one user may ask per minute.
    pub questions_per_minute: u32,
}

/// One layer as written in a TOML file; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    database: Option<PathBuf>,
    #[serde(default)]
    matcher: MatcherLayer,
    #[serde(default)]
    discord: DiscordLayer,
    #[serde(default)]
    limits: LimitsLayer,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MatcherLayer {
    threshold: Option<f64>,
    max_question_chars: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscordLayer {
    token: Option<String>,
    api_base: Option<String>,
    // Ids may be written as integers or strings of digits.
    guild_id: Option<toml::Value>,
    log_user_ids: Option<bool>,
    moderator_user_ids: Option<Vec<toml::Value>>,
    moderator_role_ids: Option<Vec<toml::Value>>,
    suggestion_minutes: Option<i64>,
    fact_in_dms: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsLayer {
    questions_per_minute: Option<i64>,
}

/// One layer, validated; `None` leaves the value of the layers below.
/// `Some(None)` clears an optional value.
#[derive(Debug, Default)]
struct Layer {
    database: Option<PathBuf>,
    threshold: Option<f64>,
    max_question_chars: Option<usize>,
    token: Option<Option<String>>,
    api_base: Option<Option<String>>,
    guild_id: Option<Option<u64>>,
    log_user_ids: Option<bool>,
    moderator_user_ids: Option<Vec<u64>>,
    moderator_role_ids: Option<Vec<u64>>,
    suggestion_minutes: Option<u32>,
    fact_in_dms: Option<bool>,
    questions_per_minute: Option<u32>,
}

/// Names the key being checked and where its value came from.
struct Key<'a> {
    name: String,
    origin: &'a str,
}

impl Key<'_> {
    fn invalid(&self, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            key: self.name.clone(),
            origin: self.origin.to_string(),
            message: message.into(),
        }
    }

    fn threshold(&self, v: f64) -> Result<f64, ConfigError> {
        if (0.0..=1.0).contains(&v) {
            Ok(v)
        } else {
            Err(self.invalid(format!("must be between 0 and 1, not {v}")))
        }
    }

    fn max_question_chars(&self, v: i64) -> Result<usize, ConfigError> {
        usize::try_from(v)
            .ok()
            .filter(|n| (1..=MAX_QUESTION_CHARS_LIMIT).contains(n))
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be between 1 and {MAX_QUESTION_CHARS_LIMIT}, not {v}"
                ))
            })
    }

    fn per_minute(&self, v: i64) -> Result<u32, ConfigError> {
        u32::try_from(v)
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| self.invalid(format!("must be a whole number of at least 1, not {v}")))
    }

    fn minutes(&self, v: i64) -> Result<u32, ConfigError> {
        u32::try_from(v)
            .ok()
            .filter(|n| (1..=MAX_SUGGESTION_MINUTES).contains(n))
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be between 1 and {MAX_SUGGESTION_MINUTES} minutes, not {v}"
                ))
            })
    }

    fn api_base(&self, v: &str) -> Result<Option<String>, ConfigError> {
        let v = v.trim();
        if v.is_empty() {
            Ok(None)
        } else if v.starts_with("http://") || v.starts_with("https://") {
            Ok(Some(v.to_string()))
        } else {
            Err(self.invalid(format!("must be an http:// or https:// URL, not {v:?}")))
        }
    }

    /// A Discord id (snowflake): a positive integer, written as a number or
    /// a string of digits. 0 is not an id (and serenity panics on it).
    fn id_text(&self, v: &str) -> Result<u64, ConfigError> {
        v.trim()
            .parse::<u64>()
            .ok()
            .filter(|id| *id != 0)
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be a Discord id (a positive whole number), not {v:?}"
                ))
            })
    }

    fn id_value(&self, v: &toml::Value) -> Result<u64, ConfigError> {
        match v {
            toml::Value::Integer(i) => self.id_text(&i.to_string()),
            toml::Value::String(s) => self.id_text(s),
            other => Err(self.invalid(format!(
                "must be a Discord id (a positive whole number), not {other}"
            ))),
        }
    }

    /// Ids from the environment: comma-separated.
    fn id_list_text(&self, v: &str) -> Result<Vec<u64>, ConfigError> {
        v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| self.id_text(s))
            .collect()
    }

    fn bool_text(&self, v: &str) -> Result<bool, ConfigError> {
        match v.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(self.invalid(format!("must be true or false, not {v:?}"))),
        }
    }

    fn float_text(&self, v: &str) -> Result<f64, ConfigError> {
        v.trim()
            .parse::<f64>()
            .map_err(|_| self.invalid(format!("must be a number, not {v:?}")))
    }

    fn int_text(&self, v: &str) -> Result<i64, ConfigError> {
        v.trim()
            .parse::<i64>()
            .map_err(|_| self.invalid(format!("must be a whole number, not {v:?}")))
    }
}

/// An empty token means none.
fn token(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

impl Layer {
    /// Parses and checks one TOML layer; `origin` names it in errors.
    fn from_toml(text: &str, origin: &str) -> Result<Layer, ConfigError> {
        let file: FileLayer = toml::from_str(text).map_err(|e| ConfigError::Parse {
            origin: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let key = |name: &str| Key {
            name: name.to_string(),
            origin,
        };
        let ids =
            |name: &str, list: Option<Vec<toml::Value>>| -> Result<Option<Vec<u64>>, ConfigError> {
                list.map(|l| l.iter().map(|v| key(name).id_value(v)).collect())
                    .transpose()
            };
        let (m, d, l) = (file.matcher, file.discord, file.limits);
        Ok(Layer {
            database: file.database,
            threshold: m
                .threshold
                .map(|v| key("matcher.threshold").threshold(v))
                .transpose()?,
            max_question_chars: m
                .max_question_chars
                .map(|v| key("matcher.max_question_chars").max_question_chars(v))
                .transpose()?,
            token: d.token.map(|v| token(&v)),
            api_base: d
                .api_base
                .map(|v| key("discord.api_base").api_base(&v))
                .transpose()?,
            guild_id: d
                .guild_id
                .map(|v| key("discord.guild_id").id_value(&v).map(Some))
                .transpose()?,
            log_user_ids: d.log_user_ids,
            moderator_user_ids: ids("discord.moderator_user_ids", d.moderator_user_ids)?,
            moderator_role_ids: ids("discord.moderator_role_ids", d.moderator_role_ids)?,
            suggestion_minutes: d
                .suggestion_minutes
                .map(|v| key("discord.suggestion_minutes").minutes(v))
                .transpose()?,
            fact_in_dms: d.fact_in_dms,
            questions_per_minute: l
                .questions_per_minute
                .map(|v| key("limits.questions_per_minute").per_minute(v))
                .transpose()?,
        })
    }

    /// The environment's layer. `SUMMIT_BOT_*` variables win over the
    /// plain `DISCORD_*` ones; an empty variable counts as unset.
    fn from_env(
        vars: impl IntoIterator<Item = (OsString, OsString)>,
    ) -> Result<Layer, ConfigError> {
        let mut plain = BTreeMap::new();
        let mut prefixed = BTreeMap::new();
        for (name, value) in vars {
            let Some(name) = name.to_str().map(str::to_string) else {
                continue; // not ours: ours are ASCII
            };
            let ours = name.starts_with(ENV_PREFIX)
                || name == "DISCORD_TOKEN"
                || name == "DISCORD_API_BASE";
            if !ours {
                continue;
            }
            let value = value
                .into_string()
                .map_err(|_| ConfigError::NotUnicode { name: name.clone() })?;
            if value.trim().is_empty() {
                continue;
            }
            if let Some(key) = name.strip_prefix(ENV_PREFIX) {
                prefixed.insert(key.to_string(), (name, value));
            } else {
                plain.insert(name.clone(), (name, value));
            }
        }
        let mut layer = Layer::default();
        let origin = "the environment";
        if let Some((_, v)) = plain.get("DISCORD_TOKEN") {
            layer.token = Some(token(v));
        }
        if let Some((name, v)) = plain.get("DISCORD_API_BASE") {
            let key = Key {
                name: name.clone(),
                origin,
            };
            layer.api_base = Some(key.api_base(v)?);
        }
        for (suffix, (name, v)) in &prefixed {
            let key = Key {
                name: name.clone(),
                origin,
            };
            match suffix.as_str() {
                "DATABASE" => layer.database = Some(PathBuf::from(v)),
                "MATCHER_THRESHOLD" => layer.threshold = Some(key.threshold(key.float_text(v)?)?),
                "MATCHER_MAX_QUESTION_CHARS" => {
                    layer.max_question_chars = Some(key.max_question_chars(key.int_text(v)?)?)
                }
                "DISCORD_TOKEN" => layer.token = Some(token(v)),
                "DISCORD_API_BASE" => layer.api_base = Some(key.api_base(v)?),
                "DISCORD_GUILD_ID" => layer.guild_id = Some(Some(key.id_text(v)?)),
                "DISCORD_LOG_USER_IDS" => layer.log_user_ids = Some(key.bool_text(v)?),
                "DISCORD_MODERATOR_USER_IDS" => {
                    layer.moderator_user_ids = Some(key.id_list_text(v)?)
                }
                "DISCORD_MODERATOR_ROLE_IDS" => {
                    layer.moderator_role_ids = Some(key.id_list_text(v)?)
                }
                "DISCORD_SUGGESTION_MINUTES" => {
                    layer.suggestion_minutes = Some(key.minutes(key.int_text(v)?)?)
                }
                "DISCORD_FACT_IN_DMS" => layer.fact_in_dms = Some(key.bool_text(v)?),
                "LIMITS_QUESTIONS_PER_MINUTE" => {
                    layer.questions_per_minute = Some(key.per_minute(key.int_text(v)?)?)
                }
                _ => {
                    return Err(ConfigError::UnknownEnv {
                        name: name.clone(),
                        known: ENV_KEYS
                            .iter()
                            .map(|k| format!("{ENV_PREFIX}{k}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
                }
            }
        }
        Ok(layer)
    }

    /// `over` on top of `self`.
    fn merge(self, over: Layer) -> Layer {
        Layer {
            database: over.database.or(self.database),
            threshold: over.threshold.or(self.threshold),
            max_question_chars: over.max_question_chars.or(self.max_question_chars),
            token: over.token.or(self.token),
            api_base: over.api_base.or(self.api_base),
            guild_id: over.guild_id.or(self.guild_id),
            log_user_ids: over.log_user_ids.or(self.log_user_ids),
            moderator_user_ids: over.moderator_user_ids.or(self.moderator_user_ids),
            moderator_role_ids: over.moderator_role_ids.or(self.moderator_role_ids),
            suggestion_minutes: over.suggestion_minutes.or(self.suggestion_minutes),
            fact_in_dms: over.fact_in_dms.or(self.fact_in_dms),
            questions_per_minute: over.questions_per_minute.or(self.questions_per_minute),
        }
    }
}

/// The environment keys, after [`ENV_PREFIX`].
const ENV_KEYS: &[&str] = &[
    "DATABASE",
    "MATCHER_THRESHOLD",
    "MATCHER_MAX_QUESTION_CHARS",
    "DISCORD_TOKEN",
    "DISCORD_API_BASE",
    "DISCORD_GUILD_ID",
    "DISCORD_LOG_USER_IDS",
    "DISCORD_MODERATOR_USER_IDS",
    "DISCORD_MODERATOR_ROLE_IDS",
    "DISCORD_SUGGESTION_MINUTES",
    "DISCORD_FACT_IN_DMS",
    "LIMITS_QUESTIONS_PER_MINUTE",
];

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

/// Reads a config file; a missing optional file is no layer at all.
fn read_layer(path: &Path, optional: bool) -> Result<Option<(Layer, String)>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if optional && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(cause) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                cause,
            })
        }
    };
    let origin = path.display().to_string();
    Ok(Some((Layer::from_toml(&text, &origin)?, origin)))
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
            },
            limits: LimitsConfig {
                questions_per_minute: required(
                    l.questions_per_minute,
                    "limits.questions_per_minute",
                )?,
            },
            origins,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A variable, its value, and what the config must then say.
    type EnvCase = (&'static str, &'static str, fn(&Config) -> bool);
    /// A config file, the environment, and the key the error must name.
    type BadCase = (
        &'static str,
        &'static [(&'static str, &'static str)],
        &'static str,
    );

    fn env(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
        pairs
            .iter()
            .map(|(k, v)| (OsString::from(k), OsString::from(v)))
            .collect()
    }

    fn with_file(text: &str, pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("extra.toml");
        std::fs::write(&path, text).expect("write config");
        Config::load_from(None, Some(&path), env(pairs))
    }

    #[test]
    fn defaults_load_and_match_the_engine_defaults() {
        let c = Config::defaults().expect("defaults load");
        assert_eq!(c.database, default_database());
        assert!(
            c.database.ends_with("summit-bot/summit-bot.db") && c.database.is_absolute(),
            "in the data directory: {}",
            c.database.display()
        );
        assert_eq!(c.settings(), Settings::default());
        assert_eq!(c.limits.questions_per_minute, 10);
        assert_eq!(c.discord.suggestion_minutes, 15);
        assert!(!c.discord.fact_in_dms);
        assert!(!c.discord.log_user_ids);
        assert_eq!(c.discord.token, None);
        assert_eq!(c.discord.guild_id, None);
    }

    #[test]
    fn layers_override_in_order() {
        let c = with_file(
            "database = \"file.db\"\n[matcher]\nthreshold = 0.3\n[discord]\nguild_id = \"42\"\nmoderator_user_ids = [7, \"8\"]\n",
            &[("SUMMIT_BOT_MATCHER_THRESHOLD", "0.7"), ("UNRELATED", "x")],
        )
        .expect("loads");
        assert_eq!(c.database, PathBuf::from("file.db"));
        assert_eq!(c.matcher.threshold, 0.7);
        assert_eq!(c.discord.guild_id, Some(42));
        assert_eq!(c.discord.moderator_user_ids, vec![7, 8]);
    }

    #[test]
    fn environment_keys_in_table() {
        let cases: &[EnvCase] = &[
            ("SUMMIT_BOT_DATABASE", "x/y.db", |c| {
                c.database == Path::new("x/y.db")
            }),
            ("SUMMIT_BOT_MATCHER_MAX_QUESTION_CHARS", "200", |c| {
                c.matcher.max_question_chars == 200
            }),
            ("SUMMIT_BOT_DISCORD_GUILD_ID", " 123456789012345678 ", |c| {
                c.discord.guild_id == Some(123456789012345678)
            }),
            ("SUMMIT_BOT_DISCORD_LOG_USER_IDS", "yes", |c| {
                c.discord.log_user_ids
            }),
            ("SUMMIT_BOT_DISCORD_MODERATOR_ROLE_IDS", "1, 2,,3", |c| {
                c.discord.moderator_role_ids == [1, 2, 3]
            }),
            ("SUMMIT_BOT_LIMITS_QUESTIONS_PER_MINUTE", "3", |c| {
                c.limits.questions_per_minute == 3
            }),
            ("SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES", "60", |c| {
                c.discord.suggestion_minutes == 60
            }),
            ("SUMMIT_BOT_DISCORD_FACT_IN_DMS", "yes", |c| {
                c.discord.fact_in_dms
            }),
            ("DISCORD_TOKEN", "abc.def", |c| {
                c.discord.token.as_deref() == Some("abc.def")
            }),
            ("DISCORD_TOKEN", "   ", |c| c.discord.token.is_none()),
            ("DISCORD_API_BASE", "http://127.0.0.1:9", |c| {
                c.discord.api_base.as_deref() == Some("http://127.0.0.1:9")
            }),
            // A u64 id above i64::MAX still parses.
            ("SUMMIT_BOT_DISCORD_GUILD_ID", "18446744073709551615", |c| {
                c.discord.guild_id == Some(u64::MAX)
            }),
        ];
        for (name, value, check) in cases {
            let c = Config::load_from(None, None, env(&[(name, value)]))
                .unwrap_or_else(|e| panic!("{name}={value:?}: {e}"));
            assert!(check(&c), "{name}={value:?} gave {c:?}");
        }
    }

    #[test]
    fn prefixed_token_wins_over_plain() {
        let c = Config::load_from(
            None,
            None,
            env(&[
                ("DISCORD_TOKEN", "plain"),
                ("SUMMIT_BOT_DISCORD_TOKEN", "prefixed"),
            ]),
        )
        .expect("loads");
        assert_eq!(c.discord.token.as_deref(), Some("prefixed"));
    }

    #[test]
    fn bad_keys_and_values_name_the_key() {
        let cases: &[BadCase] = &[
            ("databse = \"x\"\n", &[], "databse"),
            ("[matcher]\ntreshold = 0.5\n", &[], "treshold"),
            ("[discrod]\n", &[], "discrod"),
            ("[matcher]\nthreshold = 1.5\n", &[], "matcher.threshold"),
            ("[matcher]\nthreshold = -0.1\n", &[], "matcher.threshold"),
            (
                "[matcher]\nmax_question_chars = 0\n",
                &[],
                "matcher.max_question_chars",
            ),
            ("[discord]\nguild_id = \"abc\"\n", &[], "discord.guild_id"),
            ("[discord]\nguild_id = 0\n", &[], "discord.guild_id"),
            ("[discord]\nguild_id = -5\n", &[], "discord.guild_id"),
            (
                "[discord]\nmoderator_role_ids = [1, \"x\"]\n",
                &[],
                "discord.moderator_role_ids",
            ),
            (
                "[discord]\napi_base = \"ftp://x\"\n",
                &[],
                "discord.api_base",
            ),
            (
                "[limits]\nquestions_per_minute = 0\n",
                &[],
                "limits.questions_per_minute",
            ),
            (
                "[discord]\nsuggestion_minutes = 0\n",
                &[],
                "discord.suggestion_minutes",
            ),
            (
                "",
                &[("SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES", "20000")],
                "SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES",
            ),
            (
                "",
                &[("SUMMIT_BOT_MATCHER_THRESHOLD", "high")],
                "SUMMIT_BOT_MATCHER_THRESHOLD",
            ),
            (
                "",
                &[("SUMMIT_BOT_MATCHER_TRESHOLD", "0.5")],
                "SUMMIT_BOT_MATCHER_TRESHOLD",
            ),
            (
                "",
                &[("SUMMIT_BOT_DISCORD_GUILD_ID", "12x")],
                "SUMMIT_BOT_DISCORD_GUILD_ID",
            ),
            (
                "",
                &[("DISCORD_API_BASE", "localhost:80")],
                "DISCORD_API_BASE",
            ),
        ];
        for (file, vars, key) in cases {
            let err = with_file(file, vars).expect_err(&format!("{file:?} {vars:?} should fail"));
            let msg = err.to_string();
            assert!(
                msg.contains(key),
                "{file:?} {vars:?}: {msg:?} does not name {key}"
            );
            if vars.is_empty() {
                assert!(msg.contains("extra.toml"), "{msg:?} does not name the file");
            }
        }
    }

    #[test]
    fn missing_extra_file_is_an_error_but_missing_local_is_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("nope.toml");
        assert!(Config::load_from(Some(&missing), None, env(&[])).is_ok());
        let err = Config::load_from(None, Some(&missing), env(&[])).expect_err("must fail");
        assert!(err.to_string().contains("nope.toml"), "{err}");
    }

    #[test]
    fn debug_never_shows_the_token() {
        let c = Config::load_from(None, None, env(&[("DISCORD_TOKEN", "s3cr3t-token")]))
            .expect("loads");
        let shown = format!("{c:?} {:?}", c.discord);
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("redacted"), "{shown}");
    }
}
