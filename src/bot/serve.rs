//! Connecting to Discord and serving until the connection ends or the
//! process is stopped: the token checked first, the poise framework built,
//! the facts reloaded when another process changes them, and the events
//! under way drained on a clean stop. With `discord.shards` set to a range,
//! several such processes on one database each run some of the bot's
//! gateway shards; the facts reload is what shows each one the others'
//! moderators' changes.

use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use tracing::Instrument as _;

use super::{
    buttons, commands, errors, messages, no_mentions, registration, rest, shutdown, teach, Data,
    Error,
};
use crate::app::App;
use crate::config::{Config, ShardRange, Shards};

/// How often the bot checks whether another process (the CLI, say) changed
/// the facts in the database. A fact edit shows within this long (taking
/// it in is milliseconds: `App::reload`); checking costs one read of the
/// store's content revision.
const RELOAD_EVERY: Duration = Duration::from_secs(1);

/// Connects to Discord (or to `discord.api_base`) and serves `app` until
/// the connection ends or the process is interrupted. The app is shared:
/// whoever holds its lock (the reload, a moderator's change) holds up
/// answers, which the bot then defers in time.
pub async fn run(app: Arc<RwLock<App>>, config: Config) -> anyhow::Result<()> {
    // First of all: until then a SIGTERM kills the process outright.
    let stopped = shutdown::on_signal();
    let Some(token) = config.discord.token.clone() else {
        anyhow::bail!(
            "no Discord token: set DISCORD_TOKEN (or discord.token in config/local.toml)"
        );
    };
    let https = rest::http_client().context("setting up HTTPS")?;
    let rest = rest::Rest::new(
        https.clone(),
        config.discord.api_base.as_deref().unwrap_or(rest::DISCORD),
        &token,
    );
    let http = serenity_http(&config, &token, https);
    let data = Data::new(app, &config, rest.clone());
    let reloading = tokio::spawn(reload_when_changed(data.app.clone()));

    let recommended = tokio::select! {
        checked = check_token(&http) => checked?,
        () = shutdown::wait(stopped.clone()) => {
            reloading.abort();
            return Ok(());
        }
    };
    let shards = shard_range(config.discord.shards, recommended);
    tracing::info!(
        first = shards.first,
        last = shards.last,
        total = shards.total,
        configured = %config.discord.shards,
        "running gateway shards {shards}"
    );
    // One process registers, or every process would replace the commands
    // again at each start. Shard 0 is the one every layout has.
    let framework = framework(&config, data, rest, shards.holds(0));
    let in_flight = shutdown::InFlight::default();
    let intents = super::intents(&config);
    let mut client =
        discord_client(http, intents, framework, in_flight.clone(), stopped.clone()).await?;
    // Serenity reads the range's end as the last shard, inclusive (its docs:
    // `4..7` starts shards 4 through 7), so `first..last` runs first..=last.
    // With `auto` this is what `start_autosharded` does, with the count
    // from the call that checked the token rather than a second one.
    let served = client
        .start_shard_range(shards.first..shards.last, shards.total)
        .await
        .context("the Discord connection failed");
    reloading.abort();
    if *stopped.borrow() {
        drain(in_flight).await;
    }
    served
}

/// The shards this process runs: the configured range, or with `auto` all
/// of the `recommended` count (Discord's, from `GET /gateway/bot`).
fn shard_range(configured: Shards, recommended: u32) -> ShardRange {
    match configured {
        Shards::Range(range) => range,
        Shards::Auto => {
            // Discord never recommends none; one is what a bot needs.
            let total = recommended.max(1);
            ShardRange {
                first: 0,
                last: total - 1,
                total,
            }
        }
    }
}

/// Serenity's HTTP client for `token`, sending to `discord.api_base` when
/// it is set.
fn serenity_http(config: &Config, token: &str, https: reqwest::Client) -> serenity::Http {
    let mut http = serenity::HttpBuilder::new(token)
        .client(https)
        .default_allowed_mentions(no_mentions());
    if let Some(base) = &config.discord.api_base {
        // Serenity's rate limiter builds its requests without the proxy, so
        // it must be off; the proxy is the one to rate-limit.
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
        tracing::info!(api_base = %base, "sending Discord REST calls to the configured API base");
    }
    http.build()
}

/// The poise framework: the commands, the one error handler, the events
/// the bot handles itself, and, when `registers`, the commands'
/// registration once connected.
fn framework(
    config: &Config,
    data: Data,
    rest: rest::Rest,
    registers: bool,
) -> poise::Framework<Data, Error> {
    let guild_id = config.discord.guild_id.map(serenity::GuildId::new);
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands(config),
            on_error: |error| Box::pin(errors::on_error(error)),
            pre_command: |ctx| {
                Box::pin(async move {
                    tracing::info!(
                        command = %ctx.command().qualified_name,
                        in_guild = ctx.guild_id().is_some(),
                        shard = ctx.serenity_context().shard_id.0,
                        "command"
                    );
                })
            },
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            allowed_mentions: Some(no_mentions()),
            prefix_options: poise::PrefixFrameworkOptions {
                // Mentions are questions, handled in `messages`, not commands.
                mention_as_prefix: false,
                ..Default::default()
            },
            ..Default::default()
        })
        .setup(move |_ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(
                    bot = %ready.user.name,
                    shard = ready.shard.map(|s| s.id.0),
                    "connected to Discord"
                );
                if registers {
                    // A failure here must not stop the bot: DMs and mentions
                    // work without commands, and Discord keeps the last
                    // registration.
                    registration::register(&rest, ready, &framework.options().commands, guild_id)
                        .await;
                } else {
                    tracing::info!(
                        "not registering the slash commands: the process running shard 0 does"
                    );
                }
                Ok(data)
            })
        })
        .build()
}

