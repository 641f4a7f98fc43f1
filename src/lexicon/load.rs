//! Parsing the data files and user lexicons into a [`Lexicon`].
//!
//! Every data file has a category; a user lexicon line is `category<TAB>` followed by a
//! line in that category's own format, so what a user writes is what the data files hold.

use std::borrow::Cow;
use std::path::Path;

use super::{
    AbbrevClass, BoilerplateRule, CueWord, Frame, KnownEntity, Lexicon, Nominal, OrgWord,
    StanceCue, Title, TitleClass, flag, verb_forms,
};
use crate::error::{Error, Result};
use crate::kind::{Gender, Kind, Polarity};
use crate::tokens::phrase_key;

/// The categories of word lists, named as in user lexicon files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// `person<TAB>Name<TAB>alias|alias`
    Person,
    /// `organization<TAB>Name<TAB>alias|alias`
    Organization,
    /// `place<TAB>Name<TAB>alias|alias`
    Place,
    /// `given_name<TAB>Name<TAB>m|f|u`
    GivenName,
    /// `surname<TAB>Name`
    Surname,
    /// `title<TAB>word<TAB>honorific|office<TAB>m|f|-`
    Title,
    /// `role<TAB>noun` or `role<TAB>+modifier`
    Role,
    /// `org_word<TAB>word<TAB>organization|place<TAB>class<TAB>head|any`
    OrgWord,
    /// `nominal<TAB>word<TAB>organization|person<TAB>class`
    Nominal,
    /// `demonym<TAB>Adjective<TAB>Place`
    Demonym,
    /// `speech_verb<TAB>base form1 form2 …`, `speech_verb<TAB>!base forms…` (attributes
    /// a direct quote only), or `speech_verb<TAB>=fixed phrase`
    SpeechVerb,
    /// `stance<TAB>phrase<TAB>+|-<TAB>act`
    Stance,
    /// `boilerplate<TAB>prefix|line|contains<TAB>pattern`
    Boilerplate,
    /// `not_entity<TAB>word`: never an entity
    NotEntity,
    /// `acronym<TAB>ABC`: an all-capital word that is not an entity
    Acronym,
    /// `event_word<TAB>word`: the head of an event's name ("Cup", "Festival")
    EventWord,
    /// `common_word<TAB>word`
    CommonWord,
    /// `function_word<TAB>word`
    FunctionWord,
    /// `calendar<TAB>word`
    Calendar,
    /// `abbreviation<TAB>abbr.<TAB>title|other`
    Abbreviation,
    /// `nominalization<TAB>verb<TAB>noun`
    Nominalization,
    /// `control_verb<TAB>base|irregular|…`: a verb of making or asking someone act
    /// ("urge", "lead|led"); regular forms are made from the base
    ControlVerb,
    /// `demand<TAB>phrase` ("step down", "be fired") or `demand<TAB>=noun`
    /// ("resignation"): what one asks of someone one opposes
    Demand,
}

const CATEGORIES: &[(&str, Category)] = &[
    ("person", Category::Person),
    ("organization", Category::Organization),
    ("place", Category::Place),
    ("given_name", Category::GivenName),
    ("surname", Category::Surname),
    ("title", Category::Title),
    ("role", Category::Role),
    ("org_word", Category::OrgWord),
    ("nominal", Category::Nominal),
    ("demonym", Category::Demonym),
    ("speech_verb", Category::SpeechVerb),
    ("stance", Category::Stance),
    ("boilerplate", Category::Boilerplate),
    ("not_entity", Category::NotEntity),
    ("acronym", Category::Acronym),
    ("event_word", Category::EventWord),
    ("common_word", Category::CommonWord),
    ("function_word", Category::FunctionWord),
    ("calendar", Category::Calendar),
    ("abbreviation", Category::Abbreviation),
    ("nominalization", Category::Nominalization),
    ("control_verb", Category::ControlVerb),
    ("demand", Category::Demand),
];

impl Category {
    /// Parses a category name.
    pub fn parse(s: &str) -> Option<Category> {
        CATEGORIES.iter().find(|(n, _)| *n == s).map(|&(_, c)| c)
    }
}

