//! The question path, whole: arbitrary bytes as a (lossy UTF-8) message,
//! Discord's mention markup dropped, normalised, matched, and the reply
//! rendered for Discord and the terminal. Nothing may panic, and the
//! Discord card must fit Discord's limits whatever was asked.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use summit_bot::bot::reply;
use summit_bot::engine::{self, Engine, Settings};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| engine::builtin(Settings::default()).expect("the builtin engine"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = summit_bot::normalize::tokens(&text);
    let question = summit_bot::bot::question_text(&text);
    let answer = engine().ask(&question);
    assert_eq!(engine().ask(&question), answer, "ask is not deterministic");
    if answer.answered {
        assert!(!answer.sources.is_empty(), "an answer without a source");
    }
    let card = reply::render(&answer);
    assert!(card.title.chars().count() <= reply::MAX_TITLE);
    assert!(card.description.chars().count() <= reply::MAX_DESCRIPTION);
    assert!(card.embed_chars() <= reply::MAX_EMBEDS_TOTAL);
    for b in &card.buttons {
        assert!(b.label.chars().count() <= reply::MAX_BUTTON_LABEL);
        assert!(b.action.custom_id().len() <= reply::MAX_CUSTOM_ID);
    }
    let _ = summit_bot::cli::render(&answer);
    let _ = engine().suggest(&text, 25);
});
