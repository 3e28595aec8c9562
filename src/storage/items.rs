//! The document seen as separate items (each child, each year of published figures, each
//! setting, each saved scenario, each made-up cohort), so that changes can be compared,
//! undone and merged one item at a time.
//!
//! Two tabs that change different children must both keep their change; an undo must take
//! back only what its own change did, even after another tab saved. Both follow from one idea:
//! a change is the set of items it touched, with their values before and after (a [`Patch`]),
//! and a merge of two tabs' work is a three-way comparison against the document both started
//! from ([`three_way`]). Only an item changed differently in both is a [`Clash`], which the
//! user settles.
//!
//! Children are keyed by their case reference without regard to case or surrounding spaces.
//! Records sharing a key (a duplicate the validation reports) travel together as one item, so
//! that a merge never drops one of them.

use crate::plans::model::Plan;
use crate::storage::document::{Authority, Comparison, Document, MadeUpCohort};
use crate::tracking::meetings::Meeting;
use chrono::NaiveDate;
use scorecard::timescales::TimescaleRule;
use scorecard::{
    ChildRecord, ComparatorTable, FiguresBasis, FinancialYear, PaceTarget, Scenario,
    ThresholdSchedule, YearAggregate,
};
use serde::{Deserialize, Serialize};

pub use super::diff::diff;
pub use super::merge::{three_way, undo, Merged, Undone};

use super::diff::{child_item_of, year_item_of};

/// Which item of the document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ItemKey {
    /// The child (or children) of the first authority with this case reference, compared
    /// without regard to case.
    Child(String),
    /// The published figures of the first authority for a year.
    Year(FinancialYear),
    /// A child of a further authority (by its number): references are unique within an
    /// authority, so two authorities' `C1` are two items.
    ChildOf(u32, String),
    /// The published figures of a further authority for a year.
    YearOf(u32, FinancialYear),
    /// The further authorities, the agency's name and the schedules changed for one authority.
    Authorities,
    /// Whether the records are the demonstration dataset.
    Demonstration,
    /// The authority's name.
    AuthorityName,
    /// The as-of date.
    AsOf,
    /// The threshold schedule.
    Thresholds,
    /// The tracking meeting's timescales and the added bank holidays.
    Timescales,
    /// The saved scenario with this name.
    SavedScenario(String),
    /// The scenario in use.
    WorkingScenario,
    /// Which saved scenario is in use.
    SelectedScenario,
    /// The required-pace target.
    PaceTarget,
    /// What the scenario in use is compared with.
    Comparison,
    /// Which adoptions the figures count.
    Basis,
    /// The made-up cohort with this name.
    Cohort(String),
    /// The tracking meeting held on this day.
    Meeting(NaiveDate),
    /// The action plan with this title.
    Plan(String),
    /// The imported comparator table.
    Comparators,
}

impl ItemKey {
    /// The item in words, for a clash or an undo message ("child C045", "the as-of date").
    pub fn describe(&self, value: Option<&Item>) -> String {
        match self {
            ItemKey::Child(key) => match value {
                Some(Item::Children(children)) if !children.is_empty() => {
                    format!("child {}", children[0].child_id.trim())
                }
                _ => format!("child {key}"),
            },
            ItemKey::ChildOf(_, key) => match value {
                Some(Item::Children(children)) if !children.is_empty() => {
                    format!("child {}", children[0].child_id.trim())
                }
                _ => format!("child {key}"),
            },
            ItemKey::Year(year) | ItemKey::YearOf(_, year) => {
                format!("the yearly figures for {year}")
            }
            ItemKey::Authorities => "the list of authorities".into(),
            ItemKey::Demonstration => "the demonstration setting".into(),
            ItemKey::AuthorityName => "the authority's name".into(),
            ItemKey::AsOf => "the as-of date".into(),
            ItemKey::Thresholds => "the threshold schedule".into(),
            ItemKey::Timescales => "the tracking timescales".into(),
            ItemKey::SavedScenario(name) => format!("the saved scenario {name}"),
            ItemKey::WorkingScenario => "the scenario in use".into(),
            ItemKey::SelectedScenario => "the choice of scenario".into(),
            ItemKey::PaceTarget => "the required-pace target".into(),
            ItemKey::Comparison => "the scenario compared".into(),
            ItemKey::Basis => "the basis of the figures".into(),
            ItemKey::Cohort(name) => format!("the made-up cohort {name}"),
            ItemKey::Meeting(date) => format!(
                "the tracking meeting of {}",
                scorecard::dates::format_uk(*date)
            ),
            ItemKey::Plan(title) => format!("the action plan {title}"),
            ItemKey::Comparators => "the comparator table".into(),
        }
    }
}

