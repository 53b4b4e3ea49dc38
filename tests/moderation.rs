//! Moderators through the stand-in Discord, with the real bot on a fresh
//! SQLite file: who may use `/fact`, add / edit / retire / restore and the
//! history, a stale edit, the unanswered list, export and import; and the
//! same operations from the real binary's `facts` commands.

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};
use support::db::{count, dump, moderation_tables};
use support::{
    binary, embed_text, flags, Call, Place, TestBot, AUTOCOMPLETE_RESULT, EPHEMERAL, GUILD_ID,
    MANAGE_MESSAGES, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS,
};

const ALICE: u64 = 460_000_000_000_000_001;
const BOB: u64 = 460_000_000_000_000_002;
const CAROL: u64 = 460_000_000_000_000_003;
const MALLORY: u64 = 460_000_000_000_000_004;
/// A moderator role named in the config.
const MOD_ROLE: u64 = 470_000_000_000_000_001;

/// Who sends an interaction, and from where.
#[derive(Clone, Copy)]
struct As {
    id: u64,
    name: &'static str,
    permissions: u64,
    roles: &'static [u64],
    place: Place,
}

/// A moderator by permission: Manage Messages in the server.
const ALICE_MOD: As = As {
    id: ALICE,
    name: "alice",
    permissions: MEMBER_PERMISSIONS | MANAGE_MESSAGES,
    roles: &[],
    place: Place::Guild,
};
const BOB_MOD: As = As {
    id: BOB,
    name: "bob",
    permissions: MEMBER_PERMISSIONS | MANAGE_MESSAGES,
    roles: &[],
    place: Place::Guild,
};
/// A moderator by a configured role, without the permission.
const CAROL_ROLE: As = As {
    id: CAROL,
    name: "carol",
    permissions: MEMBER_PERMISSIONS,
    roles: &[MOD_ROLE],
    place: Place::Guild,
};
const MEMBER: As = As {
    id: MALLORY,
    name: "mallory",
    permissions: MEMBER_PERMISSIONS,
    roles: &[],
    place: Place::Guild,
};

type Bot = TestBot;

/// The bot against a new stand-in Discord and database; Bob is named a
/// moderator in the config (so he may moderate from DMs too), and
/// [`MOD_ROLE`] is a moderator role.
async fn start() -> Bot {
    start_with_articles(&[]).await
}

/// [`start`] on a database holding `articles` (title, text) after the
/// shipped one: the first is article 2.
async fn start_with_articles(articles: &[(&str, &str)]) -> Bot {
    let (guild, bob, role) = (GUILD_ID.to_string(), BOB.to_string(), MOD_ROLE.to_string());
    TestBot::start_with_articles(
        &[
            ("SUMMIT_BOT_DISCORD_GUILD_ID", &guild),
            ("SUMMIT_BOT_DISCORD_MODERATOR_USER_IDS", &bob),
            ("SUMMIT_BOT_DISCORD_MODERATOR_ROLE_IDS", &role),
            // /fact in DMs is off by default; these tests moderate there too.
            ("SUMMIT_BOT_DISCORD_FACT_IN_DMS", "true"),
        ],
        articles,
    )
    .await
}

/// `payload` (an interaction) as sent by `who`.
fn sent_by(who: As, payload: &mut Value) {
    let user = support::user(who.id, who.name, false);
    match who.place {
        Place::Guild => {
            payload["member"]["user"] = user;
            payload["member"]["permissions"] = json!(who.permissions.to_string());
            payload["member"]["roles"] =
                json!(who.roles.iter().map(u64::to_string).collect::<Vec<_>>());
        }
        Place::Dm => payload["user"] = user,
    }
}

impl TestBot {
    /// Dispatches the interaction `sent` as `who`; its first response.
    async fn interact_as(&self, who: As, sent: (support::Interaction, Value)) -> Call {
        let (interaction, mut payload) = sent;
        sent_by(who, &mut payload);
        self.interact((interaction, payload)).await
    }

    /// Sends `/name` with `options` as `who` and waits for the response.
    async fn command(&self, who: As, name: &str, options: Value) -> Call {
        let (interaction, mut payload) = self.discord.command(who.place, name, options);
        sent_by(who, &mut payload);
        self.discord.dispatch("INTERACTION_CREATE", payload).await;
        let path = interaction.callback_path();
        let token = interaction.token.clone();
        // A deferred reply (import) arrives as an edit of the original.
        let callback = self
            .discord
            .wait_for_call(&format!("the response to /{name}"), |c| c.is("POST", &path))
            .await;
        if callback.body["type"] == json!(5) {
            return self
                .discord
                .wait_for_call("the deferred response", |c| {
                    c.method == "PATCH" && c.path.contains(&token)
                })
                .await;
        }
        callback
    }

    /// `/fact SUB` with `options`, as `who`.
    async fn fact(&self, who: As, sub: &str, options: Value) -> Call {
        self.command(
            who,
            "fact",
            json!([{"name": sub, "type": 1, "options": options}]),
        )
        .await
    }

