use super::*;

/// A variable, its value, and what the config must then say.
type EnvCase = (&'static str, &'static str, fn(&Config) -> bool);
/// A config file, the environment, and the key the error must name.
type BadCase = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

fn env(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
    pairs
        .iter()
        .map(|(k, v)| (OsString::from(k), OsString::from(v)))
        .collect()
}

fn with_file(text: &str, pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("extra.toml");
    std::fs::write(&path, text).expect("write config");
    Config::load_from(None, Some(&path), env(pairs))
}

#[test]
fn defaults_load_and_match_the_engine_defaults() {
    let c = Config::defaults().expect("defaults load");
    assert_eq!(c.database, default_database());
    assert!(
        c.database.ends_with("summit-bot/summit-bot.db") && c.database.is_absolute(),
        "in the data directory: {}",
        c.database.display()
    );
    assert_eq!(c.settings(), Settings::default());
    assert_eq!(c.limits.questions_per_minute, 10);
    assert_eq!(c.discord.suggestion_minutes, 15);
    assert!(!c.discord.fact_in_dms);
    assert!(!c.discord.log_user_ids);
    assert_eq!(c.discord.token, None);
    assert_eq!(c.discord.guild_id, None);
}

#[test]
fn layers_override_in_order() {
    let c = with_file(
        "database = \"file.db\"\n[matcher]\nthreshold = 0.3\n[discord]\nguild_id = \"42\"\nmoderator_user_ids = [7, \"8\"]\n",
        &[("SUMMIT_BOT_MATCHER_THRESHOLD", "0.7"), ("UNRELATED", "x")],
    )
    .expect("loads");
    assert_eq!(c.database, PathBuf::from("file.db"));
    assert_eq!(c.matcher.threshold, 0.7);
    assert_eq!(c.discord.guild_id, Some(42));
    assert_eq!(c.discord.moderator_user_ids, vec![7, 8]);
}

#[test]
fn environment_keys_in_table() {
    let cases: &[EnvCase] = &[
        ("SUMMIT_BOT_DATABASE", "x/y.db", |c| {
            c.database == Path::new("x/y.db")
        }),
        ("SUMMIT_BOT_MATCHER_MAX_QUESTION_CHARS", "200", |c| {
            c.matcher.max_question_chars == 200
        }),
        ("SUMMIT_BOT_DISCORD_GUILD_ID", " 123456789012345678 ", |c| {
            c.discord.guild_id == Some(123456789012345678)
        }),
        ("SUMMIT_BOT_DISCORD_LOG_USER_IDS", "yes", |c| {
            c.discord.log_user_ids
        }),
        ("SUMMIT_BOT_DISCORD_MODERATOR_ROLE_IDS", "1, 2,,3", |c| {
            c.discord.moderator_role_ids == [1, 2, 3]
        }),
        ("SUMMIT_BOT_LIMITS_QUESTIONS_PER_MINUTE", "3", |c| {
            c.limits.questions_per_minute == 3
        }),
        ("SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES", "60", |c| {
            c.discord.suggestion_minutes == 60
        }),
        ("SUMMIT_BOT_DISCORD_FACT_IN_DMS", "yes", |c| {
            c.discord.fact_in_dms
        }),
        ("DISCORD_TOKEN", "abc.def", |c| {
            c.discord.token.as_deref() == Some("abc.def")
        }),
        ("DISCORD_TOKEN", "   ", |c| c.discord.token.is_none()),
        ("DISCORD_API_BASE", "http://127.0.0.1:9", |c| {
            c.discord.api_base.as_deref() == Some("http://127.0.0.1:9")
        }),
        // A u64 id above i64::MAX still parses.
        ("SUMMIT_BOT_DISCORD_GUILD_ID", "18446744073709551615", |c| {
            c.discord.guild_id == Some(u64::MAX)
        }),
    ];
    for (name, value, check) in cases {
        let c = Config::load_from(None, None, env(&[(name, value)]))
            .unwrap_or_else(|e| panic!("{name}={value:?}: {e}"));
        assert!(check(&c), "{name}={value:?} gave {c:?}");
    }
}

