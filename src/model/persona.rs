//! Personas: the archetypal customers a business designs journeys for.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::stage::Stage;

/// Row id of a persona in its workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonaId(pub i64);

/// An sRGB colour, used for a persona's chips and chart lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// A palette of distinct colours that read well on light and dark backgrounds;
    /// new personas take the next one.
    pub const PALETTE: [Self; 8] = [
        Self([0x1f, 0x77, 0xb4]),
        Self([0xe4, 0x57, 0x1c]),
        Self([0x2c, 0xa0, 0x2c]),
        Self([0x94, 0x67, 0xbd]),
        Self([0xd6, 0x27, 0x28]),
        Self([0x17, 0xa2, 0xb8]),
        Self([0xbc, 0x8a, 0x00]),
        Self([0xe3, 0x77, 0xc2]),
    ];

    /// `#rrggbb`, as stored and exported.
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.trim().strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self([channel(0)?, channel(2)?, channel(4)?]))
    }
}

impl Default for Rgb {
    fn default() -> Self {
        Self::PALETTE[0]
    }
}

/// Longest persona name, in characters.
pub const NAME_MAX_CHARS: usize = 200;
/// Longest one-line field (segment, occupation …), in characters.
pub const SHORT_MAX_CHARS: usize = 200;
/// Longest free-text field (goals, notes …), in characters.
pub const LONG_MAX_CHARS: usize = 4000;

/// A persona card. Text fields are plain strings; empty means "not filled in".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Persona {
    pub name: String,
    pub segment: String,
    pub age_range: String,
    pub occupation: String,
    pub location: String,
    pub income_band: String,
    pub shopping_habits: String,
    pub goals: String,
    pub pain_points: String,
    pub motivations: String,
    pub preferred_channels: String,
    pub quote: String,
    pub notes: String,
    pub color: Rgb,
    /// A small PNG (already downscaled), or none.
    pub avatar_png: Option<Vec<u8>>,
    /// Where this persona stands on the path today, if placed.
    pub stage: Option<Stage>,
}

/// The text fields of a persona, for validation messages and generic editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonaField {
    Name,
    Segment,
    AgeRange,
    Occupation,
    Location,
    IncomeBand,
    ShoppingHabits,
    Goals,
    PainPoints,
    Motivations,
    PreferredChannels,
    Quote,
    Notes,
}

impl PersonaField {
    pub const ALL: [Self; 13] = [
        Self::Name,
        Self::Segment,
        Self::AgeRange,
        Self::Occupation,
        Self::Location,
        Self::IncomeBand,
        Self::ShoppingHabits,
        Self::Goals,
        Self::PainPoints,
        Self::Motivations,
        Self::PreferredChannels,
        Self::Quote,
        Self::Notes,
    ];

    /// Maximum length in characters.
    pub fn max_chars(self) -> usize {
        match self {
            Self::Name => NAME_MAX_CHARS,
            Self::Segment | Self::AgeRange | Self::Occupation | Self::Location | Self::IncomeBand => {
                SHORT_MAX_CHARS
            }
            _ => LONG_MAX_CHARS,
        }
    }

    /// Whether the field is edited as several lines.
    pub fn is_multiline(self) -> bool {
        self.max_chars() == LONG_MAX_CHARS
    }
}

/// Why a persona cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PersonaError {
    #[error("the name is required")]
    EmptyName,
    #[error("{field:?} is {chars} characters long; the limit is {max}")]
    TooLong { field: PersonaField, chars: usize, max: usize },
    #[error("another persona is already called \"{0}\"")]
    DuplicateName(String),
}

impl PersonaError {
    /// The field the error belongs beside.
    pub fn field(&self) -> PersonaField {
        match self {
            Self::EmptyName | Self::DuplicateName(_) => PersonaField::Name,
            Self::TooLong { field, .. } => *field,
        }
    }
}

impl Persona {
    pub fn named(name: impl Into<String>) -> Self {
        Self { name: name.into(), ..Self::default() }
    }

