//! The templates that ship with the app, compiled in from `assets/templates/` so an
//! installed copy needs no data folder. Each is parsed once, on first use.

use std::sync::OnceLock;

use super::{Template, TemplateError, language_code};
use crate::model::stage::Language;

/// Every built-in template: key, language and the file's text. Each key exists in both
/// languages (a test checks it).
pub const BUILTIN: [(&str, Language, &str); 10] = [
    ("coffee", Language::English, include_str!("../../../assets/templates/coffee.en.json")),
    ("coffee", Language::Vietnamese, include_str!("../../../assets/templates/coffee.vi.json")),
    ("saas", Language::English, include_str!("../../../assets/templates/saas.en.json")),
    ("saas", Language::Vietnamese, include_str!("../../../assets/templates/saas.vi.json")),
    ("clinic", Language::English, include_str!("../../../assets/templates/clinic.en.json")),
    ("clinic", Language::Vietnamese, include_str!("../../../assets/templates/clinic.vi.json")),
    ("fitness", Language::English, include_str!("../../../assets/templates/fitness.en.json")),
    ("fitness", Language::Vietnamese, include_str!("../../../assets/templates/fitness.vi.json")),
    ("language-school", Language::English, include_str!("../../../assets/templates/language-school.en.json")),
    (
        "language-school",
        Language::Vietnamese,
        include_str!("../../../assets/templates/language-school.vi.json"),
    ),
];

fn parsed() -> &'static [Result<Template, TemplateError>] {
    static PARSED: OnceLock<Vec<Result<Template, TemplateError>>> = OnceLock::new();
    PARSED.get_or_init(|| BUILTIN.iter().map(|(_, _, json)| Template::parse(json)).collect())
}

/// The built-in template `key` in `language`.
pub fn builtin(key: &str, language: Language) -> Result<&'static Template, TemplateError> {
    let wanted = key.trim().to_ascii_lowercase();
    let found = BUILTIN.iter().zip(parsed()).find(|((k, l, _), _)| *k == wanted && *l == language);
    match found {
        Some((_, Ok(template))) => Ok(template),
        Some((_, Err(err))) => Err(err.clone()),
        None => Err(TemplateError::Unknown {
            name: format!("{key} ({})", language_code(language)),
            known: builtin_keys().join(", "),
        }),
    }
}

/// The built-in templates' keys, each once, in the order of [`BUILTIN`].
pub fn builtin_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = Vec::new();
    for (key, _, _) in BUILTIN {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}
