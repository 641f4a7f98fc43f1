//! Sport: a place name that plays a match names a club, not the place; a name in a
//! cricket scorecard is a player.
//!
//! What it does: finds the sides of a match, in results and tables as sports pages and
//! wires print them, and makes a side named after a city, county or state an
//! organization ("Lancashire beat Kent", "Chicago 3 Atlanta 2"). Every other
//! mention of that name in the document follows, except a dateline ("CHICAGO
//! 1996-08-30") or a name after "in"/"at" ("in Chicago").
//!
//! Why: results pages are lists of place names; without this they fill the graph with
//! places that are really clubs, and the club's node takes the city's mentions.
//!
//! Patterns (each a general form of sports writing):
//! - score: `A 2 B 1` ("Suwon 2 Daegu 1", "DENVER 4 Atlanta 1");
//! - fixture: `A v B`, `A vs B`, `A versus B`; in a line that is only `A at B`
//!   ("DALLAS AT DETROIT") the visitor A (B names where they play);
//! - result: `A beat B`, `A defeated the B`, `A thrashed B`, `A drew with B`, `A lost
//!   to B`; the beaten side alone: "who thrashed B", "victory over B", "lost to B";
//! - a side's player: "B captain Tom Baker", "B striker …";
//! - table row: a line of a name followed only by numbers, three or more of them
//!   ("BOSTON 70 61 .534 -", "Burnley 4 2 0 2 5 3 6");
//! - innings: a name and its runs, then "(", "and" or "for", at a line start or after
//!   ":", ",", ";" ("Essex 412 ( K. Marsh 104 )", "Durham 281 and 97-4").
//!
//! A sports page is one with two clubs among its sides (named after places or not:
//! "the Toronto Hawks defeated the Cleveland Indians"); there every town, county or
//! state is a club unless something happens there, it is a dateline's ("ARLINGTON ,
//! Texas 1996-08-31"), or it describes a noun ("the south Leeds club").
//!
//! A side named after a country stays a place: national sides carry the country's
//! name ("Hungary beat Latvia 3-1"), and news treats them as the country. People
//! stay people ("Sampras beat Agassi") unless only the word's shape made them one.
//!
//! Players: in a cricket scorecard, a name before or after the scorer's "c" (caught),
//! "b" (bowled), "st" (stumped) or "lbw" is a person ("Lowe c Patel b
//! Moreno 8").
//!
//! Limits: a table of city temperatures or prices (a name and only numbers) reads as a
//! standings table; club names without a place or designator word ("Kowalczyk") are typed by
//! the other rules.

use super::{Mention, PLACE_PREPS, evidence};
use crate::kind::Kind;
use crate::layout::Words;
use crate::tokens::TokenKind;

/// Verbs (and verb + preposition) of a result between two sides: "A beat B".
const RESULT_VERBS: &[&[&str]] = &[
    &["beat"],
    &["beats"],
    &["defeated"],
    &["defeat"],
    &["defeats"],
    &["thrashed"],
    &["routed"],
    &["edged"],
    &["overcame"],
    &["crushed"],
    &["hammered"],
    &["drew", "with"],
    &["draw", "with"],
    &["lost", "to"],
    &["lose", "to"],
    &["loses", "to"],
    &["beat", "visiting"],
];

/// True when `word` (lower case, as written) is a one-word verb of a win ("beat",
/// "thrashed"): the words [`opens_result`] and [`is_beaten_after`] share.
fn is_win_verb(word: &[u8]) -> bool {
    matches!(
        word,
        b"beat"
            | b"beats"
            | b"defeated"
            | b"thrashed"
            | b"routed"
            | b"edged"
            | b"overcame"
            | b"crushed"
            | b"hammered"
    )
}

/// True when `word` (lower case, as written) is the first word of one of
/// [`RESULT_VERBS`]. Asked of the lower-case word after most names ("said", "has",
/// "and"): its length and first letter turn nearly all away inline, by two constants in
/// the code ([`RESULT_OPENING`]: no table to read), before the words are compared out of
/// line.
#[inline(always)]
fn opens_result(word: &[u8]) -> bool {
    let (firsts, lens) = RESULT_OPENING;
    word.len() < 32
        && lens >> word.len() & 1 != 0
        && word.first().is_some_and(|&c| firsts >> (c & 31) & 1 != 0)
        && is_result_opener(word)
}

