//! A sharded bot: two processes of the real binary on one stand-in Discord
//! and one SQLite file, each running one of two gateway shards
//! (`discord.shards`). Each identifies with its own shard, answers the
//! servers of its shard, only the one with shard 0 registers the commands,
//! and a fact a moderator adds through one is answered through the other.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::{
    embed_text, guild_on_shard, Another, Call, Identified, Interaction, Place, StandIn, TestBot,
    GUILD_ID, MODERATOR_PERMISSIONS, WAIT,
};

const SHARDS: &str = "SUMMIT_BOT_DISCORD_SHARDS";
const POPULATION_Q: &str = "what is the population of tehran";

/// The bot's log line for each command it handles (its name is a field).
const ASKED: &str = "command=ask";
/// The line a process logs when it reloads facts another process changed.
const RELOADED: &str = "the facts changed in the database: reloaded";

/// Serenity starts a process's shards one every 5 s: a shard past the end
/// of the range (an off-by-one in reading it) would have identified by
/// this long after the last one expected.
const NEXT_SHARD_WOULD_BOOT: Duration = Duration::from_secs(6);

/// A server on each shard of two.
fn guilds() -> [u64; 2] {
    [
        guild_on_shard(0, 2, GUILD_ID),
        guild_on_shard(1, 2, GUILD_ID),
    ]
}

/// `/name` with `options` from a member of `guild` with `permissions`.
fn command(
    discord: &StandIn,
    guild: u64,
    permissions: u64,
    name: &str,
    options: Value,
) -> (Interaction, Value) {
    let (interaction, mut payload) = discord.command(Place::Guild, name, options);
    payload["guild_id"] = json!(guild.to_string());
    payload["member"]["permissions"] = json!(permissions.to_string());
    (interaction, payload)
}

fn ask(discord: &StandIn, guild: u64, question: &str) -> (Interaction, Value) {
    command(
        discord,
        guild,
        support::MEMBER_PERMISSIONS,
        "ask",
        json!([{"name": "question", "type": 3, "value": question}]),
    )
}

/// Dispatches `sent` and waits for its answer: the callback, or the edit
/// that completes a deferred one. Returns the shard it went to too.
async fn answer(discord: &StandIn, (interaction, payload): (Interaction, Value)) -> (u32, Call) {
    let shard = discord.dispatch("INTERACTION_CREATE", payload).await;
    let path = interaction.callback_path();
    let callback = discord
        .wait_for_call(&format!("the response to {}", interaction.id), |c| {
            c.is("POST", &path)
        })
        .await;
    if callback.body["type"] != json!(support::DEFERRED) {
        return (shard, callback);
    }
    let token = interaction.token.clone();
    let edit = discord
        .wait_for_call("the deferred response", |c| {
            c.method == "PATCH" && c.path.contains(&token)
        })
        .await;
    (shard, edit)
}

/// What a response says: its content and its first embed.
fn said(call: &Call) -> String {
    let content = call
        .body
        .pointer("/data/content")
        .or_else(|| call.body.get("content"))
        .and_then(Value::as_str)
        .unwrap_or("");
    format!("{content}\n{}", embed_text(&call.body))
}

