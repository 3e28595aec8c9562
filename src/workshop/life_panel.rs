//! Why each day matters for the child: the same delay as the child's age on moving in and the
//! share of their life spent waiting, shown first, before any figure. The age on entering care
//! is an assumption (the records hold no date of birth): it is shown as one, and an age that
//! cannot be one is refused beside its box, never quietly changed.

use super::delay_view::DelayView;
use scorecard::dates::format_uk;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The oldest age on entering care the workshop takes, in months: 17 years (a child is
/// adopted before 18).
pub const OLDEST_AGE_MONTHS: u32 = 17 * 12;

/// Reads an age on entering care typed in months: a whole number from 0 to 204. The error
/// says what is wrong with what was typed, in words.
pub fn parse_age_months(text: &str) -> Result<u32, String> {
    let text = text.trim();
    let how = format!(
        "type the age on entering care in whole months, from 0 to {OLDEST_AGE_MONTHS} (17 years)"
    );
    if text.is_empty() {
        return Err(format!("The age is empty: {how}."));
    }
    match text.parse::<i64>() {
        Ok(m) if m < 0 => Err(format!(
            "\u{201c}{text}\u{201d} is less than 0 months: {how}."
        )),
        Ok(m) if m > i64::from(OLDEST_AGE_MONTHS) => Err(format!(
            "\u{201c}{text}\u{201d} is more than 17 years: {how}."
        )),
        Ok(m) => u32::try_from(m).map_err(|_| format!("{how}.")),
        Err(_) => Err(format!(
            "\u{201c}{text}\u{201d} is not a whole number of months: {how}."
        )),
    }
}

/// "12 months", "1 month", "2 years", "1 year and 6 months".
pub fn months_in_words(months: u32) -> String {
    let plural = |n: u32, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    match (months / 12, months % 12) {
        (0, m) => plural(m, "month"),
        (y, 0) if months > 12 => plural(y, "year"),
        (_, 0) => plural(months, "month"),
        (y, m) => format!("{} and {}", plural(y, "year"), plural(m, "month")),
    }
}

/// Properties of [`LifePanel`].
#[derive(Properties, PartialEq)]
pub struct LifePanelProps {
    /// What the delay does.
    pub view: Rc<DelayView>,
    /// The child's age on entering care in use, in months.
    pub age_at_entry_months: u32,
    /// Whether the child is one of a made-up cohort (whose age is made up like the rest);
    /// for the records (real or the demonstration's) the age is an assumption, as they hold no
    /// date of birth.
    pub made_up: bool,
    /// An acceptable age typed.
    pub on_age: Callback<u32>,
}

/// The child's side of the delay.
#[function_component]
pub fn LifePanel(props: &LifePanelProps) -> Html {
    let view = &props.view;
    // What was typed, while it is not an age; the message saying why.
    let refused = use_state(|| None::<(String, String)>);
    let onchange = {
        let (cb, refused) = (props.on_age.clone(), refused.clone());
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match parse_age_months(&text) {
                Ok(months) => {
                    refused.set(None);
                    cb.emit(months);
                }
                Err(why) => refused.set(Some((text, why))),
            }
        })
    };
    let shown = refused
        .as_ref()
        .map(|(text, _)| text.clone())
        .unwrap_or_else(|| props.age_at_entry_months.to_string());
    let in_use = months_in_words(props.age_at_entry_months);
    let source = if props.made_up {
        "made up, like the cohort"
    } else {
        "assumed: the records hold no date of birth"
    };
    html! {
        <section class="panel workshop-life" aria-labelledby="workshop-life-heading">
            <h2 id="workshop-life-heading">{ format!("Why each day matters for {}", view.child) }</h2>
            <div class="field">
                <label class="field__label" for="workshop-age">{ "Age on entering care (months)" }</label>
                <input class="field__input field__input--short" id="workshop-age" type="text"
                    inputmode="numeric" value={shown} {onchange}
                    aria-invalid={refused.is_some().then_some("true")}
                    aria-describedby={if refused.is_some() { "workshop-age-error workshop-age-hint" } else { "workshop-age-hint" }} />
                if let Some((_, why)) = &*refused {
                    <p class="field-error workshop-life__error" id="workshop-age-error" role="alert">
                        { format!("{why} The workshop still uses {in_use}.") }
                    </p>
                }
                <span class="field__hint" id="workshop-age-hint">
                    { format!("{} entered care on {}, aged {in_use} ({source}).",
                        view.child, format_uk(view.entered_care)) }
                </span>
            </div>
            if let Some(life) = view.life {
                <p class="workshop-life__sentence" id="workshop-life-sentence" aria-live="polite">
                    { view.life_words(&view.child).unwrap_or_default() }
                </p>
                <dl class="summary">
                    <div class="summary__row">
                        <dt>{ if view.move_expected { "Age on moving in with the adoptive family (expected)" } else { "Age on moving in with the adoptive family" } }</dt>
                        <dd id="workshop-age-at-placement">{ format!("{} → {}", life.before.age_in_words(), life.after.age_in_words()) }</dd>
                    </div>
                    <div class="summary__row">
                        <dt>{ "Days waiting, from entering care to moving in" }</dt>
                        <dd id="workshop-waiting">{ format!("{} → {}", life.before.waiting_days, life.after.waiting_days) }</dd>
                    </div>
                    <div class="summary__row">
                        <dt>{ "Share of their life spent waiting" }</dt>
                        <dd id="workshop-share">{ format!("{}% → {}%", life.before.share_percent(), life.after.share_percent()) }</dd>
                    </div>
                </dl>
            } else {
                <p>{ format!("{} has not moved in and no date is expected yet, so their age on moving in cannot be shown.", view.child) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_age_that_cannot_be_one_is_refused_in_words() {
        assert_eq!(parse_age_months("12"), Ok(12));
        assert_eq!(parse_age_months(" 0 "), Ok(0));
        assert_eq!(parse_age_months("204"), Ok(204));
        let refused = |t: &str| parse_age_months(t).unwrap_err();
        assert!(refused("6.5").starts_with("\u{201c}6.5\u{201d} is not a whole number of months"));
        assert!(refused("").starts_with("The age is empty"));
        assert!(refused("   ").starts_with("The age is empty"));
        assert!(refused("-3").starts_with("\u{201c}-3\u{201d} is less than 0 months"));
        assert!(refused("205").starts_with("\u{201c}205\u{201d} is more than 17 years"));
        assert!(refused("twelve").contains("not a whole number"));
        assert!(refused("6.5").ends_with("from 0 to 204 (17 years)."));
    }

    #[test]
    fn an_age_in_months_is_said_as_people_say_it() {
        assert_eq!(months_in_words(0), "0 months");
        assert_eq!(months_in_words(1), "1 month");
        assert_eq!(months_in_words(12), "12 months");
        assert_eq!(months_in_words(18), "1 year and 6 months");
        assert_eq!(months_in_words(24), "2 years");
        assert_eq!(months_in_words(25), "2 years and 1 month");
    }
}