#[test]
fn follow_up_help_channel_and_menu_keys_have_defaults_and_layers() {
    let c = Config::defaults().expect("defaults load");
    assert_eq!(
        (c.limits.followup_minutes, c.limits.conversations),
        (10, 10_000)
    );
    assert!(!c.discord.ask_menu_public);
    assert!(c.discord.help_channel_ids.is_empty());
    assert_eq!(c.discord.help_channel_threshold, 0.85);
    let c = Config::load_from(
        None,
        None,
        env(&[
            ("SUMMIT_BOT_LIMITS_FOLLOWUP_MINUTES", "0"),
            ("SUMMIT_BOT_DISCORD_ASK_MENU_PUBLIC", "true"),
            ("SUMMIT_BOT_DISCORD_HELP_CHANNEL_IDS", "12, 34"),
            ("SUMMIT_BOT_DISCORD_HELP_CHANNEL_THRESHOLD", "0.9"),
        ]),
    )
    .expect("loads");
    assert_eq!(c.limits.followup_minutes, 0, "0 turns follow-ups off");
    assert!(c.discord.ask_menu_public);
    assert_eq!(c.discord.help_channel_ids, [12, 34]);
    assert_eq!(c.discord.help_channel_threshold, 0.9);
}

#[test]
fn prefixed_token_wins_over_plain() {
    let c = Config::load_from(
        None,
        None,
        env(&[
            ("DISCORD_TOKEN", "plain"),
            ("SUMMIT_BOT_DISCORD_TOKEN", "prefixed"),
        ]),
    )
    .expect("loads");
    assert_eq!(c.discord.token.as_deref(), Some("prefixed"));
}

#[test]
fn bad_keys_and_values_name_the_key() {
    let cases: &[BadCase] = &[
        ("databse = \"x\"\n", &[], "databse"),
        ("[matcher]\ntreshold = 0.5\n", &[], "treshold"),
        ("[discrod]\n", &[], "discrod"),
        ("[matcher]\nthreshold = 1.5\n", &[], "matcher.threshold"),
        ("[matcher]\nthreshold = -0.1\n", &[], "matcher.threshold"),
        (
            "[matcher]\nmax_question_chars = 0\n",
            &[],
            "matcher.max_question_chars",
        ),
        ("[discord]\nguild_id = \"abc\"\n", &[], "discord.guild_id"),
        ("[discord]\nguild_id = 0\n", &[], "discord.guild_id"),
        ("[discord]\nguild_id = -5\n", &[], "discord.guild_id"),
        (
            "[discord]\nmoderator_role_ids = [1, \"x\"]\n",
            &[],
            "discord.moderator_role_ids",
        ),
        (
            "[discord]\napi_base = \"ftp://x\"\n",
            &[],
            "discord.api_base",
        ),
        (
            "[limits]\nquestions_per_minute = 0\n",
            &[],
            "limits.questions_per_minute",
        ),
        (
            "[discord]\nsuggestion_minutes = 0\n",
            &[],
            "discord.suggestion_minutes",
        ),
        (
            "[limits]\nfollowup_minutes = 1441\n",
            &[],
            "limits.followup_minutes",
        ),
        (
            "",
            &[("SUMMIT_BOT_LIMITS_FOLLOWUP_MINUTES", "-1")],
            "SUMMIT_BOT_LIMITS_FOLLOWUP_MINUTES",
        ),
        ("[limits]\nconversations = 0\n", &[], "limits.conversations"),
        (
            "[discord]\nhelp_channel_threshold = 2\n",
            &[],
            "discord.help_channel_threshold",
        ),
        (
            "",
            &[("SUMMIT_BOT_DISCORD_HELP_CHANNEL_IDS", "1,x")],
            "SUMMIT_BOT_DISCORD_HELP_CHANNEL_IDS",
        ),
        (
            "",
            &[("SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES", "20000")],
            "SUMMIT_BOT_DISCORD_SUGGESTION_MINUTES",
        ),
        (
            "",
            &[("SUMMIT_BOT_MATCHER_THRESHOLD", "high")],
            "SUMMIT_BOT_MATCHER_THRESHOLD",
        ),
        (
            "",
            &[("SUMMIT_BOT_MATCHER_TRESHOLD", "0.5")],
            "SUMMIT_BOT_MATCHER_TRESHOLD",
        ),
        (
            "",
            &[("SUMMIT_BOT_DISCORD_GUILD_ID", "12x")],
            "SUMMIT_BOT_DISCORD_GUILD_ID",
        ),
        (
            "",
            &[("DISCORD_API_BASE", "localhost:80")],
            "DISCORD_API_BASE",
        ),
    ];
    for (file, vars, key) in cases {
        let err = with_file(file, vars).expect_err(&format!("{file:?} {vars:?} should fail"));
        let msg = err.to_string();
        assert!(
            msg.contains(key),
            "{file:?} {vars:?}: {msg:?} does not name {key}"
        );
        if vars.is_empty() {
            assert!(msg.contains("extra.toml"), "{msg:?} does not name the file");
        }
    }
}

