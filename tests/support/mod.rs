//! The one harness for end-to-end tests: a stand-in Discord ([`standin`]),
//! one way to start the bot against it ([`TestBot`]), the real binary's
//! clean environment ([`binary`]) and at a pseudo-terminal ([`terminal`]),
//! the database helpers every test reads the store with ([`db`]), and the
//! Discord constants they assert on.

#![allow(dead_code, unused_imports)] // each test file uses its own part of the harness

#[path = "../binary/mod.rs"]
pub mod binary;
mod bot;
pub mod db;
pub mod openapi;
mod standin;
pub mod terminal;

pub use bot::{Another, Running, TestBot};
pub use standin::*;

/// Interaction callback types (Discord's `InteractionCallbackType`).
pub const CHANNEL_MESSAGE: u64 = 4;
/// "Thinking…": the response comes later.
pub const DEFERRED: u64 = 5;
pub const UPDATE_MESSAGE: u64 = 7;
pub const AUTOCOMPLETE_RESULT: u64 = 8;

/// Message flag: only the user who invoked the interaction sees it.
pub const EPHEMERAL: u64 = 1 << 6;

/// Manage Messages, as a permission bit: what `/fact` needs.
pub const MANAGE_MESSAGES: u64 = 1 << 13;
/// What an ordinary member may do: view channel, send messages, read
/// history, use application commands.
pub const MEMBER_PERMISSIONS: u64 = 2_147_552_256;
/// A member who may moderate.
pub const MODERATOR_PERMISSIONS: u64 = MEMBER_PERMISSIONS | MANAGE_MESSAGES;

/// The flags of an interaction response or message body.
pub fn flags(body: &serde_json::Value) -> u64 {
    body.pointer("/data/flags")
        .or_else(|| body.get("flags"))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0)
}
