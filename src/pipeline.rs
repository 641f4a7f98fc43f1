//! The pipeline: every stage, in order, in one place.
//!
//! Takes: a [`Document`]. Gives: an [`Extraction`]: the document's entities, quotes,
//! affiliations and stances, with offsets already converted to code points (the one
//! conversion, done here, at the edge of the per-document work), ready to be merged into
//! a [`crate::graph::KnowledgeGraph`]. The words are not copied out one by one: each place
//! ([`Located`]) keeps its byte span too, into the document's text, which the extraction
//! holds once.
//!
//! Stages: clean → tokens → sentences ([`Layout`]) → quote regions → mentions →
//! resolution → quotes with speakers → roles → stances.
//!
//! Documents can go through in batches ([`Pipeline::extract_batch`]): every stage for
//! every document of the batch before the next stage (the layout and the quote regions
//! count as one), so that a stage's code (tens of KB; the stances' 190 KB) is fetched
//! once a batch, not once a document after the other stages evicted it. On BBC with
//! batches of 16, L1 instruction misses fall 8.4 M → 4.8 M and last-level ones 1.7 M →
//! 0.8 M, for 1.1 M more L1 data misses and 2.5 M more last-level ones (a document's
//! tokens are colder at its next stage); CPU time falls 12 %. The price is memory: each
//! document of a batch has its layout and results alive until the batch ends, so
//! batches are a few documents (the archive's are 16 documents or 64 KB of text,
//! whichever comes first), and between batches a thread keeps the buffers of at most 16
//! documents, each of 16 KB of text or less (a few MB at most; a few hundred KB for
//! news, whose articles are 2-6 KB).

use std::cell::RefCell;
use std::sync::Arc;

use crate::clean::{BoilerplateIndex, Cleaner};
use crate::document::{CharIndex, Document, MAX_TEXT_BYTES, Source, Span};
use crate::kind::{Kind, Polarity};
use crate::layout::Layout;
use crate::lexicon::Lexicon;
use crate::mentions::{Mention, MentionIndex, Recognizer};
use crate::quotes::{Quote, Quoter};
use crate::resolve::{Resolution, ResolveScratch, Resolver};
use crate::roles::{Affiliation, PartOf, RoleFinder};
use crate::stances::{CueIndex, Found, StanceFinder, StanceScratch, Target};
use crate::statements::Statement;

/// Words of a document, by where they are: code-point offsets (what the exports
/// write) and the byte span of the same words (what slices the text). The words
/// themselves are not copied: read them with [`Extraction::text_of`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Located {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The same words as bytes of [`Extraction::text`].
    pub bytes: Span,
}

impl Located {
    /// The words covered, read from `text`: the [`Extraction::text`] (or the document's
    /// text, of which it is the start) the offsets point into. Panics, as slicing does,
    /// on a text the span does not fit.
    pub fn text(self, text: &str) -> &str {
        self.bytes.text(text)
    }
}

/// An entity of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct ExEntity {
    /// Person, organization or place.
    pub kind: Kind,
    /// Canonical name.
    pub label: String,
    /// Other names it goes by in the document.
    pub aliases: Vec<String>,
    /// Its name mentions.
    pub mentions: Vec<Located>,
}

/// A quote of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct ExQuote {
    /// The quoted words.
    pub text: Located,
    /// The words the attribution rests on.
    pub speaker_mention: Option<Located>,
    /// The speech cue.
    pub cue: Option<Located>,
    /// Index of the speaker in [`Extraction::entities`].
    pub speaker: Option<usize>,
    /// A fragment quoted inside the writer's sentence.
    pub partial: bool,
}

/// A person's role in an organization.
#[derive(Clone, Debug, PartialEq)]
pub struct ExAffiliation {
    /// Index of the person in [`Extraction::entities`].
    pub person: usize,
    /// Index of the organization.
    pub org: usize,
    /// Role words, if given.
    pub role: Option<String>,
    /// Confidence (0..1).
    pub confidence: f32,
    /// The words that show it.
    pub evidence: Located,
}

/// An organization that is part of another ("CTU House of Delegates" → CTU).
#[derive(Clone, Debug, PartialEq)]
pub struct ExPartOf {
    /// Index of the part in [`Extraction::entities`].
    pub child: usize,
    /// Index of the whole.
    pub parent: usize,
    /// The words that show it.
    pub evidence: Located,
}

