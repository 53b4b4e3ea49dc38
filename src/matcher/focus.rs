//! The question inside a chatty message: "hey so me and my roommate were
//! debating this all night lol, who actually runs idlib these days?" asks
//! "who actually runs idlib these days?". The words around it (who is
//! asking, why, hedges, sign-offs) are not what the answer must cover, so
//! the engine reads the message both whole and by its focus and keeps the
//! reading the decision trusts more.
//!
//! Pure text: no index, no lexicon.

/// Words a question clause starts with (after any lead-in).
const OPENERS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "whos",
    "what",
    "whats",
    "which",
    "when",
    "where",
    "wheres",
    "whereabouts",
    "why",
    "how",
    "hows",
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "has",
    "have",
    "had",
    "should",
    "wat",
    "wut",
    "y",
];

/// Lead-ins that may stand before the question itself ("so", "like",
/// "quick q", "do you know").
const LEAD_INS: &[&str] = &[
    "so",
    "and",
    "but",
    "like",
    "ok",
    "okay",
    "well",
    "anyway",
    "anyways",
    "basically",
    "also",
    "btw",
    "then",
    "um",
    "uh",
    "hmm",
    "actually",
    "just",
    "q",
    "question",
    "quick",
    "real",
    // Chat's interjections: "lol so who runs idlib".
    "lol",
    "lmao",
    "haha",
    "omg",
];

/// Words that start a question's content: where an embedded question
/// ("i'm trying to find out who the envoy is") or a question after chatter
/// in the same clause ("need a fact check 😅 how many live there?") begins.
pub(super) const WH: &[&str] = &[
    "who",
    "whom",
    "whose",
    "whos",
    "what",
    "whats",
    "which",
    "when",
    "where",
    "wheres",
    "whereabouts",
    "why",
    "how",
    "hows",
];

/// Words that leave an embedded question empty when they are all that
/// follow its question word ("who they are", "what it is lol").
const EMPTY: &[&str] = &[
    "it", "its", "they", "them", "he", "him", "she", "her", "that", "this", "these", "those", "is",
    "are", "was", "were", "be", "been", "s", "re", "the", "a", "an", "even", "really", "exactly",
    "actually", "lol", "lmao", "haha", "tbh", "rn", "means", "mean", "meant",
];

/// Verbs that embed a question: "find out who", "wondering what", "tell me
/// how", "not sure which", "missed where", "forgot who".
const EMBEDDERS: &[&str] = &[
    "know",
    "find",
    "wondering",
    "wonder",
    "tell",
    "explain",
    "curious",
    "remind",
    "asking",
    "asked",
    "asks",
    "check",
    "confirm",
    "understand",
    "figure",
    "learn",
    "sure",
    "missed",
    "forgot",
    "forget",
    "remember",
    "recall",
];

/// Last words of a clause that only asks to confirm what it says ("...
/// right?", "... i think?", "... correct?") or asks for help ("anyone know?").
const TAGS: &[&str] = &[
    "right", "correct", "true", "yeah", "yes", "no", "think", "guess", "innit", "know", "idea",
];

/// Pronouns that point back at something named before them.
const BACK_REFERENCES: &[&str] = &[
    "it", "its", "they", "them", "he", "him", "his", "she", "her",
];

/// Verbs of something happening: "that" or "this" before one, after "did"
/// or "does", is what was told before ("how did that come about"). Not
/// "why does that matter", which asks of the whole story.
const EVENTS: &[&str] = &["come", "happen", "start", "begin"];

/// A question clause of at most this many words with its question word
/// after the first ("last what?") leans on the clause before it.
const FRAGMENT_WORDS: usize = 3;

/// The most words a clause after a comma may have and still go on with a
/// question's list of names: "so did putin, erdogan and rowhani agree on
/// some deal in the end" is one question (at 8 its focus had been "so did
/// putin", answered with who Putin is).
const LIST_GOES_ON_WORDS: usize = 12;

/// The most words a clause before a lone "?" may have and still name what
/// the question's pronoun after it stands for.
const NAMING_CLAUSE_WORDS: usize = 12;

/// A clause shorter than this many words is not taken as the focus.
const MIN_WORDS: usize = 2;

/// The question clause of `message` (with the clause before it when its
/// pronoun points there), when the message holds more than it; None when
/// the whole message is the question.
pub fn focus(message: &str) -> Option<String> {
    focus_from(message, true)
}

/// Another question clause of `message` worth reading alone: the last that
/// opens as a question, when a question marked "?" before it took the
/// focus ("so who backs who here?? … which side has turkey been supporting
/// in the war, sorry for the basic q"), given that focus, `first` (what
/// [`focus`] found). None when it is the focus already.
/// Not one that leans on what came before: a pronoun ("are they the ones
/// in idlib"), a guess at the answer, or one saying the question again
/// ("like what's on the table").
pub fn later_question(message: &str, first: &str) -> Option<String> {
    const LEANS: &[&str] = &[
        "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "this", "that",
        "these", "those", "like", "or", "there", "here",
    ];
    let later = focus_from(message, false)?;
    let said = words(&later);
    // "what about latakia", "and turkey?": the first question asked again.
    let again = matches!(
        said.as_slice(),
        [w, about, ..] if matches!(w.as_str(), "what" | "how") && about == "about"
    ) || said.first().is_some_and(|w| w == "and");
    let leans = again || said.iter().any(|w| LEANS.contains(&w.as_str()));
    (first != later && !leans && !guess(&said, &words(first))).then_some(later)
}

/// The question `focus` (what [`focus`] found) asks before it says it
/// again more narrowly after "like" or "i mean", and the narrower one:
/// "whats this summit actually about, like which part of syria are they
/// arguing over" first asks what the summit is about. None when the focus
/// says nothing again.
pub fn restated(focus: &str) -> Option<(String, String)> {
    let said = words(focus);
    let (k, len) = (MIN_WORDS..said.len()).find_map(|k| {
        let len = match said[k].as_str() {
            "like" => 1,
            "i" if said.get(k + 1).is_some_and(|w| w == "mean") => 2,
            _ => return None,
        };
        said.get(k + len)
            .is_some_and(|w| WH.contains(&w.as_str()))
            .then_some((k, len))
    })?;
    if !opens_question(&said[..k]) {
        return None;
    }
    let starts = word_starts(focus);
    let first = focus[..starts[k]]
        .trim_end()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let again = focus[starts[k + len]..].trim().to_string();
    Some((first, again))
}

/// Where each word of `text`, as [`words`] splits it, starts.
fn word_starts(text: &str) -> Vec<usize> {
    let in_word = |c: char| c.is_alphanumeric() || c == '\'';
    let mut out = Vec::new();
    let mut inside = false;
    for (i, c) in text.char_indices() {
        if in_word(c) && !inside {
            out.push(i);
        }
        inside = in_word(c);
    }
    out
}

