//! Hostile and broken input through every real entry point: the binary's
//! `ask QUESTION`, `ask --json -` and console `chat` (on a temp database),
//! and `/ask` and direct messages through the real bot against the stand-in
//! Discord (`tests/support`). One table of inputs, [`cases`]; each entry
//! point gets every case and must give a clear reply or error, never panic,
//! exit as expected, keep answering afterwards, store nothing but the
//! question log, and (on Discord) fit Discord's limits and ping nobody.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use serde_json::{json, Value};
use support::binary::{self, run_with_input};
use support::{
    assert_pings_nobody, embed_text, embeds_of, flags, user, Call, Place, StandIn, TestBot,
    DEFERRED, EPHEMERAL, GUILD_ID,
};

/// The configured question limit (`matcher.max_question_chars`).
const MAX_QUESTION_CHARS: usize = 1000;

/// Asked after every bad input: the entry point must still answer it.
const SENTINEL: &str = "how many refugees does turkey host";
const SENTINEL_ANSWER: &str = "3.5 million";

/// What a case must get back.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Refused as input, the error saying this.
    Refused(&'static str),
    /// Answered, the answer containing this.
    Answered(&'static str),
    /// Answered or declined, but taken as a question (no input error).
    Replied,
}

struct Case {
    name: &'static str,
    text: String,
    /// At the command line and in the console chat.
    local: Expect,
    /// On Discord, where mention markup is dropped and white space
    /// collapsed before asking.
    discord: Expect,
}

fn case(name: &'static str, text: impl Into<String>, both: Expect) -> Case {
    Case {
        name,
        text: text.into(),
        local: both,
        discord: both,
    }
}

/// The table: every input each entry point must survive.
fn cases() -> Vec<Case> {
    use Expect::*;
    let too_long = Refused("longer than 1000 characters");
    vec![
        case("empty", "", Refused("empty")),
        case("whitespace only", " \t \u{a0}\u{3000} ", Refused("empty")),
        case(
            "6,000 characters",
            "what did erdogan say ".repeat(300).trim_end(),
            too_long,
        ),
        case("1 MB", "idlib ".repeat((1 << 20) / 6 + 1), too_long),
        case(
            "1,000 characters, one word",
            "a".repeat(MAX_QUESTION_CHARS),
            Replied,
        ),
        case(
            "control characters",
            "who\u{7} is\u{1b}[31m de\u{8}\u{7f} mistura\u{1}?",
            Answered("de Mistura"),
        ),
        case("NUL", "who is de\0 mistura\0", Answered("de Mistura")),
        case(
            "bidi marks",
            "\u{202e}who is de mistura\u{200f}\u{2066}?\u{2069}",
            Answered("de Mistura"),
        ),
        case(
            "zero-width marks",
            "\u{feff}\u{200b}how many refugees does turkey host\u{2060}?",
            Answered(SENTINEL_ANSWER),
        ),
        case(
            "combining marks (decomposed ğ)",
            "what did Erdog\u{306}an say about idlib",
            Answered("ruthless"),
        ),
        case(
            "stacked combining marks",
            "w\u{335}\u{31b}h\u{338}o\u{337} i\u{334}s\u{337} d\u{336}e m\u{335}i\u{334}s\u{338}t\u{337}u\u{336}r\u{335}a\u{334}",
            Answered("de Mistura"),
        ),
        case(
            "emoji",
            "🇹🇷 how many refugees does turkey host? 🤔👍🏽👨‍👩‍👧",
            Answered(SENTINEL_ANSWER),
        ),
        case(
            "Turkish",
            "what did Erdoğan say about idlib",
            Answered("ruthless"),
        ),
        case("Russian", "что сказал Эрдоган об Идлибе?", Replied),
        case("Persian", "اردوغان درباره ادلب چه گفت؟", Replied),
        case(
            "mixed scripts",
            "Erdoğan Эрдоган اردوغان Rouhani روحانی Путин",
            Replied,
        ),
        case("SQL: drop table", "'; DROP TABLE facts;--", Replied),
        case(
            "SQL: quotes and wildcards",
            "\" OR 1=1 -- %_ '' \\'; DELETE FROM facts WHERE '1'='1",
            Replied,
        ),
        case(
            "SQL: bobby tables",
            "Robert'); DROP TABLE question_log;-- who is de mistura",
            Replied,
        ),
        case(
            "Discord markdown",
            "**who** is __de mistura__ ||spoiler|| ~~x~~ `code` [link](https://evil.example) > quote",
            Replied,
        ),
        case(
            "code fence",
            "```sql\nDROP TABLE facts;\n```\nwho is de mistura",
            Replied,
        ),
        Case {
            name: "@everyone and @here",
            text: "@everyone @here who is de mistura".into(),
            local: Replied,
            discord: Answered("de Mistura"),
        },
        Case {
            name: "role and user mentions",
            text: "<@&123> <@456> <@!789> <#1011> who is de mistura".into(),
            local: Replied,
            discord: Answered("de Mistura"),
        },
    ]
}

// ---- the binary ------------------------------------------------------------------

/// The binary on database `db`.
fn summit(dir: &Path, db: &Path) -> Command {
    let mut cmd = binary::summit(dir);
    cmd.arg("--db").arg(db);
    cmd
}

/// Fails unless the run exited 0 without panicking.
fn assert_clean_exit(what: &str, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: panicked: {stderr}");
    assert!(out.status.success(), "{what}: {:?}: {stderr}", out.status);
}

fn stdout(what: &str, out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap_or_else(|_| panic!("{what}: stdout not UTF-8"))
}

/// A temp dir with a seeded database in it.
fn seeded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("summit.db");
    let out = summit(dir.path(), &db)
        .args(["facts", "list"])
        .output()
        .expect("summit-bot runs");
    assert_clean_exit("seeding", &out);
    (dir, db)
}

