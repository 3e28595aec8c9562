//! The pipeline: every child still in the process, with its stage, days so far, projected
//! adoption order and what it will do to the three-year averages, sortable by impact.

use super::first_rows::use_first_rows;
use crate::ui::draft_input::{Accepts, DraftInput};
use chrono::NaiveDate;
use scorecard::dates::{format_uk, parse_date};
use scorecard::{Contribution, Forecast, Indicator, PipelineChild};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PipelineTable`].
#[derive(Properties)]
pub struct PipelineTableProps {
    /// The forecast whose pipeline is listed.
    pub forecast: Rc<Forecast>,
    /// Each child's own expected adoption order, where the manager set one.
    #[prop_or_default]
    pub expected_orders: Rc<BTreeMap<String, NaiveDate>>,
    /// A manager set (or cleared) a child's expected adoption order: a what-if for one child.
    #[prop_or_default]
    pub on_expected_order: Callback<(String, Option<NaiveDate>)>,
}

// By identity: the forecast and the expected orders are rebuilt whenever they change, and
// comparing thousands of children by their contents would cost more than the table.
impl PartialEq for PipelineTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.forecast, &other.forecast)
            && Rc::ptr_eq(&self.expected_orders, &other.expected_orders)
            && self.on_expected_order == other.on_expected_order
    }
}

/// The orders the table can be sorted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineSort {
    /// Largest effect on any A1 or A2 average first.
    Impact,
    /// Longest since entering care first.
    DaysSoFar,
    /// Earliest projected adoption order first.
    AdoptionOrder,
    /// By case reference.
    ChildId,
}

/// The child's largest effect on a three-year average, by size.
pub fn largest_effect(child: &PipelineChild, indicator: Indicator) -> Option<&Contribution> {
    child
        .contributions
        .iter()
        .filter(|c| c.indicator == indicator)
        .max_by(|a, b| a.change.abs().total_cmp(&b.change.abs()))
}

/// "adds 14 days to the 2015-18 A2 average", as the issue words it.
pub fn effect_sentence(c: &Contribution) -> String {
    let days = c.change.round() as i64;
    let verb = match days {
        0 => {
            return format!(
                "hardly moves the {} {} average",
                c.period,
                c.indicator.name()
            )
        }
        d if d > 0 => format!("adds {} to", plural_days(d)),
        d => format!("takes {} off", plural_days(-d)),
    };
    format!("{verb} the {} {} average", c.period, c.indicator.name())
}

fn plural_days(d: i64) -> String {
    if d == 1 {
        "1 day".into()
    } else {
        format!("{d} days")
    }
}

fn impact(child: &PipelineChild) -> f64 {
    [Indicator::A1, Indicator::A2]
        .iter()
        .filter_map(|&i| largest_effect(child, i))
        .map(|c| c.change.abs())
        .fold(0.0, f64::max)
}

/// The children in `order`.
pub fn sorted(forecast: &Forecast, order: PipelineSort) -> Vec<&PipelineChild> {
    let mut rows: Vec<&PipelineChild> = forecast.pipeline.iter().collect();
    match order {
        PipelineSort::Impact => {
            // Each child's impact worked out once, not at every comparison: a large
            // authority's 2,000 children took 75 ms to sort on every change otherwise. The
            // sort is stable, so the order is the same.
            let mut keyed: Vec<(f64, &PipelineChild)> =
                rows.iter().map(|c| (impact(c), *c)).collect();
            scorecard::sorting::sort_by(&mut keyed, |a, b| b.0.total_cmp(&a.0));
            rows = keyed.into_iter().map(|(_, c)| c).collect();
        }
        PipelineSort::DaysSoFar => {
            scorecard::sorting::sort_by_key(&mut rows, |c| std::cmp::Reverse(c.days_so_far))
        }
        PipelineSort::AdoptionOrder => {
            scorecard::sorting::sort_by_key(&mut rows, |c| c.projection.milestones.adoption_order)
        }
        PipelineSort::ChildId => {
            scorecard::sorting::sort_by(&mut rows, |a, b| a.child_id.cmp(&b.child_id))
        }
    }
    rows
}

/// A date box for one child's expected adoption order. A date that cannot be read is left in
/// the box, marked invalid, and changes nothing.
fn expected_order_input(
    child: &PipelineChild,
    expected: &BTreeMap<String, NaiveDate>,
    on_change: &Callback<(String, Option<NaiveDate>)>,
) -> Html {
    let id = format!("expected-order-{}", child.index);
    let current = expected.get(&child.child_id).copied();
    let on_commit = {
        let on_change = on_change.clone();
        let child_id = child.child_id.clone();
        Callback::from(move |text: String| {
            on_change.emit((child_id.clone(), parse_date(text.trim())));
        })
    };
    html! {
        <>
            <label class="visually-hidden" for={id.clone()}>
                { format!("Expected adoption order for {} (DD/MM/YYYY)", child.child_id) }
            </label>
            <DraftInput {id} class="field__input input--date" inputmode="numeric"
                placeholder="DD/MM/YYYY" value={current.map(format_uk).unwrap_or_default()} {on_commit}
                accepts={Accepts::DateOrEmpty}
                invalid_message="Write the date as DD/MM/YYYY, or leave it empty" />
        </>
    }
}

/// The pipeline table.
#[function_component]
pub fn PipelineTable(props: &PipelineTableProps) -> Html {
    let order = use_state(|| PipelineSort::Impact);
    let first_rows = use_first_rows();
    let header = |label: &str, by: PipelineSort| {
        let current = *order == by;
        let onclick = {
            let order = order.clone();
            Callback::from(move |_| order.set(by))
        };
        html! {
            <th scope="col" aria-sort={current.then_some("descending")}>
                <button type="button" class="table__sort" {onclick}>
                    { label.to_string() }
                    if current { <span class="table__sort-mark">{ " (sorted)" }</span> }
                </button>
            </th>
        }
    };
    let rows = sorted(&props.forecast, *order);
    let total = rows.len();
    let shown = first_rows.shown(total);
    html! {
        <div class="table-wrap">
            <table class="table table--pipeline" id="pipeline-children" aria-label="Children in the pipeline">
                <caption class="table__caption">
                    { format!("{} children still in the process, as of {}{}", total, format_uk(props.forecast.as_of),
                        if shown < total { format!("; the first {shown} shown") } else { String::new() }) }
                </caption>
                <thead>
                    <tr>
                        { header("Child", PipelineSort::ChildId) }
                        <th scope="col">{ "Stage" }</th>
                        { header("Days since entering care", PipelineSort::DaysSoFar) }
                        { header("Projected adoption order", PipelineSort::AdoptionOrder) }
                        <th scope="col">{ "Projected A1" }</th>
                        <th scope="col">{ "Projected A2" }</th>
                        { header("Effect on the averages", PipelineSort::Impact) }
                        <th scope="col">{ "Expected adoption order (what if)" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().take(shown).map(|c| {
                        let order_date = c.projection.milestones.adoption_order;
                        let effects: Vec<String> = [Indicator::A1, Indicator::A2]
                            .iter()
                            .filter_map(|&i| largest_effect(c, i))
                            .map(effect_sentence)
                            .collect();
                        html! {
                            <tr>
                                <th scope="row">{ c.child_id.clone() }</th>
                                <td>{ c.stage.label() }</td>
                                <td class="num">{ c.days_so_far }</td>
                                <td>{ order_date.map(format_uk).unwrap_or_default() }
                                    { format!(" ({})", c.projection.year) }</td>
                                <td class="num">{ c.projection.values.value(Indicator::A1).map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into()) }</td>
                                <td class="num">{ c.projection.values.value(Indicator::A2).map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into()) }</td>
                                <td>{ if effects.is_empty() { "too few children to say".to_string() } else { effects.join("; ") } }</td>
                                <td>{ expected_order_input(c, &props.expected_orders, &props.on_expected_order) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            { first_rows.button(total, "pipeline-children", format!("Show all {total} children")) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::first_rows::FIRST_ROWS;
    use scorecard::RollingPeriod;

    fn effect(change: f64) -> Contribution {
        Contribution {
            period: RollingPeriod::ending_march(2018),
            indicator: Indicator::A2,
            change,
        }
    }

    #[test]
    fn by_impact_the_largest_effect_on_an_a1_or_a2_average_comes_first_ties_in_the_pipeline_order()
    {
        let demo = scorecard::demo_dataset();
        let forecast = scorecard::forecast(&scorecard::ForecastInput {
            children: &demo.children,
            aggregates: &demo.aggregates,
            as_of: demo.as_of,
            thresholds: &scorecard::ThresholdSchedule::default(),
            scenario: &scorecard::Scenario::default(),
            target: None,
            every_child: false,
        });
        assert!(forecast.pipeline.len() > FIRST_ROWS);
        // Worked out apart: the size of each child's largest change of an A1 or A2 average,
        // the children put in order by the standard library's stable sort.
        let size = |c: &PipelineChild| {
            c.contributions
                .iter()
                .filter(|e| matches!(e.indicator, Indicator::A1 | Indicator::A2))
                .map(|e| e.change.abs())
                .fold(0.0, f64::max)
        };
        let mut expected: Vec<&PipelineChild> = forecast.pipeline.iter().collect();
        expected.sort_by(|a, b| size(b).total_cmp(&size(a)));
        let ids = |rows: &[&PipelineChild]| -> Vec<String> {
            rows.iter().map(|c| c.child_id.clone()).collect()
        };
        assert_eq!(
            ids(&sorted(&forecast, PipelineSort::Impact)),
            ids(&expected)
        );
    }

    #[test]
    fn effects_are_said_as_the_issue_words_them() {
        assert_eq!(
            effect_sentence(&effect(14.2)),
            "adds 14 days to the 2015-18 A2 average"
        );
        assert_eq!(
            effect_sentence(&effect(-1.4)),
            "takes 1 day off the 2015-18 A2 average"
        );
        assert_eq!(
            effect_sentence(&effect(0.3)),
            "hardly moves the 2015-18 A2 average"
        );
    }
}
