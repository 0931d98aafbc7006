//! The demo's cast: four persona cards of a Vietnamese coffee chain, how their customers
//! behave, the touchpoints of each stage and what customers said there.

use std::io::Cursor;

use crate::model::persona::{Persona, Rgb};
use crate::model::stage::Stage;
use crate::store::avatar::AVATAR_PX;

/// A persona of the demo, with how its customers behave.
pub(super) struct DemoPersona {
    pub(super) card: [&'static str; 13],
    pub(super) color: Rgb,
    pub(super) stage: Stage,
    /// Share of the customers.
    pub(super) share: f64,
    /// Chance of going on from stage `i + 1` to stage `i + 2`.
    pub(super) go_on: [f64; 7],
    /// How much slower than usual this persona moves between stages.
    pub(super) pace: f64,
    /// Added to the expected emotion score at each stage.
    pub(super) mood: [i8; 8],
    /// Which two of [`TOUCHPOINTS`]'s four per stage this persona meets.
    pub(super) touchpoints: [[usize; 2]; 8],
}

/// Card fields in [`crate::model::persona::PersonaField::ALL`] order.
pub(super) const PERSONAS: [DemoPersona; 4] = [
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
pub(super) const TOUCHPOINTS: [[(&str, &str); 4]; 8] = [
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
pub(super) const NOTES: [(&[&str], &[&str]); 8] = [
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

pub(super) fn demo_persona(p: &DemoPersona) -> Persona {
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