/// The data files with their categories: parsed by the build script into the snapshot
/// that the library embeds instead (and by the tests that hold the two together).
#[cfg(any(test, not(newsgraph_snapshot)))]
const BUILTIN: &[(&str, Category, &str)] = &[
    (
        "data/common_words.txt",
        Category::CommonWord,
        include_str!("../../data/common_words.txt"),
    ),
    (
        "data/function_words.txt",
        Category::FunctionWord,
        include_str!("../../data/function_words.txt"),
    ),
    (
        "data/calendar.txt",
        Category::Calendar,
        include_str!("../../data/calendar.txt"),
    ),
    (
        "data/given_names.tsv",
        Category::GivenName,
        include_str!("../../data/given_names.tsv"),
    ),
    (
        "data/surnames.txt",
        Category::Surname,
        include_str!("../../data/surnames.txt"),
    ),
    (
        "data/titles.tsv",
        Category::Title,
        include_str!("../../data/titles.tsv"),
    ),
    (
        "data/roles.txt",
        Category::Role,
        include_str!("../../data/roles.txt"),
    ),
    (
        "data/org_words.tsv",
        Category::OrgWord,
        include_str!("../../data/org_words.tsv"),
    ),
    (
        "data/nominals.tsv",
        Category::Nominal,
        include_str!("../../data/nominals.tsv"),
    ),
    (
        "data/demonyms.tsv",
        Category::Demonym,
        include_str!("../../data/demonyms.tsv"),
    ),
    (
        "data/speech_verbs.tsv",
        Category::SpeechVerb,
        include_str!("../../data/speech_verbs.tsv"),
    ),
    (
        "data/stance_cues.tsv",
        Category::Stance,
        include_str!("../../data/stance_cues.tsv"),
    ),
    (
        "data/boilerplate.txt",
        Category::Boilerplate,
        include_str!("../../data/boilerplate.txt"),
    ),
    (
        "data/acronyms.txt",
        Category::Acronym,
        include_str!("../../data/acronyms.txt"),
    ),
    (
        "data/event_words.txt",
        Category::EventWord,
        include_str!("../../data/event_words.txt"),
    ),
    (
        "data/abbreviations.txt",
        Category::Abbreviation,
        include_str!("../../data/abbreviations.txt"),
    ),
    (
        "data/nominalizations.tsv",
        Category::Nominalization,
        include_str!("../../data/nominalizations.tsv"),
    ),
    (
        "data/control_verbs.txt",
        Category::ControlVerb,
        include_str!("../../data/control_verbs.txt"),
    ),
    (
        "data/demands.txt",
        Category::Demand,
        include_str!("../../data/demands.txt"),
    ),
    (
        "data/places_geonames.tsv",
        Category::Place,
        include_str!("../../data/places_geonames.tsv"),
    ),
    (
        "data/places_counties.tsv",
        Category::Place,
        include_str!("../../data/places_counties.tsv"),
    ),
    (
        "data/known_entities.tsv",
        Category::Person,
        include_str!("../../data/known_entities.tsv"),
    ),
];

/// The lexicon of the data files, parsed.
#[cfg(any(test, not(newsgraph_snapshot)))]
pub(super) fn builtin() -> Lexicon {
    let mut lex = Lexicon::default();
    // sizes of the built-in lists, so the tables never grow while loading
    lex.words.reserve(200_000);
    lex.entries.reserve(200_000);
    lex.phrases.reserve(80_000);
    lex.phrase_entries.reserve(80_000);
    lex.entities.reserve(40_000);
    let mut buf = String::new();
    for &(name, cat, text) in BUILTIN {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            // the two longest lists are one word a line: skip the field splitting
            if matches!(cat, Category::CommonWord | Category::Surname) && !line.contains('\t') {
                add_word(&mut lex, cat, line.trim(), &mut buf);
                continue;
            }
            // known_entities.tsv carries its kind in the first column
            let (cat, fields) = if name.ends_with("known_entities.tsv") {
                let (k, rest) = line.split_once('\t').unwrap_or((line, ""));
                (Category::parse(k).unwrap_or(cat), rest)
            } else {
                (cat, line)
            };
            if let Err(msg) = add_line(&mut lex, cat, fields, false) {
                // the embedded files are tested; a bad line is a bug caught by `cargo test`
                debug_assert!(false, "{name}:{}: {msg}", i + 1);
            }
        }
    }
    lex.index_facts();
    lex
}

pub(super) fn add_user_file(lex: &mut Lexicon, path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    add_user_text(lex, path, &text)
}

