//! Several authorities in one workspace: a regional adoption agency keeps each authority's
//! children and yearly figures in the one document, and every screen works on a *view* of it,
//! one authority or the agency as a whole.
//!
//! A view is itself a document ([`project`]): one authority's view holds only its children and
//! yearly figures, named and judged as that authority, so that every screen shows exactly the
//! figures it showed before authorities were added; the agency's view holds every child, so
//! that each figure is child-weighted over all of them by construction (never a mean of the
//! authorities' averages). A change made on a view is put back into the whole document by
//! [`embed`], so that the screens' edits need not know about authorities.

use crate::plans::model::{PlanOf, Plans};
use crate::storage::document::{Authority, Document, Settings};
use crate::tracking::meetings::{Meeting, Meetings};
use scorecard::{ThresholdSchedule, YearAggregate};
use std::collections::BTreeMap;

/// What the screens show: one authority, or the agency as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// One authority, by number.
    Authority(u32),
    /// Every authority together.
    Agency,
}

impl View {
    /// The view's value in the page address (`?authority=2`, `?authority=all`).
    pub fn address_value(self) -> String {
        match self {
            View::Authority(id) => id.to_string(),
            View::Agency => "all".into(),
        }
    }

    /// The view an address value names, if the workspace has it.
    pub fn from_address_value(value: &str, settings: &Settings) -> Option<View> {
        match value.trim() {
            "all" => settings.has_several().then_some(View::Agency),
            number => {
                let id = number.parse::<u32>().ok()?;
                settings.authority_name_of(id).map(|_| View::Authority(id))
            }
        }
    }
}

impl Settings {
    /// Every authority of the workspace, the first one first: number and name.
    pub fn authorities(&self) -> Vec<(u32, &str)> {
        std::iter::once((0, self.authority_name.as_str()))
            .chain(
                self.other_authorities
                    .iter()
                    .map(|a| (a.id, a.name.as_str())),
            )
            .collect()
    }

    /// Whether the workspace holds more than one authority (the agency view exists).
    pub fn has_several(&self) -> bool {
        !self.other_authorities.is_empty()
    }

    /// The name of the authority numbered `id`, if there is one.
    pub fn authority_name_of(&self, id: u32) -> Option<&str> {
        if id == 0 {
            return Some(&self.authority_name);
        }
        self.other_authorities
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.as_str())
    }

    /// The authority whose name is `name`, compared without regard to case or surrounding
    /// spaces (as a file names it).
    pub fn authority_named(&self, name: &str) -> Option<u32> {
        let wanted = name.trim().to_lowercase();
        self.authorities()
            .into_iter()
            .find(|(_, n)| n.trim().to_lowercase() == wanted)
            .map(|(id, _)| id)
    }

    /// What the agency as a whole is called: its name, or "All authorities".
    pub fn agency_label(&self) -> String {
        match self.agency_name.trim() {
            "" => "All authorities".into(),
            name => name.to_string(),
        }
    }

    /// The name a view is shown under.
    pub fn view_name(&self, view: View) -> String {
        match view {
            View::Authority(id) => self.authority_name_of(id).unwrap_or_default().to_string(),
            View::Agency => self.agency_label(),
        }
    }

    /// The threshold schedule an authority is judged against: its own, or the shared one.
    pub fn thresholds_for(&self, id: u32) -> &ThresholdSchedule {
        self.own_thresholds.get(&id).unwrap_or(&self.thresholds)
    }

    /// Adds an authority called `name` and returns its number: one more than any used.
    pub fn add_authority(&mut self, name: &str) -> u32 {
        let id = self
            .other_authorities
            .iter()
            .map(|a| a.id)
            .max()
            .unwrap_or(0)
            + 1;
        self.other_authorities.push(Authority {
            id,
            name: name.trim().to_string(),
        });
        id
    }

    /// The view shown when the address names none: the agency where there are several
    /// authorities (the whole the agency's managers answer for), else the only authority.
    pub fn default_view(&self) -> View {
        if self.has_several() {
            View::Agency
        } else {
            View::Authority(0)
        }
    }
}

