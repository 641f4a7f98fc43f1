//! Cleaning: paragraphs, and news-site boilerplate dropped without moving any offset.
//!
//! Takes: the untouched text. Gives: [`Paragraph`]s (byte spans) marked kept or dropped.
//! Later stages read only kept paragraphs, so nothing from a "READ MORE: …" line can
//! reach the graph, and every offset still points into the original text.
//!
//! Rules:
//! - A paragraph is a line. A line break inside a sentence (hard-wrapped text: the line
//!   does not end a sentence and the next starts in lower case) joins the two lines.
//! - A line is boilerplate when it matches a rule in `data/boilerplate.txt` (prefix,
//!   whole line, or a pattern inside a short line), or is a bare URL.
//!
//! Limits: boilerplate in the middle of a paragraph (inline share prompts) is kept.

use std::borrow::Cow;

use crate::document::Span;
use crate::lexicon::{BoilerplateRule, Lexicon};

/// One paragraph of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's bytes, without the line break and surrounding blanks.
    pub span: Span,
    /// True when the paragraph was recognized as boilerplate and dropped.
    pub dropped: bool,
}

/// Splits text into paragraphs and marks boilerplate.
pub struct Cleaner<'l> {
    lexicon: &'l Lexicon,
    /// The lexicon's rules by kind and first byte.
    index: Cow<'l, BoilerplateIndex>,
}

/// The boilerplate rules of a lexicon by kind, the prefix patterns by first byte and the
/// "contains" patterns by their rarest byte: a line is compared with the few that start
/// like it, and a place in it with the few that have its byte, not with every rule.
/// Built once per pipeline ([`crate::pipeline::Pipeline`]), not per document.
#[derive(Clone, Debug)]
pub(crate) struct BoilerplateIndex {
    /// The "prefix" patterns, by first byte.
    prefixes: ByByte,
    /// The "line" patterns (numbers of rules).
    lines: Vec<u32>,
    /// The "contains" patterns, by their byte least frequent in English text.
    contains: ByByte,
    /// How many rules the lexicon had: an index is only used with its own lexicon.
    rules: usize,
}

impl BoilerplateIndex {
    /// The index of `rules` (a lexicon's `boilerplate`).
    pub(crate) fn new(rules: &[BoilerplateRule]) -> Self {
        let prefixes = ByByte::new(
            rules,
            |rule| match rule {
                BoilerplateRule::Prefix(p) => Some(p),
                _ => None,
            },
            |_| 0,
        );
        let contains = ByByte::new(
            rules,
            |rule| match rule {
                BoilerplateRule::Contains(p) => Some(p),
                _ => None,
            },
            rarest_byte,
        );
        let lines = (rules.iter().enumerate())
            .filter(|(_, rule)| matches!(rule, BoilerplateRule::Line(_)))
            .map(|(i, _)| i as u32)
            .collect();
        BoilerplateIndex {
            prefixes,
            lines,
            contains,
            rules: rules.len(),
        }
    }
}

/// The words of a rule.
fn pattern(rule: &BoilerplateRule) -> &str {
    match rule {
        BoilerplateRule::Prefix(p) | BoilerplateRule::Line(p) | BoilerplateRule::Contains(p) => p,
    }
}

/// Patterns by one of their bytes (its anchor: the first, or the rarest): a place in a
/// line is compared with the patterns whose anchor is its byte alone, and most bytes
/// are none (few lines start like "READ MORE:", few bytes are "(" or "@").
#[derive(Clone, Debug)]
struct ByByte {
    /// For each byte, 1 + the index in `patterns` of the last pattern anchored on it
    /// (either ASCII case: the entries of 'A'..='Z' are those of 'a'..='z', so a byte
    /// of a line is looked up as it is); 0 for none.
    head: [u32; 256],
    /// The patterns with an anchor (numbers of rules), each with where its anchor is in
    /// it and the `head` of its byte before it.
    patterns: Vec<(u32, u32, u32)>,
    /// Some pattern is empty (found at any place).
    empty: bool,
}

impl ByByte {
    /// The patterns of `kind` among `rules`, anchored on their byte at `anchor(pattern)`.
    fn new(
        rules: &[BoilerplateRule],
        kind: fn(&BoilerplateRule) -> Option<&str>,
        anchor: fn(&str) -> usize,
    ) -> Self {
        let mut head = [0u32; 256];
        let mut patterns = Vec::with_capacity(rules.len());
        let mut empty = false;
        for (i, p) in (rules.iter().enumerate()).filter_map(|(i, r)| Some((i, kind(r)?))) {
            let at = anchor(p);
            let Some(&b) = p.as_bytes().get(at) else {
                empty = true;
                continue;
            };
            let h = &mut head[b.to_ascii_lowercase() as usize];
            patterns.push((i as u32, at as u32, *h));
            *h = patterns.len() as u32;
        }
        for b in b'A'..=b'Z' {
            head[b as usize] = head[b.to_ascii_lowercase() as usize];
        }
        ByByte {
            head,
            patterns,
            empty,
        }
    }

