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
}

impl<'l> Cleaner<'l> {
    /// A cleaner using the lexicon's boilerplate rules.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Cleaner { lexicon }
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
        let lower = line.trim().to_lowercase();
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