fn focus_from(message: &str, marked_first: bool) -> Option<String> {
    let clauses = split(message);
    if clauses.len() < 2 {
        // One clause may still hold a question asked after a verb of
        // asking ("my nephew asked how many people live there and i
        // had no idea") or after chatter and a lead-in ("not to be a
        // downer but how many people live there?").
        let words = words(message);
        // Not when what comes before says what the question leans on: a
        // figure ("i read 5 million people but how many live there?") or
        // what its pronoun stands for ("hts controls idlib but who are
        // they linked to?").
        let figure = words
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) || w == "million");
        return chatter_cut(message)
            .filter(|text| text.split_whitespace().count() < words.len())
            .filter(|text| !figure && !refers_back(&self::words(text)));
    }
    let opens = |c: &String| {
        let words: Vec<String> = words(c);
        words.len() >= MIN_WORDS && (opens_question(&words) || embedded(&words).is_some())
    };
    // "the article mentions him right?", "is that right?": a tag asking to
    // confirm what was said, not a question of its own.
    let tag = |c: &String| words(c).last().is_some_and(|w| TAGS.contains(&w.as_str()));
    let is_question = |c: &String| {
        !tag(c) && (opens(c) || (c.trim_end().ends_with('?') && words(c).len() >= MIN_WORDS))
    };
    // "…the news about syria, which i confess i find confusing.": a clause
    // after a comma that opens with a relative word and does not end with
    // "?" says more of the clause before it; it asks nothing.
    let relative = |i: usize| {
        i > 0 && clauses[i - 1].trim_end().ends_with(',') && relative_clause(&clauses[i])
    };
    let is_question_at = |i: usize| is_question(&clauses[i]) && !relative(i);
    // Small talk ("how's it going?") is no question about the article.
    let small_talk = |c: &String| super::social::read(c).is_some();
    // The last clause that opens as a question and ends with "?", else the
    // last that reads as one (opening as a question, or ending with "?"),
    // with the question clauses next to it ("where is idlib, and why does
    // it matter?", "is the us involved? 3.5 million refugees?"); the rest
    // is chatter, a sign-off or an aside ("... maybe islamic state? trying
    // to get the list right").
    let mut first = clauses
        .iter()
        .rposition(|c| {
            marked_first
                && is_question(c)
                && opens(c)
                && c.trim_end().ends_with('?')
                && !small_talk(c)
        })
        .or_else(|| {
            (0..clauses.len()).rposition(|i| is_question_at(i) && !small_talk(&clauses[i]))
        })?;
    // "…but who controls idlib?? 🤔 is it isis or someone else": a guess
    // is no question of its own; the question it guesses at, before it,
    // is the one asked.
    if let Some(asked) = (0..first)
        .rev()
        .find(|&j| clauses[j].trim_end().ends_with('?') && words(&clauses[j]).len() >= MIN_WORDS)
    {
        if guess(&words(&clauses[first]), &words(&clauses[asked])) {
            first = asked;
        }
    }
    let mut last = first;
    // A question clause that does not open as one may be the end of a
    // sentence split at its commas, whose question word came before ("in
    // which city was the meeting of turkey, russia and iran held?"): the
    // sentence is the question.
    if !opens(&clauses[first]) {
        let mut start = first;
        while start > 0 && clauses[start - 1].trim_end().ends_with(',') {
            start -= 1;
            if words(&clauses[start])
                .iter()
                .any(|w| WH.contains(&w.as_str()))
            {
                first = start;
                break;
            }
        }
    }
    // Past a one-word question between ("what sort of group is it,
    // religious? linked to anyone?").
    let one_word_asked =
        |i: usize| words(&clauses[i]).len() == 1 && clauses[i].trim_end().ends_with('?');
    // "i dont even know whos hosting. what city is the summit in?": a
    // sentence ended with a full stop that only tells what the asker
    // does not know is said before a question that stands alone, not
    // asked with it (but "…why damascus cares about this one province.
    // is it the last place…": the question's pronoun points there; "i
    // dont know how big idlib is. how many people live there?"; "…. and
    // when?" goes on with it). Not one telling what the asker wants to
    // know ("i want to know who backs turkey. and iran?").
    let stands_alone = |c: &String| {
        let said = words(c);
        // A question of its own, not a fragment guessing at the one
        // before ("i dont know who leads hts. al qaeda?").
        said.len() >= 3
            && opens_question(&said)
            && !refers_back(&said)
            && !said.iter().any(|w| matches!(w.as_str(), "there" | "then"))
            && said
                .first()
                .is_some_and(|w| !matches!(w.as_str(), "and" | "or" | "but" | "so"))
    };
    let told = |c: &String, asked: &String| {
        c.trim_end().ends_with('.') && {
            let said = words(c);
            !opens_question(&said) && not_knowing(&said) && stands_alone(asked)
        }
    };
    loop {
        if first > 0
            && is_question_at(first - 1)
            && !told(&clauses[first - 1], &clauses[first])
            && !small_talk(&clauses[first - 1])
            && !asks_the_room(&words(&clauses[first - 1]))
        {
            first -= 1;
        } else if first > 1
            && !opens(&clauses[first])
            && one_word_asked(first - 1)
            && is_question_at(first - 2)
            && !small_talk(&clauses[first - 2])
        {
            first -= 2;
        } else {
            break;
        }
    }
    while last + 1 < clauses.len() && is_question_at(last + 1) {
        last += 1;
    }
    // "why did putin, rowhani and erdogan meet": a question cut at a comma
    // goes on in the clause after it, unless that clause is the asker's
    // own ("…, me and my friend are arguing").
    // A one-name clause between ("putin, rowhani, and erdogan") is part
    // of the list when the list goes on after it.
    let item = |c: &String| c.trim_end().ends_with(',') && words(c).len() <= 2;
    while last + 1 < clauses.len() && clauses[last].trim_end().ends_with(',') {
        let next = &clauses[last + 1];
        let list_goes_on = item(next)
            && clauses
                .get(last + 2)
                .is_some_and(|after| item(after) || continues(&words(after)));
        if continues(&words(next)) || list_goes_on {
            last += 1;
        } else {
            break;
        }
    }
    // "who runs idlib? is it the rebels turkey backs or someone else", "did
    // the us say anything? or is it just russia": a clause after the
    // question that guesses at its answer is no part of what is asked.
    // Nor one that only asks for help with it ("…, can someone catch me
    // up?", "can u explain pls").
    while last > first
        && (guess(&words(&clauses[last]), &words(&clauses[first]))
            || asks_for_help(&words(&clauses[last])))
    {
        last -= 1;
    }
    // Each clause that holds a question after chatter is read from its
    // question word ("ok dumb question maybe but whats the point of the
    // meeting?", "… lol just wondering what he said").
    let cut: Vec<String> = clauses[first..=last]
        .iter()
        .map(|c| chatter_cut(c).unwrap_or_else(|| c.clone()))
        .collect();
    let mut text = cut
        .iter()
        .flat_map(|c| c.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(rest) = from_wh(&text) {
        text = rest;
    }
    // "that islamist alliance running idlib, who is it led by?": a
    // question whose pronoun points back keeps the clause before it, which
    // names what the question is about (not a lone "oh,"). When that
    // clause is all the message holds besides, the message is read whole
    // ("bro i keep seeing hayat tahrir al-sham mentioned, who are they"):
    // the question alone would not say who "they" are. The clause before
    // is no question: those are in the focus already. Only the first
    // question clause's pronoun looks there: a later one's points at the
    // clause before it, in the focus ("whats the summit about? like what
    // are they discussing" after "my dad asked me and i had no clue").
    // The first question clause is read from its question word on
    // ("my teacher explained it but who is de mistura?": not "it").
    let first_words = words(&from_wh(&clauses[first]).unwrap_or_else(|| clauses[first].clone()));
    let points_back = refers_back(&first_words);
    // A fragment with its question word after what it asks about ("...
    // last what?") leans on the clause before it too.
    let fragment = first_words.len() <= FRAGMENT_WORDS
        && first_words.iter().skip(1).any(|w| WH.contains(&w.as_str()));
    // The clause before is the last with words: "…roast the us and
    // russia?? what did he say about them" splits off a lone "?". Past
    // one only a short clause, which names what the pronoun stands for
    // rather than telling of the asker ("doing a school report on the
    // syria war and my teacher mentioned some summit in 2018??").
    // And only for a thing ("how many does it have there", "what did he
    // say about them"): one who acts ("erdogan met rowhani?? where did
    // they meet") is asked about apart from what the asker exclaims.
    let points_at_thing = first_words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "it" | "its")
            || (w == "them" && i > 0 && matches!(first_words[i - 1].as_str(), "about" | "of"))
    });
    let before_at = (0..first)
        .rev()
        .find(|&j| !words(&clauses[j]).is_empty())
        .filter(|&j| {
            j + 1 == first || (points_at_thing && words(&clauses[j]).len() <= NAMING_CLAUSE_WORDS)
        });
    // "…and also some other group of people, who was the other group?":
    // the other of a kind the clause before names is named there (not
    // "turkey supports the rebels, what do the other two support").
    let the_other = |before: &[String]| {
        first_words
            .windows(3)
            .any(|w| w[0] == "the" && w[1] == "other" && before.contains(&w[2]))
    };
    if let Some(before_at) =
        before_at.filter(|&j| points_back || fragment || the_other(&words(&clauses[j])))
    {
        let before = &clauses[before_at];
        let before_words = words(before);
        let named = before_words
            .iter()
            .filter(|w| !LEAD_INS.contains(&w.as_str()))
            .count();
        // "and trump, when did he give his warning?": one name after
        // "and" is whom the question turns to.
        let turns_to = named == 1 && before_words.first().is_some_and(|w| w == "and");
        // Not the asker telling what they are doing ("slow day at the
        // stall so i'm reading the news... what are they arguing about"):
        // "they" is not the asker. Unless the asker tells what they saw,
        // heard, know, think or are asking about, which "they" may be
        // ("i keep seeing hts mentioned, who are they", "im confused about
        // hts. who are they linked to", "i mean jaberi ansari. what did
        // they say", "i read that erdogan met rowhani first. where did
        // they meet putin").
        let of_asker = before_words
            .iter()
            .any(|w| matches!(w.as_str(), "i" | "im" | "ive" | "id"))
            && !before_words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "saw"
                        | "see"
                        | "seeing"
                        | "seen"
                        | "heard"
                        | "hear"
                        | "hearing"
                        | "noticed"
                        | "about"
                        | "regarding"
                        | "mean"
                        | "that"
                        | "in"
                        | "get"
                        | "know"
                        | "knew"
                        | "think"
                        | "thought"
                        | "guess"
                        | "assume"
                        | "assumed"
                        | "believe"
                )
            })
            && first_words
                .iter()
                .any(|w| matches!(w.as_str(), "they" | "them" | "their"));
        if (named >= MIN_WORDS || turns_to) && !small_talk(before) && !of_asker {
            let told = told_about(before);
            text = if told.len() < before.len() {
                // What was heard about stands in for the question's one
                // "it" ("i heard about some summit on idlib. what's it
                // for?" asks what the summit is for), else leads it.
                let told = told.trim().trim_end_matches(|c: char| !c.is_alphanumeric());
                it_replaced(&text, told).unwrap_or_else(|| format!("{told} {text}"))
            } else {
                format!("{} {text}", before.trim())
            };
        }
    }
    // "apart from idlib, what other zones were set up": what the question
    // sets aside, in the clause before it, is part of what it asks.
    if first > 0
        && sets_aside(&words(&clauses[first - 1]))
        && !text.contains(clauses[first - 1].trim())
    {
        text = format!("{} {text}", clauses[first - 1].trim());
    }
    let whole = message.split_whitespace().count();
    (text.split_whitespace().count() < whole).then_some(text)
}