    /// True when `f` holds for some pattern of `rules` (but an empty one) anchored on
    /// byte `b`, given with where its anchor is in it.
    fn any_anchored(
        &self,
        rules: &[BoilerplateRule],
        b: u8,
        mut f: impl FnMut(&str, usize) -> bool,
    ) -> bool {
        let mut k = self.head[b as usize];
        while k != 0 {
            let (rule, at, before) = self.patterns[k as usize - 1];
            if f(pattern(&rules[rule as usize]), at as usize) {
                return true;
            }
            k = before;
        }
        false
    }
}

/// Where the byte of `pattern` least frequent in English text is (0 for an empty one):
/// the byte on which a line is searched for the pattern, so that the search stops at
/// few places of a line ("(", "@", a "k") and not at every "o" or "c".
fn rarest_byte(pattern: &str) -> usize {
    // letters from the most frequent in English text to the least; a space is more
    // frequent than any, and other bytes (digits, punctuation) rarer
    const LETTERS: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    let rank = |c: u8| match c {
        b' ' => 0,
        _ => LETTERS
            .iter()
            .position(|&l| l == c.to_ascii_lowercase())
            .map_or(LETTERS.len() + 1, |k| k + 1),
    };
    (pattern.bytes().enumerate())
        .max_by_key(|&(_, c)| rank(c))
        .map_or(0, |(i, _)| i)
}

