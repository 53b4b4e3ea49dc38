//! Distractor articles: deterministic, seeded news stories about other
//! things (city budgets, football, harvests, trials, launches...), so the
//! benchmarks and the accuracy check can fill a store with 1,000 to
//! 100,000 facts that read like news (names, numbers, places, bodies) and
//! see whether the bot still finds the shipped article's answers among
//! them.
//!
//! Benchmark data, not the product: a dev-only crate that the benchmarks
//! and tests use (and its own small binary, for a store at a given size);
//! the summit-bot binary does not carry it.
//!
//! The stories are pure: a seed in, texts and [`Article`]s out, no files,
//! no randomness from outside (a small xorshift, so the same seed gives the
//! same stories on every machine and in every version of the toolchain).
//! [`ingest`] stores them as `summit-bot ingest FILE` would each.

use summit_bot::article::{Article, ArticleError, Meta};
use summit_bot::extract::{sentence_facts, NewFact};
use summit_bot::store::{Store, StoreError};

/// The seed the benchmarks and the tests use unless told.
pub const DEFAULT_SEED: u64 = 0x5EED_2018_0907;

/// Sentences per paragraph and paragraphs per article: a short wire story.
const SENTENCES_PER_PARAGRAPH: (u64, u64) = (1, 3);
const PARAGRAPHS_PER_ARTICLE: (u64, u64) = (4, 9);

/// xorshift64*: tiny, fast, and plenty for picking words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is xorshift's one fixed point; splitmix the seed away from it.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Amara", "Lars", "Mei", "Tomasz", "Ines", "Kwame", "Sofia", "Hiroshi", "Priya", "Mateo",
    "Olga", "Daniel", "Fatima", "Jonas", "Lucia", "Arjun", "Chloe", "Emeka", "Hanna", "Rafael",
    "Yuki", "Nadia", "Pieter", "Carmen", "Oskar", "Leila", "Marco", "Aiko", "Samuel", "Elena",
    "Tariq", "Greta", "Diego", "Zanele", "Felix", "Rosa", "Viktor", "Ana", "Kofi", "Ingrid",
    "Pablo", "Sunita", "Henrik", "Beatriz", "Malik", "Astrid", "Juan", "Naomi", "Dmitri", "Clara",
];

pub const LAST_NAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Chen",
    "Kowalski",
    "Moreau",
    "Mensah",
    "Rossi",
    "Tanaka",
    "Sharma",
    "Fernandez",
    "Ivanova",
    "Becker",
    "Haddad",
    "Nilsen",
    "Romero",
    "Patel",
    "Dubois",
    "Eze",
    "Virtanen",
    "Costa",
    "Sato",
    "Kaya",
    "Jansen",
    "Ortega",
    "Berg",
    "Rahimi",
    "Bianchi",
    "Mori",
    "Adeyemi",
    "Novak",
    "Qureshi",
    "Schmidt",
    "Alvarez",
    "Dlamini",
    "Weber",
    "Silva",
    "Petrov",
    "Santos",
    "Owusu",
    "Larsen",
    "Delgado",
    "Iyer",
    "Hansen",
    "Pereira",
    "Bakr",
    "Holm",
    "Navarro",
    "Kim",
    "Sokolov",
    "Fischer",
];

pub const CITIES: &[&str] = &[
    "Lisbon",
    "Gdansk",
    "Osaka",
    "Nairobi",
    "Valparaiso",
    "Tampere",
    "Porto Alegre",
    "Leeds",
    "Lyon",
    "Accra",
    "Bilbao",
    "Kraków",
    "Hamburg",
    "Pune",
    "Auckland",
    "Winnipeg",
    "Seville",
    "Rotterdam",
    "Cork",
    "Bergen",
    "Brno",
    "Medellín",
    "Kaunas",
    "Adelaide",
    "Busan",
    "Dakar",
    "Tallinn",
    "Graz",
    "Malmö",
    "Curitiba",
    "Halifax",
    "Turin",
    "Kumasi",
    "Sapporo",
    "Aarhus",
    "Ghent",
    "Cebu",
    "Montevideo",
    "Durban",
    "Wellington",
    "Bologna",
    "Tartu",
    "Quito",
    "Mombasa",
    "Utrecht",
    "Nantes",
    "Cluj",
    "Perth",
    "Calgary",
    "Dundee",
];

