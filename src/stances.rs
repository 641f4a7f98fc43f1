//! Stances: who supports or opposes whom or what.
//!
//! Takes: the layout, the [`Resolution`], the quotes (for the voice inside them), the
//! statements of reported speech (for the voice of their content) and the affiliations
//! (a speaker's "we" is also their organization). Gives: [`Stance`]s:
//! holder entity, polarity, target (an entity, or a topic with a short canonical label),
//! the act ("requests", "criticizes"), the cue span, the sentence as evidence, and a
//! confidence.
//!
//! Rules:
//! 1. *Cues* come from `data/stance_cues.tsv`: verbs in any form ("asking for", "urged",
//!    "criticised"), fixed phrases ("no basis for", "concerned about") and evaluative predicates
//!    ("is essential", frame `subj`). Quote marks inside a cue are skipped. A one-word verb cue
//!    after an owner or article is a noun ("Malema's advocate", "the attack") unless a preposition
//!    follows ("his feud with", "X's attack on"). A noun cue inside the object of the cue before it
//!    keeps that cue's holder, and asking for it or rejecting it sets the side ("called for more
//!    support for X" supports X, "rejected calls for X" opposes X, "called for the charges against
//!    X to be dropped" supports X); the outer cue then gives no topic of its own ("stepped up
//!    criticism of X" is criticism of X, not support for "criticism"). A gerund cue after "by",
//!    "on", "out of" is the clause subject's ("focused on attacking X"); after "X for"/"X of" it is
//!    X's ("praised Y for defending X", "accused Y of attacking X").
//! 2. *Negation* ("not", "n't", "never", "no longer") in the three words before a cue flips its
//!    polarity ("does not approve", "won't give the green light to"), and so do "refused to",
//!    "declined to", "failed to" right before it ("refused to back X").
//! 3. *Holder*: the subject right before the cue (names, nominals, pronouns, "union leaders",
//!    coordinated "CPS and Mayor Lori Lightfoot", "filmmaker X, feminist icon Y and Z"); the agent
//!    of a passive ("was criticised by X"); the main subject for an infinitive ("joined … to
//!    support CTU"), except after a verb of asking or making (`data/control_verbs.txt`, lexicon
//!    category `control_verb`), whose object does it ("prompting Democrats to accuse", "urged Obama
//!    to condemn"), or a participle after a comma; the previous cue's holder for a coordinated verb
//!    ("criticised X and called on Y"); the names of an aside that starts "along with", "like",
//!    "such as", "including" act with the subject ("X, along with Y, accused", "other Republicans,
//!    like X and Y, criticized", "X (R-Va.), like Y,"); an organization's name before the noun of
//!    its kind ("the Fargo Forum newspaper criticized"); two verbs joined by "and" share the object
//!    after the second ("praised and questioned Turkey"); a body that speaks for a name ("Russia's
//!    foreign ministry", "top Clinton campaign staffers", "U.S. prosecutors", "officials in
//!    Moscow", "his administration", "the Bahraini monarchy", "a Venezuelan judge": a country's
//!    courts, forces, regime speak for it); "X and others" / "X and some of its allies"; the noun
//!    phrase a relative clause hangs on ("a Pentagon official who criticized"); the subject of an
//!    absolute clause ("with Italy accusing India"); a short phrase may stand between subject and
//!    verb ("Trump as a candidate accused", "X, in a statement, criticized", "the auditor in 2011
//!    accused", "Sen. Ted Cruz (R-Texas) blasted", also inside a coordination: "X (R-Fla.) and Y
//!    (R-Kan.) criticized"); an adjective may name the body's owner: "Russian officials" (Russia,
//!    from `demonyms.tsv`), "Republican senators" (the Republican Party): when the text has no such
//!    name, the entity is *implied* (an entity without mentions, the adjective its alias; a place's
//!    congressman or governor does not speak for it, its president or ministry does); one who holds
//!    an office that speaks for an organization (`roles.txt`, field `speaks`: "Labour leader Ed
//!    Miliband accused", "Samantha Power, US ambassador, …") takes it along for what they do (not
//!    for what they are quoted as wanting or thinking, which stays theirs); a person named after a
//!    party adjective acts for the party as well ("Republican Senator Susan Collins criticized",
//!    "Republican Peter King blamed"), and after a demonym or a country's name and an office of
//!    state for the country ("Russian President Vladimir Putin", "Iran's Foreign Minister X"), as
//!    with that office in apposition ("X, US ambassador to the UN,", "X, the Russian foreign
//!    minister,"; not a former one); "X was one of the fiercest critics of Y" is X's; a document
//!    speaks for whoever issued it ("the team released a Web ad accusing X", "a report from the
//!    State Department was critical of X"); the subject of
//!    "call", "declare", "label" holds the evaluation of its object ("Seacrest called X reckless");
//!    inside a quote, "I"/"we" is the speaker (and "we" also the speaker's organization); after a
//!    speech verb, "they"/"we" is the verb's subject ("the union …, saying they won't", "X and
//!    other owners said they supported"). Modal requests ("X should …", "must") and evaluations
//!    (frame `subj`) belong to whoever voices the clause: the quote's speaker or the source of
//!    reported speech (the speaker of a statement the statements stage attributed: "according to X,
//!    …", "X told reporters that …") — never the narrator. A stance its statement's speaker holds
//!    has the statement (attribution and content) as its evidence. An implied entity no stance
//!    ended up using is dropped.
//!    *Demands*: a request that someone resign, be fired, apologize or stop what they do
//!    (`data/demands.txt`, lexicon category `demand`: "called for Y to step down", "Y should
//!    resign", "urged Y to apologize", "urged Y to lift restrictions", "demanded Y's resignation",
//!    "the impeachment of Y") opposes Y, and is no support for Y. The agents of a passive may have
//!    an apposition between them ("by X, a Democrat, and Y").
//! 4. *Target*: a named entity at the head of what follows (a possessor counts: "Mr Brown's
//!    preoccupation" → Gordon Brown; a name after the possessor is the head, the possessor aimed at
//!    less directly: "China's ruling Communist Party"; names in apposition are the ones meant: "two
//!    men, A and B,"; adjectives may stand before it: "the former CIA employee"; after a title the
//!    person is the head: "House Speaker Paul Ryan"; coordinated names count: "Mr Verhofstadt and
//!    the EU", "X and Labour leaders", "X and Russian officials", but not a name that starts a new
//!    clause: "X and Y said"; an evaluation of someone's deeds reaches them: "praised the
//!    contributions of Justice Scalia"; a free relative names its object after its verb: "blasted
//!    what he views as Republicans' motives"); an object pronoun ("praised him", "accused them of")
//!    is its antecedent, and never the clause's own subject: then the nearest other name before the
//!    cue that fits it), else a topic: from a verb phrase ("to delay reopening schools" → "delay of
//!    reopening"; "want that plan delayed" → "delay of plan"; light verbs give way to their object:
//!    "keeping April 19" → "April 19"), or from a noun phrase cut at its first clause boundary
//!    ("more protections for teachers" → "protection for teachers"). A demonym or party adjective
//!    before a body names the target ("criticized the Israeli government" → Israel); before
//!    anything else it is aimed at by criticism, less directly ("condemned Israeli settlements"),
//!    as is the maker of what is criticized ("criticized the proposal offered by the Trump
//!    administration"). The person a possessive pronoun names as the owner is reached, less
//!    directly, by support as by criticism ("endorsed his nuclear deal", "rebuffed his
//!    approaches"), unless they are the holder ("defended her record").
//! 5. *Partisan nouns* after a name: "Trump critic Sen. Ben Sasse", "Sasse, a longtime Trump
//!    critic,", "Ingraham has been a vocal Trump supporter" (or "has become", "has emerged as"),
//!    "Sasse, one of Trump's fiercest critics," (critic, opponent, foe, supporter, backer, ally,
//!    loyalist, defender); a place before them names people from there ("Iowa supporters"), not a
//!    target.
//! 6. *Reversed cues* (frame `from`): "X drew fire from Y", "X has won the backing of Y": Y holds
//!    the stance, about X, the subject of a verb of receiving (drew, won, received, faced, has,
//!    came under); without such a verb ("after an endorsement from Y") nothing; "from Republicans,
//!    including X" adds X.
//! 7. Within a document, topics that share their head noun ("delay", "delay of reopening") are one
//!    topic, labelled by its most specific form.
//!
//! Limits: no syntax parser; long-distance subjects, sarcasm and hedged stances are
//! missed, and a cue whose target is only implied ("is not budging") gives no edge.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::document::Span;
use crate::kind::{Gender, Kind, Polarity};
use crate::layout::{Layout, WordSet, Words};
use crate::lexicon::{CueWord, Frame, Lexicon, StanceCue, fact, flag, ing_form};
use crate::quotes::Quote;
use crate::resolve::{RefKind, Resolution};
use crate::roles::Affiliation;
use crate::statements::Statement;
use crate::tokens::{TokenKind, shape};

/// What a stance is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// An entity of the document.
    Entity(usize),
    /// A topic, by canonical label.
    Topic(String),
}

/// One stance.
#[derive(Clone, Debug, PartialEq)]
pub struct Stance {
    /// The entity taking the stance.
    pub holder: usize,
    /// Supports or opposes.
    pub polarity: Polarity,
    /// What it is about.
    pub target: Target,
    /// The act ("requests", "criticizes", "rejects").
    pub act: String,
    /// The cue words.
    pub cue: Span,
    /// The sentence that shows the stance.
    pub evidence: Span,
    /// How sure the rule is (0..1).
    pub confidence: f32,
}

impl Stance {
    /// A stance read off a modifier ("pro-war", "a Trump critic"): "supports", or
    /// `oppose_act` for the other side.
    fn of_modifier(
        holder: usize,
        polarity: Polarity,
        target: Target,
        oppose_act: &str,
        cue: Span,
        evidence: Span,
    ) -> Stance {
        Stance {
            holder,
            polarity,
            target,
            act: match polarity {
                Polarity::Support => "supports".into(),
                Polarity::Oppose => oppose_act.into(),
            },
            cue,
            evidence,
            confidence: 0.7,
        }
    }
}

const NONE: u32 = u32::MAX;

const AUX: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "shall",
    "do",
    "does",
    "did",
    "also",
    "now",
    "still",
    "strongly",
    "repeatedly",
    "again",
    "already",
    "previously",
    "firmly",
    "publicly",
    "openly",
    "then",
    "today",
    "yesterday",
    "not",
    "never",
    "have",
    "just",
    "further",
    "once",
    "even",
    "always",
    "all",
    "both",
]);
const BE: WordSet = WordSet::new(&[
    "is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re", "get",
    "got", "gets",
]);
/// Verbs that join a subject to what it is, like "be": "has become a critic of",
/// "remains a Trump supporter".
const BECOME: WordSet = WordSet::new(&[
    "become",
    "becomes",
    "became",
    "becoming",
    "remain",
    "remains",
    "remained",
    "remaining",
]);
/// Verbs that do with "as": "has emerged as a critic of", "is seen as an ally of".
const AS_VERBS: WordSet = WordSet::new(&[
    "emerge",
    "emerges",
    "emerged",
    "emerging",
    "seen",
    "viewed",
    "regarded",
    "known",
    "established",
    "positioned",
    "cast",
    "portrayed",
]);
/// Prepositions: a name after one is not a clause's subject.
const PREPOSITIONS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "into",
    "across",
    "over",
    "under",
    "against",
    "among",
    "between",
    "through",
    "throughout",
    "within",
    "without",
    "about",
    "around",
    "near",
    "for",
    "of",
    "to",
    "toward",
    "towards",
    "after",
    "before",
    "during",
    "despite",
    "like",
    "unlike",
    "behind",
    "beyond",
    "outside",
    "inside",
]);

/// Adverbs that stand between a subject and its verb ("has long accused").
const ADVERBS: WordSet = WordSet::new(&[
    "long",
    "often",
    "always",
    "even",
    "later",
    "earlier",
    "once",
    "soon",
    "again",
    "finally",
    "first",
    "then",
    "only",
    "ever",
    "now",
    "nonetheless",
    "nevertheless",
    "however",
    "meanwhile",
    "instead",
    "too",
    "subsequently",
    "since",
    "yet",
]);

const GROUP_NOUNS: WordSet = WordSet::new(&[
    "lawmakers",
    "politicians",
    "legislators",
    "senators",
    "administration",
    "government",
    "campaign",
    "camp",
    "team",
    "aides",
    "allies",
    "supporters",
    "leaders",
    "leader",
    "officials",
    "official",
    "members",
    "member",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executives",
    "bosses",
    "representatives",
    "lawyers",
    "chiefs",
    "negotiators",
    "delegates",
    "staff",
    "voters",
    "candidates",
    "activists",
]);
/// What someone issues that may accuse or praise in their name ("a statement accusing").
const DOCUMENTS: WordSet = WordSet::new(&[
    "statement",
    "letter",
    "report",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "commercial",
    "lawsuit",
    "suit",
    "complaint",
    "memo",
    "tweet",
    "tweets",
    "post",
    "video",
    "editorial",
    "op-ed",
    "column",
    "speech",
    "resolution",
    "motion",
    "petition",
    "filing",
    "message",
    "email",
    "release",
]);
/// Verbs by which someone receives praise, criticism or support from another.
const RECEIVE: WordSet = WordSet::new(&[
    "drew",
    "draw",
    "draws",
    "drawing",
    "drawn",
    "won",
    "win",
    "wins",
    "winning",
    "received",
    "receive",
    "receives",
    "receiving",
    "got",
    "get",
    "gets",
    "getting",
    "earned",
    "earn",
    "earns",
    "earning",
    "faced",
    "face",
    "faces",
    "facing",
    "attracted",
    "attract",
    "attracts",
    "attracting",
    "has",
    "have",
    "had",
    "having",
    "enjoys",
    "enjoyed",
    "enjoy",
    "enjoying",
    "secured",
    "secure",
    "secures",
    "securing",
    "gained",
    "gain",
    "gains",
    "gaining",
    "garnered",
    "garner",
    "garners",
    "garnering",
]);
/// Adjectives that grade a stance noun ("strong support", "mild criticism").
const DEGREE_ADJECTIVES: WordSet = WordSet::new(&[
    "strong",
    "mild",
    "harsh",
    "sharp",
    "fierce",
    "full",
    "public",
    "qualified",
    "unqualified",
    "unwavering",
    "tacit",
    "vocal",
    "broad",
    "bipartisan",
    "overwhelming",
    "scathing",
    "blistering",
    "withering",
    "firm",
    "staunch",
    "renewed",
    "rare",
    "lavish",
    "effusive",
    "glowing",
    "tepid",
    "lukewarm",
    "muted",
    "faint",
    "fresh",
    "pointed",
    "stinging",
    "heavy",
    "severe",
    "veiled",
    "direct",
    "open",
    "remarkable",
    "unusual",
    "implicit",
    "explicit",
    "high",
]);
/// Nouns for people of a group ("figures in the Trump circle").
const PEOPLE: WordSet = WordSet::new(&[
    "figures",
    "people",
    "circle",
    "camp",
    "wing",
    "ranks",
    "followers",
    "loyalists",
    "elements",
    "factions",
    "hardliners",
    "operatives",
    "associates",
]);
/// Nouns for what someone did or said: "the actions of X" are X's.
const DEEDS: WordSet = WordSet::new(&[
    "actions",
    "action",
    "policies",
    "policy",
    "comments",
    "remarks",
    "statement",
    "statements",
    "words",
    "conduct",
    "behavior",
    "behaviour",
    "decision",
    "decisions",
    "leadership",
    "record",
    "work",
    "efforts",
    "contributions",
    "contribution",
    "role",
    "stance",
    "position",
    "views",
    "response",
    "performance",
    "courage",
    "service",
]);
/// Participles of taking something away ("called for the charges to be dropped").
const REMOVED: WordSet = WordSet::new(&[
    "dropped",
    "lifted",
    "scrapped",
    "withdrawn",
    "overturned",
    "reversed",
    "abandoned",
    "removed",
    "cancelled",
    "canceled",
    "ended",
    "halted",
    "repealed",
    "rescinded",
]);
/// Verbs that name a thing in a free relative ("what he called", "what she views as").
const NAMING_VERBS: WordSet = WordSet::new(&[
    "called",
    "calls",
    "call",
    "termed",
    "terms",
    "described",
    "describes",
    "views",
    "viewed",
    "view",
    "sees",
    "saw",
    "see",
    "considers",
    "considered",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "characterized",
    "characterised",
]);
/// Verbs whose subject gives its object an evaluation ("called X reckless", "described X
/// as wrong"): looked for in the eight words before the evaluation.
const CALLING_VERBS: WordSet = WordSet::new(&[
    "called",
    "calls",
    "call",
    "calling",
    "described",
    "describes",
    "branded",
    "labelled",
    "labeled",
    "deemed",
    "considers",
    "considered",
    "declared",
    "declares",
    "declaring",
    "labeling",
    "labelling",
    "branding",
    "brands",
    "describing",
    "dubbed",
    "dubbing",
    "deeming",
    "declare",
    "describe",
    "characterized",
    "characterised",
    "characterizes",
    "characterizing",
    "portrayed",
    "portrays",
    "painted",
]);
/// Offices that speak for a country ("the Russian president", "Israel's ambassador").
const STATE_ROLES: WordSet = WordSet::new(&[
    "president",
    "minister",
    "premier",
    "ambassador",
    "envoy",
    "king",
    "queen",
    "chancellor",
    "diplomat",
    "official",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
]);
/// Bodies that speak for the organization or country that owns them ("Russia's foreign
/// ministry"), beside the group nouns and role words.
const REPRESENTATIVES: WordSet = WordSet::new(&[
    "ministry",
    "government",
    "embassy",
    "department",
    "office",
    "agency",
    "authorities",
    "prosecutors",
    "regulators",
    "regulator",
    "police",
    "military",
    "army",
    "diplomats",
    "diplomat",
    "staffers",
    "committee",
    "board",
    "council",
    "parliament",
    "party",
    "regime",
    "monarchy",
    "junta",
    "cabinet",
    "establishment",
    "court",
    "courts",
    "judge",
    "judiciary",
    "forces",
    "troops",
]);
const CLAUSE_STOPS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "whilst", "because", "as",
    "if", "until", "unless", "although", "though", "since", "after", "before", "and", "or", "but",
    "so", "than", "despite",
]);
const NP_PREPS_KEPT: WordSet = WordSet::new(&["of", "for"]);
const LIGHT_VERBS: &[&str] = &[
    "keep", "keeping", "kept", "make", "making", "made", "take", "taking", "took", "give",
    "giving", "gave", "get", "getting", "got", "have", "having", "do", "doing", "see", "seeing",
    "saw", "set", "setting", "put", "putting", "hold", "holding", "find", "finding", "reach",
    "reaching", "help", "helping", "be", "being", "become", "continue", "start", "begin", "try",
];
const VAGUE: &[&str] = &[
    "way",
    "ways",
    "plan",
    "plans",
    "it",
    "them",
    "this",
    "that",
    "thing",
    "things",
    "option",
    "options",
    "chance",
    "move",
    "issue",
    "idea",
    "one",
    "ones",
    "something",
    "anything",
    "everything",
    "what",
    "more",
    "lot",
];
/// Single words that make no topic on their own.
const VAGUE_TOPICS: &[&str] = &[
    "help",
    "action",
    "support",
    "matter",
    "situation",
    "problem",
    "part",
    // particles left by a phrasal verb ("fired back", "fight back")
    "back",
    "up",
    "out",
    "off",
    "down",
    "away",
];
const PARTICLES: WordSet = WordSet::new(&[
    "up", "out", "off", "down", "back", "on", "in", "away", "forward", "through", "over",
]);
const MODALS: &[&str] = &["should", "must", "ought", "need", "needs"];
// The longer lists that the rules below ask of a token, where they ask it (see
// `StanceFinder::sentence`, `negated`, `verb_context`, `np_end`, `topic_np_words`):
// as `WordSet`s, most tokens are turned away before a word is compared.
const NESTED_BETWEEN: WordSet = WordSet::new(&[
    "more", "the", "a", "an", "further", "new", "its", "their", "his", "her",
]);
const SUBORDINATORS: WordSet = WordSet::new(&[
    "until", "unless", "because", "while", "when", "if", "after", "before", "since", "although",
    "though", "whether",
]);
const CONTRACTED_SUBJECTS: WordSet =
    WordSet::new(&["he", "she", "it", "that", "there", "who", "what", "here"]);
const OWNERS: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
]);
const NOUN_CUE_PREPS: WordSet = WordSet::new(&[
    "on", "for", "against", "with", "of", "to", "toward", "towards", "at", "over",
]);
const GAVE_UP: WordSet = WordSet::new(&[
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "decline",
    "declined",
    "declines",
    "declining",
    "fail",
    "failed",
    "fails",
    "failing",
]);
const UNDESERVED: WordSet = WordSet::new(&[
    "unfairly",
    "wrongly",
    "falsely",
    "unjustly",
    "wrongfully",
    "baselessly",
]);
const HEAD_MODIFIERS: WordSet = WordSet::new(&[
    "other", "its", "their", "his", "her", "some", "of", "several", "many", "fellow", "top",
    "senior", "key", "western", "european",
]);
const DEGREE_ADVERBS: WordSet = WordSet::new(&[
    "so",
    "very",
    "really",
    "truly",
    "absolutely",
    "pretty",
    "quite",
    "too",
    "extremely",
    "an",
    "a",
    "the",
    "most",
    "more",
    "simply",
    "also",
    "not",
    "all",
    "and",
]);
const NP_LEAD_WORDS: WordSet = WordSet::new(&[
    "the", "a", "an", "again", "its", "their", "his", "her", "our", "my", "your", "this", "that",
    "other", "fellow",
]);
const NOUN_INGS: WordSet = WordSet::new(&[
    "funding",
    "spending",
    "training",
    "meeting",
    "building",
    "housing",
    "bombing",
    "ruling",
    "hearing",
    "briefing",
    "warning",
    "thing",
    "something",
    "nothing",
    "everything",
    "anything",
    "morning",
    "evening",
    "king",
    "ceiling",
    "wedding",
    "opening",
    "reopening",
    "shooting",
    "killing",
    "polling",
    "uprising",
    "setting",
]);
const NP_END_FUNCTION_KEPT: WordSet = WordSet::new(&[
    "the", "a", "an", "more", "its", "their", "our", "his", "her", "my", "your", "this", "that",
    "these", "those", "some", "any", "all", "no",
]);
const NP_END_WORDS_KEPT: WordSet = WordSet::new(&[
    "the", "a", "an", "more", "its", "their", "our", "his", "her", "any", "some", "all", "every",
    "these", "those", "first", "last", "next", "many", "much", "most", "several", "few", "other",
    "such", "no",
]);
const TOPIC_SKIPPED: WordSet = WordSet::new(&[
    "the", "a", "an", "its", "their", "our", "my", "his", "her", "your", "this", "that", "these",
    "those", "some", "any", "more", "most", "much", "many", "further", "such", "other", "every",
    "each", "all", "again", "even", "least", "about", "around", "over",
]);

/// Finds stances.
pub struct StanceFinder<'l> {
    lex: &'l Lexicon,
    cues: Cow<'l, CueIndex>,
}

struct Ctx<'a> {
    w: Words<'a>,
    res: &'a Resolution,
    quotes: &'a [Quote],
    quote_at: Vec<u32>,
    /// Reported speech with a speaker, by first token of its content, ascending.
    statements: Vec<&'a Statement>,
    orgs_of: FxHashMap<usize, Vec<usize>>,
    /// Built on first use.
    org_classes: OnceCell<OrgClasses>,
    /// Per person: organization and the words that tie them, for ties stated with a
    /// role that speaks for the organization ("US ambassador", "ministry spokesman").
    /// By person, so a holder's ties are found without a pass over every tie.
    speaks_for: FxHashMap<usize, Vec<(usize, Span)>>,
    /// Entities named only by an adjective, numbered after the resolution's.
    implied: RefCell<Vec<Implied>>,
}

/// What [`StanceFinder::find`] gives.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// The stances.
    pub stances: Vec<Stance>,
    /// Entities named only by an adjective, numbered after the resolution's: entity
    /// index `res.entities.len() + i` is `implied[i]`.
    pub implied: Vec<Implied>,
}

/// An entity that a stance needs and the text names only by an adjective: "Russian
/// officials accused …" (Russia), "Republican senators criticized …" (Republican Party).
/// It has no name mention; the adjective is its alias.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Implied {
    /// Place (from a demonym) or organization (a party).
    pub kind: Kind,
    /// Canonical name ("Russia", "Republican Party").
    pub label: String,
    /// The adjective as written ("Russian").
    pub alias: String,
}

/// For each class of organization ("union", "school district"), the references to
/// organizations of that class in text order, and after each, the one mentioned most so
/// far: [`StanceFinder::org_of_class`] answers by binary search. (Counting every
/// reference for every question was quadratic in a long document.)
#[derive(Default)]
struct OrgClasses(FxHashMap<u16, OrgClass>);

#[derive(Default)]
struct OrgClass {
    /// First token of each reference, ascending.
    positions: Vec<usize>,
    /// `leader[i]`: the most mentioned entity among references `0..=i` (ties: the
    /// lowest entity number).
    leader: Vec<usize>,
    /// The class's only organization, when it has exactly one.
    only: Option<usize>,
}

