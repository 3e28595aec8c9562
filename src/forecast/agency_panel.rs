//! The agency as a whole beside its authorities: each authority's figure, threshold and gap
//! for the periods of the figures table, so that the board sees which authority moves the
//! whole, and the forecast file of every authority and the agency in one.

use super::figures_table::{figure_of, TABLE_INDICATORS};
use super::monte_carlo::{finish, prepare};
use super::sentences::figure_value;
use crate::context::{use_app, use_as_of};
use crate::storage::authorities::{project, View};
use crate::storage::document::Document;
use crate::storage::document::Scenarios;
use crate::ui::later_panel::LaterPart;
use crate::ui::view_choice::authority_label;
use chrono::NaiveDate;
use scorecard::{forecast_on, usable_at, Forecast, ForecastInput, RollingPeriod};
use std::rc::Rc;
use yew::prelude::*;

/// One view's figures: its name and forecast, worked out as its own forecast screen does.
pub struct ViewForecast {
    /// The authority's name, or the agency's.
    pub name: String,
    /// The view's document (its children, yearly figures and thresholds).
    pub document: Document,
    /// Its forecast, on the basis every screen shows.
    pub forecast: Forecast,
}

/// The forecast of one view of `whole`, as the forecast screen shows it on that view.
pub fn view_forecast(whole: &Document, view: View, as_of: NaiveDate) -> ViewForecast {
    let document = project(whole, view);
    // The same forecast the report and the dashboard make of a document, so that a view's row
    // in the agency's table reads as that view's own screen does.
    let forecast = crate::report::forecast::forecast_of(&document, as_of);
    ViewForecast {
        name: document.settings.authority_name.clone(),
        document,
        forecast,
    }
}

/// The forecast file of one view, with the likely ranges its own screen writes: the same
/// simulation (fixed seed, same inputs) the dashboard runs.
pub fn view_csv(view: &ViewForecast, as_of: NaiveDate) -> String {
    let document = &view.document;
    let (children, aggregates) = usable_at(&document.records, &document.aggregates, as_of);
    let simulation = finish(prepare(&ForecastInput {
        children: &children,
        aggregates: &aggregates,
        as_of,
        thresholds: &document.settings.thresholds,
        scenario: &document.scenarios.working,
        target: view.forecast.pace.as_ref().map(|p| p.target),
        every_child: false,
    }));
    view.forecast.to_csv_with(Some(&simulation))
}

/// The agency's "Download target dates (CSV)": the one authority's file of `answer`, the
/// pace asked of every open child of `shown` (the agency's view of `whole`), with each child's
/// authority named in a last `authority` column. A waiting child is known by its place among
/// the forecast's children, the usable children of `shown` on `as_of`.
pub fn agency_target_dates_csv(
    whole: &Document,
    shown: &Document,
    as_of: NaiveDate,
    answer: &scorecard::PaceAnswer,
) -> String {
    let (children, _) = usable_at(&shown.records, &shown.aggregates, as_of);
    let file = answer.target_dates_csv();
    let mut out = String::with_capacity(file.len() + 32 * answer.waiting.waiting.len());
    for (line, row) in file
        .split_inclusive('\n')
        .zip(std::iter::once(None).chain(answer.waiting.waiting.iter().map(Some)))
    {
        let text = line.trim_end_matches(['\r', '\n']);
        out.push_str(text);
        out.push(',');
        match row {
            None => out.push_str("authority"),
            Some(child) => {
                let name = children
                    .get(child.index)
                    .and_then(|c| whole.settings.authority_name_of(c.authority))
                    .unwrap_or_default()
                    .to_string();
                let cell = scorecard::csv::csv_row(&[name]);
                out.push_str(cell.trim_end_matches(['\r', '\n']));
            }
        }
        out.push_str(&line[text.len()..]);
    }
    out
}

/// The agency view's forecast file: each authority's rows, then the agency's (`agency`, the
/// forecast the dashboard shows, with its simulation), each row naming its authority or the
/// agency in a last `authority` column.
pub fn agency_csv(
    whole: &Document,
    as_of: NaiveDate,
    agency: &Forecast,
    simulation: &scorecard::SimulationSummary,
) -> String {
    let mut files: Vec<(String, String)> = whole
        .settings
        .authorities()
        .into_iter()
        .map(|(id, _)| {
            let view = view_forecast(whole, View::Authority(id), as_of);
            (view.name.clone(), view_csv(&view, as_of))
        })
        .collect();
    files.push((
        whole.settings.agency_label(),
        agency.to_csv_with(Some(simulation)),
    ));
    crate::storage::authorities::with_authority_column(&files)
}

