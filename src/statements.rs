//! Statements: reported (indirect) speech, and who made it.
//!
//! Takes: the layout, the [`Resolution`] and the direct [`Quote`]s. Gives:
//! [`Statement`]s: the reported content (byte span: the clause, not the speaker or the
//! verb), the words the attribution rests on (`speaker_mention`), the cue ("said",
//! "told", "according to") and the speaker entity when those words resolve to one. The
//! graph makes each a `statement` node with a `said` edge from the speaker, as it does
//! for quotes.
//!
//! Rules:
//! - *Forward*: `X said (that) CLAUSE`, `X told reporters (that) CLAUSE`, `X said on
//!   Monday that CLAUSE`, `…, saying CLAUSE`: the speaker before the verb (as quotes find
//!   it: names, nominals, pronouns, "union leaders", appositives, a participle's
//!   subject). Without "that" the words after the verb must open a clause: a subject
//!   (pronoun, determiner, name, number) and, within ten words, a finite verb (an
//!   auxiliary or modal, or a past tense).
//! - *Backward*: `CLAUSE, X said.` / `CLAUSE, said X.`: the content runs from the
//!   sentence start to the comma before the attribution, which ends the sentence.
//! - *According to*: `according to X, CLAUSE` and `CLAUSE, according to X`.
//! - The content ends at the sentence end (its final punctuation left off), or where a
//!   direct quote opens. Words inside a direct quote are never a statement (the quote
//!   node has them), and a speech verb inside one reports nothing here; a fragment quoted
//!   inside the writer's sentence ("called it “deeply concerning”") may be part of one.
//! - Verbs that only attribute quotes (`!` lines of `data/speech_verbs.tsv`:
//!   "continued", "believes") report nothing on their own.
//!
//! Limits: no parser: a clause is recognized by its first words, so "said the plan" (a
//! speaker after the verb) and "said the plan would fail" (a clause) are told apart by
//! the finite verb that follows; content that spans sentences is cut at the first.

use rustc_hash::FxHashSet;

use crate::document::Span;
use crate::layout::{Layout, WordSet, Words};
use crate::lexicon::flag;
use crate::quotes::{Attribution, Quote, Quoter, is_adverb, is_speech_verb};
use crate::resolve::{RefKind, Resolution};
use crate::tokens::TokenKind;

/// One reported statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// The reported content (bytes), without the attribution.
    pub span: Span,
    /// Token range of the content.
    pub tokens: (u32, u32),
    /// The words the attribution rests on ("union leaders", "he").
    pub speaker_mention: Option<Span>,
    /// The speech cue ("said", "according to").
    pub cue: Option<Span>,
    /// The speaker entity.
    pub speaker: Option<usize>,
}

/// One sentence `[s, e)` being read, with what the readers share.
#[derive(Clone, Copy)]
struct Cx<'a> {
    w: &'a Words<'a>,
    res: &'a Resolution,
    // tokens of direct quotes
    quoted: &'a [bool],
    s: usize,
    e: usize,
}

/// Words that open a clause as its subject (beside names and numbers).
const SUBJECTS: WordSet = WordSet::new(&[
    "he", "she", "they", "it", "we", "i", "you", "there", "this", "that", "these", "those", "the",
    "a", "an", "his", "her", "its", "their", "our", "my", "no", "some", "all", "many", "most",
    "several", "both", "every", "each", "any", "more", "few",
]);

/// True for a finite verb that shows a clause has begun ("would", "is", "had").
fn is_finite(w: &Words, k: usize) -> bool {
    // a set sieved by length and first letter: asked of most words after a speech verb,
    // few of which are any of these
    FINITE.has_outlined(w, k)
}

/// Finite verbs for [`is_finite`].
const FINITE: WordSet = WordSet::new(&[
    // the common ones first: a word that passes the sieve is compared in this order
    "is",
    "was",
    "would",
    "will",
    "has",
    "had",
    "have",
    "are",
    "were",
    "could",
    "can",
    "should",
    "must",
    "may",
    "might",
    "shall",
    "did",
    "does",
    "do",
    "won't",
    "wouldn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "didn't",
    "doesn't",
    "don't",
    "can't",
    "couldn't",
    "shouldn't",
    "needs",
    "need",
    "wants",
    "plans",
    "remains",
]);

/// Objects of "told" that stand before the reported clause ("told reporters he would").
const TOLD_OBJECTS: WordSet = WordSet::new(&[
    "reporters",
    "journalists",
    "him",
    "her",
    "them",
    "us",
    "me",
    "supporters",
    "lawmakers",
    "parliament",
    "congress",
]);

