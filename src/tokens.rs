//! Tokens: words, numbers, punctuation, quote marks and dashes, as byte spans.
//!
//! Takes: the text and the paragraphs that survived cleaning. Gives: [`Token`]s in text
//! order, each with its byte [`Span`], a [`TokenKind`], shape flags and the lexicon entry
//! of its lower-case form (one lookup per word, reused by every later stage).
//!
//! Rules (patterns of English news text):
//! - Abbreviations keep their period when the lexicon lists them ("Ald.", "Sen.") or
//!   when they are initials ("N.", "U.S.", "a.m.").
//! - A possessive "'s" / "’s" is its own token; so is the apostrophe of a plural
//!   possessive ("analysts'"). Contractions stay whole ("don't", "we're", "O'Brien").
//! - Hyphenated words stay whole ("COVID-19", "all-remote"); a hyphen between spaces is a
//!   dash, like "—", "–" and "--".
//! - Numbers keep their separators and currency ("$27.5bn", "1,000").
//! - Quote marks are classified as opening, closing, or straight (decided later, by
//!   context, in [`crate::quotes`]).
//!
//! Limits: no tokenization of scripts without spaces (Chinese, Japanese, Thai).

use std::ops::Range;

use crate::document::Span;
use crate::lexicon::{self, AbbrevClass, Lexicon, WordId};

/// A quote mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// “
    DoubleOpen,
    /// ”
    DoubleClose,
    /// "
    DoubleStraight,
    /// ‘
    SingleOpen,
    /// ’ or ' used as a closing single quote
    SingleClose,
    /// ' before a word
    SingleStraight,
    /// « or »
    Guillemet,
}

impl QuoteMark {
    /// True for double quote marks (and guillemets).
    pub fn is_double(self) -> bool {
        matches!(
            self,
            QuoteMark::DoubleOpen
                | QuoteMark::DoubleClose
                | QuoteMark::DoubleStraight
                | QuoteMark::Guillemet
        )
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with internal hyphens, apostrophes, periods of initials).
    Word,
    /// Starts with a digit or currency sign.
    Number,
    /// A possessive "'s" or a lone possessive apostrophe.
    Possessive,
    /// A quote mark.
    Quote(QuoteMark),
    /// Em dash, en dash, "--" or a spaced hyphen.
    Dash,
    /// Any other punctuation character ("…" for an ellipsis).
    Punct(char),
}

/// Shape bits of a token.
pub mod shape {
    /// First character is an upper-case letter.
    pub const CAP: u8 = 1;
    /// All letters are upper case and there are at least two.
    pub const UPPER: u8 = 1 << 1;
    /// All letters are lower case.
    pub const LOWER: u8 = 1 << 2;
    /// Contains a digit.
    pub const DIGIT: u8 = 1 << 3;
    /// Ends with a period kept as part of an abbreviation or initial.
    pub const ABBREV: u8 = 1 << 4;
    /// Whitespace (or paragraph start) precedes the token.
    pub const SPACE_BEFORE: u8 = 1 << 5;
    /// Whitespace (or paragraph end) follows the token.
    pub const SPACE_AFTER: u8 = 1 << 6;
    /// The abbreviation is a title-like one that never ends a sentence.
    pub const TITLE_ABBREV: u8 = 1 << 7;
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// [`shape`] bits.
    pub shape: u8,
    /// Lexicon entry of the lower-case form (without an abbreviation's period).
    pub word: Option<WordId>,
    /// The [`lexicon::fact`] bits of `word` (0 without one): what the stages ask of
    /// nearly every token, read here without a look at the word's entry.
    pub facts: u8,
    /// Index of the paragraph the token is in.
    pub para: u32,
}

// the facts lie in what was padding: every stage reads the tokens, whose size matters
// (two to a cache line)
const _: () = assert!(std::mem::size_of::<Token>() == 32);

