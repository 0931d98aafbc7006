//! The journey map poster: one persona, the eight stages as columns, and lanes for what the
//! customer goes through, the touchpoints, the emotion curve (observed mean and expected),
//! quotes, pain points and opportunities. Drawn on an A3 landscape page.

use super::canvas::{Area, Canvas, LINE, Pt, bullets, ink, paragraph};
use super::data::JourneyMap;
use super::{A3_LANDSCAPE, avatar_image};
use crate::i18n::format::{signed, signed_mean};
use crate::i18n::{Text, Tr};
use crate::model::emotion::Score;
use crate::model::{Language, Stage};

const MARGIN: f32 = 28.0;
/// Width of the lane labels on the left.
const LABEL_W: f32 = 96.0;
/// Top of the stage grid, below the persona header.
const GRID_TOP: f32 = 122.0;
const BODY_PT: f32 = 8.0;

/// The lanes from top to bottom, with their heights in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lane {
    Header,
    Goal,
    Touchpoints,
    Emotion,
    Quotes,
    PainPoints,
    Opportunities,
}

impl Lane {
    const ALL: [Self; 7] = [
        Self::Header,
        Self::Goal,
        Self::Touchpoints,
        Self::Emotion,
        Self::Quotes,
        Self::PainPoints,
        Self::Opportunities,
    ];

    fn height(self) -> f32 {
        match self {
            Self::Header => 36.0,
            Self::Goal => 74.0,
            Self::Touchpoints => 90.0,
            Self::Emotion => 170.0,
            Self::Quotes => 150.0,
            Self::PainPoints => 86.0,
            Self::Opportunities => 52.0,
        }
    }

    fn label(self) -> Option<Text> {
        match self {
            Self::Header => None,
            Self::Goal => Some(Text::HandoutLaneGoal),
            Self::Touchpoints => Some(Text::Touchpoints),
            Self::Emotion => Some(Text::EmotionCurve),
            Self::Quotes => Some(Text::HandoutLaneQuotes),
            Self::PainPoints => Some(Text::PainPoints),
            Self::Opportunities => Some(Text::HandoutLaneOpportunities),
        }
    }
}

/// Where things go on the poster.
struct Grid {
    column_w: f32,
}

impl Grid {
    fn new(page_w: f32) -> Self {
        Self { column_w: (page_w - 2.0 * MARGIN - LABEL_W) / 8.0 }
    }

    fn column_x(&self, stage: Stage) -> f32 {
        #[expect(clippy::cast_precision_loss, reason = "an index below 8")]
        let index = stage.index() as f32;
        MARGIN + LABEL_W + index * self.column_w
    }

    fn lane_top(lane: Lane) -> f32 {
        GRID_TOP + Lane::ALL.iter().take_while(|l| **l != lane).map(|l| l.height()).sum::<f32>()
    }

    fn cell(&self, lane: Lane, stage: Stage) -> Area {
        Area { x: self.column_x(stage), y: Self::lane_top(lane), w: self.column_w, h: lane.height() }
    }

    fn bottom() -> f32 {
        GRID_TOP + Lane::ALL.iter().map(|l| l.height()).sum::<f32>()
    }
}

/// Draws `map` on an A3 landscape page in `language`.
pub fn draw_journey_map(canvas: &mut dyn Canvas, map: &JourneyMap, language: Language) {
    let tr = Tr(language);
    let (page_w, page_h) = A3_LANDSCAPE;
    canvas.fill_rect(Area { x: 0.0, y: 0.0, w: page_w, h: page_h }, ink::WHITE);
    header(canvas, map, tr, page_w);
    let grid = Grid::new(page_w);
    let right = page_w - MARGIN;
    // Lane bands and labels.
    for (index, lane) in Lane::ALL.into_iter().enumerate() {
        let top = Grid::lane_top(lane);
        if index % 2 == 1 {
            canvas.fill_rect(Area { x: MARGIN, y: top, w: right - MARGIN, h: lane.height() }, ink::BAND);
        }
        if let Some(label) = lane.label() {
            let area = Area { x: MARGIN + 4.0, y: top + 6.0, w: LABEL_W - 10.0, h: lane.height() - 8.0 };
            paragraph(canvas, area, 9.0, ink::MUTED, tr.t(label));
        }
    }
    canvas.fill_rect(
        Area { x: MARGIN + LABEL_W, y: GRID_TOP, w: right - MARGIN - LABEL_W, h: Lane::Header.height() },
        map.persona.color,
    );
    for stage in Stage::ALL {
        let x = grid.column_x(stage);
        canvas.polyline(&[Pt { x, y: GRID_TOP }, Pt { x, y: Grid::bottom() }], 0.5, ink::RULE, false);
        stage_cells(canvas, &grid, map, stage, language);
    }
    canvas.polyline(
        &[Pt { x: right, y: GRID_TOP }, Pt { x: right, y: Grid::bottom() }],
        0.5,
        ink::RULE,
        false,
    );
    emotion_lane(canvas, &grid, map, language);
    legend(canvas, map, tr, page_h);
}