/// The authority number an imported child carries while its file names no authority: it goes
/// to the authority chosen in the import's preview.
pub const UNASSIGNED: u32 = u32::MAX;

/// The whole document after `edit` is made on `view` of it.
pub fn edit_view(document: &Document, view: View, edit: impl FnOnce(&mut Document)) -> Document {
    let shown = project(document, view);
    let mut edited = shown.clone();
    edit(&mut edited);
    embed(document, view, &shown, edited)
}

/// The view as a document: what the screens read.
pub fn project(document: &Document, view: View) -> Document {
    let settings = &document.settings;
    match view {
        View::Authority(id) => Document {
            // Numbered as a workspace of one authority numbers them, so that the screens and
            // an import compare them as they always did; [`embed`] numbers them back.
            records: document
                .records
                .iter()
                .filter(|c| c.authority == id)
                .map(|c| scorecard::ChildRecord {
                    authority: 0,
                    ..c.clone()
                })
                .collect(),
            aggregates: document
                .aggregates
                .iter()
                .filter(|a| a.authority == id)
                .map(|a| YearAggregate {
                    authority: 0,
                    ..a.clone()
                })
                .collect(),
            settings: Settings {
                authority_name: settings.view_name(view),
                thresholds: settings.thresholds_for(id).clone(),
                ..settings.clone()
            },
            // Every meeting held, with this authority's children's outcomes only. Unlike the
            // children, the outcomes keep the authority's own number: a meeting's change is
            // made on the whole document by the child's authority (see
            // [`crate::context::Store::authority_of`]), never on the view shown when it lands.
            meetings: Meetings {
                meetings: document
                    .meetings
                    .meetings
                    .iter()
                    .map(|m| Meeting {
                        outcomes: m
                            .outcomes
                            .iter()
                            .filter(|o| o.authority == id)
                            .cloned()
                            .collect(),
                        ..m.clone()
                    })
                    .collect(),
            },
            plans: plans_of_view(&document.plans, view),
            ..document.clone()
        },
        View::Agency => Document {
            aggregates: combined_by_year(&document.aggregates),
            settings: Settings {
                authority_name: settings.view_name(view),
                ..settings.clone()
            },
            ..document.clone()
        },
    }
}

/// The yearly figures of several authorities for the same year as one row, combined by
/// counts: each mean weighted by the children it is over, so that the agency's figure is the
/// one its children make together.
pub fn combined_by_year(aggregates: &[YearAggregate]) -> Vec<YearAggregate> {
    let mut by_year: BTreeMap<scorecard::FinancialYear, Vec<&YearAggregate>> = BTreeMap::new();
    for a in aggregates {
        by_year.entry(a.year).or_default().push(a);
    }
    by_year
        .into_values()
        .map(|rows| {
            if let [one] = rows.as_slice() {
                return YearAggregate {
                    authority: 0,
                    ..(*one).clone()
                };
            }
            let adopted: u32 = rows.iter().map(|a| a.adopted).sum();
            let a2_children: u32 = rows.iter().map(|a| a.a2_children).sum();
            let weighted = |value: &dyn Fn(&YearAggregate) -> f64,
                            weight: &dyn Fn(&YearAggregate) -> u32| {
                let total: u32 = rows.iter().map(|a| weight(a)).sum();
                let sum: f64 = rows.iter().map(|a| value(a) * f64::from(weight(a))).sum();
                if total == 0 {
                    0.0
                } else {
                    sum / f64::from(total)
                }
            };
            // A mean the row leaves out is known for the agency only when every authority
            // published it.
            let a2_known = rows
                .iter()
                .all(|a| a.a2_average_days.is_some() || a.a2_children == 0);
            let a10_known = rows
                .iter()
                .all(|a| a.a10_average_days.is_some() || a.adopted == 0);
            YearAggregate {
                year: rows[0].year,
                authority: 0,
                adopted,
                a1_average_days: weighted(&|a| a.a1_average_days, &|a| a.adopted),
                a2_children,
                a2_average_days: a2_known
                    .then(|| weighted(&|a| a.a2_average_days.unwrap_or(0.0), &|a| a.a2_children)),
                a3_under_14_months: rows.iter().map(|a| a.a3_under_14_months).sum(),
                a10_average_days: a10_known
                    .then(|| weighted(&|a| a.a10_average_days.unwrap_or(0.0), &|a| a.adopted)),
            }
        })
        .collect()
}