    /// `/fact gap SUB` with `options`, as `who`.
    async fn gap(&self, who: As, sub: &str, options: Value) -> Call {
        self.command(
            who,
            "fact",
            json!([{"name": "gap", "type": 2, "options": [
                {"name": sub, "type": 1, "options": options}
            ]}]),
        )
        .await
    }

    async fn ask(&self, question: &str) -> Call {
        self.command(
            MEMBER,
            "ask",
            json!([{"name": "question", "type": 3, "value": question}]),
        )
        .await
    }
}

fn opt(name: &str, kind: u8, value: Value) -> Value {
    json!({"name": name, "type": kind, "value": value})
}
fn text(name: &str, value: &str) -> Value {
    opt(name, 3, json!(value))
}
fn int(name: &str, value: i64) -> Value {
    opt(name, 4, json!(value))
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

fn assert_private(call: &Call) {
    assert_eq!(
        flags(&call.body) & EPHEMERAL,
        EPHEMERAL,
        "not ephemeral: {}",
        call.body
    );
}

/// The id in "Fact #12 · version 1".
fn fact_id(call: &Call) -> i64 {
    number_after(&said(call), "Fact #")
}

/// The number right after `prefix` in `text`.
fn number_after(text: &str, prefix: &str) -> i64 {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix:?} in {text}"))
        + prefix.len();
    text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("a fact id")
}

