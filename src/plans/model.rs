//! Action plans, as councils write them when a figure turns red: improvement plans with
//! numbered themes and activities (lead, timescale, dated updates, outcome, and a status in
//! words as well as colour), and the performance action plan for one red figure. Pure: the
//! reducer and the screens call these; the native tests check them.

use chrono::{Datelike, NaiveDate};
use scorecard::dates::{format_uk, parse_date};
use serde::{Deserialize, Serialize};

/// Every plan kept.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Plans {
    /// The plans, in the order they were started.
    pub plans: Vec<Plan>,
}

/// An activity's status, as the plans in use write it: RAG, or where the work stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    /// Off track.
    Red,
    /// At risk.
    #[default]
    Amber,
    /// On track.
    Green,
    /// Done.
    Completed,
    /// Continuing work without an end date.
    Ongoing,
    /// Done, with work that continues.
    CompletedAndOngoing,
}

impl Status {
    /// Every status, in the order the filters offer them.
    pub const ALL: [Status; 6] = [
        Status::Red,
        Status::Amber,
        Status::Green,
        Status::Completed,
        Status::Ongoing,
        Status::CompletedAndOngoing,
    ];

    /// The status in words, as written in the CSV and on screen.
    pub fn label(self) -> &'static str {
        match self {
            Status::Red => "Red",
            Status::Amber => "Amber",
            Status::Green => "Green",
            Status::Completed => "Completed",
            Status::Ongoing => "Ongoing",
            Status::CompletedAndOngoing => "Completed and ongoing",
        }
    }

    /// The status from its words, without regard to case.
    pub fn parse(text: &str) -> Option<Status> {
        let text = text.trim();
        Status::ALL
            .into_iter()
            .find(|s| s.label().eq_ignore_ascii_case(text))
    }

    /// Whether the activity's work is done (it can no longer be overdue).
    pub fn is_completed(self) -> bool {
        matches!(self, Status::Completed | Status::CompletedAndOngoing)
    }
}

/// When an activity is due: a day, or a month ("July 2013", due by its last day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Timescale {
    /// By this day.
    Date(NaiveDate),
    /// By the end of this month (year, month).
    Month(i32, u32),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Timescale {
    /// The last day the activity is on time.
    pub fn due(self) -> NaiveDate {
        match self {
            Timescale::Date(d) => d,
            Timescale::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// "31/07/2013", or "July 2013".
    pub fn text(self) -> String {
        match self {
            Timescale::Date(d) => format_uk(d),
            Timescale::Month(y, m) => format!("{} {y}", MONTHS[(m as usize).clamp(1, 12) - 1]),
        }
    }

    /// A date (DD/MM/YYYY or ISO) or a month and year ("July 2013", "Jul 2013").
    pub fn parse(text: &str) -> Option<Timescale> {
        let text = text.trim();
        if let Some(d) = parse_date(text) {
            return Some(Timescale::Date(d));
        }
        let (month, year) = text.split_once(' ')?;
        let year: i32 = year.trim().parse().ok()?;
        // The month's name or the start of it, at least three letters ("Jul", "Sept"). The
        // month names are ASCII, so slicing them by the typed text's length never splits a
        // character; the typed text itself is never sliced.
        let m = MONTHS.iter().position(|name| {
            month.len() >= 3
                && name
                    .get(..month.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(month))
        })?;
        NaiveDate::from_ymd_opt(year, m as u32 + 1, 1)
            .map(|d| Timescale::Month(d.year(), d.month()))
    }
}

/// A dated note of progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    /// When.
    pub date: NaiveDate,
    /// What was done or found.
    pub text: String,
}

/// One activity of a theme.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// What is to be done.
    pub what: String,
    /// Who leads it.
    pub lead: String,
    /// When it is due.
    pub timescale: Option<Timescale>,
    /// Progress, dated, oldest first.
    pub updates: Vec<Update>,
    /// The evidence of success.
    pub outcome: String,
    /// Where it stands.
    pub status: Status,
}

impl Activity {
    /// Past its timescale and not completed.
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        !self.status.is_completed() && self.timescale.is_some_and(|t| as_of > t.due())
    }

    /// The latest update, as "30/06/2015: text".
    pub fn last_update(&self) -> Option<String> {
        self.updates
            .iter()
            .max_by_key(|u| u.date)
            .map(|u| format!("{}: {}", format_uk(u.date), u.text))
    }
}

/// A numbered theme (objective) of a plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Theme {
    /// What the theme is for ("Review of policy, procedure and guidance").
    pub title: String,
    /// Its activities.
    pub activities: Vec<Activity>,
}

/// Whose a plan is: one authority's (by number), or the agency's as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanOf {
    /// One authority's, by number (0 the first).
    Authority(u32),
    /// The regional adoption agency's own.
    Agency,
}

impl Default for PlanOf {
    /// The first authority: a document written before plans had an owner held one authority,
    /// and its plans were that authority's. (A document of several authorities written before
    /// is only this build's own earlier step; its plans were also made under the first
    /// authority's name more often than not, and the agency's view still lists them all.)
    fn default() -> Self {
        PlanOf::Authority(0)
    }
}

impl PlanOf {
    /// Whether it is the first authority's, left out of the stored plan.
    pub fn is_first(&self) -> bool {
        *self == PlanOf::Authority(0)
    }
}

