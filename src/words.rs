//! Words the screens and the stored document's summaries share: counts of things with their
//! plurals. A leaf module, so that the storage layer can describe a document without knowing
//! the state layer.

/// "1 record", "2 records".
pub fn count(n: usize, noun: &str) -> String {
    count_of(n, noun, &format!("{noun}s"))
}

/// "1 child", "2 children": a noun whose plural is not the noun and an s. Any whole-number
/// type, since counts of children are `usize` on screen and `u64` from the engine.
pub fn count_of<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    if n == N::from(1) {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "added child C1" -> "Added child C1".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
