//! Yew matches hooks by the order they are called in: a component that returns early before
//! some of its hooks calls fewer hooks on that render, and the next render reads the wrong
//! state. This test reads every component and hook in `src/` and fails when a hook is called
//! after an early `return`.
//!
//! It relies on rustfmt's layout (checked by `cargo fmt --check` before the tests run): in a
//! function at the top level of a file, an early return of the function itself is indented by
//! at most eight spaces (the body, or the block of an `if` or `let ... else` in it), while a
//! `return` inside a closure is indented further.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The hooks called after an early return in `source`, as "function: line".
fn hooks_after_return(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let mut problems = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let attribute = lines[i].trim();
        if attribute != "#[function_component]" && attribute != "#[hook]" {
            i += 1;
            continue;
        }
        let name = lines[i + 1].trim().to_string();
        let mut returned_at = None;
        let mut j = i + 2;
        while j < lines.len() && lines[j] != "}" {
            let line = lines[j];
            let indent = line.len() - line.trim_start().len();
            let code = line.trim_start();
            if returned_at.is_none() && indent <= 8 && code.starts_with("return") {
                returned_at = Some(j + 1);
            }
            if let Some(at) = returned_at {
                let calls_hook = code
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|word| word.starts_with("use_") && line.contains(&format!("{word}(")));
                if calls_hook {
                    problems.push(format!(
                        "{name}: line {} calls a hook after the return on line {at}",
                        j + 1
                    ));
                }
            }
            j += 1;
        }
        i = j;
    }
    problems
}

#[test]
fn no_component_calls_a_hook_after_an_early_return() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    assert!(files.len() > 40, "the app's sources were not found");
    let problems: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let source = fs::read_to_string(path).unwrap();
            hooks_after_return(&source)
                .into_iter()
                .map(move |p| format!("{}: {p}", path.display()))
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_a_hook_after_a_return_and_ignores_returns_in_closures() {
    let bad = "#[function_component]\npub fn Panel(props: &Props) -> Html {\n    let Some(x) = props.x else {\n        return html! {};\n    };\n    let node = use_node_ref();\n    html! {}\n}\n";
    assert_eq!(hooks_after_return(bad).len(), 1);
    let good = "#[function_component]\npub fn Panel() -> Html {\n    let on = Callback::from(move |_| {\n        let Some(x) = y else {\n            return;\n        };\n    });\n    let node = use_node_ref();\n    html! {}\n}\n";
    assert!(hooks_after_return(good).is_empty());
}
