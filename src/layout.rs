//! The parsed layout of one document: paragraphs, tokens and sentences.
//!
//! Takes: the text and a lexicon. Gives: a [`Layout`] that every extraction stage reads.
//! It is built once per document by [`Layout::parse`] (cleaning, tokenizing, splitting)
//! and never changes afterwards.

use crate::clean::{Cleaner, Paragraph};
use crate::lexicon::{Lexicon, WordEntry, fact, flag};
use crate::sentences::{self, Sentence};
use crate::tokens::{Token, TokenKind, Tokenizer, shape};

/// Paragraphs, tokens and sentences of one document.
#[derive(Debug, Default)]
pub struct Layout {
    /// All paragraphs, kept and dropped.
    pub paragraphs: Vec<Paragraph>,
    /// Tokens of the kept paragraphs, in text order.
    pub tokens: Vec<Token>,
    /// Sentences over `tokens`.
    pub sentences: Vec<Sentence>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<u32>,
}

impl Layout {
    /// Cleans, tokenizes and splits `text`.
    pub fn parse(text: &str, lexicon: &Lexicon) -> Layout {
        Layout::parse_with(text, lexicon, &Cleaner::new(lexicon))
    }

    /// [`Layout::parse`] with a cleaner made once for many documents (see
    /// [`crate::clean::BoilerplateIndex`]).
    pub(crate) fn parse_with(text: &str, lexicon: &Lexicon, cleaner: &Cleaner) -> Layout {
        let mut layout = Layout::default();
        layout.parse_into(text, lexicon, cleaner);
        layout
    }

    /// [`Layout::parse_with`] into this layout's vectors (what they held is dropped, their
    /// room kept): a pipeline lays out every document of a thread in the same memory,
    /// which is then warm in the caches and not asked of the allocator again.
    pub(crate) fn parse_into(&mut self, text: &str, lexicon: &Lexicon, cleaner: &Cleaner) {
        cleaner.paragraphs_into(text, &mut self.paragraphs);
        let tokens = &mut self.tokens;
        tokens.clear();
        // news text has a token every 5.2 bytes or so: a fifth of the length was short
        // for one article in five, whose tokens were then copied as the vector doubled
        tokens.reserve(text.len() / 4);
        let mut tk = Tokenizer::new(lexicon);
        for (i, p) in self.paragraphs.iter().enumerate() {
            if !p.dropped {
                tk.tokenize_into(text, p.span, i as u32, tokens);
            }
        }
        sentences::split_into(tokens, &mut self.sentences);
        let sentence_of = &mut self.sentence_of;
        sentence_of.clear();
        sentence_of.resize(tokens.len(), 0);
        for (si, s) in self.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = si as u32;
            }
        }
    }

    /// The sentence a token is in.
    pub fn sentence_of(&self, token: usize) -> &Sentence {
        &self.sentences[self.sentence_of[token] as usize]
    }
}

/// A list of lower-case words that tokens are compared with, as by [`Words::is_any`],
/// with a filter that turns most other tokens away before any word is compared: for each
/// length, the first letters of the list's words of that length (made at compile time).
/// The stance and mention rules ask such lists of nearly every token they pass, and
/// most tokens are in none of them.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    /// Bit [`first_bucket`] of `firsts[len_bucket]` is set for each word.
    firsts: [u32; 32],
}

impl WordSet {
    /// The set of `words` (lower case).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        let mut firsts = [0; 32];
        let mut i = 0;
        while i < words.len() {
            let b = words[i].as_bytes();
            if !b.is_empty() {
                firsts[len_bucket(b.len())] |= 1 << first_bucket(b[0]);
            }
            i += 1;
        }
        WordSet { words, firsts }
    }

    /// True when token `i` is a word equal (ignoring case) to one of the words.
    pub(crate) fn has(&self, w: &Words, i: usize) -> bool {
        self.may_have(w, i) && w.is_any(i, self.words)
    }

    /// [`WordSet::has`] with the comparisons out of line: where a rule asks several
    /// lists in a loop whose code would outgrow the instruction cache with each list's
    /// comparisons unrolled inline (the mention rules).
    #[inline(always)]
    pub(crate) fn has_outlined(&self, w: &Words, i: usize) -> bool {
        self.may_have(w, i) && is_any_outlined(w, i, self.words)
    }

    /// The filter: false when token `i` is none of the words.
    #[inline(always)]
    fn may_have(&self, w: &Words, i: usize) -> bool {
        let Some(t) = w.layout.tokens.get(i) else {
            return false;
        };
        let b = t.span.bytes(w.text);
        // a word equal ignoring ASCII case has the same length and bucket
        b.first()
            .is_some_and(|&f| self.firsts[len_bucket(b.len())] & (1 << first_bucket(f)) != 0)
    }

    /// The words of the set.
    #[cfg(test)]
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// [`Words::is_any`], not inlined (see [`WordSet::has_outlined`]).
#[inline(never)]
fn is_any_outlined(w: &Words, i: usize, words: &[&str]) -> bool {
    w.is_any(i, words)
}

