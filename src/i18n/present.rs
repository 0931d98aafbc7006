//! Trainer mode's words: what the customer goes through at each stage, the presenter's
//! speaking notes, and the slides' sentences with numbers (issue #11, §1).
//!
//! The stage texts are written for a room, in the customer's own voice first. On a stage
//! slide the notes (`ui/present/notes.rs`) add the stage playbook's questions
//! (`playbook.rs`) under these speaking notes.

use super::Tr;
use super::format::{count, percent, signed_mean};
use crate::model::{Language, Stage};

/// Which of the fixed presenter notes a slide that is not a stage slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesFor {
    Title,
    Path,
    Stage(Stage),
    Charts,
    Finding,
}

impl Tr {
    /// What the customer is going through at `stage`, as read out to the room.
    pub fn going_through(self, stage: Stage) -> &'static str {
        let (en, vi) = going_through(stage);
        if self.0 == Language::English { en } else { vi }
    }

    /// The presenter's speaking notes for a slide.
    pub fn presenter_notes(self, slide: NotesFor) -> &'static str {
        let (en, vi) = match slide {
            NotesFor::Stage(stage) => stage_notes(stage),
            NotesFor::Title => (
                "Introduce the workspace and its personas. Tell the room how to read the slides: every number comes from the workspace, and a \"?\" waits for their guess.",
                "Giới thiệu không gian làm việc và các chân dung khách hàng. Cho cả lớp biết cách đọc các trang: mọi con số đều lấy từ không gian làm việc, và dấu “?” đang chờ họ đoán.",
            ),
            NotesFor::Path => (
                "Eight stages take a customer from a first look to a raving fan. Point at the two dips, Validation and Acclimation: the model expects them, and most businesses never plan for them.",
                "Tám giai đoạn đưa khách từ lần đầu tìm hiểu đến một người hâm mộ nhiệt thành. Hãy chỉ vào hai chỗ trũng, Xác nhận và Thích nghi: mô hình đã dự báo chúng, nhưng phần lớn doanh nghiệp không hề chuẩn bị cho chúng.",
            ),
            NotesFor::Charts => (
                "Let the room find the biggest drop-off before you name it. Where customers leave at a stage that also feels bad, the fix is usually in the experience, not in the price.",
                "Để cả lớp tự tìm chỗ khách rời đi nhiều nhất trước khi bạn nói ra. Ở giai đoạn vừa mất khách vừa có cảm xúc thấp, cách sửa thường nằm ở trải nghiệm chứ không nằm ở giá.",
            ),
            NotesFor::Finding => (
                "Ask the room what they would try first, who would own it, and how they would know it worked.",
                "Hỏi cả lớp họ sẽ thử làm gì trước tiên, ai sẽ phụ trách, và làm sao biết là đã có kết quả.",
            ),
        };
        if self.0 == Language::English { en } else { vi }
    }

    /// "Slide 3 of 15", in the corner of every slide.
    pub fn slide_counter(self, number: usize, total: usize) -> String {
        match self.0 {
            Language::English => format!("Slide {number} of {total}"),
            Language::Vietnamese => format!("Trang {number}/{total}"),
        }
    }

    /// "Finding 2 of 5", above a finding.
    pub fn finding_counter(self, number: usize, total: usize) -> String {
        match self.0 {
            Language::English => format!("Finding {number} of {total}"),
            Language::Vietnamese => format!("Phát hiện {number}/{total}"),
        }
    }

    /// The title slide's line under the workspace name.
    pub fn workspace_summary(self, customers: u64, personas: usize, entries: usize) -> String {
        let language = self.0;
        let (c, p, e) =
            (count(customers, language), count(personas as u64, language), count(entries as u64, language));
        match language {
            Language::English => format!("{c} customers · {p} personas · {e} emotion entries"),
            Language::Vietnamese => format!("{c} khách hàng · {p} chân dung · {e} lượt ghi cảm xúc"),
        }
    }

    /// How many reached a stage, and their share of everyone.
    pub fn reached_share(self, reached: u64, rate: f64) -> String {
        let (r, p) = (count(reached, self.0), percent(rate, self.0));
        match self.0 {
            Language::English => format!("{r} customers reached this stage ({p} of all)"),
            Language::Vietnamese => format!("{r} khách hàng tới giai đoạn này ({p} tổng số)"),
        }
    }

    /// Those who reached a stage and went no further.
    pub fn drop_off_into(self, rate: f64, lost: u64, next: Stage) -> String {
        let (p, l, next) = (percent(rate, self.0), count(lost, self.0), next.name(self.0));
        match self.0 {
            Language::English => format!("{p} did not go on to {next} ({l} customers)"),
            Language::Vietnamese => format!("{p} không đi tiếp tới {next} ({l} khách hàng)"),
        }
    }

    /// The mean of the logged emotions at a stage.
    pub fn observed_mean(self, mean: f64, entries: u64) -> String {
        let (m, n) = (signed_mean(mean, self.0), count(entries, self.0));
        match self.0 {
            Language::English => format!("{m} on average over {n} entries"),
            Language::Vietnamese => format!("trung bình {m} qua {n} lượt ghi"),
        }
    }
}