/// The value of one item. A keyed list item holds every entry with that key, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Item {
    /// Children sharing a case reference (one, unless the reference is duplicated).
    Children(Vec<ChildRecord>),
    /// Published figures for one year.
    Years(Vec<YearAggregate>),
    /// A yes/no setting.
    Flag(bool),
    /// A text setting.
    Text(String),
    /// A date setting (`None`: follow today's date).
    Date(Option<NaiveDate>),
    /// The threshold schedule.
    Thresholds(ThresholdSchedule),
    /// The timescales and the added bank holidays.
    Timescales(Vec<TimescaleRule>, Vec<NaiveDate>),
    /// Saved scenarios sharing a name.
    Scenarios(Vec<Scenario>),
    /// One scenario.
    Scenario(Scenario),
    /// The name of a scenario, if any.
    Name(Option<String>),
    /// The required-pace target, if one was chosen.
    Target(Option<PaceTarget>),
    /// The comparison, if any.
    Comparison(Option<Comparison>),
    /// The basis of the figures.
    Basis(FiguresBasis),
    /// Made-up cohorts sharing a name.
    Cohorts(Vec<MadeUpCohort>),
    /// The tracking meeting of one day.
    Meetings(Vec<Meeting>),
    /// Action plans sharing a title.
    Plans(Vec<Plan>),
    /// The comparator table, if one was imported.
    Comparators(Option<ComparatorTable>),
    /// The further authorities, the agency's name and the schedules changed for one.
    Authorities(
        Vec<Authority>,
        String,
        std::collections::BTreeMap<u32, ThresholdSchedule>,
    ),
}

/// One item's value before and after a change (`None`: the item did not exist).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemChange {
    /// Which item.
    pub key: ItemKey,
    /// Its value before.
    pub before: Option<Item>,
    /// Its value after.
    pub after: Option<Item>,
    /// Where a list item stood before the change, so that an undo puts a deleted child back
    /// in its place rather than at the end.
    #[serde(default)]
    pub at: Option<usize>,
}

/// Every item a change touched. Applying `before` values takes the change back.
pub type Patch = Vec<ItemChange>;

/// An item two tabs changed differently since the document they both started from.
#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    /// Which item.
    pub key: ItemKey,
    /// This tab's value.
    pub mine: Option<Item>,
    /// The other tab's value (the one now in the document until the user chooses).
    pub theirs: Option<Item>,
}

/// The item of the child with reference `child_id` in authority `authority`.
pub fn child_item_in(authority: u32, child_id: &str) -> ItemKey {
    let key = scorecard::child_key(child_id).unwrap_or_default();
    match authority {
        0 => ItemKey::Child(key),
        other => ItemKey::ChildOf(other, key),
    }
}

/// The current value of one item of `document`.
pub fn get(document: &Document, key: &ItemKey) -> Option<Item> {
    fn entries<T: Clone>(list: &[T], hit: impl Fn(&T) -> bool) -> Option<Vec<T>> {
        let found: Vec<T> = list.iter().filter(|e| hit(e)).cloned().collect();
        (!found.is_empty()).then_some(found)
    }
    let s = &document.settings;
    let sc = &document.scenarios;
    match key {
        ItemKey::Child(_) | ItemKey::ChildOf(..) => {
            entries(&document.records, |c| child_item_of(c) == *key).map(Item::Children)
        }
        ItemKey::Year(_) | ItemKey::YearOf(..) => {
            entries(&document.aggregates, |a| year_item_of(a) == *key).map(Item::Years)
        }
        ItemKey::Authorities => Some(Item::Authorities(
            s.other_authorities.clone(),
            s.agency_name.clone(),
            s.own_thresholds.clone(),
        )),
        ItemKey::Demonstration => Some(Item::Flag(document.demonstration)),
        ItemKey::AuthorityName => Some(Item::Text(s.authority_name.clone())),
        ItemKey::AsOf => Some(Item::Date(s.as_of)),
        ItemKey::Thresholds => Some(Item::Thresholds(s.thresholds.clone())),
        ItemKey::Timescales => Some(Item::Timescales(
            s.timescales.clone(),
            s.extra_bank_holidays.clone(),
        )),
        ItemKey::SavedScenario(n) => entries(&sc.saved, |x| x.name == *n).map(Item::Scenarios),
        ItemKey::WorkingScenario => Some(Item::Scenario(sc.working.clone())),
        ItemKey::SelectedScenario => Some(Item::Name(sc.selected.clone())),
        ItemKey::PaceTarget => Some(Item::Target(sc.pace_target)),
        ItemKey::Comparison => Some(Item::Comparison(sc.compare.clone())),
        ItemKey::Basis => Some(Item::Basis(sc.basis)),
        ItemKey::Cohort(n) => {
            entries(&document.workshop.cohorts, |c| c.name == *n).map(Item::Cohorts)
        }
        ItemKey::Meeting(day) => {
            entries(&document.meetings.meetings, |m| m.date == *day).map(Item::Meetings)
        }
        ItemKey::Plan(title) => {
            entries(&document.plans.plans, |p| p.title == *title).map(Item::Plans)
        }
        ItemKey::Comparators => Some(Item::Comparators(document.comparators.clone())),
    }
}