/// The persona's name, card summary, goals and quote, with the avatar on the right.
fn header(canvas: &mut dyn Canvas, map: &JourneyMap, tr: Tr, page_w: f32) {
    let persona = &map.persona;
    let avatar_size = 78.0;
    let text_right = page_w - MARGIN - avatar_size - 16.0;
    let title = match &map.version {
        Some(version) => format!("{} — {} · {version}", tr.t(Text::HandoutJourneyMap), persona.name),
        None => format!("{} — {}", tr.t(Text::HandoutJourneyMap), persona.name),
    };
    canvas.text(Pt { x: MARGIN, y: MARGIN }, 22.0, ink::TEXT, &title);
    let facts: Vec<&str> =
        [&persona.segment, &persona.occupation, &persona.age_range, &persona.location, &persona.income_band]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
    let mut y = MARGIN + 22.0 * LINE + 2.0;
    if !facts.is_empty() {
        let area = Area { x: MARGIN, y, w: text_right - MARGIN, h: 10.0 * LINE };
        y = paragraph(canvas, area, 10.0, ink::MUTED, &facts.join(" · "));
    }
    let half = (text_right - MARGIN - 16.0) / 2.0;
    let rest_h = GRID_TOP - 8.0 - y;
    if !persona.goals.trim().is_empty() {
        let text = format!("{}: {}", tr.t(Text::Goals), persona.goals.trim());
        paragraph(canvas, Area { x: MARGIN, y: y + 2.0, w: half, h: rest_h }, 9.0, ink::TEXT, &text);
    }
    if !persona.quote.trim().is_empty() {
        let text = format!("“{}”", persona.quote.trim());
        let area = Area { x: MARGIN + half + 16.0, y: y + 2.0, w: half, h: rest_h };
        paragraph(canvas, area, 9.0, ink::TEXT, &text);
    }
    let avatar = Area { x: page_w - MARGIN - avatar_size, y: MARGIN, w: avatar_size, h: avatar_size };
    match avatar_image(persona) {
        Some(image) => canvas.image(avatar, &image),
        None => canvas.fill_rect(avatar, persona.color),
    }
}

/// The text cells of one stage column.
fn stage_cells(canvas: &mut dyn Canvas, grid: &Grid, map: &JourneyMap, stage: Stage, language: Language) {
    let tr = Tr(language);
    let lane = &map.stages[stage.index()];
    let head = grid.cell(Lane::Header, stage).inset(5.0);
    canvas.text(Pt { x: head.x, y: head.y }, 10.5, ink::WHITE, &stage.numbered_name(language));
    canvas.text(Pt { x: head.x, y: head.y + 14.0 }, 8.0, ink::WHITE, stage.verb());
    let goal = grid.cell(Lane::Goal, stage).inset(5.0);
    paragraph(canvas, goal, BODY_PT, ink::TEXT, stage.description(language));
    let touch = grid.cell(Lane::Touchpoints, stage).inset(5.0);
    if lane.touchpoints.is_empty() {
        paragraph(canvas, touch, BODY_PT, ink::MUTED, tr.t(Text::NoTouchpointGap));
    } else {
        bullets(canvas, touch, BODY_PT, ink::TEXT, &lane.touchpoints);
    }
    let quotes: Vec<String> = lane.quotes.iter().map(|q| format!("“{q}”")).collect();
    empty_or_bullets(canvas, grid.cell(Lane::Quotes, stage).inset(5.0), &quotes);
    empty_or_bullets(canvas, grid.cell(Lane::PainPoints, stage).inset(5.0), &lane.pain_points);
    empty_or_bullets(canvas, grid.cell(Lane::Opportunities, stage).inset(5.0), &lane.opportunities);
}

/// A list, or a dash in grey where there is nothing to list.
fn empty_or_bullets(canvas: &mut dyn Canvas, area: Area, items: &[String]) {
    if items.is_empty() {
        canvas.text(Pt { x: area.x, y: area.y }, BODY_PT, ink::RULE, "—");
    } else {
        bullets(canvas, area, BODY_PT, ink::TEXT, items);
    }
}

