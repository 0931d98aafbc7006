//! The stage playbook's words, English and Vietnamese, written for this project from the
//! eight-stage model: per stage the situation, the emotion to expect, questions for the
//! team and one example action per channel (in person, email, mail, phone, video, gift).

use super::Tr;
use crate::model::Language;
use crate::model::Stage;
use crate::model::playbook::StagePlaybook;

impl Tr {
    /// The status line after "+ Opportunity" on a playbook action added it to the backlog.
    pub fn opportunity_noted(self, stage: Stage, title: &str) -> String {
        let stage = stage.name(self.0);
        self.pick(
            format!("Added to the backlog at {stage}: “{title}”"),
            format!("Đã thêm vào danh sách cơ hội ở giai đoạn {stage}: “{title}”"),
        )
    }
}

/// The playbook of `stage` in `language`.
pub fn playbook(stage: Stage, language: Language) -> StagePlaybook {
    match language {
        Language::English => english(stage),
        Language::Vietnamese => vietnamese(stage),
    }
}

fn english(stage: Stage) -> StagePlaybook {
    let (situation, emotion, questions, actions): (&str, &str, &'static [&'static str], [&str; 6]) =
        match stage {
            Stage::Evaluation => (
                "They are comparing you with others and deciding whether you understand their problem. Every page, call and reply is evidence.",
                "Cautiously hopeful: they want to believe you, but they have been disappointed before.",
                &[
                    "What do we promise here, and can the rest of the journey keep that promise?",
                    "Which doubts stop a good prospect from buying, and where do we answer them?",
                    "Do we show what happens after the sale, or only the product?",
                    "Who answers a prospect's question, and how fast?",
                ],
                [
                    "Invite the prospect to meet a customer who had the same problem.",
                    "Send one short customer story that matches their situation, signed by a real person.",
                    "Post a printed one-page guide to what the first hundred days with you look like.",
                    "Call back within the hour to answer the question they left on the form.",
                    "Record a two-minute walkthrough of what happens right after they buy.",
                    "Give a small, useful tool related to their problem, with no strings attached.",
                ],
            ),
            Stage::Acknowledgment => (
                "They have said yes and paid. They are excited and tell the people around them about their decision.",
                "Excited and proud of the choice: the high point before doubt can set in.",
                &[
                    "How do we mark the moment they said yes, beyond a receipt?",
                    "Who on our side do they hear from first, and within how many hours?",
                    "What do they need to know now so that the next step does not surprise them?",
                ],
                [
                    "Have the person who closed the sale shake hands and introduce the team taking over.",
                    "Send a personal welcome from a named person within the hour, not an automatic receipt.",
                    "Mail a handwritten thank-you card that arrives within the week.",
                    "Call just to say thank you: no selling, no request.",
                    "Send a short video from the team who will work with them, naming the customer.",
                    "Send a small, thoughtful gift that fits what they bought.",
                ],
            ),
            Stage::Validation => (
                "The money is gone and the result is not there yet. They wonder whether they chose well.",
                "Doubtful, with buyer's remorse: the lowest point of the early journey.",
                &[
                    "What do customers worry about in the first days after paying?",
                    "What proof can we give quickly that they made the right choice?",
                    "Could the first bill or form make them feel they were sold to?",
                    "How do we find out who is doubting before they ask for a refund?",
                ],
                [
                    "Meet for a short first session that shows the work has already started.",
                    "Send the story of a customer who started where they are, and how far they got.",
                    "Post a printed welcome pack with the plan and the names of their contacts.",
                    "Call on day three to ask how they feel about the decision, and listen.",
                    "Share a video of a customer much like them saying what changed.",
                    "Send something they can use from day one that reminds them why they bought.",
                ],
            ),
            Stage::Kickoff => (
                "The first real work together: onboarding, the kickoff meeting, the first delivery. They see how you really operate.",
                "Eager to start, and a little nervous.",
                &[
                    "Is the first real step simple, clear and well prepared on our side?",
                    "Do they know what happens next, who does it and by when?",
                    "What do we ask them twice that we could ask once?",
                    "How do we celebrate finishing the first step?",
                ],
                [
                    "Hold a kickoff meeting with a written agenda and a plan for the first weeks.",
                    "After the kickoff, send a one-page summary: what was agreed, who does what, by when.",
                    "Mail a printed quick-start guide with their name on the cover.",
                    "Call after the first use or delivery to check that everything worked.",
                    "Send a short how-to video for the first task they will do alone.",
                    "Send a starter kit with the tools or materials they need to begin.",
                ],
            ),
            Stage::Acclimation => (
                "They learn your way of working and fit it into their routine. Small frictions pile up, and many give up quietly.",
                "Frustrated by the learning curve; confidence dips.",
                &[
                    "Where do customers get stuck in the first weeks, and do we know before they tell us?",
                    "Which of our processes do they have to learn that we could hide?",
                    "Who notices a customer who has gone quiet?",
                    "What is the smallest win we can help them reach this week?",
                ],
                [
                    "Offer a hands-on session at their place, working on their own cases.",
                    "Send one tip at a time, chosen by what they have not tried yet.",
                    "Mail a printed cheat sheet of the five things people ask most.",
                    "Call customers who have been quiet for two weeks, to help rather than to sell.",
                    "Build a small library of short videos answering what support hears most.",
                    "Send a small token of encouragement when they finish their first month.",
                ],
            ),
            Stage::Accomplishment => (
                "They reach the result they bought for. The promise made during Evaluation is kept, or it is not.",
                "Satisfied, sometimes relieved.",
                &[
                    "How do we and the customer know that the result has been reached?",
                    "Do we say out loud that the goal they came for is met?",
                    "What next goal can we help them set?",
                ],
                [
                    "Meet to review the results against the goals set at the start.",
                    "Send a short report of what they achieved, in their own numbers.",
                    "Mail a certificate or printed milestone summary they can show others.",
                    "Call to congratulate them and ask what they want next.",
                    "Send a personal video from the team celebrating the result.",
                    "Send a gift that marks the milestone, chosen for them.",
                ],
            ),
            Stage::Adoption => (
                "They feel part of the relationship: they come back by choice, use more, and speak of you as their own supplier.",
                "Loyal and confident; at home with you.",
                &[
                    "What do long-standing customers get that new ones do not?",
                    "How do we keep surprising people who no longer need our help?",
                    "Where do we ask their advice on what we do next?",
                ],
                [
                    "Invite them to an event only for long-standing customers.",
                    "Ask for their opinion on a change before it is announced.",
                    "Mail a card on the anniversary of the day they became a customer.",
                    "Once a year, have a senior person call to ask how the relationship could improve.",
                    "Tell their story in a short video, with their consent.",
                    "Send an unexpected thank-you on their anniversary.",
                ],
            ),
            Stage::Advocacy => (
                "They recommend you unprompted and defend you in front of others. New customers arrive through them.",
                "Enthusiastic and proud to be linked with you.",
                &[
                    "Do we know who our advocates are and how they talk about us?",
                    "How do we thank someone for a referral, whether or not it buys?",
                    "How do we make it easy for them to introduce us?",
                    "Do the people they refer get a start as good as theirs?",
                ],
                [
                    "Invite them to speak at an event or to meet prospects.",
                    "Thank them personally for every introduction and tell them what came of it.",
                    "Send a handwritten note after each referral.",
                    "Call to thank them on the day a referral becomes a customer.",
                    "Record a conversation with them for people who are considering you.",
                    "Send a thank-you gift for a referral: for the person, not a discount code.",
                ],
            ),
        };
    StagePlaybook { stage, situation, emotion, questions, actions }
}

