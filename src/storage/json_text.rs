//! The pieces of JSON text the app wrote itself, taken apart without reading them into types.
//!
//! Two things the first screen may need look inside stored text: keeping a safety copy (which
//! puts the new copy before the kept ones) and a clash (which lists an item's fields). Reading
//! them through serde would bring the whole JSON reader into the first download, where nothing
//! else needs it (the stored document is read by a part of its own, see `opening`). These
//! texts are always written by `serde_json`, so cutting them at their top-level commas is all
//! it takes; anything that does not cut cleanly gives `None`, and the caller falls back to
//! what is safe.

/// The top-level elements of a JSON array, each as its text.
pub fn elements(text: &str) -> Option<Vec<&str>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    pieces(inner)
}

/// The top-level members of a JSON object, each as its name (read) and its value's text.
pub fn members(text: &str) -> Option<Vec<(String, &str)>> {
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    pieces(inner)?
        .into_iter()
        .map(|member| {
            let colon = value_end(member, 0)?;
            let name = string(&member[..colon])?;
            let value = member[colon..].trim_start().strip_prefix(':')?.trim();
            Some((name, value))
        })
        .collect()
}

/// The text of a JSON string, its escapes read; `None` when `text` is not one string.
pub fn string(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let unit = hex4(&mut chars)?;
                    let c = match unit {
                        // A character outside the basic plane is written as a surrogate pair.
                        0xD800..=0xDBFF => {
                            if chars.next()? != '\\' || chars.next()? != 'u' {
                                return None;
                            }
                            let low = hex4(&mut chars)?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return None;
                            }
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                        }
                        unit => char::from_u32(unit)?,
                    };
                    out.push(c);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    Some(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut unit = 0;
    for _ in 0..4 {
        unit = unit * 16 + chars.next()?.to_digit(16)?;
    }
    Some(unit)
}

/// `inner` cut at its top-level commas, each piece trimmed; none for an empty list.
fn pieces(inner: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    if inner.trim().is_empty() {
        return Some(out);
    }
    let mut start = 0;
    loop {
        let end = piece_end(inner, start)?;
        out.push(inner[start..end].trim());
        if end == inner.len() {
            return Some(out);
        }
        start = end + 1;
    }
}

/// Where the piece starting at `start` ends: the next comma outside any string, array or
/// object, or the end of the text.
fn piece_end(text: &str, start: usize) -> Option<usize> {
    let mut at = start;
    loop {
        at = value_end(text, at)?;
        match text[at..].chars().next() {
            None => return Some(at),
            Some(',') => return Some(at),
            // A member's colon, or white space: the piece goes on.
            Some(_) => at += 1,
        }
    }
}

/// Where the token starting at `start` ends: past a whole string, array or object, or at the
/// next comma, colon or white space outside them.
fn value_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut at = start;
    while at < bytes.len() {
        let b = bytes[at];
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return Some(at + 1);
                    }
                }
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(at + 1);
                    }
                }
                b',' | b':' | b' ' | b'\n' | b'\r' | b'\t' if depth == 0 => return Some(at),
                _ => {}
            }
        }
        at += 1;
    }
    (!in_string && depth == 0).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_is_cut_between_its_elements_only() {
        // Commas, brackets and escaped quotes inside strings and nested values stay whole.
        let text = r#"[{"reason":"before importing a, b.csv","text":"{\"version\":1,\"records\":[]}"},[1,[2,3]],"x]",null]"#;
        assert_eq!(
            elements(text).unwrap(),
            [
                r#"{"reason":"before importing a, b.csv","text":"{\"version\":1,\"records\":[]}"}"#,
                "[1,[2,3]]",
                r#""x]""#,
                "null"
            ]
        );
        assert_eq!(elements("[]").unwrap(), Vec::<&str>::new());
        assert_eq!(elements(" [ 1 , 2 ] ").unwrap(), ["1", "2"]);
    }

    #[test]
    fn an_object_gives_its_members_by_name() {
        let text =
            r#"{"id":"C1","ec":"2014-03-01","n":12,"ok":true,"ms":{"a":"x, y"},"l":["a","b"]}"#;
        let read = members(text).unwrap();
        let names: Vec<&str> = read.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["id", "ec", "n", "ok", "ms", "l"]);
        assert_eq!(read[4].1, r#"{"a":"x, y"}"#);
        assert_eq!(read[5].1, r#"["a","b"]"#);
        assert_eq!(read[2].1, "12");
        assert_eq!(members(r#"{ "a" : 1 }"#).unwrap(), [("a".to_string(), "1")]);
    }

    #[test]
    fn a_string_reads_its_escapes() {
        assert_eq!(
            string(r#""line\none \"two\" \\ \u00e9 \ud83d\ude00""#).unwrap(),
            "line\none \"two\" \\ é 😀"
        );
        assert_eq!(string("12"), None);
        assert_eq!(string(r#""a"b""#), None);
    }

    #[test]
    fn text_that_is_not_whole_gives_nothing() {
        assert_eq!(elements(r#"[{"a":1}"#), None);
        assert_eq!(elements(r#"["unclosed]"#), None);
        assert_eq!(members(r#"{"a":[1,2}"#), None);
        assert_eq!(members("[1]"), None);
    }
}