const REGIONS: &[&str] = &[
    "the north",
    "the coast",
    "the river valley",
    "the southern provinces",
    "the eastern suburbs",
    "the highlands",
    "the capital region",
    "the western districts",
    "the islands",
    "the delta",
];

const ROLES: &[&str] = &[
    "the mayor",
    "the chief executive",
    "the head coach",
    "a spokeswoman",
    "a spokesman",
    "the finance director",
    "the lead researcher",
    "the union leader",
    "the chief judge",
    "the board chair",
    "the harbour master",
    "the council leader",
    "the project manager",
    "the festival director",
    "the police chief",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const VERBS_SAID: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "noted",
    "wrote in a statement",
];

/// One story topic: title templates and sentence templates. Slots:
/// {city} {city2} {org} {person} {person2} {role} {region} {day} {month}
/// {year} (a past year) {n} {n2} {k} (small) {pct} {money} {said}.
struct Topic {
    /// What kind of body the story's {org} is ("Football Club").
    orgs: &'static [&'static str],
    titles: &'static [&'static str],
    sentences: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        orgs: &["City Council", "Finance Committee", "Taxpayers Association"],
        titles: &[
            "{city} council approves {money} budget for {year}",
            "{city} budget vote splits the council",
            "Tax rise on the table as {city} balances its books",
        ],
        sentences: &[
            "The {city} city council approved a budget of {money} on {day} after a debate that ran past midnight.",
            "Councillors voted {n} to {n2} in favour of the plan, which raises local property taxes by {pct} percent.",
            "{person}, who chairs the finance committee, {said} that the city could not keep delaying repairs to its schools.",
            "Opponents argued that the increase would hit pensioners in {region} hardest.",
            "The budget sets aside {money} for road maintenance and {n} new bus shelters.",
            "According to {role}, the city ended last year with a deficit of {money}.",
            "A public hearing in {month} drew more than {n} residents, most of them critical of the plan.",
            "{person2} said the council had cut spending on parks three years in a row.",
            "The new budget takes effect on 1 {month} {year}.",
        ],
    },
    Topic {
        orgs: &["Football Club", "Athletic", "United"],
        titles: &[
            "{org} wins late against {city2}",
            "Late goal lifts {org} to third place",
            "{city} side ends losing run with {k}-{k2} win",
        ],
        sentences: &[
            "{org} beat visitors from {city2} {k} goals to {k2} on {day} in front of {n} thousand fans.",
            "The winning goal came in the {n}th minute from a header by {person}.",
            "The result lifts the club to third place in the league table with {n2} games left.",
            "{role} {said} that the players had shown character after a difficult month.",
            "{person2}, the visiting captain, was sent off shortly before half time.",
            "Ticket sales for the season have risen by {pct} percent since the stadium was renovated.",
            "The club last won the national cup in {year}.",
            "Their next match is away in {city2} on {day}.",
        ],
    },
    Topic {
        orgs: &["Farmers Union", "Grain Cooperative", "Agricultural Board"],
        titles: &[
            "Harvest in {region} falls short after dry summer",
            "Farmers near {city} count the cost of drought",
            "Grain prices climb as {region} harvest shrinks",
        ],
        sentences: &[
            "Farmers in {region} around {city} expect the wheat harvest to fall by {pct} percent this year.",
            "Rainfall between {month} and August was less than half the usual amount.",
            "{person}, who grows barley on {n} hectares, said several of her fields were not worth harvesting.",
            "The {org} has asked the government for emergency support worth {money}.",
            "Grain prices at the {city} exchange rose {pct} percent in a single week.",
            "Agricultural economists warned that food prices could keep rising until {year}.",
            "{person2} said irrigation projects promised a decade ago were never built.",
            "The regional ministry said it would decide on the aid request by {day}.",
        ],
    },
    Topic {
        orgs: &["Port Authority", "Water Board", "Housing Agency"],
        titles: &[
            "Court in {city} convicts former official of fraud",
            "Former {org} director jailed for {n} years",
            "Verdict reached in {city} procurement trial",
        ],
        sentences: &[
            "A court in {city} on {day} convicted a former director of the {org} of fraud and abuse of office.",
            "{person} was sentenced to {n} years in prison and ordered to repay {money}.",
            "Prosecutors said contracts worth {money} had been awarded to companies owned by relatives.",
            "The trial lasted {n} months and heard evidence from {n2} witnesses.",
            "Defence lawyer {person2} {said} that his client would appeal.",
            "{role} said the case showed that nobody was above the law.",
            "The investigation began in {year} after a tip from an employee.",
            "Two other defendants were acquitted for lack of evidence.",
        ],
    },
    Topic {
        orgs: &["Transit Company", "Metro Authority", "Tramways"],
        titles: &[
            "{city} opens new tram line to {region}",
            "Tram extension in {city} carries first passengers",
            "Commuters in {city} get faster link to the airport",
        ],
        sentences: &[
            "The first trams ran on the new {n}-kilometre line in {city} on {day} morning.",
            "The extension cost {money} and took {n2} years to build.",
            "{person} of the {org} said the line would carry about {n} thousand passengers a day.",
            "Journeys from {region} to the city centre will take {n} minutes instead of nearly an hour.",
            "Residents complained for months about noise and closed streets during construction.",
            "{role} {said} that a second line to {city2} was planned for {year}.",
            "Tickets will cost the same as on the existing network until {month}.",
            "{person2}, a nurse who commutes daily, said the new line would save her an hour each day.",
        ],
    },
    Topic {
        orgs: &["University", "Institute of Technology", "Materials Laboratory"],
        titles: &[
            "Researchers in {city} report advance in battery design",
            "{org} team unveils cheaper solar cell",
            "New material from {city} lab could store more energy",
        ],
        sentences: &[
            "Researchers at the {org} in {city} say they have built a battery that stores {pct} percent more energy than current designs.",
            "The results were published on {day} in a peer-reviewed journal.",
            "{person}, who led the team of {n} scientists, said the cells survived {n2} hundred charging cycles.",
            "The project received {money} in public funding over {n2} years.",
            "Independent experts cautioned that the design has only been tested in the laboratory.",
            "{person2} {said} that a pilot factory could open near {city2} by {year}.",
            "The team has filed {n} patents on the process.",
            "Industry groups in {region} welcomed the findings.",
        ],
    },
    Topic {
        orgs: &["Power Company", "Electricity Board", "Fire Service"],
        titles: &[
            "Storm cuts power to {n} thousand homes near {city}",
            "Flooding closes roads across {region}",
            "Clean-up begins in {city} after heavy storm",
        ],
        sentences: &[
            "A storm with gusts of up to {n} kilometres an hour swept across {region} on {day} night.",
            "About {n2} thousand homes around {city} were left without electricity.",
            "The {org} said it had sent {n} crews to repair fallen lines.",
            "{role} {said} that most homes should be reconnected within two days.",
            "Rivers near {city2} rose by more than {n2} metres in a few hours.",
            "{person} said the water reached the second step of her house for the first time since {year}.",
            "Schools in the area will stay closed until {day}.",
            "Insurers estimate the damage at {money}.",
        ],
    },
    Topic {
        orgs: &["General Hospital", "University Hospital", "Nurses Union"],
        titles: &[
            "Nurses in {city} strike over pay",
            "Hospital staff walk out at {org}",
            "Talks fail as {city} health workers strike",
        ],
        sentences: &[
            "Nurses at the {org} in {city} began a {n}-day strike on {day} over pay and staffing.",
            "The union says wages have fallen {pct} percent behind inflation since {year}.",
            "{person}, a union representative, {said} that wards were routinely understaffed.",
            "Hospital managers offered a raise of {n2} percent, which the union rejected.",
            "Emergency care continued, but about {n} planned operations were postponed.",
            "{role} said the hospital could not afford the union's demands without cutting services.",
            "{person2} said talks would resume in {month} if no agreement is reached sooner.",
            "Patients in {region} were advised to call before travelling to appointments.",
        ],
    },
    Topic {
        orgs: &["Arts Council", "Film Society", "Festival Trust"],
        titles: &[
            "{city} festival draws record crowds",
            "Film festival in {city} hands out its prizes",
            "Music returns to the streets of {city}",
        ],
        sentences: &[
            "The {city} summer festival sold {n} thousand tickets this year, a record.",
            "More than {n2} hundred artists performed on {n} stages over four days.",
            "{person}, the festival's founder, said it began in {year} with a single tent.",
            "The main prize went to a documentary about fishing communities in {region}.",
            "The {org} contributed {money} towards the programme.",
            "{role} {said} that hotels in the city were fully booked for the first time since {year}.",
            "{person2} won the audience award for a debut album recorded in {city2}.",
            "Next year's festival will open on a {day} in {month}.",
        ],
    },
    Topic {
        orgs: &["Steelworks", "Shipyard", "Motor Works"],
        titles: &[
            "{org} to cut {n} hundred jobs",
            "Carmaker plans factory near {city}",
            "Shipyard in {city} wins {money} order",
        ],
        sentences: &[
            "The {org} said on {day} that it would cut about {n} hundred jobs in {city} over the next year.",
            "Sales fell {pct} percent in the first half, according to the company's report.",
            "{person}, the chief executive, {said} that demand for its products had collapsed in {region}.",
            "The company employs around {n2} thousand people across {n} countries.",
            "Shares in the company fell {pct} percent after the announcement.",
            "{role} said the city would try to find new work for the affected employees.",
            "{person2} of the metalworkers union called the decision a betrayal.",
            "The company was founded in {city2} in {year}.",
        ],
    },
    Topic {
        orgs: &["Teachers Federation", "School Board", "Parents Association"],
        titles: &[
            "Schools in {city} to hire {n} hundred teachers",
            "Exam results improve across {region}",
            "New school year starts with teacher shortage in {city}",
        ],
        sentences: &[
            "Schools in {city} will hire {n} hundred new teachers before the next school year.",
            "The education department said {pct} percent of posts in {region} are currently vacant.",
            "{person}, a headteacher with {n2} years of experience, said classes of {n} pupils had become common.",
            "The {org} welcomed the plan but said pay must rise to keep staff.",
            "Exam pass rates rose to {pct} percent this year, the highest since {year}.",
            "{role} {said} that the programme would cost {money} over four years.",
            "{person2} said rural schools near {city2} found it hardest to recruit.",
            "Applications open on {day} and close at the end of {month}.",
        ],
    },
    Topic {
        orgs: &["Energy Cooperative", "Offshore Wind Company", "Grid Operator"],
        titles: &[
            "Wind farm off {city} approved",
            "{city} to close coal plant by {year}",
            "Energy prices fall in {region}",
        ],
        sentences: &[
            "Regulators approved a wind farm of {n} turbines off the coast near {city} on {day}.",
            "The project will cost {money} and supply power to about {n2} thousand homes.",
            "{person} of the {org} said construction would begin in {month}.",
            "Fishing groups in {region} warned that the turbines would close traditional grounds.",
            "The city's last coal plant will shut in {year}, {role} {said}.",
            "Household energy bills in the region fell {pct} percent last year.",
            "{person2}, an engineer on the project, said the turbines are the largest ever built in the country.",
            "A cable of {n} kilometres will link the wind farm to {city2}.",
        ],
    },
    Topic {
        orgs: &["Housing Association", "Tenants Union", "Electoral Commission"],
        titles: &[
            "Elections in {city}: {person} wins mayoral race",
            "Turnout falls in {city} local election",
            "New mayor promises housing for {city}",
        ],
        sentences: &[
            "{person} won the race for mayor of {city} with {pct} percent of the vote on {day}.",
            "Turnout was {n} percent, down from the previous election in {year}.",
            "The runner-up, {person2}, conceded defeat shortly after midnight.",
            "During the campaign {person} promised to build {n2} thousand affordable homes.",
            "{role} {said} that the count had gone smoothly in all {n} districts.",
            "Voters in {region} backed the winner by a wide margin.",
            "The new mayor takes office in {month} and will face a council controlled by the opposition.",
            "The {org} said housing costs had risen {pct} percent in five years.",
        ],
    },
    Topic {
        orgs: &["Museum of History", "Science Museum", "National Gallery"],
        titles: &[
            "Museum in {city} returns looted statue",
            "{org} opens new wing",
            "Lost painting found in {city} attic",
        ],
        sentences: &[
            "The {org} in {city} on {day} returned a bronze statue taken from {city2} more than {n} years ago.",
            "Curator {person} said the museum had studied the statue's history for {n2} years.",
            "The statue, about {n} centimetres tall, is thought to date from the twelfth century.",
            "{role} {said} that more objects in the collection would be reviewed.",
            "A ceremony in {month} will mark its return.",
            "{person2}, a historian, called the decision overdue.",
            "The museum received {n} thousand visitors last year.",
            "Its new wing cost {money} and opened in {year}.",
        ],
    },
];

