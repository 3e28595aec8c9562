//! Workshop mode for trainers: a made-up cohort to practise on, what a delay means for the
//! child (age at placement, share of life spent waiting), and the one sentence that says what
//! the audience sees happen to the scorecard.
//!
//! Nothing here reads or changes the authority's real data: the cohort is built from a
//! template, and the sentence and the child's figures are pure functions of plain numbers.

mod cohort;
mod delay_length;
mod impact;
mod life;
mod sentence;

pub use cohort::{child_name, CohortTemplate};
pub use delay_length::{DelayLength, DelayUnit};
pub use impact::{impact_sentence, telling_change};
pub use life::{life_at_placement, life_sentence, LifeAtPlacement};
pub use sentence::{delay_sentence, DelayEffect};
