//! A realistic demo workspace: "Cà Phê Sáng", a Vietnamese coffee chain, with four persona
//! cards, touchpoints and emotion entries at every stage, and customers whose journeys drop
//! off the way real ones do (heaviest between Kickoff and Accomplishment).
//!
//! Everything is deterministic given [`DemoOptions::seed`] and [`DemoOptions::today`], and
//! the customers go through the importer's bulk write path, so a hundred thousand of them
//! take seconds.

use std::io::Cursor;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use rusqlite::{Transaction, TransactionBehavior};

use super::avatar::AVATAR_PX;
use super::bulk::bulk_write;
use super::import::{EventBatch, write_event_batch};
use super::{Result, StoreError, Workspace, emotions, touchpoints};
use crate::model::customer::CustomerEvent;
use crate::model::emotion::{EmotionEntry, QUICK_LABELS, Score, Source};
use crate::model::persona::{Persona, PersonaId, Rgb};
use crate::model::stage::Stage;
use crate::model::touchpoint::{Channel, Touchpoint};

/// What the demo writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many customers to make up.
    pub customers: u64,
    /// Seed of the random generator: the same seed and day give the same workspace.
    pub seed: u64,
    /// The last day of the demo's eighteen months of history.
    pub today: NaiveDate,
    /// Delete everything in the workspace first. Without it, a workspace holding any
    /// persona, touchpoint, emotion entry or customer is refused.
    pub replace: bool,
}

impl DemoOptions {
    pub const DEFAULT_CUSTOMERS: u64 = 2_000;
    pub const DEFAULT_SEED: u64 = 2_024;

    /// The default demo (2,000 customers, the default seed) ending on `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self { customers: Self::DEFAULT_CUSTOMERS, seed: Self::DEFAULT_SEED, today, replace: false }
    }
}

/// What the demo wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub personas: u64,
    pub touchpoints: u64,
    pub emotions: u64,
    pub customers: u64,
    pub events: u64,
}

impl std::fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use super::report::group_digits as g;
        write!(
            f,
            "Demo workspace for Cà Phê Sáng: {} personas, {} touchpoints, {} emotion entries, {} customers with {} stage events.",
            g(self.personas),
            g(self.touchpoints),
            g(self.emotions),
            g(self.customers),
            g(self.events)
        )
    }
}

/// Days of history the demo spreads customers over (about eighteen months).
const HISTORY_DAYS: i64 = 540;

