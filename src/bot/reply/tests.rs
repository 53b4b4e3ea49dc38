use super::*;
use crate::answer::{Alternative, SourceRef};

fn answered(question: &str, answer: &str, quote: &str, confidence: f64) -> Reply {
    Reply {
        taking: None,
        question: question.to_string(),
        answered: true,
        answer: Some(answer.to_string()),
        confidence,
        fact_id: Some(FactId(7)),
        sources: vec![SourceRef {
            paragraph: Some(18),
            quote: quote.to_string(),
            title: "Iran, Russia and Turkey meet in Tehran over Idlib".to_string(),
        }],
        alternatives: vec![alternative(8, "Who is Trump?")],
        error: None,
        note: None,
        why: None,
    }
}

fn declined(question: &str, alternatives: Vec<Alternative>) -> Reply {
    Reply {
        taking: None,
        question: question.to_string(),
        answered: false,
        answer: None,
        confidence: 0.2,
        fact_id: None,
        sources: Vec::new(),
        alternatives,
        error: None,
        note: Some("The article doesn't say.".to_string()),
        why: None,
    }
}

fn alternative(id: i64, question: &str) -> Alternative {
    Alternative {
        fact_id: FactId(id),
        question: question.to_string(),
        confidence: 0.3,
    }
}

fn within_limits(card: &Card) {
    assert!(
        card.title.chars().count() <= MAX_TITLE,
        "title: {}",
        card.title
    );
    assert!(card.description.chars().count() <= MAX_DESCRIPTION);
    assert!(card.embed_chars() <= MAX_EMBEDS_TOTAL);
    assert!(card.buttons.len() <= 5);
    for b in &card.buttons {
        assert!(!b.label.is_empty() && b.label.chars().count() <= MAX_BUTTON_LABEL);
        assert!(b.action.custom_id().len() <= MAX_CUSTOM_ID);
    }
    // With the longest owner stamp, too.
    for b in &card.clone().asked_by(u64::MAX, u64::MAX).buttons {
        assert!(b.action.custom_id().len() <= MAX_CUSTOM_ID);
    }
}

#[test]
fn a_follow_up_says_what_it_took_the_question_to_mean_escaped() {
    let mut reply = answered(
        "what did *he* say",
        "Trump warned of a slaughter.",
        "Trump warned the Syrian government against a slaughter.",
        0.9,
    );
    reply.taking = Some(crate::answer::Taking {
        took: "*he*".into(),
        as_: "Donald Trump".into(),
        read_as: "what did donald trump say".into(),
    });
    let card = render(&reply);
    assert!(
        card.description
            .starts_with("Taking *\\*he\\** as Donald Trump:\n\nTrump warned"),
        "{}",
        card.description
    );
    within_limits(&card);
    assert!(!render(&answered("q", "a", "b", 0.9))
        .description
        .contains("Taking"));
    // Declined, it still says how it read the question.
    let mut no = declined("why?", vec![alternative(8, "Who is Trump?")]);
    no.taking = reply.taking.clone();
    let card = render(&no);
    assert!(
        card.description
            .starts_with("Taking *\\*he\\** as Donald Trump: The article doesn't say."),
        "{}",
        card.description
    );
    assert!(
        card.description.contains("click one"),
        "{}",
        card.description
    );
}

#[test]
fn an_answer_shows_answer_quote_and_source() {
    let card = render(&answered(
        "what did trump say",
        "He warned against a “slaughter”.",
        "US President Donald Trump warned the Syrian government against committing a “slaughter” in Idlib.",
        0.9,
    ));
    assert!(card
        .description
        .starts_with("He warned against a “slaughter”."));
    assert!(card
        .description
        .contains("\n> US President Donald Trump warned"));
    assert_eq!(
        card.footer.as_deref(),
        Some("Source: Iran, Russia and Turkey meet in Tehran over Idlib, ¶18")
    );
    assert!(!card.private);
    within_limits(&card);
}

#[test]
fn an_answer_that_is_its_quote_is_shown_once_as_the_quote() {
    let quote = "US\u{a0}President Donald Trump warned the Syrian government.";
    let card = render(&answered(
        "what did trump say",
        "US President Donald Trump warned the Syrian government.",
        quote,
        0.9,
    ));
    assert_eq!(card.description, format!("> {quote}"));
}

#[test]
fn a_sure_answer_has_feedback_buttons_and_no_confidence_words() {
    let card = render(&answered("q", "a", "quote", 0.9));
    let actions: Vec<Action> = card.buttons.iter().map(|b| b.action).collect();
    assert_eq!(
        actions,
        [
            Action::Feedback {
                fact: FactId(7),
                helpful: true
            },
            Action::Feedback {
                fact: FactId(7),
                helpful: false
            },
        ]
    );
    assert!(!card.description.contains("sure"));
}