/// One plan: an improvement plan, or the performance action plan of a red figure.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// The title, unique among the plans.
    pub title: String,
    /// Whose plan it is: an authority's or the agency's (stored as `of`, left out for the
    /// first authority's).
    #[serde(rename = "of", skip_serializing_if = "PlanOf::is_first")]
    pub of: PlanOf,
    /// Who owns it.
    pub owner: String,
    /// When it is next reviewed.
    pub review_date: Option<NaiveDate>,
    /// The numbered themes.
    pub themes: Vec<Theme>,
    /// For the performance action plan of a red figure: the figure and what is done about it.
    pub performance: Option<super::performance::PerformancePlan>,
}

/// An activity counted or listed with where it sits.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'a> {
    /// The plan's title.
    pub plan: &'a str,
    /// Whose the plan is.
    pub of: PlanOf,
    /// The theme's number (from 1) and title.
    pub theme: (usize, &'a str),
    /// The activity's place in its theme (from 0).
    pub index: usize,
    /// The activity.
    pub activity: &'a Activity,
}

impl Plans {
    /// Every activity of every plan, in order.
    pub fn activities(&self) -> Vec<Located<'_>> {
        let mut out = Vec::new();
        for plan in &self.plans {
            for (t, theme) in plan.themes.iter().enumerate() {
                for (index, activity) in theme.activities.iter().enumerate() {
                    out.push(Located {
                        plan: &plan.title,
                        of: plan.of,
                        theme: (t + 1, &theme.title),
                        index,
                        activity,
                    });
                }
            }
        }
        out
    }

    /// How many activities have each status, in [`Status::ALL`] order.
    pub fn counts(&self) -> [(Status, usize); 6] {
        let all = self.activities();
        Status::ALL.map(|s| (s, all.iter().filter(|a| a.activity.status == s).count()))
    }

    /// The activities that are red, or overdue, on `as_of`.
    pub fn needing_attention(&self, as_of: NaiveDate) -> (usize, usize) {
        let all = self.activities();
        (
            all.iter()
                .filter(|a| a.activity.status == Status::Red)
                .count(),
            all.iter().filter(|a| a.activity.is_overdue(as_of)).count(),
        )
    }

    /// The plan with this title.
    pub fn plan_mut(&mut self, title: &str) -> Option<&mut Plan> {
        self.plans.iter_mut().find(|p| p.title == title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_timescale_is_a_day_or_a_month_due_by_its_last_day() {
        assert_eq!(
            Timescale::parse("July 2013"),
            Some(Timescale::Month(2013, 7))
        );
        assert_eq!(
            Timescale::parse("jul 2013"),
            Some(Timescale::Month(2013, 7))
        );
        assert_eq!(Timescale::Month(2013, 7).due(), d(2013, 7, 31));
        assert_eq!(Timescale::Month(2013, 12).due(), d(2013, 12, 31));
        assert_eq!(Timescale::Month(2016, 2).due(), d(2016, 2, 29));
        assert_eq!(
            Timescale::parse("31/03/2015"),
            Some(Timescale::Date(d(2015, 3, 31)))
        );
        assert_eq!(Timescale::Month(2013, 7).text(), "July 2013");
        assert_eq!(Timescale::parse("soon"), None);
        assert_eq!(
            Timescale::parse("Sept 2015"),
            Some(Timescale::Month(2015, 9))
        );
        // Typed text that is not a month is refused, never cut inside a character.
        assert_eq!(Timescale::parse("éé 2015"), None);
        assert_eq!(Timescale::parse("Juno 2015"), None);
    }

    #[test]
    fn overdue_means_past_its_timescale_and_not_completed() {
        let mut a = Activity {
            what: "Review local procedures".into(),
            timescale: Some(Timescale::Month(2013, 7)),
            status: Status::Green,
            ..Activity::default()
        };
        assert!(
            !a.is_overdue(d(2013, 7, 31)),
            "due on its last day is on time"
        );
        assert!(a.is_overdue(d(2013, 8, 1)));
        a.status = Status::CompletedAndOngoing;
        assert!(!a.is_overdue(d(2013, 8, 1)));
        a.updates = vec![
            Update {
                date: d(2013, 6, 1),
                text: "Started".into(),
            },
            Update {
                date: d(2013, 7, 15),
                text: "Draft circulated".into(),
            },
        ];
        assert_eq!(
            a.last_update().as_deref(),
            Some("15/07/2013: Draft circulated")
        );
    }

    #[test]
    fn counts_by_status_and_what_needs_attention() {
        let activity = |status, month| Activity {
            status,
            timescale: Some(Timescale::Month(2015, month)),
            ..Activity::default()
        };
        let plans = Plans {
            plans: vec![Plan {
                title: "Service plan".into(),
                themes: vec![
                    Theme {
                        title: "Timeliness".into(),
                        activities: vec![activity(Status::Red, 9), activity(Status::Green, 5)],
                    },
                    Theme {
                        title: "Recruitment".into(),
                        activities: vec![activity(Status::Completed, 3), activity(Status::Red, 4)],
                    },
                ],
                ..Plan::default()
            }],
        };
        let counts = plans.counts();
        assert_eq!(counts[0], (Status::Red, 2));
        assert_eq!(counts[2], (Status::Green, 1));
        assert_eq!(counts[3], (Status::Completed, 1));
        // As of 30/06/2015: red 2; overdue: the Green due May and the Red due April (the
        // Completed one due March is done).
        assert_eq!(plans.needing_attention(d(2015, 6, 30)), (2, 2));
        assert_eq!(plans.activities()[3].theme, (2, "Recruitment"));
    }
}