/// Puts `entries` in place of the entries of `list` that `hit`: where the first of them was,
/// else at `at` (where they stood before), else at the end. An empty list removes them.
fn splice<T>(list: &mut Vec<T>, hit: impl Fn(&T) -> bool, entries: Vec<T>, at: Option<usize>) {
    let at = list.iter().position(&hit).or(at).unwrap_or(list.len());
    list.retain(|e| !hit(e));
    let at = at.min(list.len());
    list.splice(at..at, entries);
}

/// Sets one item of `document` to `value` (`None` removes a list item). A value of the wrong
/// kind for the key is ignored: it cannot come from [`diff`] or [`get`].
pub fn put(document: &mut Document, key: &ItemKey, value: Option<Item>) {
    put_at(document, key, value, None)
}

/// [`put`], with a list item that is not in the document put back at `at`.
pub(super) fn put_at(
    document: &mut Document,
    key: &ItemKey,
    value: Option<Item>,
    at: Option<usize>,
) {
    let s = &mut document.settings;
    let sc = &mut document.scenarios;
    match (key, value) {
        (ItemKey::Child(_) | ItemKey::ChildOf(..), Some(Item::Children(v))) => {
            splice(&mut document.records, |c| child_item_of(c) == *key, v, at)
        }
        (ItemKey::Child(_) | ItemKey::ChildOf(..), None) => splice(
            &mut document.records,
            |c| child_item_of(c) == *key,
            vec![],
            at,
        ),
        (ItemKey::Year(_) | ItemKey::YearOf(..), Some(Item::Years(v))) => {
            splice(&mut document.aggregates, |a| year_item_of(a) == *key, v, at);
            scorecard::sorting::sort_by_key(&mut document.aggregates, |a| a.year);
        }
        (ItemKey::Year(_) | ItemKey::YearOf(..), None) => splice(
            &mut document.aggregates,
            |a| year_item_of(a) == *key,
            vec![],
            at,
        ),
        (ItemKey::Authorities, Some(Item::Authorities(list, agency, own))) => {
            s.other_authorities = list;
            s.agency_name = agency;
            s.own_thresholds = own;
        }
        (ItemKey::Demonstration, Some(Item::Flag(v))) => document.demonstration = v,
        (ItemKey::AuthorityName, Some(Item::Text(v))) => s.authority_name = v,
        (ItemKey::AsOf, Some(Item::Date(v))) => s.as_of = v,
        (ItemKey::Thresholds, Some(Item::Thresholds(v))) => s.thresholds = v,
        (ItemKey::Timescales, Some(Item::Timescales(t, h))) => {
            s.timescales = t;
            s.extra_bank_holidays = h;
        }
        (ItemKey::SavedScenario(n), Some(Item::Scenarios(v))) => {
            splice(&mut sc.saved, |x| x.name == *n, v, at)
        }
        (ItemKey::SavedScenario(n), None) => splice(&mut sc.saved, |x| x.name == *n, vec![], at),
        (ItemKey::WorkingScenario, Some(Item::Scenario(v))) => sc.working = v,
        (ItemKey::SelectedScenario, Some(Item::Name(v))) => sc.selected = v,
        (ItemKey::PaceTarget, Some(Item::Target(v))) => sc.pace_target = v,
        (ItemKey::Comparison, Some(Item::Comparison(v))) => sc.compare = v,
        (ItemKey::Basis, Some(Item::Basis(v))) => sc.basis = v,
        (ItemKey::Cohort(n), Some(Item::Cohorts(v))) => {
            splice(&mut document.workshop.cohorts, |c| c.name == *n, v, at)
        }
        (ItemKey::Cohort(n), None) => {
            splice(&mut document.workshop.cohorts, |c| c.name == *n, vec![], at)
        }
        (ItemKey::Meeting(day), Some(Item::Meetings(v))) => {
            splice(&mut document.meetings.meetings, |m| m.date == *day, v, at);
            scorecard::sorting::sort_by_key(&mut document.meetings.meetings, |m| m.date);
        }
        (ItemKey::Meeting(day), None) => splice(
            &mut document.meetings.meetings,
            |m| m.date == *day,
            vec![],
            at,
        ),
        (ItemKey::Plan(title), Some(Item::Plans(v))) => {
            splice(&mut document.plans.plans, |p| p.title == *title, v, at)
        }
        (ItemKey::Plan(title), None) => {
            splice(&mut document.plans.plans, |p| p.title == *title, vec![], at)
        }
        (ItemKey::Comparators, Some(Item::Comparators(v))) => document.comparators = v,
        _ => {}
    }
}