/// The whole document after `edited`, a view's document changed by a screen, is put back:
/// the view's children and yearly figures replace that authority's, in their places, and
/// what every view shares (scenarios, meetings, plans, the as-of date …) is taken as edited.
/// `shown` is the view's document the change was made on.
pub fn embed(whole: &Document, view: View, shown: &Document, edited: Document) -> Document {
    let mut settings = Settings {
        authority_name: whole.settings.authority_name.clone(),
        thresholds: whole.settings.thresholds.clone(),
        ..edited.settings.clone()
    };
    let renamed = (edited.settings.authority_name != shown.settings.authority_name)
        .then(|| edited.settings.authority_name.trim().to_string());
    let thresholds_changed = edited.settings.thresholds != shown.settings.thresholds;
    let (records, aggregates) = match view {
        View::Authority(id) => {
            if let Some(name) = renamed {
                rename(&mut settings, id, name);
            }
            if thresholds_changed {
                let schedule = edited.settings.thresholds.clone();
                if !settings.has_several() {
                    settings.thresholds = schedule;
                    settings.own_thresholds.clear();
                } else if schedule == settings.thresholds {
                    settings.own_thresholds.remove(&id);
                } else {
                    settings.own_thresholds.insert(id, schedule);
                }
            }
            let records = put_back(
                &whole.records,
                |c| c.authority == id,
                edited.records,
                |c| c.authority = id,
            );
            let aggregates = put_back(
                &whole.aggregates,
                |a| a.authority == id,
                edited.aggregates,
                |a| a.authority = id,
            );
            (records, aggregates)
        }
        View::Agency => {
            if let Some(name) = renamed {
                settings.agency_name = name;
            }
            if thresholds_changed {
                settings.thresholds = edited.settings.thresholds.clone();
            }
            // The agency's yearly figures are the authorities' combined: they are changed on
            // each authority's view, never here.
            (edited.records, whole.aggregates.clone())
        }
    };
    let meetings = match view {
        View::Authority(id) => meetings_put_back(&whole.meetings, id, edited.meetings),
        View::Agency => edited.meetings,
    };
    let plans = match view {
        // A plan keeps the owner it was made for, even one made on this view for another
        // authority or the agency: only the plans this view listed are replaced.
        View::Authority(id) => Plans {
            plans: put_back(
                &whole.plans.plans,
                |p| p.of == PlanOf::Authority(id),
                edited.plans.plans,
                |_| {},
            ),
        },
        View::Agency => edited.plans,
    };
    Document {
        records,
        aggregates,
        settings,
        meetings,
        plans,
        ..edited
    }
}

/// The plans a view lists: on one authority's view, that authority's own plans only (its
/// committee answers for them, and its actions file holds nothing it does not own); on the
/// agency's view, every plan, each with its owner. The agency's own plans are the board's,
/// listed on the agency's view.
pub fn plans_of_view(plans: &Plans, view: View) -> Plans {
    match view {
        View::Authority(id) => Plans {
            plans: plans
                .plans
                .iter()
                .filter(|p| p.of == PlanOf::Authority(id))
                .cloned()
                .collect(),
        },
        View::Agency => plans.clone(),
    }
}

/// The name a plan's owner is shown under: the authority's, or the agency's.
pub fn plan_owner_name(settings: &Settings, of: PlanOf) -> String {
    match of {
        PlanOf::Authority(id) => settings.view_name(View::Authority(id)),
        PlanOf::Agency => settings.view_name(View::Agency),
    }
}