#[test]
fn confidence_is_put_in_words_only_when_not_high() {
    let cases = [
        (1.0, None),
        (HIGH_CONFIDENCE, None),
        (0.7, Some("Fairly sure")),
        (FAIR_CONFIDENCE, Some("Fairly sure")),
        (0.55, Some("Not sure")),
    ];
    for (confidence, words) in cases {
        let card = render(&answered("q", "a", "quote", confidence));
        match words {
            None => assert!(!card.description.contains("sure"), "{confidence}"),
            Some(w) => assert!(
                card.description.contains(w),
                "{confidence}: {}",
                card.description
            ),
        }
    }
}

#[test]
fn an_unsure_answer_also_offers_the_runners_up() {
    let card = render(&answered("q", "a", "quote", 0.55));
    assert!(card
        .buttons
        .iter()
        .any(|b| b.action == Action::ask(FactId(8))));
}

#[test]
fn a_decline_says_so_and_offers_up_to_three_questions() {
    let alternatives = (1..=5)
        .map(|i| alternative(i, &format!("question {i}?")))
        .collect();
    let card = render(&declined("what is the capital of peru", alternatives));
    assert!(card.description.starts_with("The article doesn't say."));
    let asks: Vec<&str> = card.buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        asks,
        ["question 1?", "question 2?", "question 3?", TEACH_LABEL]
    );
    assert!(card.buttons[..3]
        .iter()
        .all(|b| matches!(b.action, Action::Ask { owner: None, .. })));
    assert_eq!(card.components().len(), 1, "one row");
    within_limits(&card);
}

#[test]
fn a_decline_without_suggestions_offers_only_teach_and_not_in_a_dm() {
    let mut reply = declined("zzz", Vec::new());
    reply.note = None;
    let card = render(&reply);
    assert_eq!(card.description, NOT_COVERED);
    let actions: Vec<Action> = card.buttons.iter().map(|b| b.action).collect();
    assert_eq!(actions, [Action::Teach]);
    let in_dm = card.without_teach();
    assert!(in_dm.buttons.is_empty());
    assert!(in_dm.components().is_empty());
}

#[test]
fn small_talk_and_declined_follow_ups_offer_no_teach() {
    let mut hello = declined("hi", vec![alternative(1, "who met?")]);
    hello.note = Some("Hi! I answer questions about the article.".to_string());
    assert!(render(&hello)
        .buttons
        .iter()
        .all(|b| b.action != Action::Teach));
    let mut follow_up = declined("and him?", Vec::new());
    follow_up.taking = Some(crate::answer::Taking {
        took: "him".to_string(),
        as_: "Putin".to_string(),
        read_as: "and putin?".to_string(),
    });
    assert!(render(&follow_up).buttons.is_empty());
}

#[test]
fn unusable_input_is_shown_privately() {
    let card = render(&Reply::invalid("", "The question is empty."));
    assert!(card.private);
    assert_eq!(card.description, "The question is empty.");
    assert!(card.buttons.is_empty());
}

#[test]
fn user_text_cannot_ping_or_format() {
    let cases = [
        (
            "@everyone what did trump say",
            "@\u{200B}everyone what did trump say",
        ),
        ("@here hi", "@\u{200B}here hi"),
        ("<@123> hi", "\\<@\u{200B}123\\> hi"),
        ("<@&456> hi", "\\<@\u{200B}&456\\> hi"),
        ("<#789> hi", "\\<\\#789\\> hi"),
        (
            "**bold** _it_ `code` ||spoiler||",
            "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\|",
        ),
        ("Эрдоган сказал «нет»", "Эрдоган сказал «нет»"),
        ("", ""),
    ];
    for (input, shown) in cases {
        assert_eq!(escape(input), shown, "{input}");
    }
    let card = render(&declined("@everyone <@123> where?", Vec::new()));
    assert!(!card.title.contains("@everyone"));
    assert!(!card.title.contains("<@123>"));
}

#[test]
fn long_text_is_cut_to_discords_limits() {
    let huge = "ы".repeat(10_000);
    let quote = "ж".repeat(10_000);
    let mut reply = answered(&huge, &huge, &quote, 0.6);
    reply.sources[0].title = huge.clone();
    reply.alternatives = vec![alternative(9, &huge)];
    let card = render(&reply);
    within_limits(&card);
    assert!(card.title.ends_with('…'));
    assert!(card.description.ends_with('…'));

    let card = render(&declined(&huge, vec![alternative(9, &huge)]));
    within_limits(&card);
}
