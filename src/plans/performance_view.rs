//! A performance action plan on one page, in the template's order: the indicator overview,
//! the current situation (the figure, its gap, the required pace, the children who move it),
//! what the manager writes, and the reviews, each with the figure on its date. A figure that
//! has turned green says so and offers to close the plan.

use super::model::Plan;
use super::now::PlanNow;
use super::performance::{one_more_in_time, PerformancePlan, Review};
use crate::forecast::basis::basis_words;
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use scorecard::FiguresBasis;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`PerformanceView`].
#[derive(Properties, PartialEq)]
pub struct PerformanceViewProps {
    /// The plan (its `performance` is shown).
    pub plan: Rc<Plan>,
    /// The figure as the forecast has it now, and the children still able to move it.
    pub now: Option<PlanNow>,
    /// Which adoptions the figures count now.
    pub counted: FiguresBasis,
    /// The as-of date: the date of a review.
    pub as_of: NaiveDate,
    /// The plan changed.
    pub on_save: Callback<Plan>,
}

type Text = (
    &'static str,
    &'static str,
    fn(&PerformancePlan) -> &str,
    fn(&mut PerformancePlan, String),
);

const FIELDS: [Text; 7] = [
    (
        "strategic",
        "Strategic director lead",
        |p| &p.strategic_lead,
        |p, v| p.strategic_lead = v,
    ),
    (
        "departmental",
        "Departmental lead",
        |p| &p.departmental_lead,
        |p, v| p.departmental_lead = v,
    ),
    (
        "reason",
        "Reason for non-compliance",
        |p| &p.reason,
        |p, v| p.reason = v,
    ),
    (
        "required",
        "What is required to improve performance",
        |p| &p.what_required,
        |p, v| p.what_required = v,
    ),
    (
        "how",
        "How it will be achieved",
        |p| &p.how,
        |p, v| p.how = v,
    ),
    ("who", "Who is responsible", |p| &p.who, |p, v| p.who = v),
    (
        "when",
        "When the results will be realised",
        |p| &p.when_results,
        |p, v| p.when_results = v,
    ),
];

fn value(percent: bool, v: f64) -> String {
    if percent {
        format!("{}%", scorecard::rounding::one_decimal(v))
    } else {
        format!("{} days", v.round())
    }
}

/// When and on what basis the plan's figure was taken: " (as of 30/06/2015, with the
/// adoptions we expect)"; nothing for a plan started before this was kept.
fn started_on(perf: &PerformancePlan) -> String {
    match (perf.as_of, perf.counted) {
        (Some(day), Some(counted)) => {
            format!(" (as of {}, {})", format_uk(day), basis_words(counted))
        }
        (Some(day), None) => format!(" (as of {})", format_uk(day)),
        _ => String::new(),
    }
}