impl Token {
    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }

    /// True when the shape bit is set.
    pub fn is(self, bit: u8) -> bool {
        self.shape & bit != 0
    }

    /// True when the word has one of the [`lexicon::fact`] bits `f`.
    #[inline]
    pub fn has(self, f: u8) -> bool {
        self.facts & f != 0
    }

    /// True for a word or number.
    pub fn is_wordlike(self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// True for this punctuation character.
    pub fn is_punct(self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// The quote mark, if the token is one.
    pub fn quote(self) -> Option<QuoteMark> {
        match self.kind {
            TokenKind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥')
}

/// Splits text into tokens. Holds a reusable lower-case buffer.
pub struct Tokenizer<'l> {
    lexicon: Option<&'l Lexicon>,
    buf: String,
}

impl<'l> Tokenizer<'l> {
    /// A tokenizer that looks words up in `lexicon`.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Tokenizer {
            lexicon: Some(lexicon),
            buf: String::new(),
        }
    }

    /// A tokenizer without a lexicon (used to make lexicon keys).
    pub fn bare() -> Tokenizer<'static> {
        Tokenizer {
            lexicon: None,
            buf: String::new(),
        }
    }

    /// Tokenizes `text[span]` as paragraph `para`, appending to `out`.
    pub fn tokenize_into(&mut self, text: &str, span: Span, para: u32, out: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        let end = span.end as usize;
        let mut i = span.start as usize;
        let first_new = out.len();
        let mut space_before = true;
        // an opening single quote is pending in this paragraph: a trailing apostrophe
        // after "s" closes it instead of being a plural possessive
        let mut single_open = false;

        // the paragraph's bytes: one test a token both ends the loop and checks the
        // index (bytes after it are still read where a rule looks past its end)
        let para_bytes = &bytes[..end];
        while let Some(&b) = para_bytes.get(i) {
            let start = i;
            if b == b' ' {
                // most bytes between tokens (the space after a word is skipped with it):
                // the next token gets SPACE_BEFORE
                space_before = true;
                i += 1;
                continue;
            }
            // most tokens: a word or number starting with an ASCII letter or digit (told
            // apart by that byte without decoding a character), read as one run of them
            let mut run = None;
            let first = RUN_CLASS[b as usize] & class::ALNUM;
            if first != 0 {
                let kind = if first == class::DIGIT {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                let (j, c, next) = WordCounts::of_run(bytes, i, end);
                // nearly all of them: the run is the word, and no period after it could
                // be an abbreviation's; made here in one go, without the general path's
                // cases. The byte after the run tells (see `run_end`).
                if next & run_end::ENDS != 0
                    || (next == run_end::JOINS && joins_nothing(&bytes[..end], j))
                {
                    // white space after the run is skipped here too
                    let space_after = next == run_end::SPACE;
                    let after = if space_after { shape::SPACE_AFTER } else { 0 };
                    let (word, facts) = match self.lexicon {
                        Some(l) => l.ascii_word_facts_in(bytes, i, j),
                        None => (None, 0),
                    };
                    out.push(Token {
                        span: Span::new(i, j),
                        kind,
                        shape: c.ascii_shape(first, space_before) | after,
                        word,
                        facts,
                        para,
                    });
                    space_before = space_after;
                    i = j + usize::from(space_after);
                    continue;
                }
                run = Some((kind, j, c, ends_run_word(&bytes[..end], j)));
            }
            // the case counts of a word read in one pass, when that pass read all of it
            let mut counts = None;
            let (kind, stop) = if let Some((kind, j, c, whole)) = run {
                if whole {
                    counts = Some(c);
                    (kind, j)
                } else {
                    (kind, self.scan_word(text, i, end))
                }
            } else if b.is_ascii()
                && !matches!(b, b'\'' | b'-' | b'$')
                && !(b == b'.' && para_bytes[i..].starts_with(b"..."))
            {
                if (b as char).is_whitespace() {
                    space_before = true;
                    i += 1;
                    continue;
                }
                // other ASCII punctuation (a period but an ellipsis's, a straight double
                // quote): a token of its own, as the rules below make it
                let kind = if b == b'"' {
                    TokenKind::Quote(QuoteMark::DoubleStraight)
                } else {
                    TokenKind::Punct(b as char)
                };
                (kind, i + 1)
            } else {
                let c = next_char(text, i);
                let clen = c.len_utf8();
                if c.is_whitespace() {
                    space_before = true;
                    i += clen;
                    continue;
                }
                if c.is_alphanumeric()
                    || (is_currency(c) && i + clen < end && bytes[i + clen].is_ascii_digit())
                {
                    let stop = self.scan_word(text, i, end);
                    let first = next_char(text, i);
                    let kind = if first.is_ascii_digit() || is_currency(first) {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    };
                    (kind, stop)
                } else if is_apostrophe(c) {
                    let prev_word = out.len() > first_new && !space_before;
                    let next = if i + clen < end {
                        Some(next_char(text, i + clen))
                    } else {
                        None
                    };
                    let after_next = next.and_then(|n| {
                        let j = i + clen + n.len_utf8();
                        if j < end {
                            Some(next_char(text, j))
                        } else {
                            None
                        }
                    });
                    if prev_word
                        && matches!(next, Some('s') | Some('S'))
                        && !after_next.is_some_and(|a| a.is_alphanumeric())
                    {
                        (TokenKind::Possessive, i + clen + 1)
                    } else if prev_word
                        && !single_open
                        && out
                            .last()
                            .is_some_and(|t| t.text(text).ends_with(['s', 'S']))
                        && !next.is_some_and(|n| n.is_alphanumeric())
                    {
                        (TokenKind::Possessive, i + clen)
                    } else if c == '\'' {
                        if space_before && next.is_some_and(|n| n.is_alphanumeric()) {
                            single_open = true;
                            (TokenKind::Quote(QuoteMark::SingleStraight), i + clen)
                        } else {
                            single_open = false;
                            (TokenKind::Quote(QuoteMark::SingleClose), i + clen)
                        }
                    } else {
                        single_open = false;
                        (TokenKind::Quote(QuoteMark::SingleClose), i + clen)
                    }
                } else {
                    match c {
                        '\u{201C}' | '\u{201E}' | '\u{201F}' => {
                            (TokenKind::Quote(QuoteMark::DoubleOpen), i + clen)
                        }
                        '\u{201D}' => (TokenKind::Quote(QuoteMark::DoubleClose), i + clen),
                        '\u{2018}' | '\u{201B}' => {
                            single_open = true;
                            (TokenKind::Quote(QuoteMark::SingleOpen), i + clen)
                        }
                        '\u{00AB}' | '\u{00BB}' => {
                            (TokenKind::Quote(QuoteMark::Guillemet), i + clen)
                        }
                        '\u{2014}' | '\u{2013}' | '\u{2015}' => (TokenKind::Dash, i + clen),
                        '-' if i + 1 < end && bytes[i + 1] == b'-' => {
                            let mut j = i;
                            while j < end && bytes[j] == b'-' {
                                j += 1;
                            }
                            (TokenKind::Dash, j)
                        }
                        '-' if space_before
                            && (i + 1 >= end || bytes[i + 1].is_ascii_whitespace()) =>
                        {
                            (TokenKind::Dash, i + 1)
                        }
                        // bytes, not `str`: no character boundary checks
                        '.' if bytes[i..end].starts_with(b"...") => {
                            let mut j = i;
                            while j < end && bytes[j] == b'.' {
                                j += 1;
                            }
                            (TokenKind::Punct('…'), j)
                        }
                        _ => (TokenKind::Punct(c), i + clen),
                    }
                }
            };
            let mut tok = Token {
                span: Span::new(start, stop),
                kind,
                shape: if space_before { shape::SPACE_BEFORE } else { 0 },
                word: None,
                facts: 0,
                para,
            };
            if matches!(kind, TokenKind::Word | TokenKind::Number) {
                // may take in an abbreviation's period
                self.finish_word(text, &mut tok, counts);
            }
            i = tok.span.end as usize;
            if space_follows(text, i, end) {
                tok.shape |= shape::SPACE_AFTER;
            }
            out.push(tok);
            space_before = false;
        }
    }

    /// Scans a word or number starting at `i`; returns its end.
    fn scan_word(&self, text: &str, i: usize, end: usize) -> usize {
        let bytes = text.as_bytes();
        let mut j = i;
        let first = next_char(text, i);
        if is_currency(first) {
            j += first.len_utf8();
        }
        let numeric = first.is_ascii_digit() || is_currency(first);
        let mut seg_len = 0usize; // letters in the current period-separated segment
        let mut periods = 0usize;
        loop {
            // consume alphanumerics (ASCII ones a byte at a time)
            let run = bytes[j..end]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            j += run;
            seg_len += run;
            // most words end at an ASCII byte that no rule below reads on through (a
            // space, a comma after letters, a bracket): end the word there at once
            if let Some(&b) = bytes.get(j)
                && j < end
                && b.is_ascii()
                && !matches!(b, b'-' | b'/' | b'.' | b'\'' | b'&' | b',')
            {
                break;
            }
            while j < end {
                let c = next_char(text, j);
                if c.is_alphanumeric() || c == '\u{00AD}' {
                    j += c.len_utf8();
                    seg_len += 1;
                } else {
                    break;
                }
            }
            if j >= end {
                break;
            }
            let c = next_char(text, j);
            let after = j + c.len_utf8();
            let next = if after < end {
                Some(next_char(text, after))
            } else {
                None
            };
            let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
            if (is_hyphen(c) || c == '/') && next_alnum {
                j = after;
                seg_len = 0;
            } else if c == '.'
                && seg_len == 1
                && next.is_some_and(|n| n.is_alphabetic())
                && !numeric
            {
                // U.S., a.m., e.g.
                j = after;
                seg_len = 0;
                periods += 1;
            } else if c == '.' && periods > 0 && seg_len == 1 {
                // the final period of U.S.
                j = after;
                break;
            } else if is_apostrophe(c) && next_alnum {
                // possessive 's splits off; contractions and O'Brien stay whole
                let is_s = matches!(next, Some('s') | Some('S'));
                let s_ends =
                    is_s && (after + 1 >= end || !next_char(text, after + 1).is_alphanumeric());
                if s_ends {
                    break;
                }
                j = after;
                seg_len = 0;
            } else if c == '&'
                && next_alnum
                && seg_len <= 3
                && j > i
                && bytes[j - 1].is_ascii_uppercase()
            {
                // AT&T, P&G
                j = after;
                seg_len = 0;
            } else if (c == ',' || c == '.') && numeric && next.is_some_and(|n| n.is_ascii_digit())
            {
                j = after;
            } else {
                break;
            }
        }
        j
    }

    /// Sets shape bits, keeps an abbreviation's period, and looks the word up.
    /// `counts`: the word's, when the caller's scan made them.
    fn finish_word(&mut self, text: &str, tok: &mut Token, counts: Option<WordCounts>) {
        let (start, end) = (tok.span.start as usize, tok.span.end as usize);
        // bytes, not `str`, where a word is read byte by byte: no character boundary
        // checks (a token's span lies on boundaries)
        let b = tok.span.bytes(text);
        let WordCounts { upper, seen } = counts.unwrap_or_else(|| WordCounts::of(b));
        // nearly every word of English news is ASCII: its bytes were classed above, and
        // it is lowered as it is looked up (see `Tokenizer::id`)
        let ascii = seen & class::HIGH == 0;
        let (upper, lower, first_upper) = if ascii {
            (
                upper,
                seen & class::LOWER != 0,
                b.first().is_some_and(|c| c.is_ascii_uppercase()),
            )
        } else {
            let s = &text[start..end];
            let mut upper = 0usize;
            let mut lower = false;
            for c in s.chars() {
                if c.is_uppercase() {
                    upper += 1;
                } else if c.is_lowercase() {
                    lower = true;
                }
            }
            let first = s.chars().next().is_some_and(|c| c.is_uppercase());
            (upper, lower, first)
        };
        tok.shape |= case_shape(upper, lower, first_upper, seen & class::DIGIT != 0);
        // a word of one ASCII run has no period
        let run = counts.is_some();
        let ends_with_period = !run && b.last() == Some(&b'.');
        if ends_with_period {
            tok.shape |= shape::ABBREV;
        }
        let lex = self.lexicon;
        let followed_by_period = text.as_bytes().get(end) == Some(&b'.');
        if followed_by_period && tok.kind == TokenKind::Word && !ends_with_period {
            // "Ald." "Sen." "N." — keep the period when the word is a known abbreviation
            // or a single capital initial
            // (an ASCII word's bytes are its characters)
            let one_char = if ascii {
                end - start == 1
            } else {
                text[start..end].chars().count() == 1
            };
            let single_initial = one_char && tok.is(shape::CAP);
            let class = lex.and_then(|l| {
                self.id(l, text, start..end + 1, ascii)
                    .0
                    .and_then(|id| l.entry(id).abbreviation)
            });
            if class.is_some() || single_initial {
                tok.span.end += 1;
                tok.shape |= shape::ABBREV;
                if class == Some(AbbrevClass::Title) {
                    tok.shape |= shape::TITLE_ABBREV;
                }
            }
        }
        let Some(lex) = lex else {
            return;
        };
        if run {
            (tok.word, tok.facts) = self.id(lex, text, start..end, ascii);
            return;
        }
        // the key without an abbreviation's period(s)
        let dots = b.iter().rev().take_while(|&&b| b == b'.').count();
        let key = start..end - dots;
        let dotted = b[..b.len() - dots].contains(&b'.');
        let mut word = self.id(lex, text, key, ascii);
        if word.0.is_none() && dotted {
            // "U.S." is listed as "u.s." in places; try the dotted form too
            word = self.id(
                lex,
                text,
                tok.span.start as usize..tok.span.end as usize,
                ascii,
            );
        }
        (tok.word, tok.facts) = word;
    }

    /// The lexicon id of `text[word]` lower-cased, with its [`lexicon::fact`] bits (0
    /// without a word). Asked for every word: an ASCII one is lowered as it is looked
    /// up, inline (a call cost twice the lookup of a short word), any other in the
    /// buffer.
    #[inline(always)]
    fn id(
        &mut self,
        lex: &Lexicon,
        text: &str,
        word: Range<usize>,
        ascii: bool,
    ) -> (Option<WordId>, u8) {
        if ascii {
            lex.ascii_word_facts_in(text.as_bytes(), word.start, word.end)
        } else {
            self.lowered_id(lex, &text[word])
        }
    }

    /// [`Tokenizer::id`] of a word with characters outside ASCII.
    #[inline(never)]
    fn lowered_id(&mut self, lex: &Lexicon, word: &str) -> (Option<WordId>, u8) {
        let id = lex.word_id(lexicon::lower_into(word, &mut self.buf));
        (id, id.map_or(0, |id| lex.facts(id)))
    }
}

