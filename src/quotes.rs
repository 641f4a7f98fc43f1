//! Quotes: every direct quote, and who said it.
//!
//! Takes: the layout (quote marks are tokens), and later the [`Resolution`]. Gives:
//! [`Quote`]s: the quoted words (byte span, marks excluded), whether the quote continues
//! an earlier one, the speaker's words (`speaker_mention`), the cue ("said"), and the
//! speaker entity when the words resolve to one.
//!
//! Rules:
//! - *Pairing.* Curly marks say their direction; a straight mark opens after a space and
//!   closes before one. A quote left open when a new one opens after a sentence end, or
//!   when its paragraph ends and the next paragraph opens with a mark, is a quote that
//!   runs on (the BBC and print convention): the parts are one speaker's.
//! - *Not quotes.* One to three words with no speech verb in the sentence are scare
//!   quotes, titles or nicknames ("New Labour"); so is any title-case phrase of names.
//!   Single quote marks are not read as quotes (they nest inside double ones and mark
//!   headline quotes).
//! - *Attribution*, first that applies: after the quote, `said X` / `X said` /
//!   `X told Y` / `according to X`; before it, `X said: "…"` / `X said "…"` /
//!   `X said that … "…"` / `X: "…"`; a quote that runs on keeps its speaker; a paragraph
//!   that is only a quote continues the previous quote's speaker.
//! - *Speakers.* A name, nominal or pronoun resolves through [`Resolution`];
//!   "a CPS spokesperson" and "a spokesman for X" speak for their organization;
//!   "officials", "sources" are kept as `speaker_mention` without a speaker node.
//!
//! Limits: no attribution across more than one sentence away from the quote.

use std::cell::{Ref, RefCell};

use crate::document::Span;
use crate::kind::Kind;
use crate::layout::{Layout, WordSet, Words};
use crate::lexicon::{Lexicon, WordId, fact, flag};
use crate::resolve::Resolution;
use crate::tokens::{QuoteMark, Token, TokenKind, shape};

/// One direct quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words, without the marks, trimmed.
    pub span: Span,
    /// Token range of the quoted words.
    pub tokens: (u32, u32),
    /// Token of the opening mark.
    pub open: u32,
    /// Token of the closing mark, if it was closed.
    pub close: Option<u32>,
    /// Index of the earlier quote this one continues (same speaker).
    pub continues: Option<usize>,
    /// The words the attribution rests on ("he", "Mayor Lightfoot").
    pub speaker_mention: Option<Span>,
    /// The speech cue ("said", "according to").
    pub cue: Option<Span>,
    /// The speaker entity.
    pub speaker: Option<usize>,
    /// A fragment quoted inside a sentence of the writer's ("called it “deeply
    /// concerning”"), rather than a whole utterance.
    pub partial: bool,
}

/// Finds and attributes quotes. Build one per document (it remembers the last speech act
/// while it reads).
pub struct Quoter<'l> {
    lex: &'l Lexicon,
    last_act: RefCell<Option<Act>>,
    scan: RefCell<Scan>,
    /// The speech words and stance cues of the last sentence asked about (its index and
    /// the cues' tokens, in text order; see [`Quoter::cue_in_sentence`]).
    sentence_cues: RefCell<(usize, Vec<u32>)>,
}

/// What regions, quotes and statements look for among a document's tokens, found in one
/// pass and kept for the three of them (each read every token for its own list before).
#[derive(Default)]
struct Scan {
    /// The tokens scanned (address and count): a quoter reads one document, and a scan is
    /// reused only for the same tokens.
    key: (usize, usize),
    /// Double quote marks.
    marks: Vec<usize>,
    /// Where a rule of indirect speech may start: lower-case speech verbs that report on
    /// their own, and every "according" (a superset: the readers check their own
    /// conditions).
    starts: Vec<usize>,
}

impl Scan {
    fn new(lex: &Lexicon, layout: &Layout, key: (usize, usize)) -> Scan {
        // room for what most documents have (ten or so of each), so that they are not
        // grown three times over
        let mut scan = Scan {
            key,
            marks: Vec::with_capacity(32),
            starts: Vec::with_capacity(32),
        };
        // "according" is known by its lexicon id (the same for every ASCII case; a
        // lexicon without the word gives it none), so no token's text is read here
        let according = lex.word_id("according");
        let unknown_words = according.is_none();
        for (i, t) in layout.tokens.iter().enumerate() {
            // one test turns away nearly every token: a word that is no speech word and
            // not "according", or a token without a word that is no quote mark (nor, for
            // a lexicon without "according", a word: a word the lexicon does not know,
            // a name mostly, is one in twenty); the facts are carried by the token (no
            // read of its entry), and a kind is read only for tokens without a word
            let plain = match t.word {
                Some(id) => !t.has(fact::SPEECH) && according != Some(id),
                None => match t.kind {
                    TokenKind::Quote(_) => false,
                    TokenKind::Word => !unknown_words,
                    _ => true,
                },
            };
            if !plain {
                scan.note(i, t, according);
            }
        }
        scan
    }

    /// Lists token `i` where it belongs (the few tokens [`Scan::new`] does not turn away).
    #[inline(never)]
    fn note(&mut self, i: usize, t: &Token, according: Option<WordId>) {
        let according_len = "according".len();
        let Some(id) = t.word else {
            match t.kind {
                TokenKind::Quote(q) if q.is_double() => self.marks.push(i),
                TokenKind::Word if according.is_none() && t.span.len() == according_len => {
                    self.starts.push(i)
                }
                _ => {}
            }
            return;
        };
        if t.has(fact::SPEECH)
            && matches!(t.kind, TokenKind::Word)
            && t.is(shape::LOWER)
            && !t.has(fact::QUOTE_ONLY_SPEECH)
        {
            self.starts.push(i);
            return;
        }
        if according == Some(id)
            && matches!(t.kind, TokenKind::Word)
            && t.span.len() == according_len
        {
            self.starts.push(i);
        }
    }
}

/// A speech act seen while reading: a quote's attribution or indirect speech ("She said
/// that …"), remembered so a later unattributed quote or a "she said" can follow it.
#[derive(Clone, Copy, Debug)]
struct Act {
    pos: usize,
    para: u32,
    sentence: u32,
    att: Attribution,
}

/// A quote region found by pairing marks, before attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Token of the opening mark.
    pub open: usize,
    /// Token of the closing mark, if any.
    pub close: Option<usize>,
    /// First content token.
    pub start: usize,
    /// One past the last content token.
    pub end: usize,
    /// Continues the previous region.
    pub continues: bool,
}

