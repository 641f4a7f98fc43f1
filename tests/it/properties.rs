//! Properties over any text: extraction never panics, and every offset it reports is in
//! bounds and names exactly the text it claims (so it lies on code-point boundaries).

use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::{Document, KnowledgeGraph, Pipeline};
use proptest::prelude::*;

/// Pieces of news text that exercise every stage: titles, quotes of every kind,
/// apostrophes, abbreviations, dashes, capitals, non-ASCII, line breaks.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mayor",
        "Lori",
        "Lightfoot",
        "said",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "'s",
        "Ald.",
        "U.S.",
        "N.",
        "CTU",
        "President",
        "Jesse",
        "Sharkey",
        "—",
        "–",
        "-",
        ",",
        ".",
        ":",
        "?",
        "\n",
        "\n\n",
        "READ MORE:",
        "the union",
        "he",
        "she",
        "We",
        "I",
        "asking for",
        "criticised",
        "no basis for",
        "delay",
        "reopening",
        "Zoë",
        "São Paulo",
        "Dvořák",
        "東京",
        "🙂",
        "(",
        ")",
        "CHICAGO",
        "(CBS)",
        "pro-",
        "anti-",
        "Mr",
        "Ms",
        "of",
        "and",
        "Bank",
        "Union",
        "\u{0}",
        "\u{feff}",
        "…",
        "...",
        "1,000",
        "$5bn",
        "«",
        "»",
        "said:",
        "according to",
        "told",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    let ex = Pipeline::new().extract(&Document::new("p.txt", text));
    let chars: Vec<char> = text.chars().collect();
    let at = |s: u32, e: u32| -> String {
        assert!(
            s <= e && (e as usize) <= chars.len(),
            "span {s}..{e} out of 0..{}",
            chars.len()
        );
        chars[s as usize..e as usize].iter().collect()
    };
    assert_eq!(ex.chars as usize, chars.len());
    for e in &ex.entities {
        for m in &e.mentions {
            assert_eq!(at(m.start, m.end), m.text);
        }
    }
    for q in &ex.quotes {
        assert_eq!(at(q.text.start, q.text.end), q.text.text);
        for l in [&q.speaker_mention, &q.cue].into_iter().flatten() {
            assert_eq!(at(l.start, l.end), l.text);
        }
    }
    for a in &ex.affiliations {
        assert_eq!(at(a.evidence.start, a.evidence.end), a.evidence.text);
    }
    for s in &ex.stances {
        assert_eq!(at(s.evidence.start, s.evidence.end), s.evidence.text);
        assert_eq!(at(s.cue.start, s.cue.end), s.cue.text);
    }
    // and every export of it writes
    let mut g = KnowledgeGraph::new();
    g.add(&ex);
    g.finish();
    for &(_, f) in Format::ALL {
        let mut out = Vec::new();
        export::exporter(f, &ExportOptions::default())
            .write(&g, &mut out)
            .expect("export");
        if f == Format::Json {
            serde_json::from_slice::<serde_json::Value>(&out).expect("valid JSON");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_text_is_safe(text in newsy()) {
        check(&text);
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        "\"".repeat(10_000),
        "“".repeat(5_000) + &"”".repeat(5_000),
        "Mr ".repeat(3_000),
        "A".repeat(100_000),
        "said ".repeat(5_000),
        "“a,” said B. ".repeat(2_000),
        "\n".repeat(10_000),
        "é".repeat(50_000),
    ];
    for c in &cases {
        check(c);
    }
}
