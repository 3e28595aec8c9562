//! Turns the bytes of an uploaded file into text, whatever encoding the spreadsheet chose.
//!
//! Excel on Windows saves "CSV (Comma delimited)" in the Windows-1252 code page, "CSV UTF-8"
//! with a byte order mark, and "Unicode Text" as UTF-16 with a byte order mark. Reading all of
//! them as UTF-8 would turn a "£" or an "é" into replacement characters, so the encoding is
//! recognised here before the CSV reader sees the text.

/// The text of a file: UTF-16 when it starts with a UTF-16 byte order mark, UTF-8 when the
/// bytes are valid UTF-8 (a UTF-8 byte order mark is kept for the reader to drop), and
/// Windows-1252 otherwise, which gives every byte a character, so this never fails.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// One Windows-1252 byte: Latin-1 except 0x80 to 0x9F, where the code page puts typographic
/// characters (the five unassigned bytes map to the control characters, as browsers do).
fn windows_1252(byte: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match byte {
        0x80..=0x9F => {
            char::from_u32(u32::from(HIGH[usize::from(byte - 0x80)])).unwrap_or('\u{FFFD}')
        }
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_windows_1252_is_recognised() {
        assert_eq!(decode_text("£5 café".as_bytes()), "£5 café");
        // "£5 café – ok" as Excel's ANSI CSV writes it: £ = A3, é = E9, en dash = 96.
        assert_eq!(
            decode_text(&[0xA3, b'5', b' ', b'c', b'a', b'f', 0xE9, b' ', 0x96, b' ', b'o', b'k']),
            "£5 café – ok"
        );
        assert_eq!(decode_text(&[0x80]), "€");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        assert_eq!(decode_text(&[0xFF, 0xFE, b'a', 0, 0xA3, 0]), "a£");
        assert_eq!(decode_text(&[0xFE, 0xFF, 0, b'a', 0, 0xA3]), "a£");
    }
}