/// The performance action plan.
#[function_component]
pub fn PerformanceView(props: &PerformanceViewProps) -> Html {
    let review = use_state(String::new);
    let one_more = use_state(|| false);
    let Some(perf) = props.plan.performance.clone() else {
        return Html::default();
    };
    let now = props.now.clone().unwrap_or_default();
    let (figure_now, in_time_now) = (now.figure, now.in_time);
    let save = {
        let (plan, on_save) = (props.plan.clone(), props.on_save.clone());
        move |change: Box<dyn Fn(&mut PerformancePlan)>| {
            let mut next = (*plan).clone();
            if let Some(p) = next.performance.as_mut() {
                change(p);
            }
            on_save.emit(next);
        }
    };
    let fields = FIELDS.iter().map(|(key, label, get, set)| {
        let id = format!("performance-{key}");
        let save = save.clone();
        let set = *set;
        let onchange = Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            save(Box::new(move |p| set(p, text.clone())));
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ *label }</label>
                <textarea class="field__input" {id} rows="2" value={get(&perf).to_string()} {onchange} />
            </div>
        }
    });
    let record_review = {
        let (review, save, figure, as_of) = (review.clone(), save.clone(), figure_now, props.as_of);
        Callback::from(move |_: MouseEvent| {
            let text = review.trim().to_string();
            save(Box::new(move |p| {
                p.reviews.push(Review {
                    date: Some(as_of),
                    figure,
                    text: text.clone(),
                })
            }));
            review.set(String::new());
        })
    };
    let close = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| save(Box::new(|p| p.closed = true)))
    };
    let green = figure_now.is_some_and(|f| perf.met_by(f));
    let moving = figure_now.map(|now| {
        let better = if perf.percent {
            now > perf.performance
        } else {
            now < perf.performance
        };
        format!(
            "Now {} ({}; as of {}, {}), {} since the plan was started at {}.",
            value(perf.percent, now),
            super::performance::gap_text(perf.percent, now, perf.target),
            format_uk(props.as_of),
            basis_words(props.counted),
            if (now - perf.performance).abs() < 0.05 {
                "unchanged"
            } else if better {
                "better"
            } else {
                "worse"
            },
            value(perf.percent, perf.performance)
        )
    });
    html! {
        <section class="performance" aria-label={format!("Performance action plan for {} {}", scorecard::Indicator::parse(&perf.indicator).map_or(perf.indicator.as_str(), |i| i.name()), perf.period)}>
            <h3>{ "Indicator overview" }</h3>
            <dl class="summary">
                <div class="summary__row"><dt>{ "Indicator title" }</dt><dd>{ perf.indicator_title.clone() }</dd></div>
                <div class="summary__row"><dt>{ "Period" }</dt><dd>{ perf.period.clone() }</dd></div>
                <div class="summary__row"><dt>{ "Target" }</dt><dd>{ value(perf.percent, perf.target) }</dd></div>
            </dl>
            <h3>{ "Current situation" }</h3>
            <dl class="summary">
                <div class="summary__row"><dt>{ "Performance this period" }</dt><dd class="performance__gap">
                    { perf.gap_text() }
                    { started_on(&perf) }
                </dd></div>
                <div class="summary__row"><dt>{ "Required pace from now on" }</dt><dd>{ perf.required_pace.clone() }</dd></div>
            </dl>
            if !perf.closed {
                <h4 class="panel__subtitle">{ format!("Children still able to move the figure (as of {})", format_uk(props.as_of)) }</h4>
                if now.movers.is_empty() {
                    <p>{ "None: every child of the period has its figure fixed, or no child is in the records yet." }</p>
                } else {
                    <ul class="performance__movers">{ for now.movers.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
                }
            } else if !perf.children.is_empty() {
                <h4 class="panel__subtitle">{ "Children able to move the figure when the plan was started" }</h4>
                <ul>{ for perf.children.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
            }
            if let Some((in_time, counted)) = in_time_now {
                <div class="button-row">
                    <button type="button" class="button button--secondary" onclick={{
                        let one_more = one_more.clone();
                        Callback::from(move |_: MouseEvent| one_more.set(true))
                    }}>{ "What if one more is in time?" }</button>
                </div>
                if *one_more {
                    <p class="performance__one-more">
                        { format!("{in_time} of {counted} in time is {}%; one more adoption in time makes {} of {}, {}%.",
                            scorecard::rounding::one_decimal(in_time as f64 / counted.max(1) as f64 * 100.0), in_time + 1, counted + 1,
                            scorecard::rounding::one_decimal(one_more_in_time(in_time, counted))) }
                    </p>
                }
            }
            <h3>{ "What will be done" }</h3>
            { for fields }
            <h3>{ "Reviews" }</h3>
            if let Some(moving) = moving {
                <p>{ moving }</p>
            }
            if green && !perf.closed {
                <p class="message message--success">
                    <strong>{ "Met: " }</strong>{ "this figure now meets its target." }
                    <button type="button" class="button button--secondary" onclick={close}>{ "Close the plan" }</button>
                </p>
            }
            if perf.closed {
                <p><strong>{ "Closed: " }</strong>{ "the figure met its target." }</p>
            }
            <ul>
                { for perf.reviews.iter().map(|r| html! {
                    <li>{ format!("{}: {} – {}", r.date.map(format_uk).unwrap_or_default(),
                        r.figure.map(|f| value(perf.percent, f)).unwrap_or_else(|| "no figure".into()), r.text) }</li>
                }) }
            </ul>
            <div class="field">
                <label class="field__label" for="performance-review">{ "Review notes" }</label>
                <input class="field__input" id="performance-review" type="text" value={(*review).clone()}
                    oninput={{
                        let review = review.clone();
                        Callback::from(move |e: InputEvent| review.set(e.target_unchecked_into::<HtmlInputElement>().value()))
                    }} />
            </div>
            <div class="button-row">
                <button type="button" class="button" onclick={record_review}>{ "Record a review" }</button>
            </div>
        </section>
    }
}
