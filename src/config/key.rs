//! The checks a config value must pass, the same whichever layer it comes
//! from, and the error that names the key and its layer when it fails.

use super::shards::{self, Shards};
use super::ConfigError;

/// Questions longer than this are not worth a config value: Discord's own
/// limit on a message is 4,000 characters even with Nitro, and a question
/// costs time in proportion to its length.
const MAX_QUESTION_CHARS_LIMIT: usize = 10_000;

/// Suggestion buttons live at most a week: Discord keeps an interaction's
/// message editable for 15 minutes only, and a week-old suggestion is stale.
const MAX_SUGGESTION_MINUTES: u32 = 7 * 24 * 60;

/// A follow-up leans on an exchange at most a day old: older, the person
/// has long moved on.
const MAX_FOLLOWUP_MINUTES: u32 = 24 * 60;

/// At most this many conversations are remembered (about 200 bytes each).
const MAX_CONVERSATIONS: u32 = 1_000_000;

/// Names the key being checked and where its value came from.
pub(super) struct Key<'a> {
    pub(super) name: String,
    pub(super) origin: &'a str,
}

impl Key<'_> {
    fn invalid(&self, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            key: self.name.clone(),
            origin: self.origin.to_string(),
            message: message.into(),
        }
    }

    pub(super) fn threshold(&self, v: f64) -> Result<f64, ConfigError> {
        if (0.0..=1.0).contains(&v) {
            Ok(v)
        } else {
            Err(self.invalid(format!("must be between 0 and 1, not {v}")))
        }
    }

    pub(super) fn max_question_chars(&self, v: i64) -> Result<usize, ConfigError> {
        usize::try_from(v)
            .ok()
            .filter(|n| (1..=MAX_QUESTION_CHARS_LIMIT).contains(n))
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be between 1 and {MAX_QUESTION_CHARS_LIMIT}, not {v}"
                ))
            })
    }

    /// Minutes a follow-up may lean on the last exchange: 0 (off) to a day.
    pub(super) fn followup_minutes(&self, v: i64) -> Result<u32, ConfigError> {
        u32::try_from(v)
            .ok()
            .filter(|n| *n <= MAX_FOLLOWUP_MINUTES)
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be between 0 and {MAX_FOLLOWUP_MINUTES} minutes, not {v}"
                ))
            })
    }

    /// How many conversations are remembered: 1 to a million.
    pub(super) fn conversations(&self, v: i64) -> Result<u32, ConfigError> {
        u32::try_from(v)
            .ok()
            .filter(|n| (1..=MAX_CONVERSATIONS).contains(n))
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be between 1 and {MAX_CONVERSATIONS}, not {v}"
                ))
            })
    }

    pub(super) fn per_minute(&self, v: i64) -> Result<u32, ConfigError> {
        u32::try_from(v)
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| self.invalid(format!("must be a whole number of at least 1, not {v}")))
    }

    pub(super) fn minutes(&self, v: i64) -> Result<u32, ConfigError> {
        u32::try_from(v)
            .ok()
            .filter(|n| (1..=MAX_SUGGESTION_MINUTES).contains(n))
            .ok_or_else(|| {
                self.invalid(format!(
                    "must be between 1 and {MAX_SUGGESTION_MINUTES} minutes, not {v}"
                ))
            })
    }

    pub(super) fn api_base(&self, v: &str) -> Result<Option<String>, ConfigError> {
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
    pub(super) fn id_text(&self, v: &str) -> Result<u64, ConfigError> {
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

    pub(super) fn id_value(&self, v: &toml::Value) -> Result<u64, ConfigError> {
        match v {
            toml::Value::Integer(i) => self.id_text(&i.to_string()),
            toml::Value::String(s) => self.id_text(s),
            other => Err(self.invalid(format!(
                "must be a Discord id (a positive whole number), not {other}"
            ))),
        }
    }

    /// Ids from the environment: comma-separated.
    pub(super) fn id_list_text(&self, v: &str) -> Result<Vec<u64>, ConfigError> {
        v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| self.id_text(s))
            .collect()
    }

    /// `discord.shards`: `auto`, `FIRST..=LAST of TOTAL` or `ID of TOTAL`.
    pub(super) fn shards(&self, v: &str) -> Result<Shards, ConfigError> {
        shards::parse(v)
            .map_err(|problem| self.invalid(format!("{problem}: write {}", shards::ACCEPTED)))
    }

    pub(super) fn bool_text(&self, v: &str) -> Result<bool, ConfigError> {
        match v.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(self.invalid(format!("must be true or false, not {v:?}"))),
        }
    }

    pub(super) fn float_text(&self, v: &str) -> Result<f64, ConfigError> {
        v.trim()
            .parse::<f64>()
            .map_err(|_| self.invalid(format!("must be a number, not {v:?}")))
    }

    pub(super) fn int_text(&self, v: &str) -> Result<i64, ConfigError> {
        v.trim()
            .parse::<i64>()
            .map_err(|_| self.invalid(format!("must be a whole number, not {v:?}")))
    }
}

/// An empty token means none.
pub(super) fn token(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}
