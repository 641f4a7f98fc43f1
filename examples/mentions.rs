//! Explains entity extraction: prints every name mention with its kind and the evidence
//! behind it, then the entities they were merged into.
//!
//!     cargo run --example mentions -- seeds/000_d9dc48d745ea1dae.txt
//!     cargo run --example mentions -- "Mayor Lori Lightfoot said no."
#![allow(clippy::print_stdout)]

use newsgraph::Lexicon;
use newsgraph::layout::Layout;
use newsgraph::mentions::{Recognizer, evidence};
use newsgraph::resolve::Resolver;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&arg).unwrap_or(arg);
    let lex = Lexicon::shared();
    let layout = Layout::parse(&text, lex);
    let mentions = Recognizer::new(lex).recognize(&text, &layout);
    let names = [
        (evidence::LEXICON, "list"),
        (evidence::TITLE, "title"),
        (evidence::HONORIFIC, "honorific"),
        (evidence::DESIGNATOR, "designator"),
        (evidence::ACRONYM, "acronym"),
        (evidence::GIVEN, "given-name"),
        (evidence::PLACE, "geonames"),
        (evidence::NAME_SHAPE, "name-shape"),
        (evidence::SINGLE, "single-word"),
        (evidence::WEAK_OPENER, "sentence-opener"),
        (evidence::CAPS, "all-caps"),
        (evidence::SPEAKER, "speaker"),
        (evidence::PLACE_PREP, "after-in/at"),
        (evidence::SURNAME, "surname"),
        (evidence::COMMON, "common-word"),
        (evidence::INITIAL, "initial"),
        (evidence::TEAM, "team"),
        (evidence::PLAYER, "player"),
        (evidence::PLACE_NAMED, "place-named"),
    ];
    println!("mentions:");
    for m in &mentions {
        let ev: Vec<&str> = names
            .iter()
            .filter(|(b, _)| m.has(*b))
            .map(|(_, n)| *n)
            .collect();
        println!(
            "  {:<40} {:<13} {}{}",
            format!("{:?}", m.span.text(&text)),
            m.kind.map(|k| k.as_str()).unwrap_or("?"),
            ev.join(","),
            m.title
                .map(|t| format!(" title={:?}", t.text(&text)))
                .unwrap_or_default()
        );
    }
    let res = Resolver::new(lex).resolve(&text, &layout, &mentions);
    println!("entities:");
    for e in &res.entities {
        println!(
            "  {} ({}) aliases={:?}",
            e.label,
            e.kind.as_str(),
            e.aliases
        );
    }
    println!("nominals and pronouns:");
    for r in res
        .references
        .iter()
        .filter(|r| r.kind != newsgraph::resolve::RefKind::Name)
    {
        println!(
            "  {:?} at {} -> {}",
            r.span.text(&text),
            r.span.start,
            res.entities[r.entity].label
        );
    }
}
