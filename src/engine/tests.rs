use super::*;

fn engine() -> Engine {
    builtin(Settings::default()).expect("builtin engine")
}

/// The answer (or None when declined) and the cited paragraph.
fn ask(e: &Engine, q: &str) -> (Option<String>, Option<u32>) {
    let r = e.ask(q);
    (
        r.answer.clone(),
        r.sources.first().and_then(|s| s.paragraph),
    )
}

#[test]
fn typos_and_name_variants_still_find_the_fact() {
    let e = engine();
    // (question, a word the answer must hold, the paragraph it cites)
    let cases = [
        ("how many obsevation posts has turky got in idlib", "12", 16),
        ("how many syrian refugess does turkey host", "3.5", 16),
        (
            "wot did erdgoan warn would happen if idleb gets shelled",
            "massacre",
            14,
        ),
        ("who did rouhanni meet ahead of the summit", "Erdogan", 3),
        ("what did de mistoura warn about", "civilians", 13),
        ("how many al-qaida linked fightrs in idlib", "10,000", 13),
        ("who is the UN envoy", "de Mistura", 13),
        (
            "what's the kremlin want the talks to focus on",
            "stabili",
            19,
        ),
        (
            "what does Erdoğan say washington and moscow did",
            "evaded",
            17,
        ),
    ];
    for (q, want, para) in cases {
        let (answer, cited) = ask(&e, q);
        let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
        assert!(
            answer.to_lowercase().contains(&want.to_lowercase()),
            "{q:?}: {answer:?} lacks {want:?}"
        );
        assert_eq!(cited, Some(para), "{q:?}: {answer:?}");
    }
}

#[test]
fn declines_what_the_article_does_not_say() {
    let e = engine();
    let cases = [
        "what did angela merkel say about the summit",
        "macron's view on idlib?",
        // A known miss since the model was refitted on 520 more blind
        // questions (README, "Not reached yet"): "what was decided at the
        // end of the tehran talks" is answered with the summit's purpose
        // (a train question "…supposed to decide" became its phrasing).
        "what was agreed at the end of the tehran talks",
        "what is the population of tehran",
        "how many people have died in idlib",
        "how many refugees does russia host",
        "what did putin say to the press afterwards",
        // "Idlib is one of the…zones" counts nothing.
        "how many de-escalation zones were created",
        "best pizza in rome?",
        "how do i center a div",
        "",
    ];
    for q in cases {
        let r = e.ask(q);
        assert!(
            !r.answered,
            "{q:?} answered: {:?} ({})",
            r.answer, r.confidence
        );
        assert!(r.sources.is_empty());
    }
}

#[test]
fn declines_name_the_nearest_topics() {
    let e = engine();
    let r = e.ask("what did putin say about turkish refugees");
    assert!(!r.answered, "{:?}", r.answer);
    assert!(!r.alternatives.is_empty() && r.alternatives.len() <= 3);
    assert!(r.note.is_some());
}

#[test]
fn an_answer_always_carries_its_source() {
    let e = engine();
    let article = crate::article::Article::builtin().expect("article");
    let r = e.ask("where is the summit held");
    assert!(r.answered);
    assert_eq!(
        r.answer.as_deref().map(|a| a.contains("Tehran")),
        Some(true)
    );
    let s = r.sources.first().expect("a source");
    let p = s
        .paragraph
        .and_then(|n| article.paragraph(n))
        .expect("paragraph");
    assert!(p.text.contains(&s.quote));
    assert_eq!(s.title, article.meta.title);
    assert!(r.confidence > 0.0 && r.confidence <= 1.0);
}

#[test]
fn input_errors_are_plain_replies() {
    let e = engine();
    for q in ["", "   \n\t", &"x".repeat(5000)] {
        let r = e.ask(q);
        assert!(!r.answered);
        assert!(r.error.is_some(), "{q:?}");
    }
}

#[test]
fn the_default_threshold_is_the_fitted_one() {
    let model = Model::builtin().expect("the shipped model loads");
    assert!((f64::from(model.threshold()) - FITTED_THRESHOLD).abs() < 1e-6);
}

#[test]
fn autocomplete_offers_known_phrasings() {
    let e = engine();
    let s = e.suggest("observ", 25);
    assert!(!s.is_empty() && s.len() <= 25);
    assert!(
        s.iter()
            .any(|s| s.question.to_lowercase().contains("observation")),
        "{s:?}"
    );
    assert!(e.suggest("", 25).len() <= 25);
    let typo = e.suggest("refugess turkey", 25);
    assert!(
        typo.iter()
            .any(|s| s.question.to_lowercase().contains("refugee")),
        "{typo:?}"
    );
}

#[test]
fn a_learned_near_miss_is_declined_without_naming_a_topic() {
    let e = engine();
    let learned: toml::Value =
        toml::from_str(crate::extract::LEARNED_PHRASINGS).expect("learned file parses");
    let near: Vec<&str> = learned["declined"]
        .as_array()
        .expect("declined list")
        .iter()
        .filter_map(|d| d["question"].as_str())
        .collect();
    assert!(near.len() >= 100, "only {} near misses", near.len());
    let mut declined = 0;
    for q in &near {
        let r = e.ask(q);
        if !r.answered {
            declined += 1;
            let note = r.note.as_deref().unwrap_or_default();
            assert!(!note.ends_with(' '), "{q:?}: {note:?}");
        }
    }
    // Most of the near misses it learned from are declined (not all: each
    // weighs as evidence, never a rule).
    assert!(
        declined * 10 >= near.len() * 9,
        "{declined} of {}",
        near.len()
    );
}

#[test]
fn with_several_articles_greetings_name_them_and_declines_say_none_covers_it() {
    let e = engine();
    let mut articles: Vec<ArticleMeta> = e.articles().cloned().collect();
    articles.push(ArticleMeta::undated(2, "Cork harbour reopens"));
    let facts: Vec<Fact> = e.facts.values().cloned().collect();
    let two = Engine::new(
        articles,
        facts,
        Vec::new(),
        Arc::new(Lexicon::builtin().expect("lexicon")),
        Model::builtin().expect("model"),
        Settings::default(),
    );
    let note = two.ask("hi").note.unwrap_or_default();
    assert!(
        note.contains(
            "“Iran, Russia and Turkey meet in Tehran over Idlib” and “Cork harbour reopens”"
        ),
        "{note}"
    );
    // A decline says that none of them covers it, not "the article".
    let declined = two.ask("what did angela merkel say about the summit");
    assert!(!declined.answered);
    assert_eq!(
        declined.note.as_deref(),
        Some("None of the 2 articles covers that."),
        "{declined:?}"
    );
}

#[test]
fn a_question_worded_as_a_phrasing_is_answered_by_its_fact_even_when_unsure() {
    let e = engine();
    // A short question's few words leave the model unsure of "when did
    // putin join the talks then" (declined); "When did Putin join the
    // talks?", word for word one of a fact's phrasings, is answered by it.
    let unsure = e.ask("when did putin join the talks then");
    assert!(!unsure.answered, "the premise: {unsure:?}");
    let phrased = e.ask("When did Putin join the talks?");
    assert!(phrased.answered, "{phrased:?}");
    assert!(
        phrased
            .answer
            .as_deref()
            .unwrap_or("")
            .contains("joined Putin"),
        "{phrased:?}"
    );
}

#[test]
fn a_question_worded_as_a_phrasing_is_a_candidate_however_many_facts_share_its_words() {
    let e = engine();
    // "the kremlin" and "say" are in dozens of facts (Russia, said), which
    // all cover this short question fully; the Kremlin's own fact, with
    // this very phrasing, must still be weighed.
    let phrased = e.ask("What did the Kremlin say?");
    assert!(phrased.answered, "{phrased:?}");
    assert!(
        phrased
            .answer
            .as_deref()
            .unwrap_or("")
            .contains("Kremlin said"),
        "{phrased:?}"
    );
}

#[test]
fn a_question_worded_as_a_gaps_question_is_declined_naming_it() {
    let e = engine();
    // No words of Putin's to match leave every candidate, the gap too, at
    // nothing; the gap lists the question, so the decline names it.
    let r = e.ask("What did Putin say?");
    assert!(!r.answered, "{r:?}");
    assert!(
        r.note
            .as_deref()
            .is_some_and(|n| n.contains("quotes nothing Vladimir Putin said")),
        "{r:?}"
    );
}

/// The shipped engine with a second article, titled `title`, holding one
/// bare sentence (fact 10,000).
fn with_a_second_article(e: &Engine, title: &str, quote: &str) -> Engine {
    let mut articles: Vec<ArticleMeta> = e.articles().cloned().collect();
    articles.push(ArticleMeta::undated(2, title));
    let mut facts: Vec<Fact> = e.facts.values().cloned().collect();
    facts.push(Fact {
        id: FactId(10_000),
        key: None,
        article: ArticleId(2),
        paragraph: Some(1),
        quote: quote.into(),
        answer: quote.into(),
        kind: AnswerKind::Statement,
        speaker: None,
        questions: Vec::new(),
        source_note: None,
        origin: crate::fact::Origin::Sentence,
        version: 1,
        retired: false,
    });
    Engine::new(
        articles,
        facts,
        Vec::new(),
        Arc::new(Lexicon::builtin().expect("lexicon")),
        Model::builtin().expect("model"),
        Settings::default(),
    )
}

#[test]
fn a_rare_word_only_another_article_holds_keeps_this_ones_answer_back() {
    let e = engine();
    let two = with_a_second_article(
        &e,
        "Coal mines reopen",
        "Flanders' last coal mine closed in 1992, and two may now reopen as museums.",
    );
    // Whether the best Tehran candidate for `question` lacks a rare word
    // the other article holds.
    let elsewhere = |question: &str| {
        let reading = &two.read(question)[0];
        let tehran = reading
            .found
            .ranked
            .iter()
            .find(|s| matches!(s.target, Target::Fact(id) if id != FactId(10_000)))
            .expect("a Tehran candidate");
        two.index.rare_word_elsewhere(&reading.found.query, tehran)
    };
    assert!(elsewhere("In what country is Flanders located?"));
    assert!(!two.ask("In what country is Flanders located?").answered);
    // Not a word both articles lack, an everyday word, or a name the
    // lexicon knows.
    assert!(!elsewhere("In what country is Wallonia located?"));
    assert!(!elsewhere("where is the last mine located"));
    assert!(!elsewhere("where is idlib located"));
    assert!(two.ask("where is idlib located").answered);
}

#[test]
fn an_answer_that_stands_only_on_phrasings_yields_to_another_articles_text() {
    let e = engine();
    let two = with_a_second_article(
        &e,
        "Venice overseas",
        "The Venetian merchants considered the island of Crete their most important colony \
         overseas, and they held it for four centuries.",
    );
    // The Venetian sentence says most of it; Idlib's strategic importance
    // says little of it but "important", and matches only through its
    // phrasings.
    let q = "who considered their land overseas their most important holding";
    let r = two.ask(q);
    assert!(
        r.sources.iter().all(|s| s.title == "Venice overseas"),
        "{r:?}"
    );
    // A Tehran answer that says what was asked stays.
    let r = two.ask("why is idlib important for the government");
    assert!(
        r.answered && r.answer.as_deref().unwrap_or("").contains("Latakia"),
        "{r:?}"
    );
}

#[test]
fn a_rare_name_variant_worded_as_another_article_words_it_is_that_articles() {
    let e = engine();
    let two = with_a_second_article(
        &e,
        "Crusader castles",
        "The castle at Kerak held out against the Turks for two years.",
    );
    let tehran = e.articles().next().expect("the shipped article").id;
    let typed_elsewhere = |question: &str| {
        let reading = &two.read(question)[0];
        two.alias_typed_elsewhere(reading, tehran)
    };
    // "turks" is read as Turkey, but only the castle story says "Turks".
    assert!(typed_elsewhere("who did the turks fight at kerak"));
    // "turkey", or an everyday variant ("russian"), is the Tehran article's.
    assert!(!typed_elsewhere("who did turkey fight at kerak"));
    assert!(!typed_elsewhere("what did the russian president say"));
    // One article alone: nothing else to be worded like.
    let reading = &e.read("who did the turks fight")[0];
    assert!(!e.alias_typed_elsewhere(reading, tehran));
}

#[test]
fn a_question_whose_words_the_article_mostly_lacks_is_answered_by_none_of_its_facts() {
    let e = engine();
    let absent = crate::matcher::decide::FEATURES
        .iter()
        .position(|f| *f == "absent_info")
        .expect("the absent_info feature");
    // Whether the decision weighed some fact, and ruled out every one,
    // each lacking most of the question's words.
    let all_ruled_out = |question: &str| {
        let readings = e.read(question);
        let considered: Vec<_> = readings.iter().flat_map(|r| &r.considered).collect();
        !considered.is_empty()
            && considered
                .iter()
                .all(|c| c.ruled_out && c.features[absent] >= 0.6)
    };
    // "win" is a word of the article's phrasings; the rest is football.
    assert!(all_ruled_out(
        "which team is gonna win the champions league"
    ));
    assert!(
        !e.ask("which team is gonna win the champions league")
            .answered
    );
    // Chatter around a question the article answers is not its words.
    assert!(!all_ruled_out(
        "hey all quick one lol, who runs idlib these days?"
    ));
    assert!(
        e.ask("hey all quick one lol, who runs idlib these days?")
            .answered
    );
}

#[test]
fn answers_do_not_depend_on_what_the_thread_asked_before() {
    // The matcher keeps its working memory per thread: what a question on
    // a larger index marked must leave nothing behind for a smaller one,
    // and the other way round.
    let e = engine();
    let big = with_a_second_article(&e, "Storms", "A storm hit the coast of Normandy on Monday.");
    let few: Vec<Fact> = e
        .facts
        .values()
        .filter(|f| f.id.0 % 3 == 0)
        .cloned()
        .collect();
    let small = Engine::new(
        e.articles().cloned().collect(),
        few,
        Vec::new(),
        Arc::new(Lexicon::builtin().expect("lexicon")),
        Model::builtin().expect("model"),
        Settings::default(),
    );
    let questions = [
        "where is the summit being held",
        "how many observation posts does turkey have in idlib",
        "did a storm hit normandy",
        "who controls idlib",
    ];
    let replies = |engine: &Engine| -> Vec<String> {
        questions
            .iter()
            .map(|q| format!("{:?}", engine.ask(q)))
            .collect()
    };
    // Each asked first on a thread of its own.
    let fresh = |engine: &Engine| std::thread::scope(|s| s.spawn(|| replies(engine)).join());
    let (big_alone, small_alone) = (fresh(&big).unwrap(), fresh(&small).unwrap());
    assert_ne!(big_alone, small_alone, "the premise: the indexes differ");
    for _ in 0..2 {
        assert_eq!(replies(&big), big_alone);
        assert_eq!(replies(&small), small_alone);
    }
}

#[test]
fn a_fragment_naming_someone_new_is_not_answered_about_the_last_one() {
    let e = engine();
    let asked = "what did the us president warn";
    let first = e.ask(asked);
    assert!(
        first.answer.as_deref().is_some_and(|a| a.contains("Trump")),
        "the premise: {first:?}"
    );
    let previous = Exchange {
        question: asked.to_string(),
        answer: first.answer.clone(),
        fact: first.fact_id,
    };
    // The Kremlin warned of nothing in the article: Trump's warning again
    // would answer the last question, not this one.
    let r = e.ask_following("what about the kremlin", Some(&previous));
    assert!(
        !r.answered || !r.answer.as_deref().is_some_and(|a| a.contains("Trump")),
        "{r:?}"
    );
    // A fragment whose answer names who it asks about is answered.
    let asked = "what country is rouhani president of";
    let reply = e.ask(asked);
    let previous = Exchange {
        question: asked.to_string(),
        answer: reply.answer,
        fact: reply.fact_id,
    };
    let r = e.ask_following("and putin?", Some(&previous));
    assert!(
        r.answer.as_deref().is_some_and(|a| a.contains("Putin")),
        "{r:?}"
    );
}

/// The last exchange of asking `question` alone.
fn exchange(e: &Engine, question: &str) -> Exchange {
    let reply = e.ask(question);
    Exchange {
        question: question.to_string(),
        answer: reply.answer,
        fact: reply.fact_id,
    }
}

#[test]
fn a_follow_up_whose_own_words_the_last_answer_lacks_is_not_answered_with_it_again() {
    let e = engine();
    // The article gives no figure for refugees to come, nor says whether
    // the compromise was reached: the last answer again would meet only the
    // words the follow-up borrows from the last question.
    for (asked, then) in [
        (
            "how many syrian refugees does turkey already host",
            "how many more is it bracing for",
        ),
        (
            "what does iran's diplomat hope for from the summit",
            "and did they end up achieving it",
        ),
    ] {
        let previous = exchange(&e, asked);
        assert!(
            previous.fact.is_some(),
            "the premise: {asked:?} is answered"
        );
        let r = e.ask_following(then, Some(&previous));
        assert!(!r.answered, "{asked:?} then {then:?}: {r:?}");
    }
    // A follow-up asking more of the same fact, in words the fact holds,
    // is answered with it, chatter or not.
    let previous = exchange(&e, "what did trump warn about");
    for then in ["who was he warning", "oh, who was he warning?"] {
        let r = e.ask_following(then, Some(&previous));
        assert!(r.answered && r.fact_id == previous.fact, "{then:?}: {r:?}");
        assert!(
            r.answer
                .as_deref()
                .is_some_and(|a| a.contains("Syrian government")),
            "{then:?}: {r:?}"
        );
    }
}

#[test]
fn a_misspelling_a_learned_question_kept_is_still_read_as_the_word_meant() {
    let e = engine();
    // Learned questions hold "goverment": it must not become a word of its
    // own that only they match.
    for (q, expected) in [
        (
            "is idlib important for the goverment",
            "strategically important",
        ),
        ("which goverment does iran support", "Assad"),
    ] {
        let r = e.ask(q);
        assert!(
            r.answer.as_deref().is_some_and(|a| a.contains(expected)),
            "{q:?}: {r:?}"
        );
    }
}

#[test]
fn a_word_english_knows_is_not_read_as_a_rarer_word_one_letter_away() {
    let e = engine();
    // "prepping" (Zipf 3.2) is not a slip for "propping" (2.8), which the
    // store has from "who's propping up the syrian president".
    let read = e
        .index
        .explain(&e.index.query("are the troops prepping something"));
    assert!(!read.contains("prepping→"), "{read}");
    // A slip that makes a rarer word (or none) is still read as meant, and
    // so is a common word's slip for a name the word list lacks ("tahir",
    // Zipf 2.8, for "tahrir").
    let read = e.index.explain(&e.index.query("who is proping up asad"));
    assert!(read.contains("proping→"), "{read}");
    let read = e
        .index
        .explain(&e.index.query("who leads hayat tahir al sham"));
    assert!(read.contains("@hts"), "{read}");
    // Nor is a common word one or two letters away ("roasting", "hosting").
    let read = e
        .index
        .explain(&e.index.query("erdogan roasting the us and russia"));
    assert!(!read.contains("roasting→"), "{read}");
    let read = e
        .index
        .explain(&e.index.query("how many refugess does turkey host"));
    assert!(read.contains("refugess→"), "{read}");
}

