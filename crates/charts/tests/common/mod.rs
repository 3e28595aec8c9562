//! What the SVG chart tests share: keeping each drawing for a developer to look at, and reading
//! back the text a person would see on it.

/// Writes `svg` to target/charts/`name`.svg (a failure to write is not the test's concern).
pub fn keep(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/charts");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{name}.svg")), svg);
}

/// Every piece of text the SVG shows, trimmed, in drawing order.
pub fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_string())
        })
        .collect()
}