#[test]
fn missing_extra_file_is_an_error_but_missing_local_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.toml");
    assert!(Config::load_from(Some(&missing), None, env(&[])).is_ok());
    let err = Config::load_from(None, Some(&missing), env(&[])).expect_err("must fail");
    assert!(err.to_string().contains("nope.toml"), "{err}");
}

#[test]
fn debug_never_shows_the_token() {
    let c =
        Config::load_from(None, None, env(&[("DISCORD_TOKEN", "s3cr3t-token")])).expect("loads");
    let shown = format!("{c:?} {:?}", c.discord);
    assert!(!shown.contains("s3cr3t"), "{shown}");
    assert!(shown.contains("redacted"), "{shown}");
}

#[test]
fn shards_default_to_auto_and_read_every_accepted_form() {
    assert_eq!(
        Config::defaults().expect("defaults load").discord.shards,
        Shards::Auto
    );
    let range = |first, last, total| Shards::Range(ShardRange { first, last, total });
    let cases: &[(&str, Shards)] = &[
        ("auto", Shards::Auto),
        (" AUTO ", Shards::Auto),
        ("0..=1 of 4", range(0, 1, 4)),
        ("0 ..= 1  OF 4", range(0, 1, 4)),
        ("3..=3 of 4", range(3, 3, 4)),
        ("2 of 4", range(2, 2, 4)),
        ("0 of 1", range(0, 0, 1)),
        ("0..=4095 of 4096", range(0, 4095, 4096)),
    ];
    for (text, want) in cases {
        let from_env = Config::load_from(None, None, env(&[("SUMMIT_BOT_DISCORD_SHARDS", text)]))
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(
            from_env.discord.shards, *want,
            "{text:?} from the environment"
        );
        let from_file = with_file(&format!("[discord]\nshards = {text:?}\n"), &[])
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(from_file.discord.shards, *want, "{text:?} from a file");
        // What the start-up log shows reads back as the same value.
        let shown = want.to_string();
        let again = Config::load_from(None, None, env(&[("SUMMIT_BOT_DISCORD_SHARDS", &shown)]))
            .expect("the shown form loads");
        assert_eq!(again.discord.shards, *want, "{shown:?}");
    }
}

#[test]
fn bad_shards_name_the_key_say_what_is_wrong_and_show_the_forms() {
    // The value, and what the message must say about it.
    let cases: &[(&str, &str)] = &[
        ("1..=0 of 4", "comes before"),
        ("0..=4 of 4", "4 is not one"),
        ("4 of 4", "4 is not one"),
        ("0 of 0", "at least 1"),
        ("0..=0 of 0", "at least 1"),
        ("0..1 of 4", "not a shard range"),
        ("0-1 of 4", "not a shard range"),
        ("0..=1", "not a shard range"),
        ("of 4", "not a shard range"),
        ("-1 of 4", "not a shard range"),
        ("1 of 4294967296", "not a shard range"),
        ("all", "not a shard range"),
        ("ｏｎｅ of 4", "not a shard range"),
        ("1 of 4 of 8", "not a shard range"),
    ];
    for (text, problem) in cases {
        let err = Config::load_from(None, None, env(&[("SUMMIT_BOT_DISCORD_SHARDS", text)]))
            .expect_err(&format!("{text:?} should fail"));
        let msg = err.to_string();
        for wanted in [
            "SUMMIT_BOT_DISCORD_SHARDS",
            problem,
            "auto",
            "0..=1 of 4",
            "2 of 4",
        ] {
            assert!(
                msg.contains(wanted),
                "{text:?}: {msg:?} does not say {wanted:?}"
            );
        }
        let err = with_file(&format!("[discord]\nshards = {text:?}\n"), &[])
            .expect_err(&format!("{text:?} should fail in a file"));
        let msg = err.to_string();
        assert!(
            msg.contains("discord.shards") && msg.contains("extra.toml") && msg.contains(problem),
            "{text:?}: {msg:?}"
        );
    }
    // Not a string at all.
    let err = with_file("[discord]\nshards = 4\n", &[]).expect_err("a number is not a range");
    assert!(err.to_string().contains("shards"), "{err}");
}