#[test]
fn what_else_is_never_the_last_answer_again() {
    let e = engine();
    let previous = exchange(&e, "what did erdogan warn would happen if idlib is bombed");
    assert!(previous.fact.is_some(), "the premise: {previous:?}");
    // As a follow-up ("he"), and as a question of its own.
    for then in [
        "what else did he warn about",
        "what else did erdogan warn about",
    ] {
        let r = e.ask_following(then, Some(&previous));
        assert!(!r.answered || r.fact_id != previous.fact, "{then:?}: {r:?}");
    }
    // Read without the exchange, it is that fact again.
    assert_eq!(
        e.ask("what else did erdogan warn about").fact_id,
        previous.fact,
        "the premise"
    );
}

#[test]
fn a_bare_sentence_gives_way_to_a_fact_that_says_all_of_it_and_more() {
    let e = engine();
    // Paragraph 17's first sentence is a fact of its own; the curated fact
    // on it also quotes the next ("The US passes the buck to Russia...").
    for q in [
        "what exactly did erdogan say about washington and moscow passing the buck",
        "what did erdogan say about responsibility for idlib",
    ] {
        let r = e.ask(q);
        assert!(
            r.answer.as_deref().is_some_and(
                |a| a.contains("evaded responsibility") && a.contains("passes the buck")
            ),
            "{q:?}: {r:?}"
        );
    }
}

#[test]
fn a_runner_up_that_answers_another_kind_of_question_leaves_no_doubt() {
    let e = engine();
    // Who takes part and what the summit is about match "summit" as well
    // as where it is, but neither says where: "where is the summit" is
    // answered (it had been declined at 0.557, the runners-up counted as
    // rivals).
    let r = e.ask("where is the summit");
    assert!(r.answered, "{r:?}");
    assert!(
        r.answer.as_deref().unwrap_or("").contains("Tehran"),
        "{r:?}"
    );
}

#[test]
fn a_name_asked_for_in_full_is_answered_with_the_whole_name() {
    let e = engine();
    // (question, the name the answer must hold)
    let cases = [
        ("whats erdogans full name", "Recep Tayyip Erdogan"),
        ("rouhanis first name?", "Hassan Rowhani"),
        ("what is the un envoy's first name", "Staffan de Mistura"),
        ("full name of the russian president", "Vladimir Putin"),
    ];
    for (q, name) in cases {
        let (answer, _) = ask(&e, q);
        let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
        assert!(answer.contains(name), "{q:?}: {answer:?} lacks {name:?}");
    }
}

#[test]
fn an_answer_leaving_out_the_time_asked_for_is_given_as_its_quote() {
    let e = engine();
    let previous = Exchange {
        question: "what did erdogan say would happen if idlib gets shelled".into(),
        answer: None,
        fact: e
            .ask("what did erdogan say would happen if idlib gets shelled")
            .fact_id,
    };
    let r = e.ask_following("when did he say that", Some(&previous));
    let answer = r.answer.expect("answered");
    assert!(answer.contains("this week"), "{answer:?}");
    assert_eq!(r.sources[0].paragraph, Some(14));
    // A question dating what it asks about asks when too, whatever it
    // opens with; a sign-off's week does not date anything.
    for (q, said, paragraph) in [
        (
            "was it two weeks ago that the un envoy gave his warning",
            "last week",
            13,
        ),
        (
            "erdogan's massacre warning, was that in august?",
            "this week",
            14,
        ),
    ] {
        let r = e.ask(q);
        let answer = r.answer.unwrap_or_else(|| panic!("declined {q:?}"));
        assert!(answer.contains(said), "{q:?}: {answer:?}");
        assert_eq!(r.sources[0].paragraph, Some(paragraph));
    }
    let r = e.ask("what did de mistura warn about? have a nice end of the week");
    let answer = r.answer.expect("answered");
    assert!(
        answer.starts_with("Staffan de Mistura warned"),
        "{answer:?}"
    );
}

#[test]
fn an_answer_giving_another_count_than_the_one_asked_for_is_given_as_its_quote() {
    let e = engine();
    // The fact chosen counts rebels ("Thousands of rebels…"); its quote
    // also says over how many years.
    let r = e.ask("the evacuations of rebels to idlib happened over how many years");
    let answer = r.answer.expect("answered");
    assert!(answer.contains("three years"), "{answer:?}");
    assert_eq!(r.sources[0].paragraph, Some(10));
    // Asked what it counts, the answer itself is shown.
    let r = e.ask("how many rebels have been evacuated to idlib");
    let answer = r.answer.expect("answered");
    assert!(answer.starts_with("Thousands of rebels"), "{answer:?}");
}

#[test]
fn who_someone_is_is_answered_with_what_they_are() {
    let e = engine();
    // A second question after the name ("what's his role") still asks who
    // he is: a description, with no other name in it, answers.
    for q in ["who is de mistura, what's his role?", "who is de mistura"] {
        let (answer, _) = ask(&e, q);
        let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
        assert!(answer.contains("special envoy"), "{q:?}: {answer:?}");
    }
    let (answer, _) = ask(&e, "who is rouhani meeting with");
    assert!(!answer.is_some_and(|a| a.contains("Iran's president")));
}

#[test]
fn a_name_opening_the_answer_still_answers_who() {
    // "Turkey has supported the rebels…": Turkey is a name though it
    // opens the sentence, so the fact gives the "which country" asked.
    let e = engine();
    let (answer, cited) = ask(&e, "which country backs the rebels in syria");
    let answer = answer.expect("answered");
    assert!(answer.starts_with("Turkey"), "{answer:?}");
    assert_eq!(cited, Some(7));
}

#[test]
fn a_fragment_answered_by_the_last_fact_again_is_given_its_whole_sentence() {
    let e = engine();
    for (asked, then, wanted) in [
        ("who said idlib was a dilemma", "to who?", "Iranian media"),
        (
            "who did erdogan meet before the summit",
            "then who?",
            "Putin",
        ),
    ] {
        let previous = exchange(&e, asked);
        let first = previous.answer.clone().expect("the premise is answered");
        assert!(!first.contains(wanted), "the premise: {first:?}");
        let r = e.ask_following(then, Some(&previous));
        assert_eq!(r.fact_id, previous.fact, "{then:?}: {r:?}");
        let answer = r.answer.expect("answered");
        assert!(answer.contains(wanted), "{then:?}: {answer:?}");
    }
    // A narrower fact of the sentence the last answer quoted says no
    // more than it did: the sentence again, which says who helped.
    let previous = exchange(&e, "who have assads forces made gains against recently");
    let r = e.ask_following("with whose help?", Some(&previous));
    let answer = r.answer.expect("answered");
    assert!(answer.contains("Russian air power"), "{answer:?}");
    // Nor a sentence that leaves out a name the answer gives ("The
    // north-western province … borders Latakia").
    let previous = exchange(&e, "where's the biggest russian airbase in syria");
    let r = e.ask_following("which province does it border", Some(&previous));
    let answer = r.answer.expect("answered");
    assert!(answer.contains("Idlib"), "{answer:?}");
    // A sentence that opens with a pronoun ("It also has a population
    // of …") is given with the name the answer gives for it.
    let previous = exchange(&e, "how many idlib civilians are internally displaced");
    let r = e.ask_following("by what?", Some(&previous));
    assert_eq!(r.fact_id, previous.fact, "{r:?}");
    assert_eq!(
        r.answer.as_deref(),
        Some(
            "Idlib also has a population of 3 million civilians, a third of them internally \
             displaced by the seven-year conflict."
        )
    );
}

#[test]
fn a_sentence_given_as_its_own_answer_says_what_its_pronoun_stands_for() {
    let e = engine();
    // The article's sentence "It is largely controlled by Hayat Tahrir
    // al-Sham, …" answers this; "it" is Idlib, as the curated facts quoting
    // the same sentence say, never the group the sentence names.
    let r = e.ask("what does hts largely control");
    let answer = r.answer.expect("answered");
    assert!(
        answer.starts_with("Idlib is largely controlled"),
        "{answer:?}"
    );
    // Nor, read with the last exchange, the group it was about: that had
    // given "Hayat Tahrir al-Sham is largely controlled by Hayat Tahrir
    // al-Sham".
    for (first, then) in [
        ("who controls most of idlib", "who leads them"),
        ("what is hayat tahrir al-sham", "who leads it"),
    ] {
        let previous = exchange(&e, first);
        let r = e.ask_following(then, Some(&previous));
        let answer = r.answer.expect("answered");
        assert!(
            !answer.contains("Hayat Tahrir al-Sham is largely controlled"),
            "{then:?}: {answer:?}"
        );
        assert!(answer.contains("al-Qaeda"), "{then:?}: {answer:?}");
    }
}

#[test]
fn a_sentence_pointing_back_gives_way_to_the_curated_answer_quoting_it() {
    let e = engine();
    // "The parties meeting in Tehran would bear both these aspects in
    // mind…, he said." says neither which aspects nor who said it; the
    // curated fact quoting it says both.
    let r = e.ask("which two aspects will the parties in tehran bear in mind");
    let answer = r.answer.expect("answered");
    assert!(answer.contains("terrorists"), "{answer:?}");
    assert!(answer.contains("Jaberi Ansari"), "{answer:?}");
}

#[test]
fn where_someone_said_something_is_answered_with_the_sentence_saying_to_whom() {
    let e = engine();
    let r = e.ask("where did jaberi ansari say idlib was a dilemma");
    let answer = r.answer.expect("answered");
    assert!(answer.contains("told Iranian media"), "{answer:?}");
    // What he said, asked plainly, is still the short answer.
    let r = e.ask("why did jaberi ansari say idlib was a dilemma");
    let answer = r.answer.expect("answered");
    assert!(!answer.contains("told Iranian media"), "{answer:?}");
}

/// Asserts that `q` is answered with words holding `holds`, citing
/// paragraph `para`.
fn assert_answers(e: &Engine, q: &str, holds: &str, para: u32) {
    let (answer, cited) = ask(e, q);
    let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
    assert!(answer.contains(holds), "{q:?}: {answer:?}");
    assert_eq!(cited, Some(para), "{q:?}: {answer:?}");
}

/// Asserts that `q` is not answered with words holding `lacks` (declined,
/// or answered otherwise).
fn assert_not_answered_with(e: &Engine, q: &str, lacks: &str) {
    let r = e.ask(q);
    assert!(
        !r.answer.as_deref().unwrap_or("").contains(lacks),
        "{q:?}: {:?}",
        r.answer
    );
}

#[test]
fn someone_asked_about_stands_for_his_side() {
    let e = engine();
    // "Turkey has supported the rebels" comes from the sentence that names
    // Assad too, but it is about the other side.
    for q in ["whos backing assad in the war", "who supports assad"] {
        assert_answers(&e, q, "Iran and Russia", 7);
    }
}

#[test]
fn the_other_spelling_of_assad_is_his_name() {
    assert_answers(
        &engine(),
        "why did asads troops gather near idleb",
        "final assault",
        8,
    );
}

#[test]
fn a_place_asked_for_is_not_answered_with_a_number() {
    let e = engine();
    let (answer, _) = ask(
        &e,
        "which turkish cities are the 3.5 million syrian refugees living in",
    );
    assert!(
        answer.as_deref().is_none_or(|a| !a.contains("3.5 million")),
        "{answer:?}"
    );
}