/// [`opens_result`]'s comparison of the words.
#[inline(never)]
fn is_result_opener(word: &[u8]) -> bool {
    is_win_verb(word)
        || matches!(
            word,
            b"defeat" | b"defeats" | b"drew" | b"draw" | b"lost" | b"lose" | b"loses"
        )
}

/// The first letters (bit `letter & 31`) and the lengths (bit `len`) of the first words
/// of [`RESULT_VERBS`], made at compile time.
const RESULT_OPENING: (u32, u32) = {
    let (mut firsts, mut lens) = (0u32, 0u32);
    let mut i = 0;
    while i < RESULT_VERBS.len() {
        let word = RESULT_VERBS[i][0].as_bytes();
        assert!(word.len() < 32);
        firsts |= 1 << (word[0] & 31);
        lens |= 1 << word.len();
        i += 1;
    }
    (firsts, lens)
};

/// Nouns of a result before "over": "victory over Bath", "winners over Leeds".
const RESULT_OVER: &[&str] = &[
    "victory",
    "victories",
    "win",
    "wins",
    "winners",
    "triumph",
    "success",
    "successes",
    "lead",
];

/// The positions of players and staff of a side, after its name: "Yorkshire captain
/// Tom Baker", "Leeds striker Sam Ward".
const PLAYER_ROLES: &[&str] = &[
    "captain",
    "skipper",
    "striker",
    "forward",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "playmaker",
    "batsman",
    "bowler",
    "all-rounder",
    "spinner",
    "wicketkeeper",
    "pitcher",
    "shortstop",
    "catcher",
    "outfielder",
    "infielder",
    "quarterback",
    "coach",
    "manager",
    "full-back",
    "fullback",
    "fly-half",
    "scrum-half",
    "prop",
    "lock",
    "flanker",
    "centre",
    "hooker",
];

/// Nouns a place's name describes, where it stays the place: "the south Leeds club",
/// "a packed Eden Park crowd", "the Ashby stadium".
const PLACE_MODIFIED: &[&str] = &[
    "club",
    "side",
    "team",
    "stadium",
    "crowd",
    "ground",
    "fans",
    "supporters",
    "derby",
];

/// True when the name at `a` is the side a result names as beaten: "who thrashed
/// Sussex", "beat the Hawks", "victory over Bath", "lost to Leeds".
fn beaten_side(w: &Words, a: usize) -> bool {
    let para = w.tok(a).para;
    // the lower-case word at `k` in the name's line, as written: its ASCII letters are
    // all lower case, so its bytes equal a listed word's when the word is that word
    // ignoring case, and a `match` on them finds it (a list of slices would be compared
    // one by one, at every place's name)
    let word =
        |k: usize| (w.tok(k).para == para && w.is_lower(k)).then(|| w.tok(k).span.bytes(w.text));
    let at =
        |k: usize, words: &[&str]| word(k).is_some_and(|t| words.iter().any(|x| x.as_bytes() == t));
    let mut k = a;
    if k >= 1 && word(k - 1) == Some(b"the".as_slice()) {
        k -= 1;
    }
    k >= 1
        && match word(k - 1) {
            None => false,
            Some(b"over") => k >= 2 && at(k - 2, RESULT_OVER),
            Some(b"to" | b"by") => k >= 2 && at(k - 2, &["lost", "defeat", "beaten"]),
            Some(t) => is_beaten_after(t),
        }
}

/// True when `word` (lower case, as written) is a verb after which the side beaten
/// stands, whoever beat it ("Kent, who thrashed Sussex"): the one-word [`RESULT_VERBS`]
/// and a few more. One `match`: asked before every place's name.
fn is_beaten_after(word: &[u8]) -> bool {
    is_win_verb(word) || matches!(word, b"blanked" | b"downed" | b"outplayed" | b"eliminated")
}

/// Words between two sides of a fixture: "A v B".
const VERSUS: &[&str] = &["v", "v.", "vs", "vs.", "versus"];