impl OrgClasses {
    fn new(res: &Resolution) -> Self {
        let class_of = |e: usize| {
            let ent = &res.entities[e];
            if ent.kind == Kind::Organization {
                ent.class
            } else {
                None
            }
        };
        let mut refs: Vec<(usize, u16, usize)> = res
            .references
            .iter()
            .filter_map(|r| class_of(r.entity).map(|c| (r.tokens.0 as usize, c, r.entity)))
            .collect();
        refs.sort_unstable();
        let mut out = OrgClasses::default();
        let mut counts: FxHashMap<(u16, usize), usize> = FxHashMap::default();
        for (pos, class, e) in refs {
            let n = counts.entry((class, e)).or_default();
            *n += 1;
            let n = *n;
            let c = out.0.entry(class).or_default();
            let leader = match c.leader.last() {
                Some(&l) => {
                    let ln = counts[&(class, l)];
                    if n > ln || (n == ln && e < l) { e } else { l }
                }
                None => e,
            };
            c.positions.push(pos);
            c.leader.push(leader);
        }
        let mut members: FxHashMap<u16, (usize, usize)> = FxHashMap::default();
        for e in 0..res.entities.len() {
            if let Some(class) = class_of(e) {
                let m = members.entry(class).or_insert((e, 0));
                m.1 += 1;
            }
        }
        for (class, (e, n)) in members {
            let c = out.0.entry(class).or_default();
            c.only = (n == 1).then_some(e);
        }
        out
    }
}

#[derive(Clone, Debug)]
struct CueMatch {
    cue: usize,
    start: usize,
    end: usize,
    ends_with_to: bool,
}

/// A holder and how sure we are of it.
type Holders = Vec<(usize, f32)>;

/// The buffers stance finding needs whatever the document, kept by a caller that reads
/// many ([`crate::pipeline::Pipeline`], one per thread): each document's are then memory
/// already had, warm in the caches. Owned things only.
#[derive(Default)]
pub struct StanceScratch {
    /// What [`Ctx::quote_at`] is made in.
    quote_at: Vec<u32>,
    cands: Candidates,
}

/// The tokens of a sentence that could start a stance cue, or a pro-/anti- modifier, or
/// be a partisan noun (see [`StanceFinder::candidates`]).
#[derive(Default)]
struct Candidates {
    cues: Vec<u32>,
    pro_anti: Vec<u32>,
    partisans: Vec<u32>,
}

/// For each word that starts stance cues, which words can come second. "the" and "a"
/// start dozens of fixed cues ("the backing of", "a disgrace") and are among the
/// commonest words; the length and first letter of the word after them turn nearly every
/// such token away before one cue is read. Derived from the lexicon alone, so built once
/// per program (see [`StanceFinder::with_index`]) rather than word by word in every
/// document.
#[derive(Clone, Debug)]
pub struct CueIndex {
    /// By word id: the word's filter in `filters`, 0 (an open filter) for a word that
    /// starts no cue. Direct, not hashed: it is read for every cue word of every text.
    slot: Vec<u32>,
    filters: Vec<CueFilter>,
    /// Each word's cues ([`WordEntry::stance_cues`](crate::lexicon::WordEntry), in that
    /// order) as [`CueBrief`]s, one run a word (its filter's `briefs`):
    /// [`StanceFinder::longest_cue`] reads the run, eight bytes a cue side by side, and
    /// turns away most cues of a word by it before it reads one from the lexicon (a
    /// structure, its words and their strings, each elsewhere on the heap), and reads
    /// none for a cue of one word.
    briefs: Vec<CueBrief>,
}

/// What [`StanceFinder::longest_cue`] asks of a cue before the cue itself: see
/// [`CueIndex::briefs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CueBrief {
    /// Index into [`Lexicon::stance_cues`].
    cue: u32,
    /// [`second_bit`] of its literal second word, or [`NO_SECOND`].
    second: u8,
    /// [`brief`] bits.
    bits: u8,
}

/// [`CueBrief::bits`].
mod brief {
    /// Written with "=" ([`StanceCue::fixed`](crate::lexicon::StanceCue)).
    pub const FIXED: u8 = 1;
    /// One word only: nothing to match after the first.
    pub const ONE_WORD: u8 = 2;
    /// The second word is a literal (an empty one too), compared with the next word.
    pub const LITERAL_SECOND: u8 = 4;
    /// A fixed evaluation (frame `subj`) whose first word is "to": needs its "be".
    pub const TO_EVALUATION: u8 = 8;
    /// The last word is the literal "to".
    pub const ENDS_WITH_TO: u8 = 16;
}

/// In a [`CueBrief`]'s `second`: the cue has no literal second word (or an empty one).
const NO_SECOND: u8 = u8::MAX;

/// A [`CueBrief`]'s `second`: [`second_bit`] of the cue's literal second word, or
/// [`NO_SECOND`].
fn cue_second(cue: &StanceCue) -> u8 {
    cue.literal_second()
        .map_or(NO_SECOND, |l| second_bit(l.as_bytes()) as u8)
}

#[derive(Clone, Copy, Debug)]
struct CueFilter {
    /// Some cue has no literal second word (one word only, a slot, a verb's forms): any
    /// word may follow.
    open: bool,
    /// Bit [`second_bit`] of each cue's literal second word (bit `k & 63` of word
    /// `k >> 6`).
    bits: [u64; 2],
    /// The word's run in [`CueIndex::briefs`] (empty for the open filter of slot 0).
    briefs: (u32, u32),
}

impl CueIndex {
    /// The filters of the lexicon's cue words. A word's cues are those whose first word
    /// it is, so the words are found from the cues (a few hundred look-ups), not by a
    /// pass over every word of the lexicon.
    pub fn new(lex: &Lexicon) -> Self {
        let open = CueFilter {
            open: true,
            bits: [0; 2],
            briefs: (0, 0),
        };
        let mut index = CueIndex {
            slot: vec![0; lex.len()],
            filters: vec![open],
            briefs: Vec::new(),
        };
        for cue in &lex.stance_cues {
            let firsts = match cue.words.first() {
                Some(CueWord::Forms(forms)) => forms.as_slice(),
                Some(CueWord::Literal(l)) => std::slice::from_ref(l),
                _ => &[],
            };
            for id in firsts.iter().filter_map(|f| lex.word_id(f)) {
                let slot = &mut index.slot[id as usize];
                if *slot == 0 {
                    *slot = index.filters.len() as u32;
                    let cues = &lex.entry(id).stance_cues;
                    let mut f = CueFilter::of(lex, cues);
                    let first = index.briefs.len() as u32;
                    f.briefs = (first, first + cues.len() as u32);
                    index.filters.push(f);
                    let briefs = cues.iter().map(|&ci| {
                        let cue = &lex.stance_cues[ci as usize];
                        CueBrief {
                            cue: ci,
                            second: cue_second(cue),
                            bits: brief_bits(cue),
                        }
                    });
                    index.briefs.extend(briefs);
                }
            }
        }
        index
    }

    /// False when none of the cues of token `i`'s word (it has some) can match at `i`,
    /// as [`StanceFinder::longest_cue`] matches them: every cue has a literal second
    /// word and the word after `i` (past quote marks) can be none of them.
    #[inline(always)]
    fn may_start(&self, w: &Words, i: usize, e: usize) -> bool {
        let t = w.tok(i);
        // the token says when its filter is open (most cue words: verbs), and the word's
        // slot here, a read of a table by word id, is left for the others
        if t.has(fact::CUE_OPEN) {
            return true;
        }
        let Some(id) = t.word else {
            return false;
        };
        let f = self.filters[self.slot[id as usize] as usize];
        if f.open {
            return true;
        }
        let j = past_quote_marks(w, i + 1, e);
        if j >= e {
            return false;
        }
        let k = second_bit(w.tok(j).span.bytes(w.text));
        k < 128 && f.bits[k >> 6] & 1 << (k & 63) != 0
    }
}

/// The [`CueBrief::bits`] of a cue.
fn brief_bits(cue: &StanceCue) -> u8 {
    let literal = |w: Option<&CueWord>, l: &str| matches!(w, Some(CueWord::Literal(x)) if x == l);
    let mut bits = 0;
    if cue.fixed {
        bits |= brief::FIXED;
    }
    if cue.words.len() == 1 {
        bits |= brief::ONE_WORD;
    }
    if matches!(cue.words.get(1), Some(CueWord::Literal(_))) {
        bits |= brief::LITERAL_SECOND;
    }
    if cue.fixed && cue.frame == Frame::Subject && literal(cue.words.first(), "to") {
        bits |= brief::TO_EVALUATION;
    }
    if literal(cue.words.last(), "to") {
        bits |= brief::ENDS_WITH_TO;
    }
    bits
}

impl CueFilter {
    /// The filter of `cues` (with no run of briefs).
    fn of(lex: &Lexicon, cues: &[u32]) -> CueFilter {
        let mut f = CueFilter {
            open: false,
            bits: [0; 2],
            briefs: (0, 0),
        };
        for &ci in cues {
            match lex.stance_cues[ci as usize].literal_second() {
                Some(l) => {
                    let k = second_bit(l.as_bytes());
                    f.bits[k >> 6] |= 1 << (k & 63);
                }
                // an open filter lets every word through: its bits go unread
                None => {
                    f.open = true;
                    break;
                }
            }
        }
        f
    }
}

/// The first three bytes of each of `words` as a set: bit `k & 63` of word `k >> 6` for
/// [`trigram`] `k`.
const fn trigrams(words: &[&[u8]]) -> [u64; 512] {
    let mut t = [0; 512];
    let mut i = 0;
    while i < words.len() {
        let k = trigram(words[i][0], words[i][1], words[i][2]);
        t[k >> 6] |= 1 << (k & 63);
        i += 1;
    }
    t
}

/// The first two bytes of each of `words` as a set: bit `k & 63` of word `k >> 6` for
/// [`bigram`] `k`.
const fn bigrams(words: &[&[u8]]) -> [u64; 128] {
    let mut t = [0; 128];
    let mut i = 0;
    while i < words.len() {
        let k = bigram(u16::from_le_bytes([words[i][0], words[i][1]]));
        t[k >> 6] |= 1 << (k & 63);
        i += 1;
    }
    t
}

/// Two bytes (read as one little-endian number) by their last five bits each, the same
/// for both cases of a letter.
const fn bigram(two: u16) -> usize {
    (two & 0x1f1f) as usize
}

/// Three bytes by their last five bits, the same for both cases of a letter.
const fn trigram(a: u8, b: u8, c: u8) -> usize {
    ((a & 31) as usize) << 10 | ((b & 31) as usize) << 5 | (c & 31) as usize
}

/// A bit number below 128 for a word by its length and first letter, the same for
/// words equal ignoring ASCII case (128, no bit, for the empty word).
fn second_bit(b: &[u8]) -> usize {
    match b.first() {
        Some(&f) => ((f | 0x20) as usize & 15) | (b.len() & 7) << 4,
        None => 128,
    }
}

impl<'l> StanceFinder<'l> {
    /// A stance finder over the lexicon, with its own [`CueIndex`] (for a document or
    /// two; a program builds the index once and uses [`StanceFinder::with_index`]).
    pub fn new(lexicon: &'l Lexicon) -> Self {
        StanceFinder {
            lex: lexicon,
            cues: Cow::Owned(CueIndex::new(lexicon)),
        }
    }

    /// A stance finder over the lexicon with its [`CueIndex`], built once per program.
    pub fn with_index(lexicon: &'l Lexicon, index: &'l CueIndex) -> Self {
        StanceFinder {
            lex: lexicon,
            cues: Cow::Borrowed(index),
        }
    }

    /// All stances of a document, with the entities named only by an adjective that some
    /// of them need.
    pub fn find(
        &self,
        text: &str,
        layout: &Layout,
        res: &Resolution,
        quotes: &[Quote],
        statements: &[Statement],
        affiliations: &[Affiliation],
    ) -> Found {
        let mut scratch = StanceScratch::default();
        self.find_with(
            text,
            layout,
            res,
            quotes,
            statements,
            affiliations,
            &mut scratch,
        )
    }

    /// [`StanceFinder::find`] in the buffers of `scratch` (what they held is dropped):
    /// the same stances.
    #[allow(clippy::too_many_arguments)]
    pub fn find_with(
        &self,
        text: &str,
        layout: &Layout,
        res: &Resolution,
        quotes: &[Quote],
        statements: &[Statement],
        affiliations: &[Affiliation],
        scratch: &mut StanceScratch,
    ) -> Found {
        let mut reported: Vec<&Statement> = statements
            .iter()
            .filter(|st| st.speaker.is_some())
            .collect();
        reported.sort_by_key(|st| st.tokens);
        let mut quote_at = std::mem::take(&mut scratch.quote_at);
        quote_at.clear();
        quote_at.resize(layout.tokens.len(), NONE);
        for (qi, q) in quotes.iter().enumerate() {
            for t in q.tokens.0..q.tokens.1 {
                quote_at[t as usize] = qi as u32;
            }
        }
        let mut orgs_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        let mut speaks_for: FxHashMap<usize, Vec<(usize, Span)>> = FxHashMap::default();
        for a in affiliations {
            orgs_of.entry(a.person).or_default().push(a.org);
            if a.role.as_deref().is_some_and(|r| self.lex.speaks_for(r)) {
                speaks_for
                    .entry(a.person)
                    .or_default()
                    .push((a.org, a.evidence));
            }
        }
        let cx = Ctx {
            w: Words {
                text,
                layout,
                lexicon: self.lex,
            },
            res,
            quotes,
            quote_at,
            statements: reported,
            orgs_of,
            org_classes: OnceCell::new(),
            speaks_for,
            implied: RefCell::new(Vec::new()),
        };
        let mut out = Vec::new();
        let cands = &mut scratch.cands;
        for sent in &layout.sentences {
            let (s, e) = (sent.tokens.start, sent.tokens.end);
            self.candidates(&cx.w, s, e, cands);
            // most sentences have none of one kind or another
            if !cands.cues.is_empty() {
                self.sentence(&cx, s, e, &cands.cues, &mut out);
            }
            if !cands.pro_anti.is_empty() {
                self.pro_anti(&cx, s, e, &cands.pro_anti, &mut out);
            }
            if !cands.partisans.is_empty() {
                self.partisans(&cx, s, e, &cands.partisans, &mut out);
            }
        }
        merge_topics(&mut out);
        // one stance per holder, polarity, target: the most confident
        let mut best: BTreeMap<(usize, Polarity, Target), usize> = BTreeMap::new();
        let mut keep = vec![false; out.len()];
        for (i, s) in out.iter().enumerate() {
            let k = (s.holder, s.polarity, s.target.clone());
            match best.get(&k) {
                Some(&j) if out[j].confidence >= s.confidence => {}
                _ => {
                    best.insert(k, i);
                }
            }
        }
        for &i in best.values() {
            keep[i] = true;
        }
        // keep every sentence's evidence for the surviving stance: the graph merges them,
        // so re-add dropped duplicates as extra evidence by keeping them too
        let mut seen_evidence: BTreeMap<(usize, Polarity, Target, Span), ()> = BTreeMap::new();
        let mut i = 0;
        out.retain(|s| {
            let k = (s.holder, s.polarity, s.target.clone(), s.evidence);
            let fresh = seen_evidence.insert(k, ()).is_none();
            let r = keep[i] || fresh;
            i += 1;
            r
        });
        // an adjective looked at as a possible holder or target leaves an implied entity
        // behind even when no stance came of it: keep only those some stance uses
        let n = res.entities.len();
        let implied = cx.implied.into_inner();
        scratch.quote_at = cx.quote_at;
        let mut used = vec![false; implied.len()];
        for s in &out {
            if s.holder >= n {
                used[s.holder - n] = true;
            }
            if let Target::Entity(t) = s.target
                && t >= n
            {
                used[t - n] = true;
            }
        }
        let mut new_index = vec![0; implied.len()];
        let mut kept = Vec::new();
        for (i, imp) in implied.into_iter().enumerate() {
            if used[i] {
                new_index[i] = n + kept.len();
                kept.push(imp);
            }
        }
        for s in &mut out {
            if s.holder >= n {
                s.holder = new_index[s.holder - n];
            }
            if let Target::Entity(t) = &mut s.target
                && *t >= n
            {
                *t = new_index[*t - n];
            }
        }
        Found {
            stances: out,
            implied: kept,
        }
    }

    /// The entity an adjective at `k` names: a demonym's place ("Russian" → Russia) or a
    /// party ("Republican" → Republican Party); an entity of the document with that name
    /// if there is one, else an implied one.
    fn adjective_entity(&self, cx: &Ctx, k: usize) -> Option<usize> {
        let w = &cx.w;
        let (kind, label) = self.adjective_names(w, k)?;
        let label = label.to_string();
        let same = |l: &str| l.eq_ignore_ascii_case(&label);
        if let Some(e) = cx
            .res
            .entities
            .iter()
            .position(|x| same(&x.label) || x.aliases.iter().any(|a| same(a)))
        {
            return Some(e);
        }
        let mut implied = cx.implied.borrow_mut();
        let n = cx.res.entities.len();
        if let Some(i) = implied.iter().position(|x| same(&x.label)) {
            return Some(n + i);
        }
        implied.push(Implied {
            kind,
            label,
            alias: w.text_of(k).to_string(),
        });
        Some(n + implied.len() - 1)
    }

    /// What an adjective at `k` names, by kind and canonical name: a demonym's place
    /// ("Russian" → Russia) or a party ("Republican" → Republican Party).
    fn adjective_names(&self, w: &Words, k: usize) -> Option<(Kind, &'l str)> {
        if w.tok(k).kind != TokenKind::Word || !w.tok(k).is(shape::CAP) {
            return None;
        }
        let lower = w.text_of(k).to_lowercase();
        if let Some(place) = self.lex.demonym_place(&lower) {
            // "-" marks a group adjective with no place ("Muslim", "Catholic"): the
            // group is no entity to hold or receive a stance
            if place == "-" {
                return None;
            }
            Some((Kind::Place, place))
        } else {
            let e = self.lex.phrase(&format!("{lower} party"))?.entity?;
            let known = &self.lex.entities[e as usize];
            Some((known.kind, &known.canonical))
        }
    }

    /// Whether [`StanceFinder::object_targets`] of a cue at `start` in a sentence that
    /// ends at `e` may leave an implied entity behind: it does so only through
    /// [`StanceFinder::adjective_entity`] of a token after `start` that no reference
    /// covers and a lower-case word follows. A cue no one holds gives no stance, and its
    /// targets, sought only for that side effect (which keeps the numbering of the
    /// implied entities), are left unsought when there is none: most such cues.
    fn may_imply(&self, cx: &Ctx, start: usize, e: usize) -> bool {
        let w = &cx.w;
        (start + 1..e.saturating_sub(1)).any(|k| {
            w.tok(k).is(shape::CAP)
                && cx.res.reference_at(k).is_none()
                && w.is_lower(k + 1)
                && self.adjective_names(w, k).is_some()
        })
    }

