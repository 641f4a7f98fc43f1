//! Roles: who works for, leads or speaks for which organization.
//!
//! Takes: mentions, the [`Resolution`] and the layout. Gives: [`Affiliation`]s
//! (person, organization, role words, evidence span).
//!
//! Rules (patterns of English news writing):
//! 1. `ORG TITLE PERSON` inside one capitalized run: "CTU President Jesse Sharkey".
//! 2. `ORG ['s] role words PERSON`: "Electrolux chief executive Hans Straberg",
//!    "CTU deputy general counsel Thad Goodchild", "CBS 2's Marissa Parra".
//! 3. `PERSON, [a|the] role words at|of|for ORG`: "Mueze Bawany, a teacher at Roberto
//!    Clemente Community Academy", "X, chief executive of Y"; and `PERSON, ORG['s] role`.
//! 4. `ORG's role words …, PERSON` and `role of ORG, PERSON`: "The charity's head of
//!    HIV/Aids in Britain, Simon Wright".
//! 5. `its|their role words PERSON`: "its chief finance officer Bruce Misamore".
//! 6. A company role with no organization named ("said chief executive Steven Theede")
//!    belongs to the organization named in the same or the previous sentence, when there
//!    is exactly one (lower confidence).
//! 7. `PERSON of ORG`: "Simon Wright of Actionaid" (no role).
//! 8. [`part_of`]: an organization named after another in the story is part of it
//!    ("CTU House of Delegates" → the Chicago Teachers Union, "BBC Two" → the BBC).
//!
//! Limits: roles given in a relative clause ("who heads …") or over several sentences
//! are not read.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::document::Span;
use crate::kind::Kind;
use crate::layout::{Layout, Words};
use crate::lexicon::{Lexicon, flag};
use crate::mentions::Mention;
use crate::resolve::{RefKind, Resolution};
use crate::tokens::TokenKind;

/// A person's tie to an organization.
#[derive(Clone, Debug, PartialEq)]
pub struct Affiliation {
    /// The person entity.
    pub person: usize,
    /// The organization entity.
    pub org: usize,
    /// The role words as written ("President", "chief executive"), if given.
    pub role: Option<String>,
    /// The words that show the tie.
    pub evidence: Span,
    /// How sure the rule is (0..1).
    pub confidence: f32,
}

/// Roles that imply an organization even when none is named.
const COMPANY_ROLES: &[&str] = &[
    "chief executive",
    "ceo",
    "chairman",
    "chairwoman",
    "managing director",
    "chief financial officer",
    "finance director",
    "chief operating officer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "founder",
];

/// Finds affiliations.
pub struct RoleFinder<'l> {
    lex: &'l Lexicon,
}