/// Where the quotes around a token are, in O(log n) per question: the open mark of the
/// next quote and the end of the quotes before. (Asked once per quote; scanning every
/// region each time made a story of many quotes quadratic.)
struct Neighbours {
    /// Opening marks, sorted.
    opens: Vec<usize>,
    /// `ends[k]`: the furthest end (past the closing mark) of the regions whose open
    /// mark is among the first `k` of `opens`.
    ends: Vec<usize>,
}

impl Neighbours {
    fn new(regions: &[Region]) -> Self {
        let mut by_open: Vec<(usize, usize)> = regions
            .iter()
            .map(|x| (x.open, x.close.map(|c| c + 1).unwrap_or(x.end)))
            .collect();
        by_open.sort_unstable();
        let mut ends = Vec::with_capacity(by_open.len() + 1);
        ends.push(0);
        let mut furthest = 0;
        for &(_, end) in &by_open {
            furthest = furthest.max(end);
            ends.push(furthest);
        }
        Neighbours {
            opens: by_open.into_iter().map(|(o, _)| o).collect(),
            ends,
        }
    }

    /// The first open mark after token `open` (`usize::MAX` if none), and the furthest
    /// end of the quotes opened before it (0 if none).
    fn around(&self, open: usize) -> (usize, usize) {
        let before = self.opens.partition_point(|&o| o < open);
        let after = self.opens.partition_point(|&o| o <= open);
        (
            self.opens.get(after).copied().unwrap_or(usize::MAX),
            self.ends[before],
        )
    }
}

/// Words that end the noun phrase of a speaker after a speech verb.
const NP_STOPS: WordSet = WordSet::new(&[
    "in", "on", "at", "during", "after", "before", "that", "who", "which", "when", "while",
    "because", "as", "to", "from", "with", "and", "but", "earlier", "last", "this", "on",
]);

/// Words that open a described speaker ("the announcer", "my father").
const DESCRIBED_DETS: WordSet = WordSet::new(&[
    "the", "a", "an", "one", "two", "three", "my", "his", "her", "their", "our", "its", "this",
    "that", "some", "several", "many", "other",
]);

const GROUP_SPEAKERS: WordSet = WordSet::new(&[
    "officials",
    "sources",
    "source",
    "analysts",
    "experts",
    "critics",
    "supporters",
    "residents",
    "police",
    "witnesses",
    "aides",
    "observers",
    "insiders",
    "economists",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "people",
    "leaders",
    "members",
    "teachers",
    "parents",
    "workers",
    "investors",
    "activists",
    "voters",
]);
const SPOKES: WordSet = WordSet::new(&[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "representative",
    "official",
    "officials",
    "source",
    "sources",
    "statement",
    "lawyer",
    "lawyers",
]);

/// Auxiliaries (and "also") between a speaker and a speech verb ("has said").
const AUXILIARIES: WordSet =
    WordSet::new(&["has", "have", "had", "is", "was", "will", "would", "also"]);

/// Words that may open a group speaker ("a CPS spokesperson", "senior officials").
const GROUP_DETS: WordSet = WordSet::new(&[
    "a", "an", "the", "one", "two", "several", "some", "many", "other", "senior", "two",
]);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dir {
    Open,
    Close,
    Either,
}