    /// Sorts out the tokens of the sentence `s..e` that [`StanceFinder::sentence`],
    /// [`StanceFinder::pro_anti`] and [`StanceFinder::partisans`] look at, in one loop:
    /// each of them asked every token before, and most tokens are none of these. Not
    /// inlined into [`StanceFinder::find`]: on its own, the loop keeps what it reads
    /// for every word in registers.
    #[inline(never)]
    fn candidates(&self, w: &Words, s: usize, e: usize, out: &mut Candidates) {
        out.cues.clear();
        out.pro_anti.clear();
        out.partisans.clear();
        // the first three letters, either case, of "anti", "pro" and the partisan
        // nouns: half of all words start with one of their first letters ("a", "of",
        // "be", "said"), few go on with the next ("an", "al", "fo") and fewer with the
        // third ("and", "all", "for" do not). Every word they are looked for in has
        // three letters at least, so the bytes after a shorter word may be read for
        // them: that can only let one more through.
        const WORDS: [&[u8]; 12] = [
            b"anti",
            b"pro",
            b"critic",
            b"opponent",
            b"foe",
            b"detractor",
            b"supporter",
            b"backer",
            b"ally",
            b"allies",
            b"loyalist",
            b"defender",
        ];
        const BIGRAMS: [u64; 128] = bigrams(&WORDS);
        const TRIGRAMS: [u64; 512] = trigrams(&WORDS);
        let text = w.text.as_bytes();
        for (k, t) in w.layout.tokens[s..e].iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            // the first two bytes in one read: one word in ten gets past them
            let start = t.span.start as usize;
            if let Some(&[a, b, c]) = text.get(start..start + 3)
                && let g = bigram(u16::from_le_bytes([a, b]))
                && BIGRAMS[g >> 6] & 1 << (g & 63) != 0
                && let g = trigram(a, b, c)
                && TRIGRAMS[g >> 6] & 1 << (g & 63) != 0
            {
                prefixed(w, s, s + k, out);
            }
            // the words that start cues, to be filtered after the loop: a loop that
            // does no more keeps its values in registers (the token says so: no read of
            // the word's entry)
            if t.has(fact::CUE_START) {
                out.cues.push((s + k) as u32);
            }
        }
        let mut kept = 0;
        let cues: &CueIndex = &self.cues;
        for r in 0..out.cues.len() {
            let i = out.cues[r];
            if cues.may_start(w, i as usize, e) {
                out.cues[kept] = i;
                kept += 1;
            }
        }
        out.cues.truncate(kept);
        /// Token `i` starts as "anti", "pro" or a partisan noun do: it is a candidate if
        /// it is one of them. Out of the loop, which most words pass by with registers
        /// to spare.
        #[inline(never)]
        fn prefixed(w: &Words, s: usize, i: usize, out: &mut Candidates) {
            let t = w.tok(i);
            let b = t.span.bytes(w.text);
            // the prefix as `pro_anti` compares it, on the bytes
            if b.len() >= 4 && b[..4].eq_ignore_ascii_case(b"anti")
                || b.len() >= 3 && b[..3].eq_ignore_ascii_case(b"pro")
            {
                out.pro_anti.push(i as u32);
            }
            // a lower-case word, then one match on the text
            if i > s && t.is(shape::LOWER) && partisan_side(b).is_some() {
                out.partisans.push(i as u32);
            }
        }
    }

    fn sentence(&self, cx: &Ctx, s: usize, e: usize, cands: &[u32], out: &mut Vec<Stance>) {
        let w = &cx.w;
        let evidence = w.tok(s).span.cover(w.tok(e - 1).span);
        let mut prev_holders: Option<Holders> = None;
        // the end, side and holders of the last cue that had a holder
        // (and where its stances start in `out`)
        let mut prev_cue: Option<(usize, Polarity, Holders, usize)> = None;
        // only a candidate can start a cue: the others are passed over
        let mut cands = cands.iter().map(|&c| c as usize).peekable();
        let mut i = s;
        loop {
            while cands.next_if(|&c| c < i).is_some() {}
            let Some(&c) = cands.peek() else { break };
            i = c;
            let Some(m) = self.match_cue(w, i, e, s) else {
                i += 1;
                continue;
            };
            let cue = &self.lex.stance_cues[m.cue];
            let cue_span = w.tok(m.start).span.cover(w.tok(m.end - 1).span);
            let negated = self.negated(w, m.start, s);
            let mut polarity = if negated {
                cue.polarity.flip()
            } else {
                cue.polarity
            };
            // "called for more support for X", "demanded sanctions against X": a noun cue
            // that is the object of the cue before it belongs to that cue's holder; asking
            // for or rejecting it sets the side
            let nested = prev_cue.as_ref().filter(|(end, _, _, _)| {
                cue.fixed
                    && *end <= m.start
                    && m.start - *end <= 3
                    && (*end..m.start).all(|k| {
                        w.is_lower(k)
                            && !w.has(k, flag::SPEECH)
                            && (NESTED_BETWEEN.has(w, k) || !w.is_function(k))
                    })
            });
            let was_nested = nested.is_some();
            let mut nested_holders = None;
            if let Some((_, outer, hs, first)) = nested {
                match (outer, polarity) {
                    (Polarity::Oppose, Polarity::Oppose) => {
                        i = m.end;
                        continue;
                    }
                    (Polarity::Oppose, _) => polarity = Polarity::Oppose,
                    _ => {}
                }
                nested_holders = Some(hs.clone());
                // "called for the charges against X to be dropped": asking for it to go
                // takes the other side
                let gone = (m.end..e.min(m.end + 12))
                    .take_while(|&k| !w.tok(k).is_punct(','))
                    .any(|k| {
                        k + 2 < e
                            && w.is_any(k, &["to"])
                            && w.is_any(k + 1, &["be"])
                            && REMOVED.has(w, k + 2)
                    });
                if gone {
                    polarity = polarity.flip();
                }
                // the outer cue's topic is this cue's phrase ("stepped up criticism of
                // Russia", "rejected calls for X"): this cue says what it means
                let first = *first;
                let mut idx = 0;
                out.retain(|st| {
                    let keep = idx < first || !matches!(st.target, Target::Topic(_));
                    idx += 1;
                    keep
                });
            }
            // borrowed: a cue that gives no stance (no holder, no target) copies nothing
            let act: &str = if negated {
                match cue.polarity {
                    Polarity::Support => "rejects",
                    Polarity::Oppose => "accepts",
                }
            } else {
                &cue.act
            };
            let modal = cue.fixed
                && matches!(&cue.words[0], CueWord::Literal(l) if MODALS.contains(&l.as_str()));
            // "adults who should be working": a modal in a relative clause, or before a
            // progressive, describes rather than asks
            if modal
                && ((m.start > s && w.is_any(m.start - 1, &["who", "which", "that"]))
                    || (w.is_any(m.end, &["be"])
                        && m.end + 1 < e
                        && w.text_of(m.end + 1).ends_with("ing")))
            {
                i = m.end;
                continue;
            }
            let (holders, targets) = if modal {
                // a request voices the speaker's wish: with no voice it gives no stance,
                // and its target (found without a side effect) is not sought
                let holders = self.voice(cx, m.start, s, e);
                let targets = if holders.is_empty() {
                    Vec::new()
                } else {
                    let subj = self.subject_np(cx, m.start, s);
                    self.vp_target(cx, m.end, e, subj)
                        .into_iter()
                        .map(Aim::main)
                        .collect()
                };
                (holders, targets)
            } else if cue.frame == Frame::Subject {
                let (caller, targets) = self.subject_target(cx, m.start, m.end, s, e);
                // "Seacrest called her allegations reckless": the one who calls them so
                let holders = caller
                    .map(|v| self.holders(cx, v, s, prev_holders.as_ref(), false))
                    .filter(|h| !h.is_empty())
                    .unwrap_or_else(|| self.voice(cx, m.start, s, e));
                (holders, targets)
            } else if cue.frame == Frame::Source {
                self.source_cue(cx, &m, s, e)
            } else if let Some((h, t)) = self.passive(cx, &m, s, e) {
                (h, t)
            } else {
                let h = match nested_holders {
                    Some(h) => h,
                    None => self.holders(cx, m.start, s, prev_holders.as_ref(), cue.fixed),
                };
                // "praised and questioned Turkey's leadership", "criticized and sued X":
                // two verbs share the object after the second
                let targets = || {
                    let t = self.object_targets(cx, &m, e);
                    if t.is_empty()
                        && !cue.fixed
                        && m.end + 2 < e
                        && w.is_any(m.end, &["and", "or"])
                        && let Some(m2) = self.match_cue(w, m.end + 1, e, s)
                        && m2.start == m.end + 1
                        && !self.lex.stance_cues[m2.cue].fixed
                    {
                        return self.object_targets(cx, &m2, e);
                    }
                    t
                };
                // no holder, no stance: the targets matter only for what they may imply
                let unheld = h.is_empty() && !self.may_imply(cx, m.start, e);
                #[cfg(debug_assertions)]
                if unheld {
                    let before = cx.implied.borrow().len();
                    targets();
                    assert_eq!(cx.implied.borrow().len(), before, "may_imply missed one");
                }
                let t = if unheld { Vec::new() } else { targets() };
                (h, t)
            };
            prev_cue = (!holders.is_empty()).then(|| (m.end, polarity, holders.clone(), out.len()));
            if !holders.is_empty() && cue.frame != Frame::Source {
                // a holder inside "until X agrees" does not carry to "and plan to"
                let subordinate = (s..m.start)
                    .rev()
                    .take(6)
                    .any(|k| w.is_lower(k) && SUBORDINATORS.has(w, k));
                prev_holders = if subordinate {
                    None
                } else {
                    Some(holders.clone())
                };
            }
            // no holder, no stance: what follows adds to the holders or makes stances of
            // them (and asks what a request demands, which changes nothing)
            if holders.is_empty() {
                i = m.end;
                continue;
            }
            // only for what the person does, not for what a voice (quote, reported speech)
            // says they want or think: those are the speaker's own
            let holders = if cue.frame == Frame::Subject || modal {
                holders
            } else {
                let hs = self.with_principals(cx, holders, evidence);
                self.adjective_principals(cx, hs, s, e)
            };
            let reported = reported_at(cx, m.start);
            // the evidence of a holder's stance: reported speech rests on the statement, as
            // a quoted one rests on the quote's sentence
            let evidence_of = |h: usize| match reported {
                Some(st) if st.speaker == Some(h) => statement_span(st),
                _ => evidence,
            };
            // "called for Y to resign", "Y should be fired": the asker opposes Y (and does
            // not support Y for asking for Y's resignation)
            let demanded = (cue.polarity == Polarity::Support && !negated && !was_nested)
                .then(|| self.demanded_of(cx, &m, modal, s, e))
                .flatten();
            if let Some(d) = demanded {
                for &(h, hc) in holders.iter().filter(|&&(h, _)| h != d) {
                    out.push(Stance {
                        holder: h,
                        polarity: Polarity::Oppose,
                        target: Target::Entity(d),
                        act: "demands".to_string(),
                        cue: cue_span,
                        evidence: evidence_of(h),
                        confidence: (0.7 * hc * 100.0).round() / 100.0,
                    });
                }
            }
            for &(h, hc) in &holders {
                for aim in &targets {
                    // a name that only modifies the target is aimed at by criticism ("criticized
                    // the North Carolina law"), not by support ("calls for Iraq exit plans")
                    if polarity == Polarity::Support
                        && (aim.reach == Reach::Modifier
                            || demanded.is_some_and(|d| aim.target == Target::Entity(d)))
                    {
                        continue;
                    }
                    let mut t = &aim.target;
                    let other;
                    // "criticized his own party": the owner aimed at is not the holder
                    let own = match aim.reach {
                        Reach::Direct => false,
                        Reach::Modifier => *t == Target::Entity(h),
                        Reach::Owner => holders.iter().any(|x| *t == Target::Entity(x.0)),
                    };
                    if own {
                        continue;
                    }
                    if *t == Target::Entity(h) {
                        // "Clinton met Obama and praised him": an object pronoun is not
                        // its own clause's subject; it is someone named before
                        match self.other_antecedent(cx, m.start, m.end, h) {
                            Some(x) => {
                                other = Target::Entity(x);
                                t = &other;
                            }
                            None => continue,
                        }
                    }
                    let mut conf = 0.8 * hc * aim.weight;
                    if negated {
                        conf *= 0.8;
                    }
                    if matches!(t, Target::Topic(_)) {
                        conf *= 0.95;
                    }
                    out.push(Stance {
                        holder: h,
                        polarity,
                        target: t.clone(),
                        act: act.to_string(),
                        cue: cue_span,
                        evidence: evidence_of(h),
                        confidence: (conf * 100.0).round() / 100.0,
                    });
                }
            }
            i = m.end;
        }
    }

    /// A reversed cue (frame `from`, "X drew criticism from Y"): Y holds it, about X.
    /// Few cues are: out of [`StanceFinder::sentence`], which every cue passes through.
    #[cold]
    #[inline(never)]
    fn source_cue(&self, cx: &Ctx, m: &CueMatch, s: usize, e: usize) -> (Holders, Vec<Aim>) {
        let w = &cx.w;
        // "X drew criticism from Y": Y holds it, about X
        let ne = np_end(w, m.end, e);
        let holders: Holders = self
            .np_target(cx, m.end, ne)
            .into_iter()
            .filter_map(|a| match a.target {
                Target::Entity(x) if a.reach != Reach::Modifier => Some((x, 0.9)),
                _ => None,
            })
            .collect();
        // "drew criticism from Republicans, including Senator John McCain"
        let mut holders = holders;
        if ne + 2 < e && w.tok(ne).is_punct(',') && w.is_any(ne + 1, &["including"]) {
            let named = |a: usize, b: usize| {
                self.np_target(cx, a, b)
                    .into_iter()
                    .filter_map(|a| match a.target {
                        Target::Entity(x) if a.reach != Reach::Modifier => Some((x, 0.8)),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            };
            let ie = np_end(w, ne + 2, e);
            holders.extend(named(ne + 2, ie));
            // "including his campaign opponent, Senator John McCain": the name in
            // apposition is the one included
            if ie + 1 < e
                && w.tok(ie).is_punct(',')
                && (ie + 1..e.min(ie + 4)).any(|q| {
                    cx.res
                        .reference_at(q)
                        .is_some_and(|r| r.kind == RefKind::Name)
                })
            {
                holders.extend(named(ie + 1, np_end(w, ie + 1, e)));
            }
        }
        // "came under criticism from some Trump advisers": a body speaks through
        // its people
        if holders.is_empty()
            && ne > m.end + 1
            && w.is_lower(ne - 1)
            && is_representative(w, ne - 1)
            && let Some(x) = self.owner_of_head(cx, ne - 1, m.end)
        {
            holders.push((x, 0.8));
        }
        let targets = if holders.is_empty() {
            Vec::new()
        } else {
            self.receiver(cx, m.start, s)
                .into_iter()
                .map(|(x, _)| Aim::main(Target::Entity(x)))
                .collect()
        };
        (holders, targets)
    }

    /// Whom a request at `m` asks to resign, be fired or apologize (`data/demands.txt`):
    /// "Y should resign", "called for Y to step down", "urged Y to apologize", "demanded
    /// the resignation of Y", "called for Y's impeachment".
    fn demanded_of(
        &self,
        cx: &Ctx,
        m: &CueMatch,
        modal: bool,
        s: usize,
        e: usize,
    ) -> Option<usize> {
        let w = &cx.w;
        // the name (or pronoun) that ends right before token `b`, not before `lo`, and
        // heads the phrase ("troops deployed in Iraq should be replaced" asks nothing of Iraq)
        let ending_at = |b: usize, lo: usize| {
            (b > lo)
                .then(|| cx.res.reference_at(b - 1))
                .flatten()
                .filter(|r| {
                    r.tokens.1 as usize == b
                        && r.tokens.0 as usize >= lo
                        && (lo..r.tokens.0 as usize).all(|q| {
                            !(w.is_lower(q) && w.is_function(q)) || w.is_any(q, &["the", "a", "an"])
                        })
                })
                .map(|r| r.entity)
        };
        let actor = if modal {
            // "Y should resign", "Y must immediately be fired"
            let mut v = m.end;
            while v < e && w.is_any(v, &["immediately", "now", "also", "simply", "just"]) {
                v += 1;
            }
            if !is_demand_at(w, v, e) {
                return None;
            }
            let (a, b) = self.subject_np(cx, m.start, s)?;
            ending_at(b, a)?
        } else if self.lex.stance_cues[m.cue].act != "requests" {
            return None;
        } else if m.ends_with_to {
            // "called on Y to resign", "asked Y to step aside": the slot before "to"
            if !is_demand_at(w, m.end, e) {
                return None;
            }
            ending_at(m.end - 1, m.start + 1)?
        } else {
            let t = m.end;
            // "called for Y to resign", "urged Y to apologize"
            let to = (t + 1..e.min(t + 7))
                .take_while(|&q| w.tok(q).is_wordlike() || w.tok(q).kind == TokenKind::Possessive)
                .find(|&q| w.is_lower(q) && w.is_any(q, &["to"]));
            let noun_at = |q: usize| q < e && w.is_lower(q) && w.has(q, flag::DEMAND_NOUN);
            if let Some(to) = to
                && is_demand_at(w, to + 1, e)
            {
                ending_at(to, t)?
            } else if let Some(r) = cx.res.reference_at(t).filter(|r| r.tokens.0 as usize == t)
                && (r.tokens.1 as usize) < e
                && w.tok(r.tokens.1 as usize).kind == TokenKind::Possessive
                && noun_at(r.tokens.1 as usize + 1)
            {
                // "demanded Y's resignation"
                r.entity
            } else {
                // "called for the impeachment of Y"
                let n = if t < e && w.is_any(t, &["the", "an", "a"]) {
                    t + 1
                } else {
                    t
                };
                if !(noun_at(n) && n + 1 < e && w.is_any(n + 1, &["of"])) {
                    return None;
                }
                self.name_after_article(cx, n + 2, e)?
            }
        };
        Some(actor)
    }

    /// For an object pronoun at `p` ("him", "her", "them") that the resolution gave to
    /// the cue's own holder `h`: the nearest other name before the cue at `v` that the
    /// pronoun can stand for (a person for "him"/"her", a group for "them"), at most 40
    /// tokens back.
    fn other_antecedent(&self, cx: &Ctx, v: usize, p: usize, h: usize) -> Option<usize> {
        let w = &cx.w;
        if p >= w.layout.tokens.len() || !w.is_lower(p) {
            return None;
        }
        let gender = if w.is_any(p, &["him"]) {
            Some(Gender::Female)
        } else if w.is_any(p, &["her"]) {
            Some(Gender::Male)
        } else if w.is_any(p, &["them"]) {
            None
        } else {
            return None;
        };
        cx.res
            .reference_at(p)
            .filter(|r| r.kind == RefKind::Pronoun)?;
        cx.res
            .references
            .iter()
            .rev()
            .filter(|r| (r.tokens.1 as usize) <= v && (r.tokens.0 as usize) + 40 >= v)
            .filter(|r| r.kind == RefKind::Name && r.entity != h)
            .find(|r| {
                let e = &cx.res.entities[r.entity];
                match gender {
                    Some(not) => e.kind == Kind::Person && e.gender != not,
                    None => e.kind == Kind::Organization,
                }
            })
            .map(|r| r.entity)
    }

    /// "Samantha Power, US ambassador to the UN, accused Russia": one who speaks for an
    /// organization by office (ambassador, spokesman, minister), said so in the same
    /// sentence, takes the organization's side with them.
    fn with_principals(&self, cx: &Ctx, mut holders: Holders, sentence: Span) -> Holders {
        let n = holders.len();
        for i in 0..n {
            let (h, hc) = holders[i];
            for &(o, ev) in cx.speaks_for.get(&h).into_iter().flatten() {
                if ev.start >= sentence.start
                    && ev.end <= sentence.end
                    && !holders.iter().any(|x| x.0 == o)
                {
                    holders.push((o, hc * 0.8));
                }
            }
        }
        holders
    }

    /// "Republican Senator Susan Collins", "Republican Peter King", "Russian President
    /// Vladimir Putin": a person named after a party adjective acts for the party, and
    /// after a demonym and an office of state (`STATE_ROLES`) for the country. Named in
    /// the sentence `[s, e)`; the principal holds the stance too, a little less surely.
    fn adjective_principals(&self, cx: &Ctx, mut holders: Holders, s: usize, e: usize) -> Holders {
        let w = &cx.w;
        let n = holders.len();
        for i in 0..n {
            let (h, hc) = holders[i];
            if h >= cx.res.entities.len() || cx.res.entities[h].kind != Kind::Person {
                continue;
            }
            let mut k = s;
            while k < e {
                let Some(r) = cx.res.reference_at(k) else {
                    k += 1;
                    continue;
                };
                let (a0, b0) = (r.tokens.0 as usize, r.tokens.1 as usize);
                if r.entity != h || r.kind != RefKind::Name || a0 < s {
                    k = b0.max(k + 1);
                    continue;
                }
                // back over titles and office words: "Senator", "presidential candidate"
                let mut a = a0;
                let mut state_role = false;
                while a > s
                    && w.tok(a - 1).kind == TokenKind::Word
                    && w.entry(a - 1).is_some_and(|x| {
                        x.title.is_some()
                            || x.has(flag::ROLE)
                            || x.has(flag::ROLE_MOD)
                            // a given name the name's mention left off
                            || (x.has(flag::GIVEN) && w.tok(a - 1).is(shape::CAP))
                    })
                {
                    state_role |= STATE_ROLES.has(w, a - 1);
                    a -= 1;
                }
                if a > s {
                    let lower = w.text_of(a - 1).to_lowercase();
                    let fits = if self.lex.demonym_place(&lower).is_some() {
                        state_role
                    } else {
                        true
                    };
                    // "Iran's Foreign Minister Bahram Qassemi", "US President Barack
                    // Obama": an office of state after a country's name
                    let principal = if state_role {
                        self.state_before(cx, a, s)
                    } else {
                        None
                    };
                    if let Some(p) = principal
                        .or_else(|| fits.then(|| self.adjective_entity(cx, a - 1)).flatten())
                        && p != h
                        && !holders.iter().any(|x| x.0 == p)
                    {
                        holders.push((p, hc * 0.8));
                    }
                }
                // "Samantha Power, US ambassador to the UN,", "Bahram Qassemi, Iran's
                // foreign minister,": the office in apposition after the name
                if let Some(p) = self.state_office_after(cx, b0, e)
                    && p != h
                    && !holders.iter().any(|x| x.0 == p)
                {
                    holders.push((p, hc * 0.8));
                }
                k = b0;
            }
        }
        holders
    }

    /// The country named right before office words that start at `a`: "Iran's", "US"
    /// (a place's name, possessive or not).
    fn state_before(&self, cx: &Ctx, a: usize, s: usize) -> Option<usize> {
        let w = &cx.w;
        let mut k = a.checked_sub(1).filter(|&k| k >= s)?;
        if w.tok(k).kind == TokenKind::Possessive {
            k = k.checked_sub(1).filter(|&k| k >= s)?;
        }
        cx.res
            .reference_at(k)
            .filter(|r| {
                r.kind == RefKind::Name
                    && r.tokens.1 as usize == k + 1
                    && res_kind(cx, r.entity) == Kind::Place
            })
            .map(|r| r.entity)
    }

    /// A country whose office is given in apposition after a name that ends at `k`:
    /// ", US ambassador to the UN", ", the Russian foreign minister", ", Iran's
    /// foreign minister". A former office speaks for no one.
    fn state_office_after(&self, cx: &Ctx, k: usize, e: usize) -> Option<usize> {
        let w = &cx.w;
        if k + 2 >= e || !w.tok(k).is_punct(',') {
            return None;
        }
        let mut n = k + 1;
        if w.is_any(n, &["the", "a"]) {
            n += 1;
        }
        let (place, mut j) = if let Some(r) = cx
            .res
            .reference_at(n)
            .filter(|r| r.kind == RefKind::Name && r.tokens.0 as usize == n)
        {
            if res_kind(cx, r.entity) != Kind::Place {
                return None;
            }
            let mut j = r.tokens.1 as usize;
            if j < e && w.tok(j).kind == TokenKind::Possessive {
                j += 1;
            }
            (r.entity, j)
        } else {
            let lower = w.text_of(n).to_lowercase();
            self.lex.demonym_place(&lower)?;
            (self.adjective_entity(cx, n)?, n + 1)
        };
        let start = j;
        let mut state_role = false;
        while j < e
            && j - start < 3
            && w.tok(j).kind == TokenKind::Word
            && w.entry(j)
                .is_some_and(|x| x.title.is_some() || x.has(flag::ROLE) || x.has(flag::ROLE_MOD))
        {
            if w.is_any(j, &["former", "ex", "onetime", "then"]) {
                return None;
            }
            state_role |= STATE_ROLES.has(w, j);
            j += 1;
        }
        state_role.then_some(place)
    }

    /// "Trump critic Sen. Ben Sasse", "Ben Sasse, a longtime Trump critic,", "Sasse has
    /// been a vocal Trump critic", "Clinton ally Sidney Blumenthal": a name before a
    /// partisan noun (critic, opponent, supporter, ally…) is its target; the holder is the
    /// person named after it, in apposition before it, or the subject of "is a".
    fn partisans(&self, cx: &Ctx, s: usize, e: usize, cands: &[u32], out: &mut Vec<Stance>) {
        let w = &cx.w;
        let evidence = w.tok(s).span.cover(w.tok(e - 1).span);
        // the lower-case partisan nouns after the sentence's first token
        for &i in cands {
            let i = i as usize;
            let Some(polarity) = partisan_side(w.tok(i).span.bytes(w.text)) else {
                continue;
            };
            // "Trump's staunchest supporters", "Trump's fiercest critics": a possessive
            // and degree words may stand between the name and the noun
            let mut j = i;
            while j > s + 1 && i - j < 2 && w.is_lower(j - 1) && is_degree_word(w, j - 1) {
                j -= 1;
            }
            if j > s + 1 && w.tok(j - 1).kind == TokenKind::Possessive {
                j -= 1;
            } else {
                j = i;
            }
            let Some(r) = cx
                .res
                .reference_at(j - 1)
                .filter(|r| r.kind == RefKind::Name && r.tokens.1 as usize == j)
            else {
                continue;
            };
            if res_kind(cx, r.entity) == Kind::Place {
                continue; // "Iowa supporters" are people from Iowa
            }
            let target = r.entity;
            // the words before the name: "a longtime", "a vocal", "the", "one of", and its
            // title ("one of President Trump's")
            let mut a = r.tokens.0 as usize;
            while a > s
                && w.tok(a - 1).is(shape::CAP)
                && w.entry(a - 1).is_some_and(|x| x.title.is_some())
                && cx.res.reference_at(a - 1).is_none()
            {
                a -= 1;
            }
            let name_start = a;
            while a > s && a + 4 > name_start && w.is_lower(a - 1) && !CLAUSE_STOPS.has(w, a - 1) {
                a -= 1;
                if w.is_any(a, &["a", "an", "the", "one"]) {
                    break;
                }
            }
            let holder = if let Some((h, _)) = (i + 1 < e)
                .then(|| {
                    let mut n = i + 1;
                    while n + 1 < e
                        && w.tok(n).is(shape::CAP)
                        && w.entry(n).is_some_and(|x| x.title.is_some())
                        && cx.res.reference_at(n).is_none()
                    {
                        n += 1;
                    }
                    self.name_at(cx, n)
                })
                .flatten()
                .filter(|&(h, _)| res_kind(cx, h) == Kind::Person)
            {
                // "Trump critic Sen. Ben Sasse"
                Some(h)
            } else if a > s + 1 && w.tok(a - 1).is_punct(',') {
                // "Ben Sasse, a longtime Trump critic,"
                self.np_holders(cx, a - 2, s)
                    .and_then(|h| h.first().map(|x| x.0))
            } else if a > s
                && w.is_any(a, &["a", "an", "one"])
                && let Some(cs) = copula_start(w, a - 1, s)
            {
                // "Sasse has been a vocal Trump critic", "has emerged as one of Trump's
                // staunchest supporters"
                let mut v = cs;
                while v > s && (AUX.has(w, v - 1) || w.is_negation(v - 1)) {
                    v -= 1;
                }
                // "Jeff Flake (R) is": the holder search skips brackets and asides
                (v > s)
                    .then(|| self.np_holders(cx, v - 1, s))
                    .flatten()
                    .and_then(|h| h.first().map(|x| x.0))
                    .or_else(|| self.holders(cx, cs, s, None, false).first().map(|x| x.0))
            } else {
                None
            };
            let Some(h) = holder.filter(|&h| h != target) else {
                continue;
            };
            out.push(Stance::of_modifier(
                h,
                polarity,
                Target::Entity(target),
                "criticizes",
                w.tok(i).span,
                evidence,
            ));
        }
    }

    /// "pro-Iraq war Labour MP Oona King" (King supports the Iraq war), "his anti Iraq
    /// war stance" (he opposes it): a pro-/anti- modifier of a named holder or of a
    /// possessed noun.
    fn pro_anti(&self, cx: &Ctx, s: usize, e: usize, cands: &[u32], out: &mut Vec<Stance>) {
        let w = &cx.w;
        let evidence = w.tok(s).span.cover(w.tok(e - 1).span);
        // the words that start with "anti" or "pro" (see `candidates`)
        for &i in cands {
            let i = i as usize;
            // the prefix is compared ignoring ASCII case in place (no other letter
            // lower-cases to one of "anti" or "pro")
            let text = w.text_of(i);
            let (polarity, prefix) = if starts_with_ignore_case(text, "anti") {
                (Polarity::Oppose, 4)
            } else if starts_with_ignore_case(text, "pro") {
                (Polarity::Support, 3)
            } else {
                continue;
            };
            let rest = if text.len() == prefix {
                // "anti Iraq war": the target is all in the words after it
                if !(i + 1 < e
                    && w.tok(i + 1).kind == TokenKind::Word
                    && !w.is_any(i + 1, &["and", "or", "bono", "rata", "forma"]))
                {
                    continue;
                }
                ""
            } else if text.as_bytes()[prefix] == b'-' {
                // "anti-war": as much of the token's end as its lower-cased rest is long
                // (the same but for a few letters outside ASCII)
                let lower_len = lowercase_len(&text[prefix + 1..]);
                &text[text.len() - lower_len..]
            } else {
                continue;
            };
            // the words of the target: the rest of the token and the words after it, up
            // to a name (the holder) or the end of the noun phrase
            let mut words: Vec<String> = Vec::new();
            if !rest.is_empty() {
                words.push(rest.to_string());
            }
            let mut j = i + 1;
            while j < e
                && j - i <= 4
                && w.tok(j).kind == TokenKind::Word
                && cx.res.reference_at(j).is_none_or(|r| {
                    r.kind != RefKind::Name || res_kind(cx, r.entity) == Kind::Place
                })
            {
                if w.is_function(j) {
                    break;
                }
                words.push(if w.tok(j).is(shape::CAP) {
                    w.text_of(j).to_string()
                } else {
                    w.text_of(j).to_lowercase()
                });
                j += 1;
            }
            // holder after: "pro-Iraq war Labour MP Oona King" (an organization and a role
            // may stand before the person)
            let mut holder = None;
            let mut k = j;
            let mut org = None;
            while k < e && k - j < 5 {
                match cx.res.reference_at(k) {
                    Some(r)
                        if res_kind(cx, r.entity) == Kind::Person && r.kind == RefKind::Name =>
                    {
                        holder = Some(r.entity);
                        break;
                    }
                    Some(r) if res_kind(cx, r.entity) == Kind::Organization && org.is_none() => {
                        org = Some(r.entity);
                        k = r.tokens.1 as usize;
                    }
                    _ if w
                        .entry(k)
                        .is_some_and(|x| x.title.is_some() || x.has(flag::ROLE)) =>
                    {
                        k += 1
                    }
                    _ => break,
                }
            }
            if holder.is_none() && k == j {
                holder = org;
            }
            // holder before: "his anti Iraq war stance", "Galloway's anti-war campaign": the
            // last word is the possessed noun, not part of the target
            if holder.is_none() && i > s {
                let p = i - 1;
                let owner = if w.tok(p).kind == TokenKind::Possessive && p > s {
                    cx.res.reference_at(p - 1)
                } else if w.is_any(p, &["his", "her", "its", "their"]) {
                    cx.res.reference_at(p)
                } else {
                    None
                };
                if let Some(r) = owner
                    && words.len() >= 2
                {
                    words.pop();
                    holder = Some(r.entity);
                }
            }
            let Some(h) = holder else { continue };
            if words.is_empty() {
                continue;
            }
            out.push(Stance::of_modifier(
                h,
                polarity,
                Target::Topic(words.join(" ")),
                "opposes",
                w.tok(i).span,
                evidence,
            ));
        }
    }

    /// The longest cue starting at token `i`.
    #[inline]
    fn match_cue(&self, w: &Words, i: usize, e: usize, s: usize) -> Option<CueMatch> {
        // most words start no cue: this test is inlined into the caller, the matching is
        // not
        let t = w.tok(i);
        if t.kind != TokenKind::Word {
            return None;
        }
        let (a, b) = self.cues.filters[self.cues.slot[t.word? as usize] as usize].briefs;
        if a == b {
            return None;
        }
        self.longest_cue(w, &self.cues.briefs[a as usize..b as usize], i, e, s)
    }

    /// What the words around token `i` say of a verb cue there: whether it can be no
    /// verb, and whether it is a noun after an owner or an article.
    fn verb_context(&self, w: &Words, i: usize, s: usize) -> (bool, bool) {
        // a capitalized verb is a cue only at the start of a sentence or quote
        let cap_mid_sentence = w.tok(i).is(shape::CAP) && i != s && !is_after_open_quote(w, i);
        // after a possessive or a determiner, a verb form is a noun ("Malema's
        // advocate", "the attack", "their support"); "his feud with", "X's attack on"
        // stay (a noun cue with its preposition), and "he's supporting" is "he is"
        let after_owner = i > s
            && ((w.tok(i - 1).kind == TokenKind::Possessive
                && !(i > s + 1 && CONTRACTED_SUBJECTS.has(w, i - 2)))
                || OWNERS.has(w, i - 1));
        let owned_noun = after_owner && !NOUN_CUE_PREPS.has(w, i + 1);
        // after "be", a base form is not a verb ("will be back in classrooms")
        let form = w.text_of(i);
        let after_be = i > s
            && BE.has(w, i - 1)
            && !form.ends_with("ed")
            && !form.ends_with("ing")
            && !form.ends_with("en");
        (cap_mid_sentence || after_be, owned_noun)
    }

    /// The longest of `cues` (those whose first word is token `i`'s) starting at `i`.
    /// Not inlined: [`StanceFinder::match_cue`]'s test is, in three callers.
    #[inline(never)]
    fn longest_cue(
        &self,
        w: &Words,
        cues: &[CueBrief],
        i: usize,
        e: usize,
        s: usize,
    ) -> Option<CueMatch> {
        // what the token's neighbours say of a verb depends on `i` only, not on the cue:
        // asked once, at the first verb cue that gets that far (a common verb has dozens
        // of cues; "a" and "the" start only fixed ones)
        let mut verb_context = None;
        // the word after this one, past quote marks, as `match_rest` reaches it: read
        // once here, it turns most cues of several words away before `match_rest`
        let j = past_quote_marks(w, i + 1, e);
        let next = (j < e).then(|| w.tok(j).span.bytes(w.text));
        // a literal second word equal to the next word has its `second_bit` (no word
        // has NO_SECOND): a cue whose bit differs is passed over unread
        let next_bit = next.map_or(NO_SECOND, |n| second_bit(n) as u8);
        let mut best: Option<CueMatch> = None;
        // the cue's words from the lexicon, read only when its brief leaves it in
        let words = |b: &CueBrief| &self.lex.stance_cues[b.cue as usize].words[..];
        for b in cues {
            if b.second != NO_SECOND && b.second != next_bit {
                continue;
            }
            if b.bits & brief::LITERAL_SECOND != 0
                && let Some(CueWord::Literal(l)) = words(b).get(1)
                && !next.is_some_and(|n| same_word(n, l.as_bytes()))
            {
                continue;
            }
            if b.bits & brief::FIXED == 0 {
                let (no_verb, owned_noun) =
                    *verb_context.get_or_insert_with(|| self.verb_context(w, i, s));
                if no_verb || (owned_noun && b.bits & brief::ONE_WORD != 0) {
                    continue;
                }
            }
            // an evaluation that starts with "to" ("is partly to blame") needs its "be";
            // "are likely to blame X" is the verb
            if b.bits & brief::TO_EVALUATION != 0 && !self.after_be(w, i, s) {
                continue;
            }
            let end = if b.bits & brief::ONE_WORD != 0 {
                Some(i + 1)
            } else {
                self.match_rest(w, &words(b)[1..], i + 1, e)
            };
            if let Some(end) = end
                && best.as_ref().is_none_or(|m| end > m.end)
            {
                best = Some(CueMatch {
                    cue: b.cue as usize,
                    start: i,
                    end,
                    ends_with_to: b.bits & brief::ENDS_WITH_TO != 0,
                });
            }
        }
        best
    }

    /// True when a form of "be" stands before `i`, past adverbs ("is partly to blame",
    /// "are not to blame"); "likely" is no adverb here ("are likely to blame X").
    fn after_be(&self, w: &Words, i: usize, s: usize) -> bool {
        let mut p = i;
        while p > s && i - p < 4 {
            p -= 1;
            if BE.has(w, p) {
                return true;
            }
            let adverb = w.is_negation(p)
                || ADVERBS.has(w, p)
                || (w.is_lower(p)
                    && w.text_of(p).ends_with("ly")
                    && !w.is_any(p, &["likely", "unlikely"]));
            if !adverb {
                return false;
            }
        }
        false
    }

    fn match_rest(&self, w: &Words, words: &[CueWord], mut j: usize, e: usize) -> Option<usize> {
        for (k, cw) in words.iter().enumerate() {
            // quote marks may stand inside a cue: "deeply concerned” about"
            j = past_quote_marks(w, j, e);
            match cw {
                CueWord::Literal(l) => {
                    if j >= e || !same_word(w.tok(j).span.bytes(w.text), l.as_bytes()) {
                        return None;
                    }
                    j += 1;
                }
                CueWord::Forms(forms) => {
                    if j >= e || !forms.iter().any(|f| w.text_of(j).eq_ignore_ascii_case(f)) {
                        return None;
                    }
                    j += 1;
                }
                CueWord::Slot => {
                    let next = words.get(k + 1);
                    let start = j;
                    while j < e && j - start < 7 {
                        if let Some(CueWord::Literal(l)) = next
                            && same_word(w.tok(j).span.bytes(w.text), l.as_bytes())
                            && j > start
                        {
                            break;
                        }
                        if !w.tok(j).is_wordlike()
                            && w.tok(j).kind != TokenKind::Possessive
                            && w.tok(j).quote().is_none()
                        {
                            return None;
                        }
                        j += 1;
                    }
                    if j == start {
                        return None;
                    }
                }
            }
        }
        Some(j)
    }

    fn negated(&self, w: &Words, start: usize, s: usize) -> bool {
        let lo = start.saturating_sub(3).max(s);
        // "refused to back", "declined to bring charges against", "failed to condemn"
        if start > s + 1 && w.is_any(start - 1, &["to"]) && GAVE_UP.has(w, start - 2) {
            return true;
        }
        // "not", "never", and the adverbs that say a deed was undeserved: "Apple has been
        // unfairly attacked" defends Apple
        (lo..start).any(|k| {
            // "not only", "didn't just blame": more than, not less than ("could not just
            // refuse" still denies)
            (w.is_negation(k)
                && !w.is_any(k + 1, &["only"])
                && (is_modal_negation(w, k, s) || !w.is_any(k + 1, &["just", "merely"])))
                || UNDESERVED.has(w, k)
        })
    }

    // ---------------------------------------------------------------- holders

    /// The holders of a cue at `v` (verb-like), searched backwards in the sentence.
    fn holders(
        &self,
        cx: &Ctx,
        v: usize,
        s: usize,
        prev: Option<&Holders>,
        noun_cue: bool,
    ) -> Holders {
        let w = &cx.w;
        let mut j = v;
        let mut infinitive = false;
        // a noun or adjective cue hangs on a verb: "I see no basis for", "they voiced
        // support for", "are deeply concerned about"
        let mut verbs_left = if noun_cue { 1 } else { 0 };
        let mut bracketed = None;
        while j > s {
            let k = j - 1;
            if AUX.has(w, k)
                || w.is_negation(k)
                || (w.is_lower(k) && w.text_of(k).ends_with("ly") && w.text_of(k).len() > 4)
                || ADVERBS.has(w, k)
                // "intensely and publicly criticized"; not "blustering aggressively and
                // attacking", where the verbs are joined
                || (w.is_any(k, &["and"])
                    && k > s
                    && k + 1 < v
                    && w.is_lower(k - 1)
                    && w.text_of(k - 1).ends_with("ly"))
                // "on Friday angrily accused", "in January accused", "last week accused",
                // "earlier this month criticized"
                || w.has(k, flag::CALENDAR)
                || is_time_adjunct(w, k, v, s)
                // "is a critic of", "was the first to"
                || (noun_cue && w.is_any(k, &["a", "an", "the"]))
                // "is no longer supporting"
                || (w.is_any(k, &["longer"]) && k > s && w.is_any(k - 1, &["no"]))
            {
                j = k;
            } else if let Some(p) = self.interposed_pp(cx, k, s) {
                // "Trump as a candidate repeatedly accused", "the auditor in 2011 accused"
                j = p;
            } else if noun_cue && is_degree_word(w, k) {
                // "offered mild criticisms of", "voiced strong support for", "one of the
                // fiercest critics of"
                j = k;
            } else if noun_cue
                && k > s
                && w.is_lower(k)
                && !w.is_function(k)
                && cx.res.reference_at(k).is_none()
                && w.is_any(k - 1, &["a", "an"])
            {
                // an adjective after an article: "unleashed a verbal attack on", "issued a
                // blistering rebuke of"
                j = k;
            } else if noun_cue
                && verbs_left > 0
                && let Some(v) = copula_start(w, k, s).filter(|&v| v < k)
            {
                // "has emerged as an outspoken critic of", "is seen as an ally of"
                verbs_left -= 1;
                j = v;
            } else if noun_cue
                && w.is_any(k, &["of"])
                && k > s
                && w.is_any(k - 1, &["one", "some", "among"])
            {
                // "was one of the most vocal critics of": the one is the subject's
                j = k - 1;
            } else if verbs_left > 0
                && w.is_lower(k)
                && !w.is_function(k)
                && cx.res.reference_at(k).is_none()
                && !GROUP_NOUNS.has(w, k)
            {
                verbs_left -= 1;
                j = k;
            } else if w.is_any(k, &["to"]) {
                infinitive = true;
                j = k;
                break;
            } else if w.tok(k).quote().is_some() {
                j = k;
            } else if let Some(open) = bracket_open(w, k, s, 10) {
                // "Sen. Ted Cruz (R-Texas) blasted", "and even (gasp!) praised"; a name
                // alone inside is a fallback holder ("the Revolutionary Guards (IRGC)")
                if let Some(r) = cx.res.reference_at(open + 1)
                    && r.kind == RefKind::Name
                    && r.tokens.0 as usize == open + 1
                    && r.tokens.1 as usize == k
                {
                    bracketed = Some(r.entity);
                }
                j = open;
            } else {
                break;
            }
        }
        // possessive holder of a noun cue: "its push for", "the union's call for"
        if j > s {
            let k = j - 1;
            if w.tok(k).kind == TokenKind::Possessive
                && k > s
                && let Some(r) = cx.res.reference_at(k - 1)
            {
                return vec![(r.entity, 1.0)];
            }
            if w.is_any(k, &["its", "their", "his", "her"])
                && let Some(r) = cx.res.reference_at(k)
            {
                return vec![(r.entity, 0.9)];
            }
        }
        if infinitive {
            // "prompting Democrats to accuse them", "urged Obama to condemn Putin": the
            // object of a verb of making or asking does it
            if j > s + 1
                && let Some(r) = cx.res.reference_at(j - 1)
                && r.tokens.1 as usize == j
                && r.kind != RefKind::Pronoun
            {
                let mut p = r.tokens.0 as usize;
                while p > s
                    && (w.is_any(p - 1, &["the", "a", "an"])
                        || (w.tok(p - 1).is(shape::CAP)
                            && w.entry(p - 1).is_some_and(|x| x.title.is_some())))
                {
                    p -= 1;
                }
                if p > s && w.is_lower(p - 1) && w.has(p - 1, flag::CONTROL_VERB) {
                    return vec![(r.entity, 0.8)];
                }
            }
            // "joined … to support CTU": the clause's subject
            return self.clause_subject(cx, s, j).unwrap_or_default();
        }
        if j == s {
            return self.first_person(cx, v, s);
        }
        let k = j - 1;
        // "released a statement accusing X", "filed a lawsuit accusing X": who issued it
        if w.text_of(v).ends_with("ing")
            && w.is_lower(k)
            && DOCUMENTS.has(w, k)
            && cx.res.reference_at(k).is_none()
        {
            // the verb that issued it, before its determiner: "released a new Web ad",
            // "filed a lawsuit"; "a tweet" with no verb of its own names no one
            let det = (k.saturating_sub(6).max(s)..k)
                .rev()
                .find(|&q| w.is_any(q, &["a", "an", "the", "its", "his", "her", "their"]));
            let issued = det.filter(|&d| {
                d > s
                    && w.is_lower(d - 1)
                    && !w.is_function(d - 1)
                    && cx.res.reference_at(d - 1).is_none()
            });
            return match issued.map(|d| d - 1) {
                Some(verb) => self.holders(cx, verb, s, None, false),
                None => Vec::new(),
            };
        }
        // "with Italy accusing India": the subject of an absolute clause
        if w.text_of(v).ends_with("ing")
            && let Some(r) = cx.res.reference_at(k)
            && r.tokens.1 as usize == k + 1
            && r.tokens.0 as usize > s
            && w.is_any(r.tokens.0 as usize - 1, &["with"])
        {
            return vec![(r.entity, 0.8)];
        }
        // "a senior Pentagon official who criticized", "Trump, who has praised": the noun
        // phrase the relative clause hangs on
        if k > s && w.is_lower(k) && w.is_any(k, &["who", "which", "that"]) {
            let mut h = k - 1;
            if w.tok(h).is_punct(',') && h > s {
                h -= 1;
            }
            if let Some(hs) = self.np_holders(cx, h, s) {
                return hs;
            }
        }
        if let Some(h) = self.np_holders(cx, k, s) {
            return h;
        }
        // "a report from the State Department inspector general is critical of", "a
        // statement from the Kremlin criticized": a document speaks for whoever it is from
        if let Some(f) = (k.saturating_sub(7).max(s + 1)..k)
            .rev()
            .find(|&q| w.is_lower(q) && w.is_any(q, &["from", "by"]))
            && DOCUMENTS.has(w, f - 1)
            && (f + 1..=k).all(|q| {
                cx.res.reference_at(q).is_some()
                    || w.is_any(q, &["the", "a", "an"])
                    || w.has(q, flag::ROLE)
                    || w.entry(q).is_some_and(|e| e.title.is_some())
            })
            && let Some(r) = (f + 1..=k).find_map(|q| {
                cx.res
                    .reference_at(q)
                    .filter(|r| r.kind == RefKind::Name && r.tokens.0 as usize == q)
            })
        {
            return vec![(r.entity, 0.8)];
        }
        if let Some(b) = bracketed {
            return vec![(b, 0.8)];
        }
        // "Republican lawmakers in California have criticized": back over the
        // prepositional phrase to the subject's head
        if let Some(r) = cx.res.reference_at(k)
            && let Some(p) = (s..r.tokens.0 as usize)
                .rev()
                .take(3)
                .find(|&p| w.is_lower(p) && w.is_any(p, &["in", "from", "at", "of"]))
            && p > s
        {
            if let Some(h) = self.np_holders(cx, p - 1, s) {
                return h;
            }
            // "officials in Moscow", "leaders of the Democratic Party": the body speaks
            // through them
            if w.is_lower(p - 1) && is_representative(w, p - 1) {
                return vec![(r.entity, 0.75)];
            }
        }
        // "by attacking X", "after criticizing X", "focused on attacking X", "got mileage
        // out of criticizing X": the main clause's subject
        if w.is_any(
            k,
            &[
                "by", "after", "while", "before", "without", "in", "on", "of", "for",
            ],
        ) && w.text_of(v).ends_with("ing")
        {
            // "praised X for supporting Y", "accused X of attacking Y": X does it; a
            // bracket after the name stands aside ("Sen. Ted Cruz (R-Texas) for attacking")
            let mut n = k;
            if n > s
                && let Some(open) = bracket_open(w, n - 1, s, 7)
            {
                n = open;
            }
            if w.is_any(k, &["of", "for"])
                && n > s
                && let Some(r) = cx.res.reference_at(n - 1)
                && r.kind == RefKind::Name
            {
                return vec![(r.entity, 0.7)];
            }
            if w.is_any(k, &["of", "for"]) && !(k > s && w.is_any(k - 1, &["out"])) {
                return Vec::new();
            }
            return self.clause_subject(cx, s, k).unwrap_or_default();
        }
        if w.tok(k).is_punct(',') || w.tok(k).kind == TokenKind::Dash {
            // "X, who was expelled …, accused": the noun phrase before the relative clause
            if let Some(h) = self.before_parenthesis(cx, k, s) {
                return h;
            }
            // a participle or a verb after a comma: the clause's subject
            return self.clause_subject(cx, s, k).unwrap_or_default();
        }
        if noun_cue {
            // "He insisted there was no plan for …": the source of the report
            return self.reporter_in(cx, s, v);
        }
        if w.is_any(k, &["and", "but", "or"]) {
            if let Some(p) = prev {
                return p.clone();
            }
            return self.clause_subject(cx, s, k).unwrap_or_default();
        }
        Vec::new()
    }

    /// Who receives what a reversed cue at `start` names: the subject of "drew", "won",
    /// "received", "faced", "has" right before it ("X drew fire from", "X has won the
    /// backing of"). Nothing without such a verb ("after an endorsement from Y").
    fn receiver(&self, cx: &Ctx, start: usize, s: usize) -> Holders {
        let w = &cx.w;
        let mut v = start;
        while v > s
            && start - v < 3
            && w.is_lower(v - 1)
            && (w.is_any(v - 1, &["the", "a", "an", "more", "much", "some"])
                || (!w.is_function(v - 1)
                    && w.entry(v - 1).is_none_or(|x| x.stance_cues.is_empty())))
            && !RECEIVE.has(w, v - 1)
        {
            v -= 1;
        }
        // "X has come under criticism from Y", "X came under fire from Y"
        if v > s + 1
            && w.is_any(v - 1, &["under"])
            && w.is_any(v - 2, &["come", "comes", "came", "coming"])
        {
            return self.holders(cx, v - 2, s, None, false);
        }
        if v == s || !RECEIVE.has(w, v - 1) {
            return Vec::new();
        }
        let hs = self.holders(cx, v - 1, s, None, false);
        if !hs.is_empty() {
            return hs;
        }
        // "Mr. Obama's speech drew criticism from", "his remarks have drawn praise from":
        // what someone said or did stands for them
        let mut k = v - 1;
        while k > s && (AUX.has(w, k - 1) || ADVERBS.has(w, k - 1)) {
            k -= 1;
        }
        if k < s + 2 || !w.is_lower(k - 1) || cx.res.reference_at(k - 1).is_some() {
            return Vec::new();
        }
        let owner = if w.tok(k - 2).kind == TokenKind::Possessive && k > s + 2 {
            cx.res
                .reference_at(k - 3)
                .filter(|r| r.tokens.1 as usize == k - 2)
        } else if w.is_any(k - 2, &["his", "her", "its", "their"]) {
            cx.res.reference_at(k - 2)
        } else {
            None
        };
        owner.map(|r| vec![(r.entity, 0.8)]).unwrap_or_default()
    }

    /// The holder before a parenthetical clause that ends at `k` (a comma or dash):
    /// "X, who …, accused", "Mr Khodorkovsky - who … - pleaded".
    fn before_parenthesis(&self, cx: &Ctx, k: usize, s: usize) -> Option<Holders> {
        let w = &cx.w;
        let dash = w.tok(k).kind == TokenKind::Dash;
        let open = (s..k).rev().take(25).find(|&j| {
            if dash {
                w.tok(j).kind == TokenKind::Dash
            } else {
                // ", who …,", ", a Republican considering a run,", ", the party's leader,"
                w.tok(j).is_punct(',')
                    && (w.is_any(
                        j + 1,
                        &[
                            "who", "which", "whose", "whom", "a", "an", "the", "one", "himself",
                            "herself",
                        ],
                    ) || self.names_only(cx, j + 1, k)
                        || is_companion_at(w, j + 1))
            }
        })?;
        if open == s {
            return None;
        }
        // "both senators, Debbie Stabenow and Gary Peters, praised": the names themselves
        if !dash && self.names_only(cx, open + 1, k) {
            return self.np_holders(cx, k - 1, open);
        }
        // "Rep. Randy Forbes (R-Va.), like Coburn, criticized": a bracket after the name
        // stands aside
        let mut before = open - 1;
        if let Some(o) = bracket_open(w, before, s + 1, 8) {
            before = o - 1;
        }
        let mut holders = self.np_holders(cx, before, s).unwrap_or_default();
        // "X, along with Y, accused", "other Republicans, like X and Y, criticized": the
        // names in the aside act with the subject
        if !dash && is_companion_at(w, open + 1) {
            let mut q = open + 1;
            while q < k {
                match cx.res.reference_at(q) {
                    Some(r) if r.tokens.0 as usize == q => {
                        // "Google CEO Eric Schmidt": the person the title describes
                        let (x, end) = match self.titled_person_after(cx, r.tokens.1 as usize) {
                            Some(p) if r.kind == RefKind::Name => p,
                            _ => (r.entity, r.tokens.1 as usize),
                        };
                        if r.kind == RefKind::Name
                            && res_kind(cx, x) != Kind::Place
                            && !holders.iter().any(|h| h.0 == x)
                        {
                            holders.push((x, 0.8));
                        }
                        q = end.max(q + 1);
                    }
                    _ => q += 1,
                }
            }
        }
        (!holders.is_empty()).then_some(holders)
    }

    /// True when `[a, b)` holds only names joined by "and" and commas.
    fn names_only(&self, cx: &Ctx, a: usize, b: usize) -> bool {
        let w = &cx.w;
        let mut i = a;
        let mut names = 0;
        while i < b {
            if let Some(r) = cx.res.reference_at(i).filter(|r| r.kind == RefKind::Name) {
                names += 1;
                i = r.tokens.1 as usize;
            } else if w.is_any(i, &["and"]) || w.tok(i).is_punct(',') {
                i += 1;
            } else {
                return false;
            }
        }
        names > 0
    }

    /// The subject of a speech verb between `s` and `v` ("He insisted there was …").
    fn reporter_in(&self, cx: &Ctx, s: usize, v: usize) -> Holders {
        let w = &cx.w;
        (s..v)
            .rev()
            .find(|&k| w.has(k, flag::SPEECH) && w.is_lower(k) && cx.quote_at[k] == NONE)
            .map(|k| self.holders(cx, k, s, None, false))
            .unwrap_or_default()
    }

    /// Holders ending at token `k`: a reference (with coordinated ones), "I"/"we" in a
    /// quote, "union leaders", a pronoun after a speech verb.
    fn np_holders(&self, cx: &Ctx, k: usize, s: usize) -> Option<Holders> {
        let w = &cx.w;
        // "I", "we" inside a quote
        if w.is_any(k, &["i", "we"]) {
            let v = self.first_person(cx, k + 1, s);
            return Some(v);
        }
        // "union leaders", "CTU officials"
        if w.is_lower(k) && is_representative(w, k) && k > s {
            // "U.S. lawmakers", "Russia's foreign ministry", "top Clinton campaign
            // staffers", "the IAG boss": a body speaks through its officials
            // "Rubio supporters cheer": a person's or a place's supporters or voters do
            // not speak for them (a party's do; a person's aides and lawyers do)
            if let Some(e) = self.owner_of_head(cx, k, s).filter(|&e| {
                !(res_kind(cx, e) != Kind::Organization
                    && w.is_any(k, &["supporters", "voters", "allies", "activists", "fans"]))
            }) {
                return Some(vec![(e, 0.9)]);
            }
            if let Some(nom) = w.entry(k - 1).and_then(|e| e.nominal)
                && nom.kind == Kind::Organization
                && let Some(e) = self.org_of_class(cx, nom.class, k)
            {
                return Some(vec![(e, 0.8)]);
            }
        }
        // "X and others", "X and some of its allies", "X and other Republicans"
        if k > s + 1 && w.is_lower(k) && cx.res.reference_at(k).is_none() {
            let and = (k.saturating_sub(4).max(s + 1)..k)
                .rev()
                .find(|&q| w.is_any(q, &["and"]));
            if let Some(a) = and
                && (w.is_any(k, &["others", "allies", "partners"])
                    || (w.text_of(k).ends_with('s') && is_representative(w, k)))
                && (a + 1..k).all(|q| HEAD_MODIFIERS.has(w, q))
                && let Some(h) = self.np_holders(cx, a - 1, s)
            {
                return Some(h);
            }
        }
        // "the Fargo Forum newspaper", "the Acme company": an organization's name before
        // the noun for its kind is the subject
        if k > s
            && w.is_lower(k)
            && w.entry(k)
                .and_then(|e| e.nominal)
                .is_some_and(|n| n.kind == Kind::Organization)
            && let Some(r) = cx.res.reference_at(k - 1)
            && r.kind == RefKind::Name
            && r.tokens.1 as usize == k
            && res_kind(cx, r.entity) == Kind::Organization
        {
            return self.np_holders(cx, k - 1, s);
        }
        // "X and other owners said they supported": a "they" that found no antecedent,
        // right after a speech verb, is its subject
        if cx.res.reference_at(k).is_none()
            && w.is_any(k, &["they"])
            && let Some(sp) = self.reporter_before(cx, k, s)
        {
            return Some(vec![(sp, 0.8)]);
        }
        let r = cx.res.reference_at(k)?;
        if r.tokens.1 as usize != k + 1 {
            return None;
        }
        // "schools across the UK are to …": a name inside a prepositional phrase is not the
        // subject
        let mut p = r.tokens.0 as usize;
        while p > s
            && w.tok(p - 1).is(shape::CAP)
            && w.entry(p - 1).is_some_and(|e| e.title.is_some())
        {
            p -= 1;
        }
        if p > s && w.is_any(p - 1, &["the", "a", "an"]) {
            p -= 1;
        }
        if p > s && w.is_lower(p - 1) && PREPOSITIONS.has(w, p - 1) {
            return None;
        }
        // a pronoun subject right after a speech verb is the speaker ("saying they won't")
        if r.kind == RefKind::Pronoun
            && let Some(sp) = self.reporter_before(cx, r.tokens.0 as usize, s)
        {
            return Some(vec![(sp, 0.8)]);
        }
        let mut hs = vec![(r.entity, if r.kind == RefKind::Name { 1.0 } else { 0.85 })];
        // coordination: "CPS and Mayor Lori Lightfoot", "X, Y and Z", "President Obama and
        // Vice President Biden", "X and the top Republicans"
        let titled = |a: usize| {
            w.tok(a).is(shape::CAP)
                && w.entry(a).is_some_and(|e| {
                    e.title.is_some() || e.has(flag::ROLE) || e.has(flag::ROLE_MOD)
                })
        };
        // "feminist icon Gloria Steinem", "musician Alicia Keys": a short description
        // before a name in a list, when a joint stands before it
        let described = |a: usize| {
            let mut d = a;
            while d > s
                && a - d < 3
                && w.is_lower(d - 1)
                && !w.is_function(d - 1)
                && cx.res.reference_at(d - 1).is_none()
                && !w.text_of(d - 1).ends_with("ed")
                && w.entry(d - 1)
                    .is_none_or(|e| e.stance_cues.is_empty() && !e.has(flag::SPEECH))
            {
                d -= 1;
            }
            if d < a && d > s && (w.is_any(d - 1, &["and"]) || w.tok(d - 1).is_punct(',')) {
                d
            } else {
                a
            }
        };
        let mut a = r.tokens.0 as usize;
        while a > s && (titled(a - 1) || w.is_any(a - 1, &["the", "top", "other", "fellow"])) {
            a -= 1;
        }
        a = described(a);
        while a > s + 1 && (w.is_any(a - 1, &["and"]) || w.tok(a - 1).is_punct(',')) {
            // "Marco Rubio (R-Fla.) and Mike Pompeo": a bracket after a name stands aside
            let mut b = a - 1;
            if let Some(open) = bracket_open(w, b - 1, s + 1, 7) {
                b = open;
            }
            match cx.res.reference_at(b - 1) {
                Some(p) if p.tokens.1 as usize == b && p.kind == RefKind::Name => {
                    hs.push((p.entity, 1.0));
                    a = p.tokens.0 as usize;
                    while a > s && titled(a - 1) {
                        a -= 1;
                    }
                    a = described(a);
                }
                _ => break,
            }
        }
        Some(hs)
    }

    /// The name that owns or modifies the head noun at `k` of a subject: "Russia's
    /// foreign ministry", "top Clinton campaign staffers", "the IAG boss", "U.S.
    /// lawmakers". None when the noun phrase stands after a preposition.
    fn owner_of_head(&self, cx: &Ctx, k: usize, s: usize) -> Option<usize> {
        let w = &cx.w;
        let mut q = k;
        while q > s && k - q < 5 {
            let p = q - 1;
            let owner = if w.tok(p).kind == TokenKind::Possessive && p > s {
                cx.res
                    .reference_at(p - 1)
                    .map(|r| (r.entity, r.tokens.0 as usize))
            } else if w.is_any(p, &["his", "her", "its", "their"]) {
                // "his administration", "its government": whoever the pronoun stands for
                cx.res.reference_at(p).map(|r| (r.entity, p))
            } else if let Some(r) = cx
                .res
                .reference_at(p)
                .filter(|r| r.tokens.1 as usize == p + 1 && r.kind == RefKind::Name)
            {
                Some((r.entity, r.tokens.0 as usize))
            } else {
                // "Russian officials", "Republican senators": an adjective names it
                self.adjective_entity(cx, p).map(|e| (e, p))
            };
            if let Some((e, start)) = owner {
                // "the Michigan congressman" is a person from there, not Michigan speaking
                // ("Michigan officials", "the Russian president" are)
                if res_kind(cx, e) == Kind::Place
                    && !GROUP_NOUNS.has(w, k)
                    && !REPRESENTATIVES.has(w, k)
                    && !STATE_ROLES.has(w, k)
                    && !w.text_of(k).ends_with('s')
                {
                    return None;
                }
                let mut a = start;
                if a > s && w.is_any(a - 1, &["the", "a", "an", "top", "senior"]) {
                    a -= 1;
                }
                if a > s && w.is_lower(a - 1) && PREPOSITIONS.has(w, a - 1) {
                    return None;
                }
                return Some(e);
            }
            // adjectives and nouns of the phrase: "foreign", "campaign", "national"
            if w.is_lower(p) && !w.is_function(p) && !w.has(p, flag::SPEECH) {
                q = p;
                continue;
            }
            // past the possessive of an office: "the Harris County district attorney's
            // office"
            if w.tok(p).kind == TokenKind::Possessive
                && p > s
                && w.is_lower(p - 1)
                && w.has(p - 1, flag::ROLE)
            {
                q = p;
                continue;
            }
            break;
        }
        None
    }

    /// A short prepositional phrase that ends at `k`, between a subject and its verb:
    /// "Trump as a candidate repeatedly accused", "the auditor in 2011 accused", "Trump,
    /// in a statement, criticized". Returns where it starts (the preposition, or the
    /// comma before it) when a holder stands right before it.
    fn interposed_pp(&self, cx: &Ctx, k: usize, s: usize) -> Option<usize> {
        let w = &cx.w;
        let mut k = k;
        let comma = w.tok(k).is_punct(',');
        if comma {
            k = k.checked_sub(1)?;
        }
        let lo = k.saturating_sub(4).max(s + 1);
        let p = (lo..=k).rev().find(|&p| {
            w.is_lower(p)
                && w.is_any(
                    p,
                    &[
                        "as", "in", "on", "at", "during", "via", "over", "after", "since",
                    ],
                )
        })?;
        if p == k
            || !(p + 1..=k).all(|q| {
                let participle = w.is_lower(q) && w.text_of(q).ends_with("ed");
                matches!(w.tok(q).kind, TokenKind::Word | TokenKind::Number)
                    && !w.has(q, flag::SPEECH)
                    && !CLAUSE_STOPS.has(w, q)
                    && !participle
            })
        {
            return None;
        }
        let mut h = p - 1;
        if comma {
            if !w.tok(h).is_punct(',') || h == s {
                return None;
            }
            h -= 1;
        }
        // "Assange has at times offered"
        while h > s && AUX.has(w, h) && !w.is_any(h, &["all", "both"]) {
            h -= 1;
        }
        self.np_holders(cx, h, s)
            .filter(|x| !x.is_empty())
            .map(|_| h + 1)
    }

    /// The first holder-like noun phrase of the clause `[s, b)`.
    fn clause_subject(&self, cx: &Ctx, s: usize, b: usize) -> Option<Holders> {
        let w = &cx.w;
        // "Speaking from a cafe in Brick Lane, east London, Mr Galloway said": an opening
        // participle or prepositional phrase is not the subject; it starts after the comma
        // that a person or organization follows
        let mut s = s;
        if s < b && (w.text_of(s).ends_with("ing") || PREPOSITIONS.has(w, s)) {
            let actor_at = |x: usize| {
                let mut y = x;
                while y < b
                    && w.tok(y).is(shape::CAP)
                    && w.entry(y).is_some_and(|e| e.title.is_some())
                {
                    y += 1;
                }
                cx.res.reference_at(y).is_some_and(|r| {
                    matches!(res_kind(cx, r.entity), Kind::Person | Kind::Organization)
                })
            };
            if let Some(c) = (s..b).find(|&x| w.tok(x).is_punct(',') && actor_at(x + 1)) {
                s = c + 1;
            }
        }
        for k in s..b {
            if w.is_any(k, &["i", "we"]) {
                let v = self.first_person(cx, k + 1, s);
                if !v.is_empty() {
                    return Some(v);
                }
            }
            if let Some(r) = cx.res.reference_at(k) {
                // skip names inside prepositional phrases ("at Corkery Elementary School")
                let a = r.tokens.0 as usize;
                let in_pp = a > s
                    && w.is_lower(a - 1)
                    && w.is_function(a - 1)
                    && !w.is_any(a - 1, &["and", "but", "the", "a", "an"]);
                if in_pp {
                    continue;
                }
                // "Louisiana Governor Bobby Jindal": the place or organization before a
                // title belongs to the person after it
                let mut j = r.tokens.1 as usize;
                while j < b
                    && w.tok(j).is(shape::CAP)
                    && w.entry(j)
                        .is_some_and(|e| e.title.is_some() || e.has(flag::ROLE))
                {
                    j += 1;
                }
                // "Britain's Jason Gardener": the person after the possessive
                if j == r.tokens.1 as usize && j + 1 < b && w.tok(j).kind == TokenKind::Possessive {
                    j += 1;
                }
                if j > r.tokens.1 as usize
                    && let Some(p) = cx.res.reference_at(j)
                    && res_kind(cx, p.entity) == Kind::Person
                {
                    return Some(vec![(p.entity, 0.75)]);
                }
                return Some(vec![(r.entity, 0.75)]);
            }
        }
        None
    }

    /// "I"/"we" (or nothing) inside a quote: the speaker, and for "we" the speaker's
    /// organizations.
    fn first_person(&self, cx: &Ctx, v: usize, s: usize) -> Holders {
        let w = &cx.w;
        let qi = cx.quote_at[v.min(cx.quote_at.len() - 1)];
        if qi == NONE {
            return Vec::new();
        }
        let q = &cx.quotes[qi as usize];
        let Some(sp) = q.speaker else {
            return Vec::new();
        };
        let mut out = vec![(sp, 0.9)];
        let lo = s.max(q.tokens.0 as usize);
        let we = (lo..v).rev().take(4).any(|k| w.is_any(k, &["we"]));
        if we && cx.res.entities[sp].kind == Kind::Person {
            for &o in cx.orgs_of.get(&sp).map(|v| v.as_slice()).unwrap_or(&[]) {
                out.push((o, 0.7));
            }
        }
        out
    }

    /// The organization of a class mentioned most before token `k` (ties: the first
    /// entity); when none is mentioned before, the one organization of that class.
    fn org_of_class(&self, cx: &Ctx, class: u16, k: usize) -> Option<usize> {
        let classes = cx.org_classes.get_or_init(|| OrgClasses::new(cx.res));
        let c = classes.0.get(&class)?;
        let before = c.positions.partition_point(|&p| p < k);
        if before == 0 {
            return c.only;
        }
        Some(c.leader[before - 1])
    }

    /// The subject of a speech verb just before token `k` ("…, saying they", "said he").
    fn reporter_before(&self, cx: &Ctx, k: usize, s: usize) -> Option<usize> {
        let w = &cx.w;
        let mut v = k;
        if v > s && w.is_any(v - 1, &["that"]) {
            v -= 1;
        }
        if v == s || !(w.has(v - 1, flag::SPEECH) && w.is_lower(v - 1)) {
            return None;
        }
        let verb = v - 1;
        self.holders(cx, verb, s, None, false).first().map(|h| h.0)
    }

    /// Who voices the clause at `v`: a quote's speaker, or the source of reported speech.
    fn voice(&self, cx: &Ctx, v: usize, s: usize, e: usize) -> Holders {
        let w = &cx.w;
        let qi = cx.quote_at[v];
        if qi != NONE {
            return match cx.quotes[qi as usize].speaker {
                Some(sp) => vec![(sp, 0.85)],
                None => Vec::new(),
            };
        }
        // reported speech the statements stage attributed ("according to X, …", "X told
        // reporters that …"): its speaker
        if let Some(sp) = reported_at(cx, v).and_then(|st| st.speaker) {
            return vec![(sp, 0.85)];
        }
        // reported speech: a speech verb before the cue ("X said that Y should"), or
        // after a comma at the end ("Y should …, X has said")
        for k in (s..v).rev() {
            if w.has(k, flag::SPEECH) && w.is_lower(k) && cx.quote_at[k] == NONE {
                let h = self.holders(cx, k, s, None, false);
                if !h.is_empty() {
                    return h.into_iter().map(|(e, c)| (e, c * 0.85)).collect();
                }
            }
        }
        for k in v..e {
            if w.has(k, flag::SPEECH) && w.is_lower(k) && cx.quote_at[k] == NONE {
                let before_comma = (v..k).any(|j| w.tok(j).is_punct(','));
                if before_comma {
                    let h = self.holders(cx, k, s, None, false);
                    if !h.is_empty() {
                        return h.into_iter().map(|(e, c)| (e, c * 0.8)).collect();
                    }
                    let after = self.reference_after(cx, k + 1, e);
                    if let Some(a) = after {
                        return vec![(a, 0.7)];
                    }
                }
            }
        }
        Vec::new()
    }

    /// The first name within a few words after `a` ("…, said the union's president X");
    /// a pronoun there ("critics claim, they were") names no source.
    fn reference_after(&self, cx: &Ctx, a: usize, e: usize) -> Option<usize> {
        (a..e.min(a + 6))
            .find_map(|k| cx.res.reference_at(k))
            .filter(|r| r.kind != RefKind::Pronoun)
            .map(|r| r.entity)
    }

    // ---------------------------------------------------------------- targets

    /// A passive cue ("was criticised by X"): holders from the by-phrase, target the
    /// subject; without "by" inside a quote or report, the voice holds it.
    fn passive(&self, cx: &Ctx, m: &CueMatch, s: usize, e: usize) -> Option<(Holders, Vec<Aim>)> {
        let w = &cx.w;
        let verb = w.text_of(m.start);
        if !(verb.ends_with("ed") || verb.ends_with("en")) {
            return None;
        }
        let mut k = m.start;
        while k > s
            && (w.is_any(
                k - 1,
                &["also", "not", "widely", "strongly", "heavily", "repeatedly"],
            ) || (w.is_lower(k - 1) && w.text_of(k - 1).ends_with("ly")))
        {
            k -= 1;
        }
        if k == s || !BE.has(w, k - 1) {
            return None;
        }
        // back to the start of the verb group ("had been", "will be", "has not been",
        // "has also been", "has recently been")
        let mut be = k - 1;
        while be > s
            && (BE.has(w, be - 1)
                || w.is_any(
                    be - 1,
                    &[
                        "has", "have", "had", "will", "would", "could", "may", "might", "must",
                        "should", "not", "also", "never", "already",
                    ],
                )
                || (w.is_lower(be - 1)
                    && w.text_of(be - 1).ends_with("ly")
                    && w.text_of(be - 1).len() > 4
                    && be - 1 > s
                    && w.is_any(be - 2, &["has", "have", "had", "is", "was", "are", "were"])))
        {
            be -= 1;
        }
        let subject = self.subject_np(cx, be, s);
        let targets: Vec<Aim> = subject
            .map(|(a, b)| self.np_target(cx, a, b))
            .into_iter()
            .flatten()
            .collect();
        let mut j = m.end;
        while j < e && w.is_lower(j) && !w.is_any(j, &["by"]) && j - m.end < 3 {
            j += 1;
        }
        if j < e && w.is_any(j, &["by"]) {
            // the agents: noun phrases joined by "and"; in each, a person at its end wins
            // ("by Republican presidential candidate Donald Trump")
            let mut hs = Vec::new();
            let mut k = j + 1;
            while k < e {
                let ne = np_end(w, k, e);
                let mut person = None;
                let mut first = None;
                let mut q = k;
                while q < ne {
                    match cx.res.reference_at(q) {
                        Some(r) => {
                            if res_kind(cx, r.entity) == Kind::Person {
                                person = Some(r.entity);
                            }
                            first.get_or_insert(r.entity);
                            q = r.tokens.1 as usize;
                        }
                        None => q += 1,
                    }
                }
                match person.or(first) {
                    Some(h) => hs.push((h, 0.9)),
                    None => break,
                }
                k = ne;
                // "X and Y", "X, Y and Z" — not "X, a former unit of Y"
                let list = w.is_any(k, &["and"])
                    || (w.tok(k).is_punct(',')
                        && cx
                            .res
                            .reference_at(k + 1)
                            .is_some_and(|r| r.kind == RefKind::Name));
                if k < e && list {
                    k += 1;
                    continue;
                }
                // "by X, a Democrat, and Y": an apposition stands between two agents
                if k < e
                    && w.tok(k).is_punct(',')
                    && w.is_any(k + 1, &["a", "an", "the"])
                    && let Some(q) = (k + 2..e.min(k + 8)).find(|&q| w.tok(q).is_punct(','))
                    && (k + 2..q).all(|x| w.tok(x).is_wordlike())
                    && q + 1 < e
                    && w.is_any(q + 1, &["and"])
                {
                    k = q + 2;
                    continue;
                }
                break;
            }
            return Some((hs, targets));
        }
        Some((self.voice(cx, m.start, s, e), targets))
    }

    /// The noun phrase before token `b` back to the clause start: the subject.
    fn subject_np(&self, cx: &Ctx, b: usize, s: usize) -> Option<(usize, usize)> {
        let w = &cx.w;
        let mut a = b;
        while a > s {
            let k = a - 1;
            let t = w.tok(k);
            let stop = matches!(
                t.kind,
                TokenKind::Punct(_) | TokenKind::Dash | TokenKind::Quote(_)
            ) || CLAUSE_STOPS.has(w, k)
                || (w.is_lower(k) && w.has(k, flag::SPEECH))
                || AUX.has(w, k);
            if stop {
                break;
            }
            a = k;
        }
        (a < b).then_some((a, b))
    }

    /// Targets of an evaluation: the subject before the predicate, or, after "it is"/
    /// "it's", the noun phrase the adjective stands in ("an exciting new era for X").
    /// With a verb of calling ("called X reckless"), also where that verb is: its
    /// subject holds the stance.
    fn subject_target(
        &self,
        cx: &Ctx,
        start: usize,
        end: usize,
        s: usize,
        e: usize,
    ) -> (Option<usize>, Vec<Aim>) {
        let w = &cx.w;
        // the cue must be a predicate: a form of "be" (or look/seem) right before it,
        // possibly with an adverb or article
        let mut k = start;
        while k > s && (DEGREE_ADVERBS.has(w, k - 1) || w.tok(k - 1).quote().is_some()) {
            k -= 1;
        }
        let contracted_is = k > s + 1
            && w.tok(k - 1).kind == TokenKind::Possessive
            && w.is_any(
                k - 2,
                &["it", "that", "this", "there", "what", "he", "she", "who"],
            );
        if k == s
            || !(BE.has(w, k - 1)
                || contracted_is
                || w.is_any(
                    k - 1,
                    &[
                        "look", "looks", "seem", "seems", "remain", "remains", "sounds",
                    ],
                ))
        {
            // "called the CTU's information inaccurate": the object of "call/describe"
            return match self.called_object(cx, start, s) {
                Some((v, aims)) => (Some(v), aims),
                None => (None, Vec::new()),
            };
        }
        // back to the start of the verb group ("had been", "has always been", "is not")
        let mut be = k - 1;
        while be > s && (AUX.has(w, be - 1) || w.is_negation(be - 1)) {
            be -= 1;
        }
        let Some((a, b)) = self.subject_np(cx, be, s) else {
            return (None, Vec::new());
        };
        let expletive =
            b - a == 1 && w.is_any(a, &["it", "this", "that", "there", "these", "those"]);
        if expletive || (b - a == 1 && w.tok(a).kind == TokenKind::Possessive) {
            // "It's an exciting new era for Top of the Pops"
            let ne = np_end(w, end, e);
            return (None, self.np_target_as(cx, end, ne, false));
        }
        (None, self.np_target_as(cx, a, b, false))
    }

    /// "called X inaccurate", "described X as wrong", "declared X a failure": the verb
    /// and X.
    fn called_object(&self, cx: &Ctx, adj: usize, s: usize) -> Option<(usize, Vec<Aim>)> {
        let w = &cx.w;
        let verb = (s..adj).rev().take(8).find(|&k| CALLING_VERBS.has(w, k))?;
        let mut b = adj;
        if w.is_any(b - 1, &["as"]) {
            b -= 1;
        }
        if b <= verb + 1 {
            return None;
        }
        Some((verb, self.np_target(cx, verb + 1, b)))
    }

    /// Targets after an object-frame cue.
    fn object_targets(&self, cx: &Ctx, m: &CueMatch, e: usize) -> Vec<Aim> {
        let w = &cx.w;
        // "charged X with", "held X responsible": the one in the slot (a request's slot,
        // "called on X to", is only who is asked)
        let cue = &self.lex.stance_cues[m.cue];
        if cue.act != "requests"
            && cue.words.len() >= 3
            && cue.words[cue.words.len() - 2] == CueWord::Slot
            && m.end >= m.start + 3
        {
            let aims = self.np_target(cx, m.start + 1, m.end - 1);
            if aims.iter().any(|a| matches!(a.target, Target::Entity(_))) {
                return aims;
            }
        }
        let mut t = past_quote_marks(w, m.end, e);
        // "blasted what he views as Republicans' motives", "criticized what she called a
        // witch hunt": the free relative names its object after its verb
        if t + 3 < e && w.is_any(t, &["what"]) {
            let subject_end = cx
                .res
                .reference_at(t + 1)
                .filter(|r| r.tokens.0 as usize == t + 1)
                .map_or(t + 2, |r| r.tokens.1 as usize);
            if subject_end < e && NAMING_VERBS.has(w, subject_end) {
                t = subject_end + 1;
                if t < e && w.is_any(t, &["as"]) {
                    t += 1;
                }
                t = past_quote_marks(w, t, e);
            }
        }
        if t >= e {
            return Vec::new();
        }
        // "to VERB …" (after "want", or a cue ending in "to")
        if m.ends_with_to && is_verb_like(w, t) {
            return self
                .vp_target(cx, t, e, None)
                .into_iter()
                .map(Aim::main)
                .collect();
        }
        if w.is_any(t, &["to"]) && t + 1 < e && is_verb_like(w, t + 1) {
            return self
                .vp_target(cx, t + 1, e, None)
                .into_iter()
                .map(Aim::main)
                .collect();
        }
        // a gerund right after the cue ("intends moving", "on keeping")
        if w.is_any(t, &["on", "with"])
            && t + 1 < e
            && w.text_of(t + 1).ends_with("ing")
            && w.is_lower(t + 1)
        {
            return self
                .vp_target(cx, t + 1, e, None)
                .into_iter()
                .map(Aim::main)
                .collect();
        }
        if w.is_lower(t)
            && w.text_of(t).ends_with("ing")
            && !w.has(t, flag::FUNCTION)
            && !is_noun_ing(w, t)
            && !ING_ADJECTIVES.has(w, t)
        {
            return self
                .vp_target(cx, t, e, None)
                .into_iter()
                .map(Aim::main)
                .collect();
        }
        // "praised him", "accused them of": an object pronoun ("her" only when no noun
        // follows: "her plan" is the plan)
        if w.is_any(t, &["him", "them", "her"])
            && (!w.is_any(t, &["her"]) || t + 1 >= e || !w.is_lower(t + 1) || w.is_function(t + 1))
            && let Some(r) = cx
                .res
                .reference_at(t)
                .filter(|r| r.kind == RefKind::Pronoun)
        {
            return vec![Aim::main(Target::Entity(r.entity))];
        }
        let mut ne = np_end(w, t, e);
        // "blamed the violence on the PCC": the one blamed comes after "on"
        let act = self.lex.stance_cues[m.cue].act.as_str();
        // ("blamed X for the attacks on Y" blames X)
        let reason = (t + 1..ne.min(e))
            .find(|&k| w.is_any(k, &["for"]))
            .unwrap_or(e);
        if act == "blames"
            && let Some(on) = (t + 1..ne.min(e))
                .chain(ne..(ne + 1).min(e))
                .take_while(|&k| k < reason)
                .find(|&k| w.is_any(k, &["on"]))
        {
            let oe = np_end(w, on + 1, e);
            let targets = self.np_target(cx, on + 1, oe);
            if !targets.is_empty() {
                return targets;
            }
        }
        // "accused China of manipulating …", "blamed X for Y": the object ends before the
        // reason
        if matches!(
            act,
            "accuses"
                | "blames"
                | "criticizes"
                | "praises"
                | "thanks"
                | "condemns"
                | "sues"
                | "attacks"
        ) && let Some(p) = (t + 1..ne).find(|&k| w.is_any(k, &["of", "for", "over"]))
        {
            ne = p;
        }
        // "want that plan delayed": a participle closing the noun phrase
        if let Some(p) = (t + 1..ne).find(|&k| {
            w.is_lower(k)
                && w.text_of(k).ends_with("ed")
                && !w.has(k, flag::FUNCTION)
                && (k + 1 >= ne || w.is_function(k + 1))
        }) {
            ne = p;
        }
        // "for CPS to delay …", "urged X to …": the action asked for (only for cues that
        // ask someone to act; "dismissed claims … to get" is about the claims)
        let mut k = ne;
        let asks = self.lex.stance_cues[m.cue].act == "requests"
            || self.lex.stance_cues[m.cue].act == "supports";
        if asks && k < e && w.is_any(k, &["to"]) && k + 1 < e && is_verb_like(w, k + 1) {
            return self
                .vp_target(cx, k + 1, e, None)
                .into_iter()
                .map(Aim::main)
                .collect();
        }
        // "want that plan delayed": the action done to the object (not a participle with
        // its agent: "the proposal offered by X")
        if k < e
            && w.is_lower(k)
            && w.text_of(k).ends_with("ed")
            && !w.has(k, flag::FUNCTION)
            && !(k + 1 < e && w.is_any(k + 1, &["by"]))
        {
            let obj = topic_np_label(w, t, ne);
            return self
                .noun_of_verb(w, k)
                .map(|noun| Aim::main(Target::Topic(noun.with_object(obj.as_deref()))))
                .into_iter()
                .collect();
        }
        // skip a leading "for" of a verb cue ("support for")
        if w.is_any(t, &["for"]) {
            k = t + 1;
            let ne2 = np_end(w, k, e);
            return self.np_target(cx, k, ne2);
        }
        let mut aims = self.np_target(cx, t, ne);
        // "accused the mogul's daughter, Shari Redstone, of", "complimented the lead
        // prosecutor, Brad Leventhal": a name in apposition is the one meant
        if !aims.iter().any(|a| matches!(a.target, Target::Entity(_)))
            && !(t..ne).any(|k| w.is_any(k, &["of", "for"]))
            && let Some(names) = self.apposed_names(cx, ne, e)
        {
            // the noun phrase is those people, no topic of its own
            aims.clear();
            aims.extend(names.into_iter().map(|x| Aim::main(Target::Entity(x))));
        }
        // "denounced some figures in the Trump circle", "accused officials in Obama's
        // administration": people of a named group are aimed at through it (criticism only)
        if !aims.iter().any(|a| matches!(a.target, Target::Entity(_)))
            && ne > t
            && ne + 1 < e
            && (is_representative(w, ne - 1) || PEOPLE.has(w, ne - 1))
            && w.is_any(ne, &["in", "of", "from", "within", "around", "at"])
        {
            let mut n = ne + 1;
            while n + 1 < e && w.is_any(n, &["the", "a", "an"]) {
                n += 1;
            }
            if let Some(r) = cx.res.reference_at(n).filter(|r| r.kind == RefKind::Name)
                && res_kind(cx, r.entity) != Kind::Place
            {
                aims.push(Aim {
                    target: Target::Entity(r.entity),
                    weight: 0.6,
                    reach: Reach::Modifier,
                });
            }
        }
        // "criticized the budget proposal offered by the Trump administration": who made
        // the thing criticized is aimed at, less directly
        if matches!(act, "criticizes" | "condemns" | "attacks" | "opposes")
            && ne > t
            && !aims.iter().any(|a| matches!(a.target, Target::Entity(_)))
            && let Some(by) = (ne..e.min(ne + 4)).find(|&q| w.is_lower(q) && w.is_any(q, &["by"]))
            && by > t + 1
            && w.text_of(by - 1).ends_with("ed")
            && (ne..by - 1).all(|q| w.is_lower(q) && w.text_of(q).ends_with("ly"))
        {
            if let Some(maker) = self.name_after_article(cx, by + 1, e) {
                aims.push(Aim {
                    target: Target::Entity(maker),
                    weight: 0.6,
                    reach: Reach::Modifier,
                });
            }
        }
        // "praised the contributions of Justice Scalia", "condemned the actions of X": an
        // evaluation of what a named owner did or said reaches the owner ("the booing of
        // X" is done to X, not by X)
        if matches!(
            act,
            "criticizes" | "praises" | "thanks" | "condemns" | "attacks"
        ) && ne + 1 < e
            && ne > t
            && w.is_any(ne, &["of"])
            && DEEDS.has(w, ne - 1)
            && !aims.iter().any(|a| matches!(a.target, Target::Entity(_)))
        {
            if let Some(owner) = self.name_after_article(cx, ne + 1, e) {
                aims.push(Aim {
                    target: Target::Entity(owner),
                    weight: 0.8,
                    reach: Reach::Direct,
                });
            }
        }
        aims
    }

    /// An entity at the head of `[a, b)` (with coordinated ones), else a topic.
    fn np_target(&self, cx: &Ctx, a: usize, b: usize) -> Vec<Aim> {
        self.np_target_as(cx, a, b, true)
    }

    /// Like [`Self::np_target`]; with `possessor` false, "X's proposal" is the proposal,
    /// not X (an evaluation of a thing: "The UK's proposal … is so important").
    fn np_target_as(&self, cx: &Ctx, a: usize, b: usize, possessor: bool) -> Vec<Aim> {
        let w = &cx.w;
        let mut related = None;
        let mut pronoun_owner = false;
        let mut i = a;
        while i < b
            && (NP_LEAD_WORDS.has(w, i)
                || w.tok(i).quote().is_some()
                || (w.tok(i).is(shape::CAP)
                    && w.entry(i).is_some_and(|e| e.title.is_some())
                    && cx.res.reference_at(i).is_none()))
        {
            // a possessive pronoun may itself be the target's owner: resolved below
            if w.is_any(i, &["its", "their", "his", "her"]) && cx.res.reference_at(i).is_some() {
                break;
            }
            i += 1;
        }
        if i >= b {
            return Vec::new();
        }
        // "the former CIA employee", "the embattled Mr Putin": adjectives before a name
        let topic_start = i;
        let mut past_owner = false;
        if cx.res.reference_at(i).is_none() {
            let mut q = i;
            while q < b
                && q - i < 3
                && w.is_lower(q)
                && !w.is_function(q)
                && !w.has(q, flag::SPEECH)
                && cx.res.reference_at(q).is_none()
            {
                q += 1;
            }
            if q > i
                && q < b
                && cx
                    .res
                    .reference_at(q)
                    .is_some_and(|r| r.kind == RefKind::Name && r.tokens.0 as usize == q)
            {
                i = q;
            }
        }
        if let Some(r) = cx.res.reference_at(i) {
            // "House Speaker Paul Ryan", "Fox News host Megyn Kelly": the person the
            // organization and title describe
            if r.kind == RefKind::Name
                && let Some(p) = self.titled_person_after(cx, r.tokens.1 as usize)
            {
                let mut out = vec![Aim::main(Target::Entity(p.0))];
                out.extend(self.coordinated(cx, p.1));
                return out;
            }
            let mut out = vec![Aim::main(Target::Entity(r.entity))];
            let end = r.tokens.1 as usize;
            let possessed = end < b && w.tok(end).kind == TokenKind::Possessive;
            // "Iraq exit plans": a name used as a modifier of a common noun is not the target
            // ("the GOP nominee", "Labour leaders" still point at the organization)
            let modifier = !possessed
                && end < b
                && w.is_lower(end)
                && w.has(end, flag::COMMON)
                && !w.is_function(end)
                && !w.has(end, flag::ROLE)
                && !GROUP_NOUNS.has(w, end);
            // a possessive pronoun ("its plans") points at the thing, not the owner
            if (r.kind == RefKind::Pronoun && w.is_any(i, &["its", "their", "his", "her"]))
                || modifier
                || (possessed && !possessor)
            {
                out.clear();
                if possessed {
                    i = end + 1;
                    past_owner = true;
                }
                // the name in "the North Carolina law" or "Mr Brown's plan" is aimed at
                // too, less directly, and so is the owner in "rebuffed his approaches"
                // ("the US court's jurisdiction" is one step further from the US: not it)
                let owned_by_modified =
                    modifier && end + 1 < b && w.tok(end + 1).kind == TokenKind::Possessive;
                if (r.kind == RefKind::Name && (modifier || possessed) && !owned_by_modified)
                    || (r.kind == RefKind::Pronoun && possessor)
                {
                    related = Some(r.entity);
                    pronoun_owner = r.kind == RefKind::Pronoun
                        && matches!(res_kind(cx, r.entity), Kind::Person);
                }
            } else {
                // "China's ruling Communist Party", "Obama's Justice Department": a name
                // after the owner (adjectives may stand between) is the one meant; the
                // owner is aimed at too, less directly
                if possessed && r.kind == RefKind::Name {
                    let mut q = end + 1;
                    while q < b && q - end < 3 && w.is_lower(q) && !w.is_function(q) {
                        q += 1;
                    }
                    if let Some(h) = cx.res.reference_at(q).filter(|h| {
                        h.kind == RefKind::Name && h.tokens.0 as usize == q && h.entity != r.entity
                    }) {
                        let mut out = vec![Aim::main(Target::Entity(h.entity))];
                        out.extend(self.coordinated(cx, h.tokens.1 as usize));
                        out.push(Aim {
                            target: Target::Entity(r.entity),
                            weight: 0.6,
                            reach: Reach::Modifier,
                        });
                        return out;
                    }
                }
                out.extend(self.coordinated(cx, r.tokens.1 as usize));
                return out;
            }
        }
        if !past_owner {
            i = topic_start;
        }
        if i >= b {
            return Vec::new();
        }
        // "the Israeli government", "Republican senators": a body of the country or party
        // the adjective names is it; "Israeli settlements" are aimed at it, less directly
        if related.is_none()
            && i + 1 < b
            && cx.res.reference_at(i).is_none()
            && w.is_lower(i + 1)
            && let Some(x) = self.adjective_entity(cx, i)
        {
            if is_representative(w, i + 1) && (i + 2 >= b || !w.is_lower(i + 2)) {
                let mut out = vec![Aim::main(Target::Entity(x))];
                out.extend(self.coordinated(cx, i + 2));
                return out;
            }
            related = Some(x);
        }
        // "former Labour leader Neil Kinnock", "pro-Iraq war Labour MP Oona King": a name
        // that ends the noun phrase is its head; the words before describe it
        if let Some(r) = cx.res.reference_at(b - 1)
            && r.kind == RefKind::Name
            && r.tokens.1 as usize == b
            && (r.tokens.0 as usize) > i
            && res_kind(cx, r.entity) != Kind::Place
            && !(i..r.tokens.0 as usize).any(|k| w.is_any(k, &["of", "for"]))
        {
            return vec![Aim::main(Target::Entity(r.entity))];
        }
        // a gerund subject is an action ("encouraging the industry to discover …")
        if w.is_lower(i) && w.text_of(i).ends_with("ing") && !is_noun_ing(w, i) && !w.is_function(i)
        {
            return self
                .vp_target(cx, i, b, None)
                .into_iter()
                .map(Aim::main)
                .collect();
        }
        let mut aims: Vec<Aim> = topic_np_label(w, i, b)
            .map(|l| Aim::main(Target::Topic(l)))
            .into_iter()
            .collect();
        if let Some(e) = related {
            aims.push(Aim {
                target: Target::Entity(e),
                weight: 0.6,
                reach: if pronoun_owner {
                    Reach::Owner
                } else {
                    Reach::Modifier
                },
            });
        }
        aims
    }

    /// The names joined to a name that ends at `k`: "X and Y", "X, Y and Z", "X and other
    /// Republicans", "Mr Verhofstadt and the EU". A name after "and" that starts a new
    /// clause ("X and Y said") is not one of them.
    fn coordinated(&self, cx: &Ctx, k: usize) -> Vec<Aim> {
        let w = &cx.w;
        let end = w.layout.sentence_of(k.saturating_sub(1)).tokens.end;
        let mut out = Vec::new();
        let mut k = k;
        while k + 1 < end && (w.is_any(k, &["and"]) || w.tok(k).is_punct(',')) {
            let comma = w.tok(k).is_punct(',');
            let mut n = k + 1;
            while n + 1 < end
                && (w.is_any(n, &["other", "the", "fellow", "several", "many"])
                    || (w.tok(n).is(shape::CAP)
                        && w.entry(n).is_some_and(|e| e.title.is_some())
                        && cx.res.reference_at(n).is_none()))
            {
                n += 1;
            }
            // "and Russian officials": the country or party an adjective names speaks
            // through its people
            let adjective = (cx.res.reference_at(n).is_none()
                && n + 1 < end
                && w.is_lower(n + 1)
                && is_representative(w, n + 1))
            .then(|| self.adjective_entity(cx, n))
            .flatten()
            .map(|x| (x, n + 1));
            let Some((next, mut after)) = adjective.or_else(|| self.name_at(cx, n)) else {
                break;
            };
            // "and House Republican leaders", "and Labour officials": a body's people
            if after + 1 < end && w.is_lower(after) && is_representative(w, after) {
                after += 1;
            }
            let goes_on = after >= end
                || w.is_any(after, &["and", "or"])
                || w.tok(after).is_punct(',')
                || (!comma
                    && (matches!(w.tok(after).kind, TokenKind::Punct(_) | TokenKind::Dash)
                        || (w.is_lower(after)
                            && w.is_function(after)
                            && !w.has(after, flag::SPEECH)
                            && !AUX.has(w, after)
                            && !w.is_any(after, &["who", "which", "that"]))));
            if !goes_on {
                break;
            }
            out.push(Aim::main(Target::Entity(next)));
            k = after;
        }
        out
    }

    /// A name in apposition after a noun phrase ending at `k`: ", Shari Redstone," or
    /// ", Shari Redstone." (a comma, the name, then a comma, the end or a preposition);
    /// coordinated names are all of them.
    fn apposed_names(&self, cx: &Ctx, k: usize, e: usize) -> Option<Vec<usize>> {
        let w = &cx.w;
        if k + 1 >= e || !w.tok(k).is_punct(',') {
            return None;
        }
        let mut n = k + 1;
        while n + 1 < e
            && ((w.tok(n).is(shape::CAP)
                && w.entry(n).is_some_and(|x| x.title.is_some())
                && cx.res.reference_at(n).is_none())
                || w.has(n, flag::ROLE_MOD))
        {
            n += 1;
        }
        let (x, mut after) = self.name_at(cx, n)?;
        let mut names = vec![x];
        // ", Alvin Bamberger and Matthew Heimbach,": coordinated names are all meant
        while after + 1 < e && (w.is_any(after, &["and"]) || w.tok(after).is_punct(',')) {
            let mut n = after + 1;
            if w.tok(after).is_punct(',') && w.is_any(n, &["and"]) {
                n += 1;
            }
            let Some((y, next)) = self.name_at(cx, n) else {
                break;
            };
            names.push(y);
            after = next;
        }
        let closes = after >= e
            || matches!(w.tok(after).kind, TokenKind::Punct(_) | TokenKind::Dash)
            || w.is_any(after, &["of", "for", "over"]);
        closes.then_some(names)
    }

    /// The name starting at token `n` and where it ends; for "House Speaker Paul Ryan",
    /// the person.
    fn name_at(&self, cx: &Ctx, n: usize) -> Option<(usize, usize)> {
        let r = cx
            .res
            .reference_at(n)
            .filter(|r| r.kind == RefKind::Name && r.tokens.0 as usize == n)?;
        Some(
            self.titled_person_after(cx, r.tokens.1 as usize)
                .unwrap_or((r.entity, r.tokens.1 as usize)),
        )
    }

    /// The name at `n` after articles and titles that are no name of their own ("the
    /// actions of Justice Scalia", "offered by the Trump administration").
    fn name_after_article(&self, cx: &Ctx, mut n: usize, e: usize) -> Option<usize> {
        let w = &cx.w;
        while n + 1 < e
            && (w.is_any(n, &["the", "a", "an"])
                || (w.tok(n).is(shape::CAP)
                    && w.entry(n).is_some_and(|x| x.title.is_some())
                    && cx.res.reference_at(n).is_none()))
        {
            n += 1;
        }
        self.name_at(cx, n).map(|(x, _)| x)
    }

    /// A person named after a title that follows a name ending at `k`: "House Speaker
    /// Paul Ryan", "Fox News host Megyn Kelly", "Trump adviser Kellyanne Conway". Returns
    /// the person and where the name ends.
    fn titled_person_after(&self, cx: &Ctx, k: usize) -> Option<(usize, usize)> {
        let w = &cx.w;
        let end = w.layout.sentence_of(k.saturating_sub(1)).tokens.end;
        let mut q = k;
        let mut titled = false;
        while q < end && q - k < 4 {
            if let Some(r) = cx.res.reference_at(q) {
                return (titled
                    && r.kind == RefKind::Name
                    && r.tokens.0 as usize == q
                    && res_kind(cx, r.entity) == Kind::Person)
                    .then_some((r.entity, r.tokens.1 as usize));
            }
            let title = w
                .entry(q)
                .is_some_and(|e| e.title.is_some() || e.has(flag::ROLE));
            if w.tok(q).kind != TokenKind::Word
                || !(title
                    || w.has(q, flag::ROLE_MOD)
                    || (w.is_lower(q) && !w.is_function(q) && !w.has(q, flag::SPEECH)))
            {
                return None;
            }
            titled |= title;
            q += 1;
        }
        None
    }

    /// A topic from the verb phrase starting at `v` ("delay reopening schools by a week"
    /// → "delay of reopening"). `subject` is used for passives ("be replaced").
    fn vp_target(
        &self,
        cx: &Ctx,
        v: usize,
        e: usize,
        subject: Option<(usize, usize)>,
    ) -> Option<Target> {
        let w = &cx.w;
        let mut v = v;
        // skip adverbs and "be"/"have been" of a passive
        let mut passive = false;
        while v < e
            && (w.is_any(
                v,
                &[
                    "be",
                    "been",
                    "have",
                    "not",
                    "also",
                    "now",
                    "immediately",
                    "still",
                    "then",
                ],
            ) || (w.is_lower(v) && w.text_of(v).ends_with("ly") && w.text_of(v).len() > 4))
        {
            if w.is_any(v, &["be", "been"]) {
                passive = true;
            }
            v += 1;
        }
        if v >= e || w.tok(v).kind != TokenKind::Word || !w.is_lower(v) || !is_verb_like(w, v) {
            return None;
        }
        let verb = lowered(w.text_of(v));
        // an action that is itself a stance ("is to stand against X") is left to that cue
        let s = w.layout.sentence_of(v).tokens.start;
        if self.match_cue(w, v, e, s).is_some() && !w.has(v, flag::SPEECH) {
            return None;
        }
        let mut o = v + 1;
        while o < e
            && PARTICLES.has(w, o)
            && !(o + 1 < e && cx.res.reference_at(o + 1).is_none() && w.is_any(o, &["on", "in"]))
        {
            o += 1;
        }
        let particles_end = o;
        if passive && verb.ends_with("ed") {
            let noun = self.noun_of_verb(w, v)?;
            let obj = subject.and_then(|(a, b)| topic_np_label(w, a, b));
            return Some(Target::Topic(noun.with_object(obj.as_deref())));
        }
        // "commit themselves to buying …": a reflexive object says nothing
        if o < e
            && w.is_any(
                o,
                &[
                    "themselves",
                    "itself",
                    "himself",
                    "herself",
                    "ourselves",
                    "myself",
                    "yourself",
                ],
            )
        {
            o += 1;
        }
        // "work remotely": an adverb, not an object
        if o < e && w.is_lower(o) && w.text_of(o).ends_with("ly") && !w.has(o, flag::FUNCTION) {
            let noun = self.noun_of_verb(w, v)?;
            return Some(Target::Topic(format!(
                "{} {}",
                noun.text(),
                w.text_of(o).to_lowercase()
            )));
        }
        // "go back to classrooms": a prepositional complement
        if o < e
            && w.is_lower(o)
            && w.is_any(o, &["to", "into", "from", "against", "with"])
            && (!is_verb_like(w, o + 1) || w.text_of(o + 1).ends_with("ing"))
        {
            // "to buying the first 300m vaccines": a gerund heads the complement
            let pe = np_end(w, o + 1, e);
            let np = if o + 1 < e && w.is_lower(o + 1) && w.text_of(o + 1).ends_with("ing") {
                let ge = np_end(w, o + 2, e);
                let obj = topic_np_label(w, o + 2, ge);
                Some(match obj {
                    Some(x) => format!("{} {x}", w.text_of(o + 1).to_lowercase()),
                    None => w.text_of(o + 1).to_lowercase(),
                })
            } else {
                topic_np_label(w, o + 1, pe)
            };
            if let Some(np) = np {
                let noun = self.noun_of_verb_phrase(w, v, particles_end)?;
                return Some(Target::Topic(format!(
                    "{} {} {np}",
                    noun.text(),
                    w.text_of(o).to_lowercase()
                )));
            }
        }
        // "moving them to Asia": a pronoun object, then where to
        if o + 2 < e
            && w.is_any(o, &["them", "it", "him", "her", "us"])
            && w.is_any(o + 1, &["to", "into", "from"])
        {
            let pe = np_end(w, o + 2, e);
            if let Some(np) = topic_np_label(w, o + 2, pe) {
                let noun = self.noun_of_verb(w, v)?;
                return Some(Target::Topic(format!(
                    "{} {} {np}",
                    noun.text(),
                    w.text_of(o + 1).to_lowercase()
                )));
            }
        }
        let oe = np_end(w, o, e);
        // a gerund object stands alone ("delay reopening schools" → "reopening")
        let obj_label = if o < oe
            && w.text_of(o).ends_with("ing")
            && w.is_lower(o)
            && !w.has(o, flag::FUNCTION)
        {
            self.noun_of_verb(w, o).map(|n| n.text().to_string())
        } else {
            topic_np_label(w, o, oe)
        };
        if LIGHT_VERBS.contains(&&*verb) {
            // "keeping April 19" → "April 19"; "find a way to help vaccinate …" → on;
            // a name after a light verb ("hoped to take Mosul") says nothing of a side
            // toward it
            if o < oe
                && cx
                    .res
                    .reference_at(o)
                    .is_some_and(|r| r.kind == RefKind::Name && r.tokens.1 as usize >= oe)
            {
                return None;
            }
            match &obj_label {
                Some(l) if !VAGUE.contains(&l.as_str()) => return Some(Target::Topic(l.clone())),
                _ => {
                    if oe < e && w.is_any(oe, &["to"]) && oe + 1 < e && is_verb_like(w, oe + 1) {
                        return self.vp_target(cx, oe + 1, e, None);
                    }
                    if o < e && is_verb_like(w, o) && !w.is_any(o, &["to"]) {
                        return self.vp_target(cx, o, e, None);
                    }
                    return None;
                }
            }
        }
        let noun = self.noun_of_verb(w, v)?;
        let obj = obj_label.filter(|l| !VAGUE.contains(&l.as_str()) && l != noun.text());
        Some(Target::Topic(noun.with_object(obj.as_deref())))
    }

    /// The noun of a phrasal verb `[v, o)` ("go back" → "return"), else of the verb with
    /// its particles ("going back").
    fn noun_of_verb_phrase(&self, w: &Words, v: usize, o: usize) -> Option<Noun> {
        if o > v + 1 {
            let key = (v..o)
                .map(|i| w.text_of(i).to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(n) = self.lex.phrasal_nominalization(&key) {
                return Some(Noun::Nominal(n.to_string()));
            }
            let rest = (v + 1..o)
                .map(|i| w.text_of(i).to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            return self
                .noun_of_verb(w, v)
                .map(|n| n.map(|s| format!("{s} {rest}")));
        }
        self.noun_of_verb(w, v)
    }

    /// The noun of a verb form: from the nominalization list ("delayed" → "delay"), else
    /// its -ing form ("hoping"); None for a form it cannot take back to a base (irregular
    /// participles such as "done").
    fn noun_of_verb(&self, w: &Words, v: usize) -> Option<Noun> {
        if let Some(n) = w.entry(v).and_then(|e| e.nominalization) {
            return Some(Noun::Nominal(self.lex.noun(n).to_string()));
        }
        let verb = lowered(w.text_of(v));
        if verb.ends_with("ing") {
            return Some(Noun::Gerund(verb.into_owned()));
        }
        let common = |b: &str| self.lex.word(b).is_some_and(|e| e.has(flag::COMMON));
        let base = if let Some(b) = verb.strip_suffix("ed").filter(|b| common(b)) {
            b.to_string()
        } else if let Some(b) = verb
            .strip_suffix('d')
            .filter(|b| verb.ends_with("ed") && common(b))
        {
            b.to_string()
        } else if common(&verb)
            && !["en", "ne", "wn", "ed", "s"]
                .iter()
                .any(|x| verb.ends_with(x))
        {
            verb.into_owned()
        } else {
            return None;
        };
        ing_form(&base).map(Noun::Gerund)
    }
}

/// A target and how directly the words aim at it (1 for the object itself; less for a
/// name that only modifies it: "the North Carolina law" aims at North Carolina too).
#[derive(Clone, Debug, PartialEq)]
struct Aim {
    target: Target,
    weight: f32,
    /// How the words reach it.
    reach: Reach,
}

/// How directly a target is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// The thing aimed at itself.
    Direct,
    /// Only a modifier of the thing aimed at: criticism reaches it, support does not;
    /// never the holder it is aimed by ("criticized his own party").
    Modifier,
    /// The person a possessive pronoun names as the owner of the thing aimed at
    /// ("endorsed his nuclear deal"): support and criticism reach them, unless they are
    /// one of the holders ("defended her own record").
    Owner,
}

impl Aim {
    fn main(target: Target) -> Aim {
        Aim {
            target,
            weight: 1.0,
            reach: Reach::Direct,
        }
    }
}

/// The noun of a verb phrase.
#[derive(Clone, Debug, PartialEq)]
enum Noun {
    /// From the nominalization list ("delay", "withdrawal"): "delay of reopening".
    Nominal(String),
    /// An -ing form: "using UK G8 presidency".
    Gerund(String),
}

impl Noun {
    fn text(&self) -> &str {
        match self {
            Noun::Nominal(s) | Noun::Gerund(s) => s,
        }
    }

    fn map(self, f: impl FnOnce(String) -> String) -> Noun {
        match self {
            Noun::Nominal(s) => Noun::Nominal(f(s)),
            Noun::Gerund(s) => Noun::Gerund(f(s)),
        }
    }

    /// "delay of reopening", "using UK G8 presidency", or the noun alone.
    fn with_object(&self, obj: Option<&str>) -> String {
        match (self, obj) {
            (Noun::Nominal(n), Some(o)) => format!("{n} of {o}"),
            (Noun::Gerund(n), Some(o)) => format!("{n} {o}"),
            (n, None) => n.text().to_string(),
        }
    }
}

/// The statement of reported speech (with a speaker) whose content holds token `v`.
fn reported_at<'a>(cx: &Ctx<'a>, v: usize) -> Option<&'a Statement> {
    let after = cx
        .statements
        .partition_point(|st| st.tokens.0 as usize <= v);
    let st = *cx.statements.get(after.checked_sub(1)?)?;
    (v < st.tokens.1 as usize).then_some(st)
}