/// `question` with its one standalone "it" put as `thing`; None when it
/// has no "it" or more than one.
fn it_replaced(question: &str, thing: &str) -> Option<String> {
    let words: Vec<&str> = question.split(' ').collect();
    fn bare(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
    }
    let mut at = words.iter().enumerate().filter(|(_, w)| {
        let b = bare(w).to_lowercase();
        b == "it" || b == "it's" || b == "it\u{2019}s"
    });
    let (i, w) = at.next()?;
    if at.next().is_some() {
        return None;
    }
    let b = bare(w);
    let said = if b.len() > 2 {
        format!("{thing} is")
    } else {
        thing.to_string()
    };
    let whole = w.replacen(b, &said, 1);
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
    out[i] = whole;
    Some(out.join(" "))
}

/// What a clause tells of, when it says who was talking or hearing about
/// it: "radio in the mess room was going on about some summit in tehran"
/// tells of "some summit in tehran"; "someone came in asking about that
/// summit and i blanked" of "that summit". Else the clause.
fn told_about(clause: &str) -> &str {
    // Not one whose words the asker asks after ("erdogan said something
    // about…", "…talked about working with russia"): only hearing, asking
    // and the talk around the asker ("going on about", "keeps talking
    // about").
    const TALK: &[&str] = &[
        "asking", "asked", "heard", "hear", "hearing", "reading", "read", "posting", "posted",
        "ranting", "chatting", "chatted", "story", "news", "piece", "article", "report",
    ];
    const GOING_ON: &[&str] = &["going", "goes", "went", "banging", "keeps", "kept", "been"];
    let said = words(clause);
    let starts = word_starts(clause);
    let talk = |k: usize| {
        let before = |j: usize| k.checked_sub(j).map(|b| said[b].as_str());
        // Not one who was asked ("de mistura was asked about the
        // fighters"): who answered is asked after. The asker may have been
        // ("i was asked about…").
        let passive = said[k] == "asked"
            && before(1).is_some_and(|b| {
                matches!(
                    b,
                    "was" | "were" | "is" | "are" | "been" | "being" | "get" | "got"
                )
            })
            && !before(2).is_some_and(|b| matches!(b, "i" | "we" | "ive" | "weve"));
        (TALK.contains(&said[k].as_str()) && !passive)
            || (matches!(said[k].as_str(), "on" | "talking")
                && before(1).is_some_and(|b| GOING_ON.contains(&b)))
    };
    // Told by the asker or those around them ("radio in the mess room",
    // "someone came in", "my dad"), not by one the question may be about
    // ("rowhani was chatting about the summit…").
    const AROUND_ASKER: &[&str] = &[
        "i",
        "im",
        "ive",
        "id",
        "we",
        "my",
        "our",
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "people",
        "radio",
        "tv",
        "news",
        "friend",
        "friends",
        "mate",
        "mates",
        "dad",
        "mum",
        "mom",
        "husband",
        "wife",
        "boss",
        "uncle",
        "aunt",
        "customer",
        "customers",
        "guy",
        "guys",
        "colleague",
        "colleagues",
        "they",
        "folks",
        "family",
    ];
    // When it was told may stand between the talk and "about" ("had the
    // news on this morning about…"), and the news may be had on ("had
    // the radio on about…").
    const WHEN: &[&str] = &[
        "this",
        "last",
        "morning",
        "night",
        "evening",
        "afternoon",
        "today",
        "tonight",
        "yesterday",
        "earlier",
    ];
    let told_at = |k: usize| {
        let mut j = k;
        while j > 1 && WHEN.contains(&said[j - 1].as_str()) {
            j -= 1;
        }
        j > 0
            && (talk(j - 1)
                || (said[j - 1] == "on"
                    && j > 1
                    && matches!(said[j - 2].as_str(), "news" | "radio" | "tv" | "telly")))
    };
    let Some(k) = said
        .iter()
        .rposition(|w| w == "about")
        .filter(|&k| told_at(k) && k + MIN_WORDS < said.len())
        .filter(|&k| {
            said[..k - 1]
                .iter()
                .any(|w| AROUND_ASKER.contains(&w.as_str()))
        })
    else {
        return clause;
    };
    let end_at = (k + 1..said.len().saturating_sub(1)).find(|&j| {
        matches!(said[j].as_str(), "and" | "but")
            && matches!(said[j + 1].as_str(), "i" | "im" | "ive" | "we" | "my")
    });
    // Too short to name what the pronoun stands for ("read an article
    // about hts and i'm lost"): the clause as it is.
    if end_at.is_some_and(|j| j < k + 1 + MIN_WORDS) {
        return clause;
    }
    let end = end_at
        .and_then(|j| starts.get(j).copied())
        .unwrap_or(clause.len());
    starts
        .get(k + 1)
        .map_or(clause, |&start| &clause[start..end])
}

