//! summit-bot: answers questions about one news article (the September 2018
//! Tehran summit on Idlib) from a SQLite fact store, with sources.
//!
//! The pure core (article, normalize, words, lexicon, extract, matcher,
//! answer, engine) knows nothing of SQL, Discord or the terminal; the edges (store,
//! config, cli, bot) parse input, call the core and format the reply.

pub mod answer;
pub mod app;
pub mod article;
pub mod bot;
pub mod cli;
pub mod config;
pub mod conversation;
pub mod engine;
pub mod eval;
pub mod extract;
pub mod fact;
pub mod lazy;
pub mod lexicon;
pub mod matcher;
pub mod moderation;
pub mod normalize;
pub mod packed;
pub mod snapshot;
pub mod store;
pub mod when;
pub mod words;

/// mimalloc for every binary built on this library (the bot, the tests,
/// the benches): a question allocates many small vectors and strings,
/// and the system allocator spent about a seventh of answering time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