/// The whole of a statement: its content with the words that attribute it.
fn statement_span(st: &Statement) -> Span {
    let mut span = st.span;
    for part in [st.speaker_mention, st.cue].into_iter().flatten() {
        span = span.cover(part);
    }
    span
}

/// `a.eq_ignore_ascii_case(b)`, with the lengths and first bytes compared before the
/// loop over the bytes: a cue's words are compared with the words after its first
/// (dozens of cues for a common verb), and most differ there.
fn same_word(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len()
        && a.first().map(u8::to_ascii_lowercase) == b.first().map(u8::to_ascii_lowercase)
        && a.eq_ignore_ascii_case(b)
}

/// The first token from `i` (before `e`) that is no quote mark.
fn past_quote_marks(w: &Words, mut i: usize, e: usize) -> usize {
    while i < e && w.tok(i).quote().is_some() {
        i += 1;
    }
    i
}

/// The "(" that the ")" at `close` ends, at most `reach` tokens back and not before
/// `lo`; None when `close` is no ")".
fn bracket_open(w: &Words, close: usize, lo: usize, reach: usize) -> Option<usize> {
    if !w.tok(close).is_punct(')') {
        return None;
    }
    (close.saturating_sub(reach).max(lo)..close)
        .rev()
        .find(|&q| w.tok(q).is_punct('('))
}