/// Whether `clause`, not ending with "?", opens as a relative clause: a
/// relative word before a pronoun ("which i find confusing", "who we
/// visited", "where we live"), or "which" before a verb that comments
/// ("which seems odd"). Not "which jihadist group has…", a question, nor
/// "when they say…", which sets one up.
fn relative_clause(clause: &str) -> bool {
    if clause.trim_end().ends_with('?') {
        return false;
    }
    let words = words(clause);
    let [w, next, ..] = words.as_slice() else {
        return false;
    };
    let pronoun = matches!(
        next.as_str(),
        "i" | "im" | "ive" | "we" | "you" | "he" | "she" | "they" | "my" | "our"
    );
    let comments = matches!(
        next.as_str(),
        "seems" | "sounds" | "makes" | "made" | "means" | "confuses" | "surprised"
    );
    // "ok, when they say refugees, how many…": what the question is
    // about, set up before it (not "when i was younger").
    let sets_up = words.get(2).is_some_and(|w| SAYING.contains(&w.as_str()));
    match w.as_str() {
        "which" => pronoun || comments,
        "who" | "whom" | "whose" | "where" => pronoun,
        "when" => pronoun && !sets_up,
        _ => false,
    }
}

/// Verbs of saying after "when" and its subject: "when they say
/// refugees," names what the question after it is about.
const SAYING: &[&str] = &[
    "say", "says", "said", "talk", "talks", "mention", "mentions", "mean", "means", "call",
    "calls", "refer", "refers", "write", "writes", "wrote",
];

/// The most words a thing set aside may be named in, when only a question
/// word asks for something else ("what does turkey host besides
/// observation posts in idlib").
const ASIDE_NAMED_WORDS: usize = 5;

/// What a question sets aside, when it asks for something else:
/// "besides saying the summit would help resolve issues, what else did
/// erdogan stress" sets aside "saying the summit would help resolve
/// issues". The words after "besides", "apart from", "aside from" or
/// "other than", up to the next clause or question word; None when there
/// is no such phrase, or the question asks nothing else (neither "else",
/// "other", "another", "more", nor a question word).
pub fn set_aside(message: &str) -> Option<String> {
    let all = words(message);
    let clause = split(message)
        .into_iter()
        .map(|c| words(&c))
        .find(|w| (0..w.len()).any(|i| aside_from(w, i).is_some()))?;
    let at = (0..clause.len()).find_map(|i| aside_from(&clause, i))?;
    let phrase: Vec<&str> = clause[at..]
        .iter()
        .map(String::as_str)
        .take_while(|w| !WH.contains(w))
        .collect();
    // Something else is asked for ("other" not in "other than").
    let asks_else = all.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "else" | "another" | "more")
            || (w == "other" && all.get(i + 1).is_none_or(|n| n != "than"))
    });
    // Or a question word asks for it ("what does turkey host besides the
    // observation posts", "apart from refugees what does it host" ask
    // what else it hosts), when the thing is named in a few words: a
    // longer phrase goes on to what is asked ("besides idlib itself
    // erdogan brought up a worry…").
    let asks_which =
        phrase.len() <= ASIDE_NAMED_WORDS && all.iter().any(|w| WH.contains(&w.as_str()));
    ((asks_else || asks_which) && !phrase.is_empty()).then(|| phrase.join(" "))
}

/// Where what is set aside begins when `words[i]` starts a phrase setting
/// something aside ("besides", "except", "apart from", "aside from",
/// "other than"): the index after it. The one reader of those words.
pub fn aside_from<S: AsRef<str>>(words: &[S], i: usize) -> Option<usize> {
    let next = words.get(i + 1).map(AsRef::as_ref);
    match (words.get(i)?.as_ref(), next) {
        ("apart" | "aside", Some("from")) | ("other", Some("than")) => Some(i + 2),
        ("besides" | "except", _) => Some(i + 1),
        _ => None,
    }
}

/// Whether `clause` sets one thing aside, named in a word or two
/// ("besides idlib", "apart from the massacre"), after any lead-in. A
/// longer description ("besides fighters supported by the west") shares
/// words with the answer that tells it apart, and stays out.
fn sets_aside(clause: &[String]) -> bool {
    let rest: Vec<&str> = clause
        .iter()
        .map(String::as_str)
        .skip_while(|w| LEAD_INS.contains(w))
        .collect();
    let Some(at) = aside_from(&rest, 0) else {
        return false;
    };
    let named = rest[at..]
        .iter()
        .filter(|w| !matches!(**w, "the" | "a" | "an" | "all" | "that" | "this"))
        .count();
    (1..=2).contains(&named)
}

/// Whether `clause`, after a question clause ending in a comma, goes on
/// with the question's list of names ("rowhani and erdogan meet"): an
/// "and"/"or" early in it, no word of the asker's, no "not"
/// ("…, and don't say the rebels").
fn continues(clause: &[String]) -> bool {
    const ASKER: &[&str] = &[
        "i", "im", "ive", "me", "my", "we", "us", "our", "you", "u", "ur", "your", "lol", "pls",
        "please", "thanks", "thx", "ty", "not", "no", "dont", "but",
    ];
    clause.len() <= LIST_GOES_ON_WORDS
        && clause
            .iter()
            .take(3)
            .any(|w| matches!(w.as_str(), "and" | "or"))
        && !clause.iter().any(|w| ASKER.contains(&w.as_str()))
}

/// Whether `clause`, after the question clause `asked`, offers a guess at
/// the answer: an alternative ("or is it just russia", "or someone else"),
/// or after a question word a "is it …" naming candidates ("is it the
/// rebels turkey backs or someone else", "is it isis?"), not one asking on
/// ("was it really arranged with the government", "is that why it
/// matters", "is it run by al qaeda").
fn guess(clause: &[String], asked: &[String]) -> bool {
    // Past a lead-in ("like was it a press thing or what").
    let lead = clause
        .iter()
        .take_while(|w| LEAD_INS.contains(&w.as_str()))
        .count();
    let clause = &clause[lead..];
    let first = |i: usize| clause.get(i).map(String::as_str);
    // A question word anywhere in it: "yo who runs idlib", "can you tell
    // me who…".
    let wh = asked.iter().any(|w| WH.contains(&w.as_str()));
    // Names offered, or a reason ("is it just because rebels are there").
    let names = clause.iter().any(|w| w == "or" || w == "because") || clause.len() <= 6;
    let verb = clause.iter().skip(2).any(|w| {
        (w.ends_with("ed") || w.ends_with("ing") || matches!(w.as_str(), "run" | "why" | "true"))
            && !crate::words::has(&crate::words::lists().not_verbs, w)
    });
    // About someone, only alternatives offered ("was he hostile or
    // nah"): "what about the aide? is he hopeful?" asks it.
    let alternatives = clause.iter().any(|w| w == "or");
    // What the asker took the answer to be ("i assumed it was just
    // regular rebels but apparently not??").
    let believed = matches!(
        (first(0), first(1)),
        (
            Some("i" | "we"),
            Some("assumed" | "assume" | "thought" | "figured" | "guessed" | "guess")
        )
    );
    // What is offered before the "or" holds no verb: "is it controlled
    // by hts or is there another group" asks on.
    let or_at = clause.iter().position(|w| w == "or");
    let offers_other = or_at.is_some_and(|o| {
        !clause.get(o + 1).is_some_and(|n| {
            matches!(
                n.as_str(),
                "something" | "smth" | "sth" | "what" | "anything" | "not" | "nah"
            )
        }) && !clause[..o].iter().skip(2).any(|w| {
            (w.ends_with("ed") || w.ends_with("ing"))
                && !crate::words::has(&crate::words::lists().not_verbs, w)
        })
    });
    let it_is = matches!(
        (first(0), first(1)),
        (Some("is" | "was"), Some("it" | "that"))
    );
    first(0) == Some("or")
        || (wh && believed)
        // "is it just generic 'rebels' or is there a specific group
        // named": names offered, whatever verb follows (not "is it
        // linked to al qaeda or something", which asks on).
        || (wh && offers_other && it_is)
        || (wh
            && names
            && !verb
            && match (first(0), first(1)) {
                (Some("is" | "was"), Some("it" | "that")) => true,
                (Some("is" | "was"), Some("he" | "she")) => alternatives,
                _ => false,
            })
}