/// A persona of the demo, with how its customers behave.
struct DemoPersona {
    card: [&'static str; 13],
    color: Rgb,
    stage: Stage,
    /// Share of the customers.
    share: f64,
    /// Chance of going on from stage `i + 1` to stage `i + 2`.
    go_on: [f64; 7],
    /// How much slower than usual this persona moves between stages.
    pace: f64,
    /// Added to the expected emotion score at each stage.
    mood: [i8; 8],
    /// Which two of [`TOUCHPOINTS`]'s four per stage this persona meets.
    touchpoints: [[usize; 2]; 8],
}

/// Card fields in [`crate::model::persona::PersonaField::ALL`] order.
const PERSONAS: [DemoPersona; 4] = [
    DemoPersona {
        card: [
            "Nguyễn Thị Hằng",
            "Dân văn phòng mua mang đi buổi sáng",
            "28–35",
            "Chuyên viên kế toán ở một công ty logistics",
            "Quận 3, TP. Hồ Chí Minh",
            "15–25 triệu đồng/tháng",
            "Ghé quán trên đường đi làm, khoảng 7 giờ 15 đến 7 giờ 45; đặt trước trên ứng dụng khi trễ giờ. Bốn, năm ly mỗi tuần, thường là bạc xỉu đá.",
            "Có ly cà phê đúng vị trong chưa đầy năm phút để kịp giờ chấm công; tích điểm đổi ly miễn phí.",
            "Xếp hàng lâu vào giờ cao điểm; ứng dụng báo món đã xong nhưng quầy chưa làm; vị cà phê mỗi chi nhánh một khác.",
            "Mười phút cho riêng mình trước một ngày làm việc dài; cảm giác được quán nhớ tên và nhớ món.",
            "Ứng dụng Cà Phê Sáng, Zalo OA, thông báo đẩy",
            "Chỉ cần ly bạc xỉu sẵn sàng lúc tôi bước vào là ngày hôm đó đã bắt đầu tốt rồi.",
            "Nhóm khách đông nhất ở các chi nhánh quận 1 và quận 3. Nhạy với thời gian chờ hơn là với giá.",
        ],
        color: Rgb::PALETTE[0],
        stage: Stage::Adoption,
        share: 0.45,
        go_on: [0.86, 0.92, 0.86, 0.56, 0.66, 0.84, 0.74],
        pace: 1.0,
        mood: [0, 0, 0, 1, -1, 0, 1, 0],
        touchpoints: [[1, 0], [1, 3], [0, 3], [0, 3], [1, 3], [0, 2], [0, 2], [0, 3]],
    },
    DemoPersona {
        card: [
            "Trần Minh Khoa",
            "Sinh viên ngồi học lâu tại quán",
            "19–23",
            "Sinh viên năm ba ngành công nghệ thông tin",
            "TP. Thủ Đức, TP. Hồ Chí Minh",
            "Dưới 5 triệu đồng/tháng (gia đình chu cấp và làm thêm)",
            "Đến vào buổi chiều và tối, ngồi ba bốn tiếng với một ly; săn khuyến mãi, hay đi theo nhóm bạn.",
            "Chỗ ngồi yên tĩnh, wifi mạnh, có ổ cắm; giá vừa túi tiền sinh viên.",
            "Hết chỗ vào mùa thi; wifi chập chờn; thấy đắt ngay khi hết chương trình giảm giá.",
            "Không gian học nhóm dễ chịu, ưu đãi cho sinh viên, được bạn bè rủ đi cùng.",
            "TikTok, Facebook, nhóm Zalo của lớp",
            "Quán có ổ cắm với wifi ổn là em ngồi tới lúc đóng cửa luôn.",
            "Bỏ đi nhiều sau lần đầu nếu không có ưu đãi tiếp theo, nhưng lan truyền rất nhanh khi đã thích.",
        ],
        color: Rgb::PALETTE[1],
        stage: Stage::Validation,
        share: 0.30,
        go_on: [0.80, 0.86, 0.80, 0.46, 0.56, 0.76, 0.72],
        pace: 0.8,
        mood: [0, 1, -1, 0, -2, 0, 0, 0],
        touchpoints: [[0, 1], [0, 1], [0, 3], [0, 3], [0, 1], [0, 2], [0, 2], [0, 2]],
    },
    DemoPersona {
        card: [
            "Lê Văn Dũng",
            "Chủ doanh nghiệp nhỏ đặt cà phê cho văn phòng",
            "38–50",
            "Giám đốc một công ty thiết kế 25 người",
            "Quận Cầu Giấy, Hà Nội",
            "Trên 60 triệu đồng/tháng",
            "Đặt hàng theo tuần cho cả văn phòng qua điện thoại hoặc email; cần hóa đơn VAT; dùng thử hai tuần trước khi ký hợp đồng theo tháng.",
            "Nhân viên vui vẻ với một khoản chi rõ ràng; cà phê giao đúng giờ trước cuộc họp sáng thứ Hai.",
            "Hóa đơn sai thông tin; giao trễ; phải gọi nhiều lần mới gặp đúng người phụ trách.",
            "Hình ảnh chuyên nghiệp khi tiếp khách; một đầu mối đáng tin để khỏi phải bận tâm.",
            "Điện thoại, email, gặp trực tiếp",
            "Tôi trả tiền để không phải nghĩ đến chuyện cà phê nữa.",
            "Giá trị mỗi khách lớn; hành trình dài hơn, giai đoạn khởi động cần một buổi họp và hóa đơn đầu tiên không sai sót.",
        ],
        color: Rgb::PALETTE[2],
        stage: Stage::Kickoff,
        share: 0.10,
        go_on: [0.72, 0.90, 0.90, 0.58, 0.70, 0.88, 0.66],
        pace: 1.6,
        mood: [0, -1, 0, -1, 0, 1, 0, -1],
        touchpoints: [[3, 2], [2, 3], [2, 1], [1, 2], [2, 1], [1, 0], [1, 3], [1, 2]],
    },
    DemoPersona {
        card: [
            "Phạm Thu Trang",
            "Người mê cà phê đặc sản, mua hạt về tự pha",
            "30–45",
            "Kiến trúc sư làm việc tự do",
            "Quận Hải Châu, Đà Nẵng",
            "25–40 triệu đồng/tháng",
            "Mua 500 g hạt rang hai tuần một lần trên website; cuối tuần ghé quán thử mẻ rang mới; không bỏ buổi thử nếm nào.",
            "Hiểu nguồn gốc từng loại hạt; pha phin và pour-over ở nhà ngon như ở quán.",
            "Mô tả hương vị chung chung; hạt giao đến đã rang quá lâu; hướng dẫn pha khó làm theo.",
            "Khám phá các vùng trồng Việt Nam như Cầu Đất, Khe Sanh; chia sẻ với cộng đồng yêu cà phê.",
            "Bản tin email, Instagram, buổi thử nếm tại quán",
            "Cho tôi biết hạt này rang ngày nào, ở đâu, tôi sẽ quay lại.",
            "Ít về số lượng nhưng là người giới thiệu nhiệt tình nhất khi được chăm sóc chu đáo.",
        ],
        color: Rgb::PALETTE[3],
        stage: Stage::Advocacy,
        share: 0.15,
        go_on: [0.85, 0.93, 0.90, 0.66, 0.76, 0.88, 0.84],
        pace: 1.2,
        mood: [1, 0, 0, 0, 0, 1, 0, 1],
        touchpoints: [[2, 1], [1, 0], [1, 0], [3, 0], [0, 3], [2, 3], [2, 0], [1, 0]],
    },
];

/// Four touchpoints per stage (channel key or free text, description).
const TOUCHPOINTS: [[(&str, &str); 4]; 8] = [
    [
        ("Facebook", "Quảng cáo giới thiệu món mới, nhắm theo khu vực quanh chi nhánh"),
        ("in_person", "Mùi cà phê rang và quầy mở ra vỉa hè thu hút người đi đường"),
        ("email", "Bản tin giới thiệu vùng trồng và mẻ rang của tháng"),
        ("phone", "Tư vấn viên gọi lại khi khách để số điện thoại trên website"),
    ],
    [
        ("in_person", "Thu ngân gợi ý món theo khẩu vị, thanh toán nhanh bằng mã QR"),
        ("Ứng dụng Cà Phê Sáng", "Đặt món đầu tiên với mã giảm giá chào mừng"),
        ("email", "Báo giá và hợp đồng dùng thử hai tuần"),
        ("Zalo", "Xác nhận đơn và giờ nhận món qua Zalo OA"),
    ],
    [
        ("Zalo", "Tin nhắn cảm ơn sau đơn đầu tiên, kèm cách bảo quản hạt"),
        ("mail", "Thiệp viết tay gửi kèm túi hạt đầu tiên"),
        ("phone", "Cuộc gọi hỏi thăm sau 48 giờ"),
        ("gift", "Phiếu tặng một ly cho lần ghé sau"),
    ],
    [
        ("in_person", "Nhân viên hướng dẫn làm thẻ thành viên và cách tích điểm"),
        ("video", "Buổi họp khởi động trực tuyến với người quản lý tài khoản"),
        ("email", "Email chào mừng kèm lịch giao hàng và hóa đơn đầu tiên"),
        ("Ứng dụng Cà Phê Sáng", "Hướng dẫn từng bước đặt trước và nhận món không cần xếp hàng"),
    ],
    [
        ("video", "Video ngắn hướng dẫn pha phin tại nhà"),
        ("Zalo", "Nhắc điểm tích lũy và món quen mỗi tuần"),
        ("phone", "Quản lý tài khoản gọi kiểm tra sau tuần giao hàng đầu tiên"),
        ("in_person", "Barista nhớ tên và món quen của khách"),
    ],
    [
        ("gift", "Ly miễn phí khi đủ mười điểm"),
        ("email", "Báo cáo tháng: số ly đã giao và khoản tiết kiệm"),
        ("in_person", "Buổi thử nếm mẻ rang mới dành cho thành viên"),
        ("mail", "Thẻ thành viên hạng Bạc gửi tận nhà"),
    ],
    [
        ("Ứng dụng Cà Phê Sáng", "Gợi ý món theo thói quen, đặt lại chỉ với một chạm"),
        ("email", "Đề xuất gia hạn hợp đồng với giá ưu đãi"),
        ("gift", "Túi hạt phiên bản giới hạn tặng khách thân thiết"),
        ("phone", "Cuộc gọi tri ân cuối năm"),
    ],
    [
        ("Facebook", "Chương trình giới thiệu bạn bè: cả hai cùng được tặng một ly"),
        ("in_person", "Mời khách thân thiết làm giám khảo buổi thử nếm"),
        ("video", "Mời khách kể câu chuyện của mình trong video của quán"),
        ("gift", "Quà cảm ơn khi khách viết đánh giá"),
    ],
];

/// What customers said at each stage: (good moments, bad moments).
const NOTES: [(&[&str], &[&str]); 8] = [
    (
        &[
            "Đọc đánh giá trên Google Maps thấy nhiều lời khen, muốn ghé thử.",
            "Đồng nghiệp giới thiệu, nghe nói cà phê phin ở đây đậm vị.",
        ],
        &["Không tìm thấy bảng giá trên trang Facebook, hơi ngại.", "Thấy quán đông quá, sợ phải chờ lâu."],
    ),
    (
        &[
            "Đặt ly đầu tiên trên ứng dụng, được giảm 30% nên rất vui.",
            "Nhân viên tư vấn nhiệt tình, chọn được món hợp khẩu vị.",
        ],
        &["Thanh toán bằng ví điện tử bị lỗi một lần rồi mới được."],
    ),
    (
        &["Nhận tin nhắn Zalo cảm ơn kèm mẹo bảo quản hạt, thấy yên tâm hơn."],
        &[
            "Về đến công ty mới thấy ly này đắt hơn quán quen gần nhà.",
            "Đá tan nhanh, vị nhạt dần; tự hỏi có đáng tiền không.",
            "Đọc bình luận chê trên mạng sau khi mua, bắt đầu lăn tăn.",
        ],
    ),
    (
        &[
            "Lần đầu dùng thẻ thành viên, được tặng thêm bánh.",
            "Buổi gặp đầu tiên với quản lý cửa hàng rõ ràng, có lịch giao cụ thể.",
        ],
        &["Hóa đơn đầu tiên ghi sai mã số thuế, phải gửi lại."],
    ),
    (
        &["Nhân viên đã nhớ món quen, chỉ cần gật đầu là có."],
        &[
            "Ứng dụng đổi giao diện, không tìm thấy món yêu thích.",
            "Giờ cao điểm vẫn chờ mười lăm phút dù đã đặt trước.",
            "Chưa quen cách tích điểm, không biết mình đang có bao nhiêu điểm.",
        ],
    ),
    (
        &[
            "Đổi được ly miễn phí đầu tiên bằng điểm tích lũy.",
            "Pha phin ở nhà ngon như ở quán nhờ buổi hướng dẫn.",
            "Cả văn phòng khen cà phê giao sáng thứ Hai.",
        ],
        &["Ưu đãi hạng thành viên không như quảng cáo."],
    ),
    (
        &[
            "Ghé quán gần như mỗi sáng, coi đây là quán ruột.",
            "Gia hạn hợp đồng cà phê văn phòng thêm sáu tháng.",
        ],
        &["Thử quán mới mở gần nhà nhưng rồi vẫn quay lại."],
    ),
    (
        &[
            "Đăng ảnh ly cà phê lên Instagram và gắn thẻ quán.",
            "Giới thiệu ba đồng nghiệp tải ứng dụng để cùng nhận ưu đãi.",
            "Viết đánh giá năm sao trên Google Maps.",
        ],
        &["Góp ý thẳng về wifi vì muốn quán ngày càng tốt hơn."],
    ),
];

/// Shortest and longest gap, in days, from stage `i + 1` to stage `i + 2`.
const GAP_DAYS: [(f64, f64); 7] =
    [(0.02, 5.0), (0.5, 4.0), (1.0, 10.0), (5.0, 21.0), (10.0, 40.0), (14.0, 45.0), (14.0, 60.0)];

/// Chance that a stage a customer went past left no event (a walk-in buyer never
/// evaluated; nobody asked how the first days felt).
const SKIP_CHANCE: [f64; 8] = [0.05, 0.02, 0.10, 0.03, 0.06, 0.02, 0.02, 0.0];

fn demo_persona(p: &DemoPersona) -> Persona {
    let [
        name,
        segment,
        age,
        occupation,
        location,
        income,
        habits,
        goals,
        pains,
        motivations,
        channels,
        quote,
        notes,
    ] = p.card.map(str::to_owned);
    Persona {
        name,
        segment,
        age_range: age,
        occupation,
        location,
        income_band: income,
        shopping_habits: habits,
        goals,
        pain_points: pains,
        motivations,
        preferred_channels: channels,
        quote,
        notes,
        color: p.color,
        avatar_png: Some(avatar(p.color)),
        stage: Some(p.stage),
    }
}

/// A simple head-and-shoulders silhouette on the persona's colour, as a PNG.
fn avatar(color: Rgb) -> Vec<u8> {
    let size = AVATAR_PX;
    let [r, g, b] = color.0;
    let light = |c: u8| c + (255 - c) / 2;
    let figure = image::Rgba([light(r), light(g), light(b), 255]);
    let picture = image::RgbaImage::from_fn(size, size, |x, y| {
        let (fx, fy) = (f64::from(x) / f64::from(size), f64::from(y) / f64::from(size));
        let head = (fx - 0.5).powi(2) + (fy - 0.38).powi(2) < 0.17_f64.powi(2);
        let shoulders = fy > 0.62 && ((fx - 0.5) / 0.36).powi(2) + ((fy - 0.98) / 0.36).powi(2) < 1.0;
        if head || shoulders { figure } else { image::Rgba([r, g, b, 255]) }
    });
    let mut png = Vec::new();
    // Encoding a small in-memory image cannot fail; an empty avatar would only look blank.
    let _ = picture.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png);
    png
}