fn res_kind(cx: &Ctx, e: usize) -> Kind {
    match cx.res.entities.get(e) {
        Some(x) => x.kind,
        None => cx.implied.borrow()[e - cx.res.entities.len()].kind,
    }
}

/// Bodies and people that speak for an organization or a country: "officials",
/// "lawmakers", "the ministry", "prosecutors", "the boss" (group nouns and role words,
/// singular or plural).
fn is_representative(w: &Words, k: usize) -> bool {
    if w.is_any(
        k,
        &[
            "workers",
            "employees",
            "members",
            "attendants",
            "pilots",
            "unions",
        ],
    ) {
        return true;
    }
    if GROUP_NOUNS.has(w, k) || REPRESENTATIVES.has(w, k) || w.has(k, flag::ROLE) {
        return true;
    }
    // a plural of a role ("spokesmen" aside): only a word ending in "s" is looked up,
    // and lower-cased into a copy only when it has a capital (no other character
    // lower-cases to an "s")
    let t = w.text_of(k);
    if !t.ends_with(['s', 'S']) {
        return false;
    }
    lowered(t)
        .strip_suffix('s')
        .and_then(|b| w.lexicon.word(b))
        .is_some_and(|e| e.has(flag::ROLE))
}

/// An aside that names who acts with the subject starts at `k`: "along with",
/// "together with", "like", "such as", "including", "alongside".
fn is_companion_at(w: &Words, k: usize) -> bool {
    w.is_any(k, &["like", "including", "alongside"])
        || (w.is_any(k, &["along", "together"]) && w.is_any(k + 1, &["with"]))
        || (w.is_any(k, &["such"]) && w.is_any(k + 1, &["as"]))
}

