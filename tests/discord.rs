//! End to end: the real binary (serenity and poise unchanged) against a
//! stand-in Discord on 127.0.0.1, on a fresh SQLite database in a temp dir.
//! Each test starts its own stand-in and bot ([`support::TestBot`]).

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::db::query;
use support::{
    assert_pings_nobody, buttons_of, embed_text, embeds_of, message_from_call, user, Call, Place,
    TestBot, APP_ID, AUTOCOMPLETE_RESULT, BOT_ID, CHANNEL_MESSAGE, DM_CHANNEL_ID, EPHEMERAL,
    GUILD_CHANNEL_ID, GUILD_ID, OTHER_BOT_ID, ROLE_ID, TOKEN, UPDATE_MESSAGE, USER_ID,
};

/// How long to wait for something that must *not* happen, after something
/// sent later already did.
const GRACE: Duration = Duration::from_millis(500);

type Bot = TestBot;

/// Starts a stand-in Discord and the bot against it, with commands
/// registered in [`GUILD_ID`] and user ids logged, and waits until it is
/// ready.
async fn start() -> Bot {
    let guild = GUILD_ID.to_string();
    start_with(&[
        ("SUMMIT_BOT_DISCORD_GUILD_ID", &guild),
        ("SUMMIT_BOT_DISCORD_LOG_USER_IDS", "true"),
    ])
    .await
}

/// [`start`] with only these config variables beyond the token, the API
/// base and the database.
async fn start_with(vars: &[(&str, &str)]) -> Bot {
    TestBot::start(vars).await
}

impl TestBot {
    async fn ask(&self, place: Place, question: &str) -> Call {
        self.interact(self.discord.command(
            place,
            "ask",
            json!([{"name": "question", "type": 3, "value": question}]),
        ))
        .await
    }

    /// Injects a MESSAGE_CREATE and waits for the bot's reply in that
    /// channel (in a server, a reply to that very message).
    async fn message(&self, place: Place, content: &str, mentions: Value) -> Call {
        let message = self
            .discord
            .message(place, user(USER_ID, "asker", false), content, mentions);
        let id = message["id"].clone();
        let channel = match place {
            Place::Dm => DM_CHANNEL_ID,
            Place::Guild => GUILD_CHANNEL_ID,
        };
        self.discord.dispatch("MESSAGE_CREATE", message).await;
        let path = format!("/api/v10/channels/{channel}/messages");
        self.discord
            .wait_for_call(&format!("a reply to message {id}"), |c| {
                c.is("POST", &path)
                    && (place == Place::Dm
                        || c.body.pointer("/message_reference/message_id") == Some(&id))
            })
            .await
    }

    /// Rows of a query on the bot's database, once `ready` holds for them
    /// (the bot logs after it has replied).
    async fn rows(&self, sql: &str, ready: impl Fn(&[Vec<Value>]) -> bool) -> Vec<Vec<Value>> {
        support::db::rows_when(&self.db, sql, ready).await
    }
}

fn kind(call: &Call) -> Option<u64> {
    call.body.get("type").and_then(Value::as_u64)
}

fn flags(call: &Call) -> u64 {
    call.body
        .pointer("/data/flags")
        .and_then(Value::as_u64)
        .unwrap_or(0)
}

