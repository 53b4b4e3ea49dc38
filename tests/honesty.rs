//! The bot says only what the article settles, through the real binary:
//! a yes or no only when the fact settles that very question (a yes when
//! the answer says what was asked word for word), someone's
//! words only from their own quotes, no answer from a fact about someone
//! else, answers that stand alone, the question
//! inside chatter, and small talk answered as small talk, never with a fact.
//! One test per rule, each over the cases that once went wrong.

mod binary;

use summit_bot::answer::Reply;

fn ask(questions: &[&str]) -> Vec<Reply> {
    let dir = tempfile::tempdir().expect("temp dir");
    binary::ask_all(dir.path(), questions)
}

fn answer(r: &Reply) -> &str {
    r.answer.as_deref().unwrap_or("")
}

#[test]
fn yes_or_no_only_when_the_fact_settles_the_question_asked() {
    // "Did the truces last" asks the opposite of "were they broken": a
    // "Yes." here would tell the user the truces lasted.
    // The same names the other way round, a place the answer puts it
    // elsewhere, a number the answer does not give, a name the answer
    // gives only as something else (the Kremlin is in Moscow; the summit
    // is not): the evidence, no verdict.
    for r in ask(&[
        "did the truces last",
        "is islamic state in idlib",
        "does assad support iran",
        "do the rebels support turkey",
        "is the biggest russian airbase in idlib",
        "does turkey have 20 observation posts in idlib",
        "is the summit in moscow",
        "doesn't turkey back the rebels",
        "does turkey host more than 3 million refugees",
        "is there a massacre in idlib",
        "is there a refugee influx",
        "is the russian airbase in russia",
        "are there 1000 al-qaeda fighters in idlib",
        "should turkey back the rebels",
    ]) {
        assert!(
            !answer(&r).starts_with("Yes") && !answer(&r).starts_with("No"),
            "{:?} got a verdict: {:?}",
            r.question,
            answer(&r)
        );
    }
}

#[test]
fn a_yes_no_question_the_answer_says_word_for_word_gets_yes() {
    // Every word asked is in the answer (or a synonym of it: backed,
    // supported), the names in the same order.
    for r in ask(&[
        "does turkey back the rebels",
        "does iran support the assad regime?",
        "does idlib border latakia",
        // The answer's "warned" is what was asked, not someone's claim.
        "did trump warn the syrian government against a slaughter in idlib",
    ]) {
        assert!(
            answer(&r).starts_with("Yes. "),
            "{:?} got no yes: {:?}",
            r.question,
            answer(&r)
        );
    }
}

