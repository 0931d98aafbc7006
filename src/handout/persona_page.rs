//! The persona one-pager: the persona card on an A4 page, with the avatar.

use super::canvas::{Area, Canvas, LINE, Pt, ink, paragraph};
use super::{A4_PORTRAIT, avatar_image};
use crate::i18n::{Text, Tr};
use crate::model::{Language, Persona};

const MARGIN: f32 = 42.0;

/// Draws `persona`'s card on an A4 portrait page in `language`.
pub fn draw_persona_page(canvas: &mut dyn Canvas, persona: &Persona, language: Language) {
    let tr = Tr(language);
    let (page_w, page_h) = A4_PORTRAIT;
    canvas.fill_rect(Area { x: 0.0, y: 0.0, w: page_w, h: page_h }, ink::WHITE);
    canvas.fill_rect(Area { x: 0.0, y: 0.0, w: page_w, h: 14.0 }, persona.color);
    let avatar = Area { x: MARGIN, y: MARGIN, w: 120.0, h: 120.0 };
    match avatar_image(persona) {
        Some(image) => canvas.image(avatar, &image),
        None => canvas.fill_rect(avatar, persona.color),
    }
    let text_x = avatar.right() + 20.0;
    let text_w = page_w - MARGIN - text_x;
    canvas.text(Pt { x: text_x, y: MARGIN }, 11.0, ink::MUTED, tr.t(Text::PersonaCard));
    let name_area = Area { x: text_x, y: MARGIN + 16.0, w: text_w, h: 2.0 * 26.0 * LINE };
    let mut y = paragraph(canvas, name_area, 26.0, ink::TEXT, &persona.name);
    if !persona.segment.trim().is_empty() {
        y = paragraph(canvas, Area { x: text_x, y, w: text_w, h: 24.0 }, 12.0, ink::MUTED, &persona.segment);
    }
    if let Some(stage) = persona.stage {
        let line = format!("{}: {}", tr.t(Text::CurrentStage), stage.numbered_name(language));
        canvas.text(Pt { x: text_x, y: y + 4.0 }, 10.0, ink::TEXT, &line);
    }
    let mut y = avatar.bottom() + 24.0;
    let sections: [(Text, Vec<(Text, &str)>); 4] = [
        (
            Text::WhoTheyAre,
            vec![
                (Text::AgeRange, &persona.age_range),
                (Text::Occupation, &persona.occupation),
                (Text::Location, &persona.location),
                (Text::IncomeBand, &persona.income_band),
            ],
        ),
        (
            Text::GoalsPainsMotivations,
            vec![
                (Text::Goals, &persona.goals),
                (Text::PainPoints, &persona.pain_points),
                (Text::Motivations, &persona.motivations),
            ],
        ),
        (
            Text::ChannelsAndHabits,
            vec![
                (Text::ShoppingHabits, &persona.shopping_habits),
                (Text::PreferredChannels, &persona.preferred_channels),
            ],
        ),
        (Text::InTheirWords, vec![(Text::Quote, &persona.quote), (Text::Notes, &persona.notes)]),
    ];
    let label_w = 130.0;
    let value_x = MARGIN + label_w;
    let value_w = page_w - MARGIN - value_x;
    for (heading, fields) in sections {
        let filled: Vec<(Text, &str)> =
            fields.into_iter().map(|(t, v)| (t, v.trim())).filter(|(_, v)| !v.is_empty()).collect();
        if filled.is_empty() || y > page_h - MARGIN - 40.0 {
            continue;
        }
        canvas.text(Pt { x: MARGIN, y }, 13.0, persona.color, tr.t(heading));
        y += 13.0 * LINE + 2.0;
        canvas.polyline(&[Pt { x: MARGIN, y }, Pt { x: page_w - MARGIN, y }], 0.6, ink::RULE, false);
        y += 6.0;
        for (label, value) in filled {
            let room = page_h - MARGIN - y;
            if room < 10.5 * LINE {
                break;
            }
            canvas.text(Pt { x: MARGIN, y }, 10.0, ink::MUTED, tr.t(label));
            let value = if label == Text::Quote { format!("“{value}”") } else { value.to_owned() };
            let bottom = paragraph(
                canvas,
                Area { x: value_x, y, w: value_w, h: room.min(160.0) },
                10.5,
                ink::TEXT,
                &value,
            );
            y = bottom.max(y + 10.5 * LINE) + 6.0;
        }
        y += 12.0;
    }
}
