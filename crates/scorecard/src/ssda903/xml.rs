//! The return as one XML file, as the DfE's COLLECT system takes it and the public CSC
//! validator for the 903 reads it: a root `EXPSSDA903` holding one `CHILD` per child, each
//! with a `HEADER` (`CHILDID`, `DOB`, the AD1 fields `DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`
//! when the child was adopted in the year, and one `AD_PLACED` per decision to place for
//! adoption with `DATE_PLACED`, `DATE_PLACED_CEASED`, `REASON_PLACED_CEASED`, beside the
//! reviews, missing episodes and outcomes that are set aside) and one `EPISODE` per episode
//! (`DECOM`, `RNE`, `LS`, `PL` for the placement, `DEC`, `REC`).
//!
//! The reader is our own and small: elements, text, CDATA and the five named and numeric
//! character references. Attributes, comments, processing instructions and a document type
//! are skipped. Anything malformed is reported with its line; nothing panics.

use super::fields::FieldReader;
use super::rows::{Adopted, Decision, Episode, FileRead, Found, Listed, Rows, Source};
use super::tables::code;
use crate::error::Problem;

/// One element: its name (without a namespace prefix), the line its start tag is on, its text
/// and its child elements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub name: String,
    pub line: usize,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    fn child(&self, name: &str) -> Option<&Element> {
        self.children
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    /// The text of the child element `name`, trimmed ("" when absent).
    fn value(&self, name: &str) -> &str {
        self.child(name).map_or("", |c| c.text.trim())
    }

    fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children
            .iter()
            .filter(move |c| c.name.eq_ignore_ascii_case(name))
    }
}

/// Deeper than this is no 903 return: refusing it keeps a hostile file from exhausting the
/// stack when the tree is dropped.
const MAX_DEPTH: usize = 64;

/// Whether `text` looks like XML (its first character, after a byte order mark and spaces, is
/// `<`).
pub(crate) fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Parses `text` into its root element, or says what is wrong and on which line.
pub(crate) fn parse(text: &str) -> Result<Element, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut line = 1;
    let mut i = 0;
    let count_lines =
        |from: usize, to: usize| bytes[from..to].iter().filter(|&&b| b == b'\n').count();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = text[i..].find('<').map_or(bytes.len(), |n| i + n);
            let raw = &text[i..end];
            match stack.last_mut() {
                Some(top) => top.text.push_str(&unescape(raw)),
                None if raw.trim().is_empty() => {}
                None => return Err((line, "there is text outside the root element".into())),
            }
            line += count_lines(i, end);
            i = end;
            continue;
        }
        let rest = &text[i..];
        let (skip_to, is_text) = if rest.starts_with("<!--") {
            (rest.find("-->").map(|n| n + 3), false)
        } else if rest.starts_with("<![CDATA[") {
            (rest.find("]]>").map(|n| n + 3), true)
        } else if rest.starts_with("<?") {
            (rest.find("?>").map(|n| n + 2), false)
        } else if rest.starts_with("<!") {
            let end = if rest.contains('[') && rest.find('[') < rest.find('>') {
                rest.find("]>").map(|n| n + 2)
            } else {
                rest.find('>').map(|n| n + 1)
            };
            (end, false)
        } else {
            (None, false)
        };
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let Some(len) = skip_to else {
                return Err((line, "a comment or declaration is never closed".into()));
            };
            if is_text {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&rest[9..len - 3]);
                }
            }
            line += count_lines(i, i + len);
            i += len;
            continue;
        }
        let Some(close) = tag_end(rest) else {
            return Err((line, "a tag is never closed with >".into()));
        };
        let tag = &rest[1..close];
        let start_line = line;
        line += count_lines(i, i + close);
        i += close + 1;
        if let Some(name) = tag.strip_prefix('/') {
            let name = local_name(name.trim());
            let Some(element) = stack.pop() else {
                return Err((start_line, format!("</{name}> closes no element")));
            };
            if !element.name.eq_ignore_ascii_case(name) {
                return Err((
                    start_line,
                    format!(
                        "<{}> opened on line {} is closed by </{name}>",
                        element.name, element.line
                    ),
                ));
            }
            attach(&mut stack, &mut root, element, start_line)?;
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name = local_name(tag.split(|c: char| c.is_whitespace()).next().unwrap_or(""));
        if name.is_empty() {
            return Err((start_line, "a tag has no name".into()));
        }
        let element = Element {
            name: name.to_string(),
            line: start_line,
            ..Element::default()
        };
        if self_closing {
            attach(&mut stack, &mut root, element, start_line)?;
        } else {
            if stack.len() >= MAX_DEPTH {
                return Err((start_line, "the elements are nested too deeply".into()));
            }
            stack.push(element);
        }
    }
    if let Some(open) = stack.last() {
        return Err((
            open.line,
            format!(
                "<{}> is never closed (the file may be cut short)",
                open.name
            ),
        ));
    }
    root.ok_or((1, "the file holds no element".into()))
}

/// The end of a tag (its `>`), skipping any `>` inside a quoted attribute value.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (n, c) in rest.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(n),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attach(
    stack: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
    line: usize,
) -> Result<(), (usize, String)> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => return Err((line, "there is a second root element".into())),
    }
    Ok(())
}