/// Everything in the database but the question log, as text: what no
/// question may change. Includes the schema, so a dropped table shows.
fn fingerprint(db: &Path) -> String {
    let tables = [
        "SELECT type, name, sql FROM sqlite_master ORDER BY name",
        "SELECT * FROM articles ORDER BY id",
        "SELECT * FROM paragraphs ORDER BY article_id, number",
        "SELECT * FROM sentences ORDER BY article_id, paragraph, position",
        "SELECT * FROM facts ORDER BY id",
        "SELECT * FROM fact_questions ORDER BY fact_id, position",
        "SELECT * FROM fact_revisions ORDER BY id",
        "SELECT * FROM feedback ORDER BY fact_id, user_id",
    ];
    tables
        .iter()
        .map(|sql| format!("{:?}\n--\n", support::db::query(db, sql)))
        .collect()
}

/// Checks the question log kept no question longer than the limit (an
/// over-long one is kept cut, with "…").
fn assert_log_is_bounded(db: &Path) {
    let conn = rusqlite::Connection::open(db).expect("open the database");
    let longest: i64 = conn
        .query_row(
            "SELECT coalesce(max(length(question)), 0) FROM question_log",
            [],
            |r| r.get(0),
        )
        .expect("question log");
    assert!(
        longest as usize <= MAX_QUESTION_CHARS + 1,
        "the question log kept a {longest}-character question"
    );
}

/// The reply `ask` prints for an input error.
const REFUSAL: &str = "I can't take that as a question";

/// Checks one human reply (`ask`, `chat`) against `expect`.
fn check_human(what: &str, text: &str, expect: Expect) {
    match expect {
        Expect::Refused(why) => {
            assert!(text.contains(REFUSAL), "{what}: not refused: {text:.300}");
            assert!(
                text.contains(why),
                "{what}: refusal lacks {why:?}: {text:.300}"
            );
        }
        Expect::Answered(answer) => {
            assert!(
                text.contains(answer),
                "{what}: wanted {answer:?}: {text:.300}"
            )
        }
        Expect::Replied => assert!(!text.contains(REFUSAL), "{what}: refused: {text:.300}"),
    }
}