/// True when white space or the paragraph's end (`end`) follows a token that ends at
/// `i`: the token's [`shape::SPACE_AFTER`]. Only white space lies between two tokens of
/// a paragraph, so this is set as the token is made, not when the next one is.
#[inline]
fn space_follows(text: &str, i: usize, end: usize) -> bool {
    i >= end || next_char(text, i).is_whitespace()
}

/// True when a word whose leading run of ASCII letters and digits ends at `j` ends
/// there, as `Tokenizer::scan_word` would find: at the end, or at an ASCII byte that
/// no rule reads on through (a space, a bracket), or at one (`-/.'&,`) that a rule
/// reads on through only when a letter or digit follows it ("COVID-19", "U.S.", "1,000").
#[inline]
fn ends_run_word(bytes: &[u8], j: usize) -> bool {
    match bytes.get(j) {
        None => true,
        Some(b'-' | b'/' | b'.' | b'\'' | b'&' | b',') => joins_nothing(bytes, j),
        Some(b) => b.is_ascii(),
    }
}

/// True when the byte after `bytes[j]` (a `-/.'&,` after a run) is no letter or digit
/// that a rule of `Tokenizer::scan_word` would join on: the end, or other ASCII.
#[inline]
fn joins_nothing(bytes: &[u8], j: usize) -> bool {
    bytes
        .get(j + 1)
        .is_none_or(|&n| n.is_ascii() && !n.is_ascii_alphanumeric())
}