fn vietnamese(stage: Stage) -> StagePlaybook {
    let (situation, emotion, questions, actions): (&str, &str, &'static [&'static str], [&str; 6]) =
        match stage {
            Stage::Evaluation => (
                "Khách đang so sánh bạn với những lựa chọn khác và xem bạn có thật sự hiểu vấn đề của họ không. Mỗi trang web, cuộc gọi, câu trả lời đều là bằng chứng.",
                "Hy vọng nhưng dè dặt: họ muốn tin bạn, nhưng đã từng thất vọng.",
                &[
                    "Ở đây ta hứa điều gì, và phần còn lại của hành trình có giữ được lời hứa đó không?",
                    "Những nghi ngại nào khiến một khách tiềm năng tốt chưa mua, và ta trả lời chúng ở đâu?",
                    "Ta có cho khách thấy điều gì diễn ra sau khi mua, hay chỉ giới thiệu sản phẩm?",
                    "Ai trả lời câu hỏi của khách tiềm năng, và nhanh đến mức nào?",
                ],
                [
                    "Mời khách gặp một khách hàng từng có cùng vấn đề.",
                    "Gửi một câu chuyện khách hàng ngắn, sát với hoàn cảnh của họ, ký tên người thật.",
                    "Gửi một trang hướng dẫn in sẵn: một trăm ngày đầu cùng bạn sẽ diễn ra thế nào.",
                    "Gọi lại trong vòng một giờ để trả lời câu hỏi khách để lại trên biểu mẫu.",
                    "Quay một video hai phút cho thấy điều gì diễn ra ngay sau khi khách mua.",
                    "Tặng một công cụ nhỏ hữu ích liên quan đến vấn đề của họ, không kèm điều kiện.",
                ],
            ),
            Stage::Acknowledgment => (
                "Khách đã đồng ý và thanh toán. Họ đang phấn khởi và kể với những người xung quanh về quyết định của mình.",
                "Phấn khích và tự hào về lựa chọn: đỉnh cảm xúc trước khi nỗi nghi ngờ có thể xuất hiện.",
                &[
                    "Ngoài hoá đơn, ta ghi dấu khoảnh khắc khách nói “có” bằng cách nào?",
                    "Khách nghe tin từ ai bên ta đầu tiên, và sau bao nhiêu giờ?",
                    "Khách cần biết gì ngay bây giờ để bước tiếp theo không làm họ bất ngờ?",
                ],
                [
                    "Người chốt đơn bắt tay khách và giới thiệu đội sẽ tiếp nhận.",
                    "Gửi lời chào mừng từ một người có tên trong vòng một giờ, không phải biên nhận tự động.",
                    "Gửi thiệp cảm ơn viết tay, đến tay khách trong tuần.",
                    "Gọi điện chỉ để cảm ơn: không chào bán, không nhờ vả.",
                    "Gửi video ngắn từ đội sẽ làm việc với khách, gọi đúng tên khách.",
                    "Gửi một món quà nhỏ, chu đáo, hợp với thứ khách vừa mua.",
                ],
            ),
            Stage::Validation => (
                "Tiền đã trả mà kết quả chưa tới. Khách tự hỏi mình đã chọn đúng chưa.",
                "Hoài nghi, hối tiếc sau khi mua: điểm thấp nhất của chặng đầu hành trình.",
                &[
                    "Trong những ngày đầu sau khi trả tiền, khách lo lắng điều gì?",
                    "Ta có thể nhanh chóng đưa ra bằng chứng nào rằng khách đã chọn đúng?",
                    "Hoá đơn hay biểu mẫu đầu tiên có chỗ nào khiến khách thấy mình chỉ là một đơn hàng không?",
                    "Làm sao biết ai đang nghi ngờ trước khi họ đòi hoàn tiền?",
                ],
                [
                    "Hẹn một buổi gặp ngắn đầu tiên cho khách thấy công việc đã bắt đầu.",
                    "Gửi câu chuyện của một khách từng ở đúng chỗ họ đang đứng, và nay đã đi xa đến đâu.",
                    "Gửi bộ tài liệu chào mừng in sẵn, có kế hoạch và tên người phụ trách.",
                    "Gọi vào ngày thứ ba để hỏi khách thấy quyết định của mình thế nào, và lắng nghe.",
                    "Chia sẻ video một khách hàng rất giống họ kể điều gì đã thay đổi.",
                    "Gửi một món đồ dùng được ngay từ ngày đầu, nhắc khách vì sao họ đã mua.",
                ],
            ),
            Stage::Kickoff => (
                "Lần làm việc thật sự đầu tiên: hướng dẫn ban đầu, buổi họp khởi động, lần giao hàng đầu. Khách thấy bạn thật sự làm việc ra sao.",
                "Háo hức bắt đầu, nhưng hơi lo.",
                &[
                    "Bước thật sự đầu tiên có đơn giản, rõ ràng và được ta chuẩn bị kỹ không?",
                    "Khách có biết việc gì tiếp theo, ai làm và khi nào xong không?",
                    "Điều gì ta hỏi khách hai lần mà lẽ ra chỉ cần hỏi một lần?",
                    "Ta ăn mừng việc hoàn thành bước đầu tiên như thế nào?",
                ],
                [
                    "Tổ chức buổi họp khởi động có chương trình viết sẵn và kế hoạch cho những tuần đầu.",
                    "Sau buổi khởi động, gửi bản tóm tắt một trang: đã thống nhất gì, ai làm gì, hạn khi nào.",
                    "Gửi sổ tay bắt đầu nhanh bản in, có tên khách trên bìa.",
                    "Gọi sau lần sử dụng hoặc lần giao hàng đầu tiên để chắc mọi thứ đều ổn.",
                    "Gửi video hướng dẫn ngắn cho việc đầu tiên khách sẽ tự làm.",
                    "Gửi bộ khởi động gồm công cụ hay vật dụng khách cần để bắt đầu.",
                ],
            ),
            Stage::Acclimation => (
                "Khách học cách bạn làm việc và đưa nó vào thói quen. Những vướng mắc nhỏ dồn lại, và nhiều người lặng lẽ bỏ cuộc.",
                "Bực bội vì phải làm quen; sự tự tin chùng xuống.",
                &[
                    "Khách hay vướng ở đâu trong những tuần đầu, và ta có biết trước khi họ lên tiếng không?",
                    "Quy trình nào của ta bắt khách phải học mà lẽ ra ta có thể làm thay?",
                    "Ai để ý đến một khách hàng bỗng im lặng?",
                    "Thành quả nhỏ nhất ta có thể giúp khách đạt được trong tuần này là gì?",
                ],
                [
                    "Tổ chức buổi thực hành tại chỗ của khách, làm trên chính trường hợp của họ.",
                    "Gửi từng mẹo một, chọn theo những gì khách chưa thử.",
                    "Gửi tờ tóm tắt in sẵn năm điều khách hay hỏi nhất.",
                    "Gọi cho khách đã im lặng hai tuần để giúp đỡ, không phải để bán.",
                    "Xây một thư viện video ngắn trả lời những câu bộ phận hỗ trợ nghe nhiều nhất.",
                    "Gửi một món quà nhỏ động viên khi khách đi hết tháng đầu tiên.",
                ],
            ),
            Stage::Accomplishment => (
                "Khách đạt được kết quả họ đã bỏ tiền ra mua. Lời hứa ở giai đoạn Đánh giá được giữ, hoặc không.",
                "Hài lòng, đôi khi nhẹ nhõm.",
                &[
                    "Làm sao cả ta và khách biết kết quả đã đạt được?",
                    "Ta có nói rõ ra rằng mục tiêu khách theo đuổi đã thành không?",
                    "Mục tiêu tiếp theo ta có thể giúp khách đặt ra là gì?",
                ],
                [
                    "Gặp mặt để đối chiếu kết quả với mục tiêu đặt ra lúc đầu.",
                    "Gửi báo cáo ngắn về những gì khách đạt được, bằng chính số liệu của họ.",
                    "Gửi giấy chứng nhận hoặc bản tổng kết cột mốc in sẵn để khách cho người khác xem.",
                    "Gọi chúc mừng và hỏi khách muốn gì tiếp theo.",
                    "Gửi video riêng của cả đội chúc mừng kết quả.",
                    "Gửi món quà đánh dấu cột mốc, được chọn riêng cho khách.",
                ],
            ),
            Stage::Adoption => (
                "Khách coi mình là một phần của mối quan hệ: tự nguyện quay lại, dùng nhiều hơn và coi bạn là nhà cung cấp của chính họ.",
                "Trung thành và tin tưởng; thấy như ở nhà.",
                &[
                    "Khách lâu năm nhận được gì mà khách mới không có?",
                    "Làm sao tiếp tục tạo bất ngờ cho những người không còn cần ta giúp?",
                    "Ta hỏi ý kiến họ về những việc sắp làm ở đâu?",
                ],
                [
                    "Mời khách dự một sự kiện chỉ dành cho khách hàng lâu năm.",
                    "Hỏi ý kiến khách về một thay đổi trước khi công bố.",
                    "Gửi thiệp vào đúng ngày kỷ niệm họ trở thành khách hàng.",
                    "Mỗi năm một lần, một người cấp cao gọi hỏi mối quan hệ có thể tốt hơn ở đâu.",
                    "Kể câu chuyện của khách trong một video ngắn, khi họ đồng ý.",
                    "Gửi lời cảm ơn bất ngờ vào ngày kỷ niệm của khách.",
                ],
            ),
            Stage::Advocacy => (
                "Khách giới thiệu bạn mà không cần ai nhờ và bênh vực bạn trước người khác. Khách mới đến với bạn qua họ.",
                "Nhiệt tình và tự hào khi gắn tên mình với bạn.",
                &[
                    "Ta có biết ai đang ủng hộ mình và họ nói về ta thế nào không?",
                    "Ta cảm ơn một lời giới thiệu ra sao, dù người được giới thiệu có mua hay không?",
                    "Làm sao để họ giới thiệu ta thật dễ dàng?",
                    "Người được họ giới thiệu có được khởi đầu tốt như chính họ không?",
                ],
                [
                    "Mời khách phát biểu tại một sự kiện hoặc gặp gỡ khách tiềm năng.",
                    "Cảm ơn riêng cho mỗi lời giới thiệu và kể lại kết quả của nó.",
                    "Gửi một lời nhắn viết tay sau mỗi lần giới thiệu.",
                    "Gọi cảm ơn vào ngày người được giới thiệu trở thành khách hàng.",
                    "Ghi hình một cuộc trò chuyện với khách cho những người đang cân nhắc bạn.",
                    "Gửi quà cảm ơn cho lời giới thiệu: dành cho con người, không phải một mã giảm giá.",
                ],
            ),
        };
    StagePlaybook { stage, situation, emotion, questions, actions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_short_complete_guidance_in_both_languages() {
        for stage in Stage::ALL {
            let en = playbook(stage, Language::English);
            let vi = playbook(stage, Language::Vietnamese);
            for book in [en, vi] {
                assert!((3..=4).contains(&book.questions.len()), "{stage:?}");
                let all = [book.situation, book.emotion]
                    .into_iter()
                    .chain(book.questions.iter().copied())
                    .chain(book.actions);
                for text in all {
                    assert!(!text.trim().is_empty() && text.chars().count() <= 200, "{stage:?}: {text}");
                    // The trademark is never named; the project says "the first hundred days".
                    assert!(!text.contains("100 Days") && !text.contains("100 ngày"), "{text}");
                }
            }
            assert_eq!(en.questions.len(), vi.questions.len(), "{stage:?}");
            assert!(en.actions.iter().zip(vi.actions).all(|(e, v)| *e != v), "{stage:?} translated");
        }
    }
}
