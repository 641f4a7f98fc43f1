//! The pipeline: every stage, in order, in one place.
//!
//! Takes: a [`Document`]. Gives: an [`Extraction`]: the document's entities, quotes,
//! affiliations and stances, with offsets already converted to code points (the one
//! conversion, done here, at the edge of the per-document work), ready to be merged into
//! a [`crate::graph::KnowledgeGraph`].
//!
//! Stages: clean → tokens → sentences ([`Layout`]) → quote regions → mentions →
//! resolution → quotes with speakers → roles → stances.

use std::cell::RefCell;
use std::sync::Arc;

use crate::clean::{BoilerplateIndex, Cleaner};
use crate::document::{CharIndex, Document, MAX_TEXT_BYTES, Source, Span};
use crate::kind::{Kind, Polarity};
use crate::layout::Layout;
use crate::lexicon::Lexicon;
use crate::mentions::{MentionIndex, Recognizer};
use crate::quotes::Quoter;
use crate::resolve::{ResolveScratch, Resolver};
use crate::roles::RoleFinder;
use crate::stances::{CueIndex, StanceFinder, StanceScratch, Target};

/// Text with code-point offsets into a document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Located {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text covered.
    pub text: String,
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

/// The buffers of one thread's documents, lent to the stages by [`Pipeline::extract`]:
/// each document is laid out and resolved in the memory of the one before (warm in the
/// caches, not asked of the allocator again). Owned things only, so one set serves any
/// pipeline; taken out while a document is read, so a re-entrant call finds it empty and
/// makes its own.
#[derive(Default)]
struct Scratch {
    layout: Layout,
    resolve: ResolveScratch,
    stances: StanceScratch,
}

/// Documents longer than this leave no buffers behind: the buffers grow with the
/// document, and one huge document is not to keep a thread's memory that large.
/// (News articles are a few KB; at this limit a thread keeps under a megabyte.)
const SCRATCH_KEEP_BYTES: usize = 64 * 1024;

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
        let lex: &Lexicon = &self.lexicon;
        let text = within_limit(&doc.text);
        let mut scratch = SCRATCH.with(|s| s.borrow_mut().take()).unwrap_or_default();
        scratch
            .layout
            .parse_into(text, lex, &Cleaner::with_index(lex, &self.boilerplate));
        let ex = self.extract_in(doc, text, &mut scratch);
        if text.len() <= SCRATCH_KEEP_BYTES {
            SCRATCH.with(|s| *s.borrow_mut() = Some(scratch));
        }
        ex
    }

    /// [`Pipeline::extract`] of `text` (the document's, within the limit), laid out in
    /// `scratch.layout`.
    fn extract_in(&self, doc: &Document, text: &str, scratch: &mut Scratch) -> Extraction {
        let lex: &Lexicon = &self.lexicon;
        let layout = &scratch.layout;
        let quoter = Quoter::new(lex);
        let regions = quoter.regions(layout);
        let mentions = Recognizer::with_index(lex, &self.mention_index).recognize(text, layout);
        let mut res =
            Resolver::new(lex).resolve_with(text, layout, &mentions, &mut scratch.resolve);
        let quotes = quoter.quotes(text, layout, &regions, &res);
        let statements = quoter.statements(text, layout, &res, &quotes);
        let affiliations = RoleFinder::new(lex).find(text, layout, &mentions, &res);
        let parts = crate::roles::part_of(&mentions, &res);
        let found = StanceFinder::with_index(lex, &self.cues).find_with(
            text,
            layout,
            &res,
            &quotes,
            &statements,
            &affiliations,
            &mut scratch.stances,
        );

        // the edge: byte spans become code-point offsets, once
        let ix = CharIndex::new(text);
        let loc = |s: Span| Located {
            start: ix.char_offset(s.start),
            end: ix.char_offset(s.end),
            text: s.text(text).to_string(),
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
        let affiliations = affiliations
            .iter()
            .map(|a| ExAffiliation {
                person: a.person,
                org: a.org,
                role: a.role.clone(),
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
            .iter()
            .map(|s| ExStance {
                holder: s.holder,
                polarity: s.polarity,
                target: match &s.target {
                    Target::Entity(e) => ExTarget::Entity(*e),
                    Target::Topic(t) => ExTarget::Topic {
                        label: t.clone(),
                        key: crate::stances::topic_key(t, lex),
                    },
                },
                act: s.act.clone(),
                cue: loc(s.cue),
                confidence: s.confidence,
                evidence: loc(s.evidence),
            })
            .collect();
        Extraction {
            source: doc.source.clone(),
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
                assert_eq!(got, m.text);
            }
        }
        let q = &ex.quotes[0];
        let got: String = chars[q.text.start as usize..q.text.end as usize]
            .iter()
            .collect();
        assert_eq!(got, "We will strike,");
    }

    #[test]
    fn empty_and_blank_documents() {
        for text in ["", "   \n\n  ", "\u{feff}"] {
            let ex = Pipeline::new().extract(&Document::new("e.txt", text));
            assert!(ex.entities.is_empty() && ex.quotes.is_empty());
        }
    }
}