/// What a stance is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExTarget {
    /// Index into [`Extraction::entities`].
    Entity(usize),
    /// A topic: its label as written, and the key it merges under (see
    /// [`crate::stances::topic_key`]).
    Topic {
        /// Short canonical label ("delay of reopening").
        label: String,
        /// Merge key (lower case, singular head).
        key: String,
    },
}

/// A stance of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct ExStance {
    /// Index of the holder in [`Extraction::entities`].
    pub holder: usize,
    /// Supports or opposes.
    pub polarity: Polarity,
    /// Target.
    pub target: ExTarget,
    /// The act ("requests").
    pub act: String,
    /// The cue as written.
    pub cue: Located,
    /// Confidence (0..1).
    pub confidence: f32,
    /// The sentence.
    pub evidence: Located,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// Where the document came from.
    pub source: Source,
    /// The document's text (of a document over [`MAX_TEXT_BYTES`], that much): every
    /// [`Located`] points into it, and [`Extraction::text_of`] reads its words from it.
    /// One copy per document, not one per mention, quote and cue.
    pub text: String,
    /// Length of the text in code points.
    pub chars: u32,
    /// Entities.
    pub entities: Vec<ExEntity>,
    /// Quotes, in text order.
    pub quotes: Vec<ExQuote>,
    /// Statements of reported speech, in text order (`partial` is always false).
    pub statements: Vec<ExQuote>,
    /// Affiliations.
    pub affiliations: Vec<ExAffiliation>,
    /// Organizations that are parts of others.
    pub part_of: Vec<ExPartOf>,
    /// Stances.
    pub stances: Vec<ExStance>,
}

impl Extraction {
    /// The words at `l`, one of this extraction's places.
    pub fn text_of(&self, l: &Located) -> &str {
        l.text(&self.text)
    }
}

/// A lexicon shared by every thread: the built-in one, or one with user additions.
#[derive(Clone, Debug)]
enum LexiconRef {
    Shared(&'static Lexicon),
    Owned(Arc<Lexicon>),
}

impl std::ops::Deref for LexiconRef {
    type Target = Lexicon;
    fn deref(&self) -> &Lexicon {
        match self {
            LexiconRef::Shared(l) => l,
            LexiconRef::Owned(l) => l,
        }
    }
}

/// Runs the stages. Cheap to clone; share one per program.
#[derive(Clone, Debug)]
pub struct Pipeline {
    lexicon: LexiconRef,
    /// Derived from the lexicon once, for every document.
    mention_index: Arc<MentionIndex>,
    /// The lexicon's boilerplate rules indexed once, for every document.
    boilerplate: Arc<BoilerplateIndex>,
    /// The lexicon's stance cue words with what can follow them, once, for every document.
    cues: Arc<CueIndex>,
}

/// The buffers of one document of a batch: its layout and its resolution's buffers,
/// made again in by the document of the same rank by length in the next batch
/// ([`slots_by_length`]).
#[derive(Default)]
struct Slot {
    layout: Layout,
    resolve: ResolveScratch,
}

/// The buffers of one thread's documents, lent to the stages by [`Pipeline::extract_batch`]:
/// each document is laid out and resolved in the memory of one before in its slot
/// (warm in the caches, not asked of the allocator again). Owned things only, so one set
/// serves any pipeline; taken out while a batch is read, so a re-entrant call finds it
/// empty and makes its own.
#[derive(Default)]
struct Scratch {
    slots: Vec<Slot>,
    stances: StanceScratch,
}

/// Documents longer than this leave no buffers behind: the buffers grow with the
/// document, and one long document is not to keep a thread's memory that large.
/// (News articles are a few KB; at this limit a slot keeps a quarter of a megabyte at
/// most.)
const SCRATCH_KEEP_BYTES: usize = 16 * 1024;

/// Most slots a thread keeps between batches (a longer batch makes the rest afresh).
const SCRATCH_KEEP_SLOTS: usize = 16;

/// The slot of each of `texts`: the longest text's is 0, the next longest's 1, and so
/// on (ties in order). A slot's buffers grow to fit the longest document it is given and
/// are kept at that size; given the documents of each batch in order of length, a few
/// slots grow large and the others stay the size of a short document. In the order of
/// the batch, every slot meets a long document sooner or later: on BBC -j1 the kept
/// slots added 2.1 MB to the peak of the heap in use, by length 0.2 MB. It counts the
/// more with transparent huge pages: a kept buffer of a medium size keeps the
/// allocator's page of its size class (512 KiB or more) in use, and the 2 MB page
/// around it resident (BBC -j1 peak RSS 77.3 → 69.4 MB).
fn slots_by_length(texts: &[&str]) -> Vec<usize> {
    let mut by_length: Vec<usize> = (0..texts.len()).collect();
    by_length.sort_by_key(|&i| std::cmp::Reverse(texts[i].len()));
    let mut slot = vec![0; texts.len()];
    for (k, &i) in by_length.iter().enumerate() {
        slot[i] = k;
    }
    slot
}

thread_local! {
    static SCRATCH: RefCell<Option<Box<Scratch>>> = const { RefCell::new(None) };
}

/// The longest prefix of `text` within [`MAX_TEXT_BYTES`], cut on a char boundary.
fn within_limit(text: &str) -> &str {
    if text.len() <= MAX_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline over the built-in word lists.
    pub fn new() -> Self {
        let lexicon = Lexicon::shared();
        Pipeline {
            lexicon: LexiconRef::Shared(lexicon),
            mention_index: Arc::new(MentionIndex::new(lexicon)),
            boilerplate: Arc::new(BoilerplateIndex::new(&lexicon.boilerplate)),
            cues: Arc::new(CueIndex::new(lexicon)),
        }
    }

    /// A pipeline over the given word lists (e.g. with user lexicons added).
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Pipeline {
            mention_index: Arc::new(MentionIndex::new(&lexicon)),
            boilerplate: Arc::new(BoilerplateIndex::new(&lexicon.boilerplate)),
            cues: Arc::new(CueIndex::new(&lexicon)),
            lexicon: LexiconRef::Owned(Arc::new(lexicon)),
        }
    }

