//! Prints the mentions and entities of a text given on the command line (a debugging aid).
use newsgraph::layout::Layout;
use newsgraph::lexicon::Lexicon;
use newsgraph::mentions::Recognizer;
use newsgraph::resolve::Resolver;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&text).unwrap_or(text);
    let lex = Lexicon::shared();
    let layout = Layout::parse(&text, lex);
    let ms = Recognizer::new(lex).recognize(&text, &layout);
    for m in &ms {
        println!(
            "{:?} {:?} ev={:#b} title={:?}",
            m.span.text(&text),
            m.kind,
            m.evidence,
            m.title.map(|t| t.text(&text))
        );
    }
    let res = Resolver::new(lex).resolve(&text, &layout, &ms);
    for e in &res.entities {
        println!("{} {:?} {:?} {:?}", e.label, e.kind, e.aliases, e.titles);
    }
}