/// True when token `k` is one of [`VERSUS`]. Asked on both sides of every mention: all
/// of them start with a "v", which rules out nearly every word before the list is read.
#[inline(always)]
fn is_versus(w: &Words, k: usize) -> bool {
    let t = w.tok(k);
    // a word's bytes, not its text: no character boundaries to check
    t.kind == TokenKind::Word
        && t.span
            .bytes(w.text)
            .first()
            .is_some_and(|&c| c.eq_ignore_ascii_case(&b'v'))
        && w.is_any(k, VERSUS)
}

/// False when no rule of [`mark_teams`] can take the mention `m` (in paragraph `para`)
/// for a side, from the two tokens around it that every rule reads first: most names
/// have a comma, a period or a word such as "said" after them, and nothing or a word
/// such as "in" before them. One read of each token, where the rules read them again and
/// again (each read checked against the slice's length).
///
/// A necessary condition, rule by rule: the token after the name (`b`) is a number
/// (score, innings, table row), a dash, "-", "." or "/" at a line start (table row), a
/// word opening with "v" (fixture), "at" in any case ("A at B"; not every word opening
/// with "a", such as "and", "as", "after"), or a lower-case word that opens a result
/// verb or, after a place and before a capitalized word, may be a player's role; or the
/// token before it (`a - 1`) in its line is a word opening with "v" (a fixture after a
/// date) or, before a place, one that [`beaten_side`] reads on ("the", "over", "to",
/// "by", a verb of a win).
#[inline(always)]
fn may_be_side(w: &Words, m: &Mention, para: u32) -> bool {
    use crate::tokens::shape::LOWER;
    let (a, b) = (m.tokens.0 as usize, m.tokens.1 as usize);
    let place = m.kind == Some(Kind::Place);
    let first = |t: crate::tokens::Token| t.span.bytes(w.text).first().copied().unwrap_or(0);
    let before = (a > 0).then(|| w.tok(a - 1)).filter(|t| t.para == para);
    if let Some(t) = before
        && t.kind == TokenKind::Word
        && (first(t) | 0x20 == b'v'
            || place
                && t.is(LOWER)
                && (matches!(t.span.bytes(w.text), b"the" | b"over" | b"to" | b"by")
                    || is_beaten_after(t.span.bytes(w.text))))
    {
        return true;
    }
    let Some(t) = w.layout.tokens.get(b).copied() else {
        return false;
    };
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Dash | TokenKind::Punct('-' | '.' | '/') => before.is_none(),
        TokenKind::Word => {
            first(t) | 0x20 == b'v'
                || t.span.bytes(w.text).eq_ignore_ascii_case(b"at")
                || t.is(LOWER)
                    && (opens_result(t.span.bytes(w.text))
                        || place
                            && w.layout.tokens.get(b + 1).is_some_and(|u| {
                                u.kind == TokenKind::Word && u.is(crate::tokens::shape::CAP)
                            }))
        }
        _ => false,
    }
}

/// True unless a test has asked [`mark_teams`] to try every rule at every mention, to
/// check that [`may_be_side`] turns away only mentions no rule takes.
#[inline(always)]
fn may_skip() -> bool {
    #[cfg(test)]
    return !tests::EVERY_RULE.get();
    #[cfg(not(test))]
    true
}