impl<'l> RoleFinder<'l> {
    /// A role finder over the lexicon.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        RoleFinder { lex: lexicon }
    }

    /// All affiliations of a document (one per person, organization pair: the first role
    /// given, every span of evidence merged later by the graph).
    pub fn find(
        &self,
        text: &str,
        layout: &Layout,
        mentions: &[Mention],
        res: &Resolution,
    ) -> Vec<Affiliation> {
        let w = Words {
            text,
            layout,
            lexicon: self.lex,
        };
        let mut out: Vec<Affiliation> = Vec::new();
        let is_kind = |e: usize, k: Kind| res.entities[e].kind == k;

        // 1. inside one run
        for (mi, m) in mentions.iter().enumerate() {
            let (Some(p), Some(title), Some(pre)) = (res.entity_of[mi], m.title, m.prefix) else {
                continue;
            };
            let Some(o) = res.entity_of[pre] else {
                continue;
            };
            if is_kind(p, Kind::Person) && is_kind(o, Kind::Organization) {
                out.push(Affiliation {
                    person: p,
                    org: o,
                    role: Some(collapse(title.text(text))),
                    evidence: mentions[pre].span.cover(m.span),
                    confidence: 0.9,
                });
            }
        }

        // walk person references by name
        for r in res
            .references
            .iter()
            .filter(|r| r.kind == RefKind::Name && is_kind(r.entity, Kind::Person))
        {
            let (a, b) = (r.tokens.0 as usize, r.tokens.1 as usize);
            let sent = layout.sentence_of(a).tokens.clone();
            let person = r.entity;

            // 2 and 5: organization (or its/their) + role words right before the name
            let mut j = a;
            while j > sent.start && self.is_role_word(&w, j - 1) && w.is_lower(j - 1) {
                j -= 1;
            }
            let role_words =
                (j < a).then(|| collapse(w.tok(j).span.cover(w.tok(a - 1).span).text(text)));
            let mut k = j;
            if k > sent.start && w.tok(k - 1).kind == TokenKind::Possessive {
                k -= 1;
            }
            let org_before = if k > sent.start {
                res.reference_at(k - 1)
                    .filter(|o| is_kind(o.entity, Kind::Organization))
                    .filter(|o| {
                        o.kind != RefKind::Pronoun
                            || (role_words.is_some() && w.is_any(k - 1, &["its", "their"]))
                    })
            } else {
                None
            };
            if let Some(o) = org_before
                && (role_words.is_some() || k < j)
                && !out.iter().any(|x| x.person == person && x.org == o.entity)
            {
                out.push(Affiliation {
                    person,
                    org: o.entity,
                    role: role_words.clone(),
                    evidence: o.span.cover(r.span),
                    confidence: if role_words.is_some() { 0.85 } else { 0.6 },
                });
                continue;
            }

            // 3: "PERSON, a teacher at ORG" / "PERSON, chief executive of ORG" / "PERSON, ORG's role"
            if b < sent.end && w.tok(b).is_punct(',') {
                let mut i = b + 1;
                if w.is_any(i, &["a", "an", "the", "its", "their"]) {
                    i += 1;
                }
                let rs = i;
                while i < sent.end && self.is_role_word(&w, i) && w.is_lower(i) {
                    i += 1;
                }
                if i > rs && i + 1 < sent.end && w.is_any(i, &["at", "of", "for", "with"]) {
                    let mut o = i + 1;
                    if w.is_any(o, &["the"]) {
                        o += 1;
                    }
                    if let Some(org) = res
                        .reference_at(o)
                        .filter(|x| is_kind(x.entity, Kind::Organization))
                    {
                        out.push(Affiliation {
                            person,
                            org: org.entity,
                            role: Some(collapse(
                                w.tok(rs).span.cover(w.tok(i - 1).span).text(text),
                            )),
                            evidence: r.span.cover(org.span),
                            confidence: 0.85,
                        });
                        continue;
                    }
                }
                // "PERSON, ORG['s] role words"
                let mut o = b + 1;
                if w.is_any(o, &["the"]) {
                    o += 1;
                }
                if let Some(org) = res
                    .reference_at(o)
                    .filter(|x| is_kind(x.entity, Kind::Organization) && x.kind != RefKind::Pronoun)
                {
                    let mut i = org.tokens.1 as usize;
                    if i < sent.end && w.tok(i).kind == TokenKind::Possessive {
                        i += 1;
                    }
                    let rs = i;
                    while i < sent.end && self.is_role_word(&w, i) {
                        i += 1;
                    }
                    if i > rs {
                        out.push(Affiliation {
                            person,
                            org: org.entity,
                            role: Some(collapse(
                                w.tok(rs).span.cover(w.tok(i - 1).span).text(text),
                            )),
                            evidence: r.span.cover(w.tok(i - 1).span),
                            confidence: 0.8,
                        });
                        continue;
                    }
                }
            }

            // 4: "ORG's role … , PERSON" / "role of ORG, PERSON"
            if a >= 2 && w.tok(a - 1).is_punct(',') {
                let c = a - 1;
                let lo = c.saturating_sub(10).max(sent.start);
                let mut found = None;
                for i in (lo..c).rev() {
                    if w.tok(i).kind == TokenKind::Possessive
                        && i > lo
                        && let Some(org) = res
                            .reference_at(i - 1)
                            .filter(|x| is_kind(x.entity, Kind::Organization))
                        && self.is_role_word(&w, i + 1)
                    {
                        let mut e = i + 1;
                        while e < c && self.is_role_word(&w, e) {
                            e += 1;
                        }
                        found = Some((org.entity, org.span, i + 1, e));
                        break;
                    }
                    if w.is_any(i, &["of", "at"])
                        && i > lo
                        && self.is_role_word(&w, i - 1)
                        && let Some(org) = res
                            .reference_at(i + 1)
                            .or_else(|| res.reference_at(i + 2))
                            .filter(|x| is_kind(x.entity, Kind::Organization))
                    {
                        let mut s0 = i - 1;
                        while s0 > lo && self.is_role_word(&w, s0 - 1) {
                            s0 -= 1;
                        }
                        found = Some((org.entity, org.span, s0, i));
                        break;
                    }
                }
                if let Some((org, ospan, rs, re)) = found {
                    out.push(Affiliation {
                        person,
                        org,
                        role: Some(collapse(
                            w.tok(rs).span.cover(w.tok(re - 1).span).text(text),
                        )),
                        evidence: ospan.cover(r.span),
                        confidence: 0.8,
                    });
                    continue;
                }
            }

            // 6: a company role with no organization named
            if let Some(role) = &role_words
                && COMPANY_ROLES.contains(&role.to_lowercase().as_str())
            {
                let si = layout.sentence_of[a];
                let lo = layout.sentences[si.saturating_sub(1) as usize].tokens.start;
                let orgs: Vec<usize> = res
                    .references
                    .iter()
                    .filter(|x| (x.tokens.0 as usize) >= lo && (x.tokens.0 as usize) < a)
                    .filter(|x| is_kind(x.entity, Kind::Organization))
                    .map(|x| x.entity)
                    .collect();
                let mut distinct = orgs.clone();
                distinct.sort_unstable();
                distinct.dedup();
                if distinct.len() == 1 {
                    out.push(Affiliation {
                        person,
                        org: distinct[0],
                        role: Some(role.clone()),
                        evidence: w.tok(j).span.cover(r.span),
                        confidence: 0.5,
                    });
                    continue;
                }
            }

            // 7: "PERSON of ORG"
            if b + 1 < sent.end
                && w.is_any(b, &["of"])
                && let Some(org) = res
                    .reference_at(b + 1)
                    .filter(|x| is_kind(x.entity, Kind::Organization) && x.kind == RefKind::Name)
            {
                out.push(Affiliation {
                    person,
                    org: org.entity,
                    role: None,
                    evidence: r.span.cover(org.span),
                    confidence: 0.6,
                });
            }
        }
        // one affiliation per pair: keep the first (most specific rule first in text order)
        let mut seen = BTreeMap::new();
        out.retain(|x| seen.insert((x.person, x.org), ()).is_none());
        out
    }

    fn is_role_word(&self, w: &Words, i: usize) -> bool {
        w.tok(i).kind == TokenKind::Word
            && w.entry(i)
                .is_some_and(|e| e.has(flag::ROLE) || e.has(flag::ROLE_MOD) || e.title.is_some())
            && !w.is_function(i)
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An organization named after its parent: "CTU House of Delegates" is part of the CTU,
/// "BBC Two" of the BBC.
#[derive(Clone, Debug, PartialEq)]
pub struct PartOf {
    /// The part.
    pub child: usize,
    /// The whole.
    pub parent: usize,
    /// The child's name, which shows it.
    pub evidence: Span,
}

/// Organizations whose name starts with the whole name or an alias of another
/// organization in the same story ("CTU House of Delegates" → CTU). The first such
/// organization (in entity order) is the parent.
pub fn part_of(mentions: &[Mention], res: &Resolution) -> Vec<PartOf> {
    // organizations by every name they answer to: a child looks up each of its word
    // prefixes, not every organization (linear in names, not organizations squared)
    let mut by_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (pi, parent) in res.entities.iter().enumerate() {
        if parent.kind == Kind::Organization {
            for n in std::iter::once(&parent.label).chain(parent.aliases.iter()) {
                by_name.entry(n.as_str()).or_default().push(pi);
            }
        }
    }
    let mut out = Vec::new();
    for (ci, child) in res.entities.iter().enumerate() {
        if child.kind != Kind::Organization || !child.label.contains(' ') {
            continue;
        }
        let Some(evidence) = child.mentions.first().map(|&m| mentions[m].span) else {
            continue;
        };
        // "CTU House of Delegates": the names "CTU", "CTU House", "CTU House of"
        let parent = child
            .label
            .match_indices(' ')
            .filter(|&(at, _)| at + 1 < child.label.len())
            .map(|(at, _)| &child.label[..at])
            .filter_map(|prefix| by_name.get(prefix))
            .filter_map(|ps| ps.iter().copied().find(|&pi| pi != ci))
            .min();
        if let Some(pi) = parent {
            out.push(PartOf {
                child: ci,
                parent: pi,
                evidence,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::Recognizer;
    use crate::resolve::Resolver;

    fn run(text: &str) -> Vec<String> {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        let res = Resolver::new(lex).resolve(text, &layout, &ms);
        RoleFinder::new(lex)
            .find(text, &layout, &ms, &res)
            .into_iter()
            .map(|a| {
                format!(
                    "{} -> {} ({})",
                    res.entities[a.person].label,
                    res.entities[a.org].label,
                    a.role.unwrap_or_default()
                )
            })
            .collect()
    }

    /// (child, parent) labels of the part-of links in `text`.
    fn parts(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        let res = Resolver::new(lex).resolve(text, &layout, &ms);
        let label = |e: usize| res.entities[e].label.clone();
        part_of(&ms, &res)
            .into_iter()
            .map(|p| (label(p.child), label(p.parent)))
            .collect()
    }

    fn pair(child: &str, parent: &str) -> (String, String) {
        (child.to_string(), parent.to_string())
    }

    #[test]
    fn organizations_named_after_their_parent() {
        let got = parts(
            "The Chicago Teachers Union (CTU) met. The CTU House of Delegates voted. BBC Two and the BBC agreed.",
        );
        assert_eq!(
            got,
            vec![
                pair("CTU House of Delegates", "Chicago Teachers Union"),
                pair("BBC Two", "BBC"),
            ]
        );
    }

    #[test]
    fn the_first_named_parent_is_taken_and_never_the_organization_itself() {
        // "BBC World Service" starts with both "BBC" and "BBC World": one parent, the
        // organization met first
        let got = parts("The BBC said so. BBC World reported it. The BBC World Service agreed.");
        assert!(got.iter().all(|(c, p)| c != p), "{got:?}");
        assert!(got.contains(&pair("BBC World Service", "BBC")), "{got:?}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "said CTU President Jesse Sharkey.",
                &["Jesse Sharkey -> CTU (President)"],
            ),
            (
                "Chicago Public Schools (CPS) agreed with CPS CEO Janice Jackson.",
                &["Janice Jackson -> Chicago Public Schools (CEO)"],
            ),
            (
                "CTU deputy general counsel Thad Goodchild said.",
                &["Thad Goodchild -> CTU (deputy general counsel)"],
            ),
            (
                "said Mueze Bawany, a teacher at Roberto Clemente Community Academy at noon.",
                &["Mueze Bawany -> Roberto Clemente Community Academy (teacher)"],
            ),
            (
                "said Electrolux chief executive Hans Straberg.",
                &["Hans Straberg -> Electrolux (chief executive)"],
            ),
            (
                "BBC Two controller Roly Keating spoke.",
                &["Roly Keating -> BBC Two (controller)"],
            ),
            (
                "Michael Raftery, project manager at the Hansard Society, said it.",
                &["Michael Raftery -> Hansard Society (project manager)"],
            ),
            (
                "Lib Dem leader Charles Kennedy has said.",
                &["Charles Kennedy -> Liberal Democrats (leader)"],
            ),
            (
                "CBS 2’s Marissa Parra tells us.",
                &["Marissa Parra -> CBS 2 ()"],
            ),
            (
                "Aid charity Actionaid criticised it. The charity's head of HIV/Aids in Britain, Simon Wright said so.",
                &["Simon Wright -> Actionaid (head)"],
            ),
            (
                "Yukos said it would appeal. \"We will win,\" said chief executive Steven Theede.",
                &["Steven Theede -> Yukos (chief executive)"],
            ),
            ("Mayor Lori Lightfoot spoke.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(run(text), *want, "{text}");
        }
    }
}