/// Where the verb of a copula that ends at `k` starts: "is", "became", "emerged as"
/// (`k` at "as"), if `k` ends one.
fn copula_start(w: &Words, k: usize, s: usize) -> Option<usize> {
    if BE.has(w, k) || BECOME.has(w, k) {
        return Some(k);
    }
    (w.is_any(k, &["as"]) && k > s && AS_VERBS.has(w, k - 1)).then(|| k - 1)
}

/// True when `text` starts with `prefix` (lower-case ASCII), ignoring ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The length in bytes of `text` lower-cased by [`str::to_lowercase`].
fn lowercase_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.to_lowercase().len()
    }
}

/// The side a partisan noun takes, for a lower-case word: "critic" opposes, "supporter"
/// supports. `StanceFinder::candidates` lets through only words that start as one of
/// its `WORDS` does (first three letters): a noun added here is added there too.
#[inline(always)]
fn partisan_side(word: &[u8]) -> Option<Polarity> {
    match word {
        b"critic" | b"critics" | b"opponent" | b"opponents" | b"foe" | b"foes" | b"detractor"
        | b"detractors" => Some(Polarity::Oppose),
        b"supporter" | b"supporters" | b"backer" | b"backers" | b"ally" | b"allies"
        | b"loyalist" | b"loyalists" | b"defender" | b"defenders" => Some(Polarity::Support),
        _ => None,
    }
}

