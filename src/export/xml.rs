//! XML 1.0 text escaping, shared by the GraphML and GEXF writers.
//!
//! Rules: `&`, `<`, `>`, `"` and `'` become entities, so one function serves element
//! text and attribute values; tab, line feed and carriage return become character
//! references, because a parser normalizes them to spaces in attribute values (and
//! carriage returns to line feeds everywhere); characters XML 1.0 forbids even as
//! references (other C0 controls, U+FFFE, U+FFFF) are removed. Everything else, any
//! script or emoji, is written as UTF-8.

/// True for the characters an XML 1.0 document may contain.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes `s` for XML element text or a double-quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// What a reader gets back from [`escape`]d text: `s` without the forbidden characters.
pub fn xml_safe(s: &str) -> String {
    s.chars().filter(|&c| allowed(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("plain", "plain"),
            (
                "a & b <c> \"d\" 'e'",
                "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;",
            ),
            ("]]>", "]]&gt;"),
            ("line\nbreak\r\ttab", "line&#10;break&#13;&#9;tab"),
            (
                "nul\0 bell\u{7} esc\u{1b} del\u{7f}",
                "nul bell esc del\u{7f}",
            ),
            ("\u{FFFE}\u{FFFF}\u{FFFD}", "\u{FFFD}"),
            ("Zoë “quoted” 北京 🎉 مرحبا", "Zoë “quoted” 北京 🎉 مرحبا"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
        assert_eq!(xml_safe("a\u{1}b\nc\u{FFFF}"), "ab\nc");
    }
}