/// Waits until `log` holds `line` at least `n` times.
async fn wait_logged(what: &str, log: impl Fn() -> String, line: &str, n: usize) {
    let deadline = tokio::time::Instant::now() + WAIT + Duration::from_secs(15);
    while log().matches(line).count() < n {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what} never logged {line:?} {n} times; its log:\n{}",
            log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Process A runs shard 0 of 2, process B shard 1, on one database.
async fn two_processes() -> (TestBot, Another) {
    let discord = StandIn::start().await;
    for guild in guilds() {
        if guild != GUILD_ID {
            discord.add_guild(guild);
        }
    }
    let a = TestBot::start_on(discord, &[(SHARDS, "0..=0 of 2")]).await;
    let b = a.start_another("b", &[(SHARDS, "1 of 2")]);
    a.discord.wait_shard(1, 2).await;
    // Connected is not set up: the setup is what decides about the commands.
    wait_logged(
        "process B",
        || b.log(),
        "not registering the slash commands",
        1,
    )
    .await;
    (a, b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_each_serve_their_shard_and_share_fact_changes() {
    let (a, b) = two_processes().await;
    let discord = &a.discord;
    let [guild_0, guild_1] = guilds();

    // Each identified once, with its own shard, on its own connection.
    let identified = discord.identified();
    let shards: Vec<(u32, u32)> = identified.iter().map(|i| (i.shard, i.total)).collect();
    assert_eq!(shards, [(0, 2), (1, 2)], "{identified:?}");
    let [Identified {
        connection: on_a, ..
    }, Identified {
        connection: on_b, ..
    }] = identified[..]
    else {
        unreachable!("two, as asserted")
    };
    assert_ne!(on_a, on_b);
    // Each logged the range it runs and the shard its READY echoed.
    let (log_a, log_b) = (a.log(), b.log());
    assert!(log_a.contains("first=0 last=0 total=2"), "{log_a}");
    assert!(log_b.contains("first=1 last=1 total=2"), "{log_b}");
    assert!(
        log_b.contains("connected to Discord bot=summit-bot shard=1"),
        "{log_b}"
    );

    // Registered once, by the process with shard 0.
    let puts = discord
        .calls()
        .iter()
        .filter(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .count();
    assert_eq!(puts, 1, "commands registered more than once");
    assert!(log_a.contains("registered the slash commands"), "{log_a}");
    assert!(!log_b.contains("registered the slash commands"), "{log_b}");

    // A server on shard 0 is answered by A, one on shard 1 by B: each
    // process's log shows the command it handled, and each answer arrives.
    let (shard, first) = answer(discord, ask(discord, guild_0, "who is de mistura")).await;
    assert_eq!(shard, 0);
    assert!(said(&first).contains("Mistura"), "{}", said(&first));
    assert_eq!(
        (
            a.log().matches(ASKED).count(),
            b.log().matches(ASKED).count()
        ),
        (1, 0)
    );
    let (shard, second) = answer(discord, ask(discord, guild_1, "who is de mistura")).await;
    assert_eq!(shard, 1);
    assert!(said(&second).contains("Mistura"), "{}", said(&second));
    assert_eq!(
        (
            a.log().matches(ASKED).count(),
            b.log().matches(ASKED).count()
        ),
        (1, 1)
    );
    let delivered: Vec<(u32, u64)> = discord
        .deliveries()
        .iter()
        .map(|d| (d.shard, d.connection))
        .collect();
    assert_eq!(delivered, [(0, on_a), (1, on_b)]);
    // A direct message belongs to shard 0.
    let (interaction, payload) = discord.command(
        Place::Dm,
        "ask",
        json!([{"name": "question", "type": 3, "value": "who is de mistura"}]),
    );
    let (shard, _) = answer(discord, (interaction, payload)).await;
    assert_eq!(shard, 0);
    assert_eq!(
        (
            a.log().matches(ASKED).count(),
            b.log().matches(ASKED).count()
        ),
        (2, 1)
    );

    // A moderator adds a fact in a server on B's shard; A, which does not
    // know it yet, answers from it once it has reloaded the database.
    let (_, before) = answer(discord, ask(discord, guild_0, POPULATION_Q)).await;
    assert!(!said(&before).contains("8.7 million"), "{}", said(&before));
    let reloads = a.log().matches(RELOADED).count();
    let add = json!([{"name": "add", "type": 1, "options": [
        {"name": "question", "type": 3, "value": "What is the population of Tehran?"},
        {"name": "answer", "type": 3, "value": "About 8.7 million people"},
        {"name": "source", "type": 3, "value": "https://en.wikipedia.org/wiki/Tehran"},
    ]}]);
    let (shard, added) = answer(
        discord,
        command(discord, guild_1, MODERATOR_PERMISSIONS, "fact", add),
    )
    .await;
    assert_eq!(shard, 1);
    assert!(said(&added).contains("Added Fact #"), "{}", said(&added));
    assert!(b.log().contains("command=fact"), "B handled the /fact");
    assert!(!a.log().contains("command=fact"), "A did not");
    // B answers from it at once: it made the change.
    let (_, on_b_now) = answer(discord, ask(discord, guild_1, POPULATION_Q)).await;
    assert!(
        said(&on_b_now).contains("8.7 million"),
        "{}",
        said(&on_b_now)
    );
    wait_logged("process A", || a.log(), RELOADED, reloads + 1).await;
    let (shard, after) = answer(discord, ask(discord, guild_0, POPULATION_Q)).await;
    assert_eq!(shard, 0);
    assert!(said(&after).contains("8.7 million"), "{}", said(&after));
    assert_eq!(
        (
            a.log().matches(ASKED).count(),
            b.log().matches(ASKED).count()
        ),
        (4, 2),
        "A answered the last question"
    );
    // Neither process has started a shard outside its range.
    assert_eq!(identified_shards(discord), [(0, 2), (1, 2)]);
}

/// The `(shard, total)` of every IDENTIFY, sorted: shards of one process
/// may identify in either order.
fn identified_shards(discord: &StandIn) -> Vec<(u32, u32)> {
    let mut shards: Vec<(u32, u32)> = discord
        .identified()
        .iter()
        .map(|i| (i.shard, i.total))
        .collect();
    shards.sort_unstable();
    shards
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_process_runs_both_shards_of_a_range_and_answers_on_each() {
    let discord = StandIn::start().await;
    let [guild_0, guild_1] = guilds();
    discord.add_guild(guild_1);
    let bot = TestBot::start_on(discord, &[(SHARDS, "0..=1 of 2")]).await;
    let discord = &bot.discord;
    // Serenity waits 5 s between starting two shards.
    discord.wait_shard(1, 2).await;
    tokio::time::sleep(NEXT_SHARD_WOULD_BOOT).await;
    // Both shards of the range, and no third.
    assert_eq!(identified_shards(discord), [(0, 2), (1, 2)]);
    assert!(
        bot.log().contains("first=0 last=1 total=2"),
        "{}",
        bot.log()
    );
    for (guild, shard) in [(guild_0, 0), (guild_1, 1)] {
        let (to, reply) = answer(discord, ask(discord, guild, "who is de mistura")).await;
        assert_eq!(to, shard);
        assert!(said(&reply).contains("Mistura"), "{}", said(&reply));
    }
    assert_eq!(bot.log().matches(ASKED).count(), 2);
    let puts = discord
        .calls()
        .iter()
        .filter(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .count();
    assert_eq!(puts, 1, "one process, one registration");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_runs_as_many_shards_as_discord_recommends() {
    for recommended in [1, 2] {
        let discord = StandIn::start().await;
        discord.recommend_shards(recommended);
        let bot = TestBot::start_on(discord, &[]).await;
        bot.discord.wait_shard(recommended - 1, recommended).await;
        tokio::time::sleep(NEXT_SHARD_WOULD_BOOT).await;
        let want: Vec<(u32, u32)> = (0..recommended).map(|s| (s, recommended)).collect();
        assert_eq!(identified_shards(&bot.discord), want);
        let range = format!("first=0 last={} total={recommended}", recommended - 1);
        assert!(bot.log().contains(&range), "{}", bot.log());
        assert!(bot.log().contains("configured=auto"), "{}", bot.log());
    }
}