/// One generated story: its metadata, its plain text (paragraphs separated
/// by blank lines, as `summit-bot ingest FILE` reads them) and how many
/// sentences it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub meta: Meta,
    pub text: String,
    pub sentences: usize,
}

impl Story {
    /// The story parsed as the store parses an ingested file.
    pub fn article(&self) -> Result<Article, ArticleError> {
        Article::parse(self.meta.clone(), &self.text)
    }

    /// Its facts: one per sentence, as `ingest FILE` extracts them.
    pub fn facts(&self) -> Result<(Article, Vec<NewFact>), ArticleError> {
        let article = self.article()?;
        let facts = sentence_facts(&article);
        Ok((article, facts))
    }
}

/// The generator: call [`Generator::story`] repeatedly, or take
/// [`stories`] for a given number of facts.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    made: usize,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: Rng::new(seed),
            made: 0,
        }
    }

    /// The next story, with at most `max_sentences` sentences (at least 1).
    /// A story never repeats a sentence template, so it holds at most as
    /// many sentences as its topic has templates.
    pub fn story(&mut self, max_sentences: usize) -> Story {
        self.made += 1;
        let rng = &mut self.rng;
        let topic = &TOPICS[(rng.next_u64() % TOPICS.len() as u64) as usize];
        let year = rng.range(2009, 2024);
        let month = rng.range(1, 12);
        let day = rng.range(1, 28);
        let slots = Slots::new(rng, topic, year);
        // The number keeps titles unique (the store matches articles by
        // title), as a wire service numbers its stories.
        let title = format!(
            "{} (story {})",
            slots.fill(rng.pick(topic.titles), rng),
            self.made
        );
        // The templates in a shuffled order (Fisher–Yates).
        let mut order: Vec<usize> = (0..topic.sentences.len()).collect();
        for i in (1..order.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        order.truncate(max_sentences.max(1));
        let mut next = order.into_iter();
        let paragraphs = rng.range(PARAGRAPHS_PER_ARTICLE.0, PARAGRAPHS_PER_ARTICLE.1);
        let mut text = String::new();
        let mut sentences = 0;
        for _ in 0..paragraphs {
            let n = rng.range(SENTENCES_PER_PARAGRAPH.0, SENTENCES_PER_PARAGRAPH.1);
            let para: Vec<String> = next
                .by_ref()
                .take(n as usize)
                .map(|t| slots.fill(topic.sentences[t], rng))
                .collect();
            if para.is_empty() {
                break;
            }
            sentences += para.len();
            push_paragraph(&mut text, &para);
        }
        Story {
            meta: Meta {
                title,
                date: Some(format!("{year}-{month:02}-{day:02}")),
                publisher: Some("Distractor Wire".to_string()),
            },
            text,
            sentences,
        }
    }
}