/// A word length for [`WordSet`]: lengths from 31 on share the last.
const fn len_bucket(len: usize) -> usize {
    if len < 31 { len } else { 31 }
}

/// A first byte for [`WordSet`], one of 32: the same for the two cases of a letter.
const fn first_bucket(b: u8) -> u32 {
    ((b | 0x20) & 31) as u32
}

/// Small questions about tokens that several stages ask.
pub struct Words<'a> {
    /// The document text.
    pub text: &'a str,
    /// The layout.
    pub layout: &'a Layout,
    /// The lexicon.
    pub lexicon: &'a Lexicon,
}

impl<'a> Words<'a> {
    /// The token at `i`.
    pub fn tok(&self, i: usize) -> Token {
        self.layout.tokens[i]
    }

    /// The text of token `i`.
    pub fn text_of(&self, i: usize) -> &'a str {
        self.layout.tokens[i].span.text(self.text)
    }

    /// The lexicon entry of token `i`.
    pub fn entry(&self, i: usize) -> Option<&'a WordEntry> {
        self.layout.tokens[i].word.map(|w| self.lexicon.entry(w))
    }

    /// True when token `i` has the lexicon flag. A flag that a [`fact`] stands for is
    /// read from the token (`f` is a constant where this is inlined: the test is one).
    #[inline]
    pub fn has(&self, i: usize, f: u32) -> bool {
        let t = self.layout.tokens[i];
        match fact::of_flag(f) {
            0 => t.word.is_some_and(|w| self.lexicon.entry(w).has(f)),
            bit => t.has(bit),
        }
    }

    /// True when token `i` is a word equal (ignoring case) to one of `words`.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let Some(t) = self.layout.tokens.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Word {
            return false;
        }
        // the token's bytes once (a span lies on character boundaries: no check), and
        // lengths before letters: asked for nearly every token
        let s = t.span.bytes(self.text);
        let Some(&first) = s.first() else {
            return false;
        };
        // then the first byte with its ASCII case bit set, before the loop that compares
        // all of them: bytes equal ignoring ASCII case are equal so, and words of one
        // length mostly differ in their first letter. The loop is inline, not a call, so
        // that this stays a function that saves no registers.
        let first = first | 0x20;
        words.iter().any(|w| {
            let w = w.as_bytes();
            w.len() == s.len()
                && w.first().is_some_and(|&c| c | 0x20 == first)
                && w.iter().zip(s).all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
    }

    /// True when token `i` is a lower-case word.
    pub fn is_lower(&self, i: usize) -> bool {
        let t = self.layout.tokens[i];
        t.kind == TokenKind::Word && t.is(shape::LOWER)
    }

    /// True when token `i` is a negation ("not", "n't" forms, "never", "no"). Inline: its
    /// first test turns most words away, and the stance rules ask it at most tokens.
    #[inline]
    pub fn is_negation(&self, i: usize) -> bool {
        // compared ignoring ASCII case in place, not lower-cased into a copy: asked at
        // most tokens of a sentence with a stance cue
        // (the token's bytes: no test of where characters start, as a `str` slice makes)
        let s = self.layout.tokens[i].span.bytes(self.text);
        // every one ends in "t", "o" or "r": most words are turned away by that byte
        if !matches!(s.last(), Some(b't' | b'T' | b'o' | b'O' | b'r' | b'R')) {
            return false;
        }
        let ends_with = |end: &str| {
            s.len() >= end.len() && s[s.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
        };
        ["not", "never", "no", "cannot", "neither", "nor"]
            .iter()
            .any(|w| s.eq_ignore_ascii_case(w.as_bytes()))
            || ends_with("n't")
            || ends_with("n\u{2019}t")
    }

    /// True when token `i` is a function word.
    pub fn is_function(&self, i: usize) -> bool {
        self.has(i, flag::FUNCTION)
    }
}
