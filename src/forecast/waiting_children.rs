//! The children still waiting under the required pace, each with its own date: "by
//! 10/12/2015" when it is on pace, "as soon as possible" when it has already waited longer.

use super::first_rows::use_first_rows;
use crate::words::count_of;
use scorecard::dates::format_uk;
use scorecard::{Forecast, TargetStatus};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`WaitingChildren`].
#[derive(Properties)]
pub struct WaitingChildrenProps {
    /// The forecast whose required pace lists the waiting children. The forecast itself,
    /// shared, rather than a copy of its answer made on every redraw.
    pub forecast: Rc<Forecast>,
}

// By identity, as the forecast is shared: comparing hundreds of waiting children by their
// contents on every redraw of the pace panel would cost more than the comparison saves.
impl PartialEq for WaitingChildrenProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.forecast, &other.forecast)
    }
}

/// The button's words for the rows not shown: "Show 7 more waiting children".
fn more_rows(other: usize) -> String {
    if other == 1 {
        "Show 1 more waiting child".to_string()
    } else {
        format!("Show {other} more waiting children")
    }
}

/// The table of waiting children and their own dates (nothing when none is waiting), opened on
/// its first rows.
#[function_component]
pub fn WaitingChildren(props: &WaitingChildrenProps) -> Html {
    let first_rows = use_first_rows();
    let Some(answer) = props.forecast.pace.as_ref() else {
        return Html::default();
    };
    let waiting = &answer.waiting.waiting;
    if waiting.is_empty() {
        return Html::default();
    }
    let percent = answer.target.indicator.is_percent();
    let total = waiting.len();
    let shown = first_rows.shown(total);
    let caption = if shown < total {
        format!(
            "Each waiting child's own date: {} waiting, the first {shown} shown",
            count_of(total, "child", "children")
        )
    } else {
        format!(
            "Each waiting child's own date: {} waiting",
            count_of(total, "child", "children")
        )
    };
    let rows = waiting.iter().take(shown).map(|child| {
        let own = match child.status {
            TargetStatus::OnPace if percent => {
                format!("In time if by {}", format_uk(child.target_date))
            }
            TargetStatus::OnPace => format!("By {}", format_uk(child.target_date)),
            TargetStatus::Overdue if percent => "Already past the line: late".to_string(),
            TargetStatus::Overdue => "As soon as possible".to_string(),
        };
        html! {
            <tr>
                <th scope="row">{ child.child_id.clone() }</th>
                <td>{ format_uk(child.start) }</td>
                <td class="table__number">{ child.waited_days }</td>
                <td>{ own }</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap">
            <table class="table pace__children" id="waiting-children">
                <caption class="table__caption">{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ "Child" }</th>
                    <th scope="col">{ "Clock started" }</th>
                    <th scope="col" class="table__number">{ "Days waited so far" }</th>
                    <th scope="col">{ "Own date" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            { first_rows.button(total, "waiting-children", more_rows(total - shown)) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::more_rows;

    #[test]
    fn the_button_names_how_many_more_children_it_shows() {
        assert_eq!(more_rows(7), "Show 7 more waiting children");
        assert_eq!(more_rows(1), "Show 1 more waiting child");
    }
}