/// Words that end the short phrase between a speech verb and "that" ([`that_after`]).
const THAT_STOPS: WordSet = WordSet::new(&["and", "but", "or", "which", "who"]);

/// Words that end a clause's subject before its verb ([`finite_follows`]).
const CLAUSE_LINKS: WordSet = WordSet::new(&[
    "and", "but", "or", "while", "as", "because", "after", "before",
]);

/// Words that open a short phrase of time or place after an attribution
/// ([`tail_is_empty`]).
const TAIL_PHRASES: WordSet =
    WordSet::new(&["on", "in", "at", "during", "late", "early", "last", "this"]);

impl Quoter<'_> {
    /// The statements of reported speech in the document, in text order.
    pub fn statements(
        &self,
        text: &str,
        layout: &Layout,
        res: &Resolution,
        quotes: &[Quote],
    ) -> Vec<Statement> {
        let w = Words {
            text,
            layout,
            lexicon: self.lexicon(),
        };
        let n = layout.tokens.len();
        // tokens of direct quotes, marks included; fragments quoted in the writer's
        // sentence are the writer's words and may be reported content
        let mut quoted = vec![false; n];
        for q in quotes.iter().filter(|q| !q.partial) {
            let end = q
                .close
                .map(|c| c as usize + 1)
                .unwrap_or(q.tokens.1 as usize);
            quoted[q.open as usize..end.min(n)].fill(true);
        }
        let mut out: Vec<Statement> = Vec::new();
        // spans already taken (a set: a look through `out` per find is quadratic)
        let mut seen: FxHashSet<Span> = FxHashSet::default();
        // sentences cover the tokens in order, so token order is the order of reading
        // sentence by sentence; a rule starts only at a speech verb or at "according",
        // which the quoter's scan has listed (the rest of the tokens are not read)
        let starts = self.rule_starts(layout);
        for &i in starts.iter() {
            if quoted[i] {
                continue;
            }
            let t = w.tok(i);
            let sent = layout.sentence_of(i);
            let (s, e) = (sent.tokens.start, sent.tokens.end);
            let cx = Cx {
                w: &w,
                res,
                quoted: &quoted,
                s,
                e,
            };
            let found = if t.span.len() == "according".len()
                && w.is_any(i, &["according"])
                && i + 1 < e
                && w.is_any(i + 1, &["to"])
            {
                self.according_to(cx, i)
            } else if is_speech_verb(&w, i) && !w.has(i, flag::QUOTE_ONLY_SPEECH) {
                self.forward(cx, i).or_else(|| self.backward(cx, i))
            } else {
                None
            };
            if let Some(st) = found
                && seen.insert(st.span)
            {
                out.push(st);
            }
        }
        out.sort_by_key(|st| (st.span.start, st.span.end));
        out
    }

    /// `X said (that) CLAUSE` at speech verb `v` of the sentence `[s, e)`.
    fn forward(&self, cx: Cx, v: usize) -> Option<Statement> {
        let Cx {
            w,
            res,
            quoted,
            s,
            e,
        } = cx;
        let mut c = v + 1;
        let tell = w.is_any(v, &["told", "tell", "tells", "telling"]);
        if c < e && w.is_any(c, &["that"]) {
            c += 1;
        } else if let Some(t) = that_after(w, v, e) {
            // "said on Monday that", "said in a statement that", "told the BBC that"
            c = t + 1;
        } else {
            if tell {
                // "told reporters he would": one object word, then the clause
                if c < e && w.is_lower(c) && TOLD_OBJECTS.has_outlined(w, c) {
                    c += 1;
                } else {
                    return None;
                }
            }
            if !opens_clause(w, res, c, e) {
                return None;
            }
        }
        let (a, b) = content(w, quoted, c, e)?;
        let att = self.speaker_before_verb(w, s, v, res)?;
        Some(statement(w, a, b, att, w.tok(v).span))
    }

    /// `CLAUSE, X said.` / `CLAUSE, said X.` at speech verb `v` of the sentence `[s, e)`.
    fn backward(&self, cx: Cx, v: usize) -> Option<Statement> {
        let Cx {
            w,
            res,
            quoted,
            s,
            e,
        } = cx;
        // nothing of substance after the attribution: it ends the sentence ("…, she said
        // on Monday.")
        let (att, comma) = if v > s && w.tok(v - 1).is_punct(',') {
            // ", said the mayor."
            let att = self.speaker_after_verb(w, v + 1, e, res)?;
            let end = att.mention.map_or(v + 1, |m| token_after(w, m.end, e));
            if !tail_is_empty(w, end, e) {
                return None;
            }
            (att, v - 1)
        } else {
            if !tail_is_empty(w, v + 1, e) {
                return None;
            }
            let att = self.speaker_before_verb(w, s, v, res)?;
            let m = att.mention?;
            let start = (s..v).find(|&k| w.tok(k).span.start >= m.start)?;
            if start == s || !w.tok(start - 1).is_punct(',') {
                return None;
            }
            (att, start - 1)
        };
        let (a, b) = content(w, quoted, s, comma)?;
        // the whole content must be the writer's: a direct quote there is attributed
        // as a quote
        if (a..b).any(|k| quoted[k]) || b < comma {
            return None;
        }
        Some(statement(w, a, b, att, w.tok(v).span))
    }

    /// `according to X, CLAUSE` / `CLAUSE, according to X` at token `i` ("according").
    fn according_to(&self, cx: Cx, i: usize) -> Option<Statement> {
        let Cx {
            w,
            res,
            quoted,
            s,
            e,
        } = cx;
        let cue = w.tok(i).span.cover(w.tok(i + 1).span);
        let att = self.speaker_after_verb(w, i + 2, e, res)?;
        let m = att.mention?;
        let after = token_after(w, m.end, e);
        if i == s || (i == s + 1 && w.tok(s).kind != TokenKind::Word) {
            // "According to the mayor, the schools will reopen."
            if after >= e || !w.tok(after).is_punct(',') {
                return None;
            }
            let (a, b) = content(w, quoted, after + 1, e)?;
            return Some(statement(w, a, b, att, cue));
        }
        // "The schools will reopen, according to the mayor."
        if !w.tok(i - 1).is_punct(',') || !tail_is_empty(w, after, e) {
            return None;
        }
        let (a, b) = content(w, quoted, s, i - 1)?;
        if (a..b).any(|k| quoted[k]) || b < i - 1 {
            return None;
        }
        Some(statement(w, a, b, att, cue))
    }

    /// A speaker before the verb, named (not merely described by a clause of the
    /// writer's).
    fn speaker_before_verb(
        &self,
        w: &Words,
        s: usize,
        v: usize,
        res: &Resolution,
    ) -> Option<Attribution> {
        self.speaker_before(w, s, v, res)
            .filter(|a| a.mention.is_some() || a.speaker.is_some())
    }

    fn speaker_after_verb(
        &self,
        w: &Words,
        a: usize,
        e: usize,
        res: &Resolution,
    ) -> Option<Attribution> {
        if a >= e {
            return None;
        }
        self.speaker_after(w, a, e, res)
            .filter(|x| x.mention.is_some() || x.speaker.is_some())
    }
}