    /// The word lists in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts entities, quotes, roles and stances from one document (of a document
    /// over [`MAX_TEXT_BYTES`], only that much: offsets are 32-bit).
    pub fn extract(&self, doc: &Document) -> Extraction {
        let mut ex = self.extract_batch(&[doc]);
        ex.pop().expect("one extraction a document")
    }

    /// [`Pipeline::extract`] of each document, in order: the same extractions, made
    /// stage by stage (every document laid out, then every one's quote regions, …) so
    /// that a stage's code is read from memory once a batch rather than once a
    /// document. All the documents' layouts and intermediate results are alive at once:
    /// callers keep batches small (a few documents, some tens of KB of text).
    pub fn extract_batch(&self, docs: &[&Document]) -> Vec<Extraction> {
        let lex: &Lexicon = &self.lexicon;
        let n = docs.len();
        let texts: Vec<&str> = docs.iter().map(|d| within_limit(&d.text)).collect();
        let mut scratch = SCRATCH.with(|s| s.borrow_mut().take()).unwrap_or_default();
        if scratch.slots.len() < n {
            scratch.slots.resize_with(n, Slot::default);
        }
        let Scratch { slots, stances } = &mut *scratch;
        let slots = &mut slots[..n];
        let at = slots_by_length(&texts);
        let cleaner = Cleaner::with_index(lex, &self.boilerplate);
        // a quoter remembers its document's scan and last speech act: one each
        let quoters: Vec<Quoter> = (0..n).map(|_| Quoter::new(lex)).collect();
        // the quote regions' scan reads every token: done as the layout is made, while
        // its tokens are still in L1 (their code is small)
        let regions: Vec<_> = (0..n)
            .map(|i| {
                slots[at[i]].layout.parse_into(texts[i], lex, &cleaner);
                quoters[i].regions(&slots[at[i]].layout)
            })
            .collect();
        let mentions: Vec<_> = (0..n)
            .map(|i| {
                Recognizer::with_index(lex, &self.mention_index)
                    .recognize(texts[i], &slots[at[i]].layout)
            })
            .collect();
        let resolver = Resolver::new(lex);
        let resolutions: Vec<_> = (0..n)
            .map(|i| {
                let s = &mut slots[at[i]];
                resolver.resolve_with(texts[i], &s.layout, &mentions[i], &mut s.resolve)
            })
            .collect();
        let quotes: Vec<_> = (0..n)
            .map(|i| {
                quoters[i].quotes(texts[i], &slots[at[i]].layout, &regions[i], &resolutions[i])
            })
            .collect();
        let statements: Vec<_> = (0..n)
            .map(|i| {
                quoters[i].statements(texts[i], &slots[at[i]].layout, &resolutions[i], &quotes[i])
            })
            .collect();
        let roles = RoleFinder::new(lex);
        let affiliations: Vec<_> = (0..n)
            .map(|i| {
                roles.find(
                    texts[i],
                    &slots[at[i]].layout,
                    &mentions[i],
                    &resolutions[i],
                )
            })
            .collect();
        let parts: Vec<_> = (0..n)
            .map(|i| crate::roles::part_of(&mentions[i], &resolutions[i]))
            .collect();
        let found: Vec<_> = (0..n)
            .map(|i| {
                StanceFinder::with_index(lex, &self.cues).find_with(
                    texts[i],
                    &slots[at[i]].layout,
                    &resolutions[i],
                    &quotes[i],
                    &statements[i],
                    &affiliations[i],
                    stances,
                )
            })
            .collect();
        let out = mentions
            .into_iter()
            .zip(resolutions)
            .zip(quotes.into_iter().zip(statements))
            .zip(affiliations.into_iter().zip(parts).zip(found))
            .enumerate()
            .map(
                |(i, (((mentions, res), (quotes, statements)), ((affiliations, parts), found)))| {
                    self.edge(
                        docs[i],
                        texts[i],
                        mentions,
                        res,
                        quotes,
                        statements,
                        affiliations,
                        parts,
                        found,
                        &mut slots[at[i]],
                    )
                },
            )
            .collect();
        // a slot of a long document lets its buffers go
        for (i, text) in texts.iter().enumerate() {
            if text.len() > SCRATCH_KEEP_BYTES {
                slots[at[i]] = Slot::default();
            }
        }
        scratch.slots.truncate(SCRATCH_KEEP_SLOTS);
        SCRATCH.with(|s| *s.borrow_mut() = Some(scratch));
        out
    }