/// Marks the sides of matches with [`evidence::TEAM`] and retypes those named after a
/// city, county or state (and every other mention of the same name but datelines and
/// names after "in"/"at") as organizations.
pub(super) fn mark_teams(w: &Words, out: &mut [Mention]) {
    // the mention starting at token `k` (the last one, should two start there): the
    // mentions are in text order, so a binary search finds it without a map
    debug_assert!(out.windows(2).all(|p| p[0].tokens.0 <= p[1].tokens.0));
    let start_at = |k: usize| {
        let i = out
            .partition_point(|m| m.tokens.0 as usize <= k)
            .checked_sub(1)?;
        (out[i].tokens.0 as usize == k).then_some(i)
    };
    let n = w.layout.tokens.len();
    let mut sides: Vec<usize> = Vec::new();
    // sides from scores, fixtures and tables (not prose): a capitalized word there is
    // a name even when it is also a word ("Reading 1 Stoke 1", "Hull 5 3 1 1")
    let mut listed: Vec<usize> = Vec::new();
    for (i, m) in out.iter().enumerate() {
        let (a, b) = (m.tokens.0 as usize, m.tokens.1 as usize);
        let para = w.tok(a).para;
        if may_skip() && !may_be_side(w, m, para) {
            continue;
        }
        let in_para = |k: usize| k < n && w.tok(k).para == para;
        let next_side = |k: usize| in_para(k).then(|| start_at(k)).flatten();
        // score: A 2 B 1
        if in_para(b)
            && is_score(w, b)
            && let Some(j) = next_side(b + 1)
            && is_score(w, out[j].tokens.1 as usize)
            && in_para(out[j].tokens.1 as usize)
        {
            sides.extend([i, j]);
            listed.extend([i, j]);
            continue;
        }
        // fixture after a date: "May 20 v Durham"
        if a > 0 && w.tok(a - 1).para == para && is_versus(w, a - 1) {
            sides.push(i);
        }
        // fixture: A v B; a line "A at B"
        if in_para(b) && is_versus(w, b) {
            if let Some(j) = next_side(b + 1) {
                sides.extend([i, j]);
                listed.extend([i, j]);
            }
            continue;
        }
        // "A at B": A visits; B names where the game is played
        if in_para(b)
            && para_start(w, a)
            && w.is_any(b, &["at"])
            && let Some(j) = next_side(b + 1)
            && !in_para(out[j].tokens.1 as usize)
        {
            sides.push(i);
            continue;
        }
        // result: A beat B (a verb is a lower-case word after the name)
        let verb_at_b = (in_para(b) && w.is_lower(b)).then(|| w.tok(b).span.bytes(w.text));
        // the verbs are looked through only after a lower-case word, whose ASCII letters
        // are all lower case: its text equals a verb's as written; most names have a
        // lower-case word after them ("said"), and [`opens_result`]'s length and first
        // letter rule out nearly all before the list is read
        let verbs = match verb_at_b {
            Some(t) if opens_result(t) => RESULT_VERBS,
            _ => &[],
        };
        for verb in verbs.iter().filter(|v| verb_at_b == Some(v[0].as_bytes())) {
            if !(0..verb.len())
                .all(|k| in_para(b + k) && w.is_lower(b + k) && w.is_any(b + k, &[verb[k]]))
            {
                continue;
            }
            let mut after = b + verb.len();
            // "the Toronto Hawks defeated the Cleveland Indians"
            if in_para(after) && w.is_any(after, &["the"]) {
                after += 1;
            }
            if let Some(j) = next_side(after) {
                sides.extend([i, j]);
                break;
            }
        }
        // the side beaten ("who thrashed Sussex"); a side's player ("Leeds
        // striker Sam Ward")
        if m.kind == Some(Kind::Place) && beaten_side(w, a)
            || (in_para(b + 1)
                && m.kind == Some(Kind::Place)
                && w.is_lower(b)
                // the name after the role before the role list: most words have none
                && w.tok(b + 1).kind == TokenKind::Word
                && w.tok(b + 1).is(crate::tokens::shape::CAP)
                && w.is_any(b, PLAYER_ROLES))
        {
            sides.push(i);
        }
        // innings: "Essex 412 ( K. Marsh 104 )", "Durham 281 and 97-4", at a line
        // start or after ":", ",", ";"
        if (para_start(w, a)
            || (a > 0 && matches!(w.tok(a - 1).kind, TokenKind::Punct(':' | ',' | ';'))))
            && is_runs(w, b)
            && in_para(b + 1)
            && (w.tok(b + 1).is_punct('(') || w.is_any(b + 1, &["and", "for"]))
        {
            sides.push(i);
            continue;
        }
        // table row: a line of a name and three or more numbers
        if para_start(w, a) && is_table_row(w, b) {
            sides.push(i);
            listed.push(i);
        }
    }
    // only on a sports page: when some side is a name in its own right (a financial
    // table's "Revenue 123 456 789" is not a side)
    if listed.iter().any(|&i| out[i].kind.is_some()) {
        for &i in &listed {
            let m = &mut out[i];
            if m.kind.is_none() && w.tok(m.tokens.0 as usize).kind == TokenKind::Word {
                m.kind = Some(Kind::Organization);
            }
        }
    }
    sides.sort_unstable();
    sides.dedup();
    let mut clubs: Vec<String> = Vec::new();
    // every side that is an organization, whatever its name ("Texas Rangers")
    let mut org_sides: Vec<String> = Vec::new();
    for &i in &sides {
        out[i].evidence |= evidence::TEAM;
        if club_named_by_place(w, &out[i]) {
            retype(&mut out[i]);
            clubs.push(key(w, &out[i]));
        }
        if out[i].kind == Some(Kind::Organization) {
            org_sides.push(key(w, &out[i]));
        }
    }
    // the same name elsewhere in the story is the club too; on a sports page (two or
    // more clubs among the sides: "the Toronto Hawks defeated the Cleveland Indians")
    // so is any town, county or state that is not where something happens ("in
    // Leeds", "to Leeds", "Markham, Ontario", a ground's town "( at Trent Bridge ,
    // Nottingham )", a venue heading "Bristol : ...")
    clubs.sort_unstable();
    clubs.dedup();
    org_sides.sort_unstable();
    org_sides.dedup();
    let sports_page = org_sides.len() >= 2;
    if clubs.is_empty() && !sports_page {
        return;
    }
    let place_starts: Vec<usize> = out
        .iter()
        .filter(|m| m.kind == Some(Kind::Place))
        .map(|m| m.tokens.0 as usize)
        .collect();
    for m in out.iter_mut() {
        let a = m.tokens.0 as usize;
        let b = m.tokens.1 as usize;
        if m.has(evidence::TEAM)
            || m.has(evidence::PLACE_PREP)
            || (a > 0 && w.is_any(a - 1, PLACE_PREPS))
            || (a > 0 && w.is_any(a - 1, &["to", "of", "near"]) && !clubs.contains(&key(w, m)))
            || (b + 1 < n && w.tok(b).is_punct(',') && place_starts.contains(&(b + 1)))
            || (!clubs.contains(&key(w, m)) && is_venue(w, a, b))
            || is_dateline(w, m)
            || (b + 1 < n && w.is_lower(b) && w.is_any(b, PLACE_MODIFIED))
            || !(sports_page && m.kind == Some(Kind::Place) || clubs.contains(&key(w, m)))
        {
            continue;
        }
        if club_named_by_place(w, m) {
            m.evidence |= evidence::TEAM;
            retype(m);
        }
    }
}