/// Whether `clause` only asks someone to help with what was asked: "can
/// someone catch me up?", "could u explain pls", "fill me in". Every word
/// is one of asking for help.
fn asks_for_help(clause: &[String]) -> bool {
    const HELP: &[&str] = &[
        "can", "could", "would", "will", "someone", "somebody", "anyone", "anybody", "you", "u",
        "ya", "pls", "please", "plz", "catch", "me", "us", "up", "fill", "in", "explain", "help",
        "clarify", "it", "this", "that", "simply", "quickly", "ty", "thanks", "thx", "lol",
    ];
    let asks = clause.iter().any(|w| {
        matches!(
            w.as_str(),
            "catch" | "fill" | "explain" | "help" | "clarify"
        )
    });
    asks && clause.iter().all(|w| HELP.contains(&w.as_str()))
}

/// Whether a question's pronoun points back before it: not "their" (most
/// often its own clause's: "which countries had their presidents there"),
/// nor "it" before a word of saying (the article: "what does it say"), nor
/// "it" pointing at nothing ("is it true that…").
fn refers_back(words: &[String]) -> bool {
    // "who said that?": "that" ending a short question is what was said
    // before it ("who said that X": a conjunction; "why does turkey care
    // about all this": the whole story, not the clause before).
    let that_ends = words.len() <= FRAGMENT_WORDS + 1 && words.last().is_some_and(|w| w == "that");
    // "which province is that in?": "that" last but for a preposition
    // stands for what was named before.
    let that_before_preposition = matches!(
        words,
        [.., that, p] if that == "that"
            && matches!(p.as_str(), "in" | "on" | "near" | "from" | "about" | "at")
    );
    let lists = crate::words::lists();
    that_ends
        || that_before_preposition
        || words.iter().enumerate().any(|(i, w)| {
            // "what's it called": the name of what was described before.
            let its_name = i > 0
                && matches!(words[i - 1].as_str(), "s" | "is" | "was" | "whats")
                && words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.as_str(), "called" | "named"));
            let nothing = w == "it"
                && !its_name
                && words.get(i + 1).is_some_and(|n| {
                    crate::words::has(&lists.say, n)
                        || crate::words::has(&lists.expletive_it, n)
                        || matches!(n.as_str(), "mean" | "means" | "mention" | "mentions")
                });
            // "whats the deal with that province": the place named before,
            // when the question asks of nothing but the place. "who
            // controls that province" is about the article's province
            // whatever came before.
            let that_place = matches!(w.as_str(), "that" | "this")
                && words
                    .get(i + 1)
                    .is_some_and(|n| crate::words::has(&lists.place_nouns, n))
                && words.iter().all(|x| {
                    crate::words::has(&lists.place_nouns, x)
                        || LEAD_INS.contains(&x.as_str())
                        || matches!(
                            x.as_str(),
                            "what"
                                | "whats"
                                | "s"
                                | "is"
                                | "the"
                                | "deal"
                                | "with"
                                | "about"
                                | "that"
                                | "this"
                                | "tell"
                                | "me"
                                | "more"
                                | "know"
                                | "name"
                                | "of"
                                | "called"
                                | "please"
                                | "pls"
                                | "in"
                                | "there"
                        )
                });
            // "how did that come about", "why does this matter": what
            // happened is what was told before.
            let that_event = matches!(w.as_str(), "that" | "this")
                && i > 0
                && crate::words::has(&lists.auxiliaries, &words[i - 1])
                && words
                    .get(i + 1)
                    .is_some_and(|n| EVENTS.contains(&n.as_str()));
            (BACK_REFERENCES.contains(&w.as_str()) && !nothing) || that_place || that_event
        })
}

/// Whether `words` tell that the asker does not know something ("i dont
/// even know…", "no idea…", "idk…"), not that they want to ("i want to
/// know who…", "i wonder what…").
fn not_knowing(words: &[String]) -> bool {
    let knowing = |w: &str| matches!(w, "know" | "knew" | "idea" | "sure" | "remember");
    words.windows(2).any(|w| {
        matches!(w[0].as_str(), "dont" | "didnt" | "not" | "never" | "no") && knowing(&w[1])
    }) || words.windows(3).any(|w| {
        matches!(w[0].as_str(), "dont" | "didnt" | "not")
            && matches!(w[1].as_str(), "even" | "really" | "actually")
            && knowing(&w[2])
    }) || words
        .iter()
        .any(|w| matches!(w.as_str(), "idk" | "dunno" | "forgot" | "blanked"))
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| crate::normalize::unstretched(w.to_lowercase().replace('\'', "")))
        .collect()
}

/// Where, in `words`, a question embedded after a verb of asking begins
/// ("find out *who*", "wondering *what*", "tell me *how*").
fn embedded(words: &[String]) -> Option<usize> {
    // "i dont really know who they are" asks nothing the question before
    // it did not: no word after the question word says what ("what he
    // said", "how many" do).
    words.iter().enumerate().skip(1).find_map(|(i, w)| {
        // Not what the asker means to do ("trying to figure out when to
        // check the news").
        let asked = WH.contains(&w.as_str())
            && words.get(i + 1).is_none_or(|n| n != "to")
            && words[i.saturating_sub(3)..i]
                .iter()
                .any(|b| EMBEDDERS.contains(&b.as_str()))
            && words[i + 1..].iter().any(|w| !EMPTY.contains(&w.as_str()));
        asked.then_some(i)
    })
}

/// A clause that does not open as a question but holds one after chatter
/// or a verb of asking: the text from its question word on.
fn from_wh(clause: &str) -> Option<String> {
    let words = words(clause);
    if opens_question(&words) && !asks_to_be_told(&words) {
        return None;
    }
    // "What" asked in place of what is done, said or named ("the parties
    // would do what to reach a compromise?", "he said what about the us?",
    // "the article calls idlib the last what?") is asked by the whole
    // clause; "he said how many…" asks how many.
    let in_place = |i: usize| {
        matches!(words[i].as_str(), "what" | "whats")
            && i > 0
            && matches!(
                words[i - 1].as_str(),
                "do" | "does"
                    | "did"
                    | "doing"
                    | "done"
                    | "say"
                    | "says"
                    | "said"
                    | "the"
                    | "last"
                    | "call"
                    | "calls"
                    | "called"
                    | "named"
            )
            // "…protecting the security of how many civilians?": a
            // question word after a preposition is asked in its place.
            || (i > 1
                && matches!(words[i].as_str(), "how" | "which" | "what" | "whom")
                && matches!(
                    words[i - 1].as_str(),
                    "of" | "about" | "for" | "with" | "to" | "by" | "from" | "on"
                ))
    };
    let at = embedded(&words).or_else(|| {
        clause
            .trim_end()
            .ends_with('?')
            .then(|| words.iter().position(|w| WH.contains(&w.as_str())))
            .flatten()
            .filter(|&i| !in_place(i))
    })?;
    if words.len() - at < MIN_WORDS + 1 {
        return None;
    }
    // The clause's text from that word on (in its own spelling, so the
    // question keeps its punctuation), up to where the asker goes on about
    // themselves ("she asked how many people live in idlib and i had no
    // clue").
    let starts = word_starts(clause);
    let start = *starts.get(at)?;
    let end = (at + MIN_WORDS + 1..words.len().saturating_sub(1))
        .find(|&k| {
            matches!(words[k].as_str(), "and" | "but")
                && matches!(words[k + 1].as_str(), "i" | "im" | "ive" | "we" | "my")
        })
        .and_then(|k| starts.get(k).copied())
        .unwrap_or(clause.len());
    Some(clause[start..end].trim().to_string())
}