/// What one authority's forecast is made from, apart from the scenario: its name, and from
/// its own view's document the children and yearly figures the figures may use and its
/// threshold schedule. A what-if changes none of them.
pub struct AuthorityInputs {
    /// The authority's name.
    pub name: String,
    /// The children of its view the figures may use on the as-of date.
    pub children: Vec<scorecard::ChildRecord>,
    /// The years of its published figures the figures may use.
    pub aggregates: Vec<scorecard::YearAggregate>,
    /// The threshold schedule it is judged against.
    pub thresholds: scorecard::ThresholdSchedule,
}

/// Each authority's inputs, from its own view of `whole` as [`view_forecast`] makes it.
pub fn authorities_inputs(whole: &Document, as_of: NaiveDate) -> Vec<AuthorityInputs> {
    whole
        .settings
        .authorities()
        .into_iter()
        .map(|(id, _)| {
            let document = project(whole, View::Authority(id));
            let (children, aggregates) = usable_at(&document.records, &document.aggregates, as_of);
            AuthorityInputs {
                name: document.settings.authority_name,
                children,
                aggregates,
                thresholds: document.settings.thresholds,
            }
        })
        .collect()
}

/// One authority's forecast under `scenarios` (the workspace's, which every view shares): the
/// forecast [`view_forecast`] makes of its view.
pub fn authority_forecast(
    inputs: &AuthorityInputs,
    scenarios: &Scenarios,
    as_of: NaiveDate,
) -> Forecast {
    forecast_on(
        &ForecastInput {
            children: &inputs.children,
            aggregates: &inputs.aggregates,
            as_of,
            thresholds: &inputs.thresholds,
            scenario: &scenarios.working,
            target: scenarios.pace_target,
            every_child: false,
        },
        scenarios.basis,
    )
}

/// Each authority's inputs, worked out again only when the children, the yearly figures, the
/// settings or the as-of date changed: a what-if changes the document too, and validating
/// every authority's children again on each one would cost more than their forecasts.
#[hook]
fn use_authorities_inputs(whole: &Rc<Document>, as_of: NaiveDate) -> Rc<Vec<AuthorityInputs>> {
    let cache = use_mut_ref(|| None::<(Rc<Document>, NaiveDate, Rc<Vec<AuthorityInputs>>)>);
    let mut cache = cache.borrow_mut();
    if let Some((seen, seen_as_of, inputs)) = cache.as_ref() {
        if *seen_as_of == as_of
            && (Rc::ptr_eq(seen, whole)
                || (seen.records == whole.records
                    && seen.aggregates == whole.aggregates
                    && seen.settings == whole.settings))
        {
            let inputs = inputs.clone();
            *cache = Some((whole.clone(), as_of, inputs.clone()));
            return inputs;
        }
    }
    let inputs = Rc::new(authorities_inputs(whole, as_of));
    *cache = Some((whole.clone(), as_of, inputs.clone()));
    inputs
}

/// Why a figure with a threshold is not judged, in the figures table's own words: a period is
/// judged only when each of its three years holds children, so the agency's may be judged
/// where none of its authorities' is.
fn not_judged(figure: &scorecard::Figure, covered: u8) -> String {
    if figure.basis == scorecard::Basis::Partial {
        format!("{covered} of 3 years: not judged yet")
    } else {
        "not judged yet".to_string()
    }
}

fn cell(forecast: &Forecast, indicator: scorecard::Indicator, period: RollingPeriod) -> Html {
    let Some((figure, covered)) = figure_of(forecast, indicator, period) else {
        return html! { <td>{ "no children" }</td> };
    };
    let unit = if indicator.is_percent() { "%" } else { " days" };
    let threshold = figure
        .threshold
        .map(|t| format!("{}{unit}", scorecard::rounding::whole_text(t)));
    let gap = figure.status.map(|s| {
        let amount = scorecard::rounding::whole_text(s.gap.abs());
        match (s.met, indicator.is_percent()) {
            (true, _) => format!("met ({amount}{unit} to spare)"),
            (false, true) => format!("{amount} points short"),
            (false, false) => format!("{amount} days over"),
        }
    });
    html! {
        <td data-indicator={indicator.label()} data-period={period.to_string()}>
            <span class="figures__value">{ figure_value(&figure) }</span>
            <span class="figures__detail">
                { match threshold {
                    Some(t) => format!("threshold {t}; {}", gap.unwrap_or_else(|| not_judged(&figure, covered))),
                    None => "no threshold".to_string(),
                } }
            </span>
        </td>
    }
}