/// A word of degree before a stance noun: "strong", "vocal", "most", "fiercest".
fn is_degree_word(w: &Words, k: usize) -> bool {
    DEGREE_ADJECTIVES.has(w, k)
        || w.is_any(
            k,
            &[
                "most",
                "biggest",
                "leading",
                "longtime",
                "outspoken",
                "prominent",
            ],
        )
        || (w.is_lower(k) && w.text_of(k).len() > 5 && w.text_of(k).ends_with("est"))
}

/// True when the negation at `k` goes with a modal ("could not", "can't", "won't").
fn is_modal_negation(w: &Words, k: usize, s: usize) -> bool {
    let t = w.text_of(k).to_ascii_lowercase();
    ["can", "could", "won", "would", "should", "must", "might"]
        .iter()
        .any(|m| t.starts_with(m))
        || (k > s
            && w.is_any(
                k - 1,
                &[
                    "can", "could", "will", "would", "should", "must", "may", "might",
                ],
            ))
}

/// Nouns of a span of time that "last", "this", "next" make an adverbial ("last week").
const TIME_NOUNS: WordSet = WordSet::new(&[
    "week",
    "month",
    "year",
    "weekend",
    "night",
    "morning",
    "afternoon",
    "evening",
]);

/// True when token `k`, before the verb at `v`, belongs to a time adverbial between a
/// subject and its verb: "on Friday", "in January", "last week", "earlier this month".
fn is_time_adjunct(w: &Words, k: usize, v: usize, s: usize) -> bool {
    let timed = |q: usize| q < v && (w.has(q, flag::CALENDAR) || TIME_NOUNS.has(w, q));
    if TIME_NOUNS.has(w, k) {
        return k > s && w.is_any(k - 1, &["last", "this", "next", "that"]);
    }
    // "earlier" before "this month" is one of ADVERBS
    w.is_any(k, &["on", "in", "last", "this", "next"]) && timed(k + 1)
}

/// True when a phrase of `data/demands.txt` (lexicon category `demand`) starts at token
/// `k` and ends before `e` ("resign", "be fired").
fn is_demand_at(w: &Words, k: usize, e: usize) -> bool {
    // the token's bytes: no character boundaries to check
    let is_word = |q: usize, word: &str| {
        if word == "x" {
            // an object: "lift restrictions", "end the strike", "stop detaining"
            w.tok(q).kind == TokenKind::Word
                && (!w.is_function(q)
                    || w.is_any(
                        q,
                        &[
                            "the", "a", "an", "its", "their", "his", "her", "all", "this",
                        ],
                    ))
        } else {
            w.tok(q)
                .span
                .bytes(w.text)
                .eq_ignore_ascii_case(word.as_bytes())
        }
    };
    // every phrase is tried at `k`, and nearly all fail on their first word: that word
    // is compared with the token's bytes read once
    let first = (k < e).then(|| w.tok(k).span.bytes(w.text));
    w.lexicon.demand_phrases().iter().any(|p| {
        let Some((w0, rest)) = p.split_first() else {
            return k <= e;
        };
        k + p.len() <= e
            && first.is_some_and(|f| {
                if w0 == "x" {
                    is_word(k, w0)
                } else {
                    f.eq_ignore_ascii_case(w0.as_bytes())
                }
            })
            && rest
                .iter()
                .enumerate()
                .all(|(j, word)| is_word(k + 1 + j, word))
    })
}

fn is_after_open_quote(w: &Words, i: usize) -> bool {
    i > 0 && w.tok(i - 1).quote().is_some() && w.tok(i - 1).is(shape::SPACE_BEFORE)
}

/// A lower-case word after "to" that reads as a verb ("to delay", not "to schools").
fn is_verb_like(w: &Words, i: usize) -> bool {
    let t = w.tok(i);
    if t.kind != TokenKind::Word
        || !w.is_lower(i)
        || w.has(i, flag::FUNCTION) && !w.is_any(i, &["be", "have", "do"])
    {
        return false;
    }
    let s = w.text_of(i);
    let e = w.entry(i);
    let verbish = e.is_some_and(|e| {
        e.nominalization.is_some() || !e.stance_cues.is_empty() || e.has(flag::SPEECH)
    });
    verbish || (e.is_some_and(|e| e.has(flag::COMMON)) && (!s.ends_with('s') || s.ends_with("ss")))
}

/// Words in -ing that describe a noun, not gerunds: "criticized outgoing CIA chief X",
/// "the ruling party".
const ING_ADJECTIVES: WordSet = WordSet::new(&[
    "outgoing",
    "incoming",
    "ruling",
    "leading",
    "reigning",
    "sitting",
    "governing",
    "founding",
    "visiting",
    "departing",
    "retiring",
    "ongoing",
    "upcoming",
    "remaining",
    "existing",
    "presiding",
    "acting",
    "longstanding",
    "long-standing",
    "opposing",
]);

/// "-ing" words that are nouns in practice ("funding", "training", "spending").
fn is_noun_ing(w: &Words, i: usize) -> bool {
    NOUN_INGS.has(w, i)
}

/// The end of the noun phrase starting at `a`: the first clause boundary, preposition
/// other than "of"/"for", or eight tokens.
fn np_end(w: &Words, a: usize, e: usize) -> usize {
    if a < e && w.is_lower(a) && w.is_function(a) && !NP_END_FUNCTION_KEPT.has(w, a) {
        return a;
    }
    let mut i = a;
    while i < e && i - a < 8 {
        let t = w.tok(i);
        match t.kind {
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive => {}
            TokenKind::Quote(_) if i == a => {}
            TokenKind::Punct('%') | TokenKind::Punct('&') => {}
            _ => break,
        }
        if i > a && w.is_lower(i) {
            if CLAUSE_STOPS.has(w, i) || w.has(i, flag::SPEECH) {
                break;
            }
            // "involvement in criminal activities", "confidence in the plan"
            let after_nominal = w.is_any(i, &["in"]) && {
                let p = w.text_of(i - 1);
                ["ment", "tion", "sion", "ance", "ence", "ity", "ism"]
                    .iter()
                    .any(|x| p.ends_with(x))
            };
            if w.is_function(i)
                && !after_nominal
                && !NP_PREPS_KEPT.has(w, i)
                && !NP_END_WORDS_KEPT.has(w, i)
            {
                break;
            }
            if w.is_any(i, &["to"]) {
                break;
            }
        }
        i += 1;
    }
    i
}

/// A short canonical label for the noun phrase `[a, b)`: no determiners, quantities or
/// possessives, lower case except names, the head noun singular; None for pronouns.
fn topic_np_label(w: &Words, a: usize, b: usize) -> Option<String> {
    // a single vague word is no topic ("help", "it")
    let label = topic_np_words(w, a, b)?;
    if !label.contains(' ')
        && (VAGUE.contains(&label.as_str()) || VAGUE_TOPICS.contains(&label.as_str()))
    {
        return None;
    }
    Some(label)
}

/// The key under which topics merge, within and across documents: the label in lower
/// case with its head noun singular ("protections for teachers" → "protection for
/// teachers"), so "strikes" and "strike" are one node.
pub fn topic_key(label: &str, lexicon: &Lexicon) -> String {
    // word by word, as the words are compared below; most labels are lower case already
    let lower = if is_plain_lower(label) {
        Cow::Borrowed(label)
    } else {
        Cow::Owned(label.split(' ').map(lowered).collect::<Vec<_>>().join(" "))
    };
    // the head noun, by its bytes: the word before the first preposition, else the last
    let mut head = (0, 0);
    let mut start = 0;
    for (n, word) in lower.split(' ').enumerate() {
        let end = start + word.len();
        if matches!(word, "of" | "for" | "to" | "in" | "with" | "against") {
            if n == 0 {
                head = (start, end);
            }
            break;
        }
        head = (start, end);
        start = end + 1;
    }
    let h = &lower[head.0..head.1];
    if h.len() > 3
        && h.ends_with('s')
        && !h.ends_with("ss")
        && !h.ends_with("us")
        && !h.ends_with("is")
        && !h.ends_with("ics")
    {
        let sing = if let Some(stem) = h.strip_suffix("ies") {
            format!("{stem}y")
        } else {
            h[..h.len() - 1].to_string()
        };
        if lexicon.word(&sing).is_some_and(|e| e.has(flag::COMMON)) {
            return [&lower[..head.0], &sing, &lower[head.1..]].concat();
        }
    }
    lower.into_owned()
}

/// `s.to_lowercase()`, borrowed when that is `s` itself (ASCII with no capital): a
/// topic's words are mostly lower case already, and each was a copy.
fn lowered(s: &str) -> Cow<'_, str> {
    if is_plain_lower(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// ASCII with no capital: its own lower case.
fn is_plain_lower(s: &str) -> bool {
    s.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase())
}

