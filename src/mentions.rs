//! Mentions: the names of people, organizations and places in the text.
//!
//! Takes: the [`Layout`] and the lexicon. Gives: [`Mention`]s, each a byte span of a
//! name (titles kept off it), a provisional kind, the title or role words that stood
//! before it, and the evidence behind the kind. [`crate::resolve`] settles the kinds
//! document-wide and merges mentions into entities.
//!
//! Rules, in order (patterns of English news writing):
//! 1. *Capitalized runs.* A name is a run of capitalized words, with small numbers after
//!    a name ("CBS 2", "Channel 4"), name particles ("Charles de Gaulle"), and "of",
//!    "for", "and", "&" inside an institution's name ("Department for Education and
//!    Skills", "Bank of England") when the run already holds a designator word.
//! 2. *Sentence openers.* A capitalized function word, calendar word or common word at
//!    the start of a sentence or quote is not a name ("The", "Kindergarten"), unless the
//!    run is an institution name ("Daily Telegraph"); a lone common word there is kept
//!    only as a weak candidate that must match a name found elsewhere ("Brown said").
//! 3. *Titles.* Titles and roles inside a run split it: "CTU President Jesse Sharkey"
//!    is the organization "CTU", the role "President" and the person "Jesse Sharkey";
//!    "Mayor Lori Lightfoot" is a person with the title "Mayor".
//! 4. *Kinds*, first that applies: a known name from the lists; a title before it
//!    (person); a designator word (organization or place: "Union", "Avenue"); an acronym
//!    (organization); a given name first (person); a place from GeoNames; a two- to
//!    four-word name of uncommon words (person); a single uncommon word (organization,
//!    weak), or place after "in"/"at"/"from".
//! 5. *All-capital text* (headlines, datelines such as "CHICAGO (CBS) —"): only names in
//!    the lists are taken, ignoring case.
//!
//! Limits: no part-of-speech tagger; a capitalized common word in mid-sentence
//! ("Respect", a party) is found only when the lists or context name it.

use crate::document::Span;
use crate::kind::{Gender, Kind};
use crate::layout::{Layout, Words};
use crate::lexicon::{Lexicon, TitleClass, flag, lower_into};
use crate::tokens::{QuoteMark, TokenKind, shape};

/// Evidence bits behind a mention's kind.
pub mod evidence {
    /// A name from the lists.
    pub const LEXICON: u16 = 1;
    /// A title or role word stood before it.
    pub const TITLE: u16 = 1 << 1;
    /// An honorific ("Mr", "Ms") stood before it.
    pub const HONORIFIC: u16 = 1 << 2;
    /// It holds an organization or place designator word.
    pub const DESIGNATOR: u16 = 1 << 3;
    /// All-capital acronym.
    pub const ACRONYM: u16 = 1 << 4;
    /// Starts with a given name.
    pub const GIVEN: u16 = 1 << 5;
    /// A GeoNames place.
    pub const PLACE: u16 = 1 << 6;
    /// Several uncommon capitalized words.
    pub const NAME_SHAPE: u16 = 1 << 7;
    /// A lone uncommon capitalized word.
    pub const SINGLE: u16 = 1 << 8;
    /// A lone common word at the start of a sentence: kept only if it matches a name.
    pub const WEAK_OPENER: u16 = 1 << 9;
    /// Found in all-capital text.
    pub const CAPS: u16 = 1 << 10;
    /// Subject or object of a speech verb ("X said", "said X").
    pub const SPEAKER: u16 = 1 << 11;
    /// After "in", "at", "from", "near".
    pub const PLACE_PREP: u16 = 1 << 12;
    /// A surname from the census list.
    pub const SURNAME: u16 = 1 << 13;
    /// A lone capitalized common word in mid-sentence.
    pub const COMMON: u16 = 1 << 14;
}

/// One name in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name's bytes (no title, no possessive).
    pub span: Span,
    /// Token range of the name.
    pub tokens: (u32, u32),
    /// Provisional kind; `None` when only context can tell.
    pub kind: Option<Kind>,
    /// A known entity from the lists.
    pub known: Option<u32>,
    /// Title or role words before the name ("Mayor", "CTU President" → "President").
    pub title: Option<Span>,
    /// The title is an honorific (Mr, Ms, Dr).
    pub honorific: bool,
    /// Index (in the output list) of an organization or place that stood before the
    /// title inside the same run ("CTU" in "CTU President Jesse Sharkey").
    pub prefix: Option<usize>,
    /// Gender implied by a title or given name.
    pub gender: Gender,
    /// Sentence index.
    pub sentence: u32,
    /// [`evidence`] bits.
    pub evidence: u16,
}

