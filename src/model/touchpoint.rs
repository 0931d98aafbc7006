//! Touchpoints: how a business reaches a persona at a stage.

use serde::{Deserialize, Serialize};

use super::persona::PersonaId;
use super::stage::{Language, Stage};
use super::version::VersionId;

/// Row id of a touchpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TouchpointId(pub i64);

/// The channel a touchpoint uses: the six classic ways of reaching a customer, or free text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    InPerson,
    Email,
    Mail,
    Phone,
    Video,
    Gift,
    Other(String),
}

impl Channel {
    /// The six named channels, as offered in menus.
    pub const NAMED: [Self; 6] =
        [Self::InPerson, Self::Email, Self::Mail, Self::Phone, Self::Video, Self::Gift];

    /// Stable identifier stored in the database; free text is stored as itself.
    pub fn key(&self) -> &str {
        match self {
            Self::InPerson => "in_person",
            Self::Email => "email",
            Self::Mail => "mail",
            Self::Phone => "phone",
            Self::Video => "video",
            Self::Gift => "gift",
            Self::Other(text) => text,
        }
    }

    pub fn from_key(key: &str) -> Self {
        Self::NAMED.into_iter().find(|c| c.key() == key).unwrap_or_else(|| Self::Other(key.to_owned()))
    }

    pub fn name(&self, language: Language) -> &str {
        match (self, language) {
            (Self::InPerson, Language::English) => "In person",
            (Self::Email, Language::English) => "Email",
            (Self::Mail, Language::English) => "Mail",
            (Self::Phone, Language::English) => "Phone",
            (Self::Video, Language::English) => "Video",
            (Self::Gift, Language::English) => "Gift",
            (Self::InPerson, Language::Vietnamese) => "Gặp trực tiếp",
            (Self::Email, Language::Vietnamese) => "Email",
            (Self::Mail, Language::Vietnamese) => "Thư tay",
            (Self::Phone, Language::Vietnamese) => "Điện thoại",
            (Self::Video, Language::Vietnamese) => "Video",
            (Self::Gift, Language::Vietnamese) => "Quà tặng",
            (Self::Other(text), _) => text,
        }
    }
}

/// One way a persona is reached at one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touchpoint {
    /// The journey version the touchpoint belongs to.
    pub version: VersionId,
    pub persona: PersonaId,
    pub stage: Stage,
    pub channel: Channel,
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_keys_round_trip() {
        for c in Channel::NAMED {
            assert_eq!(Channel::from_key(c.key()), c);
        }
        assert_eq!(Channel::from_key("Zalo"), Channel::Other("Zalo".into()));
        assert_eq!(Channel::Other("Zalo".into()).name(Language::Vietnamese), "Zalo");
    }
}