#[test]
fn where_someone_is_from_needs_a_place_of_his() {
    let e = engine();
    // De Mistura's sentence names Syria and Idlib, neither of them his.
    let r = e.ask("where is staffan de mistura from");
    assert!(!r.answered, "{:?} ({})", r.answer, r.confidence);
    assert!(r.why.as_deref().unwrap_or("").contains("no place of his"));
    // Putin's country is in the answer that names him.
    assert_answers(&e, "where is putin from", "Russia", 2);
    // His nationality asks the same.
    for q in [
        "whats staffan de mistura's nationality",
        "what nationality is de mistura",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    // A country named beside him is not his: "Jaberi Ansari said Turkey
    // and Iran are sufficiently mature…" does not say where he is from.
    let r = e.ask("where is jaberi ansari from");
    assert!(
        r.answer.as_deref().is_none_or(|a| !a.contains("mature")),
        "{:?}",
        r.answer
    );
}

#[test]
fn how_many_counts_the_noun_not_the_number_before_it() {
    let e = engine();
    let r = e.ask("how many of turkey's 3.5 million refugees came from idlib");
    let why = r.why.unwrap_or_default();
    assert!(why.contains("counts refug"), "{why}");
    // "How many of X are Y" counts Y when Y names who is counted: the
    // article never says how many of Idlib's civilians are children.
    for q in [
        "how many of idlib's 3 million civilians are children",
        "how many of idlib's civilians are women",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    // A participle or another noun there says what they are: still the
    // civilians counted.
    assert_answers(&e, "how many of the civilians are displaced", "A third", 12);
    // Asked bare, what they are is counted, not an adverb.
    assert_answers(
        &e,
        "in idlib how many are currently displaced",
        "A third",
        12,
    );
    // With nothing else to count, no fact counts the adverb.
    let r = e.ask("so how many are currently in idlib");
    assert!(
        r.answer
            .as_deref()
            .is_none_or(|a| !a.contains("3.5 million")),
        "{:?}",
        r.answer
    );
    assert_answers(
        &e,
        "how many of idlib's 3 million civilians are refugees",
        "A third",
        12,
    );
}

#[test]
fn a_fragment_asking_a_count_is_not_given_the_last_sentences_other_figure() {
    let e = engine();
    // De Mistura's sentence names civilians but counts only fighters.
    let previous = exchange(
        &e,
        "how many al qaeda fighters are in idlib according to the un",
    );
    assert!(
        previous
            .answer
            .as_deref()
            .is_some_and(|a| a.contains("10,000")),
        "the premise: {previous:?}"
    );
    let r = e.ask_following("and civilians?", Some(&previous));
    assert!(
        !r.answer.as_deref().is_some_and(|a| a.contains("10,000")),
        "{r:?}"
    );
    // Turkey's sentence counts both its posts and the refugees it hosts.
    let previous = exchange(&e, "how many observation posts does turkey have in idlib");
    let r = e.ask_following("and refugees?", Some(&previous));
    assert!(
        r.answer
            .as_deref()
            .is_some_and(|a| a.contains("3.5 million")),
        "{r:?}"
    );
}

#[test]
fn a_figure_is_for_the_word_a_few_words_after_it() {
    let e = engine();
    let warning = "De Mistura warned that the presence of 10,000 al-Qaeda-linked fighters \
                   does not justify an attack that could endanger civilians' lives.";
    let fighters = e.index.query("how many fighters are in idlib");
    let civilians = e.index.query("how many civilians are in idlib");
    assert!(e.index.counts_in(warning, &fighters));
    assert!(!e.index.counts_in(warning, &civilians));
    assert!(e
        .index
        .counts_in("Idlib has 3 million civilians.", &civilians));
    // A question counting nothing is not held to it.
    assert!(e
        .index
        .counts_in(warning, &e.index.query("who warned about idlib")));
}

#[test]
fn the_name_of_someone_is_only_given_by_an_answer_naming_a_person() {
    let e = engine();
    // The article names no leader of the group that controls Idlib.
    let previous = exchange(&e, "which group controls idlib");
    let r = e.ask_following("whats the name of its leader", Some(&previous));
    assert!(!r.answered, "{:?} ({})", r.answer, r.confidence);
    let r = e.ask("what's the name of the un special envoy to syria");
    assert!(
        r.answer
            .as_deref()
            .is_some_and(|a| a.contains("de Mistura")),
        "{r:?}"
    );
}

#[test]
fn who_said_something_is_answered_only_with_someones_words() {
    let e = engine();
    // The Kremlin's words name no one at the Kremlin; a fact naming
    // Russia's president reports nothing he said.
    for q in [
        "who at the kremlin said that",
        "who at the kremlin actually said it",
    ] {
        assert_eq!(ask(&e, q).0, None, "{q:?}");
    }
    assert_answers(
        &e,
        "who said the us passes the buck to russia",
        "Erdogan",
        17,
    );
    // "Who is the president mentioned", "can u tell me" and "Islamic State"
    // ask no speaker.
    assert_answers(
        &e,
        "who controls idlib, can u tell me",
        "Hayat Tahrir al-Sham",
        11,
    );
    assert_answers(
        &e,
        "who has been fighting islamic state",
        "Islamic State",
        21,
    );
    assert_answers(&e, "who's the us president mentioned?", "Trump", 18);
}

#[test]
fn a_person_an_answer_opens_with_stands_for_his_country() {
    let e = engine();
    // Russia asked about: Rowhani is Iran's president, Trump the US's.
    for q in [
        "who represented russia at the three-way meeting",
        "what did the kremlin warn against in idlib",
    ] {
        let (answer, _) = ask(&e, q);
        assert!(
            answer
                .as_deref()
                .is_none_or(|a| !a.starts_with("Hassan Rowhani") && !a.contains("Trump")),
            "{q:?}: {answer:?}"
        );
    }
    assert_answers(&e, "who represents moscow at the summit", "Putin", 2);
}

#[test]
fn which_ones_after_a_count_asks_for_the_ones_counted_when_the_article_names_them() {
    let e = engine();
    let previous = exchange(&e, "how many presidents are at the tehran summit");
    let r = e.ask_following("which ones?", Some(&previous));
    let answer = r.answer.clone().unwrap_or_default();
    assert!(
        ["Rowhani", "Erdogan", "Putin"]
            .iter()
            .all(|n| answer.contains(n)),
        "{r:?}"
    );
    // The article counts Turkey's posts but never says which they are.
    let previous = exchange(&e, "how many observation posts does turkey have");
    assert!(previous.fact.is_some(), "the premise is answered");
    let r = e.ask_following("which ones?", Some(&previous));
    assert!(!r.answered, "{r:?}");
    // Alone, "which ones?" asks nothing.
    assert!(!e.ask("which ones?").answered);
}

#[test]
fn a_place_the_article_only_describes_has_no_name_to_give() {
    let e = engine();
    for q in [
        "whats the airbase called",
        "what is the name of the russian air base",
        // Where it is, between it and "called", changes nothing.
        "what is the russian air base in syria called",
    ] {
        assert!(!e.ask(q).answered, "{q:?}");
    }
    // Where it is, or the province it is in, the article says.
    assert_answers(&e, "where is the russian airbase", "Latakia", 9);
    assert_answers(
        &e,
        "what is the province called where the airbase is",
        "Latakia",
        9,
    );
    assert_answers(
        &e,
        "what is the province with the russian airbase called",
        "Latakia",
        9,
    );
}

#[test]
fn getting_back_from_somewhere_is_not_backing_anyone() {
    let e = engine();
    let backs = e.index.query("who backs assad");
    let backing = e.index.explain(&backs);
    let term = backing
        .split(", ")
        .find(|t| !t.contains('@'))
        .and_then(|t| t.strip_prefix("read: ").or(Some(t)))
        .and_then(|t| t.split(' ').next())
        .expect("a term for 'backs'")
        .to_string();
    let read = e.index.explain(
        &e.index
            .query("hey all, just got back from work, saw a summit in iran"),
    );
    assert!(!read.contains(&format!("{term} ")), "{term:?} in {read}");
    // Nor is a work shift a transfer of rebels.
    let read = e
        .index
        .explain(&e.index.query("quick one before my shift starts"));
    assert!(!read.contains("evacu"), "{read}");
    // Someone who "got back" and saw a summit asks no one who backs whom.
    let r = e.ask("hey all, just got back and saw a summit in iran?? who showed up to it");
    assert!(
        r.answer.as_deref().is_none_or(|a| !a.contains("support")),
        "{r:?}"
    );
}

#[test]
fn another_meeting_than_this_one_is_asked_about_only_where_a_fact_speaks_of_it() {
    let e = engine();
    // The article says where this summit is, never where the next one is.
    let q = "where will the next meeting between rowhani, erdogan and putin be held";
    assert!(!e.ask(q).answered, "{q:?}");
    assert_answers(
        &e,
        "where is the meeting between rowhani, erdogan and putin held",
        "Tehran",
        1,
    );
    // Nor is this one another meeting for being upcoming, nor is a meeting
    // before it.
    assert_answers(&e, "who is going to the upcoming tehran summit", "Putin", 2);
    assert_answers(
        &e,
        "did erdogan have any other meetings before the summit",
        "Rowhani",
        3,
    );
    // The earlier meetings the article does speak of.
    assert_answers(
        &e,
        "what did the previous meetings lead to",
        "de-escalation",
        20,
    );
}

#[test]
fn chat_interjections_and_the_askers_hedges_are_not_read_as_the_question() {
    let e = engine();
    // "lmao", "tbh": chatter, not words the answer must cover.
    assert_answers(
        &e,
        "lmao erdogan kinda roasting the us and russia? what did he say about them exactly",
        "passes the buck",
        17,
    );
    // "…, jaberi ansari i think??": the asker's hedge, not his words; a
    // guess after the question ("is it … or …") is not asked either.
    assert_answers(
        &e,
        "hiya, who actually runs idlib on the ground? is it the rebels turkey backs or someone else entirely",
        "Hayat Tahrir al-Sham",
        11,
    );
}

#[test]
fn why_someone_met_is_not_answered_with_who_he_is() {
    let e = engine();
    for q in [
        "why did putin, rowhani and erdogan meet",
        "why did putin meet erdogan",
    ] {
        let (answer, _) = ask(&e, q);
        assert!(
            answer
                .as_deref()
                .is_none_or(|a| !a.contains("is Russia's president")),
            "{q:?}: {answer:?}"
        );
    }
}

#[test]
fn what_someone_wants_to_do_and_the_rebel_enclave_are_read_as_meant() {
    let e = engine();
    // "want to do with" asks plans, not why Idlib matters to Assad.
    assert_answers(&e, "wat does asad want to do w idleb", "by force", 1);
    // "The rebel enclave" is Idlib.
    assert_answers(
        &e,
        "what must the rebel enclave be freed from, according to the iranian aide",
        "terrorists",
        5,
    );
    // "mentioned in the article" is where the asker read it.
    assert_answers(
        &e,
        "who is the turkish president mentioned in the article?",
        "Turkey's president",
        2,
    );
    // A yes/no question's "when talking about" asks no time.
    assert_answers(
        &e,
        "did the kremlin mention refugees when talking about the tehran talks?",
        "repatriation",
        19,
    );
}

#[test]
fn both_sides_asked_get_both_sides() {
    let e = engine();
    // Asked about Turkey against Iran and Russia, the answer gives both
    // sides, not only the other one's.
    for q in [
        "in the war, whose side is turkey on compared with russia and iran",
        "who backs the rebels, and who backs assad?",
    ] {
        assert_answers(&e, q, "while Iran and Russia", 7);
    }
}

#[test]
fn gearing_up_is_preparing() {
    let e = engine();
    // Gearing up for something is preparing for it.
    assert_answers(
        &e,
        "so what are assad's troops gearing up for around idlib",
        "final assault",
        8,
    );
}

#[test]
fn whether_they_met_before_gets_yes_and_what_came_of_it() {
    let e = engine();
    // "have they met before" is answered yes (the first-meeting fact
    // answers "is this the first meeting" no), with what came of it.
    for q in [
        "have they met before",
        "have the three leaders met before?",
        "so have these 3 leaders met before? did anything come of it lol",
    ] {
        let (answer, cited) = ask(&e, q);
        let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
        assert!(!answer.starts_with("No."), "{q:?}: {answer:?}");
        assert!(answer.contains("de-escalation"), "{q:?}: {answer:?}");
        assert_eq!(cited, Some(20), "{q:?}: {answer:?}");
    }
    // A negation the phrasing lacks gets the evidence without a verdict.
    let (answer, _) = ask(&e, "have they never met before?");
    assert!(
        answer
            .as_deref()
            .is_none_or(|a| !a.starts_with("Yes.") && !a.starts_with("No.")),
        "{answer:?}"
    );
    let (answer, _) = ask(&e, "is this their first summit");
    assert!(
        answer.as_deref().is_some_and(|a| a.starts_with("No.")),
        "{answer:?}"
    );
}

#[test]
fn the_contested_province_is_idlib() {
    let e = engine();
    assert_answers(
        &e,
        "in which part of syria is the contested province located",
        "north-western",
        9,
    );
}

#[test]
fn chatter_before_a_question_stays_out_when_a_later_pronoun_points_inside_it() {
    let e = engine();
    // "they" in the second question clause points at the summit of the
    // first, not at the asker's brother.
    for q in [
        "my brother asked me about it and i had no clue lol. whats the summit about? like what are they discussing",
        "ok my mum asked me at dinner and i blanked... what is this summit actually about? like what are they talking about",
    ] {
        assert_answers(&e, q, "Idlib", 1);
    }
}

#[test]
fn chatter_with_a_pronoun_or_a_greeting_before_a_question_stays_out() {
    let e = engine();
    // The pronoun is the chatter's ("explained it"), not the question's.
    assert_answers(
        &e,
        "turkey keeps coming up. my teacher explained it but who is de mistura?",
        "envoy",
        13,
    );
    // A terse question after a greeting is no fragment of it.
    assert_answers(
        &e,
        "hey guys hope ur all good. idlib population?",
        "3 million",
        12,
    );
}

#[test]
fn what_kind_of_or_under_what_terms_is_not_answered_with_a_time() {
    let e = engine();
    // A fact whose answer is when the evacuations happened shares these
    // words, but a time is not what kind of arrangement they were.
    for q in [
        "under what kind of deal were the rebel fighters moved to the province",
        "under what arrangement were the fighters relocated into idlib",
    ] {
        assert_answers(&e, q, "agreements with the government", 10);
    }
    // Asked for a stretch of time in the same form, the time answers.
    assert_answers(
        &e,
        "under what period were rebel fighters relocated to idlib",
        "past three years",
        10,
    );
}

#[test]
fn asked_for_others_besides_one_an_answer_giving_only_that_one_is_no_answer() {
    let e = engine();
    // The earlier meetings set up de-escalation zones, "including Idlib":
    // the only zone the article names is the one set aside.
    for q in [
        "besides idlib which other de-escalation zones were set up",
        "apart from idlib, what other de-escalation zones were established",
        "what de-escalation zones were set up besides idlib",
    ] {
        assert_eq!(ask(&e, q).0, None, "{q:?}");
    }
    // A name owning what is set aside is not set aside itself.
    assert_answers(
        &e,
        "besides erdogan's massacre warning, what else did erdogan say",
        "refugee influx",
        15,
    );
    // Set aside one of several, the others answer.
    assert_answers(
        &e,
        "who is putin meeting in tehran besides erdogan",
        "Rowhani",
        2,
    );
}

#[test]
fn asked_whether_something_is_in_a_place_the_answer_says_where_it_is() {
    let e = engine();
    // Moscow stands for Russia, and the Kremlin's words name both Russia
    // and the Tehran talks; they put nothing in Moscow.
    for q in [
        "are the talks in moscow?",
        "was the summit held in moscow",
        "is the summit in moscow lol",
    ] {
        assert_answers(&e, q, "Tehran", 1);
    }
    // A fact naming the place as typed puts something there.
    assert_answers(&e, "is hts in idlib", "Hayat Tahrir al-Sham", 11);
    assert_answers(&e, "are there syrian refugees in turkey", "3.5 million", 16);
    // "in" that is no place checked: a verb's particle, a name mid-question.
    assert_answers(&e, "has turkey taken in syrian refugees", "3.5 million", 16);
    // Nor "at" after a word of feeling.
    let (answer, _) = ask(&e, "is erdogan angry at russia");
    assert!(
        answer.as_deref().is_none_or(|a| !a.contains("buck")),
        "{answer:?}"
    );
}

#[test]
fn a_leaders_office_speaks_for_his_country() {
    let e = engine();
    // The Kremlin's words are Russia's, and "putin's office" is the
    // Kremlin; Putin himself is quoted nowhere.
    for q in [
        "what did putin's administration say the summit should be about",
        "what has putins government said about displaced people",
    ] {
        assert_answers(&e, q, "Kremlin", 19);
    }
    assert_eq!(ask(&e, "what did putin say about the summit").0, None);
    // The seat of a government speaks for it too, with no one named.
    assert_answers(
        &e,
        "the kremlin's statement on the tehran talks",
        "Kremlin",
        19,
    );
}

#[test]
fn a_position_on_something_is_a_stance_not_a_post() {
    let e = engine();
    let (answer, _) = ask(&e, "what's erdogan's position on idlib");
    assert!(
        answer.as_deref().is_none_or(|a| !a.contains("president")),
        "{answer:?}"
    );
    // His position alone is still his post.
    assert_answers(&e, "whats jaberi ansari's position", "Foreign Ministry", 5);
}

#[test]
fn asked_what_kind_an_answer_naming_the_thing_bare_does_not_say() {
    let e = engine();
    // "Ahead of the summit, Erdogan met…" names the talks, not their kind.
    assert_answers(
        &e,
        "what kind of talks did rowhani and erdogan join putin for",
        "trilateral",
        3,
    );
    let (answer, _) = ask(
        &e,
        "what type of talks did the iranian and turkish presidents join putin for",
    );
    assert!(
        answer.as_deref().is_none_or(|a| !a.starts_with("Ahead of")),
        "{answer:?}"
    );
    // What follows the noun says the kind ("conditions for the
    // repatriation").
    assert_answers(
        &e,
        "what kind of conditions did the kremlin want created",
        "repatriation",
        19,
    );
    // A word quoted is a kind: what Trump warned against.
    assert_answers(
        &e,
        "what kind of killing did trump warn about",
        "slaughter",
        18,
    );
}

#[test]
fn something_special_or_a_big_deal_is_important() {
    let e = engine();
    // Not the UN "special" envoy's warning, nor a deal struck.
    for q in [
        "what makes idlib so special",
        "how come idlib is a big deal",
    ] {
        assert_answers(&e, q, "strategically important", 9);
    }
    // In a title "special" is part of a name.
    assert_answers(&e, "who's the un special envoy", "de Mistura", 13);
}

#[test]
fn truce_zones_are_the_de_escalation_zones_and_a_held_area_a_stronghold() {
    let e = engine();
    assert_answers(
        &e,
        "what did the earlier meetings call their safe zones",
        "de-escalation zones",
        20,
    );
    // Whether the truces held is still the ceasefires broken.
    assert_answers(&e, "did the truce zones hold", "broken", 20);
    assert_answers(
        &e,
        "what is the last opposition-held territory in syria",
        "last rebel stronghold",
        1,
    );
}

#[test]
fn a_reflexive_pronoun_asks_nothing() {
    let e = engine();
    // "itself" is no rare word the answer must hold.
    assert_answers(
        &e,
        "what did erdogan think of the summit itself",
        "resolve issues",
        15,
    );
}

#[test]
fn whom_someone_spoke_to_is_told_by_the_sentence_reporting_it() {
    let e = engine();
    // "Jaberi Ansari said Idlib was a dilemma…" leaves out "told Iranian
    // media"; the sentence says it.
    assert_answers(
        &e,
        "what outlet did jaberi ansari give his views to",
        "Iranian media",
        5,
    );
    // Asked whom, with no outlet named, the fact saying so answers (it
    // had been declined).
    assert_answers(
        &e,
        "who did jaberi ansari give his views on idlib to",
        "Iranian media",
        5,
    );
    // Ending in "to" without speaking asks something else.
    assert_answers(&e, "who are hts linked to", "al-Qaeda", 11);
}

#[test]
fn a_phrase_rewritten_into_more_words_does_not_lose_who_is_speaking() {
    let e = engine();
    // "safe zones" reads as three words ("de-escalation zones"): the
    // speaker is still found before the say-word, and no one else's fact
    // answers for him.
    for q in [
        "about the safe zones, what did erdogan say",
        "regarding the ceasefire areas what did putin's office say",
    ] {
        let (answer, _) = ask(&e, q);
        assert!(
            answer
                .as_deref()
                .is_none_or(|a| a.contains("Erdogan") || a.contains("Kremlin")),
            "{q:?}: {answer:?}"
        );
    }
}

#[test]
fn what_kind_of_group_it_is_is_not_answered_with_what_a_place_is_like() {
    let e = engine();
    // "Idlib is largely controlled by Hayat Tahrir al-Sham" names the group
    // after the place it is about.
    for q in [
        "ok random but i keep seeing the name hayat tahrir al-sham everywhere and idk what it even is. can someone explain what kind of group it is?",
        "hey, that hayat tahrir al-sham group, what kind of group is it exactly?",
    ] {
        assert_answers(&e, q, "Islamist alliance", 11);
    }
    // Asking which kind of those there are is no such question.
    assert_answers(
        &e,
        "what kind of fighters are in idlib",
        "al-Qaeda-linked",
        13,
    );
    // One of the same kind may be what the answer is about too.
    assert_answers(
        &e,
        "what kind of talks did putin join",
        "trilateral talks",
        3,
    );
}

#[test]
fn a_follow_up_read_with_which_country_words_is_no_phrasing_of_a_fact() {
    let e = engine();
    // Follow-ups once read with a "which country …" question's own words
    // in place of "its" ("who is country has 12 observation posts in
    // idlib president") were learned as phrasings of the facts that
    // answered them, and answered these with the three presidents and
    // Turkey's side in the war.
    let (answer, _) = ask(&e, "which country has observation posts in idlib");
    assert!(
        answer
            .as_deref()
            .is_none_or(|a| a.contains("Turkey has 12")),
        "{answer:?}"
    );
    let (answer, _) = ask(&e, "who hosted the summit");
    assert!(
        answer
            .as_deref()
            .is_none_or(|a| !a.contains("supported the rebels")),
        "{answer:?}"
    );
}

#[test]
fn asked_for_someones_job_only_an_answer_naming_a_post_gives_it() {
    let e = engine();
    // What de Mistura warned names no post: the answer must say what he is.
    assert_answers(
        &e,
        "what job does the man who said 10,000 al-qaeda-linked fighters don't justify an offensive hold",
        "envoy",
        13,
    );
    // Said in a chatty message, what he said is no answer to it either.
    let (answer, _) = ask(
        &e,
        "saw an iranian official quoted in there, jaberi ansari i think?? what exactly is his job",
    );
    assert!(
        answer.as_deref().is_none_or(|a| a.contains("aide")),
        "{answer:?}"
    );
    // A country's role is what it does, not a post.
    assert_answers(
        &e,
        "what's russia's role in assad's gains",
        "Russian air power",
        21,
    );
    assert_answers(
        &e,
        "what was the role of russia in assad's gains",
        "Russian air power",
        21,
    );
    assert_answers(
        &e,
        "what did erdogan say about the us and russia's role in idlib",
        "evaded responsibility",
        17,
    );
}

#[test]
fn the_askers_own_talking_is_not_the_talks() {
    let e = engine();
    // "are we talking about" is the asker's; read as the talks, the count
    // was the three presidents at the summit.
    let (answer, _) = ask(
        &e,
        "turkey is hosting loads of syrian refugees right? how many are we talking about here",
    );
    assert!(
        answer.as_deref().is_none_or(|a| a.contains("3.5 million")),
        "{answer:?}"
    );
    assert_answers(
        &e,
        "how many al-qaeda linked fighters are we talking about in idlib",
        "10,000",
        13,
    );
    // The talks still are.
    assert_answers(&e, "what are the leaders talking about", "Idlib", 1);
}

#[test]
fn his_name_asks_for_the_name_itself() {
    let e = engine();
    // Named in the sentence that reports his words, not in the words.
    let q = "the person who said idlib was a dilemma, whats his name";
    let (answer, _) = ask(&e, q);
    let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
    assert!(answer.contains("Jaberi Ansari"), "{q:?}: {answer:?}");
}

#[test]
fn asked_when_an_answer_without_a_time_does_not_answer() {
    let e = engine();
    // The article says the three have met before, never when.
    let q = "when was the earlier meeting between iran, russia and turkey";
    let (answer, _) = ask(&e, q);
    assert_eq!(answer, None, "{q:?}");
}

#[test]
fn of_two_facts_from_one_sentence_the_one_answering_who_wins() {
    let e = engine();
    // The Kremlin's sentence gives both its aim and whom conditions are
    // for; asked who, the answer names them.
    let q = "who did the kremlin want conditions created for, to let them return";
    let (answer, cited) = ask(&e, q);
    let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
    assert!(answer.contains("refugees"), "{q:?}: {answer:?}");
    assert_eq!(cited, Some(19));
}

#[test]
fn how_the_parties_will_weigh_the_dilemma_is_their_compromise() {
    let e = engine();
    // Not the dilemma itself (paragraph 5): what they will do about it.
    assert_answers(
        &e,
        "how will the three sides balance those two concerns, according to iran's aide",
        "bear both aspects in mind",
        6,
    );
}

#[test]
fn a_question_much_nearer_a_known_gap_than_a_fact_is_declined() {
    let e = engine();
    // The article was written as the talks began: no outcome, and not the
    // diplomat's hope that they would find one.
    let q = "what did the three presidents finally agree on in tehran";
    let (answer, _) = ask(&e, q);
    assert_eq!(answer, None, "{q:?}");
}

#[test]
fn a_sharper_answer_is_kept_and_a_group_has_a_name_too() {
    let e = engine();
    // Found by the review: the list of the three presidents holds "russia"
    // as a name, Putin's fact does not, but it is far less sure.
    assert_answers(&e, "who is the leader of russia", "Vladimir Putin", 2);
    // "their name" asks a group's name as well as people's.
    assert_answers(
        &e,
        "the group that controls idlib, what's their name",
        "Hayat Tahrir al-Sham",
        11,
    );
}

#[test]
fn a_slip_on_a_name_is_read_as_the_name() {
    let e = engine();
    // "rebells" stems like "rebels", so it was read as the bare word and
    // missed the name "the rebels"; "erdgan" is a slip a learned question
    // kept, which had shadowed Erdogan.
    assert_answers(&e, "which nation backs the rebells", "Turkey", 7);
    assert_answers(&e, "erdgan is worried about what", "refugee", 15);
}

#[test]
fn a_gathering_of_leaders_is_the_summit() {
    let e = engine();
    // Not troops gathering (massing), which had left the question unread.
    assert_answers(
        &e,
        "what did past gatherings of the three leaders set up",
        "de-escalation",
        20,
    );
    assert_answers(&e, "why did the troops gather near idlib", "amassed", 8);
    // Gatherings are meetings however they are described.
    assert_answers(
        &e,
        "the three-way gatherings in the past set up what in syria",
        "de-escalation",
        20,
    );
    // So is a seat at its table.
    for q in [
        "which leaders are sitting at the table in tehran, names please",
        "so who sits at the table, which countries",
    ] {
        assert_answers(&e, q, "Erdogan", 2);
    }
}

#[test]
fn someones_words_may_be_asked_about_by_when_or_by_role() {
    let e = engine();
    // A time is what "when did X warn" asks for, not X's words.
    assert_answers(&e, "when did de mistura issue his warning", "last week", 13);
    // A role played is a part taken, not a post.
    assert_answers(
        &e,
        "what role did jaberi ansari think iran and turkey could play",
        "facilitate",
        7,
    );
}

#[test]
fn were_before_a_verb_is_where_and_what_caused_asks_why() {
    let e = engine();
    assert_eq!(
        e.index.query("were did the three leaders meet").want,
        Some(Want::Place)
    );
    assert_eq!(
        e.index
            .query("what caused so many people to be displaced")
            .want,
        Some(Want::Reason)
    );
    assert_eq!(
        e.index.query("were the ceasefires broken").want,
        Some(Want::YesNo)
    );
}

#[test]
fn the_slip_rules_keep_to_where_they_hold() {
    let e = engine();
    // "were" later in a message may end a clause whose punctuation the
    // tokens lost: no "where" there.
    assert_ne!(
        e.index.query("if they were, would turkey accept").want,
        Some(Want::Place)
    );
    // A name's possessive without its apostrophe is the name, no slip.
    assert_answers(&e, "irans top diplomat", "Jaberi Ansari", 5);
    // The gathering of forces is theirs, not the summit.
    assert_answers(
        &e,
        "the gathering of forces near idlib, who is it",
        "troops",
        8,
    );
    // "what led to" is no "why": what the displacement came from.
    assert_answers(
        &e,
        "what led to the displacement of civilians",
        "conflict",
        12,
    );
    // No phrase makes someone speak for a country the article gives no
    // one for.
    assert_eq!(ask(&e, "who is speaking for syria at the summit").0, None);
}

#[test]
fn what_leaders_meet_about_is_the_summits_purpose() {
    let e = engine();
    // Named, the leaders had made the purpose look like an answer about
    // someone else (Syria's province, not them), so it was declined.
    assert_answers(
        &e,
        "what are rowhani, putin and erdogan meeting about",
        "Idlib",
        1,
    );
    assert_answers(
        &e,
        "what is putin meeting erdogan and rowhani about",
        "Idlib",
        1,
    );
    // After a lead-in ("so", "ok so") too.
    assert_answers(
        &e,
        "so what are putin, erdogan and rowhani meeting about",
        "Idlib",
        1,
    );
    assert_answers(&e, "ok so what is the meeting in tehran about", "Idlib", 1);
    // What the summit is for is its purpose: "for" alone had left only
    // "summit" to read, which every fact about it matches alike.
    for q in [
        "what's the tehran summit for?",
        "so what is this meeting really for",
        "what are they meeting for",
    ] {
        assert_answers(&e, q, "Idlib", 1);
    }
    // Not what something is known for.
    let (answer, _) = ask(&e, "what is latakia known for");
    assert!(
        !answer.as_deref().unwrap_or("").contains("fate of"),
        "{answer:?}"
    );
    // Not why someone skipped or left a meeting, which the article never
    // says.
    for q in [
        "why did rowhani leave the meeting early",
        "why did putin skip the summit",
    ] {
        let (answer, _) = ask(&e, q);
        assert!(
            !answer.as_deref().unwrap_or("").contains("fate of"),
            "{q:?}: {answer:?}"
        );
    }
    // Why they meet is what they meet over, typed in a hurry too.
    for q in [
        "why are erdogan, putin and rowhani meeting",
        "why is putin n rowhani n erdogan meetin",
    ] {
        assert_answers(&e, q, "Idlib", 1);
    }
    assert_answers(
        &e,
        "which leader did erdogan and rowhani join after their one on one",
        "Putin",
        3,
    );
}

#[test]
fn the_hopeful_diplomat_is_named() {
    let e = engine();
    // Paragraph 4's diplomat is the Jaberi Ansari of paragraph 5: asked
    // who, the answer names him.
    assert_answers(
        &e,
        "which iranian official is hopeful about a compromise",
        "Jaberi Ansari",
        4,
    );
}

#[test]
fn people_who_fled_are_refugees() {
    // Counting people, the refugees' fact had lacked "people".
    assert_answers(
        &engine(),
        "how many people who have fled syria does turkey take in",
        "3.5 million",
        16,
    );
}

#[test]
fn an_exact_figure_is_not_given_by_thousands() {
    let e = engine();
    // "Thousands of rebels" is no figure: the article does not give one.
    assert_eq!(
        ask(
            &e,
            "what is the exact number of rebels that were evacuated to idlib"
        )
        .0,
        None
    );
    // A figure the article gives is still given.
    assert_answers(
        &e,
        "exactly how many observation posts does turkey have",
        "12",
        16,
    );
    assert_answers(
        &e,
        "how many rebels were evacuated to idlib",
        "housands",
        10,
    );
}

#[test]
fn the_rules_of_stop_47_keep_to_where_they_hold() {
    let e = engine();
    // Only what people meet or talk about is exempt from the answer being
    // about someone else; why someone acts is not.
    let (answer, _) = ask(&e, "why is erdogan determined to take idlib by force");
    assert!(
        !answer.as_deref().unwrap_or("").contains("To discuss"),
        "{answer:?}"
    );
    // Idlib's displaced fled inside Syria: not Turkey's refugees.
    let (answer, _) = ask(&e, "how many people who fled are in idlib");
    assert!(
        !answer.as_deref().unwrap_or("").contains("3.5 million"),
        "{answer:?}"
    );
    // A count of years is given exactly by "three years"; "one of the
    // zones" is no count of them.
    assert_answers(
        &e,
        "exactly how many years have rebels been evacuated to idlib",
        "three years",
        10,
    );
    assert_eq!(
        ask(&e, "exactly how many de-escalation zones are there").0,
        None
    );
    // The one-on-one before the summit is still confirmed.
    assert_answers(&e, "did erdogan have a one-on-one with rowhani", "Yes", 3);
    // "what he said" is a question of its own after chatter.
    assert_answers(
        &e,
        "erdogan spoke this week. i forgot what he said",
        "Erdogan said",
        14,
    );
}

#[test]
fn why_idlib_is_called_the_last_stronghold() {
    // Why it is called "the last" something is what it is: the last rebel
    // stronghold (it had been declined).
    assert_answers(
        &engine(),
        "everyone calls idlib the last something. why?",
        "last rebel stronghold",
        1,
    );
}

#[test]
fn the_world_body_and_its_mediator_are_the_un_and_its_envoy() {
    let e = engine();
    // News calls the UN "the world body" and its envoy its "mediator" or
    // "point man" (to mediate is still to broker; these had been declined).
    assert_answers(
        &e,
        "which man is the world body's mediator on syria",
        "de Mistura",
        13,
    );
    assert_answers(
        &e,
        "when did the un point man issue a warning about idlib",
        "last week",
        13,
    );
}

#[test]
fn asked_whether_someone_did_it_the_one_who_did_answers() {
    let e = engine();
    // "is idlib controlled by islamic state": the fact saying who controls
    // it answers, with no verdict (it had been declined, its answer naming
    // another group than the one asked about).
    let (answer, cited) = ask(&e, "is idlib dominated by the islamic state group");
    let answer = answer.expect("answered");
    assert!(
        answer.starts_with("Idlib is largely controlled by Hayat Tahrir al-Sham"),
        "{answer:?}"
    );
    assert_eq!(cited, Some(11));
    // Past an article ("led by an al-Qaeda-affiliated group"): asked
    // whether the alliance is led by another group, what leads it answers
    // (it had got who controls Idlib, which says nothing of its leaders).
    assert_answers(
        &e,
        "is hayat tahrir al sham headed by islamic state",
        "led by an al-Qaeda",
        11,
    );
    // Only who did it: one acting otherwise is still someone else. (The
    // answer about Iran leaves out the rebels its sentence names, so the
    // sentence is shown, Turkey's part and all.)
    let (answer, _) = ask(&e, "does iran back the rebels");
    assert!(
        answer
            .as_deref()
            .unwrap_or("")
            .contains("Iran and Russia support the regime"),
        "{answer:?}"
    );
}

#[test]
fn regarding_is_about() {
    // "regarding" says no more than "about" (it had been read as a word
    // the article lacks, and the question declined).
    assert_answers(
        &engine(),
        "erdogan gave what warning regarding the refugees",
        "refugee influx",
        15,
    );
}

#[test]
fn the_last_area_held_by_the_rebels_is_their_last_stronghold() {
    // An area (territory, region) held by someone is their stronghold
    // (this had been given Damascus's intent to take Idlib by force).
    assert_answers(
        &engine(),
        "which territory held by the opposition is the last one",
        "last rebel stronghold",
        1,
    );
}

#[test]
fn the_part_of_syria_still_held_by_the_rebels_is_their_last_stronghold() {
    // The place named apart from "still held by" by the country it is in
    // (this had been given the rebels' evacuation to Idlib, ¶10).
    assert_answers(
        &engine(),
        "whats the one part of syria still held by the anti-government side these days",
        "last rebel stronghold",
        1,
    );
}

#[test]
fn a_fight_about_to_kick_off_is_about_to_start() {
    // Chat shorthand for what the troops prepare (this had been declined).
    assert_answers(
        &engine(),
        "so what's the syrian military up to near idlib, is something about to kick off or what",
        "amassed",
        8,
    );
}

#[test]
fn a_figure_asked_for_is_a_number() {
    // "gave a figure" asks how many, as "how many" does ("what figure"
    // may ask who); "gave" is "give" (this had been given the warning's
    // time, "last week").
    assert_answers(
        &engine(),
        "de mistura gave a figure for al qaeda fighters, what was it",
        "10,000",
        13,
    );
}

#[test]
fn among_facts_a_question_covers_equally_the_one_giving_the_kind_asked_for_is_weighed() {
    // Every fact saying "summit" covers "when is this summit" equally; the
    // one whose answer gives a time is among those weighed in full (it
    // had been cut by the facts' order, and the question declined).
    assert_answers(&engine(), "so when is this summit", "Friday", 15);
}

#[test]
fn whereabouts_asks_where() {
    // "whereabouts" asks for a place, as "where" does (it had been read as
    // a word the article lacks, and the question declined).
    assert_answers(&engine(), "whereabouts is idlib", "northern province", 1);
}

#[test]
fn a_statement_tagged_right_is_a_yes_no_question() {
    // "…, right?" asks for the statement to be confirmed: answered as
    // "is idlib controlled by isis" is, by who does control it (it had
    // been read as a statement, and declined).
    assert_answers(
        &engine(),
        "idlib is controlled by isis, right?",
        "Hayat Tahrir al-Sham",
        11,
    );
}

#[test]
fn a_cease_fire_written_apart_is_a_ceasefire() {
    // "cease fires" in two words (it had been read as two words the
    // article lacks, and the question declined).
    assert_answers(&engine(), "did the cease fires hold", "broken", 20);
}

#[test]
fn the_figure_asked_for_is_a_number() {
    // "what's the figure" asks how many: not the fact whose phrasings say
    // "figure" and "use" ("which american figure…", "what word did trump
    // use"), which it had been given.
    let (answer, _) = ask(&engine(), "whats the figure the article uses?");
    assert!(
        answer.as_deref().is_none_or(|a| !a.contains("Trump")),
        "{answer:?}"
    );
}

#[test]
fn a_phrase_is_read_as_one_beside_a_misspelt_word() {
    // With a typo corrected elsewhere, "taking place" is still "held" and
    // "cease fires" still "ceasefires" (phrases had been read only when
    // every word was typed right: the first was given where Idlib is, the
    // second declined).
    assert_answers(&engine(), "where is the sumit taking place", "Tehran", 1);
    assert_answers(&engine(), "did the cease fires realy hold", "broken", 20);
}

#[test]
fn what_people_talked_about_is_not_answered_by_their_meeting() {
    // The article says Erdogan met Rowhani, not what they said: a fact
    // reporting no one's words does not answer what people named talked
    // about or agreed on (it had been given the meeting).
    let e = engine();
    for q in [
        "what did putin and rowhani chat about before erdogan got there",
        "what did erdogan and rowhani talk about when they met up",
        // After a greeting too.
        "hey what did erdogan and rowhani chat about when they met",
    ] {
        let (answer, _) = ask(&e, q);
        assert_eq!(answer, None, "{q:?}");
    }
    // What earlier summits agreed on is their outcome, which it gives.
    assert_answers(&e, "what did earlier summits agree on", "de-escalation", 20);
}

#[test]
fn asked_for_someones_words_the_fact_from_that_sentence_saying_more_of_it_answers() {
    // Erdogan's one sentence gives two facts: cooperating with Russia, and
    // the refugee influx. Asked what he stressed about working with
    // Moscow, the one whose answer names it answers (it had been given the
    // refugees, the more probable on the message's other words).
    assert_answers(
        &engine(),
        "erdogan mentioned russia ahead of friday, what did he stress about working with moscow",
        "cooperating with Russia",
        15,
    );
}

#[test]
fn what_place_a_meeting_is_about_is_its_topic() {
    // "what province are … talks about" asks what they are about, not
    // where they are held (it had been given Tehran).
    assert_answers(
        &engine(),
        "so what province are the three presidents' talks about",
        "Idlib",
        1,
    );
}

#[test]
fn what_a_meeting_is_about_right_now_is_its_topic() {
    // A trailing "right now" ("now") asks nothing more (it had hidden the
    // "about" that ends the question, and the presidents were listed).
    assert_answers(
        &engine(),
        "what are the presidents meeting about right now",
        "Idlib",
        1,
    );
}

#[test]
fn the_troops_answer_says_what_they_are_massing_for() {
    // The buildup's answer keeps the sentence's purpose: asked what the
    // troops are getting ready for, "amassed near the countryside" alone
    // left the question unanswered.
    assert_answers(
        &engine(),
        "wat are syrian troops preping for near idleb",
        "final assault",
        8,
    );
}

#[test]
fn cautioning_is_saying() {
    // "caution" asks for someone's words, as "warn" does (de Mistura's
    // role had been given instead of his warning).
    let e = engine();
    assert_answers(&e, "what did de mistura caution about", "endanger", 13);
    assert_answers(&e, "what did the un mediator caution about", "endanger", 13);
}

#[test]
fn one_there_on_a_countrys_behalf_represents_it() {
    // "on behalf of" is representing, and a top-level gathering is the
    // summit: both had been declined.
    let e = engine();
    assert_answers(&e, "who is at the talks on behalf of ankara", "Erdogan", 2);
    assert_answers(
        &e,
        "who represents tehran at the high-level gathering",
        "Rowhani",
        2,
    );
}

#[test]
fn a_country_asked_for_its_words_by_its_seat_gets_them() {
    // Every fact naming Russia covers "what did moscow say" equally; the
    // Kremlin's statement had been cut from the candidates by fact order,
    // and the question was declined.
    let e = engine();
    assert_answers(&e, "what did moscow say", "Kremlin", 19);
    assert_answers(&e, "what did the kremiln say", "Kremlin", 19);
}

#[test]
fn a_bare_name_after_a_question_stands_for_the_name_of_its_kind() {
    // "and moscow?" after what Erdogan said about Washington asks what he
    // said about Moscow, not what Moscow said (the Kremlin's statement).
    let e = engine();
    let previous = exchange(&e, "what did erdogan say about washington");
    let r = e.ask_following("and moscow?", Some(&previous));
    assert!(
        !r.answer.as_deref().is_some_and(|a| a.contains("Kremlin")),
        "{r:?}"
    );
    assert!(
        r.taking
            .as_ref()
            .is_some_and(|t| t.read_as.contains("erdogan")),
        "{r:?}"
    );
}

#[test]
fn how_someone_responded_asks_for_the_responders_words() {
    // The article quotes no answer to Erdogan: his own words are what was
    // answered, not the answer.
    let e = engine();
    for q in [
        "how did america react to erdogan's comment on passing the buck",
        "so what was vladimir putin's response to erdogan in the end",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    // The one responding is the one asked about.
    assert_answers(
        &e,
        "how did erdogan respond to the americans and russians",
        "passes the buck",
        17,
    );
}

#[test]
fn a_say_word_inside_a_name_or_after_seeing_asks_for_no_ones_words() {
    // The "state" of Islamic State is no statement, and what someone saw
    // mentioned is not what anyone said: both questions had been read as
    // asking for Assad's words, and declined.
    let e = engine();
    assert_answers(
        &e,
        "who has assad's army been fighting lately, islamic state?",
        "Islamic State",
        21,
    );
    assert_answers(
        &e,
        "apart from rebels who have assad's troops been battling? i saw isis mentioned",
        "Islamic State",
        21,
    );
}

#[test]
fn the_whole_thing_asks_nothing() {
    // "whole" and "entire" say nothing the question needs (had been
    // declined).
    assert_answers(
        &engine(),
        "who is supporting the assad government in this whole mess",
        "Iran and Russia",
        7,
    );
}

#[test]
fn ahead_of_something_is_before_it() {
    // "Ahead of the summit, Erdogan met … Rowhani" says yes to whether
    // they met before it (the evidence had come without a verdict).
    assert_answers(
        &engine(),
        "did erdogan meet with rowhani before the summit",
        "Yes. Ahead of the summit",
        3,
    );
}

#[test]
fn the_rules_of_stop_49_keep_to_where_they_hold() {
    // Found by the review: declaring war is no statement, speaking on
    // Russia's behalf is not representing it at the summit, "the entire
    // province" asks more than the facts on who largely controls it, and
    // a remark by someone the article never quotes is not his job title.
    let e = engine();
    for q in [
        "did turkey declare war on syria",
        "who declared a ceasefire",
        "who has the entire province",
        "putin's remarks?",
        "any remarks from rowhani",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    let r = e.ask("who spoke on behalf of the kremlin");
    assert!(
        !r.answer.as_deref().is_some_and(|a| a.contains("president")),
        "{r:?}"
    );
    // The Kremlin's statement, asked for by the noun.
    assert_answers(&e, "kremlin statement?", "Kremlin said", 19);
}

#[test]
fn the_one_warned_is_not_the_one_speaking() {
    // "Trump warned the Syrian government…": the government is spoken to.
    // Asked for its words, or Assad's answer to the warning, the bot had
    // given Trump's warning as theirs.
    let e = engine();
    for q in [
        "what did the syrian government say about trump",
        "what did assad say back to the us warning",
        "how did damascus react to trump's slaughter warning",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    assert_answers(
        &e,
        "what did trump warn the syrian government about",
        "slaughter",
        18,
    );
}

#[test]
fn a_group_asked_for_its_words_is_declined() {
    // The article quotes no armed group: asked what one said, the bot had
    // answered with what the article says about it ("Yes." to whether the
    // rebels said anything, from their evacuation). A group named
    // elsewhere in the question still asks for no one's words.
    let e = engine();
    for q in [
        "did the rebels say anything",
        "what did hts say",
        "what did al qaeda say about the talks",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    assert_answers(
        &e,
        "how many al qaeda linked fighters did the un envoy say are in idlib",
        "10,000",
        13,
    );
}

#[test]
fn words_asked_of_someone_described_are_not_who_he_is() {
    // Asked what an official the question describes (not names) told the
    // press, the bot had answered with who Jaberi Ansari is, which gives
    // none of his words. Asked who he is, that fact still answers.
    let e = engine();
    for q in [
        "what did iran's senior syria envoy tell domestic press the province needed to be freed from?",
        "what did the iranian official say idlib had to be liberated from",
    ] {
        assert_answers(&e, q, "terrorists", 5);
    }
    assert_answers(&e, "who is the iranian official quoted", "Jaberi Ansari", 5);
    // What the article says about him may be who he is, as may his post
    // asked about with what he said.
    for q in [
        "what does the article say about the iranian official",
        "what does the piece say about jaberi ansari",
        "what job does the official that told iranian media have",
    ] {
        assert_answers(&e, q, "Jaberi Ansari", 5);
    }
}

#[test]
fn a_question_clause_the_article_is_known_not_to_answer_is_declined() {
    // Read whole, the greeting and sign-off had found a fact (Jaberi
    // Ansari's hope for a compromise); the question clause alone is the
    // summit's outcome, which the article does not report.
    let e = engine();
    for q in [
        "Good evening all. I wonder what agreement the leaders eventually reached at the end of their summit in Tehran. Kind regards.",
        "hello friends. what final agreement was reached at the end of the tehran summit? cheers",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    assert_answers(
        &e,
        "hello there. where is the summit being held? thanks a lot",
        "Tehran",
        1,
    );
    // Asked with another question the article answers, that one is.
    assert_answers(
        &e,
        "hey. what did they agree in the end? or at least how many observation posts does turkey have?",
        "12",
        16,
    );
}

#[test]
fn the_rules_of_stop_51_keep_to_where_they_hold() {
    let e = engine();
    // "per the report" is where the asker read it, not what is asked.
    assert_answers(
        &e,
        "how many civilians are in idlib per the report? my notes say 4 million",
        "3 million",
        12,
    );
    // What the article says is no one's words: Assad is not the speaker.
    assert_answers(
        &e,
        "how has russia helped assad's forces lately? curious what the article says",
        "air power",
        21,
    );
    // A country's role, with a word between, is no post asked for, even in
    // a question that names a person.
    assert_answers(
        &e,
        "what is russia's military role for assad's army",
        "air power",
        21,
    );
    // "what's … called" (read without its "'s") asks a name, not the
    // words of the one it names.
    assert_answers(
        &e,
        "what's the syrian president called",
        "Bashar al-Assad",
        7,
    );
    // "the iranian and turkish presidents" are Rowhani and Erdogan, each
    // by his own alias; three together stay the leaders who met before.
    assert_answers(
        &e,
        "once the iranian and turkish presidents had talked, who joined them",
        "joined Putin",
        3,
    );
    assert_answers(
        &e,
        "who are the iranian and turkish presidents",
        "Rowhani",
        2,
    );
    // "my teacher said…": the teacher's words, not the government's named
    // before them (it had been declined as the government's words).
    assert_answers(
        &e,
        "trying to get why the syrian govt wants this province so badly, my teacher said its about russia? true?",
        "strategically important",
        9,
    );
    // A question clause of names alone is no known gap: the clause before
    // says what is asked about (it had been declined).
    assert_answers(
        &e,
        "quick one: the 'mature politically' remark about turkey and iran, was that rowhani or jaberi ansari?",
        "sufficiently mature",
        7,
    );
    // Names offered as alternatives: the answer names one of them.
    for q in [
        "is latakia held by the rebels or by assad",
        "is latakia a rebel province or an assad one",
    ] {
        assert_answers(&e, q, "stronghold of al-Assad", 9);
    }
}

#[test]
fn a_leaders_envoy_speaks_for_his_country() {
    // "what did rowhani's diplomat say" asks for Iran's words (his
    // envoy's), not Rowhani's: none of Rowhani's are quoted, and the
    // question had been declined.
    let e = engine();
    let key = |q: &str| {
        e.index
            .query(q)
            .speaker
            .map(|s| e.lexicon.entity(s).key.clone())
    };
    assert_eq!(
        key("what did rowhani's diplomat say about the civilians").as_deref(),
        Some("iran")
    );
    assert_eq!(key("what did rowhani say").as_deref(), Some("rowhani"));
    assert_answers(
        &e,
        "what did rowhanis diplomat say abt the civilians",
        "civilians",
        5,
    );
}

#[test]
fn places_the_article_never_mentions_are_somewhere_else() {
    // No fact is about Germany or Paris, however well "refugees" and
    // "host" match Turkey's.
    let e = engine();
    for q in [
        "how many refugees does germany host",
        "what is the population of paris",
        "did the french president warn against an attack",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?}", r.answer);
    }
    // Where the asker (or whoever they speak of) is from, or where they
    // read it, is not what they ask about; nor a place offered beside one
    // the article names.
    for q in [
        "hello from brazil! how many civilians live in idlib?",
        "my neighbour in berlin asked how many civilians live in idlib",
        "my german friend asked how many civilians live in idlib",
    ] {
        assert_answers(&e, q, "3 million", 12);
    }
    assert_answers(
        &e,
        "is the biggest russian airbase in latakia or in egypt",
        "Latakia",
        9,
    );
    // In a long message a place is most often an aside.
    assert_answers(
        &e,
        "hey the iranian aide said turkey and iran are mature?? what were his exact words, need them for a class presentation in vienna tomorrow ty",
        "mature",
        7,
    );
    // The weather is not the article's, after "it" or "its": "rain" is in a
    // phrasing ("rockets rained down") but the question is about the
    // weekend.
    for q in [
        "is it gonna rain this weekend",
        "hows the weather up north",
        "does anyone know if its going to rain tonight",
        "think its gonna snow friday",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?}", r.answer);
    }
    // Missiles raining down are no weather.
    assert_answers(
        &e,
        "erdogan reckons its going to rain rockets on those towns right",
        "missiles",
        14,
    );
}

#[test]
fn how_many_is_not_answered_by_a_fact_without_a_number() {
    // The article says troops were amassed, not how many: the facts saying
    // so are ruled out, not merely less likely.
    let e = engine();
    let q = "how many soldiers has damascus massed near idlib, like a number";
    let readings = e.read(q);
    let amassed: Vec<_> = readings
        .iter()
        .flat_map(|r| &r.considered)
        .filter(|c| {
            e.fact(c.fact_id)
                .is_some_and(|f| f.answer.contains("amassed troops"))
        })
        .collect();
    assert!(!amassed.is_empty());
    assert!(amassed.iter().all(|c| c.ruled_out));
    assert!(!e.ask(q).answered);
}

#[test]
fn what_someone_is_doing_is_not_who_they_are() {
    let e = engine();
    for q in [
        "so what's vladimir putin doing over in tehran",
        "what is hassan rowhani up to these days",
    ] {
        let r = e.ask(q);
        let answer = r.answer.clone().unwrap_or_default();
        assert!(
            !answer.contains("is Iran's president")
                && !answer.starts_with("Iran's Hassan Rowhani,"),
            "{q:?}: {answer:?}"
        );
    }
    // What the army is doing is what it does.
    assert_answers(&e, "what are assad's troops doing by idlib", "amassed", 8);
    // A "what" that asks which, or a message asking who as well, is not
    // asking what someone is doing.
    assert_answers(
        &e,
        "what presidents are doing the talking in tehran",
        "Putin",
        2,
    );
    assert_answers(
        &e,
        "who are the presidents there and what are they doing",
        "Putin",
        2,
    );
}

#[test]
fn which_part_of_the_country_asks_where() {
    let e = engine();
    assert_answers(
        &e,
        "in which part of the country does idlib lie",
        "north-western",
        9,
    );
}

#[test]
fn anti_assad_names_the_rebels_not_assad() {
    // "anti-regime" is the other side from the regime, not the regime.
    let e = engine();
    assert_answers(
        &e,
        "which country supports the anti-regime camp",
        "rebels",
        7,
    );
    assert_answers(&e, "who backs the anti-assad side", "Turkey", 7);
}

#[test]
fn how_many_more_is_not_answered_by_a_total() {
    // The article gives totals, never an increase.
    let e = engine();
    for q in [
        "how many more syrian refugees can turkey absorb",
        "how many additional rebels were bussed to idlib this year",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    assert_answers(
        &e,
        "how many syrian refugees can turkey absorb",
        "3.5 million",
        16,
    );
    // A total asked beside it is still answered.
    assert_answers(
        &e,
        "how many syrian refugees does turkey have, and how many more could it absorb",
        "3.5 million",
        16,
    );
}

#[test]
fn how_many_of_a_figure_given_is_not_answered_by_that_figure() {
    // The asker already has the whole; the article gives no part of it.
    let e = engine();
    for q in [
        "how many of the 12 turkish observation posts have come under fire",
        "of the 3.5 million syrian refugees in turkey how many fled idlib",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
    }
    // Nor is one to be confirmed.
    assert_answers(
        &e,
        "how many refugees is turkey hosting, 3.5 million?",
        "3.5 million",
        16,
    );
    // A figure offered as a guess among others is not given.
    let readings = e.read("how many rebels were moved to idlib, hundreds or thousands");
    let thousands: Vec<_> = readings
        .iter()
        .flat_map(|r| &r.considered)
        .filter(|c| {
            e.fact(c.fact_id)
                .is_some_and(|f| f.answer.starts_with("Thousands of rebels"))
        })
        .collect();
    assert!(!thousands.is_empty());
    assert!(thousands.iter().all(|c| !c.ruled_out));
    // A share of the whole given is a figure the asker lacks.
    assert_answers(
        &e,
        "idlib has 3 million civilians right, how many of them are displaced",
        "A third",
        12,
    );
}

#[test]
fn where_is_not_answered_by_a_fact_naming_no_place() {
    // Whom Putin was joined by says nothing of where.
    let e = engine();
    assert_answers(&e, "the three-way talks, where", "Tehran", 1);
    let r = e.ask("where was the trilateral meeting that putin joined");
    assert!(
        r.answer
            .as_deref()
            .is_none_or(|a| !a.contains("joined Putin")),
        "{:?}",
        r.answer
    );
    // The summit is where issues get resolved.
    assert_answers(
        &e,
        "where are the issues going to be resolved",
        "Friday's summit",
        15,
    );
    // A "where" after "about" opens a clause too.
    assert_answers(
        &e,
        "what did erdogan say about where syrians would flee to",
        "refugee influx",
        15,
    );
}

#[test]
fn why_is_not_answered_by_a_list_or_a_yes() {
    // Neither the three presidents' names nor "they have met before" says
    // why they met; the summit's purpose does, or nothing.
    let e = engine();
    let r = e.ask("why have the leaders met in tehran");
    if let Some(answer) = r.answer {
        assert!(answer.contains("fate of Syria"), "{answer:?}");
    }
    // Leaders gathering are meeting, not troops massing.
    assert_answers(
        &e,
        "what did the presidents gather to discuss",
        "fate of Syria",
        1,
    );
    // "kindly" is politeness, not a word to match.
    let r = e.ask("kindly tell me which province the leaders have gathered to talk about");
    assert!(
        r.answer.as_deref().is_none_or(|a| a.contains("Idlib")),
        "{:?}",
        r.answer
    );
}

#[test]
fn of_facts_from_one_sentence_the_one_saying_more_of_the_question_answers() {
    let e = engine();
    // "…have made territorial gains…", not only "…supported by Russian air
    // power".
    assert_answers(
        &e,
        "what does the piece say about assad's gains",
        "gains",
        21,
    );
    // "…near the Idlib countryside", not what the troops prepare for.
    assert_answers(
        &e,
        "which part of the province have the government's soldiers been massing near",
        "countryside",
        8,
    );
    // Not when the question sets those words aside: working with Russia is
    // what Erdogan's other worry is not.
    assert_answers(
        &e,
        "erdogan talks about working with russia, but was anything else worrying him for turkey",
        "refugee",
        15,
    );
}

#[test]
fn a_place_is_no_one_who_does_something_but_a_capital_acts_for_its_government() {
    let e = engine();
    // "…take Idlib by force" names a place, not who runs the government.
    assert_answers(
        &e,
        "who is in charge of the government in damascus",
        "Bashar al-Assad",
        7,
    );
    // Damascus itself is the government that acts.
    assert_answers(&e, "who wants to take idlib by force", "Damascus", 1);
}

#[test]
fn what_a_question_sets_aside_is_not_its_answer() {
    // The summit helping resolve issues is what Erdogan said; asked what
    // else, another of his points.
    let (answer, _) = ask(
        &engine(),
        "besides the summit helping resolve issues, what else did erdogan say",
    );
    let answer = answer.expect("answered");
    assert!(!answer.contains("resolve issues"), "{answer:?}");
}

#[test]
fn a_death_toll_is_asked_for_however_the_question_opens() {
    // The article gives no toll: not Erdogan's refugee worry, Assad's air
    // support or the broken ceasefires.
    let e = engine();
    for q in [
        "what was the death toll of the latest offensive",
        "whats the toll so far from assad's advances",
        "how bad was the death toll when the ceasefires broke",
    ] {
        let r = e.ask(q);
        assert!(!r.answered, "{q:?}: {:?}", r.answer);
    }
    // What someone said about deaths is their words, not a toll.
    assert_answers(
        &e,
        "what did the un envoy say about civilian deaths",
        "endanger civilians",
        13,
    );
}

#[test]
fn an_answer_about_one_person_asked_about_is_not_about_someone_else() {
    // The answer names Erdogan, whom the question asks about; Putin, left
    // out, is only when. It had been ruled out as an answer about someone
    // other than Putin.
    let e = engine();
    assert_answers(
        &e,
        "who did erdogan meet before putin came in",
        "Rowhani",
        3,
    );
    // Only the first person the question names: asked whom Putin met, an
    // answer about Erdogan's meeting is about someone else.
    let r = e.ask("who did putin meet before the turkish president came in");
    assert!(
        r.answer
            .as_deref()
            .is_none_or(|a| !a.contains("Erdogan met")),
        "{:?}",
        r.answer
    );
}

#[test]
fn where_someone_came_from_is_where_they_were_moved_from() {
    let e = engine();
    assert_answers(
        &e,
        "where did the insurgents in idlib originally come from",
        "different parts of Syria",
        10,
    );
    // Not outside a question asking where: the fighters' origin is not
    // what the UN envoy's count of them says.
    let r = e.ask("were the fighters in idlib originally from there");
    assert!(
        r.answer.as_deref().is_none_or(|a| !a.contains("10,000")),
        "{:?}",
        r.answer
    );
    // A "where" after "to" in a question asked by "what" opens a clause:
    // no place, no one's origin is asked.
    let q = "what did the kremlin want for the refugees, to go back to where they came from?";
    assert_eq!(e.index.query(q).want, None);
    assert_answers(&e, q, "repatriation", 19);
}

#[test]
fn how_many_of_something_is_not_answered_by_a_time() {
    // "Over the past three years" counts years, not the people moved.
    let e = engine();
    let q = "how many fighters and their kin were moved to idlib under the deals";
    let timeframe: Vec<_> = e
        .read(q)
        .iter()
        .flat_map(|r| &r.considered)
        .filter(|c| {
            e.fact(c.fact_id)
                .is_some_and(|f| f.answer.contains("over the past three years"))
        })
        .cloned()
        .collect();
    assert!(!timeframe.is_empty(), "{q:?}: the time fact is a candidate");
    assert!(timeframe.iter().all(|c| c.ruled_out), "{q:?}");
    // Asked how many years (decades, long years, yrs), the time facts
    // answer.
    assert_answers(
        &e,
        "how many years did the evacuations to idlib go on",
        "three years",
        10,
    );
    for q in [
        "how many decades long has the conflict been",
        "how many long years has the conflict been going on",
        "how many long, hard, painful years has the war lasted",
    ] {
        assert_answers(&e, q, "seven years", 12);
    }
}

#[test]
fn what_a_meeting_is_about_is_not_where_it_is() {
    let e = engine();
    assert_answers(
        &e,
        "what did the three leaders get together to talk about",
        "fate of Syria",
        1,
    );
}

#[test]
fn whom_someone_spoke_to_is_asked_by_a_clause_ending_in_to() {
    // "…say all this to?" asks whom he told, whatever follows it.
    let e = engine();
    assert_answers(
        &e,
        "so who did the foreign ministry guy from iran say all this to? press, tv, who knows",
        "Iranian media",
        5,
    );
}

#[test]
fn a_later_question_clause_counts_only_when_its_answer_is_sure() {
    let e = engine();
    // Read alone, the later clause finds its answer.
    assert_answers(
        &e,
        "what is the story here?? when does the summit take place, thanks",
        "Friday",
        15,
    );
    // A middling match for it is no answer: the article gives no troops.
    let q = "what's the deal?? how many soldiers does turkey keep in idlib, thanks";
    let r = e.ask(q);
    assert!(!r.answered, "{q:?}: {:?} ({})", r.answer, r.confidence);
}

#[test]
fn when_something_happened_is_answered_by_what_it_came_ahead_of() {
    // "Ahead of the summit, Erdogan met…" says when they met.
    let e = engine();
    assert_answers(
        &e,
        "when did erdogan and rouhani have their own meeting",
        "Ahead of the summit",
        3,
    );
    // Not when the answer leaves out whom the question names: they met
    // Putin at the summit.
    // Nor when it asks something else of them, or which of their
    // meetings.
    for q in [
        "when did erdogan meet putin",
        "when did erdogan criticize rowhani",
        "when did erdogan meet rowhani for the first time",
        "when did erdogan meet rowhani in 2017",
    ] {
        assert_not_answered_with(&e, q, "Ahead");
    }
    // Asked the day, it names none.
    let q = "which day did erdogan meet rowhani";
    let r = e.ask(q);
    assert!(
        !r.answered || !r.answer.as_deref().unwrap_or("").contains("Ahead"),
        "{q:?}: {:?}",
        r.answer
    );
}

#[test]
fn what_a_meeting_is_about_said_again_more_narrowly_is_asked_first() {
    // The narrower clause alone ("which region are they fighting over")
    // finds no fact; the question before it is what the summit is about.
    let e = engine();
    assert_answers(
        &e,
        "hi! what is the tehran meeting about, like which region are the leaders fighting over?",
        "fate of Syria",
        1,
    );
    // Another question so narrowed asks the narrower one, and so does a
    // place the narrower clause surely finds alone.
    assert_answers(
        &e,
        "what is the summit about, like which province borders idlib",
        "Latakia",
        9,
    );
    assert_answers(
        &e,
        "what are the talks about, like what is erdogan worried about",
        "refugee",
        15,
    );
    let q = "why is idlib important, like what is it for the rebels?";
    assert_not_answered_with(&e, q, "strategically");
}

#[test]
fn a_question_word_in_place_of_what_was_done_asks_what_was_done() {
    // Not "what last week?": what he did then.
    let e = engine();
    assert_answers(&e, "wait, de mistura did what last week?", "justify", 13);
    // "said how many…" asks how many.
    assert_answers(
        &e,
        "so, erdogan said how many refugees turkey hosts?",
        "3.5 million",
        16,
    );
}

#[test]
fn which_of_a_kind_of_people_asks_for_more_than_one() {
    // One president's identity is no answer to which presidents.
    let e = engine();
    for q in [
        "which presidents are at the negotiating table?",
        "what leaders are at the table",
    ] {
        let r = e.ask(q);
        assert!(
            !r.answer
                .as_deref()
                .unwrap_or("")
                .contains("is Russia's president"),
            "{q:?}: {:?}",
            r.answer
        );
    }
    // Asked which one, or which of a country's, it is.
    assert_answers(&e, "which president is russian", "Putin", 2);
    assert_answers(&e, "which leaders are from iran", "Rowhani", 2);
    assert_answers(&e, "which people are special envoys", "de Mistura", 13);
}

#[test]
fn the_writing_asked_about_is_no_word_of_the_question() {
    // "in this story" says nothing of what is asked.
    let e = engine();
    let texts = |q: &str| -> Vec<String> {
        e.index
            .query(q)
            .terms
            .iter()
            .map(|t| t.text.clone())
            .collect()
    };
    let story = texts("who exactly is assad in this story?");
    assert!(!story.iter().any(|t| t.starts_with("stor")), "{story:?}");
    // Someone's report is a word of it, and so is the writing asked
    // about itself.
    let report = texts("what did the kremlin's report say");
    assert_eq!(report.len(), 2, "{report:?}");
    let reported = texts("who reported this story");
    assert!(
        reported.iter().any(|t| t.starts_with("stor")),
        "{reported:?}"
    );
    assert_answers(
        &e,
        "quick one: who exactly is staffan de mistura in this story? cheers",
        "special envoy",
        13,
    );
}

#[test]
fn someones_words_or_mind_asked_are_not_who_they_are() {
    // Who the described official is answers none of these.
    let e = engine();
    for q in [
        "who did iran's senior official say must be protected",
        "the foreign ministry aide, what's his mood going in",
    ] {
        assert_not_answered_with(&e, q, "senior aide");
    }
    assert_answers(
        &e,
        "who did iran's senior official say must be protected",
        "civilians",
        5,
    );
    assert_answers(
        &e,
        "is the iranian foreign ministry man optimistic",
        "hopeful",
        4,
    );
    // Asked his post, who "they say" or "call" him, or with a claim
    // "according to someone", who he is answers.
    for q in [
        "sorry, what position does the iranian official hold",
        "who do they say the iranian diplomat is",
        "who do they call the un's special envoy",
        "according to someone, de mistura is the un envoy, true?",
    ] {
        let r = e.ask(q);
        assert!(
            r.answer
                .as_deref()
                .is_some_and(|a| a.contains("senior aide") || a.contains("UN special envoy")),
            "{q:?}: {:?}",
            r.answer
        );
    }
    // Asked who he is, or which official is hopeful, it answers.
    assert_answers(
        &e,
        "who is iran's senior diplomat for syria",
        "Jaberi Ansari",
        5,
    );
    assert_answers(
        &e,
        "which iranian official is hopeful about a compromise",
        "Jaberi Ansari",
        4,
    );
}

#[test]
fn lookouts_are_observation_posts_and_a_dozen_is_twelve() {
    let e = engine();
    // A lookout base is a post to watch from, not the airbase.
    assert_answers(
        &e,
        "how many lookout bases has turkey got in idlib",
        "12 observation posts",
        16,
    );
    assert_answers(
        &e,
        "does turkey have a dozen observation posts in idlib",
        "Yes.",
        16,
    );
    assert_answers(&e, "where is the russian airbase", "Latakia", 9);
}

#[test]
fn how_many_counts_the_noun_after_the_words_saying_what_kind() {
    let e = engine();
    let warning = "De Mistura warned that the presence of 10,000 al-Qaeda-linked fighters \
                   does not justify an attack that could endanger civilians' lives.";
    // "jihadist" says what kind of fighters are counted.
    let kind = e.index.query("how many jihadist fighters are there");
    assert!(e.index.counts_in(warning, &kind));
    assert!(e.index.counts_in(
        "Turkey has 12 observation posts in Idlib.",
        &e.index
            .query("how many military observation outposts does ankara run")
    ));
    // A verb after what is counted is no part of it.
    let living = e.index.query("how many people living there are displaced");
    assert!(!e
        .index
        .counts_in("Thousands of rebels live there.", &living));
    // A state is what is counted, not a kind: not the whole population.
    let displaced = e.index.query("how many uprooted civilians live in idlib");
    assert!(!e
        .index
        .counts_in("Idlib has a population of 3 million civilians.", &displaced));
}

#[test]
fn a_yes_no_question_answered_by_a_list_of_names_gets_the_sentence() {
    // The names alone say nothing of what they do; the sentence does.
    let e = engine();
    assert_answers(&e, "is putin at the summit", "are meeting", 2);
    // Asked who, the names are the answer.
    assert_answers(&e, "who are the three presidents", "Hassan Rowhani", 2);
    assert_not_answered_with(&e, "who are the three presidents", "meeting");
}

#[test]
fn whats_the_deal_with_asks_what_it_is_about() {
    // Not a deal struck.
    let e = engine();
    let terms: Vec<String> = e
        .index
        .query("whats the deal with latakia")
        .terms
        .iter()
        .map(|t| t.text.clone())
        .collect();
    assert!(
        !terms.iter().any(|t| t.starts_with("compromis")),
        "{terms:?}"
    );
    assert_answers(
        &e,
        "whats the deal with latakia",
        "Latakia is a province",
        9,
    );
    assert_answers(
        &e,
        "the article is about idlib right, who runs this province",
        "Hayat Tahrir al-Sham",
        11,
    );
    // "That province" is the one named before it, when the question asks
    // what it is; asked something else, it is the article's province.
    assert_answers(
        &e,
        "so my friend brought up latakia earlier, what's the deal with that province?",
        "Latakia is a province",
        9,
    );
}

#[test]
fn how_something_would_be_done_is_not_who_someone_is() {
    let e = engine();
    assert_not_answered_with(
        &e,
        "how would the iranian official go about it",
        "senior aide",
    );
    // Nor why something is so: how the aide thinks the leaders will weigh
    // the two priorities is not why Idlib is a dilemma.
    assert_not_answered_with(
        &e,
        "how does iran's aide think the leaders will weigh the two priorities",
        "dilemma",
    );
    assert_answers(
        &e,
        "how does the iranian official characterise idlib",
        "dilemma",
        5,
    );
    // Asked how he is described, who he is answers.
    assert_answers(
        &e,
        "how would you describe de mistura",
        "UN special envoy",
        13,
    );
}

#[test]
fn whose_figure_the_question_gives_is_who_it_asks_for() {
    let e = engine();
    assert_answers(
        &e,
        "which nation keeps 12 observation posts inside the province",
        "Turkey",
        16,
    );
    assert_answers(
        &e,
        "which nation hosts 3.5 million syrian refugees",
        "Turkey",
        16,
    );
}

#[test]
fn a_question_asked_of_the_asker_is_read_alone() {
    let e = engine();
    // Asked of the asker by someone else, up to where the asker goes on
    // about themselves.
    assert_answers(
        &e,
        "my nephew asked how many people live in idlib and i had nothing to tell him",
        "3 million",
        12,
    );
    // "that" happening is what was told before it.
    assert_answers(
        &e,
        "I heard lots of rebels and their families ended up in Idlib. How did that happen?",
        "agreements with the government",
        10,
    );
}

#[test]
fn asked_who_the_three_are_all_three_answer() {
    let e = engine();
    assert_answers(
        &e,
        "ok who are the three men at the table?",
        "Three presidents",
        2,
    );
}

#[test]
fn asked_a_persons_name_a_group_is_no_answer() {
    let e = engine();
    assert_not_answered_with(
        &e,
        "who runs hayat tahrir al-sham, like the man in charge",
        "al-Qaeda-affiliated group",
    );
    assert_not_answered_with(
        &e,
        "who leads hts like the guys name",
        "al-Qaeda-affiliated group",
    );
    assert_not_answered_with(
        &e,
        "what's the guy's name who leads hts",
        "al-Qaeda-affiliated group",
    );
    assert_answers(&e, "who leads hts", "al-Qaeda-affiliated group", 11);
}

#[test]
fn a_yes_no_answer_that_leaves_out_whom_the_question_names_gives_the_sentence() {
    let e = engine();
    // The answer drawn from ¶5 says what he said, not to whom; the
    // sentence says he told Iranian media.
    assert_answers(
        &e,
        "did jaberi ansari talk to the iranian press",
        "told Iranian media",
        5,
    );
}

#[test]
fn a_percentage_asked_for_is_not_given_by_largely() {
    let e = engine();
    assert_not_answered_with(&e, "what percent of idlib is controlled by hts", "largely");
    // "percent" said in passing asks for none.
    assert_answers(
        &e,
        "are you 100 percent sure turkey hosts 3.5 million refugees",
        "3.5 million",
        16,
    );
    // A fraction gives one.
    assert_answers(
        &e,
        "what percentage of idlib's civilians are internally displaced",
        "A third",
        12,
    );
}

#[test]
fn before_or_after_is_answered_by_the_sentence_that_says_which() {
    let e = engine();
    // The answer drawn from ¶3 opens "After meeting each other", which
    // reads as the wrong one of the two offered.
    assert_answers(
        &e,
        "did erdogan meet rowhani before the summit or after it",
        "Ahead of the summit",
        3,
    );
    assert_answers(
        &e,
        "did erdogan meet rowhani ahead of the summit or later",
        "Ahead of the summit",
        3,
    );
    // A time in the sentence settles the order asked.
    assert_answers(
        &e,
        "did de mistura warn before or after the summit",
        "last week",
        13,
    );
    // A sentence with no word of order or time says no more than its
    // answer.
    assert_not_answered_with(
        &e,
        "is idlib controlled by hts before or after the summit",
        "It is largely",
    );
}

#[test]
fn chatter_before_a_colon_is_no_part_of_the_question() {
    let e = engine();
    assert_answers(
        &e,
        "heads up from the break room: where is the russian airbase, does the piece say",
        "Latakia",
        9,
    );
    assert_answers(
        &e,
        "one from the night shift: where is the russian air base in syria",
        "Latakia",
        9,
    );
}

#[test]
fn the_askers_own_plans_and_guesses_are_no_part_of_the_question() {
    let e = engine();
    // What the asker means to do ("when to read up") asks nothing.
    assert_answers(
        &e,
        "hey all, trying to figure out when to read up on this, who is de mistura",
        "UN special envoy",
        13,
    );
    // Nor what they assumed the answer was.
    assert_answers(
        &e,
        "who runs idlib these days? i assumed it was the syrian army but guess not??",
        "Hayat Tahrir al-Sham",
        11,
    );
    // A later clause's question is read from its question word on.
    assert_answers(
        &e,
        "did the kremlin say anything at all? not looking for a fight lol just wondering what they said",
        "Kremlin said",
        19,
    );
}

#[test]
fn a_choice_of_names_is_not_answered_by_a_fact_naming_neither() {
    let e = engine();
    // ¶9's sentence names Russia's airbase, but the answer drawn from it
    // about Latakia names neither country offered.
    assert_not_answered_with(
        &e,
        "hi there from the shop. was it russia or iran that keeps its biggest air base next to idlib? i recall latakia but lost my copy.",
        "main stronghold",
    );
    // An answer naming one of them settles it.
    assert_answers(
        &e,
        "is latakia a rebel area or an assad area",
        "al-Assad",
        9,
    );
    assert_answers(&e, "did turkey or russia back the rebels", "Turkey", 7);
    // Names standing for every one offered choose none of them.
    assert_not_answered_with(&e, "did erdogan meet rowhani or putin earlier", "Yes.");
    // Damascus stands for the syrian government offered.
    assert_answers(
        &e,
        "does the syrian government or turkey want to take idlib by force",
        "Damascus",
        1,
    );
}

#[test]
fn a_link_asked_about_is_answered_by_the_sentence_that_gives_it() {
    let e = engine();
    // The answer drawn from ¶11 names who controls Idlib; what that group
    // is linked to is in its sentence.
    assert_answers(
        &e,
        "the coalition controlling most of idlib, what is it connected to?",
        "al-Qaeda-affiliated",
        11,
    );
    assert_answers(&e, "hts is tied to who", "al-Qaeda-affiliated", 11);
    // Not of someone the answer says who they are: ¶13's sentence is
    // about "al-Qaeda-linked fighters", no link of his.
    assert_answers(
        &e,
        "the un envoy, who is he associated with?",
        "UN special envoy to Syria.",
        13,
    );
}

#[test]
fn which_country_someone_is_from_is_not_a_country_they_spoke_of() {
    let e = engine();
    // "Erdogan stressed the importance of cooperating with Russia." names
    // him and a country, and had answered it.
    assert_answers(&e, "which country is erdogan from", "Turkey's", 2);
}

#[test]
fn a_question_after_chatter_and_but_in_one_clause_is_read_alone() {
    let e = engine();
    assert_answers(
        &e,
        "not trying to be annoying during my break but how many civilians live in idlib according to the piece?",
        "3 million",
        12,
    );
}

#[test]
fn asking_to_be_caught_up_is_no_part_of_the_question() {
    let e = engine();
    assert_answers(
        &e,
        "i kinda missed who staffan de mistura is, can anyone catch me up? ty",
        "UN special envoy",
        13,
    );
}

#[test]
fn the_day_of_the_summit_is_when_it_is() {
    let e = engine();
    assert_answers(&e, "whats the day of the meeting?", "Friday", 15);
}

#[test]
fn a_one_word_question_between_two_keeps_them_together() {
    let e = engine();
    // Read from "connected to anyone?" alone, ¶13's warning had answered.
    assert_answers(
        &e,
        "what type of organisation controls idlib, jihadist? connected to anyone?",
        "Islamist alliance",
        11,
    );
}

#[test]
fn people_fleeing_syria_are_its_refugees() {
    let e = engine();
    assert_answers(
        &e,
        "how many people fleeing syria does turkey shelter",
        "3.5 million",
        16,
    );
}

#[test]
fn how_many_of_them_counts_what_they_stand_for() {
    let e = engine();
    // "supposed" is no thing counted.
    assert_answers(
        &e,
        "de mistura talked about fighters linked to al-qaeda, so how many of them are supposed to be in idlib?",
        "10,000",
        13,
    );
}

#[test]
fn the_word_echoed_before_what_is_in_the_answer() {
    let e = engine();
    assert_answers(
        &e,
        "my uncle keeps saying idlib is the last something. last what?",
        "last rebel stronghold",
        1,
    );
    // "Damascus is determined to take Idlib by force", from the same
    // sentence, says no "last".
    let r = e.ask("idlib is the last what");
    assert!(
        r.answer.as_deref().is_none_or(|a| a.contains("last")),
        "{:?}",
        r.answer
    );
}

#[test]
fn that_before_a_closing_preposition_stands_for_what_was_named() {
    let e = engine();
    // Read alone, "which province is that in?" had got Idlib, which the
    // guess after it names.
    assert_answers(
        &e,
        "hi, russia's biggest airbase in syria, which province is that in? i know it borders idlib",
        "Latakia",
        9,
    );
}

#[test]
fn what_comes_before_but_is_kept_when_the_question_leans_on_it() {
    // Found by the review: a figure or what a pronoun stands for, before
    // "but", is part of the question.
    let e = engine();
    assert_answers(
        &e,
        "my teacher said there are 5 million people there but how many live in idlib?",
        "3 million",
        12,
    );
    assert_answers(
        &e,
        "hts controls idlib but who are they linked to?",
        "al-Qaeda-affiliated",
        11,
    );
    // A question of its own after a one-word one stands alone.
    assert_answers(
        &e,
        "what's going on in idlib, seriously? who controls it?",
        "Hayat Tahrir al-Sham",
        11,
    );
    // "on the day of the summit" asks no time.
    assert_not_answered_with(&e, "on the day of the summit who met first", "Friday");
    // A name's word echoed: the answer says "Turkey's".
    assert_answers(&e, "erdogan is the turkish what?", "president", 2);
}

#[test]
fn a_guess_offering_another_choice_is_no_part_of_the_question() {
    let e = engine();
    assert_answers(
        &e,
        "who runs idlib? is it just random rebels or is there a particular group named",
        "Hayat Tahrir al-Sham",
        11,
    );
}

#[test]
fn his_name_asks_who_he_is() {
    let e = engine();
    assert_answers(
        &e,
        "an iranian official was quoted saying he's hopeful about a compromise, whats his name? it was too long to remember",
        "Jaberi Ansari",
        5,
    );
}

#[test]
fn a_misspelled_government_is_still_the_leaders_office() {
    let e = engine();
    // "putins goverment" speaks for Russia: the Kremlin's words, not
    // Putin's own (which the article never quotes).
    assert_answers(
        &e,
        "wat did putins goverment say about the talks",
        "Kremlin said",
        19,
    );
}

#[test]
fn a_figure_of_those_hosted_does_not_count_those_sent_back() {
    let e = engine();
    for q in [
        "how many refugees did turkey deport",
        "how many syrian refugees has ankara sent home so far",
    ] {
        assert_not_answered_with(&e, q, "3.5 million");
    }
    assert_answers(&e, "how many refugees does turkey host", "3.5 million", 16);
}

#[test]
fn a_specific_day_asked_of_is_the_day() {
    let e = engine();
    assert_answers(
        &e,
        "is the tehran summit on a specific day? want to watch the coverage",
        "Friday",
        15,
    );
    assert_answers(&e, "day of the summit pls", "Friday", 15);
}

#[test]
fn the_rules_of_stop_61_keep_to_where_they_hold() {
    // Found by the second review: a word of return outside what "how
    // many" asks, and a guess whose first choice has a verb.
    let e = engine();
    assert_answers(
        &e,
        "sorry to return to this but how many observation posts does turkey have",
        "12",
        16,
    );
    assert_answers(
        &e,
        "how many idlib residents are displaced and unable to return home",
        "third",
        12,
    );
    assert_answers(
        &e,
        "what about idlib? is it controlled by hts or is there another group?",
        "largely controlled",
        11,
    );
}

#[test]
fn which_country_someone_leads_is_asked_of_him() {
    // "X is president of which country" asks his country, not where
    // something is: the summit's city does not answer.
    let e = engine();
    for q in [
        "erdogan is the leader of which country",
        "erdogn is president of what country",
    ] {
        assert_answers(&e, q, "Turkey", 2);
    }
}

#[test]
fn what_someone_suggested_is_not_who_he_is() {
    // The article reports no proposal of de Mistura's or Jaberi Ansari's:
    // who they are does not say what they recommended.
    let e = engine();
    for q in [
        "what did de mistura recommend",
        "what did jaberi ansari suggest",
    ] {
        assert_not_answered_with(&e, q, "envoy");
        assert_not_answered_with(&e, q, "senior aide");
    }
    assert_answers(
        &e,
        "what did the kremlin suggest the talks focus on",
        "Kremlin said",
        19,
    );
}

#[test]
fn a_count_of_what_would_be_is_not_a_count_of_what_is() {
    let e = engine();
    assert_not_answered_with(
        &e,
        "how many refugees did turkey say it could take in",
        "3.5 million",
    );
    // A "could" in another sentence, the asker's "could you", a "would"
    // of what is planned suppose nothing of the count; what someone said
    // "will" be is what the count is of.
    for (q, holds, para) in [
        (
            "how many refugees does turkey already host? an attack could make it worse",
            "3.5 million",
            16,
        ),
        (
            "how many people live in idlib, could you tell me",
            "3 million",
            12,
        ),
        (
            "how many presidents would meet in tehran",
            "Three presidents",
            2,
        ),
        (
            "how many presidents did the diplomat say would find a compromise",
            "three presidents",
            4,
        ),
    ] {
        assert_answers(&e, q, holds, para);
    }
}

#[test]
fn the_other_one_is_other_than_what_was_named_before() {
    let e = engine();
    assert_answers(
        &e,
        "moscow talked about bringing refugees back and one other group, who was the other group",
        "internally displaced",
        19,
    );
    // The other two of three, when the clause before names one: not it.
    assert_answers(
        &e,
        "turkey supports the rebels, what do the other two support",
        "Iran and Russia",
        7,
    );
}

#[test]
fn what_is_named_first_and_then_asked_of_is_a_yes_no_question() {
    let e = engine();
    assert_answers(
        &e,
        "so the group in control of idlib, is it linked to anyone",
        "al-Qaeda",
        11,
    );
    // "they" after the three presidents asks of no yes/no fact: still
    // the three of them.
    assert_answers(
        &e,
        "the presidents of iran russia and turkey, are they meeting in tehran",
        "Rowhani",
        2,
    );
}

#[test]
fn a_middle_ground_is_a_compromise_and_aimed_at_is_said_to() {
    let e = engine();
    assert_answers(
        &e,
        "which iranian diplomat thinks the presidents can find middle ground",
        "Jaberi Ansari",
        4,
    );
    assert_answers(
        &e,
        "who was the us president's warning aimed at",
        "Syrian government",
        18,
    );
}

#[test]
fn what_came_of_earlier_meetings_is_asked_in_any_tense() {
    let e = engine();
    assert_answers(
        &e,
        "did anything come out of the previous meetings",
        "de-escalation zones",
        20,
    );
}

#[test]
fn the_word_someone_used_is_what_he_said() {
    let e = engine();
    assert_answers(
        &e,
        "what adjective did erdogan pick to describe what's going on in idlib, the one he used",
        "ruthless",
        14,
    );
    assert_answers(
        &e,
        "what term did the turkish president use about idlib",
        "ruthless",
        14,
    );
    // A word whose own fact says it stays that fact's.
    assert_answers(&e, "what word did trump use", "slaughter", 18);
}

#[test]
fn troops_sent_toward_a_place_are_massed_not_evacuated() {
    let e = engine();
    assert_answers(
        &e,
        "is the syrian army sending troops to idlib",
        "amassed",
        8,
    );
    assert_answers(&e, "were rebels moved to idlib", "evacuated", 10);
}

#[test]
fn the_late_readings_of_stop_62_keep_to_where_they_hold() {
    // Found by the second review: "aimed at", "come out of", troops moved
    // and "which words were used" read too widely.
    let e = engine();
    assert_answers(
        &e,
        "what are the talks aimed at achieving",
        "Kremlin said",
        19,
    );
    assert_not_answered_with(&e, "what will come out of the talks", "Previous meetings");
    assert_not_answered_with(
        &e,
        "is the government moving troops out of idlib",
        "amassed",
    );
    assert_not_answered_with(&e, "which words were used by erdogan", "Turkey's president");
}

#[test]
fn a_whole_or_entire_thing_is_the_thing() {
    // "whole" says nothing of what is asked; weighed as a word it drew
    // the question to the one phrasing that held it.
    let e = engine();
    assert_answers(&e, "what region is the whole meeting about", "Idlib", 1);
    assert_answers(&e, "is the whole summit in tehran", "Tehran", 1);
}

#[test]
fn sitting_down_is_meeting_and_troops_building_up_are_massing() {
    let e = engine();
    // A "sit-down" is a meeting, not the words of one phrasing.
    assert_answers(
        &e,
        "who joined after the one-on-one sit-down",
        "joined Putin",
        3,
    );
    assert_answers(
        &e,
        "are the syrian troops building up near idlib",
        "amassed",
        8,
    );
    // A sign-off's "in advance" is not the forces' advances (¶21).
    assert_answers(
        &e,
        "where are the soldiers piling up? thanks in advance",
        "amassed",
        8,
    );
}

#[test]
fn the_name_of_a_city_asks_where() {
    // "the name of" asks who, but of a city it asks which place.
    let e = engine();
    assert_answers(
        &e,
        "what is the name of the city the talks were in",
        "Tehran",
        1,
    );
}

#[test]
fn the_first_reviews_cases_of_stop_63_keep_to_where_the_readings_hold() {
    // Found by a review: a held letter, "building up" and "meet again"
    // read too widely.
    let e = engine();
    assert_eq!(ask(&e, "will they meeeet again").0, None);
    assert_eq!(ask(&e, "will the three presidents meet again").0, None);
    assert_eq!(ask(&e, "will russia and turkey sit down again").0, None);
    assert_not_answered_with(&e, "are the rebels building up in idlib", "amassed");
    assert_answers(
        &e,
        "who are alll the leaders at the summit",
        "Three presidents",
        2,
    );
}

#[test]
fn a_dropped_g_is_read_as_typed_with_it() {
    let e = engine();
    assert_answers(
        &e,
        "wat is the kremlin sayin about tehran",
        "Kremlin said",
        19,
    );
    // A name mistyped is still the name.
    assert_answers(&e, "which country is puttin from", "Putin", 2);
}

#[test]
fn what_a_place_is_known_for_is_what_it_is_famous_for() {
    let e = engine();
    assert_answers(&e, "what's latakia best known for", "stronghold", 9);
}

#[test]
fn a_slip_on_a_word_that_dropped_its_g_is_read_with_the_g() {
    // "coperatin" is "cooperating", not "operation" (an attack).
    let e = engine();
    assert_answers(&e, "is erdogan coperatin with russia", "cooperating", 15);
}

#[test]
fn all_three_together_is_the_trilateral_format() {
    let e = engine();
    assert_answers(
        &e,
        "were the talks one on one or all three together",
        "trilateral",
        3,
    );
}

#[test]
fn the_second_reviews_cases_of_stop_63_keep_to_where_the_readings_hold() {
    // Found by a review: a dropped "g" read on slips of other words, and
    // "known for" read in any sense.
    let e = engine();
    assert_answers(&e, "where is the summin", "Tehran", 1);
    assert_answers(&e, "how many millin people live in idlib", "3 million", 12);
    assert_eq!(ask(&e, "is the us doin anything").0, None);
    assert_eq!(ask(&e, "is it known for sure who will win").0, None);
    assert_answers(
        &e,
        "what is latakia known for according to the piece",
        "stronghold",
        9,
    );
}

#[test]
fn a_bound_on_a_number_asks_about_the_number_of_what_it_names() {
    // "less than a million people in idlib" is about idlib's population;
    // "less" as a word some phrasing held drew turkey's refugee count.
    let e = engine();
    for q in [
        "do fewer than a million people live in idlib",
        "is idlib home to under 2 million people",
        "are there over a million people living in idlib",
    ] {
        assert_answers(&e, q, "3 million", 12);
    }
    assert_answers(
        &e,
        "does turkey host less than a million syrian refugees",
        "3.5 million",
        16,
    );
    // A small count is of something the article may not count at all: the
    // bound keeps it from another fact's number.
    for q in [
        "are there over 1000 turkish soldiers in idlib",
        "did over 3 presidents meet",
        "are there fewer than 5 rebel groups in idlib",
    ] {
        assert_eq!(ask(&e, q).0, None, "{q:?}");
    }
}

#[test]
fn what_idlib_is_to_the_rebels_is_their_last_stronghold() {
    // Not why it matters to the government (¶9), nor how they came there
    // (¶10).
    let e = engine();
    assert_answers(
        &e,
        "what makes idlib so significant for the insurgents",
        "last rebel stronghold",
        1,
    );
    assert_answers(&e, "why is idlib important for assad", "Latakia", 9);
    assert_answers(
        &e,
        "where did the rebels in idlib come from",
        "evacuated",
        10,
    );
}

#[test]
fn asked_what_kind_of_group_something_is_the_answer_says_what_kind() {
    // Not only its name.
    let e = engine();
    assert_answers(
        &e,
        "what sort of group is the one in charge of most of idlib",
        "Islamist",
        11,
    );
    // Asked who, the name.
    assert_answers(
        &e,
        "which group holds most of the province",
        "Hayat Tahrir",
        11,
    );
    // Asked what kind of group the displaced are, the civilians.
    assert_answers(
        &e,
        "what kind of group are the displaced people",
        "civilians",
        12,
    );
}

#[test]
fn what_a_question_asks_for_besides_is_not_what_it_set_aside() {
    let e = engine();
    assert_answers(
        &e,
        "what is turkey hosting other than the observation posts",
        "3.5 million",
        16,
    );
    assert_answers(
        &e,
        "what does latakia have besides al-assad's stronghold",
        "airbase",
        9,
    );
}

#[test]
fn a_president_stands_for_his_country_named_in_the_answer() {
    // "Iran and Russia support the regime…": Putin's side is Russia's.
    let e = engine();
    assert_answers(&e, "who is putins side in syria", "Iran and Russia", 7);
    // Not for a fact that names his country only beside its answer.
    assert_not_answered_with(&e, "who is putins side in syria", "Turkey has supported");
}

#[test]
fn what_the_presidents_meet_about_is_not_what_their_earlier_meetings_did() {
    let e = engine();
    for q in [
        "what are the presidents of turkey, iran and russia meeting about",
        "what are the leaders of russia, iran and turkey meeting about at the summit",
    ] {
        assert_not_answered_with(&e, q, "Previous meetings");
    }
    // Asked about those meetings, they are the answer.
    assert_answers(
        &e,
        "what came of their previous meetings",
        "de-escalation",
        20,
    );
    // Where they meet, after "about", asks nothing more.
    assert_answers(
        &e,
        "what are russia iran and turkey meeting about in tehran",
        "Idlib",
        1,
    );
    // Not every word after "about": "in the past" asks about the earlier
    // meetings, and what erdogan is concerned about "at the summit" is his
    // concern, not the summit's topic.
    assert_answers(
        &e,
        "what have the presidents met about in the past",
        "de-escalation",
        20,
    );
    assert_answers(
        &e,
        "what is erdogan concerned about at the summit",
        "refugee",
        15,
    );
    // "Again" asks nothing more.
    assert_answers(&e, "what are they meeting about again", "Idlib", 1);
    // Read whole, the message is held to what its question asks (the
    // chatter before it had made it read as asking whether they met
    // before).
    assert_not_answered_with(
        &e,
        "been on holiday. what are the leaders of turkey russia and iran meeting about?",
        "Previous meetings",
    );
}

#[test]
fn asked_what_kind_of_body_holds_a_place_the_answer_says_what_kind() {
    let e = engine();
    for q in [
        "what sort of alliance holds most of idlib",
        "what kind of group is in charge of idlib",
        "what type of group rules idlib",
    ] {
        assert_answers(&e, q, "Islamist", 11);
    }
    // What a body holds must be ground: not posts, nor talks.
    assert_answers(
        &e,
        "what kind of group holds the observation posts in idlib",
        "12 observation posts",
        16,
    );
}

#[test]
fn what_the_asker_keeps_seeing_or_hearing_is_not_what_they_ask() {
    let e = engine();
    assert_answers(
        &e,
        "ive been seeing the name de mistura everywhere, what is his job",
        "envoy",
        13,
    );
    assert_answers(
        &e,
        "i keep hearing idlib described as the last something, what is it",
        "last rebel stronghold",
        1,
    );
}

#[test]
fn a_name_guessed_with_or_someone_else_is_not_what_is_asked() {
    let e = engine();
    assert_answers(
        &e,
        "what are the 10,000 fighters linked to, isis or something else",
        "al-Qaeda",
        13,
    );
    assert_answers(
        &e,
        "who controls idlib, isis or someone else?",
        "Hayat Tahrir",
        11,
    );
    // Asked whether it is that one, the name stays what is asked.
    assert_not_answered_with(
        &e,
        "is idlib held by isis or someone else",
        "held in Tehran",
    );
}

#[test]
fn a_what_opening_a_sentence_of_its_own_echoes_no_word() {
    let e = engine();
    // Not "the massacre what?": the word before the full stop ends a
    // sentence of its own.
    assert_answers(
        &e,
        "erdogan warned of a massacre. what exactly",
        "massacre",
        14,
    );
    // The echo still reads inside one sentence.
    assert_answers(&e, "idlib is the last what?", "last rebel stronghold", 1);
}

#[test]
fn leaders_arguing_over_a_place_are_discussing_it() {
    let e = engine();
    for q in [
        "what province are the three leaders arguing over",
        "what are putin and erdogan arguing about in tehran",
    ] {
        assert_answers(&e, q, "Idlib", 1);
    }
}

#[test]
fn asked_to_be_reminded_what_a_meeting_is_about_the_topic_answers() {
    let e = engine();
    for q in [
        "could someone remind me what the tehran summit is about",
        "can you remind me what the talks are really about",
    ] {
        assert_answers(&e, q, "Idlib", 1);
    }
}

#[test]
fn a_pronoun_points_at_what_the_asker_heard_about_not_at_who_talked() {
    let e = engine();
    assert_answers(
        &e,
        "my dad keeps going on about the summit in tehran. which presidents were at it?",
        "Rowhani",
        2,
    );
    // Who said something stays part of the question.
    assert_answers(
        &e,
        "the envoy said something about fighters in idlib, how many did he say",
        "10,000",
        13,
    );
}

#[test]
fn asked_where_a_place_is_an_answer_placing_something_else_is_no_answer() {
    let e = engine();
    assert_not_answered_with(&e, "what country is idlib in", "held in Tehran");
    // Asked where the summit on it is, the summit's place answers.
    assert_answers(&e, "where's the idlib summit", "Tehran", 1);
}

#[test]
fn what_kind_of_body_mostly_runs_a_place_is_answered_with_its_kind() {
    let e = engine();
    assert_answers(&e, "what kind of group largely runs idlib", "Islamist", 11);
}

#[test]
fn asked_how_much_of_a_place_is_held_the_answer_gives_a_share() {
    let e = engine();
    assert_answers(
        &e,
        "how much of idlib does the alliance control",
        "largely",
        11,
    );
}

#[test]
fn asked_what_someone_stressed_the_fact_saying_he_stressed_it_answers() {
    let e = engine();
    assert_answers(
        &e,
        "the importance of what did erdogan stress before the summit",
        "cooperating with Russia",
        15,
    );
    // A fact of another kind (when he warned) rules out none: what he
    // warned of is still answered.
    assert_answers(
        &e,
        "what did erdogan warn would happen if idlib is shelled",
        "massacre",
        14,
    );
}

#[test]
fn asked_whom_someone_acts_on_who_he_is_is_no_answer() {
    let e = engine();
    assert_not_answered_with(&e, "who was erdogan having a go at", "Turkey's president");
    assert_not_answered_with(&e, "who is rowhani meeting with", "Iran's president");
    // Who he is, asked in so many words, still answers.
    assert_answers(&e, "who is erdogan exactly", "Turkey's president", 2);
    assert_answers(
        &e,
        "who is iran's president according to the article",
        "Rowhani",
        2,
    );
}

#[test]
fn what_a_rule_of_this_stop_must_not_catch() {
    let e = engine();
    // "Behind" is no word for leading: nobody is behind a massacre that
    // has not happened.
    assert_not_answered_with(&e, "who is behind the massacre", "Putin");
    // One who was asked about something is who the question is about.
    assert_answers(
        &e,
        "de mistura was asked about the fighters in idlib. what did he say?",
        "justify",
        13,
    );
    // A topic too short to name what "them" stands for keeps its clause.
    assert_not_answered_with(
        &e,
        "read an article about hts and i'm lost, who runs them",
        "largely controlled",
    );
    // The fact with the verb asked after must cover the rest as well.
    assert_answers(&e, "what did erdogan stress about refugees", "refugee", 15);
    assert_answers(
        &e,
        "what did erdogan warn would help resolve issues",
        "resolve issues",
        15,
    );
    // A share is asked of ground held, not of people.
    assert_answers(&e, "how much of idlib is civilian", "3 million", 12);
}

#[test]
fn how_recently_asks_when() {
    let e = engine();
    assert_answers(
        &e,
        "how recently did de mistura warn about an attack",
        "last week",
        13,
    );
}

#[test]
fn asked_how_many_someone_said_there_will_be_a_count_of_what_is_no_answer() {
    let e = engine();
    assert_not_answered_with(
        &e,
        "how many syrians has turkey said it will let in",
        "3.5 million",
    );
    // What is there now is still counted.
    assert_answers(&e, "how many refugees does turkey host", "3.5 million", 16);
}

#[test]
fn a_question_word_after_a_preposition_is_asked_in_its_place() {
    let e = engine();
    // Not "how many civilians?" alone: whose security, in whose words.
    assert_answers(
        &e,
        "ok random one, jaberi ansari spoke of protecting the security of how many civilians?",
        "millions",
        5,
    );
}

#[test]
fn de_escalation_typed_as_one_word_is_read_as_the_article_writes_it() {
    let e = engine();
    assert_answers(&e, "did the deescalation zones hold up", "broken", 20);
}

#[test]
fn how_the_article_writes_a_name_is_no_part_of_the_question() {
    let e = engine();
    assert_answers(
        &e,
        "what is the envoy's full name the way the article writes it",
        "Staffan de Mistura",
        13,
    );
}

#[test]
fn what_the_second_reviews_probes_showed_no_rule_may_catch() {
    let e = engine();
    // Whom someone works for or is tied to: who he is answers.
    assert_answers(
        &e,
        "who is jaberi ansari working for",
        "Foreign Ministry",
        5,
    );
    assert_answers(&e, "who is hts affiliated with", "al-Qaeda", 11);
    // "who's" is read as "who" alone.
    assert_not_answered_with(&e, "who's erdogan having a go at", "Turkey's president");
    // One named who was chatting is who the pronoun stands for.
    assert_not_answered_with(
        &e,
        "rowhani was chatting about the summit with erdogan. what did he say?",
        "Erdogan said",
    );
    // Said "will be protected": no forecast, the figure given answers.
    assert_answers(
        &e,
        "how many civilians did jaberi ansari say will be protected",
        "millions",
        5,
    );
    // What is set aside is no rival with the verb asked after.
    assert_answers(
        &e,
        "what did erdogan stress besides cooperating with russia",
        "refugee",
        15,
    );
    // What was heard about stands in for the question's "it".
    assert_answers(
        &e,
        "i heard about some summit on idlib and i'm confused. what's it for?",
        "Idlib",
        1,
    );
}

#[test]
fn the_article_named_bare_is_not_the_one_whose_words_are_asked() {
    let e = engine();
    // "article mentions": what the article says, not Assad's words.
    assert_answers(
        &e,
        "quick one before lunch: latakia, what is it to assad? article says it's his main something?",
        "stronghold",
        9,
    );
}

#[test]
fn a_sentence_telling_what_the_asker_does_not_know_is_not_asked_with_the_question() {
    let e = engine();
    assert_answers(
        &e,
        "honestly i dont even know who is hosting. which city are the talks in?",
        "Tehran",
        1,
    );
    // Its pronoun pointing back, the sentence before is still read.
    assert_answers(
        &e,
        "i wonder what hts really is. who is it linked to?",
        "al-Qaeda",
        11,
    );
}

#[test]
fn a_bastion_held_by_a_side_is_its_stronghold() {
    let e = engine();
    assert_answers(
        &e,
        "the leaders got together over which final rebel-held bastion",
        "Idlib",
        1,
    );
}

#[test]
fn asked_which_thing_an_answer_leaving_out_what_its_sentence_calls_it_is_no_answer() {
    let e = engine();
    // Not "The summit is being held in Tehran", whose sentence calls
    // Idlib the last rebel stronghold.
    assert_answers(
        &e,
        "which last opposition-held bastion did the presidents get together over",
        "Idlib",
        1,
    );
    // A kind of thing the answer names is still its answer.
    assert_answers(
        &e,
        "which islamist alliance controls idlib",
        "Hayat Tahrir al-Sham",
        11,
    );
}

#[test]
fn did_they_meet_in_a_capital_is_not_answered_with_that_capitals_words() {
    let e = engine();
    assert_not_answered_with(&e, "did they all meet up in moscow", "stabilization");
}

#[test]
fn a_sides_position_is_where_it_stands_and_a_persons_his_post() {
    let e = engine();
    // The Kremlin's position: what it said.
    assert_answers(&e, "kremlin's position?", "stabilization", 19);
    assert_answers(&e, "what does the kremlin believe", "stabilization", 19);
    // A country's: which side it is on.
    assert_answers(&e, "what is iran's position in the war", "Assad", 7);
    assert_answers(&e, "whats turkeys position", "rebels", 7);
    // A person's is still his post.
    assert_answers(
        &e,
        "what is jaberi ansari's position",
        "Foreign Ministry",
        5,
    );
    // What someone thinks will happen is still asked.
    assert_answers(
        &e,
        "does erdogan think friday's summit will help",
        "help",
        15,
    );
}

#[test]
fn what_the_first_review_of_this_stop_found_a_rule_must_not_catch() {
    let e = engine();
    // Wanting to know is no sentence said before the question; a
    // question that leans on the sentence before ("and iran?", "…live
    // there?") is asked with it.
    assert_answers(&e, "i want to know who backs turkey. and iran?", "Assad", 7);
    assert_answers(
        &e,
        "i dont know how big idlib is. how many people live there?",
        "3 million",
        12,
    );
    // A "do" question checks a place only when it asks of a meeting.
    assert_answers(&e, "did the ceasefires hold in idlib", "broken", 20);
    assert_answers(
        &e,
        "did erdogan warn of a massacre in idlib",
        "massacre",
        14,
    );
    // A position on a meeting is what one wants of it; a city's position
    // is its country's side.
    assert_answers(
        &e,
        "whats russias position on the summit",
        "stabilization",
        19,
    );
    assert_answers(&e, "what's ankara's position", "rebels", 7);
    // "Which" answered by what its sentence describes so.
    assert_answers(&e, "which northern province does damascus want", "Idlib", 1);
}

#[test]
fn us_typed_small_beside_a_country_is_the_us() {
    let e = engine();
    assert_answers(&e, "erdogan on russia n us", "buck", 17);
    // Not every "us": "r" is still "are".
    assert_answers(&e, "wat presidents r at the summit", "Putin", 2);
}

#[test]
fn a_pop_at_someone_is_going_at_them_not_a_population() {
    let e = engine();
    assert_answers(&e, "who was erdogan having a pop at", "buck", 17);
    assert_answers(&e, "idlib pop?", "3 million", 12);
}

#[test]
fn a_word_echoed_before_a_forgotten_something_is_asked_after_by_the_question() {
    let e = engine();
    assert_answers(
        &e,
        "so why does idlib matter so much? people keep calling it the last something",
        "stronghold",
        1,
    );
    assert_answers(
        &e,
        "why does idlib matter? my uncle says its the last something or other",
        "stronghold",
        1,
    );
    // Not a "something" said more of: "his name, something italian".
    assert_answers(
        &e,
        "who's the un envoy? forgot his name, something italian",
        "de Mistura",
        13,
    );
}

#[test]
fn asked_which_city_an_answer_naming_no_city_is_no_answer() {
    let e = engine();
    // The article never says where the earlier meetings were.
    assert_not_answered_with(
        &e,
        "which city were the earlier meetings held in that created the safe zones",
        "Previous meetings",
    );
    assert_answers(&e, "which city are the presidents meeting in", "Tehran", 1);
    // Asked with another question, the city is not all that is asked.
    assert_answers(
        &e,
        "what day is the summit, and in which city?",
        "Friday",
        15,
    );
}

#[test]
fn what_a_body_named_by_its_role_is_like_is_answered_with_what_it_is() {
    let e = engine();
    assert_answers(
        &e,
        "what ideology has the alliance that controls most of idlib",
        "Islamist",
        11,
    );
    // Who holds the place is still who.
    assert_answers(&e, "which group controls idlib", "controlled", 11);
}

#[test]
fn what_the_second_review_of_this_stop_found_a_rule_must_not_catch() {
    let e = engine();
    // A fragment guessing at the question before is asked with it.
    assert_answers(&e, "i dont know who leads hts. al qaeda?", "al-Qaeda", 11);
    // Attending a summit somewhere is no meeting whose place is checked.
    assert_answers(&e, "did putin attend the summit in tehran", "Putin", 2);
    // A "something" standing in a question of its own echoes nothing.
    assert_answers(
        &e,
        "how many civilians live in the last something",
        "3 million",
        12,
    );
    // "us" after "for" is the asker.
    assert_not_answered_with(&e, "what does this mean for us and turkey", "buck");
    // A seat of government named for its country is a city.
    assert_answers(&e, "which city passes the buck", "Washington", 17);
}

#[test]
fn weighing_in_is_commenting_and_ankaras_leader_is_erdogan() {
    let e = engine();
    assert_answers(&e, "did washington weigh in", "slaughter", 18);
    assert_answers(&e, "who did ankara's leader meet first", "Rowhani", 3);
}

#[test]
fn a_reason_asked_for_is_what_why_asks() {
    let e = engine();
    assert_answers(
        &e,
        "what was the reason behind the tehran summit",
        "fate",
        1,
    );
    assert_answers(&e, "whats the reason the presidents are meeting", "fate", 1);
}

#[test]
fn either_spelling_characterises_and_a_contested_region_is_idlib() {
    let e = engine();
    assert_answers(&e, "how did erdogan characterize idlib", "ruthless", 14);
    // Either spelling is "describe", no word an answer must hold.
    assert_answers(&e, "how is hts characterized", "Islamist", 11);
    assert_answers(
        &e,
        "how many people live in the disputed area",
        "3 million",
        12,
    );
}

#[test]
fn what_the_reviews_of_stop_68_found_a_rule_must_not_catch() {
    let e = engine();
    // A reason other than a meeting's is no "why" about the sentence
    // naming it.
    assert_not_answered_with(
        &e,
        "what is the main reason for the final assault",
        "preparation",
    );
    // Another place called contested is not Idlib.
    assert_not_answered_with(&e, "is turkey a contested region", "observation");
}

#[test]
fn the_country_a_president_leads_is_asked_of_who_he_is() {
    // "what country is X the head of state of": who he is says (this had
    // been declined, and "which country does erdogan run" given where the
    // summit is).
    let e = engine();
    assert_answers(
        &e,
        "what country is erdogan the head of state of",
        "Turkey's president",
        2,
    );
    assert_not_answered_with(&e, "which country does erdogan run", "Tehran");
}

#[test]
fn he_said_something_what_was_it_asks_his_words() {
    // Someone described said something, and "what was it" asks what (this
    // had been declined; in other wordings it got who he is).
    let e = engine();
    assert_answers(
        &e,
        "that iran diplomat said something pretty complimentary about ankara and tehran, what was it",
        "mature",
        7,
    );
    // What he is, or the ministry he works for, asks about him.
    assert_not_answered_with(
        &e,
        "that iran diplomat said something complimentary about ankara, what is the ministry he works for",
        "mature",
    );
    assert_not_answered_with(
        &e,
        "that iran diplomat said something complimentary about ankara, what is he",
        "mature",
    );
}

#[test]
fn did_he_say_how_asks_his_words_not_who_he_is() {
    let e = engine();
    // "did he say how…" of someone described: what he said is asked, so
    // the fact saying who he is does not answer it.
    assert_not_answered_with(
        &e,
        "the iranian official talked about compromise. did he say how?",
        "senior aide",
    );
    assert_answers(
        &e,
        "the iranian official talked about compromise. did he say how?",
        "compromise",
        4,
    );
    // Asked his job, who he is answers.
    assert_answers(
        &e,
        "the iranian official, did he say what his job is",
        "senior aide",
        5,
    );
}

#[test]
fn on_a_break_is_where_the_asker_is() {
    // Being on a break says when the asker types, not what is asked (this
    // had been declined: "break" counted against every fact).
    assert_answers(
        &engine(),
        "hey, on my break rn and saw a post about the tehran summit. who's actually at it?",
        "Rowhani",
        2,
    );
    // Someone else's break is asked about: no "Yes." to it.
    assert_not_answered_with(&engine(), "are the talks on a break", "Yes");
}

#[test]
fn which_place_they_talk_about_is_not_where_they_meet() {
    // Asked which province a meeting is about, the city it is held in,
    // which the question names, is no answer.
    let e = engine();
    for q in [
        "what province were the presidents there to talk about at the tehran summit",
        "i was reading about that tehran summit on my break. what province were the presidents there to talk about?",
    ] {
        assert_not_answered_with(&e, q, "held in Tehran");
        assert_answers(&e, q, "Idlib", 1);
    }
    // Not what earlier meetings were about.
    assert_answers(
        &e,
        "at the earlier meetings what did the three meet about",
        "de-escalation",
        20,
    );
    // Asked where they meet, it is.
    assert_answers(&e, "which city are the presidents meeting in", "Tehran", 1);
}

#[test]
fn a_count_expected_if_something_happens_is_not_one_that_is() {
    // How many are expected if Idlib is attacked is not how many Turkey
    // hosts now.
    let e = engine();
    for q in [
        "how many syrian refugees does turkey expect to host if the attack happens",
        "how many refugees is turkey expecting if the offensive happens",
    ] {
        assert_not_answered_with(&e, q, "3.5 million");
    }
    // An "if" that hedges is no supposing.
    for q in [
        "how many refugees does turkey host, if i remember the figure right",
        "how many refugees is turkey already hosting if you had to estimate",
    ] {
        assert_answers(&e, q, "3.5 million", 16);
    }
}

#[test]
fn discus_typed_for_discuss_asks_the_topic() {
    // "discus" is chat's "discuss" here (this had got where the summit is
    // held, or the three presidents' names).
    let e = engine();
    for q in [
        "what were the presidents meeting in tehran to discus",
        "what did the three leaders get together to discus",
    ] {
        assert_answers(&e, q, "fate of Syria", 1);
    }
}

#[test]
fn going_off_topic_is_chatter_not_the_summits_topic() {
    // Said of the message, "off-topic" asks nothing about what the summit
    // is about (this had got the summit's purpose); asked of someone, it
    // is still no known fact.
    let e = engine();
    assert_answers(
        &e,
        "slightly off-topic for this channel but what countries sent leaders to that tehran summit",
        "Russia",
        2,
    );
    assert_eq!(ask(&e, "is putin off topic").0, None);
}

#[test]
fn which_province_they_gather_to_talk_about_is_not_where_they_meet() {
    // Read as asking why they gather, the question still asks which place:
    // where the summit is held does not answer it.
    let e = engine();
    assert_not_answered_with(
        &e,
        "what province are the heads of state gathering in tehran to talk about",
        "held in Tehran",
    );
    assert_answers(&e, "where are the presidents meeting", "Tehran", 1);
}

#[test]
fn which_province_they_argue_over_is_not_the_city_they_meet_in() {
    // Asked which province or territory the talks are about, a city names
    // none: the summit's city had answered these.
    let e = engine();
    for q in [
        "which province are the three presidents arguing about at the summit",
        "which rebel-held area will the leaders in iran's capital be talking about",
    ] {
        assert_not_answered_with(&e, q, "held in Tehran");
    }
    assert_answers(
        &e,
        "which rebel-held region are the leaders sitting down in iran's capital to talk about",
        "Idlib",
        1,
    );
    // Asked which region they meet in, the city is the answer.
    assert_answers(&e, "what region are the presidents meeting in", "Tehran", 1);
}

#[test]
fn whether_only_some_meet_is_not_settled_by_who_met_before() {
    // Asked whether only two of them meet, an answer naming all three as
    // having met before is no answer: declined.
    let e = engine();
    assert_eq!(
        ask(&e, "are the tehran talks only between iran and russia").0,
        None
    );
    // Other questions with "only" are answered as before: who backs the
    // rebels, who met ahead of the summit, where it is.
    assert_answers(
        &e,
        "did only turkey back the rebels at the summit",
        "Turkey",
        7,
    );
    assert_answers(&e, "did erdogan meet only rowhani first", "Rowhani", 3);
    assert_answers(&e, "is the summit only in tehran", "Tehran", 1);
}

#[test]
fn planning_to_discuss_asks_what_is_discussed() {
    // "Planning to discuss" had drawn who is determined to do what
    // ("Ankara is determined to avoid a massacre"); "planing" had been the
    // word for smoothing wood, and declined.
    let e = engine();
    for q in [
        "what are the three presidents planning to discuss",
        "what do the leaders plan to talk about",
    ] {
        assert_answers(&e, q, "fate of Syria", 1);
    }
    assert_answers(
        &e,
        "what is the syrian government planing for idlib",
        "force",
        1,
    );
}

#[test]
fn initialisms_written_with_dots_are_read_as_the_names() {
    // "u.s." and "u.n." had been read as the letters alone: the US's
    // words got what Idlib is, the UN's mediator nothing.
    let e = engine();
    assert_answers(&e, "what did the u.s. say about idlib", "Trump", 18);
    assert_answers(&e, "who is the u.n. mediator", "de Mistura", 13);
}

#[test]
fn rebel_fighters_are_counted_as_the_rebels() {
    // "Thousands of rebels" counts the opposition's fighters; not its
    // groups.
    let e = engine();
    assert_answers(
        &e,
        "about how many rebel fighters were moved into idlib",
        "Thousands",
        10,
    );
    assert_eq!(ask(&e, "how many rebel groups are in idlib").0, None);
}

#[test]
fn how_many_are_we_talking_about_counts_what_was_named() {
    // The talking is the asker's: what is counted is what the message
    // named before (this had counted talks and declined).
    let e = engine();
    assert_answers(
        &e,
        "idlib has loads of civilians i think, how many are we talking about",
        "3 million",
        12,
    );
    assert_eq!(ask(&e, "how many are we talking about").0, None);
}

#[test]
fn why_something_keeps_coming_up_asks_why_it_matters() {
    let e = engine();
    assert_answers(
        &e,
        "whats hayat tahrir al-sham and why does it keep coming up",
        "Islamist alliance",
        11,
    );
}
