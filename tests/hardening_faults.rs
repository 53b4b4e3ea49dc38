//! Faults, end to end: the real binary (serenity and poise unchanged)
//! against the stand-in Discord, which drops the gateway connection, asks
//! the bot to reconnect, answers a reply with 429 or 500, while the bot must
//! keep answering; and a slow answer, which must be deferred inside
//! Discord's 3 s window and completed after.
//!
//! The slow answer is made by holding the app's lock, as a rebuild of the
//! engine over a slow database holds it: no test knob in the bot, so that
//! test (and the one that switches the database's writes off under the
//! running bot) runs the bot in process ([`TestBot::in_process`]).

mod support;

use std::sync::PoisonError;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{
    embed_text, flags, user, Call, Place, Resume, StandIn, TestBot, APP_ID, CHANNEL_MESSAGE,
    DEFERRED, DM_CHANNEL_ID, EPHEMERAL, GUILD_ID, MODERATOR_PERMISSIONS, USER_ID,
};

/// Discord drops an interaction not answered or deferred in this long.
const DISCORD_WINDOW: Duration = Duration::from_secs(3);

/// How long to wait for something that must *not* happen, after something
/// that should have come first did.
const GRACE: Duration = Duration::from_millis(1_500);

/// A question the article answers, and a word its answer holds.
const QUESTION: &str = "who is de mistura";
const IN_ANSWER: &str = "Mistura";

type Bot = TestBot;