/// A "that" a few words after the verb at `v` with only a short phrase between ("said
/// on Monday that", "said in a statement that", "said a week later that", "told the BBC
/// that"): no verb, no punctuation, and a clause after it.
fn that_after(w: &Words, v: usize, e: usize) -> Option<usize> {
    let mut k = v + 1;
    while k < e && k <= v + 7 {
        if w.is_any(k, &["that"]) && w.is_lower(k) {
            return (k > v + 1 && k + 1 < e && finite_follows(w, k + 1, e)).then_some(k);
        }
        let t = w.tok(k);
        let plain = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive
        ) && !w.has(k, flag::SPEECH)
            && !is_finite(w, k)
            && !THAT_STOPS.has_outlined(w, k);
        if !plain {
            return None;
        }
        k += 1;
    }
    None
}

/// The words at `c` open a clause: a subject, then a finite verb within ten words.
fn opens_clause(w: &Words, res: &Resolution, c: usize, e: usize) -> bool {
    if c >= e {
        return false;
    }
    let subject = (w.is_lower(c) && SUBJECTS.has_outlined(w, c))
        || w.tok(c).kind == TokenKind::Number
        || res
            .reference_at(c)
            .is_some_and(|r| r.tokens.0 as usize == c && r.kind != RefKind::Nominal)
        || (w.tok(c).kind == TokenKind::Word && !w.is_lower(c) && !w.is_function(c));
    if !subject {
        return false;
    }
    finite_follows(w, c, e)
}