/// What the byte after a run of ASCII letters and digits (never one of them) says of
/// the word, as [`ends_run_word`] and the fast path of `Tokenizer::tokenize_into` ask:
/// the tokenizer reads it with the run, in [`RUN_CLASS`].
mod run_end {
    /// The word may go on (a period, a character outside ASCII): the general path.
    pub const OTHER: u8 = 0;
    /// The word ends before it (a bracket, a quote mark).
    pub const ENDS: u8 = 1;
    /// The word ends before it and it is white space (or the paragraph ends).
    pub const SPACE: u8 = ENDS | 2;
    /// One of `-/'&,`: the word goes on when a letter or digit follows it.
    pub const JOINS: u8 = 4;

    /// The code of a byte that is no ASCII letter or digit.
    pub const fn of(b: u8) -> u8 {
        match b {
            // `char::is_whitespace` among ASCII bytes
            b'\t'..=b'\r' | b' ' => SPACE,
            b'-' | b'/' | b'\'' | b'&' | b',' => JOINS,
            b'.' | 0x80.. => OTHER,
            _ => ENDS,
        }
    }
}

/// A byte's [`class`] when it is an ASCII letter or digit, else its [`run_end`] code
/// shifted up by four: one read a byte for [`WordCounts::of_run`].
static RUN_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let k = byte_class(b);
        t[i] = if k & class::ALNUM != 0 {
            k
        } else {
            run_end::of(b) << 4
        };
        i += 1;
    }
    t
};