/// Checks one `ask --json` object against the contract and `expect`.
fn check_json(what: &str, line: &str, expect: Expect) -> Value {
    let v: Value = serde_json::from_str(line)
        .unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {line:.300}"));
    assert!(v["question"].is_string(), "{what}: {line:.300}");
    let answered = v["answered"].as_bool().expect("answered is a bool");
    let confidence = v["confidence"].as_f64().expect("confidence");
    assert!((0.0..=1.0).contains(&confidence), "{what}: {confidence}");
    if answered {
        let sources = v["sources"].as_array().expect("sources");
        assert!(!sources.is_empty(), "{what}: answered without a source");
    }
    match expect {
        Expect::Refused(why) => {
            assert!(!answered, "{what}: answered");
            let error = v["error"].as_str().unwrap_or_default();
            assert!(error.contains(why), "{what}: error {error:?} lacks {why:?}");
        }
        Expect::Answered(answer) => {
            assert!(answered, "{what}: not answered: {line:.300}");
            let got = v["answer"].as_str().unwrap_or_default();
            assert!(got.contains(answer), "{what}: {got:?} lacks {answer:?}");
        }
        Expect::Replied => assert!(v.get("error").is_none(), "{what}: refused: {line:.300}"),
    }
    v
}

/// A question as command-line words. One argument may hold at most 128 KiB
/// on Linux, so a huge question is given as several words (`ask` joins them
/// with spaces, as a shell user's words would be).
fn as_words(text: &str) -> Vec<String> {
    const WORD: usize = 64 << 10;
    if text.len() <= WORD {
        return vec![text.to_string()];
    }
    let mut words = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(WORD);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        words.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    words
}

#[test]
fn ask_with_words_gives_every_bad_input_a_clear_reply() {
    let (dir, db) = seeded();
    let before = fingerprint(&db);
    for case in cases() {
        // An argument cannot hold a NUL: execve ends it there. The NUL case
        // goes through standard input below.
        if case.text.contains('\0') {
            continue;
        }
        let what = format!("ask ({})", case.name);
        let out = summit(dir.path(), &db)
            .arg("ask")
            .args(as_words(&case.text))
            .output()
            .expect("summit-bot runs");
        assert_clean_exit(&what, &out);
        check_human(&what, &stdout(&what, &out), case.local);

        let what = format!("ask --json ({})", case.name);
        let out = summit(dir.path(), &db)
            .args(["ask", "--json"])
            .args(as_words(&case.text))
            .output()
            .expect("summit-bot runs");
        assert_clean_exit(&what, &out);
        let text = stdout(&what, &out);
        assert_eq!(text.lines().count(), 1, "{what}: one line");
        check_json(&what, text.trim_end(), case.local);
    }
    assert_eq!(fingerprint(&db), before, "a question changed the database");
    assert_log_is_bounded(&db);
}

#[test]
fn ask_stream_gives_every_bad_line_one_clear_line_and_keeps_going() {
    let (dir, db) = seeded();
    let before = fingerprint(&db);
    let mut cmd = summit(dir.path(), &db);
    cmd.args(["ask", "--json", "-"]);
    // All cases in one stream, each followed by the sentinel: a bad line
    // must not cost the lines after it.
    let cases = cases();
    let mut input = Vec::new();
    let mut want: Vec<(String, Expect)> = Vec::new();
    for case in &cases {
        // A line of the stream is one question: a case of several lines is
        // several questions, each taken as one.
        let lines: Vec<&str> = case.text.split('\n').collect();
        for line in &lines {
            let expect = if lines.len() > 1 {
                Expect::Replied
            } else {
                case.local
            };
            want.push((format!("ask - ({}: {line:.40?})", case.name), expect));
        }
        input.extend_from_slice(case.text.as_bytes());
        input.push(b'\n');
        want.push((
            format!("sentinel after {}", case.name),
            Expect::Answered(SENTINEL_ANSWER),
        ));
        input.extend_from_slice(SENTINEL.as_bytes());
        input.push(b'\n');
    }
    let out = run_with_input(cmd, input);
    assert_clean_exit("ask -", &out);
    let text = stdout("ask -", &out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), want.len(), "one line out per line in");
    for (line, (what, expect)) in lines.iter().zip(&want) {
        check_json(what, line, *expect);
    }
    assert_eq!(fingerprint(&db), before, "a question changed the database");
    assert_log_is_bounded(&db);
}