/// Whether a clause opening as a question only asks someone to tell the
/// question inside it: "can someone remind me what the summit is about",
/// "do you know who runs idlib" ask what and who.
fn asks_to_be_told(words: &[String]) -> bool {
    let rest: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| LEAD_INS.contains(w))
        .collect();
    matches!(
        rest.as_slice(),
        [aux, who, ..]
            if matches!(*aux, "can" | "could" | "would" | "will" | "do" | "does")
                && matches!(
                    *who,
                    "you" | "u" | "ya" | "someone" | "somebody" | "anyone" | "anybody" | "any1"
                )
    ) && embedded(words).is_some()
}

/// A clause's question after chatter: after a verb of asking ("… lol
/// just wondering what he said") or a lead-in ("ok dumb question maybe
/// but whats the point…?"), not after what someone did ("erdogan
/// described whats going on as…?", which asks about what he said).
fn chatter_cut(clause: &str) -> Option<String> {
    let words = words(clause);
    let after_lead_in = words
        .iter()
        .position(|w| WH.contains(&w.as_str()))
        .is_some_and(|i| i > 0 && LEAD_INS.contains(&words[i - 1].as_str()));
    (embedded(&words).is_some() || after_lead_in)
        .then(|| from_wh(clause))
        .flatten()
}

/// Whether a clause asks the people in the channel about themselves
/// ("heyyy anyone else on break?", "anybody awake?"): past a greeting or
/// lead-in, a few words opening with "anyone", with no question word, no
/// "if" or "whether" and no verb of knowing (not "anyone know who runs
/// idlib?" nor "anyone know if erdogan is worried about refugees?").
fn asks_the_room(words: &[String]) -> bool {
    let greeting = |w: &str| matches!(w, "hey" | "hi" | "hello" | "yo" | "hiya" | "heya");
    let rest: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| LEAD_INS.contains(w) || greeting(w))
        .collect();
    rest.first()
        .is_some_and(|w| matches!(*w, "anyone" | "anybody" | "any1"))
        && rest.len() <= ROOM_WORDS
        && !rest.iter().any(|w| {
            WH.contains(w)
                || matches!(
                    *w,
                    "if" | "whether"
                        | "know"
                        | "knows"
                        | "think"
                        | "remember"
                        | "heard"
                        | "read"
                        | "seen"
                        | "understand"
                        | "get"
                        | "explain"
                )
        })
}

/// Most words of a clause asking who else is around ("anyone else on
/// break").
const ROOM_WORDS: usize = 5;

fn opens_question(words: &[String]) -> bool {
    let mut rest = words.iter().skip_while(|w| LEAD_INS.contains(&w.as_str()));
    rest.next().is_some_and(|w| {
        OPENERS.contains(&w.as_str()) && !(PAST_AUXILIARIES.contains(&w.as_str()) && tells(rest))
    })
}

/// Auxiliaries a sentence about the asker may open with, its "i" left out:
/// "was reading the news while…", "have been following this", "had heard
/// of it".
const PAST_AUXILIARIES: &[&str] = &["was", "were", "have", "has", "had"];

/// Whether the words after an auxiliary go on with something the asker
/// did, not a subject: "(was) reading the news", "(have) been following
/// it", "(had) just heard". A question puts its subject there ("was
/// turkey…", "have they…"), which may be a deed ("was bombing feared",
/// "was killing of civilians discussed"): only the asker's own doings
/// (reading, watching, wondering…) tell.
fn tells<'a>(mut after: impl Iterator<Item = &'a String>) -> bool {
    const DOINGS: &[&str] = &[
        "been",
        "heard",
        "read",
        "seen",
        "tried",
        "noticed",
        "watched",
        "looked",
        "got",
        "gotten",
        "reading",
        "wondering",
        "thinking",
        "looking",
        "watching",
        "listening",
        "scrolling",
        "following",
        "trying",
        "talking",
        "chatting",
        "hoping",
        "working",
        "driving",
        "sitting",
        "waiting",
        "checking",
        "browsing",
        "skimming",
        "studying",
        "googling",
        "asking",
        "catching",
        "hearing",
        "doing",
        "getting",
    ];
    let verb = |w: &str| DOINGS.contains(&w);
    match after.next().map(String::as_str) {
        Some("just" | "only" | "literally") => after.next().is_some_and(|w| verb(w)),
        Some(w) => verb(w),
        None => false,
    }
}

