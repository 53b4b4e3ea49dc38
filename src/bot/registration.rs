//! Registering the slash commands with Discord, in one server
//! (`discord.guild_id`) or globally, and clearing a scope
//! (`summit-bot commands clear`). Commands registered in both scopes show
//! twice in that server, so the start says so when it finds them.

use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use serde_json::Value;

use super::rest::{self, Rest, RestError};
use super::{Data, Error};
use crate::config::Config;

/// At start with global commands, how many of the bot's servers are
/// checked for left-over server copies: one call each, and a big bot is
/// in thousands.
const GUILDS_CHECKED: usize = 10;

/// Registers `commands` in `guild` or globally, then warns if the other
/// scope holds commands too. Failures are logged, not returned: the bot
/// answers DMs and mentions without commands, and Discord keeps the last
/// registration.
pub async fn register(
    rest: &Rest,
    ready: &serenity::Ready,
    commands: &[poise::Command<Data, Error>],
    guild: Option<serenity::GuildId>,
) {
    let application = ready.application.id;
    let body = match serde_json::to_value(poise::builtins::create_application_commands(commands)) {
        Ok(body) => permissions_as_integers(body),
        Err(error) => {
            tracing::error!(%error, "could not write the slash commands");
            return;
        }
    };
    let scope = if guild.is_some() { "guild" } else { "global" };
    match rest.put_commands(application, guild, &body).await {
        Ok(_) => tracing::info!(
            commands = commands.len(),
            scope,
            "registered the slash commands"
        ),
        Err(error) => {
            tracing::error!(%error, "could not register the slash commands");
            return;
        }
    }
    let others: Vec<Option<serenity::GuildId>> = match guild {
        Some(_) => vec![None],
        None => ready
            .guilds
            .iter()
            .take(GUILDS_CHECKED)
            .map(|g| Some(g.id))
            .collect(),
    };
    for other in others {
        match rest.get_commands(application, other).await {
            Ok(listed) if !listed.is_empty() => warn_both_scopes(guild, other, &listed),
            Ok(_) => {}
            Err(error) => tracing::debug!(%error, "could not list the commands of another scope"),
        }
    }
}

/// Discord's published OpenAPI spec types a command's
/// `default_member_permissions` in a request as an integer (its prose docs
/// say a string, and Discord takes both); serenity writes a string. The
/// integer is what every reading of Discord's API accepts.
fn permissions_as_integers(mut body: Value) -> Value {
    for command in body.as_array_mut().into_iter().flatten() {
        if let Some(field) = command.get_mut("default_member_permissions") {
            if let Some(bits) = field.as_str().and_then(|s| s.parse::<u64>().ok()) {
                *field = Value::from(bits);
            }
        }
    }
    body
}

fn warn_both_scopes(
    registered: Option<serenity::GuildId>,
    other: Option<serenity::GuildId>,
    listed: &[Value],
) {
    let names: Vec<&str> = listed
        .iter()
        .filter_map(|c| c.get("name").and_then(Value::as_str))
        .collect();
    let (server, fix) = match (registered, other) {
        (Some(guild), _) => (guild, "summit-bot commands clear".to_string()),
        (None, Some(guild)) => (guild, format!("summit-bot commands clear --guild {guild}")),
        (None, None) => return,
    };
    tracing::warn!(
        guild = %server,
        other_scope = ?names,
        "commands are registered both globally and in this server, so they show twice \
         there: `{fix}` removes the copies no longer wanted"
    );
}

/// `summit-bot commands clear [--guild ID]`: removes every command the bot
/// registered in `guild`, or globally. Returns how many there were.
pub async fn clear(config: &Config, guild: Option<u64>) -> anyhow::Result<usize> {
    let Some(token) = config.discord.token.as_deref() else {
        anyhow::bail!(
            "no Discord token: set DISCORD_TOKEN (or discord.token in config/local.toml) to \
             clear the bot's commands"
        );
    };
    let rest = Rest::new(
        rest::http_client().context("setting up HTTPS")?,
        config.discord.api_base.as_deref().unwrap_or(rest::DISCORD),
        token,
    );
    let application = rest
        .application_id()
        .await
        .map_err(|e| refused(e, "reading the bot's application"))?
        .ok_or_else(|| anyhow::anyhow!("Discord did not say the bot's application id"))?;
    let guild = guild.filter(|g| *g != 0).map(serenity::GuildId::new);
    let before = rest
        .get_commands(application, guild)
        .await
        .map_err(|e| refused(e, "listing the commands"))?;
    rest.put_commands(application, guild, &Value::Array(Vec::new()))
        .await
        .map_err(|e| refused(e, "clearing the commands"))?;
    Ok(before.len())
}

fn refused(error: RestError, doing: &str) -> anyhow::Error {
    match error.status().map(|s| s.as_u16()) {
        Some(401 | 403) => {
            anyhow::anyhow!("{doing}: Discord refused the bot token ({error}); check DISCORD_TOKEN")
        }
        _ => anyhow::Error::new(error).context(doing.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn permissions_go_to_discord_as_integers() {
        let body = json!([{"name": "ask"}, {"name": "fact", "default_member_permissions": "8192"}]);
        let sent = permissions_as_integers(body);
        assert_eq!(sent[1]["default_member_permissions"], json!(8192));
        assert_eq!(sent[0].get("default_member_permissions"), None);
    }
}
