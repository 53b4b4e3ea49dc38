//! Discord details, end to end against the stand-in Discord: who a
//! suggestion click answers and for how long, `/fact` in DMs, retries that
//! honour `retry_after`, and clearing commands left in a scope.

mod support;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use support::{
    binary, buttons_of, embed_text, flags, message_from_call, Call, Place, StandIn, TestBot,
    APP_ID, CHANNEL_MESSAGE, EPHEMERAL, GUILD_ID, TOKEN, UPDATE_MESSAGE, USER_ID,
};

/// Someone other than the asker.
const OTHER_USER_ID: u64 = 440_000_000_000_000_009;

/// How long to wait for something that must *not* happen.
const GRACE: Duration = Duration::from_millis(500);

/// A question the article does not answer, whose decline offers suggestions.
const UNCOVERED: &str = "what did erdogan have for breakfast";

/// The bot against a fresh stand-in, commands in [`GUILD_ID`], with `vars`.
async fn start(vars: &[(&str, &str)]) -> TestBot {
    start_on(StandIn::start().await, vars).await
}

/// [`start`] against `discord` as the test prepared it.
async fn start_on(discord: StandIn, vars: &[(&str, &str)]) -> TestBot {
    let guild = GUILD_ID.to_string();
    let mut config = vec![("SUMMIT_BOT_DISCORD_GUILD_ID", guild.as_str())];
    config.extend_from_slice(vars);
    TestBot::start_on(discord, &config).await
}

impl TestBot {
    async fn ask(&self, question: &str) -> Call {
        self.interact(self.discord.command(
            Place::Guild,
            "ask",
            json!([{"name": "question", "type": 3, "value": question}]),
        ))
        .await
    }

    /// A click on `custom_id` of the message `shown`, by `user`.
    async fn click_as(&self, user: u64, custom_id: &str, shown: Value) -> Call {
        let (interaction, mut payload) = self.discord.click(Place::Guild, custom_id, shown);
        payload["member"]["user"] = support::user(user, "clicker", false);
        self.interact((interaction, payload)).await
    }
}

