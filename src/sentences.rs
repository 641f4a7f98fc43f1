//! Sentences: token ranges that end at sentence punctuation or a paragraph break.
//!
//! Takes: tokens (with paragraph indices). Gives: [`Sentence`]s, in order, covering
//! every token exactly once.
//!
//! Rules:
//! - A paragraph break always ends a sentence.
//! - `.`, `!`, `?` and `…` end a sentence when what follows (after closing quotes and
//!   brackets) starts like a sentence: a capitalized word, a number, an opening quote.
//! - An abbreviation that keeps its period ends a sentence only when it may ("U.S.",
//!   "Inc.", not "Mr." or "Ald.") and the next word is a sentence opener ("He", "The").
//! - No sentence runs past [`MAX_TOKENS`] tokens (tables, run-on lists), so later
//!   stages never do unbounded work on one sentence.

use std::ops::Range;

use crate::lexicon::fact;
use crate::tokens::{QuoteMark, Token, TokenKind, shape};

/// The longest sentence, in tokens; longer runs are cut.
pub const MAX_TOKENS: usize = 300;

/// A sentence: a range of token indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Paragraph index.
    pub para: u32,
}

/// Splits tokens into sentences (what they ask of the lexicon, the tokens carry: see
/// [`crate::lexicon::fact`]).
pub fn split(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    split_into(tokens, &mut out);
    out
}

/// [`split`] into `out` (cleared first): a pipeline reuses one vector for every document.
pub(crate) fn split_into(tokens: &[Token], out: &mut Vec<Sentence>) {
    out.clear();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        // most tokens end no sentence (neither the paragraph, nor the longest sentence,
        // nor a terminal or an abbreviation): passed over reading only these
        let stop = (start + MAX_TOKENS - 1).min(tokens.len() - 1);
        while i < stop {
            let t = &tokens[i];
            if tokens[i + 1].para != t.para || t.is(shape::ABBREV) || is_terminal(*t) {
                break;
            }
            i += 1;
        }
        let t = tokens[i];
        let mut end_here = None;
        if (i + 1 < tokens.len() && tokens[i + 1].para != t.para) || i + 1 - start >= MAX_TOKENS {
            end_here = Some(i + 1);
        } else if is_terminal(t) {
            // take closing quotes and brackets into this sentence
            let mut j = i + 1;
            while j < tokens.len() && tokens[j].para == t.para && is_closer(tokens[j]) {
                j += 1;
            }
            // only after "?" or "!": a quote ending in a period closes its sentence
            let closed_quote = j > i + 1
                && !t.is_punct('.')
                && tokens[i + 1..j].iter().any(|c| c.quote().is_some());
            if j >= tokens.len()
                || tokens[j].para != t.para
                || (starts_sentence(tokens, j) && !(closed_quote && attribution_follows(tokens, j)))
            {
                end_here = Some(j);
            }
        } else if t.kind == TokenKind::Word && t.is(shape::ABBREV) && !t.is(shape::TITLE_ABBREV) {
            let single_initial = t.span.len() == 2;
            if !single_initial
                && i + 1 < tokens.len()
                && tokens[i + 1].para == t.para
                && tokens[i + 1].has(fact::FUNCTION)
                && tokens[i + 1].is(shape::CAP)
            {
                end_here = Some(i + 1);
            }
        }
        if let Some(e) = end_here {
            out.push(Sentence {
                tokens: start..e,
                para: tokens[start].para,
            });
            start = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        out.push(Sentence {
            tokens: start..tokens.len(),
            para: tokens[start].para,
        });
    }
}

fn is_terminal(t: Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Punct('.')
            | TokenKind::Punct('!')
            | TokenKind::Punct('?')
            | TokenKind::Punct('…')
    )
}

fn is_closer(t: Token) -> bool {
    match t.kind {
        TokenKind::Quote(q) => {
            matches!(
                q,
                QuoteMark::DoubleClose | QuoteMark::SingleClose | QuoteMark::DoubleStraight
            ) && !t.is(shape::SPACE_BEFORE)
        }
        TokenKind::Punct(')') | TokenKind::Punct(']') => true,
        _ => false,
    }
}

/// "…?” Vitter demanded." — after a closing quote, a name and a speech verb (or a
/// speech verb first: "asked Smith") continue the sentence of the quote.
fn attribution_follows(tokens: &[Token], j: usize) -> bool {
    // a name of up to four capitalized words, then the verb; or the verb first
    let para = tokens[j].para;
    for t in tokens[j..].iter().take(5) {
        if t.para != para {
            return false;
        }
        if t.is(shape::LOWER) {
            return t.kind == TokenKind::Word && t.has(fact::SPEECH);
        }
        if !(t.kind == TokenKind::Word && t.is(shape::CAP)) {
            return false;
        }
    }
    false
}

fn starts_sentence(tokens: &[Token], j: usize) -> bool {
    let t = tokens[j];
    match t.kind {
        TokenKind::Word => t.is(shape::CAP),
        TokenKind::Number => true,
        TokenKind::Quote(_) | TokenKind::Dash => true,
        TokenKind::Punct('(') | TokenKind::Punct('[') => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::lexicon::Lexicon;
    use crate::tokens::Tokenizer;

    fn sents(text: &str) -> Vec<String> {
        let lex = Lexicon::shared();
        let mut tk = Tokenizer::new(lex);
        let mut toks = Vec::new();
        for (pi, p) in text.split('\n').enumerate() {
            let start = p.as_ptr() as usize - text.as_ptr() as usize;
            tk.tokenize_into(
                text,
                Span::new(start, start + p.len()),
                pi as u32,
                &mut toks,
            );
        }
        split(&toks)
            .into_iter()
            .map(|s| {
                let a = toks[s.tokens.start].span.start as usize;
                let b = toks[s.tokens.end - 1].span.end as usize;
                text[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn table() {
        // text, sentences joined by " | "
        let cases = [
            (
                "Ald. Michael Rodriguez spoke. He left.",
                "Ald. Michael Rodriguez spoke. | He left.",
            ),
            (
                "Mr. Smith met Dr. Jones at 1147 N. Western Ave. on Monday.",
                "Mr. Smith met Dr. Jones at 1147 N. Western Ave. on Monday.",
            ),
            (
                "It grew in the U.S. The rest fell.",
                "It grew in the U.S. | The rest fell.",
            ),
            (
                "“We agree,” he said. “We do.”",
                "“We agree,” he said. | “We do.”",
            ),
            ("\"Two. \"Three.\" Four.", "\"Two. | \"Three.\" | Four."),
            (
                "“Is it?” Vitter demanded. Then",
                "“Is it?” Vitter demanded. | Then",
            ),
            ("“Is it?” The senator left.", "“Is it?” | The senator left."),
            ("Is it? Yes! No…", "Is it? | Yes! | No…"),
            ("one\ntwo", "one | two"),
            (
                "the firm's 2.5% rise. 10 fell.",
                "the firm's 2.5% rise. | 10 fell.",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text).join(" | "), want, "{text}");
        }
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(1000);
        let s = sents(&text);
        assert!(s.len() >= 1000 / MAX_TOKENS);
    }
}