impl<'l> Cleaner<'l> {
    /// A cleaner using the lexicon's boilerplate rules.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Cleaner {
            lexicon,
            index: Cow::Owned(BoilerplateIndex::new(&lexicon.boilerplate)),
        }
    }

    /// A cleaner using the lexicon's boilerplate rules through `index`, made from them
    /// once (an index of a different number of rules is not used: the cleaner makes
    /// its own).
    pub(crate) fn with_index(lexicon: &'l Lexicon, index: &'l BoilerplateIndex) -> Self {
        if index.rules != lexicon.boilerplate.len() {
            return Cleaner::new(lexicon);
        }
        Cleaner {
            lexicon,
            index: Cow::Borrowed(index),
        }
    }

    /// The paragraphs of `text`, in order.
    pub fn paragraphs(&self, text: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        self.paragraphs_into(text, &mut out);
        out
    }

    /// [`Cleaner::paragraphs`] into `out` (cleared first): a pipeline reuses one vector
    /// for every document.
    pub(crate) fn paragraphs_into(&self, text: &str, out: &mut Vec<Paragraph>) {
        out.clear();
        let mut pending: Option<Span> = None;
        let mut pos = 0usize;
        // the lines with their line breaks, as `str::split_inclusive('\n')` gives them
        while pos < text.len() {
            let start = pos;
            pos = newline_from(text.as_bytes(), pos).map_or(text.len(), |n| n + 1);
            let line = &text[start..pos];
            let trimmed_start = start + (line.len() - line.trim_start().len());
            let content = line.trim();
            if content.is_empty() {
                if let Some(p) = pending.take() {
                    out.push(self.paragraph(text, p));
                }
                continue;
            }
            let span = Span::new(trimmed_start, trimmed_start + content.len());
            pending = Some(match pending {
                Some(prev) if continues(prev.text(text), content) => prev.cover(span),
                Some(prev) => {
                    out.push(self.paragraph(text, prev));
                    span
                }
                None => span,
            });
        }
        if let Some(p) = pending {
            out.push(self.paragraph(text, p));
        }
    }

    fn paragraph(&self, text: &str, span: Span) -> Paragraph {
        Paragraph {
            span,
            dropped: self.is_boilerplate(span.text(text)),
        }
    }

    /// True when a whole line is news-site boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let line = line.trim();
        if line.is_ascii() || caseless_outside_ascii(line) {
            return self.is_ascii_boilerplate(line);
        }
        // `str::to_lowercase` lowers a capital sigma by its neighbours and every other
        // character alone: without one, lowering character by character is the same,
        // and cheap for the runs of ASCII letters around a "£" or an accent, copied whole
        // and lowered in place at the end (no character lowers to an upper-case one)
        let lower = if line.contains('\u{03A3}') {
            line.to_lowercase()
        } else {
            let mut lower = String::with_capacity(line.len());
            let mut rest = line;
            while let Some(k) = rest.bytes().position(|b| !b.is_ascii()) {
                lower.push_str(&rest[..k]);
                let mut chars = rest[k..].chars();
                lower.extend(chars.next().into_iter().flat_map(char::to_lowercase));
                rest = chars.as_str();
            }
            lower.push_str(rest);
            lower.make_ascii_lowercase();
            lower
        };
        self.is_lowered_boilerplate(&lower)
    }

    /// The rules on a trimmed line lower-cased as by `str::to_lowercase`.
    fn is_lowered_boilerplate(&self, lower: &str) -> bool {
        if (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
            && !lower.contains(' ')
        {
            return true;
        }
        let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        self.lexicon.boilerplate.iter().any(|rule| match rule {
            BoilerplateRule::Prefix(p) => {
                lower.starts_with(p.as_str())
                    && lower[p.len()..].chars().next().is_none_or(|c| {
                        !c.is_alphanumeric() || !p.ends_with(|e: char| e.is_alphanumeric())
                    })
            }
            BoilerplateRule::Line(p) => bare == p,
            BoilerplateRule::Contains(p) => lower.len() < 200 && lower.contains(p.as_str()),
        })
    }

    /// [`Cleaner::is_boilerplate`] of a trimmed line whose characters outside ASCII lower
    /// to themselves (nearly every line of English news: ASCII, or with a "£" or a dash),
    /// without lower-casing a copy of it: lowering it is lowering its ASCII letters, and
    /// the rules (lower case) compare ignoring ASCII case.
    fn is_ascii_boilerplate(&self, line: &str) -> bool {
        let b = line.as_bytes();
        // the first bytes compared before the call: they differ for nearly every pattern
        let starts = |p: &str| {
            b.len() >= p.len()
                && p.as_bytes()
                    .first()
                    .is_none_or(|f| f.eq_ignore_ascii_case(&b[0]))
                && b[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        if (starts("http://") || starts("https://") || starts("www.")) && !b.contains(&b' ') {
            return true;
        }
        // the rules by kind, each pattern compared only where its first byte is
        // (the pattern's bytes start the line: its length is a character boundary)
        let prefix = |p: &str| {
            starts(p)
                && line[p.len()..].chars().next().is_none_or(|c| {
                    !c.is_alphanumeric() || !p.ends_with(|e: char| e.is_alphanumeric())
                })
        };
        let (ix, rules) = (&*self.index, &self.lexicon.boilerplate[..]);
        if b.first().is_some_and(|&c| {
            ix.prefixes.empty || ix.prefixes.any_anchored(rules, c, |p, _| prefix(p))
        }) {
            return true;
        }
        // a pattern's letters other than ASCII ones equal the line's only byte for byte
        let bare = line.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        if (ix.lines.iter()).any(|&r| {
            bare.as_bytes()
                .eq_ignore_ascii_case(pattern(&rules[r as usize]).as_bytes())
        }) {
            return true;
        }
        // the "contains" patterns, all at once (short lines)
        if line.len() >= 200 {
            return false;
        }
        if ix.contains.empty && !b.is_empty() {
            return true;
        }
        // most bytes are no pattern's anchor: a loop of one table read each finds the
        // next that may be, and only there are patterns compared, each where it would
        // start for its anchor to be that byte
        let head = &ix.contains.head;
        let mut from = 0;
        while let Some(k) = b[from..].iter().position(|&c| head[c as usize] != 0) {
            let i = from + k;
            if ix.contains.any_anchored(rules, b[i], |p, at| {
                (i.checked_sub(at)
                    .and_then(|start| b.get(start..start + p.len())))
                .is_some_and(|s| s.eq_ignore_ascii_case(p.as_bytes()))
            }) {
                return true;
            }
            from = i + 1;
        }
        false
    }
}

/// True when every character of `line` outside ASCII lowers to itself alone ("£", "—",
/// "é"): `str::to_lowercase` then lowers only its ASCII letters. Such characters are
/// rare: 16 bytes at a time are passed over while they are all ASCII.
fn caseless_outside_ascii(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 16)
            && chunk.iter().fold(0, |all, &x| all | x) < 0x80
        {
            i += 16;
        } else if b[i] < 0x80 {
            i += 1;
        } else {
            // `i` is where a character starts: only whole ASCII runs and whole
            // characters were passed over
            let Some(c) = line[i..].chars().next() else {
                return true;
            };
            if !c.to_lowercase().eq([c]) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// The position of the first line break in `bytes` at `from` or after. A line of news
/// runs to hundreds of bytes: they are compared 32 at a time, in a loop without an exit
/// at each byte, which the compiler makes vector compares (a search byte by byte, or a
/// word at a time as `str::split` does, took some 1.7 instructions a byte of text).
fn newline_from(bytes: &[u8], from: usize) -> Option<usize> {
    const CHUNK: usize = 32;
    let rest = bytes.get(from..)?;
    let mut skipped = 0;
    for chunk in rest.chunks_exact(CHUNK) {
        if chunk.iter().fold(false, |seen, &b| seen | (b == b'\n')) {
            break;
        }
        skipped += CHUNK;
    }
    let k = rest[skipped..].iter().position(|&b| b == b'\n')?;
    Some(from + skipped + k)
}

/// True when `next` continues the paragraph `prev` across a line break (hard wrap).
fn continues(prev: &str, next: &str) -> bool {
    let ends_sentence = prev
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '\'', '’', ')', ']']);
    let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    !ends_sentence && next_lower && prev.len() > 40
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use proptest::prelude::*;

    fn kept(text: &str) -> Vec<String> {
        let lex = Lexicon::shared();
        Cleaner::new(lex)
            .paragraphs(text)
            .into_iter()
            .filter(|p| !p.dropped)
            .map(|p| p.span.text(text).to_string())
            .collect()
    }

    #[test]
    fn boilerplate_table() {
        // line, is boilerplate
        let cases = [
            ("READ MORE: Serial Stowaway Found Fit To Stand Trial", true),
            ("MORE NEWS: 71-Year-Old Man Shot", true),
            ("Also From CBS Chicago:", true),
            ("Click here to subscribe", true),
            ("(Photo credit: Scott Olson/Getty Images)", true),
            ("https://example.com/story", true),
            ("Subscribers to the service rose", false),
            ("Read more books, the minister said.", false),
            ("The union also tweeted about new cases.", false),
        ];
        let lex = Lexicon::shared();
        let c = Cleaner::new(lex);
        for (line, want) in cases {
            assert_eq!(c.is_boilerplate(line), want, "{line}");
        }
    }

    proptest::proptest! {
        /// The ASCII path and the character-by-character lowering answer as lowering
        /// the whole line with `str::to_lowercase` does.
        #[test]
        fn fast_paths_agree_with_lowering_the_whole_line(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "READ MORE", "read more:", "Click here", "Photo credit", "©",
                        "http://", "www.", "Subscribe", "\u{212A}", "\u{3A3}", "\u{130}",
                        "(Photo credit:", "on Twitter @", "/AP Photo)", "Follow us on",
                        "like us on FACEBOOK", "click here to", "(",  "@", "k",
                    ]).prop_map(str::to_string),
                    "[a-zA-Z0-9 .:!£é\u{3A3}\u{130}-]{0,8}",
                ],
                0..6,
            )
        ) {
            let line = parts.concat();
            let c = Cleaner::new(Lexicon::shared());
            let want = c.is_lowered_boilerplate(&line.trim().to_lowercase());
            prop_assert_eq!(c.is_boilerplate(&line), want, "{:?}", line);
        }
    }

    proptest::proptest! {
        /// The line search cuts text where `str::split_inclusive('\n')` does.
        #[test]
        fn lines_are_those_of_split_inclusive(text in "[a-z \n£]{0,100}") {
            let mut lines = Vec::new();
            let mut pos = 0;
            while pos < text.len() {
                let start = pos;
                pos = newline_from(text.as_bytes(), pos).map_or(text.len(), |n| n + 1);
                lines.push(&text[start..pos]);
            }
            prop_assert_eq!(lines, text.split_inclusive('\n').collect::<Vec<_>>());
        }
    }

    #[test]
    fn offsets_of_kept_text_do_not_move() {
        let text = "First para.\n\nREAD MORE: other story\n\n  Second para.  \n";
        let lex = Lexicon::shared();
        let ps = Cleaner::new(lex).paragraphs(text);
        assert_eq!(ps.len(), 3);
        assert!(ps[1].dropped);
        assert_eq!(ps[2].span.text(text), "Second para.");
        assert_eq!(text.find("Second").unwrap(), ps[2].span.start as usize);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "The union said on Wednesday that the district should pause\nits plans to reopen.\nNew line.";
        assert_eq!(
            kept(text),
            vec![
                "The union said on Wednesday that the district should pause\nits plans to reopen.",
                "New line."
            ]
        );
    }
}