fn topic_np_words(w: &Words, a: usize, b: usize) -> Option<String> {
    let mut words: Vec<Cow<str>> = Vec::new();
    let mut i = a;
    while i < b {
        let t = w.tok(i);
        let s = w.text_of(i);
        let skip = match t.kind {
            TokenKind::Word => TOPIC_SKIPPED.has(w, i),
            // a number after a word stays ("April 19"); a leading quantity goes ("10 plants")
            TokenKind::Number => words.is_empty(),
            TokenKind::Possessive | TokenKind::Quote(_) => true,
            TokenKind::Punct('%') => true,
            _ => true,
        };
        if !skip {
            // names keep their capitals; a common word capitalized only because it opens
            // a sentence or quote does not ("Treatments are needed")
            let opener = i == 0
                || w.tok(i - 1).para != t.para
                || w.layout.sentence_of(i).tokens.start == i
                || w.tok(i - 1).quote().is_some();
            let keep_case = t.is(shape::UPPER)
                || (t.is(shape::CAP) && !(opener && (w.has(i, flag::COMMON) || w.is_function(i))));
            words.push(if keep_case {
                Cow::Borrowed(s)
            } else {
                lowered(s)
            });
        }
        i += 1;
    }
    // drop a dangling "of"/"for" and cut after five words
    while words.last().is_some_and(|l| l == "of" || l == "for") {
        words.pop();
    }
    while words.first().is_some_and(|l| l == "of" || l == "for") {
        words.remove(0);
    }
    words.truncate(5);
    while words.last().is_some_and(|l| l == "of" || l == "for") {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    let pronouns = [
        "it",
        "them",
        "him",
        "her",
        "us",
        "me",
        "you",
        "they",
        "we",
        "he",
        "she",
        "i",
        "itself",
        "themselves",
        "this",
        "that",
        "what",
        "which",
    ];
    if words.len() == 1 && pronouns.contains(&&*lowered(&words[0])) {
        return None;
    }
    Some(words.join(" "))
}

/// Within a document, topics with the same first word are one topic: "delay",
/// "delay of plan" and "delay of reopening" all become the most specific label.
fn merge_topics(stances: &mut [Stance]) {
    let mut by_head: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in stances.iter() {
        if let Target::Topic(l) = &s.target {
            let head = l.split(' ').next().unwrap_or("").to_string();
            let v = by_head.entry(head).or_default();
            if !v.contains(l) {
                v.push(l.clone());
            }
        }
    }
    let mut canon: BTreeMap<String, String> = BTreeMap::new();
    for (_, labels) in by_head {
        if labels.len() < 2 {
            continue;
        }
        // mergeable only when every label is the head alone or "head of/for …"
        let mergeable = labels.iter().all(|l| {
            let mut it = l.split(' ');
            it.next();
            matches!(it.next(), None | Some("of") | Some("for"))
        });
        if !mergeable {
            continue;
        }
        let best = labels
            .iter()
            .max_by_key(|l| {
                let comp = l.split(' ').nth(2).unwrap_or("");
                let specific = !comp.is_empty() && !VAGUE.contains(&comp);
                (specific, comp.ends_with("ing"), std::cmp::Reverse(l.len()))
            })
            .cloned()
            .unwrap_or_default();
        for l in labels {
            canon.insert(l, best.clone());
        }
    }
    for s in stances.iter_mut() {
        if let Target::Topic(l) = &s.target
            && let Some(c) = canon.get(l)
        {
            s.target = Target::Topic(c.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::Recognizer;
    use crate::quotes::Quoter;
    use crate::resolve::Resolver;
    use crate::roles::RoleFinder;

    fn run(text: &str) -> Vec<String> {
        run_with(Lexicon::shared(), text)
    }

    /// A cue brief's second-word byte passes over only cues whose literal second word the
    /// next word cannot be (as `same_word` compares them), and the token's
    /// [`fact::CUE_OPEN`] says what the word's filter says.
    #[test]
    fn cue_index_filters_hold_to_the_cues() {
        let lex = Lexicon::shared();
        let index = CueIndex::new(lex);
        for cue in &lex.stance_cues {
            match cue.words.get(1) {
                Some(CueWord::Literal(l)) if !l.is_empty() => {
                    let b = l.as_bytes();
                    assert_eq!(cue_second(cue), second_bit(b) as u8);
                    // every spelling `same_word` takes for it has the same bit
                    for v in [l.to_uppercase(), l[..1].to_uppercase() + &l[1..]] {
                        assert!(same_word(v.as_bytes(), b), "{v}");
                        assert_eq!(second_bit(v.as_bytes()) as u8, cue_second(cue), "{v}");
                    }
                }
                _ => assert_eq!(cue_second(cue), NO_SECOND),
            }
        }
        for id in 0..lex.len() as u32 {
            if lex.facts(id) & fact::CUE_START != 0 {
                let f = index.filters[index.slot[id as usize] as usize];
                assert_eq!(f.open, lex.facts(id) & fact::CUE_OPEN != 0, "{id}");
            }
        }
    }

    /// Each text gives (at least) its stance.
    fn assert_each_found(cases: &[(&str, &str)]) {
        for (text, want) in cases {
            let got = run(text);
            assert!(got.iter().any(|g| g == want), "{text}: {got:?}");
        }
    }

    fn run_with(lex: &Lexicon, text: &str) -> Vec<String> {
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        let res = Resolver::new(lex).resolve(text, &layout, &ms);
        let q = Quoter::new(lex);
        let regions = q.regions(&layout);
        let quotes = q.quotes(text, &layout, &regions, &res);
        let affs = RoleFinder::new(lex).find(text, &layout, &ms, &res);
        let statements = q.statements(text, &layout, &res, &quotes);
        let found = StanceFinder::new(lex).find(text, &layout, &res, &quotes, &statements, &affs);
        let n = res.entities.len();
        let mut v: Vec<String> = found
            .stances
            .into_iter()
            .filter(|s| s.holder < n && !matches!(s.target, Target::Entity(t) if t >= n))
            .map(|s| {
                let t = match &s.target {
                    Target::Entity(e) => res.entities[*e].label.clone(),
                    Target::Topic(l) => format!("[{l}]"),
                };
                format!(
                    "{} {} {}",
                    res.entities[s.holder].label,
                    s.polarity.relation(),
                    t
                )
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The index, found from the cues, has the filter of every word that starts one (a
    /// word it missed would only be looked at in full) and of no other word.
    #[test]
    fn the_cue_index_has_every_cue_word() {
        let lex = Lexicon::shared();
        let index = CueIndex::new(lex);
        for id in 0..lex.len() as u32 {
            let cues = &lex.entry(id).stance_cues;
            let slot = index.slot[id as usize] as usize;
            assert_eq!(slot != 0, !cues.is_empty(), "{id}");
            if slot != 0 {
                let (got, want) = (index.filters[slot], CueFilter::of(lex, cues));
                assert_eq!((got.open, got.bits), (want.open, want.bits), "{id}");
                // the word's briefs are its cues, in order, as `longest_cue` reads them
                let (a, b) = got.briefs;
                let briefs = &index.briefs[a as usize..b as usize];
                assert_eq!(briefs.len(), cues.len(), "{id}");
                for (br, &ci) in briefs.iter().zip(cues) {
                    let cue = &lex.stance_cues[ci as usize];
                    let words = &cue.words;
                    let is = |w: Option<&CueWord>, l: &str| matches!(w, Some(CueWord::Literal(x)) if x == l);
                    assert_eq!(br.cue, ci);
                    assert_eq!(br.second, cue_second(cue));
                    let bit = |b: u8| br.bits & b != 0;
                    assert_eq!(bit(brief::FIXED), cue.fixed);
                    assert_eq!(bit(brief::ONE_WORD), words.len() == 1);
                    assert_eq!(
                        bit(brief::LITERAL_SECOND),
                        matches!(words.get(1), Some(CueWord::Literal(_)))
                    );
                    let to_eval =
                        cue.fixed && cue.frame == Frame::Subject && is(words.first(), "to");
                    assert_eq!(bit(brief::TO_EVALUATION), to_eval);
                    assert_eq!(bit(brief::ENDS_WITH_TO), is(words.last(), "to"));
                }
            }
        }
    }

    #[test]
    fn a_gerund_cue_after_of_at_the_start_of_a_document() {
        // found by the property test: "of" as the first token has no word before it
        for text in [
            "Of criticizing Mr John Smith.",
            "For attacking Acme Corp, he said.",
        ] {
            run(text);
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            // a bracket after the first of two coordinated names stands aside
            (
                "Senator Marco Rubio (R-FL) and Rep. Mike Pompeo (R-KS) criticized Loretta Lynch.",
                &[
                    "Marco Rubio opposes Loretta Lynch",
                    "Mike Pompeo opposes Loretta Lynch",
                ],
            ),
            // a free relative names its object after its verb
            (
                "Elijah Cummings blasted what he views as Republicans' political motives.",
                &["Elijah Cummings opposes Republican Party"],
            ),
            // asking someone to stop what they do opposes them
            (
                "The European Commission urged Turkey to lift restrictions on the press.",
                &[
                    "European Commission opposes Turkey",
                    "European Commission supports [lifting of restrictions]",
                ],
            ),
            // a coordinated body's people: "and Russian officials", "and Labour leaders"
            (
                "Smith praised Jones and Labour leaders for the deal.",
                &["Smith supports Jones", "Smith supports Labour Party"],
            ),
            // a bracket before an aside of companions stands aside too
            (
                "Rep. Randy Forbes (R-Va.), like Tom Coburn, criticized the Pentagon.",
                &[
                    "Randy Forbes opposes Pentagon",
                    "Tom Coburn opposes Pentagon",
                ],
            ),
            (
                "Sen. Cory Booker testified against Sen. Jeff Sessions.",
                &["Cory Booker opposes Jeff Sessions"],
            ),
            // "likely to blame X" is the verb; "is to blame" an evaluation with no voice
            (
                "Democrats are likely to blame Republicans.",
                &["Democratic Party opposes Republican Party"],
            ),
            ("Smith said the managers were partly to blame.", &[]),
            // an adverb before "and" does not hide the joined participles' subject
            (
                "Michael Gove ducked and dived, blustering aggressively and attacking the BBC.",
                &["Michael Gove opposes BBC"],
            ),
            // "they" after a speech verb with no antecedent is the verb's subject
            (
                "Mara and many other owners said that they supported Goodell's approach.",
                &["Mara supports Goodell"],
            ),
            // a possessive pronoun's person is reached by support as by criticism, unless
            // it is the holder
            (
                "Hillary Clinton met Mr. Obama and later endorsed his nuclear deal.",
                &[
                    "Hillary Clinton supports Obama",
                    "Hillary Clinton supports [nuclear deal]",
                ],
            ),
            (
                "Hillary Clinton defended her record.",
                &["Hillary Clinton supports [record]"],
            ),
            // the subject of an infinitive is the person after a possessive place
            (
                "Britain's Jason Gardener had been expected to defend his title.",
                &["Jason Gardener supports [title]"],
            ),
            // the object of a verb of asking or making does what follows "to"
            (
                "Merkel urged Obama to condemn Putin.",
                &["Obama opposes Putin"],
            ),
            // "one of the … critics of"; a bracket after a name before "for attacking"
            (
                "Hank Green was one of the most vocal critics of Facebook.",
                &["Hank Green opposes Facebook"],
            ),
            // a group adjective without a place implies no entity
            ("Catholic bishops criticized John Smith.", &[]),
            (
                "Saturday Night Live skewered Sen. Ted Cruz (R-Texas) for attacking Donald Trump.",
                &["Ted Cruz opposes Donald Trump"],
            ),
            // a possessive and degree words between the name and a partisan noun
            (
                "Sasse, one of Trump's fiercest critics, spoke.",
                &["Sasse opposes Trump"],
            ),
            (
                "Cotton is one of President Trump's staunchest supporters.",
                &["Cotton supports Trump"],
            ),
            // copulas other than "be": "emerged as", "became"
            (
                "Cotton has emerged as one of President Trump's staunchest supporters.",
                &["Cotton supports Trump"],
            ),
            (
                "Sasse has become a vocal Trump critic.",
                &["Sasse opposes Trump"],
            ),
            // a name after its owner is the one meant; the owner less directly
            (
                "Guo Wengui has emerged as a critic of China's ruling Communist Party.",
                &[
                    "Guo Wengui opposes China",
                    "Guo Wengui opposes Communist Party",
                ],
            ),
            // coordinated names in apposition, and no topic beside them
            (
                "Henry Brousseau accused two men, Alvin Bamberger and Matthew Heimbach, of assault.",
                &[
                    "Henry Brousseau opposes Alvin Bamberger",
                    "Henry Brousseau opposes Matthew Heimbach",
                ],
            ),
            // an office of state names the country it speaks for, before or after the
            // name; a former one does not
            (
                "Samantha Power, US ambassador to the UN, accused Russia of barbarism.",
                &[
                    "Samantha Power opposes Russia",
                    "United States opposes Russia",
                ],
            ),
            (
                "Iran's Foreign Minister Bahram Qassemi criticized Washington.",
                &[
                    "Bahram Qassemi opposes Washington",
                    "Iran opposes Washington",
                ],
            ),
            (
                "John Bolton, a former US ambassador, criticized Russia.",
                &["John Bolton opposes Russia"],
            ),
            // "The US" opens a sentence ("us" is a function word); what the US court
            // owns is not the US
            (
                "The US sanctioned Russia.",
                &["United States opposes Russia"],
            ),
            (
                "The US court's jurisdiction was challenged by Deutsche Bank.",
                &["Deutsche Bank opposes [US court jurisdiction]"],
            ),
            // the names of an aside that starts "along with", "like", "such as" act with
            // the subject
            (
                "Rep. Candice Miller, along with Rep. Michael McCaul, has accused Mr Smith.",
                &[
                    "Candice Miller opposes Smith",
                    "Michael McCaul opposes Smith",
                ],
            ),
            (
                "Other Republicans, like Justin Amash and Tom Massie, criticized Trump.",
                &[
                    "Justin Amash opposes Trump",
                    "Republican Party opposes Trump",
                    "Tom Massie opposes Trump",
                ],
            ),
            // a list of described names holds it together
            (
                "Filmmaker Michael Moore, feminist icon Gloria Steinem, musician Alicia Keys \
                 and other speakers attacked Trump.",
                &[
                    "Alicia Keys opposes Trump",
                    "Gloria Steinem opposes Trump",
                    "Michael Moore opposes Trump",
                ],
            ),
            // an organization's name before the noun of its kind; party voters
            (
                "The Fargo Forum newspaper criticized Valley News Live.",
                &["Fargo Forum opposes Valley News Live"],
            ),
            (
                "The Republican Party met. Republican voters criticized Trump.",
                &["Republican Party opposes Trump"],
            ),
            // an adjective in -ing is no gerund; a determiner inside a cue
            (
                "Trump pointed the finger at outgoing CIA chief John Brennan.",
                &["Trump opposes John Brennan"],
            ),
            (
                "Arianna Huffington threw her support behind Gray Davis.",
                &["Arianna Huffington supports Gray Davis"],
            ),
            // two verbs share the object after the second
            (
                "Trump has praised and questioned Turkey.",
                &["Trump opposes Turkey", "Trump supports Turkey"],
            ),
            // a name that is also a word opens a sentence before an adverb and a verb
            (
                "Trump later criticized Megyn Kelly.",
                &["Trump opposes Megyn Kelly"],
            ),
            (
                "Jesse Sharkey spoke.\n\n“We are asking for the Chicago Public Schools to delay reopening schools by a week,” he said.",
                &["Jesse Sharkey supports [delay of reopening]"],
            ),
            (
                "“I see no basis for delay,” Mayor Lori Lightfoot said.",
                &["Lori Lightfoot opposes [delay]"],
            ),
            (
                "Ald. Michael Rodriguez spoke. Rodriguez joined officials at Corkery Elementary School on Wednesday to support CTU in its push for more protections for teachers.",
                &[
                    "CTU supports [protections for teachers]",
                    "Michael Rodriguez supports CTU",
                ],
            ),
            (
                "The Chicago Teachers Union met. But union leaders now want that plan delayed for at least a week.",
                &["Chicago Teachers Union supports [delay]"],
            ),
            (
                "CPS and Mayor Lori Lightfoot are holding firm on keeping April 19 as the date.",
                &[
                    "CPS supports [April 19]",
                    "Lori Lightfoot supports [April 19]",
                ],
            ),
            (
                "But Aid charity Actionaid criticised Mr Brown's preoccupation with finding a vaccine and called on G8 nations to fund HIV/Aids treatments.",
                &[
                    "Actionaid opposes Brown",
                    "Actionaid supports [funding of HIV/Aids treatments]",
                ],
            ),
            (
                "The US court's jurisdiction had been challenged by Deutsche Bank and Gazpromneft.",
                &[
                    "Deutsche Bank opposes [US court jurisdiction]",
                    "Gazpromneft opposes [US court jurisdiction]",
                ],
            ),
            ("Sharkey does not approve.", &[]),
            // holders: a body speaks through its officials; a phrase between subject and
            // verb; the subject of an absolute clause; a relative clause; "X and others"
            (
                "Russia's foreign ministry on Monday accused NATO of sliding into confrontation.",
                &["Russia opposes North Atlantic Treaty Organization"],
            ),
            (
                "Top Clinton campaign staffers have accused James Comey of bias.",
                &["Clinton opposes James Comey"],
            ),
            (
                "Donald Trump as a candidate repeatedly accused Hillary Clinton of illegal conduct.",
                &["Donald Trump opposes Hillary Clinton"],
            ),
            (
                "Donald Trump, in a statement, criticized Hillary Clinton.",
                &["Donald Trump opposes Hillary Clinton"],
            ),
            (
                "A row broke out, with Italy accusing India of breaching its jurisdiction.",
                &["Italy opposes India"],
            ),
            (
                "The panel called a senior Pentagon official who criticized Hillary Clinton.",
                &["Pentagon opposes Hillary Clinton"],
            ),
            (
                "The U.S. and some of its allies accuse Iran of building weapons.",
                &["United States opposes Iran"],
            ),
            (
                "Senator John Kirk announced that he is no longer supporting Donald Trump.",
                &["John Kirk opposes Donald Trump"],
            ),
            // targets: coordinated names, a person after a title, the owner of deeds
            (
                "Ukip deputy leader Mike Hookem accused Mr Verhofstadt and the EU of greed.",
                &[
                    "Mike Hookem opposes European Union",
                    "Mike Hookem opposes Verhofstadt",
                ],
            ),
            (
                "Donald Trump criticized Barack Obama and Hillary Clinton said it was unfair.",
                &["Donald Trump opposes Barack Obama"],
            ),
            (
                "Donald Trump lashed out at House Speaker Paul Ryan.",
                &["Donald Trump opposes Paul Ryan"],
            ),
            (
                "Barack Obama praised the contributions of Justice Antonin Scalia.",
                &[
                    "Barack Obama supports Antonin Scalia",
                    "Barack Obama supports [contributions]",
                ],
            ),
            // reversed cues: the holder follows
            (
                "Nicolas Maduro signed the budget, drawing fire from the National Assembly.",
                &["National Assembly opposes Nicolas Maduro"],
            ),
            (
                "Jacob Rees-Mogg has won the backing of the DUP.",
                &["DUP supports Jacob Rees-Mogg"],
            ),
            ("The bill passed after an endorsement from the DUP.", &[]),
            // a parenthesis between subject and verb; a document speaks for who issued it
            (
                "Chief executive Jamie Dimon (JPMorgan) criticized Donald Trump's decision.",
                &["Jamie Dimon opposes Donald Trump"],
            ),
            (
                "The Trump team released a new Web ad Sunday accusing the Clinton Foundation of corruption.",
                &["Trump opposes Clinton Foundation"],
            ),
            (
                "A school suspended an athlete who posted a tweet criticizing Donald Trump.",
                &[],
            ),
            // "called X reckless": the caller holds it
            (
                "In November, Ryan Seacrest called Donald Trump reckless.",
                &["Ryan Seacrest opposes Donald Trump"],
            ),
            (
                "Yesterday Donald Trump declared Barack Obama's policy a failure.",
                &["Donald Trump opposes Barack Obama"],
            ),
            // a noun cue inside the object of a cue keeps its holder, and stands for the
            // outer cue's topic
            (
                "Derby manager Gary Rowett has called for more support for striker Matej Vydra.",
                &["Gary Rowett supports Matej Vydra"],
            ),
            (
                "The UK has stepped up criticism of Russia.",
                &["United Kingdom opposes Russia"],
            ),
            // a document speaks for whoever it is from
            (
                "A report from the State Department inspector general was critical of Hillary Clinton.",
                &["State Department opposes Hillary Clinton"],
            ),
            // a person's supporters do not speak for them; a party's voters do
            ("Jane Rubio's supporters cheered Jeb Bush.", &[]),
            (
                "Labour voters criticized Jeb Bush.",
                &["Labour Party opposes Jeb Bush"],
            ),
            // asking for it to be taken away takes the other side
            (
                "Smith called for sanctions against Iran to be lifted.",
                &["Smith supports Iran"],
            ),
            // blamed X for Y; a name in apposition; a verb form after an owner is a noun
            (
                "South Korea has blamed North Korea for the attacks on its firms.",
                &["South Korea opposes North Korea"],
            ),
            (
                "Philippe Dauman accused the media mogul's daughter, Shari Redstone, of lying.",
                // the daughter is Shari Redstone: no topic beside her
                &["Philippe Dauman opposes Shari Redstone"],
            ),
            ("Julius Malema's advocate, Vas Soni, argued the case.", &[]),
            // partisan nouns: "a Trump critic", "Trump critic Sen. Ben Sasse"
            (
                "Yesterday Senator Ben Sasse, a longtime Trump critic, spoke.",
                &["Ben Sasse opposes Trump"],
            ),
            (
                "Yesterday Senator Ben Sasse has been a vocal Trump supporter.",
                &["Ben Sasse supports Trump"],
            ),
            ("Yesterday Iowa supporters cheered.", &[]),
            // "had been reckless" (a verb group before the predicate)
            (
                "FBI director James Comey said that Hillary Clinton had been extremely reckless.",
                &["James Comey opposes Hillary Clinton"],
            ),
            // a name alone in brackets; a phrase after the auxiliary; graded noun cues
            (
                "Iran's elite Revolutionary Guards (IRGC) accused Hassan Rouhani of failures.",
                &["IRGC opposes Hassan Rouhani"],
            ),
            (
                "Yesterday Mr. Julian Assange has at times offered mild criticisms of the Putin government.",
                &["Julian Assange opposes Putin"],
            ),
            // "refused to back" rejects
            (
                "Yesterday Senator Ted Cruz refused to back Donald Trump.",
                &["Ted Cruz opposes Donald Trump"],
            ),
            // a gerund after "on", "out of": the clause's subject; after "X for"/"X of": X
            (
                "Yesterday Republicans have focused on attacking Barack Obama.",
                &["Republican Party opposes Barack Obama"],
            ),
            (
                "Senator John Kirk praised Mitt Romney for defending Barack Obama.",
                &[
                    "John Kirk supports Mitt Romney",
                    "Mitt Romney supports Barack Obama",
                ],
            ),
            (
                "Yesterday Jeff Hebert nonetheless praised Jeff Sessions's performance.",
                &["Jeff Hebert supports Jeff Sessions"],
            ),
            // more cue phrases
            (
                "Senator Chuck Todd on Sunday confronted Donald Trump about his positions.",
                &["Chuck Todd opposes Donald Trump"],
            ),
            (
                "Senator Mitt Romney took aim at Donald Trump.",
                &["Mitt Romney opposes Donald Trump"],
            ),
            (
                "Senator Mitt Romney is furious with Donald Trump.",
                &["Mitt Romney opposes Donald Trump"],
            ),
            (
                "Senator Mitt Romney is grateful to Donald Trump.",
                &["Mitt Romney supports Donald Trump"],
            ),
            (
                "Tony Blair should set out a proper exit strategy from Iraq, Lib Dem leader Charles Kennedy has said.",
                &["Charles Kennedy supports [proper exit strategy]"],
            ),
            (
                "President Barack Obama spoke on Monday. Senator Hillary Clinton praised him.",
                &["Hillary Clinton supports Barack Obama"],
            ),
            (
                "Labour leader Ed Miliband accused David Cameron of complacency.",
                &[
                    "Ed Miliband opposes David Cameron",
                    "Labour Party opposes David Cameron",
                ],
            ),
            (
                "Jeff Flake (R) is a vocal Trump critic.",
                &["Jeff Flake opposes Trump"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(run(text), *want, "{text}");
        }
    }

    #[test]
    fn adjectives_name_implied_holders() {
        let lex = Lexicon::shared();
        let cases: &[(&str, &[&str])] = &[
            (
                "Yesterday Russian officials accused NATO of aggression.",
                &["Russia (Russian) opposes North Atlantic Treaty Organization"],
            ),
            (
                "Yesterday Republican senators criticized Barack Obama.",
                &["Republican Party (Republican) opposes Barack Obama"],
            ),
            // a country's president speaks for it; a state's congressman does not
            (
                "Yesterday the Russian president accused NATO of aggression.",
                &["Russia (Russian) opposes North Atlantic Treaty Organization"],
            ),
            (
                "Yesterday the Michigan congressman endorsed Donald Trump.",
                &[],
            ),
            // a name in the text is used when there is one
            (
                "Russia is big. Russian officials accused NATO of aggression.",
                &["Russia opposes North Atlantic Treaty Organization"],
            ),
            // a country's judges and courts act for it
            (
                "Yesterday a Venezuelan judge accused Machado of lying.",
                &["Venezuela (Venezuelan) opposes Machado"],
            ),
            // a person named after a party adjective acts for the party too
            (
                "Republican Senator Susan Collins criticized Scott Pruitt.",
                &[
                    "Susan Collins opposes Scott Pruitt",
                    "Republican Party (Republican) opposes Scott Pruitt",
                ],
            ),
            // as a target: a body of the country is the country; what the adjective
            // qualifies is aimed at it by criticism, not by praise
            (
                "Yesterday Obama criticized the Israeli government.",
                &["Obama opposes Israel (Israeli)"],
            ),
            (
                "The UN Security Council condemned Israeli settlements.",
                &["UN Security Council opposes Israel (Israeli)"],
            ),
            ("Yesterday Obama praised Israeli settlements.", &[]),
        ];
        for (text, want) in cases {
            let layout = Layout::parse(text, lex);
            let ms = Recognizer::new(lex).recognize(text, &layout);
            let res = Resolver::new(lex).resolve(text, &layout, &ms);
            let Found { stances, implied } =
                StanceFinder::new(lex).find(text, &layout, &res, &[], &[], &[]);
            let name = |e: usize| match res.entities.get(e) {
                Some(x) => x.label.clone(),
                None => {
                    let i = &implied[e - res.entities.len()];
                    format!("{} ({})", i.label, i.alias)
                }
            };
            let got: Vec<String> = stances
                .iter()
                .filter_map(|s| match s.target {
                    Target::Entity(t) => Some(format!(
                        "{} {} {}",
                        name(s.holder),
                        s.polarity.relation(),
                        name(t)
                    )),
                    Target::Topic(_) => None,
                })
                .collect();
            assert_eq!(got, *want, "{text}");
            // an adjective no stance came of leaves no entity behind
            let named = want.iter().any(|w| w.contains('('));
            assert_eq!(implied.len(), usize::from(named), "{text}");
        }
    }

    #[test]
    fn topic_keys_merge_plurals() {
        let lex = Lexicon::shared();
        assert_eq!(
            topic_key("protections for teachers", lex),
            "protection for teachers"
        );
        assert_eq!(topic_key("Strikes", lex), "strike");
        assert_eq!(topic_key("delay of reopening", lex), "delay of reopening");
        assert_eq!(topic_key("claims", lex), "claim");
        assert_eq!(topic_key("crisis", lex), "crisis");
        assert_eq!(topic_key("for teachers", lex), "for teachers");
        assert_eq!(
            topic_key("new policies for Trade", lex),
            "new policy for trade"
        );
        // a label in lower case already is read in place, any other lowered word by
        // word: both give one key
        for label in [
            "Protections for Teachers",
            "the Strikes",
            "Policies of the EU",
            "Ärzte Claims",
            "ΟΔΟΣ",
            "delay OF reopening",
        ] {
            assert_eq!(
                topic_key(label, lex),
                topic_key(&label.to_lowercase(), lex),
                "{label}"
            );
        }
    }

    #[test]
    fn pro_and_anti_modifiers() {
        let got = run(
            "George Galloway will stand against pro-Iraq war Labour MP Oona King. Mr Galloway has kept his anti Iraq war stance.",
        );
        assert!(
            got.contains(&"Oona King supports [Iraq war]".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"George Galloway opposes [Iraq war]".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"George Galloway opposes Oona King".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn reported_speech_voices_stances_with_the_statement_as_evidence() {
        let lex = Lexicon::shared();
        let text = "The mayor spoke on Monday. According to Senator John McCain, \
                    Barack Obama was wrong about Iran.";
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        let res = Resolver::new(lex).resolve(text, &layout, &ms);
        let q = Quoter::new(lex);
        let quotes = q.quotes(text, &layout, &q.regions(&layout), &res);
        let statements = q.statements(text, &layout, &res, &quotes);
        let found = StanceFinder::new(lex).find(text, &layout, &res, &quotes, &statements, &[]);
        let st = found
            .stances
            .iter()
            .find(|s| res.entities[s.holder].label == "John McCain")
            .expect("a stance held by McCain");
        assert_eq!(st.polarity, Polarity::Oppose);
        assert_eq!(
            st.evidence.text(text),
            "According to Senator John McCain, Barack Obama was wrong about Iran"
        );
    }

    #[test]
    fn demands_and_other_new_shapes() {
        let cases: &[(&str, &str)] = &[
            // what one asks of someone one opposes (data/demands.txt)
            (
                "Senator John McCain called for Barack Obama to step down.",
                "John McCain opposes Barack Obama",
            ),
            (
                "Nancy Pelosi urged Donald Trump to apologize.",
                "Nancy Pelosi opposes Donald Trump",
            ),
            (
                "John McCain said that Barack Obama should resign.",
                "John McCain opposes Barack Obama",
            ),
            (
                "John McCain said on Friday that Russia must face a penalty.",
                "John McCain opposes Russia",
            ),
            (
                "John Smith called for Jeff Sessions's impeachment.",
                "John Smith opposes Jeff Sessions",
            ),
            // "come under criticism from"
            (
                "Germany has also come under criticism from Donald Trump.",
                "Donald Trump opposes Germany",
            ),
            // an apposition between two agents of a passive
            (
                "Trump was praised by Senator Mary Landrieu, a Democrat, and Sheriff Jeffrey Wiley.",
                "Jeffrey Wiley supports Trump",
            ),
            // the maker of the thing criticized
            (
                "Hillary Clinton criticized the budget proposal offered by the Trump administration.",
                "Hillary Clinton opposes Trump",
            ),
        ];
        assert_each_found(cases);
        // asking for someone's resignation is not support for them
        let got = run("John Smith called for Jeff Sessions's impeachment.");
        assert!(
            !got.iter().any(|g| g == "John Smith supports Jeff Sessions"),
            "{got:?}"
        );
    }

    #[test]
    fn a_user_lexicon_adds_demands_and_control_verbs() {
        let deport = "John Smith called for Jeff Sessions to be deported.";
        let coax = "Merkel coaxed Obama to condemn Putin.";
        let mut lex = Lexicon::shared().clone();
        let before = (run_with(&lex, deport), run_with(&lex, coax));
        assert!(
            !before
                .0
                .iter()
                .any(|g| g == "John Smith opposes Jeff Sessions")
        );
        assert!(!before.1.iter().any(|g| g == "Obama opposes Putin"));
        let user = "demand\tbe deported\ndemand\t=deportation\ncontrol_verb\tcoax\n";
        lex.add_user_text(std::path::Path::new("user.tsv"), user)
            .unwrap();
        let got = run_with(&lex, deport);
        assert!(
            got.iter().any(|g| g == "John Smith opposes Jeff Sessions"),
            "{got:?}"
        );
        let got = run_with(&lex, "John Smith demanded Jeff Sessions's deportation.");
        assert!(
            got.iter().any(|g| g == "John Smith opposes Jeff Sessions"),
            "{got:?}"
        );
        let got = run_with(&lex, coax);
        assert!(got.iter().any(|g| g == "Obama opposes Putin"), "{got:?}");
    }

    #[test]
    fn time_adverbials_adjectives_passives_and_receivers() {
        let cases: &[(&str, &str)] = &[
            // a time adverbial between the subject and its verb
            (
                "The Environmental Protection Agency in January accused FCA of cheating.",
                "Environmental Protection Agency opposes FCA",
            ),
            (
                "John Smith last week accused Jeff Sessions of lying.",
                "John Smith opposes Jeff Sessions",
            ),
            // an adjective between the article and a noun cue
            (
                "Charter Communications unleashed a verbal attack on Time Warner Cable.",
                "Charter Communications opposes Time Warner Cable",
            ),
            // an adverb inside the verb group of a passive
            (
                "Putin has recently been praised by Donald Trump.",
                "Donald Trump supports Putin",
            ),
            (
                "Putin has also been criticized by Donald Trump.",
                "Donald Trump opposes Putin",
            ),
            // a body speaks through its people after a reversed cue
            (
                "Germany has come under criticism from Trump advisers.",
                "Trump opposes Germany",
            ),
            // what someone said receives the criticism: its owner does; a name in
            // apposition after "including"
            (
                "Mr. Obama's speech drew criticism from Republicans, including his campaign opponent, Senator John McCain.",
                "John McCain opposes Obama",
            ),
            // the office of an office-holder of a place
            (
                "The Harris County district attorney's office has charged Allison Smith with fraud.",
                "Harris County opposes Allison Smith",
            ),
            // "not just" adds, it does not deny
            (
                "Marco Rubio didn't just blame Donald Trump, though.",
                "Marco Rubio opposes Donald Trump",
            ),
            // paying tribute
            (
                "Charlton manager Alan Curbishley paid tribute to Jonatan Johansson after the match.",
                "Alan Curbishley supports Jonatan Johansson",
            ),
        ];
        assert_each_found(cases);
    }

    #[test]
    fn negation_flips() {
        let got = run("The union said it would not support the plan to reopen schools.");
        assert!(got.iter().all(|s| !s.contains("supports")), "{got:?}");
    }
}
