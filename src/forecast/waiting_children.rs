//! The children still waiting under the required pace, each with its own date: "by
//! 10/12/2015" when it is on pace, "as soon as possible" when it has already waited longer.

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

/// The table of waiting children and their own dates (nothing when none is waiting).
#[function_component]
pub fn WaitingChildren(props: &WaitingChildrenProps) -> Html {
    let Some(answer) = props.forecast.pace.as_ref() else {
        return Html::default();
    };
    let waiting = &answer.waiting.waiting;
    if waiting.is_empty() {
        return Html::default();
    }
    let percent = answer.target.indicator.is_percent();
    let rows = waiting.iter().map(|child| {
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
            <table class="table pace__children">
                <caption class="table__caption">{ "Each waiting child's own date" }</caption>
                <thead><tr>
                    <th scope="col">{ "Child" }</th>
                    <th scope="col">{ "Clock started" }</th>
                    <th scope="col" class="table__number">{ "Days waited so far" }</th>
                    <th scope="col">{ "Own date" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
