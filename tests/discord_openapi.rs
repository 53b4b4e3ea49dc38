//! The stand-in's check against Discord's OpenAPI spec catches what Discord
//! would refuse (every stand-in test relies on it to pass the bot's calls).

mod support;

use serde_json::json;
use support::openapi::violations;

const CHANNEL: &str = "/api/v10/channels/430000000000000001/messages";

#[test]
fn a_plain_reply_is_valid() {
    let body = json!({"content": "hi", "allowed_mentions": {"parse": []}});
    assert_eq!(
        violations("POST", CHANNEL, body.to_string().as_bytes()),
        Vec::<String>::new()
    );
}

#[test]
fn what_discord_would_refuse_is_caught() {
    let long = json!({"content": "x".repeat(4001)});
    assert!(!violations("POST", CHANNEL, long.to_string().as_bytes()).is_empty());
    let bad_mentions = json!({"content": "hi", "allowed_mentions": {"parse": ["everyone-ish"]}});
    assert!(!violations("POST", CHANNEL, bad_mentions.to_string().as_bytes()).is_empty());
    assert!(!violations("POST", "/api/v10/channels/1/no-such-thing", b"").is_empty());
    assert!(!violations("DELETE", "/api/v10/gateway", b"").is_empty());
    assert!(!violations("POST", "/api/v10/channels/not-a-snowflake/messages", b"{}").is_empty());
    let bad_callback = json!({"type": 4, "data": {"content": 7}});
    assert!(!violations(
        "POST",
        "/api/v10/interactions/1/token/callback",
        bad_callback.to_string().as_bytes()
    )
    .is_empty());
}
