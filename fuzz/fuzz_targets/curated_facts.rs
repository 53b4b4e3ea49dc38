//! The curated-facts TOML parser (`data/facts.toml`), checked against the
//! shipped article. Errors are expected; a panic is a finding.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use summit_bot::article::Article;

fn article() -> &'static Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    ARTICLE.get_or_init(|| Article::builtin().expect("the builtin article"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(facts) = summit_bot::extract::curated_facts(text, article()) {
            for f in facts {
                let p = f.paragraph.and_then(|n| article().paragraph(n));
                assert!(p.is_some_and(|p| p.text.contains(&f.quote)));
            }
        }
    }
});