/// Clauses: split after sentence ends and at commas, semicolons, dashes,
/// colons and line breaks; each keeps its closing mark.
fn split(message: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        let boundary = match c {
            '?' | '!' | ';' | '\n' | ',' | '…' => true,
            // A full stop ends a clause before a space, but not after an
            // initial ("U.S. involved") nor inside a number ("3.5").
            '.' => chars.peek().is_none_or(|n| n.is_whitespace()) && !after_initial(&cur),
            // A colon before a space ends what leads up to it ("quick q
            // from the night porter: where is…"), not a time ("10:30").
            '-' | '—' | '–' | ':' => chars.peek().is_some_and(|n| n.is_whitespace()),
            // An emoji ends what came before it ("…lost her shoe 🙄 anyway
            // heard…"), at the end of its run (a flag's two letters, a
            // variation selector, a joined sequence: "🤷‍♂️", "❤️").
            // Before a mark, the mark ends it ("😟. how did he…").
            c if is_emoji(c) || is_emoji_joiner(c) => chars
                .peek()
                .is_none_or(|&n| n.is_whitespace() || n.is_alphanumeric()),
            _ => false,
        };
        if boundary {
            if !cur.trim().is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Whether `c` is a pictograph (an emoji such as 🙄, 😅, ☕, ⭐) or half
/// of a flag.
fn is_emoji(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1F1E6..=0x1F1FF | 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF
    )
}

/// Whether `c` joins or styles an emoji (a zero-width joiner, a variation
/// selector).
fn is_emoji_joiner(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{FE0E}')
}

/// Whether `clause` ends with a single letter and a full stop ("U.S.").
fn after_initial(clause: &str) -> bool {
    let mut rev = clause.chars().rev().skip(1);
    matches!(
        (rev.next(), rev.next()),
        (Some(l), None) | (Some(l), Some(' ' | '.')) if l.is_alphabetic()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message's focus is the one given (None: the whole message).
    fn assert_focus(cases: &[(&str, Option<&str>)]) {
        for (text, want) in cases {
            assert_eq!(focus(text).as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn reads_what_a_question_sets_aside() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "besides the summit helping resolve issues, what else did erdogan say",
                Some("the summit helping resolve issues"),
            ),
            (
                "apart from idlib which other zones were set up",
                Some("idlib"),
            ),
            // A question word asks for another thing, set aside in a few
            // words.
            (
                "what does turkey host apart from its observation posts",
                Some("its observation posts"),
            ),
            // Not in a longer phrase, which goes on to what is asked.
            (
                "besides being close to the border with latakia and the russians who is in idlib",
                None,
            ),
            // Who else is there is asked by the question word too.
            (
                "who is other than erdogan at the summit",
                Some("erdogan at the summit"),
            ),
            // Asking for nothing else, nothing is set aside.
            ("is anyone other than erdogan at the summit", None),
            ("what did erdogan say", None),
        ];
        for (message, expected) in cases {
            assert_eq!(set_aside(message).as_deref(), *expected, "{message:?}");
        }
    }

    #[test]
    fn finds_the_question_in_chatter() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "hey so me and my roommate were debating this all night lol, who actually runs idlib these days?",
                Some("who actually runs idlib these days?"),
            ),
            (
                "sorry if this is dumb. where is the summit? need it for class",
                Some("where is the summit?"),
            ),
            (
                "ok so quick q, why is turkey worried about idlib? thx",
                Some("why is turkey worried about idlib?"),
            ),
            // Asking who else is around asks nothing of the article.
            (
                "hiii anybody else up? so where are the talks held, i only caught the end",
                Some("so where are the talks held,"),
            ),
            (
                "anyone know? where are the talks held",
                Some("where are the talks held"),
            ),
            // A clause asking the room that names the topic is kept.
            (
                "hi anyone know if erdogan is worried about refugees? how many does turkey have",
                None,
            ),
            // A guess after the question, past a lone "?", is not asked.
            (
                "my bad if this is basic lol but who really runs idlib?? 😅 is it hts or someone else",
                Some("who really runs idlib?"),
            ),
            // An emoji ends the chatter before it, whole, or glued on.
            (
                "left my notes on the bus 🙈 where are the presidents meeting",
                Some("where are the presidents meeting"),
            ),
            (
                "love this server ❤️ who is putin meeting with",
                Some("who is putin meeting with"),
            ),
            (
                "no clue 🤷‍♂️ where are the presidents meeting",
                Some("where are the presidents meeting"),
            ),
            (
                "ok 😅so where are the presidents meeting",
                Some("so where are the presidents meeting"),
            ),
            // Chatter before a colon.
            (
                "one from the night shift: where is the russian air base",
                Some("where is the russian air base"),
            ),
            // Chatter before the question word, in its clause or a later.
            (
                "ok dumb question maybe but whats the point of the summit? ty",
                Some("whats the point of the summit?"),
            ),
            (
                "did trump say anything? not trying to start a fight lol just wondering what he said",
                Some("did trump say anything? what he said"),
            ),
            // What the asker did is no chatter: "whats" is part of it.
            (
                "erdogan described whats going on in idlib as a process? what word did he use, i forget",
                Some("erdogan described whats going on in idlib as a process? what word did he use,"),
            ),
            // What the asker assumed, or means to do, is not asked.
            (
                "who runs idlib? i assumed it was the army but apparently not??",
                Some("who runs idlib?"),
            ),
            (
                "when is the summit? trying to figure out when to check the news",
                Some("when is the summit?"),
            ),
            ("who runs idlib", None),
            ("who runs idlib?", None),
            ("", None),
            ("hi, thanks", None),
            ("where is idlib, and why does it matter?", None),
            // A sentence split at the commas of a list is one question.
            (
                "hi all. in which city did the leaders of turkey, russia and iran meet before?",
                Some("which city did the leaders of turkey, russia and iran meet before?"),
            ),
            // Not chatter before a comma, with no question word.
            (
                "ok so the aide said idlib must be 'liberated', liberated from who exactly?",
                Some("liberated from who exactly?"),
            ),
            ("Is the U.S. involved? 3.5 million refugees?", None),
            // A fragment leans on the clause before it.
            (
                "ppl keep calling idlib the 'last' something... last what? ty",
                Some("ppl keep calling idlib the 'last' something... last what?"),
            ),
            // "who's" opens a question.
            (
                "lol so lost. who's backing assad in this war? asking for a friend",
                Some("who's backing assad in this war?"),
            ),
            // A later clause's pronoun points inside the focus, not at the
            // asker's chatter before it.
            (
                "my brother asked me and i had no clue. whats the summit about? like what are they discussing",
                Some("whats the summit about? like what are they discussing"),
            ),
            // A guess at the answer after the question is not asked.
            (
                "hiya, who runs idlib on the ground? is it the rebels turkey backs or someone else",
                Some("who runs idlib on the ground?"),
            ),
            (
                "hey did the us say anything about this? or is it just russia involved",
                Some("hey did the us say anything about this?"),
            ),
            (
                "yo who runs idlib? is it the rebels or someone else",
                Some("who runs idlib?"),
            ),
            // A guess at what someone is like ("was he hostile or…").
            (
                "so what did erdogan say about the us? was he angry or calm lol",
                Some("so what did erdogan say about the us?"),
            ),
            // Not a question of its own about someone named before it.
            (
                "what about jaberi ansari? is he hopeful about a deal?",
                None,
            ),
            // The guess may follow a lead-in.
            (
                "hmm so who is running idlib? like is it random rebel groups or one main group. ty",
                Some("hmm so who is running idlib?"),
            ),
            (
                "who runs idlib? is it the rebels or something else",
                Some("who runs idlib?"),
            ),
            // "That province" is the place named before it.
            (
                "ok so latakia keeps coming up, whats the deal with that province?",
                None,
            ),
            // After a chat interjection, as after a lead-in.
            (
                "lol so who runs idlib now, is it just rebels or one group?",
                Some("lol so who runs idlib now,"),
            ),
            (
                "who controls idlib? is it the rebels turkey backs",
                Some("who controls idlib?"),
            ),
            (
                "why does assad care about idlib? is it just because rebels are there",
                Some("why does assad care about idlib?"),
            ),
            // "that" ending a short question is the clause before it; the
            // guess after is no part of it.
            (
                "hi. the line about a ruthless process going on, who said that? i bet it was putin",
                Some("the line about a ruthless process going on, who said that?"),
            ),
            // "whos" starts the question inside a clause, so the name it
            // asks about stays with the "he" after it.
            (
                "hey whos staffan de mistura and when did he give that warning? ty",
                Some("whos staffan de mistura and when did he give that warning?"),
            ),
            // A relative clause after a comma asks nothing.
            (
                "I have been reading about Syria, which I find rather confusing at my age. Could you tell me which three countries' presidents are meeting?",
                Some("which three countries' presidents are meeting?"),
            ),
            (
                "my uncle, who we visited last week, keeps asking. where is the summit",
                Some("where is the summit"),
            ),
            // "when they say…" sets up the question after it.
            (
                "ok, when they say refugees, how many are there in turkey",
                Some("when they say refugees, how many are there in turkey"),
            ),
            (
                "I was in Tehran in 2010, when I was younger. Where is the summit being held",
                Some("Where is the summit being held"),
            ),
            // "which" asking, after what the question sets aside.
            (
                "hey all. besides the rebels, which group has the army been fighting",
                Some("besides the rebels, which group has the army been fighting"),
            ),
            // Not a clause that asks on ("was it arranged…", "is that why…").
            (
                "what borders idlib? is that why it's important?",
                None,
            ),
            // Not a clause that asks on ("was it arranged…").
            (
                "hi, how were the rebels moved there, was it arranged with the government?",
                Some("how were the rebels moved there, was it arranged with the government?"),
            ),
            // A list of names after a comma is the question's own…
            (
                "why did putin, rowhani and erdogan meet",
                None,
            ),
            (
                "why did putin, rowhani, and erdogan meet",
                None,
            ),
            // …however long what the list goes on to ask.
            (
                "so did putin, erdogan and rowhani agree on some deal in the end",
                None,
            ),
            // A list's own verb ("say") is no word of the asker's.
            (
                "what did erdogan, rowhani and putin say",
                None,
            ),
            // …not the asker's aside.
            (
                "who controls idlib, and not the syrian government",
                Some("who controls idlib,"),
            ),
            (
                "who runs idlib, me and my friend are arguing",
                Some("who runs idlib,"),
            ),
            (
                "Hi, I'm trying to find out who the UN envoy to Syria is. Thanks! xx",
                Some("who the UN envoy to Syria is."),
            ),
            (
                "i skimmed it on my phone but totally missed where the summit is being held. anyone know?",
                Some("where the summit is being held."),
            ),
            (
                "hey hey, need a quick fact check for a debate 😅 how many civilians live in idlib? ty",
                Some("how many civilians live in idlib?"),
            ),
            // A pronoun keeps the clause that names what it stands for.
            // Past a lone "?" ("??" ends it) too, when that clause is short
            // (here the whole message, read whole).
            (
                "ok wait turkey runs posts inside idlib?? how many of them are there",
                None,
            ),
            (
                "hi all, so my aunt was telling me over dinner last night about some summit in 2018?? who was at it",
                Some("who was at it"),
            ),
            // Not for one who acts: the exclamation is not what is asked.
            (
                "erdogan met rowhani?? where did they meet",
                Some("where did they meet"),
            ),
            (
                "hi, the article mentions a diplomat who handles syria, what's his name?",
                Some("the article mentions a diplomat who handles syria, what's his name?"),
            ),
            (
                "hey just curious, that islamist alliance running idlib, who is it led by?",
                Some("that islamist alliance running idlib, who is it led by?"),
            ),
            (
                "ok got it. and trump, when did he give his warning?",
                Some("and trump, when did he give his warning?"),
            ),
            // "what's it called": the name of what the clause before
            // describes.
            (
                "hiya. the province next to idlib where assad is strongest, what's it called?",
                Some("the province next to idlib where assad is strongest, what's it called?"),
            ),
            // "the other group" of a group the clause before names; not
            // the other two of those it leaves out.
            (
                "ok so. the kremlin spoke of refugees and another group, who is the other group?",
                Some("the kremlin spoke of refugees and another group, who is the other group?"),
            ),
            (
                "ok so. turkey backs the rebels, what do the other two back?",
                Some("what do the other two back?"),
            ),
            // Read whole when the clause before is all the rest.
            (
                "and trump, when did he give his warning?",
                None,
            ),
            (
                "bro i keep seeing hayat tahrir al-sham mentioned, who are they?",
                None,
            ),
            (
                "wow that's crazy, what did he say after that?",
                None,
            ),
            // Not for an "it" that points at nothing or at the article.
            (
                "i read the article for class today, is it true that turkey hosts 3.5 million refugees?",
                Some("is it true that turkey hosts 3.5 million refugees?"),
            ),
            (
                "i was reading the article, what does it mean by de-escalation?",
                Some("what does it mean by de-escalation?"),
            ),

            // Not knowing "who they are" asks nothing more than the
            // question before it.
            (
                "what is the kremlin exactly? saw it in the news but i dont know what it is lol",
                Some("what is the kremlin exactly?"),
            ),
            // A tag after the question is not the question.
            (
                "so what did trump say about all this? the article mentions him right?",
                Some("so what did trump say about all this?"),
            ),
            (
                "who runs idlib these days? hts i think?",
                Some("who runs idlib these days?"),
            ),
            // A question before an aside that ends with "?".
            (
                "hey, who has assad been fighting lately? i read something about it, maybe isis? need it for a quiz",
                Some("who has assad been fighting lately?"),
            ),
            (
                "trying to figure out who runs idlib. anyone know?",
                Some("who runs idlib."),
            ),
            ("who runs idlib? any idea?", Some("who runs idlib?")),
            // Small talk and exclamations are not the question.
            (
                "how's it going? hope you're well. erdogan met rowhani before the summit?",
                Some("erdogan met rowhani before the summit?"),
            ),
            (
                "what a mess. i read the article twice. turkey hosts how many refugees?",
                Some("how many refugees?"),
            ),
            ("turkey hosts 3.5 million refugees, is that right?", None),
            // With no clause opening as a question, the one ending with "?".
            (
                "ok so. erdogan met rowhani before the summit?",
                Some("erdogan met rowhani before the summit?"),
            ),
        ];
        assert_focus(cases);
    }

    #[test]
    fn a_sentence_about_the_asker_without_its_i_is_no_question() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "was reading up on this during lunch. who hosted the summit?",
                Some("who hosted the summit?"),
            ),
            (
                "have been following the syria news for weeks, which leaders met?",
                Some("which leaders met?"),
            ),
            (
                "had just heard about it on the radio. why does idlib matter",
                Some("why does idlib matter"),
            ),
            // A question opening with the same words puts a subject after
            // them, or asks with "?".
            ("was turkey at the summit? and was russia", None),
            (
                "sorry. was fighting still going on in idlib?",
                Some("was fighting still going on in idlib?"),
            ),
            // A deed as the subject is no doing of the asker's.
            (
                "was shelling of the towns feared by ankara. and by whom",
                Some("was shelling of the towns feared by ankara."),
            ),
            (
                "was anything said about the refugees. and by whom",
                Some("was anything said about the refugees."),
            ),
        ];
        assert_focus(cases);
    }

    #[test]
    fn a_what_asked_in_place_of_a_name_keeps_the_words_naming_it() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "long shift today. so the piece keeps calling idlib the last what? last rebel base or so?",
                Some("so the piece keeps calling idlib the last what? last rebel base or so?"),
            ),
            (
                "ok sorry. and the un envoy is named what? staffan something?",
                Some("and the un envoy is named what? staffan something?"),
            ),
            // A question after chatter is still read from its question word.
            (
                "ok. no idea but what is idlib?",
                Some("what is idlib?"),
            ),
        ];
        assert_focus(cases);
    }

    #[test]
    fn what_the_news_told_of_stands_in_for_it_when_it_was_had_on_earlier() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "my mum had the radio on this morning about a summit in iran, who was at it?",
                Some("who was at a summit in iran?"),
            ),
            (
                "my uncle was reading last night about some summit in tehran. what was it for",
                Some("what was some summit in tehran for"),
            ),
            // Not when who talked is one the question asks about.
            (
                "erdogan went on this morning about working with russia, what did he say",
                None,
            ),
        ];
        assert_focus(cases);
    }

    #[test]
    fn they_in_a_question_is_not_the_asker_telling_what_they_do() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "quiet shift so i'm skimming the headlines... which city are they meeting in?",
                Some("which city are they meeting in?"),
            ),
            // What the asker saw, heard or asks about may be who "they"
            // are: what they heard about is.
            (
                "i keep hearing about the kremlin statement, what were they asking for?",
                Some("the kremlin statement what were they asking for?"),
            ),
            (
                "im confused about the observation posts. who do they belong to",
                None,
            ),
        ];
        assert_focus(cases);
    }

    #[test]
    fn a_later_question_after_a_vague_marked_one_is_read_too() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "who is who here?? i get confused. which country hosts the 3.5 million refugees, asking for a friend",
                Some("which country hosts the 3.5 million refugees,"),
            ),
            // One leaning on the first (a pronoun, a guess, "like …") is no
            // question of its own.
            (
                "who runs idlib?? are they the ones the un warned about",
                None,
            ),
            (
                "what is the summit deciding?? like what's on the table",
                None,
            ),
            ("is idlib safe?? how many fighters are there", None),
            ("how many people live in idlib?? what about latakia", None),
            // The focus is the later clause already.
            ("hey all. which country hosts the refugees", None),
        ];
        for (message, want) in cases {
            let later = focus(message).and_then(|first| later_question(message, &first));
            assert_eq!(later.as_deref(), *want, "{message:?}");
        }
    }

    #[test]
    fn a_question_said_again_after_like_is_read_before_it() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "what are the talks about, like which region are they fighting over?",
                Some((
                    "what are the talks about",
                    "which region are they fighting over?",
                )),
            ),
            (
                "so why did they meet i mean what was the point",
                Some(("so why did they meet", "what was the point")),
            ),
            (
                "whats the summit about lol like, which part is it",
                Some(("whats the summit about lol", "which part is it")),
            ),
            // Not a question before it, nor "like" as a verb.
            ("ok like which region is it", None),
            ("i like how they met, which region was it", None),
            ("what are the talks about", None),
        ];
        for (message, want) in cases {
            let got = restated(message);
            let got = got.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
            assert_eq!(got, *want, "{message:?}");
        }
    }

    #[test]
    fn a_question_word_in_place_of_what_is_done_keeps_the_clause() {
        let cases: &[(&str, Option<&str>)] = &[
            ("the parties would do what to find a compromise?", None),
            ("so erdogan said what about the us?", None),
            (
                "so erdogan said how many refugees turkey hosts?",
                Some("how many refugees turkey hosts?"),
            ),
            (
                "hey my question is what did the kremlin say?",
                Some("what did the kremlin say?"),
            ),
        ];
        for (clause, want) in cases {
            assert_eq!(from_wh(clause).as_deref(), *want, "{clause:?}");
        }
    }
}