/// A random moment during opening hours (6:30–21:30) of `day`.
fn opening_hours(rng: &mut fastrand::Rng, day: NaiveDate) -> NaiveDateTime {
    let seconds = rng.u32(6 * 3600 + 1800..21 * 3600 + 1800);
    day.and_time(NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN))
}

/// Picks a persona index by the personas' shares.
fn pick_persona(rng: &mut fastrand::Rng) -> usize {
    let mut x = rng.f64();
    for (i, p) in PERSONAS.iter().enumerate() {
        if x < p.share {
            return i;
        }
        x -= p.share;
    }
    PERSONAS.len() - 1
}

/// The demo's customers and the stages they reached, deterministic given the arguments.
/// Also used by benchmarks to make large realistic CSV files.
pub fn demo_customer_events(customers: u64, seed: u64, today: NaiveDate) -> Vec<CustomerEvent> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let end = today.and_time(NaiveTime::MIN) + Duration::days(1);
    let mut events = Vec::with_capacity(usize::try_from(customers.saturating_mul(5)).unwrap_or(0));
    for n in 1..=customers {
        let persona = &PERSONAS[pick_persona(&mut rng)];
        let customer_id = format!("KH{n:06}");
        let start_day = today - Duration::days(rng.i64(0..HISTORY_DAYS));
        let mut at = opening_hours(&mut rng, start_day);
        // Walk the path until the customer stops or the next stage lies in the future.
        let mut reached = vec![(Stage::Evaluation, at)];
        for (i, &go_on) in persona.go_on.iter().enumerate() {
            if rng.f64() >= go_on {
                break;
            }
            let (low, high) = GAP_DAYS[i];
            // Skewed towards the short end: most people move on soon, a few take long.
            let days = (low + (high - low) * rng.f64().powf(1.7)) * persona.pace;
            let next = at + Duration::seconds((days * 86_400.0) as i64);
            // Nobody visits at night: night-time events move into opening hours.
            let next = match next.time().hour() {
                6..=21 => next,
                0..=5 => opening_hours(&mut rng, next.date()),
                _ => opening_hours(&mut rng, next.date() + Duration::days(1)),
            };
            if next >= end {
                break;
            }
            at = next;
            let Some(stage) = Stage::from_number(i as u8 + 2) else { break };
            reached.push((stage, at));
        }
        let last = reached.len() - 1;
        for (k, (stage, at)) in reached.into_iter().enumerate() {
            if k < last && rng.f64() < SKIP_CHANCE[stage.index()] {
                continue;
            }
            events.push(CustomerEvent {
                customer_id: customer_id.clone(),
                persona: persona.card[0].to_owned(),
                stage,
                reached_at: at,
            });
        }
    }
    events
}