/// The meetings after one authority's view of them, `edited`, is put back: each meeting as
/// the view left it (date, attendees), with the authority's outcomes replaced by the view's
/// (each in the place of the one it replaces) and every other authority's kept.
fn meetings_put_back(whole: &Meetings, id: u32, edited: Meetings) -> Meetings {
    Meetings {
        meetings: edited
            .meetings
            .into_iter()
            .map(|meeting| {
                let before = whole
                    .meetings
                    .iter()
                    .find(|m| m.date == meeting.date)
                    .map(|m| m.outcomes.as_slice())
                    .unwrap_or_default();
                Meeting {
                    outcomes: put_back(
                        before,
                        |o| o.authority == id,
                        meeting.outcomes,
                        |o| o.authority = id,
                    ),
                    ..meeting
                }
            })
            .collect(),
    }
}

/// Renames the authority numbered `id`.
pub fn rename(settings: &mut Settings, id: u32, name: String) {
    if id == 0 {
        settings.authority_name = name;
    } else if let Some(a) = settings.other_authorities.iter_mut().find(|a| a.id == id) {
        a.name = name;
    }
}

/// `all` with the entries `mine` selects replaced by `edited`, each in the place of the one
/// it replaces (a change to one child keeps every child where it was); entries beyond those
/// replaced go at the end.
fn put_back<T: Clone>(
    all: &[T],
    mine: impl Fn(&T) -> bool,
    edited: Vec<T>,
    stamp: impl Fn(&mut T),
) -> Vec<T> {
    let mut edited = edited.into_iter().map(|mut e| {
        stamp(&mut e);
        e
    });
    let mut out = Vec::with_capacity(all.len());
    for entry in all {
        if mine(entry) {
            if let Some(next) = edited.next() {
                out.push(next);
            }
        } else {
            out.push(entry.clone());
        }
    }
    out.extend(edited);
    out
}

/// Files written for views of one authority or the agency as one file for several: each
/// file's rows with the name it is for (the authority's, or the agency's for the agency's own
/// rows) in a last `authority` column, under one header. A row's line end is kept as written.
/// The rows must not hold line breaks inside quoted cells (the forecast, backtest and yearly
/// figures files hold none).
pub fn with_authority_column(files: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (name, csv)) in files.iter().enumerate() {
        let cell = scorecard::csv::csv_row(std::slice::from_ref(name));
        let cell = cell.trim_end_matches(['\r', '\n']);
        for (line_number, line) in csv.split_inclusive('\n').enumerate() {
            if line_number == 0 && i > 0 {
                continue;
            }
            let text = line.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                continue;
            }
            out.push_str(text);
            out.push(',');
            out.push_str(if line_number == 0 { "authority" } else { cell });
            out.push_str(&line[text.len()..]);
        }
    }
    out
}

/// The children's records file of several authorities: the records format with each child's
/// authority named in a last `authority` column.
pub fn records_csv_with_authority(whole: &Document, children: &[scorecard::ChildRecord]) -> String {
    let mut out = String::new();
    for (i, child) in children.iter().enumerate() {
        let one = scorecard::csv::write_children(std::slice::from_ref(child));
        let (header, row) = one.split_once("\r\n").unwrap_or((one.as_str(), ""));
        if i == 0 {
            out.push_str(header);
            out.push_str(",authority\r\n");
        }
        let name = whole
            .settings
            .authority_name_of(child.authority)
            .unwrap_or_default()
            .to_string();
        let cell = scorecard::csv::csv_row(&[name]);
        out.push_str(row.trim_end_matches(['\r', '\n']));
        out.push(',');
        out.push_str(&cell);
    }
    if children.is_empty() {
        let empty = scorecard::csv::write_children(&[]);
        out.push_str(empty.trim_end_matches(['\r', '\n']));
        out.push_str(",authority\r\n");
    }
    out
}