/// The [`shape`] bits of a word's letters: `upper` capitals, some lower-case letter
/// (`lower`), a capital first (`first_upper`), some digit.
#[inline]
const fn case_shape(upper: usize, lower: bool, first_upper: bool, digit: bool) -> u8 {
    let mut bits = 0;
    if first_upper {
        bits |= shape::CAP;
    }
    if upper >= 2 && !lower {
        bits |= shape::UPPER;
    }
    if lower && upper == 0 {
        bits |= shape::LOWER;
    }
    if digit {
        bits |= shape::DIGIT;
    }
    bits
}

/// [`case_shape`] (without [`shape::CAP`]) of a word whose [`class`] bits or-ed are
/// the low three bits of the index, with two capitals or more when the index has 8.
static CASE_SHAPE: [u8; 16] = {
    let mut t = [0u8; 16];
    let mut i = 0;
    while i < 16 {
        let seen = i as u8;
        let upper = if i >= 8 {
            2
        } else if seen & class::UPPER != 0 {
            1
        } else {
            0
        };
        t[i] = case_shape(
            upper,
            seen & class::LOWER != 0,
            false,
            seen & class::DIGIT != 0,
        );
        i += 1;
    }
    t
};

/// Byte classes for the one pass made over a word.
mod class {
    pub const UPPER: u8 = 1;
    pub const LOWER: u8 = 1 << 1;
    pub const DIGIT: u8 = 1 << 2;
    /// Part of a character outside ASCII.
    pub const HIGH: u8 = 1 << 3;
    /// An ASCII letter or digit.
    pub const ALNUM: u8 = UPPER | LOWER | DIGIT;
}

