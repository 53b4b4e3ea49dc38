//! The article parser (`summit-bot ingest FILE`): paragraphs, sentences and
//! the sentence facts made of them. Every sentence must be verbatim in its
//! paragraph, or its quote would cite words the article does not have.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_bot::article::{Article, Meta};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let meta = Meta {
        title: "fuzz".to_string(),
        date: None,
        publisher: None,
    };
    let Ok(article) = Article::parse(meta, &text) else {
        return;
    };
    for f in summit_bot::extract::sentence_facts(&article) {
        let p = f.paragraph.and_then(|n| article.paragraph(n));
        assert!(
            p.is_some_and(|p| p.text.contains(&f.quote)),
            "{:?}",
            f.quote
        );
    }
});
