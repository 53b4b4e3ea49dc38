//! `discord.shards`: which of the bot's gateway shards this process runs.
//! Discord splits a bot's servers over shards by `(guild_id >> 22) % total`
//! and requires sharding from 2,500 servers; several processes (or hosts)
//! on one database can each run a range of them.
//!
//! Here: the typed value and how its text is read. The key's name and
//! layer are added to a parse error by `key`.

use std::fmt;

/// The forms `discord.shards` accepts, for error messages.
pub const ACCEPTED: &str =
    "\"auto\", \"FIRST..=LAST of TOTAL\" (e.g. \"0..=1 of 4\") or \"ID of TOTAL\" (e.g. \"2 of 4\")";

/// Which shards this process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shards {
    /// All of them, as many as Discord recommends (`GET /gateway/bot`): one
    /// process serves the whole bot. One shard until 2,500 servers.
    #[default]
    Auto,
    /// A fixed range of a fixed total: other processes run the rest.
    Range(ShardRange),
}

/// Shards `first..=last` of `total` (ids count from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// The range `first..=last` of `total`, if it is one: not empty, and
    /// within the total.
    pub fn new(first: u32, last: u32, total: u32) -> Result<ShardRange, String> {
        if total == 0 {
            return Err("the total number of shards must be at least 1".to_string());
        }
        if last < first {
            return Err(format!(
                "the last shard ({last}) comes before the first ({first})"
            ));
        }
        if last >= total {
            return Err(format!(
                "shard ids run from 0 to {} when there are {total}, so {last} is not one",
                total - 1
            ));
        }
        Ok(ShardRange { first, last, total })
    }

    /// Whether this range holds shard `id`.
    pub fn holds(&self, id: u32) -> bool {
        (self.first..=self.last).contains(&id)
    }
}

impl fmt::Display for ShardRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..={} of {}", self.first, self.last, self.total)
    }
}

impl fmt::Display for Shards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shards::Auto => f.write_str("auto"),
            Shards::Range(range) => range.fmt(f),
        }
    }
}

/// Reads `auto`, `FIRST..=LAST of TOTAL` or `ID of TOTAL` (spaces around
/// the parts are free; `auto` and `of` in any case). The error says what is
/// wrong, not which key: the caller names it.
pub fn parse(text: &str) -> Result<Shards, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("auto") {
        return Ok(Shards::Auto);
    }
    let garbage = || format!("{text:?} is not a shard range");
    let lower = text.to_ascii_lowercase();
    let (ids, total) = lower.split_once(" of ").ok_or_else(garbage)?;
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| garbage());
    let total = number(total)?;
    let (first, last) = match ids.split_once("..=") {
        Some((first, last)) => (number(first)?, number(last)?),
        None => {
            let id = number(ids)?;
            (id, id)
        }
    };
    ShardRange::new(first, last, total).map(Shards::Range)
}