pub(super) fn add_user_text(lex: &mut Lexicon, path: &Path, text: &str) -> Result<()> {
    let added = add_user_lines(lex, path, text);
    // the lines before a bad one were added too: the facts cover them either way
    lex.index_facts();
    added
}

fn add_user_lines(lex: &mut Lexicon, path: &Path, text: &str) -> Result<()> {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| Error::Lexicon {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        let (cat, rest) = line
            .split_once('\t')
            .ok_or_else(|| err("expected category<TAB>fields".to_string()))?;
        let cat = Category::parse(cat.trim()).ok_or_else(|| {
            let names: Vec<&str> = CATEGORIES.iter().map(|(n, _)| *n).collect();
            err(format!(
                "unknown category {:?} (expected one of: {})",
                cat.trim(),
                names.join(", ")
            ))
        })?;
        add_line(lex, cat, rest, true).map_err(err)?;
    }
    Ok(())
}

fn field<'a>(fields: &[&'a str], i: usize, what: &str) -> Result<&'a str, String> {
    fields
        .get(i)
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("missing field {}: {what}", i + 1))
}

/// `s` in lower case, copied only when it is not already.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// A line of a one-word list (common words, surnames); `word` is trimmed, not empty.
fn add_word(lex: &mut Lexicon, cat: Category, word: &str, buf: &mut String) {
    // 150,000 words at every start, nearly all ASCII ("Smith"): lower-cased in the
    // caller's buffer instead of in a new String each
    let lowered;
    let word = if word.is_ascii() {
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
        buf.as_str()
    } else {
        lowered = lower(word);
        lowered.as_ref()
    };
    if cat == Category::Surname {
        lex.surnames_seen += 1;
        let rank = lex.surnames_seen;
        let e = lex.entry_mut(word);
        e.flags |= flag::SURNAME;
        if e.surname_rank == 0 {
            e.surname_rank = rank;
        }
    } else {
        lex.entry_mut(word).flags |= flag::COMMON;
    }
}

/// Most fields on a line (more are ignored, as no category reads them).
const MAX_FIELDS: usize = 8;

