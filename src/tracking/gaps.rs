//! The milestones not recorded, listed apart from the agenda: milestones of a stage each child
//! has already passed with no date (often a child brought in from the SSDA903 return, which
//! holds no tracking milestones). Gaps to fill in the record, never counted as overdue.

use super::agenda::AgendaRow;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`NotRecorded`].
#[derive(Properties, PartialEq)]
pub struct NotRecordedProps {
    /// The agenda's rows, in its order.
    pub rows: Rc<Vec<AgendaRow>>,
}

/// The children with milestones not recorded, and which.
#[function_component]
pub fn NotRecorded(props: &NotRecordedProps) -> Html {
    let app = crate::context::use_app();
    let with_gaps: Vec<&AgendaRow> = props
        .rows
        .iter()
        .filter(|r| !r.not_recorded.is_empty())
        .collect();
    if with_gaps.is_empty() {
        return Html::default();
    }
    html! {
        <section class="panel tracking__gaps" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading" class="panel__title">{ "Milestones not recorded" }</h2>
            <p class="panel__hint">
                { format!("{} passed a stage whose milestone has no date. These are gaps to fill \
                           in the child's record, not delays: they are never counted as overdue \
                           and do not order the agenda.",
                    crate::state::count_of(with_gaps.len(), "child has", "children have")) }
            </p>
            <div class="table-wrap">
                <table class="table gaps">
                    <caption class="table__caption">{ "Not recorded, by child" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Child" }</th>
                        <th scope="col">{ "Stage now" }</th>
                        <th scope="col">{ "Not recorded" }</th>
                    </tr></thead>
                    <tbody>
                        { for with_gaps.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ app.child_name(r.authority, &r.child_id) }</th>
                                <td>{ r.stage.clone() }</td>
                                <td>{ r.not_recorded.join("; ") }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