fn going_through(stage: Stage) -> (&'static str, &'static str) {
    match stage {
        Stage::Evaluation => (
            "“Can they really solve my problem?” The customer compares, reads reviews and asks friends, and quietly sets the expectations you will be held to.",
            "“Liệu họ có thật sự giải quyết được vấn đề của mình?” Khách so sánh, đọc đánh giá, hỏi bạn bè, và ngầm đặt ra những kỳ vọng mà bạn sẽ phải đáp ứng.",
        ),
        Stage::Acknowledgment => (
            "“Yes, this is the one.” The customer admits the need and buys. Spirits are high, and the buying moment tells them whether the choice was right.",
            "“Đúng rồi, chọn chỗ này.” Khách thừa nhận nhu cầu và quyết định mua. Tinh thần đang lên cao, và chính khoảnh khắc mua hàng cho họ biết mình chọn đúng hay chưa.",
        ),
        Stage::Validation => (
            "“Did I make a mistake?” Buyer's remorse sets in: the money is spent and nothing has happened yet. Silence from you feels like proof of the doubt.",
            "“Mình có chọn sai không?” Cảm giác hối tiếc sau khi mua xuất hiện: tiền đã chi mà chưa thấy gì. Sự im lặng của bạn lúc này như xác nhận nỗi nghi ngờ ấy.",
        ),
        Stage::Kickoff => (
            "“Let's get started.” The first real experience after the sale: the first visit, the onboarding, the first invoice. Eager, and a little nervous about getting it right.",
            "“Bắt đầu thôi.” Trải nghiệm thật sự đầu tiên sau khi mua: lần ghé đầu tiên, buổi hướng dẫn, hóa đơn đầu tiên. Háo hức, nhưng hơi lo không biết mình làm có đúng không.",
        ),
        Stage::Acclimation => (
            "“How does this work again?” The customer learns your ways and fits you into their routine. Small frictions pile up, and many leave here without a word.",
            "“Cái này dùng thế nào nhỉ?” Khách làm quen với cách bạn vận hành và đưa bạn vào nếp sinh hoạt của mình. Những vướng mắc nhỏ cứ dồn lại, và nhiều người lặng lẽ rời đi ở đây.",
        ),
        Stage::Accomplishment => (
            "“It worked!” The customer gets the result they came for. The promise made during Evaluation is kept, and they notice it.",
            "“Được rồi!” Khách đạt được kết quả mà họ tìm đến. Lời hứa từ giai đoạn Đánh giá đã được giữ, và họ nhận ra điều đó.",
        ),
        Stage::Adoption => (
            "“This is my place now.” The customer comes back by choice and takes ownership of the relationship: loyal, no longer comparing.",
            "“Giờ đây là chỗ quen của mình.” Khách tự nguyện quay lại và coi mối quan hệ là của mình: trung thành, không còn so sánh nữa.",
        ),
        Stage::Advocacy => (
            "“You have to try them.” The customer recommends you unprompted and defends you to others: a raving fan.",
            "“Bạn phải thử chỗ này.” Khách chủ động giới thiệu bạn và bênh vực bạn trước người khác: một người hâm mộ nhiệt thành.",
        ),
    }
}