fn kind(call: &Call) -> Option<u64> {
    call.body.get("type").and_then(Value::as_u64)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The suggestion buttons of a reply: (custom id, label).
fn suggestions(call: &Call) -> Vec<(String, String)> {
    buttons_of(&call.body)
        .into_iter()
        .filter(|(id, _)| id.starts_with("ask:"))
        .collect()
}

/// `ask:FACT:USER:UNTIL` read back.
fn owner_of(custom_id: &str) -> (u64, u64) {
    let parts: Vec<&str> = custom_id.split(':').collect();
    assert_eq!(parts.len(), 4, "an owned suggestion: {custom_id}");
    (
        parts[2].parse().expect("a user id"),
        parts[3].parse().expect("a time"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_users_click_is_answered_privately_and_the_askers_reply_is_unchanged() {
    let bot = start(&[]).await;
    let declined = bot.ask(UNCOVERED).await;
    let offered = suggestions(&declined);
    assert!(!offered.is_empty(), "suggestions: {}", declined.body);
    let (custom_id, label) = offered[0].clone();
    let shown = message_from_call(&declined, bot.discord.snowflake(), Place::Guild);

    // Someone else clicks: a private answer, the reply left alone.
    let other = bot.click_as(OTHER_USER_ID, &custom_id, shown.clone()).await;
    assert_eq!(kind(&other), Some(CHANNEL_MESSAGE), "{}", other.body);
    assert_ne!(
        flags(&other.body) & EPHEMERAL,
        0,
        "only the clicker sees it"
    );
    let text = embed_text(&other.body);
    assert!(text.contains("Source: "), "an answer: {text}");
    assert!(text.contains(label.trim_end_matches('…')), "{text}");
    tokio::time::sleep(GRACE).await;
    assert!(
        !bot.discord
            .calls()
            .iter()
            .any(|c| kind(c) == Some(UPDATE_MESSAGE) || c.method == "PATCH"),
        "the asker's reply was changed"
    );

    // The asker clicks: the reply turns into the answer.
    let own = bot.click_as(USER_ID, &custom_id, shown).await;
    assert_eq!(kind(&own), Some(UPDATE_MESSAGE), "{}", own.body);
    assert_eq!(flags(&own.body) & EPHEMERAL, 0);
    assert!(embed_text(&own.body).contains("Source: "));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suggestion_buttons_stop_after_the_configured_time() {
    let bot = start(&[("SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES", "2")]).await;
    let asked_at = now();
    let declined = bot.ask(UNCOVERED).await;
    let (custom_id, _) = suggestions(&declined)
        .into_iter()
        .next()
        .expect("a suggestion");
    let (owner, until) = owner_of(&custom_id);
    assert_eq!(owner, USER_ID);
    assert!(
        (asked_at + 120..=now() + 120).contains(&until),
        "answers for 2 minutes: until {until}, asked at {asked_at}"
    );

    // The same button past its time (as Discord would send it then).
    let stale = custom_id.replace(&format!(":{until}"), &format!(":{}", now() - 1));
    let mut shown = message_from_call(&declined, bot.discord.snowflake(), Place::Guild);
    let stale_json = serde_json::to_string(&shown)
        .expect("json")
        .replace(&custom_id, &stale);
    shown = serde_json::from_str(&stale_json).expect("json");
    let refused = bot.click_as(USER_ID, &stale, shown).await;
    assert_eq!(kind(&refused), Some(CHANNEL_MESSAGE));
    assert_ne!(flags(&refused.body) & EPHEMERAL, 0);
    let said = refused
        .body
        .pointer("/data/content")
        .and_then(Value::as_str);
    assert!(
        said.is_some_and(|s| s.contains("expired")),
        "{}",
        refused.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fact_is_not_offered_in_dms_unless_configured() {
    let fact = |registration: &Call| -> Value {
        registration
            .body
            .as_array()
            .and_then(|c| c.iter().find(|c| c["name"] == "fact"))
            .cloned()
            .expect("/fact registered")
    };
    let bot = start(&[]).await;
    let registration = bot.discord.wait_ready().await;
    // Interaction context 0 is a server; 1 a DM with the bot.
    assert_eq!(fact(&registration)["contexts"], json!([0]));
    let ask = &registration.body[0];
    assert!(ask.get("contexts").is_none_or(Value::is_null), "{ask}");
    // And the bot refuses it in a DM, should Discord still send one.
    let refused = bot
        .interact(bot.discord.command(
            Place::Dm,
            "fact",
            json!([{"name": "show", "type": 1, "options": [{"name": "id", "type": 4, "value": 1}]}]),
        ))
        .await;
    assert_ne!(flags(&refused.body) & EPHEMERAL, 0);
    assert!(
        refused.body.to_string().contains("only in a server"),
        "{}",
        refused.body
    );

    let bot = start(&[("SUMMIT_BOT_DISCORD_FACT_IN_DMS", "true")]).await;
    let registration = bot.discord.wait_ready().await;
    assert!(
        fact(&registration)
            .get("contexts")
            .is_none_or(Value::is_null),
        "{}",
        fact(&registration)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_an_interaction_response_waits_retry_after_and_a_500_is_retried() {
    let bot = start(&[]).await;
    // 429, asking for 1.2 s: the retry must come no sooner.
    let (interaction, payload) = bot.discord.command(
        Place::Guild,
        "ask",
        json!([{"name": "question", "type": 3, "value": "who is de mistura"}]),
    );
    let path = interaction.callback_path();
    bot.discord.fail_next(
        "POST",
        &path,
        1,
        429,
        json!({"message": "You are being rate limited.", "retry_after": 1.2, "global": false}),
        &[("retry-after", "2"), ("x-ratelimit-scope", "user")],
    );
    let answered = bot.interact((interaction, payload)).await;
    assert!(embed_text(&answered.body).contains("Mistura"));
    let tries: Vec<Call> = bot
        .discord
        .calls()
        .into_iter()
        .filter(|c| c.is("POST", &path))
        .collect();
    assert_eq!(
        tries.iter().map(|c| c.fault).collect::<Vec<_>>(),
        [Some(429), None]
    );
    let waited = tries[1].at - tries[0].at;
    assert!(
        waited >= Duration::from_millis(1_200) && waited < Duration::from_millis(1_900),
        "waited {waited:?}: the body's retry_after (1.2 s), not the header's whole seconds"
    );
    assert_eq!(tries[0].body, tries[1].body, "the same response again");

    // A 500 on an interaction response: sending it again cannot post twice.
    let (interaction, payload) = bot.discord.command(
        Place::Guild,
        "ask",
        json!([{"name": "question", "type": 3, "value": "where is the summit being held"}]),
    );
    let path = interaction.callback_path();
    bot.discord.fail_next(
        "POST",
        &path,
        1,
        500,
        json!({"message": "500: Internal Server Error", "code": 0}),
        &[],
    );
    let answered = bot.interact((interaction, payload)).await;
    assert!(embed_text(&answered.body).contains("Tehran"));
    let faults: Vec<Option<u16>> = bot
        .discord
        .calls()
        .iter()
        .filter(|c| c.is("POST", &path))
        .map(|c| c.fault)
        .collect();
    assert_eq!(faults, [Some(500), None]);
}

/// Runs `summit-bot ARGS` against `discord` and returns (exit code, stdout,
/// stderr).
fn summit(discord: &StandIn, dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = binary::summit(dir)
        .args(args)
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", &discord.api_base)
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_clear_empties_a_scope_and_the_start_notes_commands_in_both() {
    let discord = StandIn::start().await;
    let old = json!([{"id": "1", "application_id": APP_ID.to_string(), "name": "ask",
        "description": "old", "type": 1, "version": "1"}]);
    discord.preregister(None, old.clone());

    // Starting in one server with global commands left over says so.
    let mut bot = start_on(discord, &[]).await;
    let global = format!("/api/v10/applications/{APP_ID}/commands");
    bot.discord
        .wait_for_call("a look at the global commands", |c| c.is("GET", &global))
        .await;
    let noted = tokio::time::timeout(support::WAIT, async {
        loop {
            let text = bot.log();
            if text.contains("both globally and in this server") {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .unwrap_or_else(|_| bot.log());
    let _ = bot.process().kill();
    let _ = bot.process().wait();
    let (discord, dir) = (&bot.discord, &bot.dir);
    assert!(
        noted.contains("summit-bot commands clear"),
        "the fix is named: {noted}"
    );

    // Clearing the global scope puts an empty list there, and only there.
    let (code, out, err) = summit(discord, dir.path(), &["commands", "clear"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("globally (1 were registered)"), "{out}");
    let cleared = discord
        .calls()
        .into_iter()
        .filter(|c| c.is("PUT", &global))
        .collect::<Vec<_>>();
    assert_eq!(cleared.len(), 1);
    assert_eq!(cleared[0].body, json!([]));

    // --guild clears that server's copies.
    let guild = GUILD_ID.to_string();
    let (code, out, err) = summit(
        discord,
        dir.path(),
        &["commands", "clear", "--guild", &guild],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains(&format!("in server {GUILD_ID} (6 were registered)")),
        "{out}"
    );
    let path = format!("/api/v10/applications/{APP_ID}/guilds/{GUILD_ID}/commands");
    let last = discord
        .calls()
        .into_iter()
        .rev()
        .find(|c| c.method == "PUT")
        .expect("a PUT");
    assert_eq!(
        (last.path.as_str(), &last.body),
        (path.as_str(), &json!([]))
    );

    // Without a token it says how to set one.
    let out = binary::summit(dir.path())
        .args(["commands", "clear"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DISCORD_TOKEN"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fact_history_shows_times_in_the_readers_own_time_zone() {
    let user = USER_ID.to_string();
    let bot = start(&[("SUMMIT_BOT_DISCORD_MODERATOR_USER_IDS", &user)]).await;
    let shown = bot
        .interact(bot.discord.command(
            Place::Guild,
            "fact",
            json!([{"name": "history", "type": 1, "options": [{"name": "id", "type": 4, "value": 1}]}]),
        ))
        .await;
    let text = embed_text(&shown.body);
    // Discord's timestamp markup: <t:UNIX:f> shows the date and time in
    // each reader's zone; the stored ISO form is not shown.
    let marked = text
        .split("<t:")
        .nth(1)
        .and_then(|rest| rest.split(":f>").next())
        .and_then(|t| t.parse::<u64>().ok());
    assert!(
        marked.is_some_and(|t| t + 3_600 > now() && t <= now()),
        "{text}"
    );
    let stored_form = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'Z');
    assert!(!stored_form, "{text}");
}