/// The bot's settings here: commands registered in [`GUILD_ID`].
fn config() -> [(&'static str, String); 1] {
    [("SUMMIT_BOT_DISCORD_GUILD_ID", GUILD_ID.to_string())]
}

/// Starts a stand-in Discord and the real binary against it, on a fresh
/// database, and waits until it is ready.
async fn start() -> Bot {
    let [(key, guild)] = config();
    TestBot::start(&[(key, &guild)]).await
}

/// [`start`], with the bot in this process and its app in reach.
async fn start_in_process() -> Bot {
    let [(key, guild)] = config();
    TestBot::in_process(&[(key, &guild)]).await
}

fn dm_path() -> String {
    format!("/api/v10/channels/{DM_CHANNEL_ID}/messages")
}

/// The bot's sends to the DM channel so far: (answered with a fault?, call).
fn dm_sends(discord: &StandIn) -> Vec<Call> {
    let path = dm_path();
    discord
        .calls()
        .into_iter()
        .filter(|c| c.is("POST", &path))
        .collect()
}

impl TestBot {
    /// Sends a DM, and waits for the first send to the DM channel after it
    /// that the stand-in served (not one it answered with a fault).
    async fn dm(&self, content: &str) -> Call {
        let before = self.discord.calls().len();
        let message =
            self.discord
                .message(Place::Dm, user(USER_ID, "asker", false), content, json!([]));
        self.discord.dispatch("MESSAGE_CREATE", message).await;
        let path = dm_path();
        self.discord
            .wait_until(
                &format!("a reply to the DM {content:?}"),
                support::WAIT,
                |d| {
                    d.calls()
                        .into_iter()
                        .skip(before)
                        .find(|c| c.is("POST", &path) && c.fault.is_none())
                },
            )
            .await
    }

    /// Waits until the bot is back on a gateway connection newer than the
    /// first `connections`.
    async fn wait_reconnected(&self, connections: u64) {
        self.discord
            .wait_until("a new gateway connection", support::WAIT, |d| {
                (d.gateway_connections() > connections).then_some(())
            })
            .await;
    }
}

fn ops(discord: &StandIn) -> Vec<u64> {
    discord
        .frames()
        .iter()
        .filter_map(|f| f.get("op").and_then(Value::as_u64))
        .filter(|op| *op != 1) // heartbeats come and go
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_gateway_connection_is_resumed_and_the_next_dm_answered() {
    let bot = start().await;
    let first = bot.dm(QUESTION).await;
    assert!(embed_text(&first.body).contains(IN_ANSWER));
    let connections = bot.discord.gateway_connections();

    assert!(bot.discord.drop_gateway(), "no live gateway session");
    bot.wait_reconnected(connections).await;
    let reply = bot.dm(QUESTION).await;
    assert!(
        embed_text(&reply.body).contains(IN_ANSWER),
        "after the drop: {}",
        reply.body
    );
    // It resumed the session (op 6) rather than starting a new one.
    assert_eq!(ops(&bot.discord), [2, 6], "gateway frames");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnect_request_with_the_session_refused_ends_in_a_new_session_that_answers() {
    let bot = start().await;
    bot.discord.answer_resume_with(Resume::InvalidSession);
    let connections = bot.discord.gateway_connections();

    assert!(bot.discord.send_reconnect(), "no live gateway session");
    // RESUME refused: it must IDENTIFY again and get a new READY.
    bot.discord
        .wait_until("a second IDENTIFY", support::WAIT, |d| {
            (ops(d) == [2, 6, 2]).then_some(())
        })
        .await;
    assert!(bot.discord.gateway_connections() >= connections + 2);
    let reply = bot.dm(QUESTION).await;
    assert!(
        embed_text(&reply.body).contains(IN_ANSWER),
        "after re-identifying: {}",
        reply.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_refused_with_429_is_sent_again_and_arrives_once() {
    let bot = start().await;
    bot.discord.fail_next(
        "POST",
        &dm_path(),
        1,
        429,
        json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": false}),
        &[("retry-after", "0.2"), ("x-ratelimit-scope", "user")],
    );
    let reply = bot.dm(QUESTION).await;
    assert!(
        embed_text(&reply.body).contains(IN_ANSWER),
        "{}",
        reply.body
    );
    tokio::time::sleep(GRACE).await;
    let sends = dm_sends(&bot.discord);
    let faults: Vec<Option<u16>> = sends.iter().map(|c| c.fault).collect();
    assert_eq!(faults, [Some(429), None], "one refused, one delivered");
    assert_eq!(sends[0].body, sends[1].body, "the same reply, sent again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_refused_with_500_is_logged_not_repeated_and_the_bot_keeps_serving() {
    let bot = start().await;
    bot.discord.fail_next(
        "POST",
        &dm_path(),
        1,
        500,
        json!({"message": "500: Internal Server Error", "code": 0}),
        &[],
    );
    let message = bot.discord.message(
        Place::Dm,
        user(USER_ID, "asker", false),
        QUESTION,
        json!([]),
    );
    bot.discord.dispatch("MESSAGE_CREATE", message).await;
    bot.discord
        .wait_until("the reply Discord fails", support::WAIT, |d| {
            dm_sends(d).into_iter().find(|c| c.fault == Some(500))
        })
        .await;

    let next = bot.dm("where is the summit being held").await;
    assert!(embed_text(&next.body).contains("Tehran"), "{}", next.body);
    tokio::time::sleep(GRACE).await;
    // A 500 may mean the message was made: sending it again could post it
    // twice, so the bot does not.
    let faults: Vec<Option<u16>> = dm_sends(&bot.discord).iter().map(|c| c.fault).collect();
    assert_eq!(faults, [Some(500), None]);
    let log = bot.log();
    assert!(
        log.lines().any(|l| l.contains("ERROR")
            && l.contains("handling a Discord event failed")
            && l.contains("500")),
        "the failure is not logged: {log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_answer_is_deferred_within_3_s_and_completed_after() {
    let bot = start_in_process().await;
    // Hold the app as a rebuild over a slow database would: no answer can
    // be made until it is let go.
    const HELD: Duration = Duration::from_secs(4);
    let (held, wait_held) = std::sync::mpsc::channel();
    let app = bot.app().clone();
    let holder = std::thread::spawn(move || {
        let _app = app.write().unwrap_or_else(PoisonError::into_inner);
        let _ = held.send(());
        std::thread::sleep(HELD);
    });
    wait_held.recv().expect("the app is held");

    let (interaction, payload) = bot.discord.command(
        Place::Guild,
        "ask",
        json!([{"name": "question", "type": 3, "value": QUESTION}]),
    );
    let asked = Instant::now();
    bot.discord.dispatch("INTERACTION_CREATE", payload).await;
    let callback = interaction.callback_path();
    let first = bot
        .discord
        .wait_for_call("the deferral", |c| c.is("POST", &callback))
        .await;
    let deferred_after = asked.elapsed();
    assert_eq!(
        first.body.get("type").and_then(Value::as_u64),
        Some(DEFERRED),
        "the first response: {}",
        first.body
    );
    assert!(
        deferred_after < DISCORD_WINDOW,
        "deferred after {deferred_after:?}"
    );

    // The deferred response is completed by editing it (`PATCH
    // …/messages/@original`), as Discord asks, never by a follow-up.
    let webhook = format!("/api/v10/webhooks/{APP_ID}/{}", interaction.token);
    let done = bot
        .discord
        .wait_for_call("the completed answer", |c| {
            c.is("PATCH", &format!("{webhook}/messages/@original"))
        })
        .await;
    assert!(
        asked.elapsed() >= HELD - Duration::from_millis(500),
        "completed before the app was free"
    );
    assert!(embed_text(&done.body).contains(IN_ANSWER), "{}", done.body);
    holder.join().expect("the holder thread");
    // One deferral, one completion: no second callback, no follow-up.
    tokio::time::sleep(GRACE).await;
    let calls = bot.discord.calls();
    let callbacks = calls.iter().filter(|c| c.is("POST", &callback)).count();
    assert_eq!(callbacks, 1);
    let followups = calls.iter().filter(|c| c.is("POST", &webhook)).count();
    assert_eq!(followups, 0, "a follow-up was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_turned_read_only_while_running_refuses_changes_and_keeps_answering() {
    let bot = start_in_process().await;
    let facts_before = bot
        .app()
        .read()
        .expect("app")
        .store
        .facts(true)
        .expect("facts")
        .len();
    // No file permission can take writing from a connection already open,
    // so the store's own switch does, with the error a read-only file gives.
    bot.app()
        .read()
        .expect("app")
        .store
        .refuse_writes(true)
        .expect("writes off");

    let (interaction, mut payload) = bot.discord.command(
        Place::Guild,
        "fact",
        json!([{"name": "add", "type": 1, "options": [
            {"name": "question", "type": 3, "value": "What is the population of Tehran?"},
            {"name": "answer", "type": 3, "value": "About 8.7 million people"},
            {"name": "source", "type": 3, "value": "https://example.org/tehran"},
        ]}]),
    );
    payload["member"]["permissions"] = json!(MODERATOR_PERMISSIONS.to_string());
    bot.discord.dispatch("INTERACTION_CREATE", payload).await;
    let callback = interaction.callback_path();
    let refused = bot
        .discord
        .wait_for_call("the response to /fact add", |c| c.is("POST", &callback))
        .await;
    assert_eq!(
        refused.body.get("type").and_then(Value::as_u64),
        Some(CHANNEL_MESSAGE),
        "{}",
        refused.body
    );
    let said = refused.body["data"]["content"].as_str().unwrap_or("");
    for words in [
        "Nothing was saved",
        "read-only",
        "still answered",
        "writable",
    ] {
        assert!(
            said.contains(words),
            "the refusal does not say {words:?}: {said}"
        );
    }
    assert_eq!(
        flags(&refused.body) & EPHEMERAL,
        EPHEMERAL,
        "shown to the moderator only"
    );
    assert!(
        bot.log().contains("the database is read-only"),
        "the refusal is not logged for the operator"
    );

    // Questions are still answered, by slash command and by DM, though
    // the question log cannot be written.
    let (interaction, payload) = bot.discord.command(
        Place::Guild,
        "ask",
        json!([{"name": "question", "type": 3, "value": QUESTION}]),
    );
    bot.discord.dispatch("INTERACTION_CREATE", payload).await;
    let callback = interaction.callback_path();
    let answered = bot
        .discord
        .wait_for_call("the answer to /ask", |c| c.is("POST", &callback))
        .await;
    assert!(
        embed_text(&answered.body).contains(IN_ANSWER),
        "{}",
        answered.body
    );
    let reply = bot.dm("where is the summit being held").await;
    assert!(embed_text(&reply.body).contains("Tehran"), "{}", reply.body);

    // Writable again: nothing was half-saved, and changes go through.
    let store_facts = |bot: &Bot| {
        bot.app()
            .read()
            .expect("app")
            .store
            .facts(true)
            .expect("facts")
            .len()
    };
    assert_eq!(store_facts(&bot), facts_before, "a fact was saved");
    bot.app()
        .read()
        .expect("app")
        .store
        .refuse_writes(false)
        .expect("writes on");
    let (interaction, mut payload) = bot.discord.command(
        Place::Guild,
        "fact",
        json!([{"name": "add", "type": 1, "options": [
            {"name": "question", "type": 3, "value": "What is the population of Tehran?"},
            {"name": "answer", "type": 3, "value": "About 8.7 million people"},
            {"name": "source", "type": 3, "value": "https://example.org/tehran"},
        ]}]),
    );
    payload["member"]["permissions"] = json!(MODERATOR_PERMISSIONS.to_string());
    bot.discord.dispatch("INTERACTION_CREATE", payload).await;
    let callback = interaction.callback_path();
    let added = bot
        .discord
        .wait_for_call("the response to the second /fact add", |c| {
            c.is("POST", &callback)
        })
        .await;
    assert!(embed_text(&added.body).contains("Added"), "{}", added.body);
    assert_eq!(store_facts(&bot), facts_before + 1);
}