fn add_line(lex: &mut Lexicon, cat: Category, line: &str, user: bool) -> Result<(), String> {
    let mut fields = [""; MAX_FIELDS];
    let mut n = 0;
    for (slot, part) in fields.iter_mut().zip(line.split('\t')) {
        *slot = part;
        n += 1;
    }
    let f = &fields[..n];
    match cat {
        Category::Person | Category::Organization | Category::Place => {
            let kind = match cat {
                Category::Person => Kind::Person,
                Category::Organization => Kind::Organization,
                _ => Kind::Place,
            };
            add_entity_line(lex, kind, f, user)?;
        }
        Category::GivenName => {
            let name = field(f, 0, "name")?;
            let gender = Gender::parse(f.get(1).map(|s| s.trim()).unwrap_or("u"));
            let e = lex.entry_mut(&lower(name));
            e.flags |= flag::GIVEN;
            e.gender = gender;
        }
        Category::Surname => add_word(lex, cat, field(f, 0, "surname")?, &mut String::new()),
        Category::Title => {
            let word = field(f, 0, "title")?;
            let class = match field(f, 1, "honorific or office")? {
                "honorific" => TitleClass::Honorific,
                "office" => TitleClass::Office,
                other => {
                    return Err(format!(
                        "title class must be honorific or office, not {other:?}"
                    ));
                }
            };
            let gender = Gender::parse(f.get(2).map(|s| s.trim()).unwrap_or("-"));
            let title = Title { class, gender };
            let key = phrase_key(word.trim_end_matches('.'));
            if key.contains(' ') {
                lex.phrase_mut(&key).title = Some(title);
            } else {
                lex.entry_mut(&key).title = Some(title);
                if class == TitleClass::Office {
                    lex.entry_mut(&key).flags |= flag::ROLE;
                }
            }
        }
        Category::Role => {
            let word = field(f, 0, "role")?;
            if let Some(m) = word.strip_prefix('+') {
                lex.entry_mut(&lower(m)).flags |= flag::ROLE_MOD;
            } else {
                let key = phrase_key(word);
                if f.get(1).is_some_and(|x| x.trim() == "speaks") {
                    lex.speaking_roles.insert(key.as_str().into());
                }
                if key.contains(' ') {
                    lex.phrase_mut(&key).role = true;
                } else {
                    lex.entry_mut(&key).flags |= flag::ROLE;
                }
            }
        }
        Category::OrgWord => {
            let word = field(f, 0, "word")?.to_lowercase();
            let kind = match field(f, 1, "organization or place")? {
                "organization" => Kind::Organization,
                "place" => Kind::Place,
                other => return Err(format!("kind must be organization or place, not {other:?}")),
            };
            let class = lex.class(field(f, 2, "class")?);
            let head_only = match f.get(3).map(|s| s.trim()).unwrap_or("head") {
                "head" => true,
                "any" => false,
                other => return Err(format!("position must be head or any, not {other:?}")),
            };
            lex.entry_mut(word.trim_end_matches('.')).org_word = Some(OrgWord {
                kind,
                class,
                head_only,
            });
        }
        Category::Nominal => {
            let word = field(f, 0, "word")?;
            let kind = match field(f, 1, "organization or person")? {
                "organization" => Kind::Organization,
                "person" => Kind::Person,
                other => {
                    return Err(format!(
                        "kind must be organization or person, not {other:?}"
                    ));
                }
            };
            let class = lex.class(field(f, 2, "class")?);
            let nominal = Nominal { kind, class };
            let key = phrase_key(word);
            if key.contains(' ') {
                lex.phrase_mut(&key).nominal = Some(nominal);
            } else {
                lex.entry_mut(&key).nominal = Some(nominal);
            }
        }
        Category::Demonym => {
            let word = field(f, 0, "demonym")?;
            if let Some(place) = f.get(1).map(|p| p.trim()).filter(|p| !p.is_empty()) {
                lex.demonym_places
                    .insert(phrase_key(word).as_str().into(), place.into());
            }
            // the plural names the people ("Palestinians", "Iraqis", "Serbs"); "-ese",
            // "-ish", "-ch" and "-ss" forms have none ("Chinese", "Swiss")
            let plural = (!word.ends_with(['s', 'h', 'x']) && !word.ends_with("ese"))
                .then(|| format!("{word}s"));
            for w in std::iter::once(word.to_string()).chain(plural) {
                let key = phrase_key(&w);
                if key.contains(' ') {
                    lex.phrase_mut(&key).demonym = true;
                } else {
                    lex.entry_mut(&key).flags |= flag::DEMONYM;
                }
            }
        }
        Category::SpeechVerb => {
            let line = field(f, 0, "forms")?;
            if let Some(phrase) = line.strip_prefix('=') {
                lex.phrase_mut(&phrase_key(phrase)).speech = true;
            } else {
                let (quote_only, forms) = match line.strip_prefix('!') {
                    Some(rest) => (flag::QUOTE_ONLY_SPEECH, rest),
                    None => (0, line),
                };
                for form in forms.split_whitespace() {
                    lex.entry_mut(&lower(form)).flags |= flag::SPEECH | quote_only;
                }
            }
        }
        Category::Stance => add_stance(lex, f)?,
        Category::Boilerplate => {
            let kind = field(f, 0, "prefix, line or contains")?;
            let pat = field(f, 1, "pattern")?.to_lowercase();
            lex.boilerplate.push(match kind {
                "prefix" => BoilerplateRule::Prefix(pat),
                "line" => BoilerplateRule::Line(pat),
                "contains" => BoilerplateRule::Contains(pat),
                other => {
                    return Err(format!(
                        "boilerplate kind must be prefix, line or contains, not {other:?}"
                    ));
                }
            });
        }
        Category::NotEntity => {
            let w = field(f, 0, "word")?;
            lex.entry_mut(&phrase_key(w)).flags |= flag::NOT_ENTITY;
        }
        Category::Acronym => {
            let w = field(f, 0, "acronym")?;
            lex.entry_mut(&lower(w)).flags |= flag::NOT_ENTITY_ACRONYM;
        }
        Category::EventWord => {
            let w = field(f, 0, "word")?;
            lex.entry_mut(&lower(w)).flags |= flag::EVENT;
        }
        Category::CommonWord => add_word(lex, cat, field(f, 0, "word")?, &mut String::new()),
        Category::FunctionWord => {
            let w = field(f, 0, "word")?;
            lex.entry_mut(&lower(w)).flags |= flag::FUNCTION;
        }
        Category::Calendar => {
            let w = field(f, 0, "word")?;
            lex.entry_mut(&lower(w)).flags |= flag::CALENDAR;
        }
        Category::Abbreviation => {
            let w = field(f, 0, "abbreviation")?.to_lowercase();
            if !w.ends_with('.') {
                return Err(format!("an abbreviation ends with a period: {w:?}"));
            }
            let class = match f.get(1).map(|s| s.trim()).unwrap_or("other") {
                "title" => AbbrevClass::Title,
                "other" => AbbrevClass::Other,
                other => {
                    return Err(format!(
                        "abbreviation class must be title or other, not {other:?}"
                    ));
                }
            };
            lex.entry_mut(&w).abbreviation = Some(class);
        }
        Category::ControlVerb => {
            let mut parts = field(f, 0, "verb")?.split('|');
            let mut forms = verb_forms(parts.next().unwrap_or_default().trim());
            forms.extend(parts.map(|p| p.trim().to_lowercase()));
            for form in forms.iter().filter(|f| !f.is_empty()) {
                lex.entry_mut(form).flags |= flag::CONTROL_VERB;
            }
        }
        Category::Demand => {
            let line = field(f, 0, "phrase or =noun")?;
            match line.strip_prefix('=') {
                Some(noun) => {
                    let noun = noun.trim();
                    if noun.is_empty() || noun.contains(char::is_whitespace) {
                        return Err(format!("a demand noun is one word, not {noun:?}"));
                    }
                    lex.entry_mut(&lower(noun)).flags |= flag::DEMAND_NOUN;
                }
                None => {
                    let words: Vec<String> =
                        line.split_whitespace().map(str::to_lowercase).collect();
                    if !lex.demands.contains(&words) {
                        lex.demands.push(words);
                    }
                }
            }
        }
        Category::Nominalization => {
            let verb = field(f, 0, "verb")?;
            let noun = field(f, 1, "noun")?;
            let id = lex.noun_id(noun);
            if let Some((head, rest)) = verb.split_once(' ') {
                // a phrasal verb: every form of its verb, then its particles
                let mut parts = head.split('|');
                let mut forms = verb_forms(parts.next().unwrap_or(head));
                forms.extend(parts.map(str::to_lowercase));
                for form in forms {
                    lex.phrasal
                        .insert(format!("{form} {}", rest.to_lowercase()).into(), id);
                }
                return Ok(());
            }
            for form in verb_forms(verb) {
                let e = lex.entry_mut(&form);
                // a form shared by two verbs keeps the first (base forms come first)
                if e.nominalization.is_none() {
                    e.nominalization = Some(id);
                }
            }
        }
    }
    Ok(())
}

