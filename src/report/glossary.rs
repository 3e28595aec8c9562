//! The short glossary printed at the end of the committee report: the scorecard's terms and
//! the two phrases the figures are qualified with, in the words the screens use.

use crate::ui::term::explanation;
use yew::prelude::*;

/// The terms the report explains, in the order a reader meets them.
pub const TERMS: [&str; 8] = [
    "A1",
    "A10",
    "A2",
    "A3",
    "SHOBPA",
    "rolling period",
    "part actual, part projected",
    "with the adoptions we expect",
];

/// The glossary section.
#[function_component]
pub fn Glossary() -> Html {
    html! {
        <section class="report__section report__glossary" aria-labelledby="report-glossary">
            <h2 id="report-glossary">{ "Glossary" }</h2>
            <dl class="glossary">
                { for TERMS.iter().filter_map(|term| {
                    let text = explanation(term)?;
                    // The explanation starts with the term itself: "A1: the average…".
                    let (word, meaning) = text.split_once(": ").unwrap_or((term, text));
                    let mut letters = meaning.chars();
                    let meaning: String = letters
                        .next()
                        .map(|c| c.to_uppercase().chain(letters).collect())
                        .unwrap_or_default();
                    Some(html! {
                        <div class="glossary__row">
                            <dt>{ word }</dt>
                            <dd>{ meaning }</dd>
                        </div>
                    })
                }) }
            </dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_of_the_report_is_explained() {
        for term in TERMS {
            assert!(explanation(term).is_some(), "{term} has no explanation");
        }
    }
}