/// 647 yes/no questions from the blind train and check sets, each labelled
/// yes, no or unsettled from the article alone by a helper who saw nothing
/// else (`tests/data/yesno-polarity.jsonl`).
#[test]
fn no_yes_to_a_question_the_article_answers_no() {
    let labelled: Vec<serde_json::Value> = include_str!("data/yesno-polarity.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let questions: Vec<&str> = labelled
        .iter()
        .map(|l| l["question"].as_str().expect("a question"))
        .collect();
    let replies = ask(&questions);
    assert_eq!(replies.len(), labelled.len());
    let mut yes = 0;
    for (label, r) in labelled.iter().zip(&replies) {
        if answer(r).starts_with("Yes. ") {
            assert_eq!(
                label["polarity"],
                "yes",
                "{:?} got a yes: {:?}",
                r.question,
                answer(r)
            );
            yes += 1;
        }
    }
    // The rule is not so strict that it says yes to nothing.
    assert!(yes >= 80, "only {yes} yes answers");
}

#[test]
fn a_fact_about_someone_else_does_not_answer() {
    // Turkey hosts the refugees and has the observation posts: asked of
    // Russia or Iran, the article does not say, whatever else matches.
    let replies = ask(&[
        "how many refugees does russia host?",
        "how many observation posts does iran have",
        "how many refugees does ankara host",
    ]);
    for r in &replies[..2] {
        assert!(!r.answered, "{:?} answered: {:?}", r.question, answer(r));
    }
    assert!(
        answer(&replies[2]).contains("3.5 million"),
        "Ankara is Turkey: {:?}",
        replies[2]
    );
}

#[test]
fn an_answer_about_someone_else_from_the_same_sentence_does_not_answer() {
    // One sentence says Turkey backs the rebels and Iran and Russia the
    // regime: asked Iran's side, the answer is Iran's, not the half of the
    // sentence about Turkey.
    let r = &ask(&["which side is iran on in the war"])[0];
    assert!(
        r.answered && answer(r).contains("Assad") && !answer(r).starts_with("Turkey"),
        "{:?}",
        answer(r)
    );
}

#[test]
fn a_capital_that_acts_in_the_answer_is_its_country() {
    // "Damascus is determined to take Idlib" is the Syrian side's plan:
    // asked Ankara's, it is about someone else. A place where something
    // happens is no one acting: the summit held "in Tehran" still answers
    // where Turkey and Russia meet (both in its quote, neither in its
    // answer).
    let replies = ask(&[
        "how does ankara plan to take idlib",
        "where are turkey and russia meeting",
    ]);
    assert!(
        !answer(&replies[0]).contains("Damascus"),
        "{:?}",
        answer(&replies[0])
    );
    assert!(answer(&replies[1]).contains("Tehran"), "{:?}", replies[1]);
}

#[test]
fn an_age_or_an_amount_of_money_comes_only_from_a_fact_stating_one() {
    // The article gives no one's age, no sum of money and no toll: a fact that
    // merely names the person or holds another number does not answer.
    for r in ask(&[
        "what age is jaberi ansari?",
        "how old is the UN envoy",
        "how much money does russia spend on its airbase",
        "how much did the tehran summit cost?",
        // "how long": a span of time, which "last week" is not.
        "how long has de mistura been the un envoy",
        // A toll: a population is none.
        "how many civilians have been killed in idlib so far this year",
        "how many people died in idlib",
    ]) {
        assert!(!r.answered, "{:?} answered: {:?}", r.question, answer(&r));
    }
    // A span the article states still answers.
    let r = &ask(&["how long have rebels been evacuated to idlib"])[0];
    assert!(
        r.answered && answer(r).contains("three years"),
        "{:?}",
        answer(r)
    );
}

#[test]
fn a_date_or_what_follows_a_condition_comes_only_from_a_fact_stating_one() {
    // The article dates de Mistura's warning only "last week", and says
    // what Trump warned against, not what the US would do: writers asked
    // both again and again, and a relative time or a warning is not the
    // answer.
    // A day of the week is no date: blind writers label "what date was the
    // summit" one the article does not answer.
    for r in ask(&[
        "which date did the un envoy issue his warning",
        "what date is the tehran summit",
        "whats the exact date of the summit, day and month",
        "what will washington do if damascus attacks idlib",
        "did trump threaten airstrikes if the regime moves on idlib",
    ]) {
        assert!(!r.answered, "{:?} answered: {:?}", r.question, answer(&r));
    }
    // A condition the article does follow through, and a day it names,
    // still answer.
    let replies = ask(&[
        "what did erdogan say will happen if idlib is hit by missiles",
        "what day is the tehran summit",
    ]);
    assert!(answer(&replies[0]).contains("massacre"), "{:?}", replies[0]);
    assert!(answer(&replies[1]).contains("Friday"), "{:?}", replies[1]);
}

#[test]
fn someones_words_come_only_from_their_own_quotes() {
    // The article names Putin but quotes no words of his.
    for r in ask(&[
        "can u tell me what putin said",
        "what did putin say about idlib?",
        // His reply to someone else's words is still his words.
        "what did putin say in response to erdogan's warning about refugees",
    ]) {
        assert!(!r.answered, "{:?} answered {:?}", r.question, answer(&r));
    }
    // A person *mentioned* or a thing *called* something is not speaking:
    // these ask for a name, not for anyone's words. The bot may still
    // decline them, but never for want of a quote.
    for (q, name) in [
        (
            "who's the russian president mentioned in the article?",
            "Putin",
        ),
        ("who is the russian president mentioned", "Putin"),
        ("what is the turkish president called?", "Erdogan"),
    ] {
        let r = &ask(&[q])[0];
        let why = r.why.as_deref().unwrap_or("");
        assert!(!why.contains("whose words"), "{q:?} read as a quote: {why}");
        if r.answered {
            assert!(answer(r).contains(name), "{q:?}: {:?}", answer(r));
        }
    }
    let r = &ask(&["who's the russian president"])[0];
    assert!(answer(r).contains("Putin"), "{:?}", r.note);
}

#[test]
fn an_answer_stands_alone_and_gives_the_number_asked_for() {
    let r = &ask(&["how many civilians are displaced"])[0];
    assert!(r.answered, "declined: {:?}", r.note);
    let a = answer(r);
    assert!(!a.starts_with("They "), "dangling pronoun: {a:?}");
    assert!(
        a.contains("third") || a.contains('3') || a.contains("million"),
        "no number in {a:?}"
    );
    assert_eq!(r.sources[0].paragraph, Some(12));
}

#[test]
fn the_question_inside_a_chatty_message_is_answered() {
    let replies = ask(&[
        "hey so me and my roommate were debating this all night lol, who actually runs idlib these days?",
        "who runs idlib",
    ]);
    for r in &replies {
        assert!(r.answered, "{:?} was declined", r.question);
        assert!(
            answer(r).contains("Hayat Tahrir al-Sham"),
            "{:?}: {:?}",
            r.question,
            answer(r)
        );
    }
}

#[test]
fn small_talk_gets_a_reply_of_its_kind_never_a_fact() {
    let replies = ask(&["hi", "thanks!", "help", "hey bot", "what can you do?"]);
    for r in &replies {
        assert!(!r.answered, "{:?} answered {:?}", r.question, answer(r));
        let note = r.note.as_deref().unwrap_or("");
        assert!(
            !note.contains("doesn't say"),
            "{:?} was treated as a question: {note:?}",
            r.question
        );
        assert!(note.contains("Tehran"), "{:?}: {note:?}", r.question);
    }
    assert!(replies[0].note.as_deref().unwrap_or("").starts_with("Hi!"));
    assert!(replies[1].note.as_deref().unwrap_or("").contains("welcome"));
    assert!(
        !replies[2].alternatives.is_empty(),
        "help suggests questions"
    );
}