/// Marks the players of a cricket scorecard as people ([`evidence::PLAYER`]).
pub(super) fn mark_players(w: &Words, out: &mut [Mention]) {
    let n = w.layout.tokens.len();
    for m in out.iter_mut() {
        let (a, b) = (m.tokens.0 as usize, m.tokens.1 as usize);
        let para = w.tok(a).para;
        let before = a > 0 && is_scorer_mark(w, a - 1, false) && w.tok(a - 1).para == para;
        let after = b < n && is_scorer_mark(w, b, true) && w.tok(b).para == para;
        if (before || after) && m.kind != Some(Kind::Person) {
            m.kind = Some(Kind::Person);
            m.known = None;
            m.evidence |= evidence::PLAYER;
        }
    }
}

/// True when token `k` is one of the scorer's marks, as written: "c", "b", then "st"
/// before a name or "lbw" `after` one. Asked on both sides of every mention: the marks
/// are three letters or fewer, so the length rules out most words before the bytes are
/// read (bytes, not text: no character boundaries to check), and one `match` compares
/// them, not a list of slices.
#[inline(always)]
fn is_scorer_mark(w: &Words, k: usize, after: bool) -> bool {
    let t = w.tok(k);
    t.kind == TokenKind::Word
        && t.span.len() <= 3
        && match t.span.bytes(w.text) {
            b"c" | b"b" => true,
            b"st" => !after,
            b"lbw" => after,
            _ => false,
        }
}

fn retype(m: &mut Mention) {
    m.kind = Some(Kind::Organization);
    m.known = None;
}

fn key(w: &Words, m: &Mention) -> String {
    m.span.text(w.text).to_lowercase()
}

/// True when a side's name is a place other than a country (a city, county, state), or
/// a name typed as a person only by its shape.
fn club_named_by_place(w: &Words, m: &Mention) -> bool {
    match m.kind {
        Some(Kind::Place) => match m.known {
            Some(id) => {
                let ent = &w.lexicon.entities[id as usize];
                !ent.user
                    && ent.class.is_some_and(|c| {
                        !matches!(w.lexicon.class_name(c), "country" | "continent")
                    })
            }
            None => true,
        },
        Some(Kind::Person) => !m.has(
            evidence::GIVEN
                | evidence::TITLE
                | evidence::HONORIFIC
                | evidence::INITIAL
                | evidence::LEXICON
                | evidence::SPEAKER,
        ),
        _ => false,
    }
}

