//! The action plans in the committee report: how many activities stand at each status, how
//! many are red or overdue, and each plan with its owner, its review date and, for a
//! performance action plan, its figure when started and now.

use crate::forecast::basis::basis_words;
use crate::plans::model::{Plan, Plans, Status};
use crate::plans::now::PlanNow;
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use scorecard::FiguresBasis;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PlansStatus`].
#[derive(Properties, PartialEq)]
pub struct PlansStatusProps {
    /// The plans kept.
    pub plans: Plans,
    /// Each performance plan's figure now, by title.
    pub now: Rc<BTreeMap<String, PlanNow>>,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Which adoptions the figures count.
    pub counted: FiguresBasis,
    /// On the agency's view, each plan's owner (the authority's or the agency's name), in
    /// the plans' order: shown in a last Authority column.
    #[prop_or_default]
    pub owners: Option<Rc<Vec<String>>>,
}

/// A plan's state in a few words: its activities by status, or its figure then and now.
fn state(plan: &Plan, now: Option<&PlanNow>) -> String {
    if let Some(perf) = &plan.performance {
        let value = |v: f64| {
            if perf.percent {
                format!("{}%", scorecard::rounding::one_decimal(v))
            } else {
                format!("{} days", v.round())
            }
        };
        let then = format!("{} when started", value(perf.performance));
        let status = if perf.closed { "; closed, met" } else { "" };
        return match now.and_then(|n| n.figure) {
            Some(f) => format!(
                "{then}, {} now against {}{status}",
                value(f),
                value(perf.target)
            ),
            None => format!("{then}, against {}{status}", value(perf.target)),
        };
    }
    let mut counts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let n = plan
                .themes
                .iter()
                .flat_map(|t| &t.activities)
                .filter(|a| a.status == *s)
                .count();
            (n > 0).then(|| format!("{}: {n}", s.label()))
        })
        .collect();
    if counts.is_empty() {
        counts.push("no activities yet".into());
    }
    counts.join(", ")
}

/// The action plans section.
#[function_component]
pub fn PlansStatus(props: &PlansStatusProps) -> Html {
    let plans = &props.plans;
    let (red, overdue) = plans.needing_attention(props.as_of);
    html! {
        <section class="report__section" aria-labelledby="report-plans">
            <h2 id="report-plans">{ "Action plans" }</h2>
            if plans.plans.is_empty() {
                <p>{ "No action plans are kept in this app." }</p>
            } else {
                <p>
                    { format!("{} {}; {red} {} red and {overdue} overdue (past their timescale and not completed) as of {}. Figures {}.",
                        plans.plans.len(), if plans.plans.len() == 1 { "plan" } else { "plans" },
                        if red == 1 { "activity" } else { "activities" },
                        format_uk(props.as_of), basis_words(props.counted)) }
                </p>
                <div class="table-wrap">
                    <table class="table report__table report__plans">
                        <thead><tr>
                            <th scope="col">{ "Plan" }</th>
                            <th scope="col">{ "Owner" }</th>
                            <th scope="col">{ "Review date" }</th>
                            <th scope="col">{ "Where it stands" }</th>
                            if props.owners.is_some() { <th scope="col">{ "Authority" }</th> }
                        </tr></thead>
                        <tbody>
                            { for plans.plans.iter().enumerate().map(|(i, p)| html! {
                                <tr>
                                    <th scope="row">{ p.title.clone() }</th>
                                    <td>{ if p.owner.is_empty() { "not recorded".to_string() } else { p.owner.clone() } }</td>
                                    <td>{ p.review_date.map(format_uk).unwrap_or_else(|| "not set".into()) }</td>
                                    <td>{ state(p, props.now.get(&p.title)) }</td>
                                    if let Some(owners) = &props.owners {
                                        <td>{ owners.get(i).cloned().unwrap_or_default() }</td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