/// Emotion entries for one persona: several per stage around the expected curve.
fn demo_emotions(
    rng: &mut fastrand::Rng,
    p: &DemoPersona,
    persona: PersonaId,
    today: NaiveDate,
) -> Vec<EmotionEntry> {
    let mut entries = Vec::new();
    for stage in Stage::ALL {
        let i = stage.index();
        for _ in 0..rng.usize(3..=6) {
            let noise = rng.i8(-2..=2);
            let value = (stage.expected_score() + p.mood[i] + noise).clamp(Score::MIN, Score::MAX);
            let score = Score::new(i64::from(value)).unwrap_or_default();
            let (highs, lows) = NOTES[i];
            let good = value > 0 || (value == 0 && rng.bool());
            let label = if stage == Stage::Validation && value < 0 && rng.bool() {
                QUICK_LABELS[11].1
            } else if good {
                QUICK_LABELS[rng.usize(0..6)].1
            } else {
                QUICK_LABELS[rng.usize(6..11)].1
            };
            let note = rng.choice(if good { highs } else { lows }).copied().unwrap_or_default();
            let (channel, _) = TOUCHPOINTS[i][p.touchpoints[i][rng.usize(0..2)]];
            let source = match rng.u8(0..20) {
                0..=5 => Source::Interview,
                6..=12 => Source::Survey,
                13..=16 => Source::Observation,
                _ => Source::Assumption,
            };
            let logged_at = (rng.u8(0..10) > 0).then(|| {
                let day = today - Duration::days(rng.i64(0..HISTORY_DAYS));
                opening_hours(rng, day)
            });
            entries.push(EmotionEntry {
                persona,
                stage,
                score,
                label: label.to_owned(),
                note: note.to_owned(),
                touchpoint: Channel::from_key(channel)
                    .name(crate::model::stage::Language::Vietnamese)
                    .to_owned(),
                source,
                logged_at,
            });
        }
    }
    entries
}