/// A finite verb within ten words after the subject at `c`, before the clause could end:
/// "acknowledged the rising cases, but is not budging" has an object, not a clause.
fn finite_follows(w: &Words, c: usize, e: usize) -> bool {
    for k in c + 1..e.min(c + 11) {
        let t = w.tok(k);
        if t.kind == TokenKind::Word && w.is_lower(k) {
            if is_finite(w, k)
                || (w.text_of(k).ends_with("ed")
                    && w.text_of(k).len() > 3
                    && !w.has(k, flag::SPEECH))
            {
                return true;
            }
            if CLAUSE_LINKS.has_outlined(w, k) {
                return false;
            }
        } else if !matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive
        ) {
            return false;
        }
    }
    false
}

/// The content `[a, b)` within `[c, e)`: from the first word, up to a direct quote or
/// the end, without the final punctuation. At least two words.
fn content(w: &Words, quoted: &[bool], c: usize, e: usize) -> Option<(usize, usize)> {
    let mut a = c;
    while a < e && !w.tok(a).is_wordlike() {
        a += 1;
    }
    if a >= e || quoted[a] {
        return None;
    }
    let mut b = (a..e).find(|&k| quoted[k]).unwrap_or(e);
    // "…, saying: “…”": the words that introduce the quote are not the content
    while b > a
        && (!w.tok(b - 1).is_wordlike()
            || (b < e && quoted[b] && (is_speech_verb(w, b - 1) || w.is_any(b - 1, &["that"]))))
    {
        b -= 1;
    }
    let words = (a..b).filter(|&k| w.tok(k).kind == TokenKind::Word).count();
    (words >= 2).then_some((a, b))
}

/// The first token at or after byte `end`, before token `e`.
fn token_after(w: &Words, end: u32, e: usize) -> usize {
    w.layout.tokens[..e.min(w.layout.tokens.len())].partition_point(|t| t.span.start < end)
}

/// Nothing but punctuation, adverbs and a short phrase of time or manner ("on Monday",
/// "in a statement") from `k` to the sentence end `e`.
fn tail_is_empty(w: &Words, k: usize, e: usize) -> bool {
    let mut k = k;
    while k < e {
        if !w.tok(k).is_wordlike() || is_adverb(w, k) || w.has(k, flag::CALENDAR) {
            k += 1;
            continue;
        }
        if TAIL_PHRASES.has_outlined(w, k) {
            // a short phrase: "in a statement", "on Twitter", "at a news conference"
            return (k + 1..e).take(6).all(|j| {
                !w.tok(j).is_wordlike()
                    || (w.tok(j).kind != TokenKind::Word || !w.has(j, flag::SPEECH))
            }) && (k..e).filter(|&j| w.tok(j).is_wordlike()).count() <= 6;
        }
        return false;
    }
    true
}

