//! One config layer: a TOML file as written (every key optional), and the
//! validated [`Layer`] it becomes, which stacks on the layers below it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::key::{token, Key};
use super::shards::Shards;
use super::ConfigError;

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
    ask_menu_public: Option<bool>,
    help_channel_ids: Option<Vec<toml::Value>>,
    help_channel_threshold: Option<f64>,
    shards: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsLayer {
    questions_per_minute: Option<i64>,
    followup_minutes: Option<i64>,
    conversations: Option<i64>,
}

/// One layer, validated; `None` leaves the value of the layers below.
/// `Some(None)` clears an optional value.
#[derive(Debug, Default)]
pub(super) struct Layer {
    pub(super) database: Option<PathBuf>,
    pub(super) threshold: Option<f64>,
    pub(super) max_question_chars: Option<usize>,
    pub(super) token: Option<Option<String>>,
    pub(super) api_base: Option<Option<String>>,
    pub(super) guild_id: Option<Option<u64>>,
    pub(super) log_user_ids: Option<bool>,
    pub(super) moderator_user_ids: Option<Vec<u64>>,
    pub(super) moderator_role_ids: Option<Vec<u64>>,
    pub(super) suggestion_minutes: Option<u32>,
    pub(super) fact_in_dms: Option<bool>,
    pub(super) ask_menu_public: Option<bool>,
    pub(super) help_channel_ids: Option<Vec<u64>>,
    pub(super) help_channel_threshold: Option<f64>,
    pub(super) shards: Option<Shards>,
    pub(super) questions_per_minute: Option<u32>,
    pub(super) followup_minutes: Option<u32>,
    pub(super) conversations: Option<u32>,
}

impl Layer {
    /// Parses and checks one TOML layer; `origin` names it in errors.
    pub(super) fn from_toml(text: &str, origin: &str) -> Result<Layer, ConfigError> {
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
            ask_menu_public: d.ask_menu_public,
            help_channel_ids: ids("discord.help_channel_ids", d.help_channel_ids)?,
            help_channel_threshold: d
                .help_channel_threshold
                .map(|v| key("discord.help_channel_threshold").threshold(v))
                .transpose()?,
            shards: d
                .shards
                .map(|v| key("discord.shards").shards(&v))
                .transpose()?,
            questions_per_minute: l
                .questions_per_minute
                .map(|v| key("limits.questions_per_minute").per_minute(v))
                .transpose()?,
            followup_minutes: l
                .followup_minutes
                .map(|v| key("limits.followup_minutes").followup_minutes(v))
                .transpose()?,
            conversations: l
                .conversations
                .map(|v| key("limits.conversations").conversations(v))
                .transpose()?,
        })
    }

    /// `over` on top of `self`.
    pub(super) fn merge(self, over: Layer) -> Layer {
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
            ask_menu_public: over.ask_menu_public.or(self.ask_menu_public),
            help_channel_ids: over.help_channel_ids.or(self.help_channel_ids),
            help_channel_threshold: over.help_channel_threshold.or(self.help_channel_threshold),
            shards: over.shards.or(self.shards),
            questions_per_minute: over.questions_per_minute.or(self.questions_per_minute),
            followup_minutes: over.followup_minutes.or(self.followup_minutes),
            conversations: over.conversations.or(self.conversations),
        }
    }
}

/// Reads a config file; a missing optional file is no layer at all.
pub(super) fn read_layer(
    path: &Path,
    optional: bool,
) -> Result<Option<(Layer, String)>, ConfigError> {
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
