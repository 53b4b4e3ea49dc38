//! The fact import parser (`summit-bot facts import`, what `facts export`
//! writes): arbitrary bytes as the file, checked against a seeded store as
//! a dry run. Errors are expected; a panic is a finding.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use summit_bot::moderation::Moderator;
use summit_bot::store::Store;

fn store() -> &'static Store {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    let (_, store) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::open_seeded(&dir.path().join("fuzz.db")).expect("a seeded store");
        (dir, store)
    });
    store
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return; // the CLI reads the file as UTF-8 first and says so
    };
    let by = Moderator {
        id: None,
        name: "fuzz".to_string(),
    };
    let _ = store().import_facts(json, &by, false);
});