fn stage_notes(stage: Stage) -> (&'static str, &'static str) {
    match stage {
        Stage::Evaluation => (
            "Ask the room: where do our customers first hear of us, and what do they expect from that moment on? Hopeful but careful: a promise made now is the yardstick at Accomplishment.",
            "Hỏi cả lớp: khách nghe về chúng ta lần đầu ở đâu, và từ lúc đó họ kỳ vọng điều gì? Khách hy vọng nhưng còn dè dặt: lời hứa đưa ra lúc này sẽ là thước đo ở giai đoạn Hoàn thành.",
        ),
        Stage::Acknowledgment => (
            "The high point just before the dip. Ask: what does a customer see, hear and sign when they buy? How do we thank them and say what happens next?",
            "Đỉnh cao ngay trước chỗ trũng. Hỏi: khi mua, khách nhìn thấy, nghe thấy và ký những gì? Chúng ta cảm ơn họ và cho họ biết bước tiếp theo ra sao?",
        ),
        Stage::Validation => (
            "The dip most businesses never see. Ask: what do we send in the first 24 hours after a sale? A welcome, a next step, a human voice: reassurance costs little here and keeps many.",
            "Chỗ trũng mà phần lớn doanh nghiệp không nhìn thấy. Hỏi: trong 24 giờ đầu sau khi bán, chúng ta gửi gì cho khách? Một lời chào mừng, một bước tiếp theo, một giọng nói thật: trấn an lúc này tốn rất ít mà giữ được nhiều khách.",
        ),
        Stage::Kickoff => (
            "Ask: who greets a new customer, and is the first experience planned or left to chance? A clear first step turns eagerness into momentum.",
            "Hỏi: ai là người đón khách mới, và trải nghiệm đầu tiên được chuẩn bị kỹ hay phó mặc cho may rủi? Một bước đầu rõ ràng biến sự háo hức thành đà đi tiếp.",
        ),
        Stage::Acclimation => (
            "The learning-curve slump. Ask: what must customers learn, and where do they get stuck? Look for the quiet leavers in the funnel, not in the complaints.",
            "Chỗ trũng của giai đoạn làm quen. Hỏi: khách phải học những gì, và họ hay vướng ở đâu? Hãy tìm những người lặng lẽ rời đi trong phễu, chứ không phải trong các lời phàn nàn.",
        ),
        Stage::Accomplishment => (
            "Ask: how does a customer know they have succeeded? Name it, celebrate it, measure it: a success nobody notices builds no loyalty.",
            "Hỏi: làm sao khách biết mình đã thành công? Hãy gọi tên, chúc mừng và đo lường thành công đó: một thành công không ai để ý sẽ không tạo nên lòng trung thành.",
        ),
        Stage::Adoption => (
            "Ask: what do our regulars get that a newcomer does not? Recognition and a sense of belonging keep them coming back.",
            "Hỏi: khách quen nhận được gì từ chúng ta mà khách mới không có? Sự ghi nhận và cảm giác được thuộc về sẽ giữ họ quay lại.",
        ),
        Stage::Advocacy => (
            "Ask: how do fans tell others about us today, and how could we make it easier? Compare the few here with the many at Evaluation: every stage between is a chance.",
            "Hỏi: hiện nay người hâm mộ giới thiệu chúng ta với người khác bằng cách nào, và làm sao để việc đó dễ hơn? So sánh số ít người ở đây với số đông ở giai đoạn Đánh giá: mỗi giai đoạn ở giữa là một cơ hội.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_words_in_both_languages() {
        for stage in Stage::ALL {
            for tr in [Tr(Language::English), Tr(Language::Vietnamese)] {
                assert!(tr.going_through(stage).len() > 40, "{stage:?}");
                assert!(tr.presenter_notes(NotesFor::Stage(stage)).len() > 40, "{stage:?}");
            }
            assert_ne!(
                Tr(Language::English).going_through(stage),
                Tr(Language::Vietnamese).going_through(stage)
            );
        }
    }

    #[test]
    fn sentences_format_their_numbers_per_language() {
        let (en, vi) = (Tr(Language::English), Tr(Language::Vietnamese));
        assert_eq!(
            en.drop_off_into(0.385, 1234, Stage::Kickoff),
            "38.5 % did not go on to Kickoff (1,234 customers)"
        );
        assert_eq!(
            vi.drop_off_into(0.385, 1234, Stage::Kickoff),
            "38,5 % không đi tiếp tới Khởi động (1.234 khách hàng)"
        );
        assert_eq!(en.slide_counter(3, 15), "Slide 3 of 15");
        assert_eq!(vi.workspace_summary(2000, 4, 12), "2.000 khách hàng · 4 chân dung · 12 lượt ghi cảm xúc");
    }
}