fn statement(w: &Words, a: usize, b: usize, att: Attribution, cue: Span) -> Statement {
    Statement {
        span: w.tok(a).span.cover(w.tok(b - 1).span),
        tokens: (a as u32, b as u32),
        speaker_mention: att.mention,
        cue: Some(cue),
        speaker: att.speaker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_finite`] as it was: the word lower-cased into a buffer and matched.
    fn is_finite_simple(w: &Words, k: usize) -> bool {
        let t = w.tok(k);
        let text = w.text_of(k).as_bytes();
        let mut buf = [0u8; 9];
        if t.kind != TokenKind::Word || text.len() > buf.len() {
            return false;
        }
        let lower = &mut buf[..text.len()];
        lower.copy_from_slice(text);
        lower.make_ascii_lowercase();
        matches!(
            &*lower,
            b"would"
                | b"will"
                | b"could"
                | b"can"
                | b"should"
                | b"must"
                | b"may"
                | b"might"
                | b"shall"
                | b"is"
                | b"was"
                | b"are"
                | b"were"
                | b"has"
                | b"have"
                | b"had"
                | b"did"
                | b"does"
                | b"do"
                | b"won't"
                | b"wouldn't"
                | b"isn't"
                | b"wasn't"
                | b"aren't"
                | b"weren't"
                | b"hasn't"
                | b"haven't"
                | b"hadn't"
                | b"didn't"
                | b"doesn't"
                | b"don't"
                | b"can't"
                | b"couldn't"
                | b"shouldn't"
                | b"needs"
                | b"need"
                | b"wants"
                | b"plans"
                | b"remains"
        )
    }

    #[test]
    fn finite_verbs_as_the_simple_match_finds_them() {
        let text = format!(
            "{} He WOULD, she Won't; they Shouldn't have DONE it. It needs Plans. \
             Mustn't Shall remain remains Isn't hasn't haven't wasn't aren't weren't.",
            crate::quotes::tests::MIXED
        );
        crate::quotes::tests::with_words(&text, finite_agree);
    }

    fn finite_agree(w: &Words) {
        let mut found = 0;
        for k in 0..w.layout.tokens.len() {
            assert_eq!(is_finite(w, k), is_finite_simple(w, k), "{}", w.text_of(k));
            found += usize::from(is_finite(w, k));
        }
        assert!(found >= 12, "{found}");
    }

    /// (content, speaker mention, cue, speaker label or "-") of each statement.
    fn run(text: &str) -> Vec<(String, String, String, String)> {
        let (q, layout, res, quotes) = crate::quotes::tests::quoted(text);
        let words = |s: Option<Span>| s.map_or("-".to_string(), |s| s.text(text).to_string());
        q.statements(text, &layout, &res, &quotes)
            .into_iter()
            .map(|st| {
                (
                    st.span.text(text).to_string(),
                    words(st.speaker_mention),
                    words(st.cue),
                    st.speaker
                        .map_or("-".to_string(), |e| res.entities[e].label.clone()),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, String, String) {
        let got = run(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        got.into_iter().next().unwrap()
    }

    #[test]
    fn said_that() {
        let (content, mention, cue, _) =
            one("Union leaders said that the district should pause the reopening.");
        assert_eq!(content, "the district should pause the reopening");
        assert!(mention.ends_with("leaders"), "{mention}");
        assert_eq!(cue, "said");
    }

    #[test]
    fn said_and_a_clause_without_that() {
        let (content, mention, cue, speaker) =
            one("President Donald Trump said he would veto the bill.");
        assert_eq!(content, "he would veto the bill");
        assert_eq!((mention.as_str(), cue.as_str()), ("Donald Trump", "said"));
        assert_eq!(speaker, "Donald Trump");
    }

    #[test]
    fn according_to_before_and_after() {
        let (content, mention, cue, _) =
            one("According to the mayor, the schools will reopen next week.");
        assert_eq!(content, "the schools will reopen next week");
        assert_eq!(
            (mention.as_str(), cue.as_str()),
            ("the mayor", "According to")
        );
        let (content, _, cue, speaker) =
            one("The schools will reopen next week, according to Mayor Lori Lightfoot.");
        assert_eq!(content, "The schools will reopen next week");
        assert_eq!(
            (cue.as_str(), speaker.as_str()),
            ("according to", "Lori Lightfoot")
        );
    }

    #[test]
    fn told_reporters_and_a_phrase_before_that() {
        let (content, _, cue, speaker) =
            one("Mayor Lori Lightfoot told reporters the schools would reopen.");
        assert_eq!(content, "the schools would reopen");
        assert_eq!((cue.as_str(), speaker.as_str()), ("told", "Lori Lightfoot"));
        let (content, ..) = one("Jesse Sharkey said on Monday that talks had failed.");
        assert_eq!(content, "talks had failed");
        let (content, ..) = one("Jesse Sharkey told the Chicago Tribune that talks had failed.");
        assert_eq!(content, "talks had failed");
    }

    #[test]
    fn attribution_after_the_content() {
        let (content, mention, ..) = one("The schools will reopen next week, the mayor said.");
        assert_eq!(content, "The schools will reopen next week");
        assert_eq!(mention, "the mayor");
        let (content, _, _, speaker) =
            one("Talks had failed, said CTU President Jesse Sharkey on Monday.");
        assert_eq!(
            (content.as_str(), speaker.as_str()),
            ("Talks had failed", "Jesse Sharkey")
        );
    }

    #[test]
    fn no_statement_without_a_clause() {
        for text in [
            "Trump said on Monday.",
            "The so-called plan was dropped.",
            "Trump said nothing.",
            "The mayor acknowledged the rising cases, but is not budging.",
            "He said the plan that was proposed.",
            "Trump spoke to reporters on Monday.",
        ] {
            assert_eq!(run(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn direct_quotes_are_not_statements() {
        for text in [
            "“We will win the election,” Trump said.",
            "Trump said: “We will win the election.”",
            "Trump said that “we will win the election and then some.”",
            "“He said the plan would fail,” the mayor said.",
        ] {
            assert_eq!(run(text), Vec::new(), "{text}");
        }
        // a fragment quoted in the writer's sentence is part of the statement
        let (content, ..) =
            one("Michael Rodriguez said they are “deeply concerned” about the plan.");
        assert_eq!(content, "they are “deeply concerned” about the plan");
    }
}
