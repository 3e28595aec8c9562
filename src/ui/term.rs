//! A scorecard term with its explanation on hover and on keyboard focus: managers know "A2",
//! social workers in a workshop often do not, and a glossary elsewhere is never read.

use std::sync::atomic::{AtomicUsize, Ordering};
use yew::prelude::*;

/// The explanation of a scorecard term, or `None` for a word the glossary does not hold.
pub fn explanation(term: &str) -> Option<&'static str> {
    Some(match term {
        "A1" => {
            "A1: the average number of days from a child entering care to moving in with its \
             adoptive family, over the children adopted in three financial years."
        }
        "A10" => {
            "A10: A1, except that for a child adopted by its own foster carers the clock stops \
             when it moved in with them as a foster placement."
        }
        "A2" => {
            "A2: the average number of days from the court's authority to place (the placement \
             order) to the decision matching the child with an adoptive family."
        }
        "A3" => {
            "A3: how many (and what share) of the children adopted moved in with their \
             adoptive family less than 14 months after entering care."
        }
        "SHOBPA" => "SHOBPA: the agency decision that the child should be placed for adoption.",
        "rolling period" => {
            "Rolling period: the scorecard's three financial years, April to March, such as \
             2014-17. Each year the newest year joins and the oldest leaves; every child \
             adopted in the three years counts once."
        }
        "part actual, part projected" => {
            "Part actual, part projected: a three-year figure whose finished years are what \
             happened and whose open years add the children projected from the pipeline (and, \
             with the adoptions we expect, the further adoptions the scenario expects)."
        }
        "with the adoptions we expect" => {
            "With the adoptions we expect: figures still open count the children in the data \
             and the further adoptions the scenario expects each year, at the pace it assumes \
             for them; without, they count only the children in the data."
        }
        _ => return None,
    })
}

/// Numbers each explanation on the page, so that every `aria-describedby` names its own.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// Properties of [`Term`].
#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// The term as the glossary names it ("A1", "SHOBPA", "rolling period").
    pub term: AttrValue,
    /// The text shown, when it differs from the term ("rolling periods").
    #[prop_or_default]
    pub text: Option<AttrValue>,
}

/// The term, focusable, with its explanation shown on hover or focus and read out as its
/// description. Escape hides it again without moving focus (WCAG 2.2, content on hover or
/// focus).
#[function_component]
pub fn Term(props: &TermProps) -> Html {
    let id = use_state(|| format!("term-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed)));
    let dismissed = use_state(|| false);
    let text = props.text.clone().unwrap_or_else(|| props.term.clone());
    let Some(explanation) = explanation(&props.term) else {
        return html! { { text } };
    };
    let onkeydown = {
        let dismissed = dismissed.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dismissed.set(true);
            }
        })
    };
    let show_again = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: FocusEvent| dismissed.set(false))
    };
    let reset_on_hover = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(false))
    };
    html! {
        <span class={classes!("term", dismissed.then_some("term--dismissed"))}
            onmouseenter={reset_on_hover}>
            <span class="term__word" tabindex="0" aria-describedby={(*id).clone()}
                {onkeydown} onfocus={show_again}>{ text }</span>
            <span class="term__tip" role="tooltip" id={(*id).clone()}>{ explanation }</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_the_screens_explain_has_an_explanation_that_names_it() {
        for term in [
            "A1",
            "A10",
            "A2",
            "A3",
            "SHOBPA",
            "rolling period",
            "part actual, part projected",
            "with the adoptions we expect",
        ] {
            let text = explanation(term).unwrap_or_default();
            assert!(
                text.to_lowercase().starts_with(&term.to_lowercase()),
                "{term}: {text}"
            );
        }
    }

    #[test]
    fn an_unknown_word_has_no_explanation() {
        assert_eq!(explanation("A4"), None);
    }
}
