//! The environment's layer: `SUMMIT_BOT_<SECTION>_<KEY>` variables, and the
//! plain `DISCORD_TOKEN` / `DISCORD_API_BASE` that hosting platforms set.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;

use super::key::{token, Key};
use super::layer::Layer;
use super::{ConfigError, ENV_PREFIX};

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
    "DISCORD_ASK_MENU_PUBLIC",
    "DISCORD_HELP_CHANNEL_IDS",
    "DISCORD_HELP_CHANNEL_THRESHOLD",
    "DISCORD_SHARDS",
    "LIMITS_QUESTIONS_PER_MINUTE",
    "LIMITS_FOLLOWUP_MINUTES",
    "LIMITS_CONVERSATIONS",
];

/// How errors name the layer the environment makes.
const ORIGIN: &str = "the environment";

/// Variables by key: the variable's full name and its value.
type Vars = BTreeMap<String, (String, String)>;

impl Layer {
    /// The environment's layer. `SUMMIT_BOT_*` variables win over the
    /// plain `DISCORD_*` ones; an empty variable counts as unset.
    pub(super) fn from_env(
        vars: impl IntoIterator<Item = (OsString, OsString)>,
    ) -> Result<Layer, ConfigError> {
        let (plain, prefixed) = ours(vars)?;
        let mut layer = Layer::default();
        if let Some((_, v)) = plain.get("DISCORD_TOKEN") {
            layer.token = Some(token(v));
        }
        if let Some((name, v)) = plain.get("DISCORD_API_BASE") {
            layer.api_base = Some(key(name).api_base(v)?);
        }
        for (suffix, (name, v)) in &prefixed {
            layer.set_from_env(suffix, &key(name), v)?;
        }
        Ok(layer)
    }

    /// Sets the key a `SUMMIT_BOT_*` variable names by its `suffix` (the
    /// name after [`ENV_PREFIX`]) to `v`, checked as a file's value is.
    fn set_from_env(&mut self, suffix: &str, key: &Key<'_>, v: &str) -> Result<(), ConfigError> {
        match suffix {
            "DATABASE" => self.database = Some(PathBuf::from(v)),
            "MATCHER_THRESHOLD" => self.threshold = Some(key.threshold(key.float_text(v)?)?),
            "MATCHER_MAX_QUESTION_CHARS" => {
                self.max_question_chars = Some(key.max_question_chars(key.int_text(v)?)?)
            }
            "DISCORD_TOKEN" => self.token = Some(token(v)),
            "DISCORD_API_BASE" => self.api_base = Some(key.api_base(v)?),
            "DISCORD_GUILD_ID" => self.guild_id = Some(Some(key.id_text(v)?)),
            "DISCORD_LOG_USER_IDS" => self.log_user_ids = Some(key.bool_text(v)?),
            "DISCORD_MODERATOR_USER_IDS" => self.moderator_user_ids = Some(key.id_list_text(v)?),
            "DISCORD_MODERATOR_ROLE_IDS" => self.moderator_role_ids = Some(key.id_list_text(v)?),
            "DISCORD_SUGGESTION_MINUTES" => {
                self.suggestion_minutes = Some(key.minutes(key.int_text(v)?)?)
            }
            "DISCORD_FACT_IN_DMS" => self.fact_in_dms = Some(key.bool_text(v)?),
            "DISCORD_ASK_MENU_PUBLIC" => self.ask_menu_public = Some(key.bool_text(v)?),
            "DISCORD_HELP_CHANNEL_IDS" => self.help_channel_ids = Some(key.id_list_text(v)?),
            "DISCORD_HELP_CHANNEL_THRESHOLD" => {
                self.help_channel_threshold = Some(key.threshold(key.float_text(v)?)?)
            }
            "DISCORD_SHARDS" => self.shards = Some(key.shards(v)?),
            "LIMITS_FOLLOWUP_MINUTES" => {
                self.followup_minutes = Some(key.followup_minutes(key.int_text(v)?)?)
            }
            "LIMITS_CONVERSATIONS" => {
                self.conversations = Some(key.conversations(key.int_text(v)?)?)
            }
            "LIMITS_QUESTIONS_PER_MINUTE" => {
                self.questions_per_minute = Some(key.per_minute(key.int_text(v)?)?)
            }
            _ => {
                return Err(ConfigError::UnknownEnv {
                    name: key.name.clone(),
                    known: ENV_KEYS
                        .iter()
                        .map(|k| format!("{ENV_PREFIX}{k}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
            }
        }
        Ok(())
    }
}

/// The variables that are ours and set (not empty): the plain
/// `DISCORD_*` ones by their name, the `SUMMIT_BOT_*` ones by their name
/// after [`ENV_PREFIX`].
fn ours(vars: impl IntoIterator<Item = (OsString, OsString)>) -> Result<(Vars, Vars), ConfigError> {
    let mut plain = BTreeMap::new();
    let mut prefixed = BTreeMap::new();
    for (name, value) in vars {
        let Some(name) = name.to_str().map(str::to_string) else {
            continue; // not ours: ours are ASCII
        };
        let ours =
            name.starts_with(ENV_PREFIX) || name == "DISCORD_TOKEN" || name == "DISCORD_API_BASE";
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
    Ok((plain, prefixed))
}

/// The key a variable sets, named by the variable.
fn key(name: &str) -> Key<'static> {
    Key {
        name: name.to_string(),
        origin: ORIGIN,
    }
}