/// Waits until `sql` counts at least `n` (the bot logs after replying).
async fn wait_count(db: &Path, sql: &str, n: i64) {
    let deadline = tokio::time::Instant::now() + support::WAIT;
    while count(db, sql) < n {
        assert!(tokio::time::Instant::now() < deadline, "waited for {sql}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const POPULATION_Q: &str = "What is the population of Tehran?";
const POPULATION_SOURCE: &str = "https://en.wikipedia.org/wiki/Tehran";

fn population_fact() -> Value {
    json!([
        text("question", POPULATION_Q),
        text("answer", "About 8.7 million people"),
        text("source", POPULATION_SOURCE),
        text(
            "more_phrasings",
            "How many people live in Tehran? | how big is tehran"
        ),
    ])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_adds_a_fact_and_the_next_question_is_answered_from_it() {
    let bot = start().await;
    let registration = bot.discord.wait_ready().await;
    let fact = registration
        .body
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == "fact"))
        .expect("/fact is registered")
        .clone();
    assert_eq!(fact["default_member_permissions"], json!(MANAGE_MESSAGES));
    let subs: Vec<&str> = fact["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["name"].as_str())
        .collect();
    for sub in [
        "add",
        "edit",
        "alias",
        "remove",
        "restore",
        "show",
        "history",
        "unanswered",
        "feedback",
        "export",
        "import",
    ] {
        assert!(subs.contains(&sub), "no /fact {sub} in {subs:?}");
    }

    let before = bot.ask("what is the population of tehran").await;
    assert!(!said(&before).contains("8.7 million"), "{}", said(&before));

    let added = bot.fact(ALICE_MOD, "add", population_fact()).await;
    assert_private(&added);
    assert!(said(&added).contains("Added Fact #"), "{}", said(&added));

    let after = bot.ask("what is the population of tehran").await;
    let shown = said(&after);
    assert!(shown.contains("8.7 million"), "{shown}");
    assert!(shown.contains(POPULATION_SOURCE), "no source: {shown}");
    let other = bot.ask("how many people live in tehran").await;
    assert!(said(&other).contains("8.7 million"), "{}", said(&other));

    // A paragraph fact without a quote cites the paragraph's closest sentence.
    let cited = bot
        .fact(
            ALICE_MOD,
            "add",
            json!([
                text(
                    "question",
                    "How many observation posts does Turkey run in Idlib?"
                ),
                text("answer", "12 observation posts"),
                int("paragraph", 16),
            ]),
        )
        .await;
    assert!(
        said(&cited).contains("12 observation posts in Idlib"),
        "{}",
        said(&cited)
    );
}

const CORK: &str = "Cork harbour reopens";
const CORK_TEXT: &str = "The harbour in Cork reopened on Monday.\n\n\
    It had been closed for three weeks after a storm damaged the quay.\n\n\
    “We are relieved,” the harbour master said.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fact_added_to_a_second_article_by_its_title_is_answered_and_cited_from_it() {
    let bot = start_with_articles(&[(CORK, CORK_TEXT)]).await;
    let closed = |article: &str| {
        json!([
            text("question", "How long was the harbour in Cork closed?"),
            text("answer", "Three weeks"),
            int("paragraph", 2),
            text("article", article),
            text("quote", "closed for three weeks"),
        ])
    };

    // An article that is not there: refused, naming those that are, and
    // nothing written.
    let before = moderation_tables(&bot.db);
    let refused = bot.fact(ALICE_MOD, "add", closed("Dublin port")).await;
    assert_private(&refused);
    let shown = said(&refused);
    assert!(shown.contains("Dublin port"), "{shown}");
    assert!(
        shown.contains(CORK) && shown.contains("Iran, Russia and Turkey"),
        "{shown}"
    );
    assert_eq!(moderation_tables(&bot.db), before, "nothing written");

    let added = bot.fact(ALICE_MOD, "add", closed(CORK)).await;
    assert_private(&added);
    assert!(
        said(&added).contains(&format!("Article:** {CORK}")),
        "{}",
        said(&added)
    );
    let id = fact_id(&added);
    assert_eq!(
        count(
            &bot.db,
            &format!("SELECT article_id FROM facts WHERE id = {id}")
        ),
        2
    );
    let answer = said(&bot.ask("how long was the cork harbour closed").await);
    assert!(answer.contains("Three weeks"), "{answer}");
    assert!(answer.contains(&format!("{CORK}, ¶2")), "{answer}");

    // `/fact edit article:` moves a fact to another article's paragraph.
    let relieved = bot
        .fact(
            ALICE_MOD,
            "add",
            json!([
                text("question", "Who said they were relieved in Cork?"),
                text("answer", "The harbour master"),
                int("paragraph", 1),
            ]),
        )
        .await;
    let moved = fact_id(&relieved);
    let edited = bot
        .fact(
            ALICE_MOD,
            "edit",
            json!([
                int("id", moved),
                int("version", 1),
                int("paragraph", 3),
                text("article", "#2"),
                text("quote", "We are relieved"),
            ]),
        )
        .await;
    assert!(
        said(&edited).contains("Edited: Fact #"),
        "{}",
        said(&edited)
    );
    assert_eq!(
        count(
            &bot.db,
            &format!("SELECT article_id FROM facts WHERE id = {moved}")
        ),
        2
    );

    // Autocomplete offers the stored titles that match what was typed.
    let (interaction, mut payload) = bot.discord.autocomplete_options(
        Place::Guild,
        "fact",
        json!([{"name": "add", "type": 1, "options": [
            {"name": "question", "type": 3, "value": "q"},
            {"name": "article", "type": 3, "value": "cork har", "focused": true}
        ]}]),
    );
    payload["member"]["permissions"] = json!(MODERATOR_PERMISSIONS.to_string());
    let call = bot.interact((interaction, payload)).await;
    assert_eq!(
        call.body["type"],
        json!(AUTOCOMPLETE_RESULT),
        "{}",
        call.body
    );
    assert_eq!(
        call.body["data"]["choices"],
        json!([{"name": CORK, "value": CORK}]),
        "{}",
        call.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ordinary_members_are_refused_and_nothing_is_written() {
    let bot = start().await;
    let tables = moderation_tables(&bot.db);

    let attempts = [
        ("add", population_fact()),
        (
            "edit",
            json!([
                int("id", 1),
                int("version", 1),
                text("answer", "vandalised")
            ]),
        ),
        ("remove", json!([int("id", 1), text("reason", "because")])),
        ("restore", json!([int("id", 1)])),
        ("export", json!([])),
    ];
    for (sub, options) in attempts {
        let refused = bot.fact(MEMBER, sub, options).await;
        assert_private(&refused);
        assert!(
            said(&refused).contains("Only moderators"),
            "/fact {sub}: {}",
            said(&refused)
        );
    }
    // In a DM, Manage Messages means nothing: only configured users.
    let in_dm = As {
        place: Place::Dm,
        ..ALICE_MOD
    };
    let refused = bot
        .fact(in_dm, "remove", json!([int("id", 1), text("reason", "x")]))
        .await;
    assert!(
        said(&refused).contains("direct messages"),
        "{}",
        said(&refused)
    );
    assert_private(&refused);

    assert_eq!(
        moderation_tables(&bot.db),
        tables,
        "a refusal wrote something"
    );

    // Bob is named in the config: he may, even in a DM; Carol has the role.
    let bob_dm = As {
        place: Place::Dm,
        ..BOB_MOD
    };
    let shown = bot.fact(bob_dm, "show", json!([int("id", 1)])).await;
    assert!(
        said(&shown).contains("Fact #1 · version 1"),
        "{}",
        said(&shown)
    );
    let alias = bot
        .fact(
            CAROL_ROLE,
            "alias",
            json!([
                int("id", 1),
                text("phrasing", "which leaders met at the summit")
            ]),
        )
        .await;
    assert!(said(&alias).contains("version 2"), "{}", said(&alias));
}

/// Issue 11: moderators override the "not covered" list from Discord. A
/// retired gap is no longer named in a decline and a fact then answers its
/// question; a gap added is named at the next `/ask`; both in the history.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_retires_and_adds_gaps_and_the_next_ask_follows() {
    const DEAL: &str = "did they reach a deal";
    const OUTCOME_NOTE: &str = "doesn't report their outcome";
    let bot = start().await;
    bot.discord.wait_ready().await;
    let declined = said(&bot.ask(DEAL).await);
    assert!(declined.contains(OUTCOME_NOTE), "{declined}");

    let retired = bot
        .gap(
            ALICE_MOD,
            "remove",
            json!([
                text("key", "summit-outcome"),
                text("reason", "a fact answers it now")
            ]),
        )
        .await;
    assert_private(&retired);
    assert!(
        said(&retired).contains("Retired: gap summit-outcome · version 2"),
        "{}",
        said(&retired)
    );
    let still = said(&bot.ask(DEAL).await);
    assert!(!still.contains(OUTCOME_NOTE), "{still}");
    let added = bot
        .fact(
            ALICE_MOD,
            "add",
            json!([
                text("question", DEAL),
                text(
                    "answer",
                    "No: the summit ended without a ceasefire for Idlib"
                ),
                text("source", "https://example.org/tehran-summit-ends"),
            ]),
        )
        .await;
    assert!(said(&added).contains("Added Fact #"), "{}", said(&added));
    let answered = said(&bot.ask(DEAL).await);
    assert!(answered.contains("without a ceasefire"), "{answered}");

    let merkel = "what did angela merkel say about the summit";
    let gap = bot
        .gap(
            CAROL_ROLE,
            "add",
            json!([
                text("key", "merkel"),
                text("topic", "Merkel's view"),
                text("note", "It reports nothing from Angela Merkel."),
                text(
                    "questions",
                    &format!("{merkel} | merkel's opinion on idlib")
                ),
            ]),
        )
        .await;
    assert_private(&gap);
    assert!(
        said(&gap).contains("Added: gap merkel · version 1"),
        "{}",
        said(&gap)
    );
    let named = said(&bot.ask(merkel).await);
    assert!(named.contains("nothing from Angela Merkel"), "{named}");

    let listed = said(
        &bot.gap(ALICE_MOD, "list", json!([opt("all", 5, json!(true))]))
            .await,
    );
    assert!(
        listed.contains("summit-outcome") && listed.contains("retired"),
        "{listed}"
    );
    assert!(listed.contains("merkel"), "{listed}");
    let history = said(
        &bot.gap(
            ALICE_MOD,
            "history",
            json!([opt("key", 3, json!("summit-outcome"))]),
        )
        .await,
    );
    assert!(
        history.contains("History of gap summit-outcome")
            && history.contains("**v2** retire by")
            && history.contains("\n  retired")
            && history.contains("**v1** create by **ingest**"),
        "{history}"
    );
    assert_eq!(
        count(
            &bot.db,
            &format!(
                "SELECT count(*) FROM gap_revisions WHERE (by_id = {ALICE} AND action = 'retire') \
                 OR (by_id = {CAROL} AND action = 'create' AND by_name = 'carol')"
            )
        ),
        2
    );
}

/// The full names of every subcommand (`sub`, or `group sub`) under a
/// registered command's options, as Discord was told them.
fn subcommands(options: &Value) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for o in options.as_array().into_iter().flatten() {
        let name = o["name"].as_str().unwrap_or_default().to_string();
        match o["type"].as_u64() {
            // SUB_COMMAND
            Some(1) => out.push(vec![name]),
            // SUB_COMMAND_GROUP
            Some(2) => out.extend(subcommands(&o["options"]).into_iter().map(|mut path| {
                path.insert(0, name.clone());
                path
            })),
            _ => {}
        }
    }
    out
}

/// `/fact` invoked as the subcommand at `path`, with no arguments: a
/// forged interaction (Discord would not let a member without the
/// permission send it, nor leave out required arguments).
fn forged(path: &[String]) -> Value {
    let mut options = json!([]);
    for (depth, name) in path.iter().enumerate().rev() {
        let kind = if depth + 1 == path.len() { 1 } else { 2 };
        options = json!([{"name": name, "type": kind, "options": options}]);
    }
    options
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fact_subcommand_refuses_a_forged_call_from_a_non_moderator() {
    let bot = start().await;
    let registration = bot.discord.wait_ready().await;
    let fact = registration
        .body
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == "fact"))
        .expect("/fact is registered")
        .clone();
    // Listed from the command tree the bot registered, so a subcommand
    // added later is covered without editing this test.
    let subs = subcommands(&fact["options"]);
    assert!(subs.len() >= 11, "too few subcommands found: {subs:?}");
    for sub in ["list", "add", "edit", "remove", "restore", "history"] {
        let path = vec!["gap".to_string(), sub.to_string()];
        assert!(subs.contains(&path), "no /fact gap {sub} in {subs:?}");
    }
    let tables = moderation_tables(&bot.db);
    let stranger_in_dm = As {
        place: Place::Dm,
        ..ALICE_MOD
    };
    for path in &subs {
        for (who, want) in [
            (MEMBER, "Only moderators"),
            (stranger_in_dm, "direct messages"),
        ] {
            let refused = bot.command(who, "fact", forged(path)).await;
            assert_private(&refused);
            assert!(
                said(&refused).contains(want),
                "/fact {} as {}: {}",
                path.join(" "),
                who.name,
                said(&refused)
            );
        }
    }
    assert_eq!(
        moderation_tables(&bot.db),
        tables,
        "a refused call wrote something"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edit_remove_restore_round_trip_and_history_names_every_author() {
    let bot = start().await;
    let id = fact_id(&bot.fact(ALICE_MOD, "add", population_fact()).await);

    let edited = bot
        .fact(
            BOB_MOD,
            "edit",
            json!([
                int("id", id),
                int("version", 1),
                text(
                    "answer",
                    "About 9 million people (2016 census: 8.7 million)"
                ),
                text("reason", "newer figure"),
            ]),
        )
        .await;
    assert!(said(&edited).contains("version 2"), "{}", said(&edited));
    assert!(said(&bot.ask(POPULATION_Q).await).contains("About 9 million"));

    let removed = bot
        .fact(
            ALICE_MOD,
            "remove",
            json!([int("id", id), text("reason", "source disputed")]),
        )
        .await;
    assert!(said(&removed).contains("Retired"), "{}", said(&removed));
    assert!(!said(&bot.ask(POPULATION_Q).await).contains("million"));
    assert_eq!(
        count(
            &bot.db,
            &format!("SELECT retired FROM facts WHERE id = {id}")
        ),
        1,
        "retired, not deleted"
    );

    let restored = bot
        .fact(CAROL_ROLE, "restore", json!([int("id", id)]))
        .await;
    assert!(said(&restored).contains("version 4"), "{}", said(&restored));
    assert!(said(&bot.ask(POPULATION_Q).await).contains("About 9 million"));

    // Back to version 1's answer, as version 5.
    let back = bot
        .fact(
            BOB_MOD,
            "restore",
            json!([int("id", id), int("version", 1)]),
        )
        .await;
    assert!(said(&back).contains("version 5"), "{}", said(&back));
    assert!(said(&bot.ask(POPULATION_Q).await).contains("About 8.7 million"));

    let history = said(&bot.fact(BOB_MOD, "history", json!([int("id", id)])).await);
    for line in [
        "v1** create by **alice",
        "v2** edit by **bob",
        "newer figure",
        "v3** retire by **alice",
        "source disputed",
        "v4** restore by **carol",
        "v5** restore by **bob",
    ] {
        assert!(history.contains(line), "no {line:?} in {history}");
    }
    // Each revision row names its moderator by id as well as name.
    assert_eq!(
        count(
            &bot.db,
            &format!("SELECT count(*) FROM fact_revisions WHERE fact_id = {id} AND by_id = {BOB}")
        ),
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_edits_from_the_same_version_the_second_is_refused() {
    let bot = start().await;
    let id = fact_id(&bot.fact(ALICE_MOD, "add", population_fact()).await);
    let first = bot
        .fact(
            ALICE_MOD,
            "edit",
            json!([
                int("id", id),
                int("version", 1),
                text("answer", "Alice's answer")
            ]),
        )
        .await;
    assert!(said(&first).contains("version 2"), "{}", said(&first));
    let tables = moderation_tables(&bot.db);

    let second = bot
        .fact(
            BOB_MOD,
            "edit",
            json!([
                int("id", id),
                int("version", 1),
                text("answer", "Bob's answer")
            ]),
        )
        .await;
    assert_private(&second);
    let refusal = said(&second);
    assert!(refusal.contains("changed since version 1"), "{refusal}");
    assert!(refusal.contains("alice"), "does not name who: {refusal}");
    assert_eq!(moderation_tables(&bot.db), tables, "the stale edit wrote");
    assert!(said(&bot.ask(POPULATION_Q).await).contains("Alice's answer"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_errors_are_private_and_say_what_to_fix() {
    let bot = start().await;
    let cases = [
        (
            json!([
                text("question", "q one"),
                text("answer", "a"),
                int("paragraph", 99)
            ]),
            "no paragraph 99",
        ),
        (
            json!([
                text("question", "q two"),
                text("answer", "a"),
                int("paragraph", 2),
                text("quote", "words that are not there"),
            ]),
            "does not contain that quote",
        ),
        (
            json!([
                text("question", "   "),
                text("answer", "a"),
                text("source", "note")
            ]),
            "phrasing is empty",
        ),
        (
            json!([text("question", "q three"), text("answer", "a")]),
            "Give the source",
        ),
    ];
    for (options, want) in cases {
        let refused = bot.fact(ALICE_MOD, "add", options).await;
        assert_private(&refused);
        assert!(said(&refused).contains(want), "{want}: {}", said(&refused));
    }
    let first = fact_id(&bot.fact(ALICE_MOD, "add", population_fact()).await);
    let taken = bot
        .fact(
            BOB_MOD,
            "add",
            json!([
                text("question", "how big is Tehran?"),
                text("answer", "big"),
                text("source", "x")
            ]),
        )
        .await;
    assert!(
        said(&taken).contains(&format!("that already answers #{first}")),
        "{}",
        said(&taken)
    );
    let unknown = bot
        .fact(ALICE_MOD, "history", json!([int("id", 987654)]))
        .await;
    assert!(
        said(&unknown).contains("There is no fact #987654"),
        "{}",
        said(&unknown)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_lists_declined_questions_asked_through_discord_grouped() {
    let bot = start().await;
    let logged = count(&bot.db, "SELECT count(*) FROM question_log");
    for q in [
        "What did Angela Merkel say?",
        "what did angela merkel say",
        "Angela Merkel: what did she say??",
        "best pizza in rome?",
        "where is the summit held",
    ] {
        bot.ask(q).await;
    }
    wait_count(&bot.db, "SELECT count(*) FROM question_log", logged + 5).await;

    let listed = bot.fact(ALICE_MOD, "unanswered", json!([])).await;
    assert_private(&listed);
    let text = said(&listed);
    let merkel = text
        .find("**3×** ")
        .unwrap_or_else(|| panic!("no group of 3: {text}"));
    let pizza = text
        .find("**1×** best pizza in rome?")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(merkel < pizza, "most asked first: {text}");
    assert!(text[merkel..].contains("Merkel"), "{text}");
    assert!(
        !text.contains("where is the summit"),
        "an answered question is listed: {text}"
    );
}

/// The file part of a multipart body.
fn attachment(raw: &[u8], filename: &str) -> Vec<u8> {
    let needle = format!("filename=\"{filename}\"");
    let start = raw
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("no {filename} attached"));
    let body = start
        + raw[start..]
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("part headers end")
        + 4;
    let end = body
        + raw[body..]
            .windows(4)
            .position(|w| w == b"\r\n--")
            .expect("part ends");
    raw[body..end].to_vec()
}

/// The facts as `facts export` prints them, without what a new database
/// numbers differently (versions start again at 1).
fn facts_of(json: &[u8]) -> Vec<Value> {
    let mut facts: Vec<Value> = serde_json::from_slice(json).expect("an export is JSON");
    for f in &mut facts {
        if let Some(f) = f.as_object_mut() {
            f.remove("version");
        }
    }
    facts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_then_import_into_an_empty_database_reproduces_the_facts() {
    let bot = start().await;
    let added = fact_id(&bot.fact(ALICE_MOD, "add", population_fact()).await);
    bot.fact(
        ALICE_MOD,
        "edit",
        json!([
            int("id", 3),
            int("version", 1),
            text("answer", "edited by alice")
        ]),
    )
    .await;
    bot.fact(
        ALICE_MOD,
        "remove",
        json!([int("id", 4), text("reason", "wrong")]),
    )
    .await;

    let export = bot.fact(BOB_MOD, "export", json!([])).await;
    let file = attachment(&export.raw, "summit-bot-facts.json");
    let exported = facts_of(&file);
    assert!(exported.iter().any(|f| f["id"] == json!(added)));
    let path = bot.dir.path().join("export.json");
    std::fs::write(&path, &file).expect("write the export");

    let empty = bot.dir.path().join("empty.db");
    let run = |args: &[&str]| {
        let out = binary::summit(bot.dir.path())
            .arg("--db")
            .arg(&empty)
            .args(args)
            .output()
            .expect("summit-bot runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let dry =
        String::from_utf8(run(&["facts", "import", "--dry-run", "export.json"])).expect("UTF-8");
    assert!(dry.contains("would add 1, would change 2"), "{dry}");
    assert_eq!(
        facts_of(&run(&["facts", "export"])).len(),
        exported.len() - 1
    );

    let done = String::from_utf8(run(&["facts", "import", "export.json"])).expect("UTF-8");
    assert!(done.contains("added 1, changed 2"), "{done}");
    assert_eq!(facts_of(&run(&["facts", "export"])), exported);
    let again = String::from_utf8(run(&["facts", "import", "export.json"])).expect("UTF-8");
    assert!(again.contains("added 0, changed 0"), "{again}");
}

// ---- the same operations from the command line -----------------------------------

/// Runs `summit-bot --db DB ARGS` in `dir`; (success, stdout, stderr).
fn cli(dir: &Path, db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = binary::summit(dir)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("summit-bot runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The id in "Added fact #12 (version 1)."
fn added_id(stdout: &str) -> String {
    let start = stdout.find("Added fact #").expect("an added fact") + "Added fact #".len();
    stdout[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[test]
fn facts_add_edit_alias_remove_restore_and_history_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cli.db");
    let run = |args: &[&str]| cli(dir.path(), &db, args);

    let (ok, out, err) = run(&[
        "facts",
        "add",
        "--question",
        "How many observation posts does Turkey run?",
        "--answer",
        "12",
        "--paragraph",
        "16",
        "--quote",
        "12 observation posts",
        "--by",
        "dana",
    ]);
    assert!(ok, "{err}");
    let id = added_id(&out);
    assert!(out.contains("(version 1)"), "{out}");
    let (_, answer, _) = run(&["ask", "how many observation posts does turkey run"]);
    assert!(answer.starts_with("12"), "{answer}");

    // Refusals say what to fix and write nothing.
    let revisions = dump(&db, "fact_revisions");
    for (args, want) in [
        (
            vec![
                "facts",
                "add",
                "--question",
                "q",
                "--answer",
                "a",
                "--paragraph",
                "99",
            ],
            "no paragraph 99",
        ),
        (
            vec![
                "facts",
                "add",
                "--question",
                "q",
                "--answer",
                "a",
                "--paragraph",
                "2",
                "--quote",
                "nope",
            ],
            "does not contain that quote",
        ),
        (
            vec![
                "facts",
                "add",
                "--question",
                "How many observation posts does Turkey run",
                "--answer",
                "a",
                "--source",
                "x",
            ],
            "already answers #",
        ),
        (
            vec!["facts", "edit", &id, "--from-version", "7", "--answer", "b"],
            "changed since version 7",
        ),
        (vec!["facts", "remove", "999999", "gone"], "no fact #999999"),
    ] {
        let (ok, _, err) = run(&args);
        assert!(!ok, "{args:?} succeeded");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(dump(&db, "fact_revisions"), revisions);

    let (ok, out, err) = run(&[
        "facts",
        "edit",
        &id,
        "--from-version",
        "1",
        "--answer",
        "twelve",
        "--by",
        "eve",
        "--reason",
        "spelled out",
    ]);
    assert!(ok && out.contains("version 2"), "{out}{err}");
    let (ok, out, _) = run(&["facts", "alias", &id, "how many turkish posts are there"]);
    assert!(ok && out.contains("version 3"), "{out}");
    let (ok, out, _) = run(&["facts", "remove", &id, "not needed", "--by", "dana"]);
    assert!(ok && out.contains("Retired"), "{out}");
    let (_, answer, _) = run(&["ask", "how many observation posts does turkey run"]);
    assert!(
        !answer.starts_with("twelve"),
        "a retired fact answered: {answer}"
    );
    let (ok, out, _) = run(&["facts", "restore", &id]);
    assert!(ok && out.contains("version 5"), "{out}");
    let (ok, out, _) = run(&["facts", "restore", &id, "1"]);
    assert!(ok && out.contains("version 6"), "{out}");

    let (ok, history, _) = run(&["facts", "history", &id]);
    assert!(ok);
    for line in [
        "version 1 · create by dana",
        "version 2 · edit by eve",
        "“spelled out”",
        "answer: “12” → “twelve”",
        "version 3 · alias by operator (cli)",
        "version 4 · retire by dana",
        "version 6 · restore",
    ] {
        assert!(history.contains(line), "no {line:?} in {history}");
    }
}

#[test]
fn facts_import_refuses_a_bad_file_whole_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cli.db");
    let run = |args: &[&str]| cli(dir.path(), &db, args);
    let (ok, export, _) = run(&["facts", "export"]);
    assert!(ok);
    let tables = moderation_tables(&db);

    std::fs::write(dir.path().join("broken.json"), "{ not json").expect("write");
    let (ok, _, err) = run(&["facts", "import", "broken.json"]);
    assert!(!ok && err.contains("not a facts export"), "{err}");

    // One bad fact at the end spoils the file: the good change before it
    // is not written either.
    let mut facts: Vec<Value> = serde_json::from_str(&export).expect("JSON");
    facts[0]["answer"] = json!("changed");
    let last = facts.len() - 1;
    facts[last]["paragraph"] = json!(99);
    std::fs::write(dir.path().join("bad.json"), Value::Array(facts).to_string()).expect("write");
    let (ok, _, err) = run(&["facts", "import", "bad.json"]);
    assert!(!ok && err.contains("no paragraph 99"), "{err}");
    assert_eq!(moderation_tables(&db), tables, "a refused import wrote");
}

#[test]
fn unanswered_and_feedback_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cli.db");
    let run = |args: &[&str]| cli(dir.path(), &db, args);
    for q in [
        "what did merkel say",
        "What did Merkel say?",
        "where is the summit held",
    ] {
        assert!(run(&["ask", q]).0);
    }
    let (ok, out, _) = run(&["facts", "unanswered", "1"]);
    assert!(ok);
    assert!(out.starts_with("   2× "), "{out}");
    assert!(!out.contains("summit held"), "{out}");
    let (ok, out, _) = run(&["facts", "feedback"]);
    assert!(ok && out.contains("No feedback yet"), "{out}");
}

#[test]
fn moderation_reports_print_as_json_from_the_same_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cli.db");
    let run = |args: &[&str]| {
        let (ok, out, err) = cli(dir.path(), &db, args);
        assert!(ok, "{args:?}: {err}");
        serde_json::from_str::<Value>(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    };
    assert!(cli(dir.path(), &db, &["ask", "what did merkel say"]).0);
    let history = run(&["facts", "history", "1", "--json"]);
    assert_eq!(history["fact_id"], json!(1));
    assert_eq!(history["versions"][0]["action"], json!("create"));
    let missed = run(&["facts", "unanswered", "--json"]);
    assert_eq!(missed["days"], json!(7));
    assert_eq!(
        missed["groups"][0]["wordings"][0],
        json!("what did merkel say")
    );
    assert_eq!(run(&["facts", "feedback", "--json"]), json!([]));
    let (ok, export, _) = cli(dir.path(), &db, &["facts", "export"]);
    assert!(ok);
    std::fs::write(dir.path().join("export.json"), export).expect("write");
    let report = run(&["facts", "import", "--dry-run", "--json", "export.json"]);
    assert_eq!(report["applied"], json!(false));
    assert_eq!(report["changed"], json!([]));
}

/// A question the article answers (¶19) that the bot declines as it is
/// worded: what a moderator teaches.
const KREMLIN_Q: &str = "moscow's wishlist for tehran?";
const KREMLIN_QUOTE: &str = "The Tehran talks should focus on “further joint efforts to ensure \
     long-term stabilization” in Syria";
const KREMLIN_ANSWER: &str = "That the Tehran talks should focus on long-term stabilization in \
     Syria, and on conditions for refugees to return.";

/// A Teach form's fields, as a moderator fills them.
fn teach_form<'a>(answer: &'a str, quote: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("phrasing", KREMLIN_Q),
        ("answer", answer),
        ("quote", quote),
        ("paragraph", ""),
        ("fact", ""),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_teaches_a_declined_question_and_the_next_asker_gets_the_answer() {
    let bot = start().await;
    bot.discord.wait_ready().await;
    let logged = count(&bot.db, "SELECT count(*) FROM question_log");
    let decline = bot.ask(KREMLIN_Q).await;
    assert!(
        said(&decline).contains("doesn't"),
        "pick another declined question for this test: {}",
        said(&decline)
    );
    let teach = support::buttons_of(&decline.body)
        .into_iter()
        .find(|(id, _)| id == "teach")
        .unwrap_or_else(|| panic!("no Teach button: {}", decline.body));
    assert!(teach.1.contains("Teach"), "{teach:?}");
    wait_count(&bot.db, "SELECT count(*) FROM question_log", logged + 1).await;
    let listed = said(&bot.fact(ALICE_MOD, "unanswered", json!([])).await);
    assert!(listed.contains(KREMLIN_Q), "{listed}");
    let message = support::message_from_call(&decline, bot.discord.snowflake(), Place::Guild);
    let before = moderation_tables(&bot.db);

    // An ordinary member who clicks Teach, or forges the form, is refused
    // privately and nothing is written.
    let click = bot.discord.click(Place::Guild, "teach", message.clone());
    let refused = bot.interact_as(MEMBER, click).await;
    assert_private(&refused);
    assert!(
        said(&refused).contains("Only moderators"),
        "{}",
        said(&refused)
    );
    let form = teach_form(KREMLIN_ANSWER, KREMLIN_QUOTE);
    let forged = bot
        .discord
        .submit(Place::Guild, "teach", &form, message.clone());
    let refused = bot.interact_as(MEMBER, forged).await;
    assert_private(&refused);
    assert!(
        said(&refused).contains("Only moderators"),
        "{}",
        said(&refused)
    );
    assert_eq!(moderation_tables(&bot.db), before, "a refusal wrote");

    // A moderator gets the form, holding the question.
    let click = bot.discord.click(Place::Guild, "teach", message.clone());
    let opened = bot.interact_as(ALICE_MOD, click).await;
    assert_eq!(opened.body["type"], json!(9), "{}", opened.body);
    assert_eq!(opened.body["data"]["custom_id"], json!("teach"));
    let fields = opened.body["data"]["components"].to_string();
    assert!(fields.contains(KREMLIN_Q), "{fields}");

    // A quote that is not the article's is refused, with what was typed.
    let wrong = teach_form(KREMLIN_ANSWER, "Moscow wants peace");
    let wrong = bot
        .discord
        .submit(Place::Guild, "teach", &wrong, message.clone());
    let refused = bot.interact_as(ALICE_MOD, wrong).await;
    assert_private(&refused);
    let told = said(&refused);
    assert!(told.contains("No paragraph of the article"), "{told}");
    assert!(told.contains("Moscow wants peace"), "{told}");
    assert_eq!(moderation_tables(&bot.db), before, "a refused quote wrote");

    // Taught: the decline turns into the answer, cited from ¶19.
    let form = bot.discord.submit(Place::Guild, "teach", &form, message);
    let taught = bot.interact_as(ALICE_MOD, form).await;
    assert_eq!(
        taught.body["type"],
        json!(support::UPDATE_MESSAGE),
        "{}",
        taught.body
    );
    let shown = embed_text(&taught.body);
    assert!(shown.contains("long-term stabilization"), "{shown}");
    assert!(shown.contains("taught by alice"), "{shown}");
    assert!(shown.contains("¶19"), "{shown}");
    support::assert_pings_nobody(&taught.body);
    let id = number_after(&shown, "(fact #");

    // The next asker gets it; the history names who taught it; the
    // question has left the unanswered list.
    let next = said(&bot.ask(KREMLIN_Q).await);
    assert!(next.contains(KREMLIN_ANSWER), "{next}");
    let history = said(&bot.fact(BOB_MOD, "history", json!([int("id", id)])).await);
    assert!(history.contains("alice"), "{history}");
    assert!(
        history.contains("taught from a declined question"),
        "{history}"
    );
    let listed = said(&bot.fact(ALICE_MOD, "unanswered", json!([])).await);
    assert!(!listed.contains(KREMLIN_Q), "{listed}");
}