fn option_names(command: &Value) -> Vec<&str> {
    command["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["name"].as_str())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_start_it_registers_exactly_its_commands_with_their_options() {
    let bot = start().await;
    let registration = bot.discord.wait_ready().await;
    assert_eq!(
        registration.path,
        format!("/api/v10/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    );
    let commands = registration.body.as_array().expect("a list of commands");
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(
        names,
        ["ask", "source", "about", "help", "fact", "Ask summit-bot"]
    );
    // The message menu command: type 3, and (as Discord requires) no
    // description or options.
    let (menu, commands) = commands.split_last().expect("commands");
    assert_eq!(menu["type"], json!(3), "{menu}");
    assert!(
        menu["description"].as_str().unwrap_or("").is_empty(),
        "{menu}"
    );
    assert!(option_names(menu).is_empty(), "{menu}");
    for c in commands {
        // Discord reads a missing type as 1, a slash command.
        assert!(c.get("type").is_none_or(|t| t == 1), "{c}");
        let description = c["description"].as_str().unwrap_or("");
        assert!(!description.is_empty(), "no description: {c}");
    }

    let ask = &commands[0];
    assert_eq!(option_names(ask), ["question"]);
    let question = &ask["options"][0];
    assert_eq!(question["type"], json!(3), "a string: {question}");
    assert_eq!(question["required"], json!(true));
    assert_eq!(question["autocomplete"], json!(true));
    assert!(!question["description"].as_str().unwrap_or("").is_empty());

    let source = &commands[1];
    assert_eq!(option_names(source), ["paragraph", "article"]);
    let paragraph = &source["options"][0];
    assert_eq!(paragraph["type"], json!(4), "an integer: {paragraph}");
    assert_eq!(paragraph["required"], json!(true));
    assert_eq!(paragraph["min_value"].as_f64(), Some(1.0), "{paragraph}");
    // No maximum of one article's length (the first has 21): articles
    // differ, and the bot checks the number against the chosen one.
    let max = paragraph["max_value"].as_f64().unwrap_or(f64::INFINITY);
    assert!(max >= 1e6, "{paragraph}");
    for article in [&source["options"][1], &commands[2]["options"][1]] {
        assert_eq!(article["name"], json!("article"), "{article}");
        assert_eq!(article["type"], json!(3), "a string: {article}");
        assert_ne!(article["required"], json!(true), "{article}");
        assert_eq!(article["autocomplete"], json!(true), "{article}");
    }

    assert_eq!(option_names(&commands[2]), ["page", "article"]);
    assert!(option_names(&commands[3]).is_empty());

    // Only the intents it needs; every REST call carries the token.
    assert_eq!(bot.discord.intents(), Some(512 | 4096));
    let calls = bot.discord.calls();
    assert!(calls.iter().any(|c| c.is("GET", "/api/v10/gateway")));
    for c in &calls {
        assert_eq!(
            c.authorization.as_deref(),
            Some(&*format!("Bot {TOKEN}")),
            "{} {}",
            c.method,
            c.path
        );
    }
    // The session stays up: heartbeats are sent and acknowledged.
    bot.discord
        .wait_until("a heartbeat", support::WAIT, |d| {
            (d.heartbeat_acks() > 0).then_some(())
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_server_configured_commands_are_registered_globally() {
    let bot = start_with(&[]).await;
    let registration = bot.discord.wait_ready().await;
    assert_eq!(
        registration.path,
        format!("/api/v10/applications/{APP_ID}/commands")
    );
    assert_eq!(registration.body.as_array().map(Vec::len), Some(6));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_answers_with_the_quote_and_paragraph() {
    let bot = start().await;
    let asked = std::time::Instant::now();
    let call = bot.ask(Place::Guild, "what did trump say").await;
    // Discord drops an interaction not answered (or deferred) in 3 s.
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "took {:?}",
        asked.elapsed()
    );
    assert_eq!(kind(&call), Some(CHANNEL_MESSAGE));
    assert_eq!(
        flags(&call) & EPHEMERAL,
        0,
        "an answer is for everyone to see"
    );
    assert_pings_nobody(&call.body);
    let text = embed_text(&call.body);
    assert!(text.contains("slaughter"), "the answer: {text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("> ") && l.contains("Donald Trump warned the Syrian government")),
        "the quote, as a quote: {text}"
    );
    assert!(text.contains("¶18"), "the paragraph: {text}");
    assert!(text.contains("Source: Iran, Russia and Turkey meet in Tehran over Idlib"));
    let buttons = buttons_of(&call.body);
    assert!(
        buttons
            .iter()
            .any(|(id, label)| id.ends_with(":up") && label == "👍"),
        "{buttons:?}"
    );
    assert!(buttons
        .iter()
        .any(|(id, label)| id.ends_with(":down") && label == "👎"));

    let log = bot
        .rows(
            "SELECT question, answered, channel, guild_id, user_id FROM question_log",
            |rows| !rows.is_empty(),
        )
        .await;
    assert_eq!(
        log,
        [vec![
            json!("what did trump say"),
            json!(1),
            json!("discord-guild"),
            json!(GUILD_ID as i64),
            json!(USER_ID as i64),
        ]]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_at_most_25_matching_phrasings() {
    let bot = start().await;
    let cases = [
        // (typed so far, a choice that must be offered)
        ("where is the sum", Some("Where is the summit being held?")),
        ("wher is teh sumit", Some("Where is the summit being held?")),
        ("what did trump", Some("What did Trump say?")),
        ("the", None),
        ("", None),
    ];
    for (partial, expected) in cases {
        let call = bot
            .interact(
                bot.discord
                    .autocomplete(Place::Guild, "ask", "question", partial),
            )
            .await;
        assert_eq!(kind(&call), Some(AUTOCOMPLETE_RESULT), "{partial:?}");
        let choices = call.body["data"]["choices"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            choices.len() <= 25,
            "{partial:?}: {} choices",
            choices.len()
        );
        for c in &choices {
            let name = c["name"].as_str().unwrap_or("");
            assert!(!name.is_empty() && name.chars().count() <= 100, "{c}");
            assert!(
                c["value"]
                    .as_str()
                    .is_some_and(|v| v.chars().count() <= 100),
                "{c}"
            );
        }
        if let Some(expected) = expected {
            let names: Vec<&str> = choices.iter().filter_map(|c| c["name"].as_str()).collect();
            assert!(
                names.contains(&expected),
                "{partial:?} should offer {expected:?}: {names:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dm_and_a_mention_get_replies_and_a_bots_message_gets_none() {
    let bot = start().await;

    // Another bot mentions ours; then a person DMs. The DM gets its reply,
    // and by then the bot's message has long been handled: no reply to it.
    let from_bot = bot.discord.message(
        Place::Guild,
        user(OTHER_BOT_ID, "other-bot", true),
        &format!("<@{BOT_ID}> what did trump say"),
        json!([user(BOT_ID, "summit-bot", true)]),
    );
    let from_bot_id = from_bot["id"].clone();
    bot.discord.dispatch("MESSAGE_CREATE", from_bot).await;
    // A server message that does not mention the bot is not for it.
    let unaddressed = bot.discord.message(
        Place::Guild,
        user(USER_ID, "asker", false),
        "what did trump say",
        json!([]),
    );
    let unaddressed_id = unaddressed["id"].clone();
    bot.discord.dispatch("MESSAGE_CREATE", unaddressed).await;

    let dm = bot
        .message(Place::Dm, "where is the summit being held?", json!([]))
        .await;
    assert_pings_nobody(&dm.body);
    let text = embed_text(&dm.body);
    assert!(text.contains("Tehran") && text.contains("¶1"), "{text}");

    let mention = bot
        .message(
            Place::Guild,
            &format!("<@{BOT_ID}> how many civilians live in idlib?"),
            json!([user(BOT_ID, "summit-bot", true)]),
        )
        .await;
    assert_pings_nobody(&mention.body);
    let text = embed_text(&mention.body);
    assert!(text.contains("3 million") && text.contains("¶12"), "{text}");

    tokio::time::sleep(GRACE).await;
    for ignored in [from_bot_id, unaddressed_id] {
        let replies: Vec<Call> = bot
            .discord
            .calls()
            .into_iter()
            .filter(|c| c.body.pointer("/message_reference/message_id") == Some(&ignored))
            .collect();
        assert!(replies.is_empty(), "replied to {ignored}: {replies:?}");
    }
    let posts = bot
        .discord
        .calls()
        .into_iter()
        .filter(|c| c.method == "POST" && c.path.ends_with("/messages"))
        .count();
    assert_eq!(posts, 2, "one reply to the DM, one to the mention");

    let log = bot
        .rows(
            // The DM and the mention are handled concurrently, so the log
            // may hold them in either order.
            "SELECT channel, guild_id FROM question_log ORDER BY channel",
            |rows| rows.len() >= 2,
        )
        .await;
    assert_eq!(
        log,
        [
            vec![json!("discord-dm"), Value::Null],
            vec![json!("discord-guild"), json!(GUILD_ID as i64)],
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_in_a_question_pings_nobody() {
    let bot = start().await;

    let mention = bot
        .message(
            Place::Guild,
            &format!("@everyone <@{BOT_ID}> <@&{ROLE_ID}> <@{USER_ID}> what did trump say"),
            json!([
                user(BOT_ID, "summit-bot", true),
                user(USER_ID, "asker", false)
            ]),
        )
        .await;
    assert_pings_nobody(&mention.body);
    let text = embed_text(&mention.body);
    assert!(text.contains("slaughter"), "answered: {text}");
    for raw in [
        "@everyone",
        &format!("<@&{ROLE_ID}>"),
        &format!("<@{USER_ID}>"),
    ] {
        assert!(!text.contains(raw), "{raw} shown back as is: {text}");
    }

    let call = bot.ask(Place::Guild, "@everyone what did trump say").await;
    assert_pings_nobody(&call.body);
    let text = embed_text(&call.body);
    assert!(text.contains("slaughter"), "answered: {text}");
    assert!(!text.contains("@everyone"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decline_offers_suggestions_and_clicking_one_answers_it() {
    let bot = start().await;
    let declined = bot
        .ask(Place::Guild, "what did erdogan have for breakfast")
        .await;
    assert_eq!(kind(&declined), Some(CHANNEL_MESSAGE));
    assert_pings_nobody(&declined.body);
    let text = embed_text(&declined.body);
    assert!(
        text.contains("article doesn"),
        "says the article doesn't cover it: {text}"
    );
    assert!(!text.contains("Source:"), "{text}");
    let buttons = buttons_of(&declined.body);
    let suggestions: Vec<&(String, String)> = buttons
        .iter()
        .filter(|(id, _)| id.starts_with("ask:"))
        .collect();
    assert!(
        (1..=3).contains(&suggestions.len()),
        "1 to 3 suggestions: {buttons:?}"
    );
    assert!(
        buttons
            .iter()
            .all(|(id, _)| id.starts_with("ask:") || id == "teach"),
        "no feedback on a decline, only suggestions and Teach: {buttons:?}"
    );

    let (custom_id, label) = suggestions[0].clone();
    let shown = message_from_call(&declined, bot.discord.snowflake(), Place::Guild);
    let answered = bot
        .interact(bot.discord.click(Place::Guild, &custom_id, shown))
        .await;
    assert_eq!(
        kind(&answered),
        Some(UPDATE_MESSAGE),
        "the decline turns into the answer"
    );
    assert_pings_nobody(&answered.body);
    let text = embed_text(&answered.body);
    assert!(text.contains("Source: ") && text.contains('¶'), "{text}");
    assert!(
        text.contains(label.trim_end_matches('…')),
        "titled with the question clicked: {text}"
    );

    // 👍 under the answer is stored against its fact, for this user.
    let up = buttons_of(&answered.body)
        .into_iter()
        .find(|(id, _)| id.ends_with(":up"))
        .expect("a 👍 button under the answer");
    let fact: i64 =
        up.0.split(':')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .expect("a fact id");
    assert_eq!(
        Some(fact),
        custom_id
            .strip_prefix("ask:")
            .and_then(|rest| rest.split(':').next())
            .and_then(|n| n.parse().ok())
    );
    let shown = message_from_call(&answered, bot.discord.snowflake(), Place::Guild);
    let thanks = bot
        .interact(bot.discord.click(Place::Guild, &up.0, shown))
        .await;
    assert_eq!(kind(&thanks), Some(CHANNEL_MESSAGE));
    assert_ne!(flags(&thanks) & EPHEMERAL, 0, "thanks only to the voter");
    assert_pings_nobody(&thanks.body);
    let feedback = bot
        .rows("SELECT fact_id, user_id, helpful FROM feedback", |rows| {
            !rows.is_empty()
        })
        .await;
    assert_eq!(
        feedback,
        [vec![json!(fact), json!(USER_ID as i64), json!(1)]]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_the_article_does_not_cover_is_declined() {
    let bot = start().await;
    for question in ["what is the capital of peru", "who won the world cup"] {
        let call = bot.ask(Place::Dm, question).await;
        assert_pings_nobody(&call.body);
        let text = embed_text(&call.body);
        assert!(text.contains("article doesn"), "{question}: {text}");
        assert!(
            !text.contains("Source:") && !text.contains('¶'),
            "{question}: {text}"
        );
        assert!(
            !buttons_of(&call.body)
                .iter()
                .any(|(id, _)| id.starts_with("feedback:")),
            "{question}: nothing to rate"
        );
    }
    let log = bot
        .rows("SELECT answered, channel FROM question_log", |rows| {
            rows.len() >= 2
        })
        .await;
    assert_eq!(log, vec![vec![json!(0), json!("discord-dm")]; 2]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn source_about_help_and_an_unknown_command() {
    let bot = start().await;

    let call = bot
        .interact(bot.discord.command(
            Place::Guild,
            "source",
            json!([{"name": "paragraph", "type": 4, "value": 18}]),
        ))
        .await;
    assert_pings_nobody(&call.body);
    let embed = &call.body["data"]["embeds"][0];
    assert!(
        embed["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("¶18 of 21")),
        "{embed}"
    );
    assert!(embed["description"]
        .as_str()
        .is_some_and(|d| d.contains("Donald Trump")));
    let fields: Vec<&str> = embed["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(fields, ["Before: ¶17", "After: ¶19"]);

    // Past the article's last paragraph: refused, saying how many there are.
    let call = bot
        .interact(bot.discord.command(
            Place::Guild,
            "source",
            json!([{"name": "paragraph", "type": 4, "value": 99}]),
        ))
        .await;
    assert_ne!(
        flags(&call) & EPHEMERAL,
        0,
        "a user error is shown privately"
    );
    let content = call.body["data"]["content"].as_str().unwrap_or("");
    assert!(content.contains("1 to 21"), "{content}");

    let call = bot
        .interact(bot.discord.command(Place::Dm, "about", json!([])))
        .await;
    let text = embed_text(&call.body);
    assert!(
        text.contains("Iran, Russia and Turkey meet in Tehran over Idlib"),
        "{text}"
    );
    assert!(text.contains("2018-09-07"), "{text}");
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
    assert!(text.contains(" facts"), "{text}");

    // A command this version does not have (Discord may still list an old one).
    let call = bot
        .interact(bot.discord.command(Place::Dm, "retired", json!([])))
        .await;
    assert_ne!(flags(&call) & EPHEMERAL, 0);
    assert_pings_nobody(&call.body);

    let call = bot
        .interact(bot.discord.command(Place::Dm, "help", json!([])))
        .await;
    let text = embed_text(&call.body);
    assert!(text.contains("/ask") && text.contains("/source"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_over_the_rate_limit_is_asked_to_wait() {
    let guild = GUILD_ID.to_string();
    let bot = start_with(&[
        ("SUMMIT_BOT_DISCORD_GUILD_ID", &guild),
        ("SUMMIT_BOT_LIMITS_QUESTIONS_PER_MINUTE", "2"),
    ])
    .await;
    for _ in 0..2 {
        let call = bot.ask(Place::Guild, "what did trump say").await;
        assert!(embed_text(&call.body).contains("slaughter"));
    }
    let call = bot.ask(Place::Guild, "what did trump say").await;
    assert_ne!(flags(&call) & EPHEMERAL, 0, "told privately");
    assert_pings_nobody(&call.body);
    let content = call.body["data"]["content"].as_str().unwrap_or("");
    assert!(content.contains("2 questions a minute"), "{content}");
    assert!(embeds_of(&call.body).is_empty(), "no answer: {}", call.body);

    let dm = bot
        .message(Place::Dm, "where is the summit being held?", json!([]))
        .await;
    assert_pings_nobody(&dm.body);
    let content = dm.body["content"].as_str().unwrap_or("");
    assert!(content.contains("Try again in"), "{content}");

    // Refused questions are not answered, so not logged either.
    tokio::time::sleep(GRACE).await;
    assert_eq!(
        query(&bot.db, "SELECT count(*) FROM question_log"),
        [vec![json!(2)]]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_ids_are_logged_only_when_the_config_allows_it() {
    let bot = start_with(&[]).await;
    bot.ask(Place::Guild, "what did trump say").await;
    // The bot logs after replying: wait, so the two rows come in order.
    bot.rows("SELECT id FROM question_log", |rows| !rows.is_empty())
        .await;
    bot.message(Place::Dm, "where is the summit being held?", json!([]))
        .await;
    let log = bot
        .rows(
            "SELECT channel, user_id FROM question_log ORDER BY id",
            |rows| rows.len() >= 2,
        )
        .await;
    assert_eq!(
        log,
        [
            vec![json!("discord-guild"), Value::Null],
            vec![json!("discord-dm"), Value::Null],
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_runs_the_bot_and_never_prints_the_token() {
    let bot = TestBot::start(&[("RUST_LOG", "trace")]).await;
    let discord = &bot.discord;
    let registration = discord.wait_ready().await;
    assert_eq!(
        registration.path,
        format!("/api/v10/applications/{APP_ID}/commands")
    );
    let message = discord.message(
        Place::Dm,
        user(USER_ID, "asker", false),
        "where is the summit being held?",
        json!([]),
    );
    discord.dispatch("MESSAGE_CREATE", message).await;
    let path = format!("/api/v10/channels/{DM_CHANNEL_ID}/messages");
    let reply = discord
        .wait_for_call("a reply to the DM", |c| c.is("POST", &path))
        .await;
    assert!(embed_text(&reply.body).contains("Tehran"));

    let logged = bot.log();
    assert!(logged.contains("connected to Discord"), "{logged}");
    assert!(logged.contains("TRACE"), "logged at every level");
    let secret = TOKEN.split('.').next().unwrap_or(TOKEN);
    assert!(!logged.contains(secret), "the token is in the log");
}

const CORK: &str = "Cork harbour reopens";
const CORK_TEXT: &str = "The harbour in Cork reopened on Monday.\n\n\
    It had been closed for three weeks after a storm damaged the quay.\n\n\
    “We are relieved,” the harbour master said.\n";

/// Discord's limits on one embed: every text in it together, and fields.
const EMBED_TOTAL: usize = 6_000;
const EMBED_FIELDS: usize = 25;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn source_and_about_for_any_of_many_articles() {
    let guild = GUILD_ID.to_string();
    let small: Vec<(String, String)> = (1..=40)
        .map(|i| {
            (
                format!("Small article number {i} about a long-running *local* story"),
                format!("Paragraph one of article {i}.\n\nParagraph two of article {i}.\n"),
            )
        })
        .collect();
    let mut articles = vec![(CORK, CORK_TEXT)];
    articles.extend(small.iter().map(|(t, x)| (t.as_str(), x.as_str())));
    let bot =
        TestBot::start_with_articles(&[("SUMMIT_BOT_DISCORD_GUILD_ID", &guild)], &articles).await;
    let command =
        |name: &str, options: Value| bot.interact(bot.discord.command(Place::Guild, name, options));
    let source = |paragraph: u32, article: &str| {
        command(
            "source",
            json!([
                {"name": "paragraph", "type": 4, "value": paragraph},
                {"name": "article", "type": 3, "value": article}
            ]),
        )
    };

    let call = source(3, CORK).await;
    assert_pings_nobody(&call.body);
    let text = embed_text(&call.body);
    assert!(text.contains(&format!("¶3 of 3: {CORK}")), "{text}");
    assert!(text.contains("We are relieved"), "{text}");
    assert!(text.contains("Before: ¶2"), "{text}");

    // Its paragraph 4 does not exist, though the first article's does.
    let call = source(4, "2").await;
    assert_ne!(flags(&call) & EPHEMERAL, 0);
    let content = call.body["data"]["content"].as_str().unwrap_or("");
    assert!(
        content.contains(CORK) && content.contains("1 to 3"),
        "{content}"
    );
    let call = source(1, "Dublin port").await;
    let content = call.body["data"]["content"].as_str().unwrap_or("");
    assert!(
        content.contains("Dublin port") && content.contains(CORK),
        "{content}"
    );

    // 42 articles: /about pages them, each page one embed within the limits.
    let mut listed = String::new();
    for page in 1..=5 {
        let call = command("about", json!([{"name": "page", "type": 4, "value": page}])).await;
        assert_pings_nobody(&call.body);
        let embeds = embeds_of(&call.body);
        assert_eq!(embeds.len(), 1, "{}", call.body);
        let text = embed_text(&call.body);
        assert!(text.chars().count() <= EMBED_TOTAL, "page {page}: {text}");
        let fields = embeds[0]["fields"].as_array().map_or(0, Vec::len);
        assert!(fields <= EMBED_FIELDS, "page {page}");
        assert!(text.contains(&format!("Page {page} of 5")), "{text}");
        listed.push_str(&text);
    }
    for (title, _) in &articles {
        let shown = title.replace('*', "\\*");
        assert!(listed.contains(&shown), "{shown} is on no page");
    }
    let call = command("about", json!([{"name": "page", "type": 4, "value": 6}])).await;
    assert_ne!(flags(&call) & EPHEMERAL, 0);
    let content = call.body["data"]["content"].as_str().unwrap_or("");
    assert!(content.contains("5 pages"), "{content}");

    let call = command(
        "about",
        json!([{"name": "article", "type": 3, "value": CORK}]),
    )
    .await;
    let text = embed_text(&call.body);
    assert!(
        text.contains(CORK) && text.contains("3 paragraphs"),
        "{text}"
    );

    // The article option's autocomplete.
    let call = bot
        .interact(
            bot.discord
                .autocomplete(Place::Guild, "source", "article", "harbour"),
        )
        .await;
    assert_eq!(kind(&call), Some(AUTOCOMPLETE_RESULT));
    assert_eq!(
        call.body["data"]["choices"],
        json!([{"name": CORK, "value": CORK}])
    );
}

/// A second person in the same channel, for follow-ups.
const OTHER_USER_ID: u64 = 440_000_000_000_000_003;

impl TestBot {
    /// A DM from the asker, and the bot's next message in the DM (DM
    /// replies reference nothing, so the one after those sent before).
    async fn dm(&self, question: &str) -> Call {
        let path = format!("/api/v10/channels/{DM_CHANNEL_ID}/messages");
        let sent = |s: &support::StandIn| -> Vec<Call> {
            s.calls()
                .into_iter()
                .filter(|c| c.is("POST", &path))
                .collect()
        };
        let before = sent(&self.discord).len();
        let message = self.discord.message(
            Place::Dm,
            user(USER_ID, "asker", false),
            question,
            json!([]),
        );
        self.discord.dispatch("MESSAGE_CREATE", message).await;
        self.discord
            .wait_until(&format!("a reply to {question:?}"), support::WAIT, |s| {
                sent(s).into_iter().nth(before)
            })
            .await
    }

    /// A mention of the bot in the server channel from `author`, and the
    /// bot's reply to it.
    async fn mention_from(&self, author: Value, question: &str) -> Call {
        let message = self.discord.message(
            Place::Guild,
            author,
            &format!("<@{BOT_ID}> {question}"),
            json!([user(BOT_ID, "summit-bot", true)]),
        );
        let id = message["id"].clone();
        self.discord.dispatch("MESSAGE_CREATE", message).await;
        let path = format!("/api/v10/channels/{GUILD_CHANNEL_ID}/messages");
        self.discord
            .wait_for_call(&format!("a reply to message {id}"), |c| {
                c.is("POST", &path) && c.body.pointer("/message_reference/message_id") == Some(&id)
            })
            .await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_in_a_dm_are_read_with_the_last_exchange() {
    let bot = start().await;
    let first = bot.dm("who's the iranian diplomat they quote?").await;
    let text = embed_text(&first.body);
    assert!(
        text.contains("Jaberi Ansari") && !text.contains("Taking"),
        "{text}"
    );

    let second = bot.dm("what did he say about idlib").await;
    assert_pings_nobody(&second.body);
    let text = embed_text(&second.body);
    assert!(
        text.contains("Taking *he* as Hossein Jaberi Ansari:"),
        "{text}"
    );
    assert!(text.contains("dilemma") && text.contains("¶5"), "{text}");

    let third = bot.dm("whats his job exactly").await;
    let text = embed_text(&third.body);
    assert!(
        text.contains("Taking *his* as Hossein Jaberi Ansari:"),
        "{text}"
    );
    assert!(text.contains("senior aide"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_never_borrows_another_persons_context() {
    let bot = start().await;
    let asker = user(USER_ID, "asker", false);
    let other = user(OTHER_USER_ID, "other", false);
    let first = bot
        .mention_from(asker.clone(), "who is staffan de mistura")
        .await;
    assert!(embed_text(&first.body).contains("de Mistura"));

    // The same follow-up from someone else in the same channel: read alone.
    let theirs = bot.mention_from(other, "what was he warning about?").await;
    let text = embed_text(&theirs.body);
    assert!(
        !text.contains("Taking") && !text.contains("de Mistura"),
        "{text}"
    );

    // From the one who asked: about de Mistura.
    let mine = bot.mention_from(asker, "what was he warning about?").await;
    let text = embed_text(&mine.body);
    assert!(
        text.contains("Taking *he* as Staffan de Mistura:"),
        "{text}"
    );
    assert!(text.contains("¶13"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_summit_bot_on_another_users_message_answers_it_privately() {
    let bot = start().await;
    // Someone else's message, not addressed to the bot: not answered.
    let theirs = bot.discord.message(
        Place::Guild,
        user(OTHER_USER_ID, "other", false),
        "how many refugees does turkey host? @everyone",
        json!([]),
    );
    bot.discord.dispatch("MESSAGE_CREATE", theirs.clone()).await;

    let call = bot
        .interact(
            bot.discord
                .message_command(Place::Guild, "Ask summit-bot", theirs),
        )
        .await;
    assert_pings_nobody(&call.body);
    assert_eq!(kind(&call), Some(CHANNEL_MESSAGE));
    assert_ne!(flags(&call) & EPHEMERAL, 0, "private by default");
    let text = embed_text(&call.body);
    assert!(
        text.contains("3.5 million") && text.contains("¶16"),
        "{text}"
    );
    let posts = bot
        .discord
        .calls()
        .into_iter()
        .filter(|c| c.method == "POST" && c.path.contains("/channels/"))
        .count();
    assert_eq!(posts, 0, "no channel message: only the menu's response");
    let log = bot
        .rows("SELECT question, answered FROM question_log", |rows| {
            !rows.is_empty()
        })
        .await;
    assert_eq!(
        log,
        vec![vec![json!("how many refugees does turkey host?"), json!(1)]]
    );

    // An empty message is refused, privately.
    let empty = bot.discord.message(
        Place::Guild,
        user(OTHER_USER_ID, "other", false),
        "<@42>",
        json!([]),
    );
    let call = bot
        .interact(
            bot.discord
                .message_command(Place::Guild, "Ask summit-bot", empty),
        )
        .await;
    assert_ne!(flags(&call) & EPHEMERAL, 0);
    let content = call.body["data"]["content"].as_str().unwrap_or("");
    assert!(content.contains("no text"), "{content}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_summit_bot_answers_publicly_when_configured() {
    let guild = GUILD_ID.to_string();
    let bot = start_with(&[
        ("SUMMIT_BOT_DISCORD_GUILD_ID", &guild),
        ("SUMMIT_BOT_DISCORD_ASK_MENU_PUBLIC", "true"),
    ])
    .await;
    let theirs = bot.discord.message(
        Place::Guild,
        user(OTHER_USER_ID, "other", false),
        "who is de mistura",
        json!([]),
    );
    let call = bot
        .interact(
            bot.discord
                .message_command(Place::Guild, "Ask summit-bot", theirs),
        )
        .await;
    assert_pings_nobody(&call.body);
    assert_eq!(flags(&call) & EPHEMERAL, 0, "public when configured");
    let text = embed_text(&call.body);
    assert!(
        text.contains("de Mistura") && text.contains("¶13"),
        "{text}"
    );
}

/// A forum channel listed in `discord.help_channel_ids`, and a post in it.
const HELP_FORUM_ID: u64 = 430_000_000_000_000_010;
const FORUM_POST_ID: u64 = 430_000_000_000_000_011;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_help_forum_post_is_answered_when_sure_and_left_alone_when_not() {
    let guild = GUILD_ID.to_string();
    let forum = HELP_FORUM_ID.to_string();
    let bot = start_with(&[
        ("SUMMIT_BOT_DISCORD_GUILD_ID", &guild),
        ("SUMMIT_BOT_DISCORD_HELP_CHANNEL_IDS", &forum),
    ])
    .await;
    bot.discord.add_thread(FORUM_POST_ID, HELP_FORUM_ID);
    let post = |content: &str| {
        let mut m = bot.discord.message(
            Place::Guild,
            user(USER_ID, "asker", false),
            content,
            json!([]),
        );
        m["channel_id"] = json!(FORUM_POST_ID.to_string());
        m
    };
    let path = format!("/api/v10/channels/{FORUM_POST_ID}/messages");

    // Unsure (the article doesn't say): silence, and logged as unanswered.
    let unsure = post("what did merkel say about idlib?");
    bot.discord.dispatch("MESSAGE_CREATE", unsure).await;
    let log = bot
        .rows(
            "SELECT question, answered, fact_id FROM question_log",
            |rows| !rows.is_empty(),
        )
        .await;
    assert_eq!(
        log,
        vec![vec![
            json!("what did merkel say about idlib?"),
            json!(0),
            Value::Null
        ]]
    );

    // Sure: answered in the post, without a mention, as a reply.
    let sure = post("how many syrian refugees does turkey host?");
    let id = sure["id"].clone();
    bot.discord.dispatch("MESSAGE_CREATE", sure).await;
    let reply = bot
        .discord
        .wait_for_call("the answer in the forum post", |c| c.is("POST", &path))
        .await;
    assert_pings_nobody(&reply.body);
    assert_eq!(
        reply.body.pointer("/message_reference/message_id"),
        Some(&id)
    );
    let text = embed_text(&reply.body);
    assert!(
        text.contains("3.5 million") && text.contains("¶16"),
        "{text}"
    );

    tokio::time::sleep(GRACE).await;
    let posts = bot
        .discord
        .calls()
        .into_iter()
        .filter(|c| c.is("POST", &path))
        .count();
    assert_eq!(posts, 1, "nothing said to the unsure question");
    let lookups = bot
        .discord
        .calls()
        .into_iter()
        .filter(|c| c.is("GET", &format!("/api/v10/channels/{FORUM_POST_ID}")))
        .count();
    assert_eq!(lookups, 1, "the post's parent is looked up once");
    // Unmentioned messages have content only with MESSAGE_CONTENT (32768).
    assert_eq!(bot.discord.intents(), Some(512 | 4096 | 32768));
}