/// A goal or point count: a number of at most three digits.
fn is_score(w: &Words, k: usize) -> bool {
    k < w.layout.tokens.len() && w.tok(k).kind == TokenKind::Number && {
        let t = w.text_of(k);
        t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
    }
}

/// A venue: a heading "Bristol : Somerset 204", or the town after a ground
/// "( at Trent Bridge , Nottingham )".
fn is_venue(w: &Words, a: usize, b: usize) -> bool {
    let n = w.layout.tokens.len();
    (b < n && w.tok(b).is_punct(':'))
        || (a > 0
            && (w.tok(a - 1).is_punct(',') || w.tok(a - 1).is_punct('('))
            && b < n
            && w.tok(b).is_punct(')'))
}

/// Runs in cricket: "363", or runs for wickets "109-5".
fn is_runs(w: &Words, k: usize) -> bool {
    k < w.layout.tokens.len()
        && w.tok(k).kind == TokenKind::Number
        && w.text_of(k).split('-').count() <= 2
        && w.text_of(k)
            .split('-')
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// True when token `k` opens its paragraph (line).
fn para_start(w: &Words, k: usize) -> bool {
    k == 0 || w.tok(k - 1).para != w.tok(k).para
}

/// True when from `k` to the end of the line there are only numbers (three or more,
/// two of them small counts) and the dashes, periods and slashes of a table.
fn is_table_row(w: &Words, k: usize) -> bool {
    let n = w.layout.tokens.len();
    if k >= n || para_start(w, k) {
        return false;
    }
    let para = w.tok(k).para;
    let (mut numbers, mut counts) = (0, 0);
    let mut j = k;
    while j < n && w.tok(j).para == para {
        match w.tok(j).kind {
            TokenKind::Number => {
                numbers += 1;
                if is_score(w, j) {
                    counts += 1;
                }
            }
            TokenKind::Dash | TokenKind::Punct('-' | '.' | '/') => {}
            _ => return false,
        }
        j += 1;
    }
    numbers >= 3 && counts >= 2
}

/// A dateline place: in capitals at the start of a line, not followed by a score.
fn is_dateline(w: &Words, m: &Mention) -> bool {
    let a = m.tokens.0 as usize;
    if m.has(evidence::CAPS) && para_start(w, a) && !is_score(w, m.tokens.1 as usize) {
        return true;
    }
    // the state or country after a dateline's town: "HOUSTON , Texas 2001-05-14"
    let n = w.layout.tokens.len();
    let b = m.tokens.1 as usize;
    a >= 2
        && w.tok(a - 1).is_punct(',')
        && para_start(w, a - 2)
        && w.tok(a - 2).is(crate::tokens::shape::UPPER)
        && b < n
        && w.tok(b).para == w.tok(a).para
        && w.tok(b).kind == TokenKind::Number
        && w.text_of(b).contains('-')
}

#[cfg(test)]
mod tests {
    use crate::mentions::tests::show;

    #[test]
    fn the_fixture_words_start_with_v() {
        assert!(super::VERSUS.iter().all(|v| v.starts_with('v')));
    }

    #[test]
    fn the_result_verbs_open_with_the_matched_words() {
        for verb in super::RESULT_VERBS {
            assert!(super::opens_result(verb[0].as_bytes()), "{verb:?}");
        }
        for word in [
            "beat", "beats", "defeated", "defeat", "defeats", "thrashed", "routed", "edged",
            "overcame", "crushed", "hammered", "drew", "draw", "lost", "lose", "loses",
        ] {
            assert!(super::is_result_opener(word.as_bytes()), "{word}");
            assert!(
                super::RESULT_VERBS.iter().any(|v| v[0] == word),
                "{word} opens no result verb"
            );
        }
    }

    thread_local! {
        /// Set by a test to make [`super::mark_teams`] try every rule at every mention.
        pub(super) static EVERY_RULE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[test]
    fn may_be_side_turns_away_only_mentions_no_rule_takes() {
        let texts = SIDES.iter().map(|(text, _)| *text).chain([
            "Leeds striker Sam Ward scored twice , after victory over Bath and Hull .",
            "Wigan lost to Leeds ; Derby were beaten by Stoke . Essex drew with Kent .",
            "Durham 281 and 97-4 , Essex 412 ( K. Marsh 104 ) ; Kent 200 for 3 .",
            "Burnley 4 - 2 . 0 / 2\nHull - 3 5 6\nLeeds v. Wigan , Derby vs Stoke .",
            "Chicago at Boston\nMay 3 versus Detroit , the Cleveland Indians beat visiting Boston .",
        ]);
        for text in texts {
            let fast = show(text);
            EVERY_RULE.set(true);
            let every = show(text);
            EVERY_RULE.set(false);
            assert_eq!(fast, every, "{text}");
        }
    }

    /// Texts and their mentions as name/kind.
    const SIDES: &[(&str, &str)] = &[
        // score lines
        (
            "Chicago 3 Atlanta 2",
            "Chicago/organization Atlanta/organization",
        ),
        // a standings row, but not the dateline above it
        (
            "BOSTON 2001-05-14\nBOSTON 70 61 .534 -",
            "BOSTON/place BOSTON/organization",
        ),
        // a fixture line, in capitals: the visitor, and where they play
        ("DALLAS AT DETROIT", "DALLAS/organization DETROIT/place"),
        (
            "Postponed : Crewe v Bolton",
            "Crewe/organization Bolton/organization",
        ),
        // results in prose; the club's other mentions follow, "in Leicester" does not
        (
            "Leicester beat Somerset by an innings.\nLeicester will play in Leicester.",
            "Leicester/organization Somerset/organization Leicester/organization Leicester/place",
        ),
        // table cells and scores are not part of a name; words name sides there
        (
            "Bristol City 5 2 1 2\nHull 2 Bristol City 1\nReading 1 Stoke 1",
            "Bristol City/organization Hull/organization Bristol City/organization Reading/organization Stoke/organization",
        ),
        ("ST LOUIS 66 68 .493 4", "ST LOUIS/organization"),
        // an innings; the ground stays a place
        (
            "At Hove : Sussex 363 and 144 .",
            "Hove/place Sussex/organization",
        ),
        // a fixture list
        ("May 20 v Durham", "Durham/organization"),
        // on a sports page every town that is not where something happens is a club
        (
            "Leeds 2 Leicester 1\nWigan will meet Chester next week in Chester .\nBristol : Kent 363 and 144 ( at Trent Bridge , Nottingham ) .",
            "Leeds/organization Leicester/organization Wigan/organization Chester/organization Chester/place Bristol/place Kent/organization Trent Bridge/place Nottingham/place",
        ),
        // two clubs by name make a sports page; a dateline's state stays a place
        (
            "HOUSTON , Texas 2001-05-14\nThe Toronto Hawks defeated the Cleveland Indians 6-2 .\nCleveland has lost four in a row .",
            "HOUSTON/place Texas/place Toronto Hawks/organization Cleveland Indians/organization Cleveland/organization",
        ),
        // the side beaten, a side's player
        (
            "Kent , who thrashed Sussex , meet Essex , winners over Surrey .",
            "Kent/organization Sussex/organization Essex/organization Surrey/organization",
        ),
        (
            "Yorkshire captain Tom Baker was out for 12 .",
            "Yorkshire/organization Tom Baker/person",
        ),
        // national sides stay their country
        ("Hungary beat Latvia 3-1 .", "Hungary/place Latvia/place"),
        // places in prose stay places
        (
            "He flew from Chicago to Atlanta on Monday.",
            "Chicago/place Atlanta/place",
        ),
    ];

    #[test]
    fn sides_named_after_places_are_clubs() {
        for (text, want) in SIDES {
            assert_eq!(show(text), *want, "{text}");
        }
    }

    #[test]
    fn scorecard_names_are_players() {
        assert_eq!(
            show("Lowe c Patel b Moreno 8"),
            "Lowe/person Patel/person Moreno/person"
        );
        assert_eq!(
            show("Did not bat : Dharmasena ."),
            "Dharmasena/organization"
        );
    }
}