    pub fn field(&self, field: PersonaField) -> &str {
        match field {
            PersonaField::Name => &self.name,
            PersonaField::Segment => &self.segment,
            PersonaField::AgeRange => &self.age_range,
            PersonaField::Occupation => &self.occupation,
            PersonaField::Location => &self.location,
            PersonaField::IncomeBand => &self.income_band,
            PersonaField::ShoppingHabits => &self.shopping_habits,
            PersonaField::Goals => &self.goals,
            PersonaField::PainPoints => &self.pain_points,
            PersonaField::Motivations => &self.motivations,
            PersonaField::PreferredChannels => &self.preferred_channels,
            PersonaField::Quote => &self.quote,
            PersonaField::Notes => &self.notes,
        }
    }

    pub fn field_mut(&mut self, field: PersonaField) -> &mut String {
        match field {
            PersonaField::Name => &mut self.name,
            PersonaField::Segment => &mut self.segment,
            PersonaField::AgeRange => &mut self.age_range,
            PersonaField::Occupation => &mut self.occupation,
            PersonaField::Location => &mut self.location,
            PersonaField::IncomeBand => &mut self.income_band,
            PersonaField::ShoppingHabits => &mut self.shopping_habits,
            PersonaField::Goals => &mut self.goals,
            PersonaField::PainPoints => &mut self.pain_points,
            PersonaField::Motivations => &mut self.motivations,
            PersonaField::PreferredChannels => &mut self.preferred_channels,
            PersonaField::Quote => &mut self.quote,
            PersonaField::Notes => &mut self.notes,
        }
    }

    /// A name as stored and matched: NFC (so "Nguyễn" typed with combining marks is the
    /// same name as the precomposed one), without zero-width characters (U+200B–U+200D,
    /// U+2060, U+FEFF) or control characters, which no one sees but which would make two
    /// names that look alike differ, and trimmed.
    pub fn clean_name(name: &str) -> String {
        let invisible =
            |c: &char| c.is_control() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
        let cleaned: String = name.nfc().filter(|c| !invisible(c)).collect();
        cleaned.trim().to_owned()
    }

    /// The key under which names must be unique: the [`Self::clean_name`], lower-cased
    /// (Unicode-aware, so "ĐỨC" and "đức" collide, which SQLite's NOCASE would miss).
    pub fn name_key(name: &str) -> String {
        Self::clean_name(name).to_lowercase()
    }

    /// Checks every field; returns all problems so the editor can show each beside its field.
    /// Name uniqueness needs the workspace and is checked by the store.
    pub fn validate(&self) -> Vec<PersonaError> {
        let mut errors = Vec::new();
        let name = Self::clean_name(&self.name);
        if name.is_empty() {
            errors.push(PersonaError::EmptyName);
        }
        for field in PersonaField::ALL {
            let value = self.field(field);
            let chars =
                if field == PersonaField::Name { name.chars().count() } else { value.chars().count() };
            if chars > field.max_chars() {
                errors.push(PersonaError::TooLong { field, chars, max: field.max_chars() });
            }
        }
        errors
    }

    /// Cleans the name ([`Self::clean_name`]), as saved.
    pub fn normalized(mut self) -> Self {
        self.name = Self::clean_name(&self.name);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        assert_eq!(Persona::named("  ").validate(), vec![PersonaError::EmptyName]);
        assert!(Persona::named("Nguyễn Thị Hằng").validate().is_empty());
        assert!(Persona::named("ễ".repeat(200)).validate().is_empty());
        let long = Persona::named("ễ".repeat(201)).validate();
        assert_eq!(long, vec![PersonaError::TooLong { field: PersonaField::Name, chars: 201, max: 200 }]);
        let mut p = Persona::named("A");
        p.goals = "x".repeat(LONG_MAX_CHARS + 1);
        assert_eq!(p.validate()[0].field(), PersonaField::Goals);
    }

    #[test]
    fn name_key_ignores_vietnamese_case() {
        assert_eq!(Persona::name_key(" ĐỨC "), Persona::name_key("đức"));
    }

    #[test]
    fn hex_colours() {
        assert_eq!(Rgb([1, 2, 255]).to_hex(), "#0102ff");
        assert_eq!(Rgb::from_hex("#0102FF"), Some(Rgb([1, 2, 255])));
        assert_eq!(Rgb::from_hex("0102ff"), None);
        assert_eq!(Rgb::from_hex("#ééé"), None);
    }
}
