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
    /// Bytes (either ASCII case) that a "prefix" pattern starts with.
    prefix_first: [bool; 256],
    /// For each byte, the range of `contains` whose patterns start with it (either
    /// ASCII case): a place in a line is compared with those alone, and most bytes
    /// start none.
    contains_at: [(u16, u16); 256],
    /// The "contains" patterns with a first byte, by that byte lower-cased.
    contains: Vec<&'l str>,
    /// Some "contains" pattern is empty (found in any line).
    contains_empty: bool,
}

impl<'l> Cleaner<'l> {
    /// A cleaner using the lexicon's boilerplate rules.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        // a line is checked against the patterns of a kind only where it has a byte one
        // of them starts with: few lines start like "READ MORE:", few bytes are "("
        let mut prefix_first = [false; 256];
        let mut contains = Vec::new();
        let mut contains_empty = false;
        for rule in &lexicon.boilerplate {
            match rule {
                BoilerplateRule::Prefix(p) => match p.as_bytes().first() {
                    Some(&b) => {
                        prefix_first[b.to_ascii_lowercase() as usize] = true;
                        prefix_first[b.to_ascii_uppercase() as usize] = true;
                    }
                    None => prefix_first = [true; 256],
                },
                BoilerplateRule::Contains(p) if p.is_empty() => contains_empty = true,
                BoilerplateRule::Contains(p) => contains.push(p.as_str()),
                BoilerplateRule::Line(_) => {}
            }
        }
        let first = |p: &str| p.as_bytes()[0].to_ascii_lowercase();
        contains.sort_by_key(|p| first(p));
        // more patterns than a range can hold are all compared at every place
        let n = u16::try_from(contains.len()).unwrap_or(u16::MAX);
        let mut contains_at = [(0u16, 0u16); 256];
        if usize::from(n) == contains.len() {
            for (i, p) in contains.iter().enumerate() {
                let b = first(p);
                for c in [b, b.to_ascii_uppercase()] {
                    let r = &mut contains_at[c as usize];
                    if r.0 == r.1 {
                        r.0 = i as u16;
                    }
                    r.1 = i as u16 + 1;
                }
            }
        } else {
            contains_at = [(0, n); 256];
        }
        Cleaner {
            lexicon,
            prefix_first,
            contains_at,
            contains,
            contains_empty,
        }
    }

    /// The paragraphs of `text`, in order.
    pub fn paragraphs(&self, text: &str) -> Vec<Paragraph> {
        let mut out: Vec<Paragraph> = Vec::new();
        let mut pending: Option<Span> = None;
        let mut pos = 0usize;
        for line in text.split_inclusive('\n') {
            let start = pos;
            pos += line.len();
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
        out
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
        if line.is_ascii() {
            return self.is_ascii_boilerplate(line);
        }
        // `str::to_lowercase` lowers a capital sigma by its neighbours and every other
        // character alone: without one, lowering character by character is the same,
        // and cheap for the ASCII letters around a "£" or an accent
        let lower = if line.contains('\u{03A3}') {
            line.to_lowercase()
        } else {
            let mut lower = String::with_capacity(line.len());
            for c in line.chars() {
                if c.is_ascii() {
                    lower.push(c.to_ascii_lowercase());
                } else {
                    lower.extend(c.to_lowercase());
                }
            }
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

    /// [`Cleaner::is_boilerplate`] of a trimmed ASCII line (nearly every line of English
    /// news), without lower-casing a copy of it: the rules compare ignoring ASCII case,
    /// and only a short line is lower-cased, for the "contains" rules.
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
        let bare = line.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        let may_start = b.first().is_some_and(|&c| self.prefix_first[c as usize]);
        // the "contains" patterns, all at once, at the places one may start (short lines)
        let contains = line.len() < 200
            && ((self.contains_empty && !b.is_empty())
                || (0..b.len()).any(|i| {
                    let (from, to) = self.contains_at[b[i] as usize];
                    self.contains[from as usize..to as usize].iter().any(|p| {
                        b.len() - i >= p.len()
                            && b[i..i + p.len()].eq_ignore_ascii_case(p.as_bytes())
                    })
                }));
        self.lexicon.boilerplate.iter().any(|rule| match rule {
            BoilerplateRule::Prefix(p) => {
                may_start
                    && starts(p)
                    && b.get(p.len()).is_none_or(|&c| {
                        !c.is_ascii_alphanumeric() || !p.ends_with(|e: char| e.is_alphanumeric())
                    })
            }
            // a pattern with letters other than ASCII ones never equals an ASCII line
            BoilerplateRule::Line(p) => bare.as_bytes().eq_ignore_ascii_case(p.as_bytes()),
            BoilerplateRule::Contains(_) => contains,
        })
    }
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