fn push_paragraph(text: &mut String, sentences: &[String]) {
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&sentences.join(" "));
}

/// Stories holding exactly `facts` sentences in all (the last one is cut
/// short), from `seed`.
pub fn stories(seed: u64, facts: usize) -> Vec<Story> {
    let mut generator = Generator::new(seed);
    let mut out = Vec::new();
    let mut left = facts;
    while left > 0 {
        let story = generator.story(left);
        left -= story.sentences;
        out.push(story);
    }
    out
}

/// Why distractor stories could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("parsing the story {title:?}: {cause}")]
    Story { title: String, cause: ArticleError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What [`ingest`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ingested {
    pub stories: usize,
    /// Facts stored now.
    pub added: usize,
    /// Facts already stored (the same seed stores the same stories), kept.
    pub kept: usize,
}

/// Stores the stories holding `facts` facts from `seed` in `store`, each as
/// `summit-bot ingest FILE` stores an article: the one way the benchmarks,
/// the tests and the `summit-distractors` binary make a large store.
pub fn ingest(store: &mut Store, seed: u64, facts: usize) -> Result<Ingested, IngestError> {
    ingest_stories(store, &stories(seed, facts))
}

/// Stores `stories` as [`ingest`] does: for timing the storing alone.
pub fn ingest_stories(store: &mut Store, stories: &[Story]) -> Result<Ingested, IngestError> {
    let (mut added, mut kept) = (0, 0);
    for story in stories {
        let (article, facts) = story.facts().map_err(|cause| IngestError::Story {
            title: story.meta.title.clone(),
            cause,
        })?;
        let report = store.ingest(&article, &facts)?;
        added += report.added_facts;
        kept += report.kept_facts;
    }
    Ok(Ingested {
        stories: stories.len(),
        added,
        kept,
    })
}

/// The cast of one story: who, where and which body it is about, fixed for
/// the story so its sentences agree with each other.
struct Slots {
    city: &'static str,
    city2: &'static str,
    org: String,
    person: String,
    person2: String,
    region: &'static str,
    /// The story's own year: the years it mentions are before it.
    year: u64,
}

impl Slots {
    fn new(rng: &mut Rng, topic: &Topic, year: u64) -> Slots {
        let city = rng.pick(CITIES);
        let mut city2 = rng.pick(CITIES);
        if city2 == city {
            city2 =
                CITIES[(CITIES.iter().position(|c| *c == city).unwrap_or(0) + 1) % CITIES.len()];
        }
        let person = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        let person2 = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        Slots {
            city,
            city2,
            org: format!("{} {}", city, rng.pick(topic.orgs)),
            person,
            person2,
            region: rng.pick(REGIONS),
            year,
        }
    }

    fn fill(&self, template: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            match slot {
                "city" => out.push_str(self.city),
                "city2" => out.push_str(self.city2),
                "org" => out.push_str(&self.org),
                "person" => out.push_str(&self.person),
                "person2" => out.push_str(&self.person2),
                "region" => out.push_str(self.region),
                "role" => out.push_str(rng.pick(ROLES)),
                "said" => out.push_str(rng.pick(VERBS_SAID)),
                "day" => out.push_str(rng.pick(DAYS)),
                "month" => out.push_str(rng.pick(MONTHS)),
                "year" => out.push_str(&rng.range(self.year - 25, self.year - 1).to_string()),
                "k" => out.push_str(&rng.range(1, 5).to_string()),
                "k2" => out.push_str(&rng.range(0, 3).to_string()),
                "n" => out.push_str(&rng.range(2, 60).to_string()),
                "n2" => out.push_str(&rng.range(2, 30).to_string()),
                "pct" => out.push_str(&rng.range(2, 45).to_string()),
                "money" => {
                    let whole = rng.range(1, 900);
                    let tenth = rng.range(0, 9);
                    let unit = if rng.range(0, 2) == 0 {
                        "billion"
                    } else {
                        "million"
                    };
                    out.push_str(&format!("{whole}.{tenth} {unit} euros"));
                }
                other => {
                    out.push('{');
                    out.push_str(other);
                    out.push('}');
                }
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        // A sentence opening with a slot ("the mayor said...") still starts
        // with a capital, as the sentence splitter expects.
        capitalise_first(&mut out);
        out
    }
}

fn capitalise_first(s: &mut String) {
    if let Some(c) = s.chars().next() {
        if c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            s.replace_range(..c.len_utf8(), &upper);
        }
    }
}