/// What one pass over a word's bytes saw.
#[derive(Clone, Copy, Default)]
struct WordCounts {
    /// ASCII capitals (a run with lower-case letters counts whether it has any: with
    /// them, that is all that [`case_shape`] asks).
    upper: usize,
    /// The [`class`] bits of every byte, or-ed.
    seen: u8,
}

impl WordCounts {
    #[inline]
    fn add(&mut self, k: u8) {
        self.upper += usize::from(k & class::UPPER);
        self.seen |= k;
    }

    /// The [`shape`] bits of a word of one ASCII run with these counts whose first
    /// byte is of [`class`] `first` and that has no period: as
    /// [`Tokenizer::finish_word`] sets them, its case bits read from [`CASE_SHAPE`].
    #[inline]
    fn ascii_shape(self, first: u8, space_before: bool) -> u8 {
        let space = if space_before { shape::SPACE_BEFORE } else { 0 };
        let cap = if first == class::UPPER { shape::CAP } else { 0 };
        let two_upper = usize::from(self.upper >= 2) << 3;
        space | cap | CASE_SHAPE[usize::from(self.seen & class::ALNUM) | two_upper]
    }

    /// The counts of all of `word`.
    fn of(word: &[u8]) -> WordCounts {
        let mut c = WordCounts::default();
        for &x in word {
            c.add(BYTE_CLASS[x as usize]);
        }
        c
    }

    /// The end of the run of ASCII letters and digits from `i` in `bytes[..end]`, its
    /// counts, and what the byte after it says (a [`run_end`] code). Asked at nearly
    /// every word: one table read a byte ([`RUN_CLASS`]) both classes a byte of the run
    /// and tells of the one that ends it; the capitals are counted only in a run
    /// without lower-case letters, the one case where [`case_shape`] asks how many.
    #[inline]
    fn of_run(bytes: &[u8], i: usize, end: usize) -> (usize, WordCounts, u8) {
        let run = &bytes[..end];
        let mut seen = 0;
        let mut j = i;
        let next = loop {
            let Some(&x) = run.get(j) else {
                // the paragraph's end, where a period of the text after it is still
                // read as an abbreviation's (see `Tokenizer::finish_word`)
                break if bytes.get(j) == Some(&b'.') {
                    run_end::OTHER
                } else {
                    run_end::SPACE
                };
            };
            let k = RUN_CLASS[x as usize];
            if k & class::ALNUM == 0 {
                break k >> 4;
            }
            seen |= k;
            j += 1;
        };
        let upper = if seen & (class::UPPER | class::LOWER) == class::UPPER {
            run[i..j].iter().filter(|b| b.is_ascii_uppercase()).count()
        } else {
            usize::from(seen & class::UPPER != 0)
        };
        (j, WordCounts { upper, seen }, next)
    }
}

static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = byte_class(i as u8);
        i += 1;
    }
    t
};