/// The agency panel's properties.
#[derive(Properties)]
pub struct AgencyPanelProps {
    /// The agency's forecast, the one its dashboard shows (the agency view's own).
    pub agency: Rc<Forecast>,
}

impl PartialEq for AgencyPanelProps {
    /// The same forecast `Rc` is the same forecast: never compared figure by figure.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.agency, &other.agency)
    }
}

/// The agency panel as [`crate::ui::later_panel::LaterPanel`] draws it: in the release build
/// a part of its own (`agency`), fetched only on the agency's view, which only a document of
/// several authorities has.
#[derive(Clone)]
pub struct AgencyPart(
    /// The agency's forecast, as [`AgencyPanelProps::agency`].
    pub Rc<Forecast>,
);

impl PartialEq for AgencyPart {
    /// As the panel's own properties: the same forecast `Rc` is the same forecast.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl LaterPart for AgencyPart {
    const TITLE: &'static str = "Each authority and the agency";

    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    fn draw(self) -> Html {
        html! { <AgencyPanel agency={self.0} /> }
    }

    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    fn fetch(
        self,
    ) -> impl std::future::Future<Output = Result<Html, crate::screens::PartMissing>> + 'static
    {
        #[wasm_split_helpers::wasm_split(agency, fallible)]
        fn agency(forecast: Rc<Forecast>) -> Result<Html, crate::screens::PartMissing> {
            Ok(html! { <AgencyPanel agency={forecast} /> })
        }
        agency(self.0)
    }
}

/// Each authority's figures beside the agency's, and the file of them all. Drawn on the
/// agency's view, by its dashboard, which gives it the agency's forecast.
#[function_component]
pub fn AgencyPanel(props: &AgencyPanelProps) -> Html {
    let app = use_app();
    let as_of = use_as_of();
    let inputs = use_authorities_inputs(&app.whole, as_of);
    // Each authority's forecast, made again when the scenario changes (every view shares it),
    // from inputs validated once per change of the data.
    let scenarios = app.whole.scenarios.clone();
    let authorities = use_memo(
        (super::usable::Same(inputs), scenarios, as_of),
        |(inputs, scenarios, as_of)| {
            inputs
                .0
                .iter()
                .map(|i| (i.name.clone(), authority_forecast(i, scenarios, *as_of)))
                .collect::<Vec<_>>()
        },
    );
    // The agency's row is its view's forecast, named as its view names it.
    let agency_name = app.document.settings.authority_name.clone();
    let views: Vec<(&str, &Forecast)> = authorities
        .iter()
        .map(|(name, forecast)| (name.as_str(), forecast))
        .chain(std::iter::once((agency_name.as_str(), &*props.agency)))
        .collect();
    let periods = props.agency.headline_periods();
    let count = views.len();
    let rows = views.iter().enumerate().flat_map(|(i, &(name, forecast))| {
        let last = i + 1 == count;
        let periods = &periods;
        TABLE_INDICATORS.iter().map(move |&indicator| {
            html! {
                <tr class={classes!(last.then_some("agency__whole"))}>
                    <th scope="row">{ authority_label(name) }</th>
                    <td>{ indicator.name() }</td>
                    { for periods.iter().map(|&p| cell(forecast, indicator, p)) }
                </tr>
            }
        })
    });
    html! {
        <section class="panel" aria-labelledby="agency-heading" id="agency-panel">
            <h2 id="agency-heading" class="panel__title">{ "Each authority and the agency" }</h2>
            <p class="hint">{ "The agency's figures count every authority's children together, \
                each child once: an authority with more children moves the whole more. Each \
                authority is judged against its own threshold schedule where one is set. A \
                period is judged only when each of its three years holds children: the agency's \
                can be judged where an authority's, short of a year, is not yet." }</p>
            <div class="table-wrap">
                <table class="table" id="agency-table">
                    <caption class="visually-hidden">{ "Each authority's figure, threshold and gap, and the agency's" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Authority" }</th>
                        <th scope="col">{ "Indicator" }</th>
                        { for periods.iter().map(|p| html! { <th scope="col">{ p.to_string() }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
