//! The basis of the figures in words, said beside every figure that depends on it: whether the
//! figures of open periods count the further adoptions the scenario expects or only the
//! children in the data. One choice for the whole product, set by the forecast's switch.

use crate::context::use_app;
use scorecard::FiguresBasis;
use yew::prelude::*;

/// The basis as the end of a sentence: "heading for 587 days against 426, with the adoptions
/// we expect."
pub fn basis_words(basis: FiguresBasis) -> &'static str {
    match basis {
        FiguresBasis::WithExpected => "with the adoptions we expect",
        FiguresBasis::DataOnly => "from the children in the data only",
    }
}

/// The basis as a label of its own, for a caption or a table cell.
pub fn basis_label(basis: FiguresBasis) -> &'static str {
    match basis {
        FiguresBasis::WithExpected => "With the adoptions we expect",
        FiguresBasis::DataOnly => "Children in the data only",
    }
}

/// The basis as a whole sentence, for the top of a screen or a report.
pub fn basis_sentence(basis: FiguresBasis) -> &'static str {
    match basis {
        FiguresBasis::WithExpected => {
            "Figures still open count the children in the data and the further adoptions the \
             scenario expects (\u{201c}with the adoptions we expect\u{201d})."
        }
        FiguresBasis::DataOnly => {
            "Figures still open count only the children in the data, without the adoptions we \
             expect."
        }
    }
}

/// How one figure was reached, in words: "actual" for a period that is over (the basis makes
/// no difference to it), else what it is made of and the basis it is on: "part actual, part
/// projected, with the adoptions we expect".
pub fn figure_basis_words(counted: FiguresBasis, figure: scorecard::Basis) -> String {
    match figure {
        scorecard::Basis::Actual => figure.words().to_string(),
        other => format!("{}, {}", other.words(), basis_words(counted)),
    }
}

/// The basis every screen shows its figures on.
#[hook]
pub fn use_basis() -> FiguresBasis {
    use_app().document.scenarios.basis
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_basis_is_named_with_the_same_words_in_every_form() {
        for basis in [FiguresBasis::WithExpected, FiguresBasis::DataOnly] {
            let label = basis_label(basis).to_lowercase();
            assert!(basis_words(basis).contains(&label), "{basis:?}");
        }
        assert!(basis_sentence(FiguresBasis::WithExpected).contains("with the adoptions we expect"));
        assert!(basis_sentence(FiguresBasis::DataOnly).contains("without the adoptions we expect"));
    }

    #[test]
    fn a_figure_that_is_over_is_actual_on_either_basis() {
        use scorecard::Basis;
        for basis in [FiguresBasis::WithExpected, FiguresBasis::DataOnly] {
            assert_eq!(figure_basis_words(basis, Basis::Actual), "actual");
        }
        assert_eq!(
            figure_basis_words(FiguresBasis::WithExpected, Basis::Mixed),
            "part actual, part projected, with the adoptions we expect"
        );
        assert_eq!(
            figure_basis_words(FiguresBasis::DataOnly, Basis::Projected),
            "projected, from the children in the data only"
        );
    }
}