    /// The extraction of a document from its stages' results: `text` is the document's
    /// (within the limit), laid out in `scratch.layout`.
    #[allow(clippy::too_many_arguments)]
    fn edge(
        &self,
        doc: &Document,
        text: &str,
        mentions: Vec<Mention>,
        mut res: Resolution,
        quotes: Vec<Quote>,
        statements: Vec<Statement>,
        affiliations: Vec<Affiliation>,
        parts: Vec<PartOf>,
        found: Found,
        scratch: &mut Slot,
    ) -> Extraction {
        let lex: &Lexicon = &self.lexicon;
        // the edge: byte spans become code-point offsets, once
        let ix = CharIndex::new(text);
        // words are not copied: the extraction keeps the text once, and each place its span
        let loc = |s: Span| Located {
            start: ix.char_offset(s.start),
            end: ix.char_offset(s.end),
            bytes: s,
        };
        // entities named only by an adjective ("Russian officials") come after the
        // resolution's, in the order the stances numbered them; they have no mentions
        // the resolution is done with: its names move, not copied
        let entities = std::mem::take(&mut res.entities)
            .into_iter()
            .map(|e| ExEntity {
                kind: e.kind,
                label: e.label,
                aliases: e.aliases.into_iter().collect(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|&mi| loc(mentions[mi].span))
                    .collect(),
            })
            .chain(found.implied.into_iter().map(|i| ExEntity {
                kind: i.kind,
                label: i.label,
                aliases: vec![i.alias],
                mentions: Vec::new(),
            }))
            .collect();
        // its vectors by mention and token are made again in for the next document
        scratch.resolve.give_back(res);
        // a quote and a statement carry the same record
        let said =
            |span: Span, mention: Option<Span>, cue: Option<Span>, speaker, partial| ExQuote {
                text: loc(span),
                speaker_mention: mention.map(loc),
                cue: cue.map(loc),
                speaker,
                partial,
            };
        let quotes = quotes
            .iter()
            .map(|q| said(q.span, q.speaker_mention, q.cue, q.speaker, q.partial))
            .collect();
        let statements = statements
            .iter()
            .map(|st| said(st.span, st.speaker_mention, st.cue, st.speaker, false))
            .collect();
        // the stages are done with their findings: their words move, not copied
        let affiliations = affiliations
            .into_iter()
            .map(|a| ExAffiliation {
                person: a.person,
                org: a.org,
                role: a.role,
                confidence: a.confidence,
                evidence: loc(a.evidence),
            })
            .collect();
        let part_of = parts
            .iter()
            .map(|p| ExPartOf {
                child: p.child,
                parent: p.parent,
                evidence: loc(p.evidence),
            })
            .collect();
        let stances = found
            .stances
            .into_iter()
            .map(|s| ExStance {
                holder: s.holder,
                polarity: s.polarity,
                target: match s.target {
                    Target::Entity(e) => ExTarget::Entity(e),
                    Target::Topic(t) => ExTarget::Topic {
                        key: crate::stances::topic_key(&t, lex),
                        label: t,
                    },
                },
                act: s.act,
                cue: loc(s.cue),
                confidence: s.confidence,
                evidence: loc(s.evidence),
            })
            .collect();
        Extraction {
            source: doc.source.clone(),
            text: text.to_string(),
            chars: ix.total_chars(),
            entities,
            quotes,
            statements,
            affiliations,
            part_of,
            stances,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let text = "“We will strike,” said CTU President Jesse Sharkey — again.";
        let ex = Pipeline::new().extract(&Document::new("t.txt", text));
        let chars: Vec<char> = text.chars().collect();
        for e in &ex.entities {
            for m in &e.mentions {
                let got: String = chars[m.start as usize..m.end as usize].iter().collect();
                assert_eq!(got, ex.text_of(m));
            }
        }
        let q = &ex.quotes[0];
        let got: String = chars[q.text.start as usize..q.text.end as usize]
            .iter()
            .collect();
        assert_eq!(got, "We will strike,");
        assert_eq!(ex.text_of(&q.text), got);
        assert_eq!(ex.text, text);
    }

    #[test]
    fn a_batch_extracts_what_each_document_alone_does() {
        let seeds = [
            include_str!("../seeds/000_d9dc48d745ea1dae.txt"),
            include_str!("../seeds/001_888e8fcffc2fcf8e.txt"),
        ];
        // long enough that its slot lets its buffers go
        let long = seeds
            .concat()
            .repeat(1 + SCRATCH_KEEP_BYTES / seeds.concat().len());
        let texts = [
            seeds[0],
            "“We will strike,” said CTU President Jesse Sharkey — again.",
            "",
            long.as_str(),
            seeds[1],
            "Mayor Lori Lightfoot opposes a delay. Sharkey requests one. He said so.",
            "\u{feff}",
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("{i}.txt"), *t))
            .collect();
        let p = Pipeline::new();
        let alone: Vec<Extraction> = docs.iter().map(|d| p.extract(d)).collect();
        // batches of every size, each after batches that left slots of other documents
        // (and more than a thread keeps)
        let mut refs: Vec<&Document> = docs.iter().chain(&docs).chain(&docs).collect();
        for _ in 0..2 {
            for k in [1, 2, 3, 7, SCRATCH_KEEP_SLOTS + 5] {
                for (i, batch) in refs.chunks(k).enumerate() {
                    let got = p.extract_batch(batch);
                    assert_eq!(got.len(), batch.len());
                    for (d, ex) in batch.iter().zip(&got) {
                        let n: usize = d.source.path.trim_end_matches(".txt").parse().unwrap();
                        assert!(*ex == alone[n], "batch size {k}, batch {i}, document {n}");
                    }
                }
            }
            refs.reverse();
        }
        assert!(p.extract_batch(&[]).is_empty());
    }

    #[test]
    fn slots_go_by_length() {
        assert!(slots_by_length(&[]).is_empty());
        assert_eq!(
            slots_by_length(&["ab", "abcd", "", "cd", "abc"]),
            [2, 0, 4, 3, 1]
        );
        // each slot once, whatever the lengths
        let texts: Vec<String> = (0..40).map(|i| "x".repeat((i * 7919) % 13)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut slots = slots_by_length(&refs);
        for w in refs.windows(2).zip(slots.windows(2)) {
            let ((a, b), (sa, sb)) = ((w.0[0], w.0[1]), (w.1[0], w.1[1]));
            assert_eq!(sa < sb, a.len() >= b.len(), "{a:?} {b:?}");
        }
        slots.sort_unstable();
        assert!(slots.into_iter().eq(0..40));
    }

    #[test]
    fn empty_and_blank_documents() {
        for text in ["", "   \n\n  ", "\u{feff}"] {
            let ex = Pipeline::new().extract(&Document::new("e.txt", text));
            assert!(ex.entities.is_empty() && ex.quotes.is_empty());
        }
    }
}
