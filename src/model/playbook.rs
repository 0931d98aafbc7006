//! The stage playbook: built-in guidance for each of the eight stages. The shape lives
//! here; the words, in both languages, are in `crate::i18n::playbook`.

use super::stage::Stage;
use super::touchpoint::Channel;

/// The six channels, in the order every stage's example actions are written.
pub static CHANNELS: [Channel; 6] = Channel::NAMED;

/// What a team should know and ask at one stage, short enough to read at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StagePlaybook {
    pub stage: Stage,
    /// What the customer is going through, in a sentence or two.
    pub situation: &'static str,
    /// The emotion to expect, in a few words.
    pub emotion: &'static str,
    /// Three or four questions the team should ask itself.
    pub questions: &'static [&'static str],
    /// One example action per channel, in [`CHANNELS`] order.
    pub actions: [&'static str; 6],
}

impl StagePlaybook {
    /// Each example action with its channel.
    pub fn channel_actions(&self) -> impl Iterator<Item = (&'static Channel, &'static str)> {
        CHANNELS.iter().zip(self.actions)
    }
}