/// Counts what the workspace holds, for the refusal message; `None` when it is empty.
fn existing_data(tx: &Transaction<'_>) -> Result<Option<String>> {
    let mut parts = Vec::new();
    for (table, noun) in [
        ("personas", "personas"),
        ("touchpoints", "touchpoints"),
        ("emotions", "emotion entries"),
        ("customers", "customers"),
    ] {
        let n: u64 = tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        if n > 0 {
            parts.push(format!("{} {noun}", super::report::group_digits(n)));
        }
    }
    Ok((!parts.is_empty()).then(|| parts.join(", ")))
}

impl Workspace {
    /// Fills the workspace with the demo (see the module docs), in one transaction.
    /// Refuses a workspace that holds data unless [`DemoOptions::replace`], which deletes
    /// everything in it first.
    pub fn write_demo(&mut self, options: &DemoOptions) -> Result<DemoSummary> {
        let events = demo_customer_events(options.customers, options.seed, options.today);
        let mut batch = EventBatch::default();
        for (i, event) in events.iter().enumerate() {
            batch.push_event(i as u64 + 1, event);
        }
        let rows = events.len();
        drop(events);
        let path = self.path().to_path_buf();
        bulk_write(self.conn_mut(), rows, |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some(detail) = existing_data(&tx)? {
                if !options.replace {
                    return Err(StoreError::NotEmpty { path, detail });
                }
                tx.execute_batch(
                    "DELETE FROM stage_events; DELETE FROM customers; DELETE FROM emotions;
                     DELETE FROM touchpoints; DELETE FROM personas;",
                )?;
            }
            let mut summary = DemoSummary::default();
            // Cards and emotions have their own generator so they stay the same whatever the
            // number of customers.
            let mut rng = fastrand::Rng::with_seed(options.seed ^ 0x00C0_FFEE);
            for p in &PERSONAS {
                let id = super::personas::insert(&tx, None, &demo_persona(p))?;
                summary.personas += 1;
                for stage in Stage::ALL {
                    for &k in &p.touchpoints[stage.index()] {
                        let (channel, description) = TOUCHPOINTS[stage.index()][k];
                        touchpoints::insert(
                            &tx,
                            None,
                            &Touchpoint {
                                persona: id,
                                stage,
                                channel: Channel::from_key(channel),
                                description: description.to_owned(),
                            },
                        )?;
                        summary.touchpoints += 1;
                    }
                }
                for entry in demo_emotions(&mut rng, p, id, options.today) {
                    emotions::insert(&tx, None, &entry)?;
                    summary.emotions += 1;
                }
            }
            let written = write_event_batch(&tx, batch)?;
            summary.customers = written.customers_created;
            summary.events = written.added;
            tx.commit()?;
            Ok(summary)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::funnel::Funnel;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
    }

    #[test]
    fn personas_are_complete_and_valid() {
        let mut colors = std::collections::HashSet::new();
        for p in &PERSONAS {
            let persona = demo_persona(p);
            assert!(persona.validate().is_empty(), "{}", persona.name);
            for field in crate::model::persona::PersonaField::ALL {
                assert!(!persona.field(field).trim().is_empty(), "{} {field:?}", persona.name);
            }
            assert!(persona.avatar_png.as_ref().is_some_and(|png| png.starts_with(b"\x89PNG")));
            assert!(colors.insert(persona.color));
        }
        let shares: f64 = PERSONAS.iter().map(|p| p.share).sum();
        assert!((shares - 1.0).abs() < 1e-9);
    }

    #[test]
    fn customers_drop_off_like_real_ones() {
        let events = demo_customer_events(3_000, 7, today());
        assert_eq!(events, demo_customer_events(3_000, 7, today()), "deterministic");
        let funnel = Funnel::from_events(&events);
        assert_eq!(funnel.customers(), 3_000);
        let lost = |s: Stage| funnel.drop_off(s).unwrap_or(0);
        // The heaviest losses sit between Kickoff and Accomplishment, in customers and as
        // the report's biggest drop-off (by rate).
        let heavy = lost(Stage::Kickoff).max(lost(Stage::Acclimation));
        for s in [Stage::Evaluation, Stage::Acknowledgment, Stage::Validation, Stage::Adoption] {
            assert!(heavy > lost(s), "{s}: {:?}", funnel.reached);
        }
        let biggest = funnel.biggest_drop_off().map(|d| d.from);
        assert!(
            matches!(biggest, Some(Stage::Kickoff | Stage::Acclimation)),
            "{biggest:?} {:?}",
            funnel.reached
        );
        assert!(funnel.reached(Stage::Advocacy) > 0);
        // Dates stay within the eighteen months before `today`, during opening hours.
        let first = today() - Duration::days(HISTORY_DAYS);
        for e in &events {
            assert!(e.reached_at.date() >= first && e.reached_at.date() <= today(), "{e:?}");
            assert!((6..=21).contains(&e.reached_at.time().hour()), "{e:?}");
        }
        // Some customers skipped a stage: fewer events than stages reached.
        let reached: u64 = funnel.reached.iter().sum();
        assert!((events.len() as u64) < reached);
    }

    #[test]
    fn emotions_dip_at_validation() {
        let mut rng = fastrand::Rng::with_seed(1);
        let mut all = Vec::new();
        for (i, p) in PERSONAS.iter().enumerate() {
            all.extend(demo_emotions(&mut rng, p, PersonaId(i as i64), today()));
        }
        let mean = |stage: Stage| {
            let scores: Vec<f64> =
                all.iter().filter(|e| e.stage == stage).map(|e| f64::from(e.score.get())).collect();
            scores.iter().sum::<f64>() / scores.len() as f64
        };
        assert!(mean(Stage::Validation) < mean(Stage::Acknowledgment));
        assert!(mean(Stage::Validation) < 0.0);
        for stage in Stage::ALL {
            let scores: Vec<i8> = all.iter().filter(|e| e.stage == stage).map(|e| e.score.get()).collect();
            assert!(scores.len() >= 12, "{stage}");
            assert!(scores.iter().max() > scores.iter().min(), "highs and lows at {stage}");
        }
    }
}