/// The emotion lane: a −5…+5 scale, the expected curve dashed, the observed means solid in
/// the persona's colour (broken where a stage has no entries), each mean labelled.
fn emotion_lane(canvas: &mut dyn Canvas, grid: &Grid, map: &JourneyMap, language: Language) {
    let top = Grid::lane_top(Lane::Emotion) + 14.0;
    let bottom = top + Lane::Emotion.height() - 28.0;
    let y_of = |score: f64| {
        let share = (score - f64::from(Score::MIN)) / f64::from(Score::MAX - Score::MIN);
        // A page coordinate: f32 is plenty.
        (f64::from(bottom) - share * f64::from(bottom - top)) as f32
    };
    let x_of = |stage: Stage| grid.column_x(stage) + grid.column_w / 2.0;
    let (left, right) = (MARGIN + LABEL_W, grid.column_x(Stage::Advocacy) + grid.column_w);
    for score in [Score::MIN, 0, Score::MAX] {
        let y = y_of(f64::from(score));
        let color = if score == 0 { ink::MUTED } else { ink::RULE };
        canvas.polyline(&[Pt { x: left, y }, Pt { x: right, y }], 0.5, color, score != 0);
        let label = signed(score);
        let w = canvas.text_width(&label, 7.0);
        canvas.text(Pt { x: left - w - 4.0, y: y - 4.5 }, 7.0, ink::MUTED, &label);
    }
    let expected: Vec<Pt> =
        Stage::ALL.iter().map(|s| Pt { x: x_of(*s), y: y_of(f64::from(s.expected_score())) }).collect();
    canvas.polyline(&expected, 1.2, ink::EXPECTED, true);
    for point in &expected {
        canvas.dot(*point, 2.0, ink::EXPECTED);
    }
    let color = map.persona.color;
    let observed: Vec<Option<Pt>> = Stage::ALL
        .iter()
        .map(|s| map.stages[s.index()].observed_mean.map(|mean| Pt { x: x_of(*s), y: y_of(mean) }))
        .collect();
    for pair in observed.windows(2) {
        if let [Some(a), Some(b)] = pair {
            canvas.polyline(&[*a, *b], 2.2, color, false);
        }
    }
    for (index, (stage, point)) in Stage::ALL.iter().zip(&observed).enumerate() {
        let (Some(point), Some(mean)) = (point, map.stages[stage.index()].observed_mean) else { continue };
        canvas.dot(*point, 3.5, color);
        let label = signed_mean(mean, language);
        // Under a dip, above anything else, so the label stays off the lines into the dot;
        // on a patch of the lane's band, so a dashed expected line behind it cannot cut it.
        let mut neighbours = [index.checked_sub(1), Some(index + 1)]
            .into_iter()
            .flatten()
            .filter_map(|i| observed.get(i).copied().flatten());
        let dip = neighbours.all(|n| n.y < point.y);
        let at = Pt { x: point.x + 6.0, y: if dip { point.y + 3.0 } else { point.y - 14.0 } };
        let w = canvas.text_width(&label, 8.0);
        canvas.fill_rect(Area { x: at.x - 1.0, y: at.y + 1.0, w: w + 2.0, h: 8.0 * LINE - 1.0 }, ink::BAND);
        canvas.text(at, 8.0, ink::TEXT, &label);
    }
}

/// What the two curves are, under the grid.
fn legend(canvas: &mut dyn Canvas, map: &JourneyMap, tr: Tr, page_h: f32) {
    let y = (Grid::bottom() + 14.0).min(page_h - MARGIN);
    let entries: u64 = map.stages.iter().map(|lane| lane.entries).sum();
    let mut x = MARGIN;
    canvas.polyline(&[Pt { x, y: y + 5.0 }, Pt { x: x + 24.0, y: y + 5.0 }], 2.2, map.persona.color, false);
    x += 30.0;
    let observed = format!("{} ({})", tr.t(Text::HandoutObservedMean), tr.entries_count(entries));
    canvas.text(Pt { x, y: y - 0.5 }, 8.5, ink::TEXT, &observed);
    x += canvas.text_width(&observed, 8.5) + 24.0;
    canvas.polyline(&[Pt { x, y: y + 5.0 }, Pt { x: x + 24.0, y: y + 5.0 }], 1.2, ink::EXPECTED, true);
    x += 30.0;
    canvas.text(Pt { x, y: y - 0.5 }, 8.5, ink::TEXT, tr.t(Text::ExpectedEmotion));
    let brand = "Fanpath";
    let w = canvas.text_width(brand, 8.5);
    canvas.text(Pt { x: A3_LANDSCAPE.0 - MARGIN - w, y: y - 0.5 }, 8.5, ink::MUTED, brand);
}