fn add_entity_line(lex: &mut Lexicon, kind: Kind, f: &[&str], user: bool) -> Result<(), String> {
    let canonical = field(f, 0, "name")?.to_string();
    // places_geonames.tsv: name, type, country, population
    let (class, population, aliases): (Option<&str>, u64, Vec<&str>) = match f.len() {
        4 => (Some(f[1].trim()), f[3].trim().parse().unwrap_or(0), vec![]),
        _ => (
            None,
            0,
            f.get(1)
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
        ),
    };
    let class = class.map(|c| lex.class(c));
    let id = lex.entities.len() as u32;
    let mut heads: Vec<String> = std::iter::once(canonical.as_str())
        .chain(aliases.iter().copied())
        .filter_map(|n| n.rsplit_once(' ').map(|(_, last)| last.to_lowercase()))
        .collect();
    heads.sort();
    heads.dedup();
    lex.entities.push(KnownEntity {
        kind,
        canonical: canonical.clone(),
        class,
        population,
        user,
        heads,
    });
    // "St. Louis" is also written "St Louis" and "Saint Louis"
    let saints: Vec<String> = std::iter::once(canonical.as_str())
        .chain(aliases.iter().copied())
        .filter_map(|n| n.strip_prefix("St. "))
        .flat_map(|rest| [format!("St {rest}"), format!("Saint {rest}")])
        .collect();
    // "Montréal" is also written "Montreal", "Bogotá" "Bogota"
    let folded: Vec<String> = std::iter::once(canonical.as_str())
        .chain(aliases.iter().copied())
        .filter(|n| !n.is_ascii())
        .filter_map(fold_latin)
        .collect();
    let names = std::iter::once(canonical.as_str())
        .chain(aliases)
        .chain(saints.iter().map(String::as_str))
        .chain(folded.iter().map(String::as_str));
    for name in names {
        let key = phrase_key(name);
        if key.is_empty() {
            continue;
        }
        let caps = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && name.chars().filter(|c| c.is_alphabetic()).count() <= 5;
        // a user entry, or a curated one, wins over a GeoNames city of the same name
        let old = lex.phrase(&key).and_then(|p| p.entity);
        let replace = match old {
            None => true,
            Some(old) => user || (lex.entities[old as usize].population > 0 && population == 0),
        };
        if replace {
            // a curated place keeps the type of the GeoNames place it replaces
            // ("Russia": country, "New York": city)
            if let Some(old) = old
                && lex.entities[id as usize].class.is_none()
                && lex.entities[old as usize].kind == kind
            {
                lex.entities[id as usize].class = lex.entities[old as usize].class;
            }
        }
        // one phrase-table update a name: 40,000 names are loaded at every start
        let p = lex.phrase_mut(&key);
        if replace {
            p.entity = Some(id);
            p.entity_caps = caps;
        }
    }
    Ok(())
}

