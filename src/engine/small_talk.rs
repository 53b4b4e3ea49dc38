//! The reply to small talk (a greeting, thanks, goodbye or a request for
//! help): what the bot does, and questions to try. Never a fact.

use crate::answer::{Alternative, Reply};
use crate::fact::{ArticleMeta, FactId};
use crate::matcher::social::Social;

use super::compose::ALTERNATIVES;
use super::Engine;

impl Engine {
    /// The reply to a greeting, thanks, goodbye or request for help: what
    /// the bot does, and questions to try. Never a fact.
    pub(super) fn small_talk(&self, question: &str, kind: Social) -> Reply {
        let mut titles: Vec<ArticleMeta> = self.articles.values().cloned().collect();
        titles.sort_by_key(|a| a.id);
        let about = match titles.as_slice() {
            [one] => format!("the article “{}”", one.title),
            many => format!("the articles {}", crate::fact::titles_named(many)),
        };
        let note = match kind {
            Social::Greeting => format!(
                "Hi! I answer questions about {about}, with the quote and paragraph each \
                 answer rests on. Ask in your own words, or try one of these."
            ),
            Social::Thanks => format!("You're welcome! Ask me anything else about {about}."),
            Social::Goodbye => format!("Bye! Come back with more questions about {about}."),
            Social::Help => format!(
                "I answer questions about {about}: a short answer, the quote it rests on and \
                 its paragraph. When the article has no answer, I say so and show what it \
                 does cover. Ask in your own words, or try one of these."
            ),
        };
        // A spread of phrased facts, the same every time.
        let phrased: Vec<FactId> = self.facts.phrased().collect();
        let step = (phrased.len() / ALTERNATIVES).max(1);
        let suggest = matches!(kind, Social::Greeting | Social::Help);
        let alternatives = phrased
            .iter()
            .step_by(step)
            .take(if suggest { ALTERNATIVES } else { 0 })
            .filter_map(|&id| self.facts.get(id))
            .map(|f| Alternative {
                fact_id: f.id,
                question: self.label(f),
                confidence: 0.0,
            })
            .collect();
        Reply {
            taking: None,
            question: question.to_string(),
            answered: false,
            answer: None,
            confidence: 0.0,
            fact_id: None,
            sources: Vec::new(),
            alternatives,
            error: None,
            note: Some(note),
            why: Some(format!("small talk: {kind:?}")),
        }
    }
}