#[test]
fn chat_answers_every_bad_line_and_keeps_going() {
    let (dir, db) = seeded();
    let before = fingerprint(&db);
    for case in cases() {
        let what = format!("chat ({})", case.name);
        let mut input = case.text.clone().into_bytes();
        input.extend_from_slice(format!("\n{SENTINEL}\nquit\n").as_bytes());
        let out = run_with_input(
            {
                let mut cmd = summit(dir.path(), &db);
                cmd.arg("chat");
                cmd
            },
            input,
        );
        assert_clean_exit(&what, &out);
        let text = stdout(&what, &out);
        // The greeting, the case's replies, the sentinel's reply.
        let (_greeting, replies) = text.split_once('\n').expect("a greeting line");
        let (replies, last) = replies
            .trim_end()
            .rsplit_once("\n\n")
            .unwrap_or(("", replies.trim_end()));
        assert!(last.contains(SENTINEL_ANSWER), "{what}: then {last:.300}");
        match case.local {
            // The chat passes over blank lines, as a shell prompt does.
            Expect::Refused("empty") => assert_eq!(replies, "", "{what}"),
            // Several lines are several questions, each taken as one.
            _ if case.text.contains('\n') => check_human(&what, replies, Expect::Replied),
            expect => check_human(&what, replies, expect),
        }
    }
    assert_eq!(fingerprint(&db), before, "a question changed the database");
    assert_log_is_bounded(&db);
}

#[test]
fn invalid_utf8_gets_a_clear_error_everywhere_and_the_next_line_an_answer() {
    let (dir, db) = seeded();
    let before = fingerprint(&db);
    let bad: &[&[u8]] = &[
        b"\xff\xfe\xfd",
        b"who is de mistura \xc3",          // a cut two-byte sequence
        b"\xed\xa0\x80 surrogate",          // an encoded surrogate
        b"\xf8\x88\x80\x80\x80 five bytes", // beyond Unicode
        b"\xc0\xaf overlong slash",         // an overlong encoding
        b"caf\xe9 latin-1 in idlib",        // Latin-1, not UTF-8
    ];

    // `ask -`: the bad line gets an error, the good one after it an answer.
    let mut input = Vec::new();
    for line in bad {
        input.extend_from_slice(line);
        input.push(b'\n');
        input.extend_from_slice(SENTINEL.as_bytes());
        input.push(b'\n');
    }
    let mut cmd = summit(dir.path(), &db);
    cmd.args(["ask", "--json", "-"]);
    let out = run_with_input(cmd, input);
    assert_clean_exit("ask - (invalid UTF-8)", &out);
    let text = stdout("ask -", &out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), bad.len() * 2, "{text}");
    for (i, pair) in lines.chunks(2).enumerate() {
        let what = format!("ask - ({:?})", String::from_utf8_lossy(bad[i]));
        check_json(&what, pair[0], Expect::Refused("not valid UTF-8"));
        check_json(&what, pair[1], Expect::Answered(SENTINEL_ANSWER));
    }

    // The chat reads what it can of the line (invalid bytes become U+FFFD)
    // and answers, as a terminal with the wrong encoding would want.
    let mut input = b"who is de \xff\xfe mistura\n".to_vec();
    input.extend_from_slice(format!("{SENTINEL}\nquit\n").as_bytes());
    let mut cmd = summit(dir.path(), &db);
    cmd.arg("chat");
    let out = run_with_input(cmd, input);
    assert_clean_exit("chat (invalid UTF-8)", &out);
    let text = stdout("chat", &out);
    assert!(text.contains("de Mistura"), "{text}");
    assert!(text.contains(SENTINEL_ANSWER), "{text}");

    // A question word that is not UTF-8 is a usage error: exit 2, saying so.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let word = std::ffi::OsStr::from_bytes(b"mis\xfftura");
        let out = summit(dir.path(), &db)
            .args(["ask", "who", "is"])
            .arg(word)
            .output()
            .expect("summit-bot runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("UTF-8"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(fingerprint(&db), before, "a question changed the database");
}