impl<'l> Quoter<'l> {
    /// A quoter over the lexicon.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Quoter {
            lex: lexicon,
            last_act: RefCell::new(None),
            scan: RefCell::new(Scan::default()),
            sentence_cues: RefCell::new((usize::MAX, Vec::new())),
        }
    }

    /// The scan of the layout's tokens, made on first use.
    fn scan(&self, layout: &Layout) -> Ref<'_, Scan> {
        let key = (layout.tokens.as_ptr() as usize, layout.tokens.len());
        if self.scan.borrow().key != key {
            *self.scan.borrow_mut() = Scan::new(self.lex, layout, key);
        }
        self.scan.borrow()
    }

    /// Pairs double quote marks into regions, in text order.
    pub fn regions(&self, layout: &Layout) -> Vec<Region> {
        let toks = &layout.tokens;
        let scan = self.scan(layout);
        let marks = &scan.marks;
        let para_end = |i: usize| {
            let p = toks[i].para;
            let mut j = i;
            while j + 1 < toks.len() && toks[j + 1].para == p {
                j += 1;
            }
            j + 1
        };
        let first_of_para = |i: usize| i == 0 || toks[i - 1].para != toks[i].para;
        let mut out: Vec<Region> = Vec::new();
        let mut open: Option<usize> = None;
        let mut run_on = false;
        for &i in marks {
            let dir = direction(layout, i);
            match (open, dir) {
                (None, Dir::Open | Dir::Either) => {
                    open = Some(i);
                }
                (None, Dir::Close) => {}
                (Some(o), Dir::Close) | (Some(o), Dir::Either) if toks[o].para == toks[i].para => {
                    out.push(Region {
                        open: o,
                        close: Some(i),
                        start: o + 1,
                        end: i,
                        continues: run_on,
                    });
                    open = None;
                    run_on = false;
                }
                (Some(o), _) => {
                    // the quote at `o` was never closed
                    let same_para = toks[o].para == toks[i].para;
                    let end = if same_para { i } else { para_end(o) };
                    let after_sentence = same_para && i > 0 && ends_sentence(layout, i - 1);
                    let next_para_opens = !same_para
                        && first_of_para(i)
                        && toks[i].para == toks[end.min(toks.len() - 1)].para;
                    out.push(Region {
                        open: o,
                        close: None,
                        start: o + 1,
                        end,
                        continues: run_on,
                    });
                    if dir != Dir::Close {
                        open = Some(i);
                        run_on = after_sentence || next_para_opens;
                    } else {
                        open = None;
                        run_on = false;
                    }
                }
            }
        }
        if let Some(o) = open {
            out.push(Region {
                open: o,
                close: None,
                start: o + 1,
                end: para_end(o),
                continues: run_on,
            });
        }
        out.retain(|r| r.end > r.start);
        out
    }

    /// Attributes regions and keeps the direct quotes.
    pub fn quotes(
        &self,
        text: &str,
        layout: &Layout,
        regions: &[Region],
        res: &Resolution,
    ) -> Vec<Quote> {
        let w = Words {
            text,
            layout,
            lexicon: self.lex,
        };
        let mut out: Vec<Quote> = Vec::new();
        let mut last_by_region: Vec<Option<usize>> = vec![None; regions.len()];
        *self.last_act.borrow_mut() = None;
        self.sentence_cues.borrow_mut().0 = usize::MAX;
        // speech verbs outside quotes, in text order: indirect speech ("She said that …")
        // sets who is speaking for the quotes that follow
        let mut inside = vec![false; layout.tokens.len()];
        for r in regions {
            let end = r.close.map(|c| c + 1).unwrap_or(r.end);
            inside[r.open..end].fill(true);
        }
        let scan = self.scan(layout);
        let verbs: Vec<usize> = scan
            .starts
            .iter()
            .copied()
            .filter(|&i| !inside[i] && is_speech_verb(&w, i) && !w.has(i, flag::QUOTE_ONLY_SPEECH))
            .collect();
        let near = Neighbours::new(regions);
        let mut next_verb = 0;
        for (ri, r) in regions.iter().enumerate() {
            while next_verb < verbs.len() && verbs[next_verb] < r.open {
                self.indirect_speech(&w, verbs[next_verb], res);
                next_verb += 1;
            }
            let content = trim(&w, r.start, r.end);
            let Some((cs, ce)) = content else { continue };
            let words = (cs..ce)
                .filter(|&i| w.tok(i).kind == TokenKind::Word)
                .count();
            let attribution = self.attribute(&w, r, res, &near);
            let prev = if ri > 0 { last_by_region[ri - 1] } else { None };
            let continued = r.continues && prev.is_some();
            let has_cue = attribution.as_ref().is_some_and(|a| a.cue.is_some());
            let titleish = is_title_case(&w, cs, ce);
            let speechlike = ends_like_speech(&w, cs, ce);
            let direct = if continued {
                true
            } else if titleish && !has_cue {
                false
            } else if words >= 4 || (speechlike && (has_cue || !w.tok(ce - 1).is_punct(','))) {
                true
            } else {
                has_cue && words >= 1 && self.cue_in_sentence(&w, r)
            };
            if !direct {
                continue;
            }
            let mut q = Quote {
                span: w.tok(cs).span.cover(w.tok(ce - 1).span),
                tokens: (cs as u32, ce as u32),
                open: r.open as u32,
                close: r.close.map(|c| c as u32),
                continues: if continued { prev } else { None },
                speaker_mention: None,
                cue: None,
                speaker: None,
                partial: !continued && is_partial(&w, r.open, cs, ce),
            };
            let para = w.tok(r.open).para;
            let mut found = attribution;
            if found.is_none()
                && let Some(p) = q.continues
            {
                found = Some(Attribution {
                    mention: out[p].speaker_mention,
                    cue: out[p].cue,
                    speaker: out[p].speaker,
                });
            }
            // no attribution of its own: whoever spoke last, in this paragraph or the
            // one before (the previous quote's speaker, or indirect speech)
            if found.is_none()
                && let Some(act) = *self.last_act.borrow()
                && para.saturating_sub(act.para) <= 1
            {
                found = Some(act.att);
            }
            if let Some(a) = found {
                q.speaker_mention = a.mention;
                q.cue = a.cue;
                q.speaker = a.speaker;
                if a.speaker.is_some() || a.mention.is_some() {
                    self.remember(&w, r.open, a);
                }
            }
            last_by_region[ri] = Some(out.len());
            out.push(q);
        }
        // a quote that runs on gives its speaker back to the earlier parts
        for i in (0..out.len()).rev() {
            if let Some(p) = out[i].continues
                && out[p].speaker_mention.is_none()
            {
                out[p].speaker = out[i].speaker;
                out[p].speaker_mention = out[i].speaker_mention;
                out[p].cue = out[i].cue;
            }
        }
        out
    }

    /// The lexicon it reads with.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        self.lex
    }

    /// The tokens where a rule of indirect speech may start, in text order: every
    /// lower-case speech verb that reports on its own and every "according" (with some
    /// that are neither; see [`Scan::starts`]).
    pub(crate) fn rule_starts(&self, layout: &Layout) -> Ref<'_, [usize]> {
        Ref::map(self.scan(layout), |s| s.starts.as_slice())
    }

    /// Records a speech act at token `pos`.
    fn remember(&self, w: &Words, pos: usize, att: Attribution) {
        *self.last_act.borrow_mut() = Some(Act {
            pos,
            para: w.tok(pos).para,
            sentence: w.layout.sentence_of[pos],
            att,
        });
    }

    /// Indirect speech at speech verb `v` ("A BBC spokeswoman said …", "Mr Blair said
    /// talking was …"): remembered as the last speech act when it has a speaker.
    fn indirect_speech(&self, w: &Words, v: usize, res: &Resolution) {
        let s = w.layout.sentence_of(v).tokens.clone();
        let att = self
            .speaker_before(w, s.start, v, res)
            .or_else(|| self.speaker_after(w, v + 1, s.end, res));
        if let Some(a) = att
            && a.speaker.is_some()
        {
            self.remember(w, v, a.with_cue(w.tok(v).span));
        }
    }

    /// A speech word or stance cue in the quote's sentence, outside the quote. The cues
    /// of the sentence are listed once, and two binary searches count those in a stretch
    /// (scanning the sentence for every quote was quadratic in a long sentence full of
    /// quotes); quotes are read in text order, so a sentence's list is made once. The
    /// question is asked only of short quotes with a cue, and a stance cue starts at one
    /// word in six: a list of the document's cues cost more than the questions.
    fn cue_in_sentence(&self, w: &Words, r: &Region) -> bool {
        let si = w.layout.sentence_of[r.open] as usize;
        let s = w.layout.sentences[si].tokens.clone();
        let mut cache = self.sentence_cues.borrow_mut();
        let (asked, cues) = &mut *cache;
        if *asked != si {
            *asked = si;
            cues.clear();
            // a kind and shape are read only for the words with one of the facts
            let lower_word = |t: &Token| matches!(t.kind, TokenKind::Word) && t.is(shape::LOWER);
            for i in s.clone() {
                let t = &w.layout.tokens[i];
                if t.has(fact::SPEECH) || (t.has(fact::CUE_START) && lower_word(t)) {
                    cues.push(i as u32);
                }
            }
        }
        let count = |a: usize, b: usize| {
            a < b && {
                let from = cues.partition_point(|&c| (c as usize) < a);
                cues.get(from).is_some_and(|&c| (c as usize) < b)
            }
        };
        count(s.start, r.start.min(s.end)) || count(r.end.max(s.start), s.end)
    }

    fn attribute(
        &self,
        w: &Words,
        r: &Region,
        res: &Resolution,
        near: &Neighbours,
    ) -> Option<Attribution> {
        let after = r.close.map(|c| c + 1).unwrap_or(r.end);
        let sent_end = w
            .layout
            .sentence_of(after.saturating_sub(1).max(r.open))
            .tokens
            .end;
        let sent_start = w.layout.sentence_of(r.open).tokens.start;
        let (next_quote, prev_quote_end) = near.around(r.open);

        // after the quote: ", said X" / ", X said" / "according to X"
        let post_end = sent_end.min(next_quote);
        if after < post_end {
            if let Some(a) = self.post(w, after, post_end, res) {
                return Some(a);
            }
        }
        // "”― Pamela Padilla"
        if let Some(a) = self.dash_name(w, after, res) {
            return Some(a);
        }
        // before the quote: "X said: " / "X said that … "
        let pre_start = sent_start.max(prev_quote_end);
        if pre_start < r.open
            && let Some(a) = self.pre(w, pre_start, r.open, res)
        {
            return Some(a);
        }
        // a quote ending its sentence may be attributed by the next short sentence
        // ("… on the ground." He said.) — rare in news; not tried.
        None
    }

    /// Attribution in `[a, b)` after the quote.
    fn post(&self, w: &Words, a: usize, b: usize, res: &Resolution) -> Option<Attribution> {
        // far enough for a long appositive ("…,” Scott Pruitt, the Republican attorney
        // general of Oklahoma, one of the states suing the EPA, said)
        let limit = b.min(a + 40);
        let mut i = a;
        while i < limit && !w.tok(i).is_wordlike() {
            i += 1;
        }
        // "according to X"
        if let Some(j) =
            (i..limit).find(|&j| w.is_any(j, &["according"]) && w.is_any(j + 1, &["to"]))
        {
            let cue = w.tok(j).span.cover(w.tok(j + 1).span);
            if let Some(sp) = self.speaker_after(w, j + 2, b, res) {
                return Some(sp.with_cue(cue));
            }
        }
        let verb = (i..limit).find(|&j| is_speech_verb(w, j))?;
        let cue = w.tok(verb).span;
        // "said X": the speaker follows the verb
        if verb == i || (verb > i && (i..verb).all(|k| !w.tok(k).is_wordlike() || is_adverb(w, k)))
        {
            if let Some(sp) = self.speaker_after(w, verb + 1, b, res) {
                return Some(sp.with_cue(cue));
            }
        }
        // "X said": the speaker stands before the verb
        if let Some(sp) = self.speaker_before(w, i, verb, res) {
            return Some(sp.with_cue(cue));
        }
        None
    }

    /// Attribution in `[a, b)` before the quote.
    fn pre(&self, w: &Words, a: usize, b: usize, res: &Resolution) -> Option<Attribution> {
        // "X: “…”" — a name and a colon right before the quote
        let mut j = b;
        while j > a && w.tok(j - 1).kind == TokenKind::Dash {
            j -= 1;
        }
        if j > a + 1 && w.tok(j - 1).is_punct(':') {
            let verb = (a..j - 1).rev().find(|&k| is_speech_verb(w, k));
            match verb {
                Some(v) => {
                    let cue = w.tok(v).span;
                    if let Some(sp) = self.speaker_before(w, a, v, res) {
                        return Some(sp.with_cue(cue));
                    }
                    if let Some(sp) = self.speaker_after(w, v + 1, j - 1, res) {
                        return Some(sp.with_cue(cue));
                    }
                }
                None => {
                    if let Some(r) = res.reference_at(j - 2)
                        && r.tokens.1 as usize == j - 1
                    {
                        return Some(Attribution {
                            mention: Some(r.span),
                            cue: None,
                            speaker: Some(r.entity),
                        });
                    }
                    // "President Obama is rolling out a new campaign message: “It's about
                    // me.”": no speech verb, the clause's subject speaks
                    if let Some(s) = self.subject(w, a, j - 1, res)
                        && s.speaker.is_some()
                    {
                        return Some(s);
                    }
                }
            }
        }
        // "X said (that) … “partial quote”" / "according to X, “…”"
        if let Some(k) = (a..b)
            .rev()
            .find(|&k| w.is_any(k, &["according"]) && w.is_any(k + 1, &["to"]))
        {
            let cue = w.tok(k).span.cover(w.tok(k + 1).span);
            if let Some(sp) = self.speaker_after(w, k + 2, b, res) {
                return Some(sp.with_cue(cue));
            }
        }
        let verb = (a..b).rev().find(|&k| is_speech_verb(w, k))?;
        let cue = w.tok(verb).span;
        if let Some(sp) = self.speaker_before(w, a, verb, res) {
            return Some(sp.with_cue(cue));
        }
        self.speaker_after(w, verb + 1, b, res)
            .map(|sp| sp.with_cue(cue))
    }

    /// The speaker right after a speech verb, in `[a, b)`: the noun phrase up to a
    /// comma or clause word ("said Swedish trades union official Ulf Carlsson", "said CTU
    /// President Jesse Sharkey", "said a spokesman for X"). A person in it wins.
    pub(crate) fn speaker_after(
        &self,
        w: &Words,
        a: usize,
        b: usize,
        res: &Resolution,
    ) -> Option<Attribution> {
        let limit = b.min(a + 10);
        let mut end = a;
        while end < limit {
            let t = w.tok(end);
            let boundary = match t.kind {
                TokenKind::Word | TokenKind::Number | TokenKind::Possessive => {
                    end > a && w.is_lower(end) && NP_STOPS.has_outlined(w, end)
                }
                _ => true,
            };
            if boundary {
                break;
            }
            end += 1;
        }
        if end == a {
            return None;
        }
        let mut person = None;
        let mut first = None;
        let mut i = a;
        while i < end {
            if let Some(r) = res.reference_at(i) {
                if res.entities[r.entity].kind == Kind::Person
                    && r.kind != crate::resolve::RefKind::Pronoun
                    || r.kind == crate::resolve::RefKind::Pronoun && i == a
                {
                    person = Some(*r);
                }
                first.get_or_insert(*r);
                i = r.tokens.1 as usize;
            } else {
                i += 1;
            }
        }
        if let Some(r) = person {
            return Some(self.of_reference(w, r.tokens, r.entity, res));
        }
        let start = (a..end).find(|&k| !is_adverb(w, k)).unwrap_or(a);
        if let Some(g) = self.group_speaker(w, start, end.max(start + 1).min(b), res) {
            return Some(g);
        }
        if let Some(r) = first {
            return Some(self.of_reference(w, r.tokens, r.entity, res));
        }
        // "said the ruling", "said a friend": a described speaker
        self.described(w, start, end)
    }

    /// The speaker standing before a speech verb at `verb`, within `[a, verb)`.
    pub(crate) fn speaker_before(
        &self,
        w: &Words,
        a: usize,
        verb: usize,
        res: &Resolution,
    ) -> Option<Attribution> {
        let mut i = verb;
        // skip auxiliaries and adverbs ("has said", "also said", "said Wednesday"), and a
        // doubled verb ("He added: said")
        while i > a {
            let k = i - 1;
            if is_adverb(w, k)
                || AUXILIARIES.has_outlined(w, k)
                || w.tok(k).is_punct(':')
                || is_speech_verb(w, k)
            {
                i = k;
            } else {
                break;
            }
        }
        if i == a {
            return None;
        }
        let mut k = i - 1;
        // "Rep. Gwen Moore (D-Wis.) said": a bracket after the name
        if w.tok(k).is_punct(')')
            && let Some(open) = (a..k).rev().take(8).find(|&j| w.tok(j).is_punct('('))
            && open > a
        {
            k = open - 1;
        }
        // "X, a teacher at Y, said", "Scott Pruitt, the Republican attorney general of
        // Oklahoma, one of the states suing the EPA, said": back over appositives to the
        // name before them (a person first, else an organization)
        if w.tok(k).is_punct(',') {
            let mut org = None;
            for p in (a + 1..k).rev().take(40) {
                if is_speech_verb(w, p) || w.tok(p).quote().is_some() {
                    break;
                }
                if !w.tok(p).is_punct(',') {
                    continue;
                }
                // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
                let mut q = p - 1;
                if w.tok(q).is_punct(')')
                    && let Some(open) = (a..q).rev().take(8).find(|&j| w.tok(j).is_punct('('))
                    && open > a
                {
                    q = open - 1;
                }
                if let Some(r) = res.reference_at(q) {
                    match res.entities[r.entity].kind {
                        Kind::Person => return Some(self.of_reference(w, r.tokens, r.entity, res)),
                        Kind::Organization if org.is_none() => org = Some(*r),
                        _ => {}
                    }
                }
            }
            if let Some(r) = org {
                return Some(self.of_reference(w, r.tokens, r.entity, res));
            }
            // ", accusing the union of …": a participle takes the clause's subject
            if w.text_of(verb).ends_with("ing") {
                return self.subject(w, a, k, res);
            }
            return None;
        }
        if let Some(r) = res.reference_at(k) {
            return Some(self.of_reference(w, r.tokens, r.entity, res));
        }
        // "a CPS spokesperson said", "officials said": the longest group ending at `k`.
        // A group that ends there has its head word there (one that reaches on to an
        // organization, "a spokesman for X", ends before `k`), so without such a word at
        // `k` none of the starts is tried.
        if could_head_group(w, k) {
            let mut j = k + 1;
            while j > a && w.tok(j - 1).kind == TokenKind::Word && k + 1 - (j - 1) <= 5 {
                j -= 1;
            }
            for start in j..=k {
                if let Some(at) = self.group_speaker(w, start, k + 1, res)
                    && at.mention.is_some_and(|m| m.end == w.tok(k).span.end)
                {
                    return Some(at);
                }
            }
        }
        // "He insisted there was no plan … saying:": a participle takes the clause's subject
        if w.text_of(verb).ends_with("ing") {
            return self.subject(w, a, verb, res);
        }
        // "the ad's narrator says", "a friend said": a speaker named only by description
        self.described(w, a, k + 1)
    }

    /// A noun phrase ending at `b` that describes a speaker without naming one ("the
    /// announcer", "the ad's narrator", "my father", "small groups of protesters"): kept
    /// as the speaker mention, with no speaker node.
    fn described(&self, w: &Words, a: usize, b: usize) -> Option<Attribution> {
        let head = b.checked_sub(1)?;
        if head < a || !w.is_lower(head) || w.is_function(head) || w.has(head, flag::SPEECH) {
            return None;
        }
        let mut j = head;
        while j > a && head - j < 6 {
            let p = j - 1;
            let t = w.tok(p);
            let ok = match t.kind {
                TokenKind::Word => {
                    !w.has(p, flag::SPEECH)
                        && (!w.is_function(p)
                            || DESCRIBED_DETS.has_outlined(w, p)
                            || w.is_any(p, &["of"]))
                }
                TokenKind::Possessive | TokenKind::Number => true,
                _ => false,
            };
            if !ok {
                break;
            }
            j = p;
            if DESCRIBED_DETS.has_outlined(w, p) {
                break;
            }
        }
        let determined = DESCRIBED_DETS.has_outlined(w, j);
        let plural = w.text_of(head).ends_with('s') && !w.text_of(head).ends_with("ss");
        (determined || plural).then(|| Attribution {
            mention: Some(w.tok(j).span.cover(w.tok(head).span)),
            cue: None,
            speaker: None,
        })
    }

    /// `"…” ― Pamela Padilla`: a dash and a name after the quote.
    fn dash_name(&self, w: &Words, after: usize, res: &Resolution) -> Option<Attribution> {
        let n = w.layout.tokens.len();
        let mut i = after;
        while i < n && (w.tok(i).is_punct(',') || w.tok(i).is_punct('.')) {
            i += 1;
        }
        if i + 1 >= n
            || w.tok(i).kind != TokenKind::Dash
            || w.tok(i).para != w.tok(after.saturating_sub(1)).para
        {
            return None;
        }
        let s = i + 1;
        if let Some(r) = res.reference_at(s)
            && res.entities[r.entity].kind != Kind::Place
        {
            return Some(self.of_reference(w, r.tokens, r.entity, res));
        }
        // an unknown name: capitalized words
        let mut e = s;
        while e < n && w.tok(e).kind == TokenKind::Word && w.tok(e).is(shape::CAP) && e - s < 5 {
            e += 1;
        }
        (e > s + 1).then(|| Attribution {
            mention: Some(w.tok(s).span.cover(w.tok(e - 1).span)),
            cue: None,
            speaker: None,
        })
    }

    /// The first name, nominal, pronoun or group in `[a, b)`: a clause's subject.
    fn subject(&self, w: &Words, a: usize, b: usize, res: &Resolution) -> Option<Attribution> {
        for i in a..b {
            if let Some(g) = self.group_speaker(w, i, b, res) {
                return Some(g);
            }
            if let Some(r) = res.reference_at(i) {
                return Some(self.of_reference(w, r.tokens, r.entity, res));
            }
        }
        None
    }

    /// "a CPS spokesperson", "a spokesman for X", "officials", "sources" in `[i, b)`.
    fn group_speaker(
        &self,
        w: &Words,
        i: usize,
        b: usize,
        res: &Resolution,
    ) -> Option<Attribution> {
        let mut j = i;
        if GROUP_DETS.has_outlined(w, j) {
            j += 1;
        }
        // "[a] ORG spokesperson"
        let mut org = None;
        while j < b {
            if let Some(r) = res.reference_at(j)
                && res.entities[r.entity].kind == Kind::Organization
                && r.kind != crate::resolve::RefKind::Pronoun
            {
                org = Some(r.entity);
                j = r.tokens.1 as usize;
                if w.tok(j.min(b - 1)).kind == TokenKind::Possessive {
                    j += 1;
                }
                continue;
            }
            if w.is_lower(j)
                && (w.has(j, flag::ROLE_MOD) || w.has(j, flag::DEMONYM) || is_adjectival(w, j))
                && !SPOKES.has_outlined(w, j)
            {
                j += 1;
                continue;
            }
            break;
        }
        if j >= b {
            return None;
        }
        let is_spokes = SPOKES.has_outlined(w, j) || (org.is_some() && w.has(j, flag::ROLE));
        let is_group = GROUP_SPEAKERS.has_outlined(w, j);
        if !is_spokes && !is_group {
            return None;
        }
        let mut end = j + 1;
        // "a spokesman for X" / "officials at X"
        if org.is_none()
            && end + 1 < b
            && w.is_any(end, &["for", "at", "of", "from", "with"])
            && let Some(r) = res
                .reference_at(end + 1)
                .or_else(|| res.reference_at(end + 2))
            && res.entities[r.entity].kind == Kind::Organization
        {
            org = Some(r.entity);
            end = r.tokens.1 as usize;
        }
        Some(Attribution {
            mention: Some(w.tok(i).span.cover(w.tok(end - 1).span)),
            cue: None,
            speaker: if is_spokes || org.is_some() {
                org
            } else {
                None
            },
        })
    }

    fn of_reference(
        &self,
        w: &Words,
        tokens: (u32, u32),
        entity: usize,
        res: &Resolution,
    ) -> Attribution {
        let a = tokens.0 as usize;
        let b = tokens.1 as usize;
        // "she said" right after "a BBC spokeswoman said": the same spokeswoman, who speaks
        // for her organization
        if b == a + 1
            && res
                .reference_at(a)
                .is_some_and(|r| r.kind == crate::resolve::RefKind::Pronoun)
            && let Some(act) = *self.last_act.borrow()
            && w.layout.sentence_of[a].saturating_sub(act.sentence) <= 2
            && act.pos < a
            && let Some(m) = act.att.mention
            && act.att.speaker.is_some()
        {
            // the pronoun first, the words of the mention only for "he" or "she" (no
            // lower-cased copies: this is asked of most pronouns that are a reference)
            let pron = w.text_of(a);
            let is = |p: &str| pron.eq_ignore_ascii_case(p);
            let she = is("she") || is("her");
            let he = is("he") || is("him");
            let said = m.text(w.text);
            let either = (she || he) && contains_lower(said, "spokesperson");
            if either
                || (she && contains_lower(said, "spokeswoman"))
                || (he && contains_lower(said, "spokesman"))
            {
                return Attribution {
                    mention: Some(w.tok(a).span),
                    cue: None,
                    speaker: act.att.speaker,
                };
            }
        }
        // "CPS spokesperson": the name is an organization and a spokes-word follows
        if res.entities[entity].kind == Kind::Organization
            && b < w.layout.tokens.len()
            && let Some(g) = self.group_speaker(w, a, (b + 3).min(w.layout.tokens.len()), res)
        {
            return g;
        }
        Attribution {
            mention: Some(w.tok(a).span.cover(w.tok(b - 1).span)),
            cue: None,
            speaker: Some(entity),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Attribution {
    pub(crate) mention: Option<Span>,
    pub(crate) cue: Option<Span>,
    pub(crate) speaker: Option<usize>,
}

impl Attribution {
    fn with_cue(mut self, cue: Span) -> Self {
        self.cue = Some(cue);
        self
    }
}

fn direction(layout: &Layout, i: usize) -> Dir {
    let t = layout.tokens[i];
    let before = t.is(shape::SPACE_BEFORE)
        || i == 0
        || layout.tokens[i - 1].para != t.para
        || matches!(
            layout.tokens[i - 1].kind,
            TokenKind::Punct('(') | TokenKind::Punct('[') | TokenKind::Dash
        );
    let after = t.is(shape::SPACE_AFTER)
        || i + 1 >= layout.tokens.len()
        || layout.tokens[i + 1].para != t.para
        || matches!(layout.tokens[i + 1].kind, TokenKind::Punct(_));
    let by_spacing = match (before, after) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    };
    match t.quote() {
        // a curly mark says its direction, unless its spacing plainly says the other
        // (”Mr. Trump … at a paragraph start is a typo for “)
        Some(QuoteMark::DoubleOpen) if by_spacing == Dir::Close => Dir::Close,
        Some(QuoteMark::DoubleClose) if by_spacing == Dir::Open => Dir::Open,
        Some(QuoteMark::DoubleOpen) => Dir::Open,
        Some(QuoteMark::DoubleClose) => Dir::Close,
        _ => by_spacing,
    }
}

fn ends_sentence(layout: &Layout, i: usize) -> bool {
    matches!(
        layout.tokens[i].kind,
        TokenKind::Punct('.')
            | TokenKind::Punct('!')
            | TokenKind::Punct('?')
            | TokenKind::Punct('…')
    )
}

/// Content tokens without leading/trailing blanks; None if empty.
fn trim(w: &Words, a: usize, b: usize) -> Option<(usize, usize)> {
    (a < b)
        .then_some((a, b))
        .filter(|_| (a..b).any(|i| w.tok(i).is_wordlike()))
}

/// A speech verb form in lower case ("said", "told").
pub(crate) fn is_speech_verb(w: &Words, i: usize) -> bool {
    w.tok(i).kind == TokenKind::Word && w.is_lower(i) && w.has(i, flag::SPEECH)
}

/// True when token `i` may be the head of a group speaker ([`Quoter::group_speaker`]):
/// a spokes-word, a group word, or a role (a spokes-word after an organization).
fn could_head_group(w: &Words, i: usize) -> bool {
    SPOKES.has_outlined(w, i) || GROUP_SPEAKERS.has_outlined(w, i) || w.has(i, flag::ROLE)
}

pub(crate) fn is_adverb(w: &Words, i: usize) -> bool {
    // the list and the text before the calendar flag, which reads the word's lexicon
    // entry (asked of every word before a speech verb, most of which are none of them)
    w.tok(i).kind == TokenKind::Word
        && (ADVERBS.has(w, i)
            || (w.is_lower(i) && w.text_of(i).ends_with("ly") && w.text_of(i).len() > 4)
            || w.has(i, flag::CALENDAR))
}

/// Adverbs that do not end in "ly" (and a few that do), for [`is_adverb`].
const ADVERBS: WordSet = WordSet::new(&[
    "also",
    "later",
    "then",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "previously",
    "again",
    "once",
    "earlier",
    "repeatedly",
    "simply",
    "only",
    "flatly",
]);

/// True when `text` lower-cased contains `word` (lower case): an ASCII text is compared
/// in place, any other lower-cased first (where a letter such as the Kelvin sign becomes
/// an ASCII one).
fn contains_lower(text: &str, word: &str) -> bool {
    if text.is_ascii() {
        text.as_bytes()
            .windows(word.len())
            .any(|x| x.eq_ignore_ascii_case(word.as_bytes()))
    } else {
        text.to_lowercase().contains(word)
    }
}

fn is_adjectival(w: &Words, i: usize) -> bool {
    let s = w.text_of(i);
    w.is_lower(i)
        && (s.ends_with("al")
            || s.ends_with("ial")
            || s.ends_with("ive")
            || s.ends_with("ed")
            || s.ends_with("ic")
            || s.ends_with("ior"))
}

/// True when every word of at least three letters is capitalized ("Top of the Pops").
fn is_title_case(w: &Words, a: usize, b: usize) -> bool {
    let mut words = 0;
    for i in a..b {
        let t = w.tok(i);
        match t.kind {
            TokenKind::Word => {
                words += 1;
                if w.text_of(i).chars().count() >= 3 && !t.is(shape::CAP) && !w.is_function(i) {
                    return false;
                }
            }
            TokenKind::Punct('.') | TokenKind::Punct('!') | TokenKind::Punct('?') => return false,
            TokenKind::Punct(',') if i + 1 < b => return false,
            _ => {}
        }
    }
    (1..=8).contains(&words) && w.tok(a).is(shape::CAP)
}

/// A fragment: the quote opens after a word of the writer's sentence (not at its start,
/// nor after a colon or dash) and does not end like a spoken sentence.
fn is_partial(w: &Words, open: usize, cs: usize, ce: usize) -> bool {
    let s = w.layout.sentence_of(open).tokens.start;
    let after_word = open > s && w.tok(open - 1).is_wordlike();
    after_word
        && !ends_like_speech(w, cs, ce)
        && !w.tok(ce - 1).is_punct('?')
        && !w.tok(ce - 1).is_punct('!')
}

/// True when the quoted words end like spoken sentences do: "We need change," / "What
/// curfew?" — speech, not a scare quote, however short.
fn ends_like_speech(w: &Words, a: usize, b: usize) -> bool {
    b > a + 1
        && matches!(
            w.tok(b - 1).kind,
            TokenKind::Punct('.')
                | TokenKind::Punct('!')
                | TokenKind::Punct('?')
                | TokenKind::Punct(',')
        )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::mentions::Recognizer;
    use crate::resolve::Resolver;

    #[test]
    fn neighbours_agree_with_a_scan_of_every_region() {
        let region = |open: usize, close: Option<usize>, end: usize| Region {
            open,
            close,
            start: open + 1,
            end,
            continues: false,
        };
        let regions = [
            region(2, Some(5), 5),
            region(7, None, 30),
            region(9, Some(12), 12),
            region(40, Some(41), 41),
        ];
        let near = Neighbours::new(&regions);
        for open in 0..45 {
            let next = regions
                .iter()
                .map(|x| x.open)
                .find(|&o| o > open)
                .unwrap_or(usize::MAX);
            let prev_end = regions
                .iter()
                .filter(|x| x.open < open)
                .map(|x| x.close.map(|c| c + 1).unwrap_or(x.end))
                .max()
                .unwrap_or(0);
            assert_eq!(near.around(open), (next, prev_end), "open {open}");
        }
    }

    /// Text with quote marks of every kind, speech verbs in several cases, "according",
    /// stance cues and adverbs, for the tests of the fast paths against simple versions.
    pub(crate) const MIXED: &str = "Mr Blair said on Monday that the plan would fail. \
        \"We will not back down,\" he told reporters. ACCORDING to aides, Mr Brown Said \
        “it is over”, and «she» added: \"No.\" According to the BBC, critics \
        repeatedly claimed the “deal” was flatly illegal; officials yesterday denied \
        it, saying they support it. \"Short\" and “Top of the Pops” or 'single' \
        quotes. A spokeswoman for Acme said she agreed, Kelvin Spo\u{212A}esman said.\n\n\
        “Another paragraph opens,” said the ÉLYSÉE spokesman. Previously, sources \
        accorded it nothing; the adviser simply recently said it.";

    #[test]
    fn scan_lists_what_a_simple_pass_finds() {
        let lex = Lexicon::shared();
        for text in [MIXED, "", "\"", "according to"] {
            let layout = Layout::parse(text, lex);
            let scan = Scan::new(lex, &layout, (0, 0));
            let according = lex.word_id("according");
            let mut marks = Vec::new();
            let mut starts = Vec::new();
            for (i, t) in layout.tokens.iter().enumerate() {
                if t.quote().is_some_and(|q| q.is_double()) {
                    marks.push(i);
                }
                let word = t.kind == TokenKind::Word;
                let speech = t.has(fact::SPEECH)
                    && word
                    && t.is(shape::LOWER)
                    && !t.has(fact::QUOTE_ONLY_SPEECH);
                let according = word
                    && t.span.len() == "according".len()
                    && (according.is_none() || t.word == according);
                if speech || according {
                    starts.push(i);
                }
            }
            assert_eq!(scan.marks, marks, "{text}");
            assert_eq!(scan.starts, starts, "{text}");
            assert!(!starts.is_empty() || text.len() < 20);
        }
    }

    /// `f` of the words of `text`.
    pub(crate) fn with_words<R>(text: &str, f: impl FnOnce(&Words) -> R) -> R {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        f(&Words {
            text,
            layout: &layout,
            lexicon: lex,
        })
    }

    #[test]
    fn cues_in_a_sentence_agree_with_a_pass_over_it() {
        with_words(MIXED, cues_agree);
    }

    fn cues_agree(w: &Words) {
        let (lex, layout) = (w.lexicon, w.layout);
        let q = Quoter::new(lex);
        let is_cue = |t: &Token| {
            t.has(fact::SPEECH)
                || (t.has(fact::CUE_START) && t.kind == TokenKind::Word && t.is(shape::LOWER))
        };
        let mut asked = 0;
        // every stretch of every sentence, as a region would give it, in text order and
        // again out of it (the cache of one sentence must not answer for another)
        for round in 0..2 {
            for s in layout.sentences.iter() {
                let (a, b) = (s.tokens.start, s.tokens.end);
                for open in a..b {
                    for end in open + 1..=b {
                        let r = Region {
                            open,
                            close: None,
                            start: open + 1,
                            end,
                            continues: false,
                        };
                        let outside = (a..r.start.min(b)).chain(r.end.max(a)..b);
                        let want = outside.filter(|&i| is_cue(&layout.tokens[i])).count() > 0;
                        assert_eq!(q.cue_in_sentence(w, &r), want, "{open}..{end}");
                        asked += usize::from(want);
                    }
                }
                if round == 1 {
                    // another sentence in between
                    let r = Region {
                        open: 0,
                        close: None,
                        start: 1,
                        end: 1,
                        continues: false,
                    };
                    q.cue_in_sentence(w, &r);
                }
            }
        }
        assert!(asked > 0);
    }

    #[test]
    fn adverbs_as_the_simple_version_finds_them() {
        with_words(MIXED, adverbs_agree);
    }

    fn adverbs_agree(w: &Words) {
        let layout = w.layout;
        let mut found = 0;
        for i in 0..layout.tokens.len() {
            let simple = w.tok(i).kind == TokenKind::Word
                && (w.has(i, flag::CALENDAR)
                    || w.is_any(i, ADVERBS.words())
                    || (w.is_lower(i) && w.text_of(i).ends_with("ly") && w.text_of(i).len() > 4));
            assert_eq!(is_adverb(w, i), simple, "{}", w.text_of(i));
            found += usize::from(simple);
        }
        assert!(found >= 5, "{found}");
    }

    #[test]
    fn contains_lower_agrees_with_a_lower_cased_copy() {
        let texts = [
            "a BBC Spokeswoman",
            "SPOKESPERSON",
            "spokes man",
            "the ÉLYSÉE spokesman",
            "Spo\u{212A}esman",
            "spokesma",
            "",
            "İspokesman",
        ];
        for text in texts {
            for word in ["spokesman", "spokeswoman", "spokesperson"] {
                assert_eq!(
                    contains_lower(text, word),
                    text.to_lowercase().contains(word),
                    "{text} {word}"
                );
            }
        }
    }

    /// The stages up to quotes on `text`, for tests here and in `statements`.
    pub(crate) fn quoted(text: &str) -> (Quoter<'static>, Layout, Resolution, Vec<Quote>) {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        let q = Quoter::new(lex);
        let regions = q.regions(&layout);
        let res = Resolver::new(lex).resolve(text, &layout, &ms);
        let quotes = q.quotes(text, &layout, &regions, &res);
        (q, layout, res, quotes)
    }

    /// (quote text, speaker label or "-")
    fn run(text: &str) -> Vec<(String, String)> {
        let (_, _, res, quotes) = quoted(text);
        quotes
            .into_iter()
            .map(|q| {
                (
                    q.span.text(text).to_string(),
                    q.speaker
                        .map(|e| res.entities[e].label.clone())
                        .unwrap_or("-".into()),
                )
            })
            .collect()
    }

    #[test]
    fn attribution_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "“We do not yet have an agreement for safe reopening,” said CTU President Jesse Sharkey.",
                &[(
                    "We do not yet have an agreement for safe reopening,",
                    "Jesse Sharkey",
                )],
            ),
            (
                "Jesse Sharkey spoke.\n\n“We are asking for the district to delay reopening by a week,” he said.",
                &[(
                    "We are asking for the district to delay reopening by a week,",
                    "Jesse Sharkey",
                )],
            ),
            (
                "“I see no basis for delay, it is my expectation,” Mayor Lori Lightfoot said.",
                &[(
                    "I see no basis for delay, it is my expectation,",
                    "Lori Lightfoot",
                )],
            ),
            (
                "Michael Raftery, project manager at the Hansard Society, said: \"The mock elections mirror the excitement.\"",
                &[(
                    "The mock elections mirror the excitement.",
                    "Michael Raftery",
                )],
            ),
            (
                "Schools Minister Stephen Twigg said: \"Young people are essential. \"The initiative provides an opportunity. \"By experiencing it we hope.\" The end.",
                &[
                    ("Young people are essential.", "Stephen Twigg"),
                    ("The initiative provides an opportunity.", "Stephen Twigg"),
                    ("By experiencing it we hope.", "Stephen Twigg"),
                ],
            ),
            (
                "BBC Two controller Roly Keating: \"It's an exciting new era for the show.\"",
                &[("It's an exciting new era for the show.", "Roly Keating")],
            ),
            (
                "But a CPS spokesperson called it inaccurate, accusing the union of “choosing to create uncertainty” for families.",
                &[("choosing to create uncertainty", "CPS")],
            ),
            ("Galloway targets the \"New Labour\" MP.", &[]),
        ];
        for (text, want) in cases {
            let got = run(text);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn multi_paragraph_quote_keeps_its_speaker() {
        let text = "Mr Kennedy said: “There are some who say so.\n\n“There is some truth in that,” he added.";
        let got = run(text);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(_, s)| s == "Kennedy"), "{got:?}");
    }
}