/// Text with its character references replaced; an unknown one is kept as written.
fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&e| e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let ch = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads the XML return `text` (file `file`, called `name`) into the rows the journey reads.
pub(crate) fn read_xml(file: usize, name: &str, text: &str) -> FileRead {
    let mut read = FileRead::default();
    let root = match parse(text) {
        Ok(root) => root,
        Err((line, why)) => {
            let why = format!("it cannot be read as XML: {why}");
            read.found = Some(Found::NotRead(why.clone()));
            read.problem(
                0,
                Problem::error(format!("this file is not read: {why}"))
                    .file(name)
                    .line(line),
            );
            return read;
        }
    };
    if !root.name.eq_ignore_ascii_case("EXPSSDA903") {
        let why = format!(
            "it is XML, but its root element is <{}> where the 903 return's is <EXPSSDA903>",
            root.name
        );
        read.found = Some(Found::NotRead(why.clone()));
        read.problem(
            0,
            Problem::error(format!("this file is not read: {why}"))
                .file(name)
                .line(root.line),
        );
        return read;
    }
    read.found = Some(Found::Xml);
    for child in root.named("CHILD") {
        let header = child.child("HEADER");
        let id = header.map_or("", |h| h.value("CHILDID"));
        let line = header.map_or(child.line, |h| h.line);
        let at = |line| Source { file, line };
        let mut rows = Rows::default();
        let mut problems = Vec::new();
        read.rows_read += 1;
        let fields = FieldReader::new(name, line, id);
        rows.header.push(Listed {
            child: fields.child(),
            at: at(line),
        });
        let (r, p) = fields.finish(rows);
        rows = r;
        problems.extend(p);
        if let Some(h) = header {
            let adopted = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE"]
                .iter()
                .find_map(|n| h.child(n).filter(|e| !e.text.trim().is_empty()));
            if let Some(first) = adopted {
                read.rows_read += 1;
                let mut f = FieldReader::new(name, first.line, id);
                let what = "the AD1 details";
                let row = Adopted {
                    child: f.child(),
                    date_int: f.date("DATE_INT", h.value("DATE_INT"), what),
                    date_match: f.date("DATE_MATCH", h.value("DATE_MATCH"), what),
                    foster_care: f.flag("FOSTER_CARE", h.value("FOSTER_CARE")),
                    at: at(first.line),
                };
                let mut one = Rows::default();
                one.adopted.push(row);
                let (r, p) = f.finish(one);
                rows.extend(r);
                problems.extend(p);
            }
            for placed in h.named("AD_PLACED") {
                read.rows_read += 1;
                let mut f = FieldReader::new(name, placed.line, id);
                let what = "the decision";
                let date_placed = f.required_date("DATE_PLACED", placed.value("DATE_PLACED"), what);
                let ceased = f.date(
                    "DATE_PLACED_CEASED",
                    placed.value("DATE_PLACED_CEASED"),
                    what,
                );
                let mut one = Rows::default();
                if let Some(date_placed) = date_placed {
                    one.decisions.push(Decision {
                        child: f.child(),
                        date_placed,
                        ceased,
                        reason: code(placed.value("REASON_PLACED_CEASED")),
                        at: at(placed.line),
                    });
                }
                let (r, p) = f.finish(one);
                rows.extend(r);
                problems.extend(p);
            }
        }
        for episode in child.named("EPISODE") {
            read.rows_read += 1;
            let mut f = FieldReader::new(name, episode.line, id);
            let what = "the episode";
            let decom = f.required_date("DECOM", episode.value("DECOM"), what);
            let dec = f.date("DEC", episode.value("DEC"), what);
            let mut one = Rows::default();
            if let Some(decom) = decom {
                one.episodes.push(Episode {
                    child: f.child(),
                    decom,
                    rne: code(episode.value("RNE")),
                    ls: code(episode.value("LS")),
                    place: code(episode.value("PL")),
                    dec,
                    rec: code(episode.value("REC")),
                    at: at(episode.line),
                });
            }
            let (r, p) = f.finish(one);
            rows.extend(r);
            problems.extend(p);
        }
        read.rows.extend(rows);
        for p in problems {
            let line = p.line.unwrap_or(0);
            read.problem(line, p);
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_text_and_lines_are_read() {
        let root = parse(
            "<?xml version='1.0'?>\n<!-- a return -->\n<A><B x=\"1>2\">one &amp; two</B>\n<C/>\
             <D><![CDATA[<raw>]]></D></A>",
        )
        .unwrap();
        assert_eq!(root.name, "A");
        assert_eq!(root.line, 3);
        assert_eq!(root.value("B"), "one & two");
        assert_eq!(root.child("C").unwrap().line, 4);
        assert_eq!(root.value("D"), "<raw>");
    }

    #[test]
    fn malformed_xml_names_its_line() {
        assert_eq!(parse("<A>\n<B></A>").unwrap_err().0, 2);
        assert_eq!(parse("<A>\n<B>").unwrap_err().0, 2);
        assert!(parse("").is_err());
        assert!(parse("<A></A><B/>").is_err());
        let deep = "<A>".repeat(100_000);
        assert!(parse(&deep).unwrap_err().1.contains("too deeply"));
    }
}