// ---- Discord ---------------------------------------------------------------------

/// Discord's limits on what a message may carry.
const MAX_CONTENT: usize = 2_000;
const MAX_TITLE: usize = 256;
const MAX_DESCRIPTION: usize = 4_096;
const MAX_FOOTER: usize = 2_048;
const MAX_FIELD_NAME: usize = 256;
const MAX_FIELD_VALUE: usize = 1_024;
const MAX_EMBED_TOTAL: usize = 6_000;
const MAX_BUTTON_LABEL: usize = 80;
const MAX_CUSTOM_ID: usize = 100;

fn chars(v: &Value, pointer: &str) -> usize {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .map_or(0, |s| s.chars().count())
}

/// Fails unless the message in `body` fits Discord's limits and pings nobody.
fn assert_fits_discord(what: &str, body: &Value) {
    assert_pings_nobody(body);
    let data = body.get("data").unwrap_or(body);
    assert!(
        chars(data, "/content") <= MAX_CONTENT,
        "{what}: content of {} characters",
        chars(data, "/content")
    );
    let embeds = embeds_of(body);
    assert!(embeds.len() <= 10, "{what}: {} embeds", embeds.len());
    let mut total = 0;
    for e in &embeds {
        let title = chars(e, "/title");
        let description = chars(e, "/description");
        let footer = chars(e, "/footer/text");
        let author = chars(e, "/author/name");
        assert!(title <= MAX_TITLE, "{what}: title of {title}");
        assert!(
            description <= MAX_DESCRIPTION,
            "{what}: description of {description}"
        );
        assert!(footer <= MAX_FOOTER, "{what}: footer of {footer}");
        total += title + description + footer + author;
        for f in e
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (name, value) = (chars(f, "/name"), chars(f, "/value"));
            assert!(
                name <= MAX_FIELD_NAME && value <= MAX_FIELD_VALUE,
                "{what}: field {f}"
            );
            total += name + value;
        }
    }
    assert!(
        total <= MAX_EMBED_TOTAL,
        "{what}: embeds of {total} characters"
    );
    for row in data
        .get("components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for c in row
            .get("components")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            assert!(chars(c, "/label") <= MAX_BUTTON_LABEL, "{what}: button {c}");
            assert!(
                chars(c, "/custom_id") <= MAX_CUSTOM_ID,
                "{what}: button {c}"
            );
        }
    }
    // What the user wrote is shown back (the title) with mentions broken:
    // nothing that would render as a ping, even with pings allowed.
    let shown = format!("{}{}", embed_text(body), chars_of(data, "/content"));
    for raw in ["@everyone", "@here"] {
        assert!(
            !shown.contains(raw),
            "{what}: shows {raw:?} as is: {shown:.300}"
        );
    }
    assert!(
        !has_mention(&shown),
        "{what}: shows a mention: {shown:.300}"
    );
}

/// Whether `text` holds Discord mention markup: `<@id>`, `<@!id>`, `<@&id>`.
fn has_mention(text: &str) -> bool {
    text.match_indices("<@").any(|(at, _)| {
        let rest = text[at + 2..].trim_start_matches(['!', '&']);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with('>')
    })
}

