//! JSON Lines of articles: one JSON object per line.
//!
//! Takes: lines such as `{"id": "a1", "title": "…", "text": "…", "url": "…", "date": "…"}`
//! and the field names to read ([`JsonlFields`], configurable because archives name
//! them differently). Gives: one [`Document`] per line, its provenance in
//! [`Source`](crate::document::Source): `path` is `file.jsonl#id` (or `#line` without
//! an id), and the id, title, url and date are kept.
//!
//! Rules:
//! - The text field is required and must be a string; the others may be strings or
//!   numbers, and are left out when absent, null or of another type.
//! - Blank lines are skipped; a line that is not a JSON object with a text is an
//!   [`Error::Article`] naming the file and line, and the other lines are still read.
//! - Only the text is extracted: offsets count code points of the text field.
//!
//! Limits: a line is read whole, so one article must fit in memory (the file need not).

use std::io::BufRead;
use std::path::Path;

use serde_json::Value;

use crate::document::{Document, Source};
use crate::error::{Error, Result};

/// Names of the fields of an article object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonlFields {
    /// The article's id (default `id`).
    pub id: String,
    /// Headline (default `title`).
    pub title: String,
    /// Body text, extracted (default `text`).
    pub text: String,
    /// URL (default `url`).
    pub url: String,
    /// Publication date (default `date`).
    pub date: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: "id".into(),
            title: "title".into(),
            text: "text".into(),
            url: "url".into(),
            date: "date".into(),
        }
    }
}

/// Reads the lines of a JSON Lines stream one at a time, as bytes.
pub struct JsonlReader<R> {
    reader: R,
    line: u64,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `reader`.
    pub fn new(reader: R) -> Self {
        JsonlReader { reader, line: 0 }
    }

    /// The next line (1-based number, bytes with the newline), or `None` at the end.
    pub fn next_line(&mut self) -> std::io::Result<Option<(u64, Vec<u8>)>> {
        let mut buf = Vec::new();
        if self.reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(None);
        }
        self.line += 1;
        Ok(Some((self.line, buf)))
    }
}

fn scalar(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses line `line` of `path` into a document; `Ok(None)` for a blank line.
pub fn parse_article(
    bytes: &[u8],
    path: &Path,
    line: u64,
    fields: &JsonlFields,
) -> Result<Option<Document>> {
    let err = |message: String| Error::Article {
        path: path.to_path_buf(),
        line,
        message,
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(None);
    }
    let mut obj = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return Err(err("not a JSON object".into())),
        Err(e) => return Err(err(format!("not JSON: {e}"))),
    };
    let text = match obj.remove(&fields.text) {
        Some(Value::String(s)) => s,
        Some(_) => return Err(err(format!("field {:?} is not a string", fields.text))),
        None => return Err(err(format!("no {:?} field", fields.text))),
    };
    let id = scalar(obj.get(&fields.id));
    let name = match &id {
        Some(id) => format!("{}#{id}", path.display()),
        None => format!("{}#{line}", path.display()),
    };
    let source = Source {
        path: name,
        article_id: id,
        title: scalar(obj.get(&fields.title)),
        url: scalar(obj.get(&fields.url)),
        date: scalar(obj.get(&fields.date)),
    };
    Ok(Some(Document { source, text }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Option<Document>> {
        parse_article(
            line.as_bytes(),
            Path::new("a.jsonl"),
            3,
            &JsonlFields::default(),
        )
    }

    #[test]
    fn articles_keep_their_provenance() {
        let d = parse(r#"{"id": 7, "title": "T", "text": "Body.", "url": "http://x", "date": null, "extra": 1}"#)
            .unwrap()
            .unwrap();
        assert_eq!(d.text, "Body.");
        assert_eq!(d.source.path, "a.jsonl#7");
        assert_eq!(d.source.article_id.as_deref(), Some("7"));
        assert_eq!(d.source.title.as_deref(), Some("T"));
        assert_eq!(d.source.url.as_deref(), Some("http://x"));
        assert_eq!(d.source.date, None);
        let d = parse(r#"{"text": "No id."}"#).unwrap().unwrap();
        assert_eq!(d.source.path, "a.jsonl#3");
    }

    #[test]
    fn bad_lines_name_the_line() {
        // line, error message
        let cases = [
            ("[1, 2]", "a.jsonl:3: not a JSON object"),
            (r#"{"id": "x"}"#, "a.jsonl:3: no \"text\" field"),
            (
                r#"{"text": 5}"#,
                "a.jsonl:3: field \"text\" is not a string",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(parse(line).unwrap_err().to_string(), want);
        }
        assert!(
            parse("{")
                .unwrap_err()
                .to_string()
                .starts_with("a.jsonl:3: not JSON")
        );
        assert!(parse("  \n").unwrap().is_none());
    }

    #[test]
    fn field_names_are_configurable() {
        let fields = JsonlFields {
            id: "guid".into(),
            text: "body".into(),
            ..JsonlFields::default()
        };
        let d = parse_article(
            br#"{"guid": "g1", "body": "B"}"#,
            Path::new("-"),
            1,
            &fields,
        )
        .unwrap()
        .unwrap();
        assert_eq!((d.source.path.as_str(), d.text.as_str()), ("-#g1", "B"));
    }

    #[test]
    fn reader_numbers_lines() {
        let mut r = JsonlReader::new(&b"a\n\nb"[..]);
        assert_eq!(r.next_line().unwrap(), Some((1, b"a\n".to_vec())));
        assert_eq!(r.next_line().unwrap(), Some((2, b"\n".to_vec())));
        assert_eq!(r.next_line().unwrap(), Some((3, b"b".to_vec())));
        assert_eq!(r.next_line().unwrap(), None);
    }
}