/// The name with the accents of Latin letters taken off ("Montréal" → "Montreal"),
/// when every letter then is ASCII; `None` for other scripts.
fn fold_latin(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
            'ç' | 'ć' | 'č' => "c",
            'Ç' | 'Ć' | 'Č' => "C",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'È' | 'É' | 'Ê' | 'Ë' => "E",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => "I",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
            'ý' | 'ÿ' => "y",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
            'ź' | 'ż' | 'ž' => "z",
            'Ź' | 'Ż' | 'Ž' => "Z",
            'ł' => "l",
            'Ł' => "L",
            'ř' => "r",
            'ť' | 'ţ' | 'ț' => "t",
            'ď' | 'đ' => "d",
            'ğ' => "g",
            'ß' => "ss",
            c if c.is_ascii() => {
                out.push(c);
                continue;
            }
            _ => return None,
        };
        out.push_str(base);
    }
    Some(out)
}

fn add_stance(lex: &mut Lexicon, f: &[&str]) -> Result<(), String> {
    let phrase = field(f, 0, "phrase")?;
    let polarity = match field(f, 1, "+ or -")? {
        "+" => Polarity::Support,
        "-" => Polarity::Oppose,
        other => return Err(format!("polarity must be + or -, not {other:?}")),
    };
    let act = field(f, 2, "act")?.to_string();
    let frame = match f.get(3).map(|s| s.trim()).unwrap_or("obj") {
        "obj" | "" => Frame::Object,
        "subj" => Frame::Subject,
        "from" => Frame::Source,
        other => return Err(format!("frame must be obj, subj or from, not {other:?}")),
    };
    let (fixed, phrase) = match phrase.strip_prefix('=') {
        Some(p) => (true, p),
        None => (false, phrase),
    };
    let mut words = Vec::new();
    for (i, w) in phrase.split_whitespace().enumerate() {
        if w == "X" {
            words.push(CueWord::Slot);
        } else if i == 0 && !fixed {
            let mut forms = Vec::new();
            let mut parts = w.split('|');
            let base = parts.next().unwrap_or(w);
            forms.extend(verb_forms(base));
            for irregular in parts {
                forms.push(irregular.to_lowercase());
                // irregular past participles and pasts inflect no further
            }
            words.push(CueWord::Forms(forms));
        } else {
            words.push(CueWord::Literal(w.to_lowercase()));
        }
    }
    if words.is_empty() {
        return Err("empty stance phrase".to_string());
    }
    let id = lex.stance_cues.len() as u32;
    let firsts: Vec<String> = match &words[0] {
        CueWord::Forms(forms) => forms.clone(),
        CueWord::Literal(w) => vec![w.clone()],
        CueWord::Slot => return Err("a stance phrase cannot start with X".to_string()),
    };
    lex.stance_cues.push(StanceCue {
        words,
        polarity,
        act,
        fixed,
        frame,
    });
    for first in firsts {
        let e = lex.entry_mut(&first);
        if !e.stance_cues.contains(&id) {
            e.stance_cues.push(id);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_line_parses() {
        let mut lex = Lexicon::default();
        for &(name, cat, text) in BUILTIN {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let (cat, fields) = if name.ends_with("known_entities.tsv") {
                    let (k, rest) = line.split_once('\t').unwrap();
                    (Category::parse(k).expect(k), rest)
                } else {
                    (cat, line)
                };
                if let Err(e) = add_line(&mut lex, cat, fields, false) {
                    panic!("{name}:{}: {e}", i + 1);
                }
            }
        }
    }
}