fn chars_of(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Checks a Discord reply against `expect`: what the user reads (embed and
/// content) says the refusal or the answer.
fn check_discord(what: &str, body: &Value, expect: Expect, private_refusal: bool) {
    let data = body.get("data").unwrap_or(body);
    let text = format!("{}{}", embed_text(body), chars_of(data, "/content"));
    let ephemeral = flags(body) & EPHEMERAL != 0;
    match expect {
        Expect::Refused(why) => {
            assert!(
                text.contains(why),
                "{what}: refusal lacks {why:?}: {text:.300}"
            );
            if private_refusal {
                assert!(ephemeral, "{what}: a refusal shown to everyone");
            }
        }
        Expect::Answered(answer) => {
            assert!(
                text.contains(answer),
                "{what}: wanted {answer:?}: {text:.300}"
            );
            assert!(!ephemeral, "{what}: an answer shown privately");
        }
        Expect::Replied => {
            assert!(!ephemeral, "{what}: refused: {text:.300}");
            assert!(!text.is_empty(), "{what}: an empty reply");
        }
    }
}

/// The real bot against a stand-in Discord, on a fresh database, with a
/// rate limit high enough for the whole table.
async fn start_bot() -> TestBot {
    let guild = GUILD_ID.to_string();
    TestBot::start(&[
        ("SUMMIT_BOT_DISCORD_GUILD_ID", &guild),
        ("SUMMIT_BOT_LIMITS_QUESTIONS_PER_MINUTE", "1000"),
    ])
    .await
}

/// Waits for the bot's final response to `interaction` (after a deferral,
/// the edit that completes it).
async fn response_to(discord: &StandIn, interaction: &support::Interaction) -> Call {
    discord
        .wait_for_call(
            &format!("the response to interaction {}", interaction.id),
            |c| {
                interaction.answered_by(c)
                    && !(c.path == interaction.callback_path()
                        && c.body.get("type").and_then(Value::as_u64) == Some(DEFERRED))
            },
        )
        .await
}

/// Sends a DM and waits for the bot's next message in the DM channel.
async fn dm(discord: &StandIn, content: &str) -> Call {
    let before = discord.calls().len();
    let message = discord.message(
        Place::Dm,
        user(support::USER_ID, "asker", false),
        content,
        json!([]),
    );
    discord.dispatch("MESSAGE_CREATE", message).await;
    let path = format!("/api/v10/channels/{}/messages", support::DM_CHANNEL_ID);
    discord
        .wait_until("a reply to the DM", support::WAIT, |s| {
            s.calls()
                .into_iter()
                .skip(before)
                .find(|c| c.is("POST", &path))
        })
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_ask_and_dms_give_every_bad_input_a_reply_that_fits_and_pings_nobody() {
    let bot = start_bot().await;
    let (discord, db) = (&bot.discord, &bot.db);
    let before = fingerprint(db);
    for case in cases() {
        for place in [Place::Guild, Place::Dm] {
            let what = format!("/ask in {place:?} ({})", case.name);
            let (interaction, payload) = discord.command(
                place,
                "ask",
                json!([{"name": "question", "type": 3, "value": case.text}]),
            );
            discord.dispatch("INTERACTION_CREATE", payload).await;
            let call = response_to(discord, &interaction).await;
            assert_fits_discord(&what, &call.body);
            check_discord(&what, &call.body, case.discord, true);
        }

        let what = format!("DM ({})", case.name);
        let call = dm(discord, &case.text).await;
        assert_fits_discord(&what, &call.body);
        match case.discord {
            // A DM with no question in it gets the help text.
            Expect::Refused("empty") => {
                let content = chars_of(&call.body, "/content");
                assert!(content.contains("/ask"), "{what}: {content:.300}");
            }
            expect => check_discord(&what, &call.body, expect, false),
        }
    }
    // Still answering, and nothing but the question log changed.
    let call = dm(discord, SENTINEL).await;
    check_discord(
        "DM after the table",
        &call.body,
        Expect::Answered(SENTINEL_ANSWER),
        false,
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(fingerprint(db), before, "a question changed the database");
    assert_log_is_bounded(db);
}