/// The [`class`] of byte `b`: one letter case, a digit, a byte of a longer character,
/// or none of these (0).
const fn byte_class(b: u8) -> u8 {
    if b.is_ascii_uppercase() {
        class::UPPER
    } else if b.is_ascii_lowercase() {
        class::LOWER
    } else if b.is_ascii_digit() {
        class::DIGIT
    } else if b >= 0x80 {
        class::HIGH
    } else {
        0
    }
}

#[inline]
fn next_char(text: &str, i: usize) -> char {
    // most text is ASCII: a byte below 0x80 is its own character
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        _ => text[i..].chars().next().unwrap_or('\0'),
    }
}

/// Tokenizes a short phrase (a lexicon entry) and joins the lower-case token texts with
/// single spaces: the key under which the phrase is stored and looked up.
pub fn phrase_key(phrase: &str) -> String {
    // most list entries are plain ASCII words ("New York", "Smith"): every run of
    // letters and digits is then one token, so the key is the lower-cased words
    if phrase
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ')
    {
        let mut key = String::with_capacity(phrase.len());
        for w in phrase.split(' ').filter(|w| !w.is_empty()) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        key.make_ascii_lowercase();
        return key;
    }
    let mut t = Tokenizer::bare();
    let mut toks = Vec::new();
    t.tokenize_into(phrase, Span::new(0, phrase.len()), 0, &mut toks);
    let mut key = String::with_capacity(phrase.len());
    let mut buf = String::new();
    for tok in toks {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(lexicon::lower_into(tok.text(phrase), &mut buf));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let lex = Lexicon::shared();
        let mut t = Tokenizer::new(lex);
        let mut out = Vec::new();
        t.tokenize_into(text, Span::new(0, text.len()), 0, &mut out);
        out.iter().map(|t| t.text(text).to_string()).collect()
    }

    #[test]
    fn table() {
        // input, tokens joined by "|"
        let cases = [
            (
                "Ald. Michael Rodriguez (22nd)",
                "Ald.|Michael|Rodriguez|(|22nd|)",
            ),
            (
                "the city’s public high schools",
                "the|city|’s|public|high|schools",
            ),
            ("the analysts' view", "the|analysts|'|view"),
            ("we don’t have", "we|don’t|have"),
            ("1147 N. Western Ave.", "1147|N.|Western|Ave."),
            ("in the U.S. economy", "in|the|U.S.|economy"),
            ("CHICAGO (CBS) — A rapid", "CHICAGO|(|CBS|)|—|A|rapid"),
            ("COVID-19 cases", "COVID-19|cases"),
            ("$27.5bn (£14.5bn) in", "$27.5bn|(|£14.5bn|)|in"),
            ("“We are,” he said.", "“|We|are|,|”|he|said|."),
            ("\"It's fine,\" she said", "\"|It|'s|fine|,|\"|she|said"),
            ("countries - that is", "countries|-|that|is"),
            ("AT&T and O'Brien", "AT&T|and|O'Brien"),
            ("wait... what", "wait|...|what"),
            ("end.. \"so\".", "end|.|.|\"|so|\"|."),
            ("HIV/Aids treatments", "HIV/Aids|treatments"),
            ("Mr Blair's government", "Mr|Blair|'s|government"),
        ];
        for (input, want) in cases {
            assert_eq!(toks(input).join("|"), want, "input: {input}");
        }
    }

    /// Every token carries its word's facts, found as the word is (ASCII or not, with
    /// an abbreviation's period or not), and none without a word.
    #[test]
    fn tokens_carry_their_words_facts() {
        let lex = Lexicon::shared();
        let text = "“The U.S. said,” she told Ald. Smith — THE Café urged Mr. O'Brien's \
                    café-goers, who said: 1,000 said";
        let mut out = Vec::new();
        Tokenizer::new(lex).tokenize_into(text, Span::new(0, text.len()), 0, &mut out);
        for t in &out {
            let want = t.word.map_or(0, |id| lex.facts(id));
            assert_eq!(t.facts, want, "{}", t.text(text));
        }
        let said = out.iter().filter(|t| t.text(text) == "said");
        assert!(
            said.clone().count() == 3 && said.into_iter().all(|t| t.has(lexicon::fact::SPEECH))
        );
        assert!(out.iter().any(|t| t.has(lexicon::fact::CUE_START)));
        let mut bare = Vec::new();
        Tokenizer::bare().tokenize_into(text, Span::new(0, text.len()), 0, &mut bare);
        assert!(bare.iter().all(|t| t.facts == 0));
    }

    #[test]
    fn quote_marks_are_classified() {
        let text = "“a” \"b\" ‘c’";
        let lex = Lexicon::shared();
        let mut t = Tokenizer::new(lex);
        let mut out = Vec::new();
        t.tokenize_into(text, Span::new(0, text.len()), 0, &mut out);
        let marks: Vec<_> = out.iter().filter_map(|t| t.quote()).collect();
        assert_eq!(
            marks,
            vec![
                QuoteMark::DoubleOpen,
                QuoteMark::DoubleClose,
                QuoteMark::DoubleStraight,
                QuoteMark::DoubleStraight,
                QuoteMark::SingleOpen,
                QuoteMark::SingleClose
            ]
        );
    }

    #[test]
    fn shapes() {
        let text = "CTU President said";
        let lex = Lexicon::shared();
        let mut t = Tokenizer::new(lex);
        let mut out = Vec::new();
        t.tokenize_into(text, Span::new(0, text.len()), 0, &mut out);
        assert!(out[0].is(shape::UPPER) && out[0].is(shape::CAP));
        assert!(out[1].is(shape::CAP) && !out[1].is(shape::UPPER));
        assert!(out[2].is(shape::LOWER));
        assert!(out[2].word.is_some());
    }

    proptest::proptest! {
        #[test]
        fn plain_phrase_keys_match_the_tokenizer(phrase in "[A-Za-z0-9 ]{0,30}") {
            let mut t = Tokenizer::bare();
            let mut toks = Vec::new();
            t.tokenize_into(&phrase, Span::new(0, phrase.len()), 0, &mut toks);
            let slow: Vec<String> = toks.iter().map(|k| k.text(&phrase).to_lowercase()).collect();
            proptest::prop_assert_eq!(phrase_key(&phrase), slow.join(" "));
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_match_a_byte_loop(
            text in "[a-zA-Z0-9 .,'é-]{0,40}",
            cut in 0usize..40,
        ) {
            let bytes = text.as_bytes();
            let end = cut.min(bytes.len());
            for i in 0..end {
                let (j, c, next) = WordCounts::of_run(bytes, i, end);
                let mut want = WordCounts::default();
                let mut k = i;
                while k < end && bytes[k].is_ascii_alphanumeric() {
                    want.add(BYTE_CLASS[bytes[k] as usize]);
                    k += 1;
                }
                proptest::prop_assert_eq!(j, k);
                proptest::prop_assert_eq!(c.seen, want.seen);
                for (first, first_upper) in [(class::LOWER, false), (class::UPPER, true)] {
                    let slow = case_shape(
                        want.upper,
                        want.seen & class::LOWER != 0,
                        first_upper,
                        want.seen & class::DIGIT != 0,
                    );
                    proptest::prop_assert_eq!(c.ascii_shape(first, true), slow | shape::SPACE_BEFORE);
                }
                let want_next = match bytes.get(k) {
                    Some(&t) if k < end => run_end::of(t),
                    Some(b'.') => run_end::OTHER,
                    _ => run_end::SPACE,
                };
                proptest::prop_assert_eq!(next, want_next);
            }
        }
    }

    #[test]
    fn run_end_table_matches_ends_run_word() {
        for t in (0..=255u8).filter(|t| !t.is_ascii_alphanumeric()) {
            assert_eq!(RUN_CLASS[t as usize] & class::ALNUM, 0);
            assert_eq!(RUN_CLASS[t as usize] >> 4, run_end::of(t));
            for n in [
                None,
                Some(b'a'),
                Some(b'7'),
                Some(b' '),
                Some(b'.'),
                Some(0xC3),
            ] {
                let bytes: Vec<u8> = [t].into_iter().chain(n).collect();
                let next = run_end::of(t);
                let fast = next & run_end::ENDS != 0
                    || (next == run_end::JOINS && joins_nothing(&bytes, 0));
                let want = ends_run_word(&bytes, 0) && t != b'.';
                assert_eq!(fast, want, "{t:#x} then {n:?}");
                if fast {
                    assert_eq!(
                        next == run_end::SPACE,
                        (t as char).is_whitespace(),
                        "{t:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn phrase_keys() {
        assert_eq!(phrase_key("McDonald's"), "mcdonald 's");
        assert_eq!(phrase_key("U.S."), "u.s.");
        assert_eq!(phrase_key("Prime  Minister"), "prime minister");
        assert_eq!(phrase_key("al-Qaeda"), "al-qaeda");
    }
}
