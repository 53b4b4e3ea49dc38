//! The last exchange of each conversation, in memory, for follow-up
//! questions: keyed by whatever the edge says a conversation is (a
//! Discord user in one channel, DM or thread; the console; a session of
//! `ask --sessions`), forgotten after a while, and bounded: past the cap the
//! conversation used least recently is forgotten first. Never stored on
//! disk, never shared between keys.
//!
//! How a follow-up is read is the engine's (`engine::followup`); this only
//! remembers.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

use crate::answer::Reply;
use crate::engine::Exchange;

/// The last exchanges of many conversations.
#[derive(Debug)]
pub struct Conversations<K> {
    /// How long an exchange can be leaned on; zero turns follow-ups off.
    lasts: Duration,
    /// How many conversations are remembered at most.
    cap: usize,
    last: HashMap<K, (Exchange, Instant)>,
}

impl<K: Hash + Eq + Clone> Conversations<K> {
    pub fn new(lasts: Duration, cap: usize) -> Self {
        Conversations {
            lasts,
            cap,
            last: HashMap::new(),
        }
    }

    /// The last exchange of `key`'s conversation, if it is recent enough
    /// at `now`.
    pub fn previous(&self, key: &K, now: Instant) -> Option<&Exchange> {
        self.last
            .get(key)
            .filter(|(_, at)| now.saturating_duration_since(*at) < self.lasts)
            .map(|(exchange, _)| exchange)
    }

    /// Remembers `reply` as `key`'s last exchange, made at `now`. The
    /// question is kept as it was taken (a follow-up's rewritten reading),
    /// so a follow-up of a follow-up leans on what was meant. Input that was
    /// no question at all (empty, too long) and small talk change nothing.
    pub fn remember(&mut self, key: K, reply: &Reply, now: Instant) {
        if self.lasts.is_zero() || self.cap == 0 || reply.error.is_some() {
            return;
        }
        if is_small_talk(reply) {
            return;
        }
        let question = reply
            .taking
            .as_ref()
            .map_or_else(|| reply.question.clone(), |t| t.read_as.clone());
        let answer = reply.answered.then(|| reply.answer.clone()).flatten();
        let fact = reply.fact_id.filter(|_| reply.answered);
        if !self.last.contains_key(&key) && self.last.len() >= self.cap {
            self.forget_one(now);
        }
        self.last.insert(
            key,
            (
                Exchange {
                    question,
                    answer,
                    fact,
                },
                now,
            ),
        );
    }

    /// Forgets `key`'s conversation.
    pub fn forget(&mut self, key: &K) {
        self.last.remove(key);
    }

    /// How many conversations are remembered.
    pub fn len(&self) -> usize {
        self.last.len()
    }

    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }

    /// Makes room for one: drops every expired conversation, or if none
    /// is, the one used least recently.
    fn forget_one(&mut self, now: Instant) {
        let lasts = self.lasts;
        self.last
            .retain(|_, (_, at)| now.saturating_duration_since(*at) < lasts);
        if self.last.len() < self.cap {
            return;
        }
        let oldest = self
            .last
            .iter()
            .min_by_key(|(_, (_, at))| *at)
            .map(|(k, _)| k.clone());
        if let Some(k) = oldest {
            self.last.remove(&k);
        }
    }
}

/// Whether `reply` answered small talk ("hi", "thanks"): nothing to lean on.
fn is_small_talk(reply: &Reply) -> bool {
    reply
        .why
        .as_deref()
        .is_some_and(|w| w.starts_with("small talk"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(question: &str, answer: Option<&str>) -> Reply {
        let mut r = Reply::invalid(question, "x");
        r.error = None;
        r.answered = answer.is_some();
        r.answer = answer.map(str::to_string);
        r.fact_id = answer.map(|_| crate::fact::FactId(33));
        r
    }

    #[test]
    fn an_exchange_is_kept_per_key_for_a_while() {
        let t0 = Instant::now();
        let mut c = Conversations::new(Duration::from_secs(600), 10);
        c.remember(
            (1, 7),
            &reply("who is rowhani", Some("Iran's president")),
            t0,
        );
        let got = c.previous(&(1, 7), t0 + Duration::from_secs(599));
        assert_eq!(got.map(|e| e.question.as_str()), Some("who is rowhani"));
        assert_eq!(
            got.and_then(|e| e.answer.as_deref()),
            Some("Iran's president")
        );
        // The fact it came from, which a follow-up must not simply repeat.
        assert_eq!(got.and_then(|e| e.fact), Some(crate::fact::FactId(33)));
        c.remember((1, 7), &reply("who is putin", None), t0);
        assert_eq!(c.previous(&(1, 7), t0).and_then(|e| e.fact), None);
        // Another user in the same channel, the same user elsewhere: nothing.
        assert!(c.previous(&(2, 7), t0).is_none());
        assert!(c.previous(&(1, 8), t0).is_none());
        // Too late.
        assert!(c.previous(&(1, 7), t0 + Duration::from_secs(600)).is_none());
    }

    #[test]
    fn the_cap_forgets_the_least_recent_first() {
        let t0 = Instant::now();
        let mut c = Conversations::new(Duration::from_secs(600), 2);
        c.remember(1, &reply("a", None), t0);
        c.remember(2, &reply("b", None), t0 + Duration::from_secs(1));
        c.remember(1, &reply("c", None), t0 + Duration::from_secs(2));
        c.remember(3, &reply("d", None), t0 + Duration::from_secs(3));
        assert_eq!(c.len(), 2);
        let now = t0 + Duration::from_secs(4);
        assert!(c.previous(&2, now).is_none());
        assert_eq!(c.previous(&1, now).map(|e| e.question.as_str()), Some("c"));
        assert_eq!(c.previous(&3, now).map(|e| e.question.as_str()), Some("d"));
    }

    #[test]
    fn unusable_input_small_talk_and_zero_minutes_remember_nothing() {
        let t0 = Instant::now();
        let mut c = Conversations::new(Duration::from_secs(600), 2);
        c.remember(1, &Reply::invalid("", "the question is empty"), t0);
        let mut hi = reply("hi", None);
        hi.why = Some("small talk: Greeting".into());
        c.remember(1, &hi, t0);
        assert!(c.is_empty());
        let mut off = Conversations::new(Duration::ZERO, 2);
        off.remember(1, &reply("who is rowhani", None), t0);
        assert!(off.previous(&1, t0).is_none());
    }
}