/// The Discord client over `framework`, counting the events under way in
/// `in_flight`; its gateway connections close when `stopped` says.
async fn discord_client(
    http: serenity::Http,
    intents: serenity::GatewayIntents,
    framework: poise::Framework<Data, Error>,
    in_flight: shutdown::InFlight,
    stopped: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<serenity::Client> {
    let framework = shutdown::Counted {
        inner: framework,
        in_flight,
    };
    let client = serenity::ClientBuilder::new_with_http(http, intents)
        .framework(framework)
        .await
        .context("building the Discord client")?;
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown::wait(stopped).await;
        // Closes each gateway connection with a normal close (1000).
        shards.shutdown_all().await;
    });
    Ok(client)
}

/// After a stop: answers under way still reach Discord over REST, and
/// their question-log writes land, before the process ends.
async fn drain(in_flight: shutdown::InFlight) {
    let left = in_flight.drain(shutdown::DRAIN_WITHIN).await;
    if left > 0 {
        tracing::warn!(events = left, "stopped with events still being handled");
    }
    tracing::info!("disconnected from Discord");
}

/// How many times the start-up check tries to reach Discord, and how long
/// it waits between tries: a brief network blip should not stop the bot.
const CHECK_TRIES: u32 = 3;
const CHECK_PAUSE: Duration = Duration::from_secs(2);

/// Checks the token with one authenticated call before connecting. Serenity
/// retries a failed gateway start every 5 s forever, with only a warning, so
/// a wrong token or an unreachable API would look like a bot that runs.
/// Neither error message holds the token. Returns the number of shards
/// Discord recommends, which the same call says.
async fn check_token(http: &serenity::Http) -> anyhow::Result<u32> {
    let mut tries = 0;
    loop {
        tries += 1;
        let error = match http.get_bot_gateway().await {
            Ok(gateway) => return Ok(gateway.shards),
            Err(error) => error,
        };
        let status = match &error {
            serenity::Error::Http(e) => e.status_code().map(|s| s.as_u16()),
            _ => None,
        };
        if matches!(status, Some(401 | 403)) {
            anyhow::bail!(
                "Discord refused the bot token ({error}): check DISCORD_TOKEN (or discord.token \
                 in config/local.toml); the Bot page of the Developer Portal can reset it"
            );
        }
        if tries >= CHECK_TRIES {
            return Err(anyhow::Error::new(error).context(format!(
                "cannot reach Discord's API (tried {tries} times): check the network, or \
                 discord.api_base / DISCORD_API_BASE if set"
            )));
        }
        tracing::warn!(%error, "could not reach Discord's API; trying again");
        tokio::time::sleep(CHECK_PAUSE).await;
    }
}

/// Rebuilds the engine whenever another process (the CLI, say) changed the
/// facts in the database.
async fn reload_when_changed(app: Arc<RwLock<App>>) {
    let mut every = tokio::time::interval(RELOAD_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    every.tick().await;
    loop {
        every.tick().await;
        let app = app.clone();
        let done = tokio::task::spawn_blocking(move || {
            let mut app = app.write().unwrap_or_else(PoisonError::into_inner);
            app.reload_if_changed()
        })
        .await;
        match done {
            Ok(Ok(true)) => tracing::info!("the facts changed in the database: reloaded"),
            Ok(Ok(false)) => {}
            Ok(Err(error)) => tracing::error!(error = %format!("{error:#}"), "reloading the facts"),
            Err(error) => tracing::error!(%error, "reloading the facts panicked"),
        }
    }
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let data = framework.user_data;
    match event {
        serenity::FullEvent::Message { new_message } => {
            let span = tracing::info_span!("message", in_guild = new_message.guild_id.is_some());
            messages::on_message(data, framework.bot_id(), new_message)
                .instrument(span)
                .await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(click),
        } => {
            let span = tracing::info_span!("click", in_guild = click.guild_id.is_some());
            buttons::on_click(data, click).instrument(span).await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Modal(form),
        } => {
            let span = tracing::info_span!("form", in_guild = form.guild_id.is_some());
            teach::on_submit(data, form).instrument(span).await
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_range_is_run_as_written_and_auto_runs_all_recommended() {
        let range = |first, last, total| ShardRange { first, last, total };
        let cases = [
            // (configured, Discord's recommendation, run, registers)
            (Shards::Auto, 1, range(0, 0, 1), true),
            (Shards::Auto, 3, range(0, 2, 3), true),
            (Shards::Auto, 0, range(0, 0, 1), true),
            (Shards::Range(range(0, 0, 2)), 1, range(0, 0, 2), true),
            (Shards::Range(range(1, 1, 2)), 1, range(1, 1, 2), false),
            (Shards::Range(range(2, 3, 4)), 7, range(2, 3, 4), false),
        ];
        for (configured, recommended, run, registers) in cases {
            let got = shard_range(configured, recommended);
            assert_eq!(got, run, "{configured} with {recommended} recommended");
            assert_eq!(got.holds(0), registers, "{got} registers the commands");
        }
    }
}