impl Mention {
    /// True when the evidence bit is set.
    pub fn has(&self, bit: u16) -> bool {
        self.evidence & bit != 0
    }

    /// Number of tokens in the name.
    pub fn len(&self) -> usize {
        (self.tokens.1 - self.tokens.0) as usize
    }

    /// True for an empty name (never produced).
    pub fn is_empty(&self) -> bool {
        self.tokens.0 == self.tokens.1
    }
}

const PARTICLES: &[&str] = &[
    "de", "da", "di", "van", "von", "der", "den", "du", "del", "della", "dos", "das", "bin", "ibn",
    "al", "el", "la", "le", "ter", "ten", "y",
];
const CONNECTORS: &[&str] = &["of", "for", "and", "&", "on", "de"];
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "across",
    "throughout",
];

/// Finds mentions. Build once per thread; holds reusable buffers.
pub struct Recognizer<'l> {
    lex: &'l Lexicon,
    buf: String,
    key: String,
}

impl<'l> Recognizer<'l> {
    /// A recognizer over the lexicon.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Recognizer {
            lex: lexicon,
            buf: String::new(),
            key: String::new(),
        }
    }

    /// All mentions in the document, in text order.
    pub fn recognize(&mut self, text: &str, layout: &Layout) -> Vec<Mention> {
        let w = Words {
            text,
            layout,
            lexicon: self.lex,
        };
        let mut out = Vec::new();
        for (si, sent) in layout.sentences.iter().enumerate() {
            let (s, e) = (sent.tokens.start, sent.tokens.end);
            let caps = caps_zone(&w, s, e);
            let mut i = s;
            while i < e {
                let t = w.tok(i);
                if caps[i - s] {
                    if let Some((len, id)) = self.known_at(&w, i, e, true) {
                        self.push_known(&w, &mut out, i, i + len, id, si, evidence::CAPS);
                        i += len;
                    } else {
                        i += 1;
                    }
                    continue;
                }
                if t.kind != TokenKind::Word {
                    i += 1;
                    continue;
                }
                if !t.is(shape::CAP) {
                    // lower-case known names ("al-Qaeda", "eBay")
                    if t.word
                        .is_some_and(|id| self.lex.entry(id).has(flag::PHRASE_START))
                        && let Some((len, id)) = self.known_at(&w, i, e, false)
                    {
                        self.push_known(&w, &mut out, i, i + len, id, si, 0);
                        i += len;
                        continue;
                    }
                    i += 1;
                    continue;
                }
                // a known name may run past the capitals ("Channel 4")
                let known_end = self
                    .known_at(&w, i, e, false)
                    .map(|(len, _)| i + len)
                    .unwrap_or(i);
                let end = self.chunk_end(&w, i, e).max(known_end);
                self.chunk(&w, &mut out, i, end, s, si);
                i = end;
            }
        }
        out
    }

    /// The longest known entity starting at token `i` (not past `end`):
    /// (length in tokens, entity id). `any_case` ignores capitalization (all-caps text).
    fn known_at(
        &mut self,
        w: &Words,
        i: usize,
        end: usize,
        any_case: bool,
    ) -> Option<(usize, u32)> {
        let first = w.tok(i);
        if first.kind != TokenKind::Word && first.kind != TokenKind::Number {
            return None;
        }
        if !first
            .word
            .is_some_and(|id| self.lex.entry(id).has(flag::PHRASE_START))
        {
            return None;
        }
        let max = self.lex.max_phrase_words().min(end - i);
        // tokens joined by spaces, as phrase keys are
        let mut bounds = Vec::with_capacity(max);
        self.key.clear();
        for j in i..i + max {
            let t = w.tok(j);
            if j > i
                && (t.para != first.para
                    || !matches!(
                        t.kind,
                        TokenKind::Word
                            | TokenKind::Number
                            | TokenKind::Possessive
                            | TokenKind::Punct('&')
                            | TokenKind::Punct('.')
                    ))
            {
                break;
            }
            if j > i {
                self.key.push(' ');
            }
            let l = lower_into(w.text_of(j), &mut self.buf);
            self.key.push_str(l);
            bounds.push(self.key.len());
            if !self.lex.phrase_continues(&self.key) {
                break; // no longer phrase starts with these words
            }
        }
        for n in (1..=bounds.len()).rev() {
            let key = &self.key[..bounds[n - 1]];
            if let Some(p) = self.lex.phrase(key)
                && let Some(id) = p.entity
            {
                let last = w.tok(i + n - 1);
                if last.kind == TokenKind::Possessive {
                    continue;
                }
                if !any_case {
                    if p.entity_caps
                        && !first.is(shape::UPPER)
                        && w.text_of(i).chars().filter(|c| c.is_alphabetic()).count() > 1
                    {
                        continue;
                    }
                    // "us" is not "US", "labour" is not "Labour"
                    let ent = &self.lex.entities[id as usize];
                    let canon_cap = ent
                        .canonical
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase());
                    if canon_cap && !first.is(shape::CAP) && !p.entity_caps {
                        continue;
                    }
                    if p.entity_caps && !first.is(shape::CAP) {
                        continue;
                    }
                }
                return Some((n, id));
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn push_known(
        &self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        id: u32,
        si: usize,
        extra: u16,
    ) {
        let ent = &self.lex.entities[id as usize];
        out.push(Mention {
            span: w.tok(a).span.cover(w.tok(b - 1).span),
            tokens: (a as u32, b as u32),
            kind: Some(ent.kind),
            known: Some(id),
            title: None,
            honorific: false,
            prefix: None,
            gender: Gender::Unknown,
            sentence: si as u32,
            evidence: evidence::LEXICON | extra,
        });
    }

    /// The end (exclusive) of the capitalized run starting at `i`.
    fn chunk_end(&self, w: &Words, i: usize, e: usize) -> usize {
        let mut j = i + 1;
        let mut designator_any = self.is_any_designator(w, i);
        // "and" joins only inside an "X of/for Y" name ("Department for Education and Skills")
        let mut joined_prep = false;
        while j < e {
            let t = w.tok(j);
            let prev = w.tok(j - 1);
            if t.kind == TokenKind::Word && t.is(shape::CAP) {
                designator_any |= self.is_any_designator(w, j);
                j += 1;
                continue;
            }
            // "CBS 2", "Channel 4", "BBC Radio 1"
            if t.kind == TokenKind::Number
                && t.span.len() <= 2
                && w.text_of(j).bytes().all(|b| b.is_ascii_digit())
                && prev.kind == TokenKind::Word
                && !w.has(j - 1, flag::CALENDAR)
                && !w.has(j - 1, flag::ROLE)
                && (prev.is(shape::UPPER) || w.entry(j - 1).and_then(|e| e.org_word).is_some())
            {
                j += 1;
                continue;
            }
            // particles inside a person's name
            if t.kind == TokenKind::Word
                && t.is(shape::LOWER)
                && j + 1 < e
                && w.is_any(j, PARTICLES)
                && w.tok(j + 1).is(shape::CAP)
                && w.tok(j + 1).kind == TokenKind::Word
                && !designator_any
            {
                j += 2;
                continue;
            }
            // "of", "for", "and", "&" inside an institution's name
            if (t.kind == TokenKind::Word && w.is_any(j, CONNECTORS)) || t.is_punct('&') {
                let mut k = j + 1;
                if k < e && w.is_any(k, &["the"]) && !w.is_any(j, &["and", "&"]) {
                    k += 1;
                }
                let amp = t.is_punct('&') || w.text_of(j) == "&";
                let is_and = w.is_any(j, &["and"]);
                if k < e
                    && w.tok(k).kind == TokenKind::Word
                    && w.tok(k).is(shape::CAP)
                    && (designator_any || amp)
                    && !(is_and && (!joined_prep || self.is_name_list(w, k, e)))
                {
                    joined_prep |= !is_and && !amp;
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// True when a list of separate names continues at `k` ("X and Y, Z"): a comma or
    /// "and" follows the next capitalized run.
    fn is_name_list(&self, w: &Words, k: usize, e: usize) -> bool {
        let mut j = k;
        while j < e && w.tok(j).kind == TokenKind::Word && w.tok(j).is(shape::CAP) {
            j += 1;
        }
        j < e
            && (w.tok(j).is_punct(',') || w.is_any(j, &["and"]))
            && !self.is_any_designator(w, j.saturating_sub(1))
    }

    fn is_any_designator(&self, w: &Words, i: usize) -> bool {
        w.entry(i)
            .and_then(|e| e.org_word)
            .is_some_and(|o| !o.head_only)
    }

    fn designator(&self, w: &Words, i: usize) -> Option<Kind> {
        w.entry(i).and_then(|e| e.org_word).map(|o| o.kind)
    }

    /// True when token `i` opens a sentence or a quote (so its capital says nothing).
    fn is_opener(&self, w: &Words, i: usize, sent_start: usize) -> bool {
        if i <= sent_start {
            return true;
        }
        match w.tok(i - 1).kind {
            TokenKind::Quote(q) => q != QuoteMark::SingleClose && q != QuoteMark::DoubleClose,
            TokenKind::Dash
            | TokenKind::Punct(':')
            | TokenKind::Punct('(')
            | TokenKind::Punct('[')
            | TokenKind::Punct('…') => true,
            _ => false,
        }
    }

    /// Processes the capitalized run `[a, b)`.
    fn chunk(
        &mut self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        s: usize,
        si: usize,
    ) {
        let mut a = a;
        // a known name covering the whole run wins over everything else
        if let Some((len, id)) = self.known_at(w, a, b, false)
            && a + len == b
        {
            self.push_known(w, out, a, b, id, si, 0);
            return;
        }
        let opener = self.is_opener(w, a, s);
        let has_designator = (a..b).any(|i| self.designator(w, i).is_some());
        // strip sentence-opening function words, calendar words, common words
        while a < b {
            let e = w.entry(a);
            let function = e.is_some_and(|e| e.has(flag::FUNCTION));
            let calendar =
                e.is_some_and(|e| e.has(flag::CALENDAR)) && !self.is_given_not_common(w, a);
            let not_entity = e.is_some_and(|e| e.has(flag::NOT_ENTITY));
            let first_is_opener = a == 0 || opener || self.is_opener(w, a, s);
            let common = (e.is_some_and(|e| e.has(flag::COMMON)) || self.hyphen_common(w, a))
                && !self.is_given_not_common(w, a);
            let strip = function
                || not_entity
                || (calendar && (b - a == 1 || first_is_opener || !self.is_name_tail(w, a + 1, b)))
                || (first_is_opener
                    && common
                    && !has_designator
                    && b - a > 1
                    && !w.tok(a).is(shape::UPPER)
                    && !self.is_title_word(w, a)
                    && self.known_at(w, a, b, false).is_none());
            if !strip {
                break;
            }
            a += 1;
            if a < b && (w.has(a - 1, flag::FUNCTION) || w.tok(a - 1).is(shape::CAP)) {
                // a stripped word at the start leaves the next as a (mid-sentence) start
            }
        }
        // a trailing calendar word ("Blair Monday", "School on Wednesday") is not part
        // of the name, nor is a connector left dangling by it
        let mut b = b;
        loop {
            let calendar = w.has(b - 1, flag::CALENDAR) && !self.is_given_not_common(w, b - 1);
            if b > a && (calendar || w.is_lower(b - 1)) {
                b -= 1;
            } else {
                break;
            }
        }
        if a >= b {
            return;
        }
        let opener = self.is_opener(w, a, s) || a == s;
        if let Some((len, id)) = self.known_at(w, a, b, false)
            && a + len == b
        {
            self.push_known(w, out, a, b, id, si, 0);
            return;
        }

        // titles and roles split the run: [prefix] [title words] [name]
        if let Some((role_start, k)) = self.title_split(w, a, b) {
            let prefix = if role_start > a {
                let before = out.len();
                self.part(w, out, a, role_start, s, si, None, opener);
                (out.len() > before).then(|| out.len() - 1)
            } else {
                None
            };
            let title = Some((role_start, k + 1));
            self.part(w, out, k + 1, b, s, si, title, false);
            if let Some(last) = out.last_mut()
                && last.tokens.0 as usize == k + 1
            {
                last.prefix = prefix;
            }
            return;
        }
        self.part(w, out, a, b, s, si, None, opener);
    }

    /// "In-person", "Long-term": every part of a hyphenated word is a common word.
    fn hyphen_common(&self, w: &Words, i: usize) -> bool {
        let t = w.text_of(i);
        t.contains('-')
            && t.split('-').all(|p| {
                self.lex
                    .word(&p.to_lowercase())
                    .is_some_and(|e| e.has(flag::COMMON) || e.has(flag::FUNCTION))
            })
    }

    fn is_given_not_common(&self, w: &Words, i: usize) -> bool {
        w.entry(i)
            .is_some_and(|e| e.has(flag::GIVEN) && !e.has(flag::COMMON))
    }

    /// True when `[a, b)` still looks like (part of) a name: not only role words.
    fn is_name_tail(&self, w: &Words, a: usize, b: usize) -> bool {
        (a..b).any(|i| !w.has(i, flag::ROLE) && !w.has(i, flag::CALENDAR))
    }

    /// Is this token (or the phrase ending at it) a title or role word?
    fn is_title_word(&self, w: &Words, i: usize) -> bool {
        if let Some(e) = w.entry(i) {
            return e.title.is_some() || e.has(flag::ROLE);
        }
        // "Secretary-Treasurer", "Editor-in-Chief": a hyphenated title
        let t = w.text_of(i);
        t.contains('-')
            && t.split('-').any(|p| {
                self.lex
                    .word(&p.to_lowercase())
                    .is_some_and(|e| e.title.is_some() || e.has(flag::ROLE))
            })
            && t.split('-').all(|p| {
                self.lex.word(&p.to_lowercase()).is_some_and(|e| {
                    e.title.is_some()
                        || e.has(flag::ROLE)
                        || e.has(flag::ROLE_MOD)
                        || e.has(flag::FUNCTION)
                })
            })
    }

    /// Finds the last title/role token `k` in `[a, b)` with a name after it; returns
    /// (start of the run of role words ending at `k`, `k`).
    fn title_split(&mut self, w: &Words, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut k = b;
        while k > a {
            k -= 1;
            if !self.is_title_word(w, k) {
                continue;
            }
            let name = (k + 1, b);
            if name.0 >= b || name.1 - name.0 > 4 {
                continue;
            }
            // the words after must be a name: no designator, not starting with a title
            // (after an honorific a title word is a surname: "Ms King", "Mr Bishop")
            let honorific = w
                .entry(k)
                .and_then(|e| e.title)
                .is_some_and(|t| t.class == TitleClass::Honorific);
            if (name.0..name.1).any(|i| self.designator(w, i).is_some())
                || (self.is_title_word(w, name.0) && !honorific)
            {
                return None;
            }
            if w.tok(name.0).kind != TokenKind::Word {
                return None;
            }
            // a known organization after a title is not a person ("Chairman BBC"); a place
            // name after a title is a surname ("Mr Kennedy", "President Jackson")
            if let Some((len, id)) = self.known_at(w, name.0, name.1, false)
                && name.0 + len == name.1
                && self.lex.entities[id as usize].kind == Kind::Organization
            {
                return None;
            }
            let mut start = k;
            while start > a {
                let p = start - 1;
                let e = w.entry(p);
                let is_role = e.is_some_and(|e| {
                    e.title.is_some() || e.has(flag::ROLE) || e.has(flag::ROLE_MOD)
                });
                if is_role
                    && self
                        .designator(w, p)
                        .is_none_or(|_| w.has(p, flag::ROLE_MOD))
                {
                    start = p;
                } else {
                    break;
                }
            }
            return Some((start, k));
        }
        None
    }

    /// Classifies and records the name `[a, b)`. `title` is the token range of title
    /// words that stood before it in the same run.
    #[allow(clippy::too_many_arguments)]
    fn part(
        &mut self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        s: usize,
        si: usize,
        title: Option<(usize, usize)>,
        opener: bool,
    ) {
        if a >= b {
            return;
        }
        if let Some((len, id)) = self.known_at(w, a, b, false)
            && a + len == b
        {
            self.push_known(w, out, a, b, id, si, 0);
            return;
        }
        let n = b - a;
        // "the Glasgow Kelvin MP", "Tory Leader": a run ending in a role describes a person,
        // it does not name one
        if n >= 2
            && title.is_none()
            && w.entry(b - 1).is_some_and(|e| e.has(flag::ROLE))
            && self.designator(w, b - 1).is_none()
        {
            return;
        }
        // "St Dunstan", "St. Louis": Saint names places (and churches, saints)
        if n >= 2 && w.is_any(a, &["st", "st.", "saint", "ste", "ste."]) {
            self.push(w, out, a, b, si, Some(Kind::Place), evidence::DESIGNATOR);
            return;
        }
        // "Stepney Green ward", "Tower Hamlets borough": a lower-case designator after
        // the name gives its kind
        if b < w.layout.tokens.len()
            && w.is_lower(b)
            && let Some(o) = w.entry(b).and_then(|e| e.org_word)
            && !w.has(a, flag::GIVEN)
            && !w.has(a, flag::DEMONYM)
            && (n >= 2 || !w.has(a, flag::COMMON))
        {
            self.push(w, out, a, b, si, Some(o.kind), evidence::DESIGNATOR);
            return;
        }
        let span = w.tok(a).span.cover(w.tok(b - 1).span);
        let mut ev = 0u16;
        let mut gender = Gender::Unknown;
        let mut honorific = false;
        let mut title_span = None;

        // title words: from the run, or a lower-case role just before it
        let title_range = title.or_else(|| self.role_before(w, a, s));
        if let Some((ta, tb)) = title_range {
            ev |= evidence::TITLE;
            title_span = Some(w.tok(ta).span.cover(w.tok(tb - 1).span));
            for i in ta..tb {
                if let Some(t) = w.entry(i).and_then(|e| e.title) {
                    if t.class == TitleClass::Honorific {
                        honorific = true;
                        ev |= evidence::HONORIFIC;
                    }
                    if t.gender != Gender::Unknown {
                        gender = t.gender;
                    }
                }
            }
        }
        let first = w.entry(a);
        if first.is_some_and(|e| e.has(flag::GIVEN)) {
            if gender == Gender::Unknown && n >= 2 {
                gender = first.map(|e| e.gender).unwrap_or_default();
            }
            if n >= 2 {
                ev |= evidence::GIVEN;
            }
        }
        // designators: the last word's, else any "any"-position one
        let head = self.designator(w, b - 1);
        let any = (a..b).find_map(|i| {
            w.entry(i)
                .and_then(|e| e.org_word)
                .filter(|o| !o.head_only)
                .map(|o| o.kind)
        });
        let designator = head.or(any).filter(|_| n >= 2 || w.tok(a).is(shape::UPPER));
        if designator.is_some() {
            ev |= evidence::DESIGNATOR;
        }
        // "CBS 2", "Channel 4": a known name or acronym with a channel number
        let numbered = n >= 2 && w.tok(b - 1).kind == TokenKind::Number;
        let numbered_kind = if numbered {
            match self.known_at(w, a, b - 1, false) {
                Some((len, id)) if a + len == b - 1 => Some(self.lex.entities[id as usize].kind),
                _ if n == 2 && w.tok(a).is(shape::UPPER) => Some(Kind::Organization),
                _ => None,
            }
        } else {
            None
        };
        let all_upper = n == 1 && w.tok(a).is(shape::UPPER);
        let letters = w.text_of(a).chars().filter(|c| c.is_alphabetic()).count();
        if self.is_speaker_context(w, a, b) {
            ev |= evidence::SPEAKER;
        }
        if a > s && w.is_any(a - 1, PLACE_PREPS) {
            ev |= evidence::PLACE_PREP;
        }
        let place = self.place_at(w, a, b);
        if place {
            ev |= evidence::PLACE;
        }
        let every_common =
            (a..b).all(|i| w.has(i, flag::COMMON) && !self.is_given_not_common(w, i));
        let demonym_or_calendar = (a..b).all(|i| {
            w.has(i, flag::DEMONYM) || w.has(i, flag::CALENDAR) || w.has(i, flag::FUNCTION)
        });
        let surname_last = w.has(b - 1, flag::SURNAME);
        if surname_last {
            ev |= evidence::SURNAME;
        }

        // "HIV/Aids", "and/or": a slash compound of common words or non-entity acronyms
        let slash_common = n == 1
            && w.text_of(a).contains('/')
            && w.text_of(a).split('/').any(|p| {
                self.lex
                    .word(&p.to_lowercase())
                    .is_some_and(|e| e.has(flag::NOT_ENTITY_ACRONYM) || e.has(flag::COMMON))
            });
        // "I'd", "We're": a pronoun with a contraction; "COVID-19": a non-entity acronym
        // with a suffix
        let first_text = w.text_of(a);
        let contraction = n == 1
            && first_text
                .split(['\'', '\u{2019}'])
                .next()
                .is_some_and(|p| {
                    p.len() < first_text.len()
                        && self
                            .lex
                            .word(&p.to_lowercase())
                            .is_some_and(|e| e.has(flag::FUNCTION))
                });
        let acronym_suffix = n == 1
            && first_text.contains('-')
            && first_text.split('-').next().is_some_and(|p| {
                self.lex
                    .word(&p.to_lowercase())
                    .is_some_and(|e| e.has(flag::NOT_ENTITY_ACRONYM))
            });
        let kind: Option<Kind> = if demonym_or_calendar
            || slash_common
            || contraction
            || acronym_suffix
            || (n == 1 && w.has(a, flag::NOT_ENTITY_ACRONYM))
        {
            return;
        } else if ev & evidence::HONORIFIC != 0 && designator.is_none() {
            Some(Kind::Person)
        } else if let Some(k) = designator.or(numbered_kind) {
            Some(k)
        } else if ev & evidence::TITLE != 0 && !(n == 1 && all_upper) && !place {
            Some(Kind::Person)
        } else if all_upper && (2..=6).contains(&letters) && !place {
            ev |= evidence::ACRONYM;
            Some(Kind::Organization)
        } else if n >= 2 && ev & evidence::GIVEN != 0 {
            Some(Kind::Person)
        } else if place && ev & evidence::TITLE == 0 {
            Some(Kind::Place)
        } else if (2..=4).contains(&n)
            && !every_common
            && !w.has(a, flag::DEMONYM)
            && (surname_last || !w.has(a, flag::COMMON))
        {
            ev |= evidence::NAME_SHAPE;
            Some(Kind::Person)
        } else if n == 1 && !w.has(a, flag::COMMON) && !self.hyphen_common(w, a) {
            ev |= evidence::SINGLE;
            if ev & evidence::PLACE_PREP != 0 {
                Some(Kind::Place)
            } else if surname_last || w.has(a, flag::GIVEN) {
                Some(Kind::Person)
            } else {
                Some(Kind::Organization)
            }
        } else if n == 1
            && (w.has(a, flag::GIVEN)
                || w.entry(a)
                    .is_some_and(|e| e.surname_rank > 0 && e.surname_rank <= 12_000))
            && (!opener || self.acts_as_subject(w, b))
            && !(b + 1 < w.layout.tokens.len() && w.is_any(b, &["of", "for"]))
        {
            // "Trump", "Brown", "Love": a common word that is also a name, capitalized in
            // mid-sentence, or opening one before a verb of saying or taking sides ("Trump
            // has accused Rubio")
            ev |= evidence::SINGLE;
            Some(Kind::Person)
        } else if opener {
            ev |= evidence::WEAK_OPENER;
            None
        } else {
            ev |= evidence::COMMON;
            None
        };
        out.push(Mention {
            span,
            tokens: (a as u32, b as u32),
            kind,
            known: None,
            title: title_span,
            honorific,
            prefix: None,
            gender,
            sentence: si as u32,
            evidence: ev,
        });
    }

    /// Records a plain mention of `[a, b)`.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        si: usize,
        kind: Option<Kind>,
        ev: u16,
    ) {
        out.push(Mention {
            span: w.tok(a).span.cover(w.tok(b - 1).span),
            tokens: (a as u32, b as u32),
            kind,
            known: None,
            title: None,
            honorific: false,
            prefix: None,
            gender: Gender::Unknown,
            sentence: si as u32,
            evidence: ev,
        });
    }

    /// True when a verb of saying or of taking sides follows token `b` (after auxiliaries
    /// and adverbs): what a named subject does ("Trump has accused", "Winner also wrote").
    fn acts_as_subject(&self, w: &Words, b: usize) -> bool {
        let n = w.layout.tokens.len();
        let mut i = b;
        while i < n && i - b < 4 {
            let t = w.tok(i);
            if t.kind != TokenKind::Word || !t.is(shape::LOWER) {
                return false;
            }
            if w.has(i, flag::SPEECH) || w.entry(i).is_some_and(|e| !e.stance_cues.is_empty()) {
                return true;
            }
            let aux = w.is_any(
                i,
                &[
                    "has", "have", "had", "is", "was", "will", "would", "also", "has", "again",
                    "then", "did", "does", "quickly", "often",
                ],
            ) || w.text_of(i).ends_with("ly");
            if !aux {
                return false;
            }
            i += 1;
        }
        false
    }

    /// Lower-case role words right before `a` ("producer Andi Peters", "chief executive
    /// Steven Theede"), as a token range.
    fn role_before(&self, w: &Words, a: usize, s: usize) -> Option<(usize, usize)> {
        if a == s {
            return None;
        }
        let mut start = a;
        while start > s {
            let p = start - 1;
            let t = w.tok(p);
            if t.kind != TokenKind::Word || !t.is(shape::LOWER) {
                break;
            }
            let e = w.entry(p);
            let role = e.is_some_and(|e| e.has(flag::ROLE) || e.title.is_some());
            let modifier = e.is_some_and(|e| e.has(flag::ROLE_MOD));
            if role || (modifier && start < a) {
                start = p;
            } else {
                break;
            }
        }
        // the last word before the name must be the role noun itself
        (start < a
            && w.entry(a - 1)
                .is_some_and(|e| e.has(flag::ROLE) || e.title.is_some()))
        .then_some((start, a))
    }

    /// True when a speech verb follows ("X said") or precedes ("said X") the name.
    fn is_speaker_context(&self, w: &Words, a: usize, b: usize) -> bool {
        let n = w.layout.tokens.len();
        let after = (b..(b + 3).min(n)).find(|&i| w.tok(i).kind == TokenKind::Word);
        let after_speech = after.is_some_and(|i| w.has(i, flag::SPEECH) && w.is_lower(i));
        let before_speech = a > 0
            && w.tok(a - 1).kind == TokenKind::Word
            && w.has(a - 1, flag::SPEECH)
            && w.is_lower(a - 1);
        after_speech || before_speech
    }

    fn place_at(&mut self, w: &Words, a: usize, b: usize) -> bool {
        if let Some((len, id)) = self.known_at(w, a, b, false) {
            return a + len == b && self.lex.entities[id as usize].kind == Kind::Place;
        }
        false
    }
}

/// Marks tokens of all-capital stretches (headlines, datelines) in sentence `[s, e)`.
fn caps_zone(w: &Words, s: usize, e: usize) -> Vec<bool> {
    let mut zone = vec![false; e - s];
    let is_upper_word = |i: usize| {
        let t = w.tok(i);
        t.kind == TokenKind::Word && (t.is(shape::UPPER) || (t.span.len() == 1 && t.is(shape::CAP)))
    };
    let words = (s..e).filter(|&i| w.tok(i).kind == TokenKind::Word).count();
    let upper = (s..e)
        .filter(|&i| w.tok(i).kind == TokenKind::Word && w.tok(i).is(shape::UPPER))
        .count();
    let lower = (s..e)
        .filter(|&i| w.tok(i).kind == TokenKind::Word && w.tok(i).is(shape::LOWER))
        .count();
    if words >= 3 && upper * 10 >= words * 7 && lower * 4 <= words {
        zone.iter_mut().for_each(|z| *z = true);
        return zone;
    }
    // dateline: capitals at the start of a paragraph, then "(", ",", a dash, a number
    let para_start = s == 0 || w.tok(s - 1).para != w.tok(s).para;
    if para_start {
        let mut j = s;
        while j < e && is_upper_word(j) {
            j += 1;
        }
        let ends_dateline = j == e
            || matches!(
                w.tok(j).kind,
                TokenKind::Punct('(') | TokenKind::Punct(',') | TokenKind::Dash | TokenKind::Number
            )
            || w.tok(j).is_punct('-');
        if j > s && ends_dateline && (j - s >= 2 || w.text_of(s).chars().count() > 3) {
            for z in &mut zone[..j - s] {
                *z = true;
            }
        }
    }
    zone
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, Option<Kind>)> {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        Recognizer::new(lex)
            .recognize(text, &layout)
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.kind))
            .collect()
    }

    fn show(text: &str) -> String {
        find(text)
            .into_iter()
            .filter(|(_, k)| k.is_some())
            .map(|(s, k)| format!("{s}/{}", k.map(|k| k.as_str()).unwrap_or("?")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn table() {
        // text, mentions as name/kind
        let cases = [
            (
                "said CTU President Jesse Sharkey.",
                "CTU/organization Jesse Sharkey/person",
            ),
            ("and Mayor Lori Lightfoot are", "Lori Lightfoot/person"),
            (
                "said Ald. Michael Rodriguez (22nd), one",
                "Michael Rodriguez/person",
            ),
            (
                "The Chicago Teachers Union is in talks.",
                "Chicago Teachers Union/organization",
            ),
            ("Kindergarten through 8th grade students", ""),
            (
                "As CBS 2 Political Investigator Dana Kozlov reported",
                "CBS 2/organization Dana Kozlov/person",
            ),
            (
                "the Department for Education and Skills are",
                "Department for Education and Skills/organization",
            ),
            (
                "the Netherlands, Portugal and the Czech Republic, which",
                "Netherlands/place Portugal/place Czech Republic/place",
            ),
            (
                "Texas Judge Letitia Clark said",
                "Texas/place Letitia Clark/person",
            ),
            ("Mr Justice Eady said", "Eady/person"),
            (
                "Lib Dem leader Charles Kennedy has said",
                "Lib Dem/organization Charles Kennedy/person",
            ),
            (
                "a teacher at Roberto Clemente Community Academy at 1147 N. Western Ave.",
                "Roberto Clemente Community Academy/organization N. Western Ave./place",
            ),
            (
                "CHICAGO (CBS) — A rapid rise",
                "CHICAGO/place CBS/organization",
            ),
            (
                "LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
                "",
            ),
            ("Monday, April 19.", ""),
            (
                "BBC Two controller Roly Keating",
                "BBC Two/organization Roly Keating/person",
            ),
            (
                "But a CPS spokesperson called the CTU’s information inaccurate",
                "CPS/organization CTU/organization",
            ),
            (
                "the European Court of Human Rights - were",
                "European Court of Human Rights/organization",
            ),
            (
                "Labour MP Oona King",
                "Labour/organization Oona King/person",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), want, "{text}");
        }
    }

    #[test]
    fn weak_openers_are_marked() {
        let lex = Lexicon::shared();
        let text = "Brown said it would happen.";
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        assert_eq!(ms.len(), 1);
        assert!(ms[0].has(evidence::WEAK_OPENER) || ms[0].kind.is_some());
    }

    #[test]
    fn title_and_prefix_are_linked() {
        let lex = Lexicon::shared();
        let text = "said CTU President Jesse Sharkey.";
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        assert_eq!(ms[1].prefix, Some(0));
        assert_eq!(ms[1].title.unwrap().text(text), "President");
    }
}
