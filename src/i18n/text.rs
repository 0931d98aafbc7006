//! The table of fixed UI texts, in English and Vietnamese.
//!
//! A typed table rather than string keys: a missing translation is a compile error, and
//! a view can only show text that exists here.

macro_rules! texts {
    ($($name:ident => $en:literal, $vi:literal;)*) => {
        /// A piece of UI text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text { $($name,)* }

        impl Text {
            /// Every text, for tests that check the table.
            pub const ALL: &[Self] = &[$(Self::$name,)*];

            pub fn english(self) -> &'static str {
                match self { $(Self::$name => $en,)* }
            }

            pub fn vietnamese(self) -> &'static str {
                match self { $(Self::$name => $vi,)* }
            }
        }
    };
}

texts! {
    // Menus and commands.
    File => "File", "Tệp";
    Edit => "Edit", "Sửa";
    ViewMenu => "View", "Xem";
    Language => "Language", "Ngôn ngữ";
    Help => "Help", "Trợ giúp";
    NewWorkspace => "New workspace…", "Không gian làm việc mới…";
    NewWorkspaceTip => "Start an empty workspace file", "Tạo một tệp không gian làm việc trống";
    OpenWorkspace => "Open…", "Mở…";
    OpenWorkspaceTip => "Open another workspace file", "Mở một tệp không gian làm việc khác";
    RecentWorkspaces => "Recent workspaces", "Không gian làm việc gần đây";
    NoRecent => "No other recent workspaces", "Chưa có không gian làm việc nào khác";
    SaveCopy => "Save a copy…", "Lưu một bản sao…";
    SaveCopyTip => "Write a copy of this workspace to another file; you keep working here", "Ghi một bản sao của không gian làm việc này ra tệp khác; bạn vẫn làm việc ở đây";
    SavedCopyTo => "Saved a copy to", "Đã lưu bản sao vào";
    Quit => "Quit", "Thoát";
    Undo => "Undo", "Hoàn tác";
    UndoTip => "Undo the last change", "Hoàn tác thay đổi gần nhất";
    Redo => "Redo", "Làm lại";
    RedoTip => "Redo the change you undid", "Làm lại thay đổi vừa hoàn tác";
    ZoomIn => "Zoom in", "Phóng to";
    ZoomOut => "Zoom out", "Thu nhỏ";
    ZoomReset => "Actual size", "Kích thước gốc";
    ZoomTip => "Bigger text for projectors and workshops", "Chữ to hơn khi trình chiếu và đào tạo";
    AboutStages => "About the eight stages", "Về tám giai đoạn";
    WorkspaceFiles => "Fanpath workspace", "Không gian làm việc Fanpath";
    WorkspaceLabel => "Workspace:", "Không gian làm việc:";
    CannotReplaceOpen => "That file is the workspace you have open. Choose another name for the new workspace.", "Tệp đó là không gian làm việc đang mở. Hãy chọn tên khác cho không gian làm việc mới.";

    // Views.
    JourneyBoard => "Journey board", "Bảng hành trình";
    PersonaCard => "Persona card", "Thẻ chân dung";
    EmotionLog => "Emotion log", "Nhật ký cảm xúc";
    Analytics => "Analytics", "Phân tích";

    // Analytics.
    EmotionCurve => "Emotion curve", "Đường cảm xúc";
    DropOffFunnel => "Drop-off funnel", "Phễu rơi rớt";
    EmotionVsDropOff => "Emotion × drop-off", "Cảm xúc × rơi rớt";
    TimeToStage => "Time to stage", "Thời gian tới giai đoạn";
    StalledCustomers => "Stalled customers", "Khách hàng bị chững lại";
    Findings => "Findings", "Phát hiện";
    NoFindings => "No findings yet: import customers or log emotions to see where people leave.", "Chưa có phát hiện nào: hãy nhập khách hàng hoặc ghi cảm xúc để thấy khách rời đi ở đâu.";
    Counts => "Counts", "Số lượng";
    PercentOfStart => "% of start", "% so với ban đầu";
    ByPersona => "Break down by persona", "Tách theo chân dung";
    ExportPng => "Export PNG…", "Xuất PNG…";
    ExportFunnelCsv => "Export funnel CSV…", "Xuất CSV phễu…";
    ExportEmotionsCsv => "Export emotions CSV…", "Xuất CSV cảm xúc…";
    ExportedTo => "Exported to", "Đã xuất ra";
    StalledAfter => "Stalled after (days)", "Chững lại sau (ngày)";
    ExpectedEmotion => "Expected emotion", "Cảm xúc kỳ vọng";
    MeanEmotion => "Mean emotion", "Cảm xúc trung bình";
    Reached => "Reached", "Đã tới";
    MedianDays => "Median days from start", "Trung vị số ngày từ lúc bắt đầu";
    Days => "days", "ngày";
    CustomerId => "Customer", "Khách hàng";
    LastEvent => "Last event", "Sự kiện cuối";
    DaysSince => "Days since", "Số ngày";
    NoCustomersYet => "No customers in this workspace yet. Import stage events (fanpath import customers FILE.csv) or write the demo (fanpath demo).", "Chưa có khách hàng nào. Hãy nhập sự kiện giai đoạn (fanpath import customers FILE.csv) hoặc tạo dữ liệu mẫu (fanpath demo).";
    NoEntriesForCurve => "No emotion entries for the chosen personas yet.", "Chưa có mục cảm xúc nào cho các chân dung đã chọn.";
    PersonasOnCurve => "Personas on the curve", "Chân dung trên đường cong";
    HundredDayLine => "First 100 days", "100 ngày đầu";
    CannotCompute => "Could not compute the analytics", "Không tính được số liệu phân tích";
    Images => "Images", "Hình ảnh";
    CsvFiles => "CSV (Excel)", "CSV (Excel)";

    // Personas.
    Personas => "Personas", "Chân dung";
    NewPersona => "New persona", "Chân dung mới";
    NewPersonaTip => "Create a persona and open its card", "Tạo một chân dung và mở thẻ của nó";
    NewPersonaName => "New persona", "Chân dung mới";
    EditPersona => "Edit persona", "Sửa chân dung";
    Duplicate => "Duplicate", "Nhân bản";
    DuplicateTip => "Make a copy of this persona's card", "Tạo bản sao thẻ chân dung này";
    DeletePersona => "Delete persona…", "Xoá chân dung…";
    DeletePersonaTip => "Delete this persona with its emotions and touchpoints (you can undo)", "Xoá chân dung này cùng cảm xúc và điểm chạm (có thể hoàn tác)";
    SearchPersonas => "Search personas", "Tìm chân dung";
    SearchHint => "Name, segment, place…", "Tên, phân khúc, nơi sống…";
    SortBy => "Sort by", "Sắp xếp theo";
    NoPersonasYet => "No personas yet. Create one to start mapping a journey.", "Chưa có chân dung nào. Hãy tạo một chân dung để bắt đầu vẽ hành trình.";
    NoPersonaMatches => "No persona matches the search.", "Không có chân dung nào khớp.";
    NotOnPath => "Not on the path", "Chưa vào hành trình";
    NotOnPathYet => "Not on the path yet:", "Chưa vào hành trình:";
    TakeOffPath => "Take off the path", "Đưa ra khỏi hành trình";
    MoveTo => "Move to stage", "Chuyển đến giai đoạn";
    SelectPersonaHint => "Select a persona on the left, or create one.", "Chọn một chân dung bên trái, hoặc tạo mới.";
    Colour => "Colour", "Màu";
    CurrentStage => "Current stage", "Giai đoạn hiện tại";
    ChooseAvatar => "Choose avatar…", "Chọn ảnh đại diện…";
    RemoveAvatar => "Remove avatar", "Bỏ ảnh đại diện";
    WhoTheyAre => "Who they are", "Họ là ai";
    GoalsPainsMotivations => "Goals, pains and motivations", "Mục tiêu, nỗi đau và động lực";
    ChannelsAndHabits => "Channels and habits", "Kênh và thói quen";
    InTheirWords => "In their words", "Lời của họ";
    Name => "Name", "Tên";
    Segment => "Segment", "Phân khúc";
    AgeRange => "Age range", "Độ tuổi";
    Occupation => "Occupation", "Nghề nghiệp";
    Location => "Location", "Nơi sống";
    IncomeBand => "Income band", "Mức thu nhập";
    ShoppingHabits => "Shopping habits", "Thói quen mua sắm";
    Goals => "Goals", "Mục tiêu";
    PainPoints => "Pain points", "Nỗi đau";
    Motivations => "Motivations", "Động lực";
    PreferredChannels => "Preferred channels", "Kênh ưa thích";
    Quote => "Quote", "Câu nói tiêu biểu";
    Notes => "Notes", "Ghi chú";
    Persona => "Persona", "Chân dung";

    // The board.
    Stage => "Stage", "Giai đoạn";
    ShowFor => "Show for", "Hiển thị cho";
    AllPersonas => "All personas", "Tất cả chân dung";
    AllStages => "All stages", "Tất cả giai đoạn";
    DragHint => "Drag a persona onto a stage to move it; click a stage to see its details below.", "Kéo chân dung vào một giai đoạn để chuyển; bấm vào giai đoạn để xem chi tiết bên dưới.";
    Expected => "Expected", "Kỳ vọng";
    High => "High", "Cao";
    Low => "Low", "Thấp";
    Touchpoints => "Touchpoints", "Điểm chạm";
    NoTouchpointGap => "No touchpoint: a gap", "Chưa có điểm chạm: khoảng trống";
    GapTip => "Nothing reaches this persona at this stage. Gaps are where customers drift away.", "Không có gì chạm tới chân dung này ở giai đoạn này. Khoảng trống là nơi khách hàng dễ rời đi.";
    PickPersonaForDetail => "Select a persona to see and log its touchpoints and emotions here.", "Chọn một chân dung để xem và ghi điểm chạm, cảm xúc tại đây.";

    // Touchpoints.
    Channel => "Channel", "Kênh";
    OtherChannel => "Other…", "Khác…";
    ChannelName => "Channel name", "Tên kênh";
    Description => "Description", "Mô tả";
    AddTouchpoint => "Add touchpoint", "Thêm điểm chạm";
    DeleteTouchpoint => "Delete touchpoint", "Xoá điểm chạm";

    // Emotions.
    Score => "Score", "Điểm";
    Label => "Label", "Nhãn";
    Note => "Note", "Ghi chú";
    Touchpoint => "Touchpoint", "Điểm chạm";
    Source => "Source", "Nguồn";
    Date => "Date", "Ngày";
    LogEmotion => "Log emotion", "Ghi cảm xúc";
    SaveChanges => "Save changes", "Lưu thay đổi";
    EditEntry => "Edit entry", "Sửa mục";
    DeleteEntry => "Delete entry", "Xoá mục";
    NoEntriesYet => "No emotions logged here yet.", "Chưa ghi cảm xúc nào ở đây.";
    SortTip => "Click to sort; click again to reverse", "Bấm để sắp xếp; bấm lần nữa để đảo chiều";

    // Dialogs.
    SomethingWentWrong => "That did not work", "Không thực hiện được";
    Ok => "OK", "OK";
    Cancel => "Cancel", "Huỷ";
    Delete => "Delete", "Xoá";

    // Help.
    AboutIntro => "Every customer can travel eight stages, from weighing you up to championing you. Most businesses stop guiding them after the sale, and lose them somewhere between Kickoff and Accomplishment, in the first hundred days. Map where your personas are, how they feel, and where the path has gaps.", "Mỗi khách hàng đều có thể đi qua tám giai đoạn, từ lúc cân nhắc đến lúc nhiệt tình giới thiệu bạn. Phần lớn doanh nghiệp ngừng dẫn dắt sau khi bán được hàng, và đánh mất khách ở đâu đó giữa Khởi động và Hoàn thành, trong một trăm ngày đầu. Hãy vẽ ra chân dung của bạn đang ở đâu, họ cảm thấy thế nào, và hành trình còn khoảng trống nào.";
    AboutDanger => "Watch stage 3: right after buying, excitement turns into doubt. Reassure quickly, then make the first steps after the sale easy.", "Hãy để ý giai đoạn 3: ngay sau khi mua, sự hào hứng chuyển thành hoài nghi. Hãy trấn an thật nhanh, rồi làm cho những bước đầu sau khi bán thật dễ dàng.";

    // Backups and workspace files.
    RestoreBackup => "Restore from backup…", "Khôi phục từ bản sao lưu…";
    RestoreBackupTip => "Go back to one of the automatic backups of this workspace", "Quay về một trong các bản sao lưu tự động của không gian làm việc này";
    ExportWorkspaceFile => "Export workspace file…", "Xuất tệp không gian làm việc…";
    ExportWorkspaceFileTip => "Write everything in this workspace to one JSON file, to move it to another computer or tool", "Ghi toàn bộ không gian làm việc ra một tệp JSON, để chuyển sang máy tính hoặc công cụ khác";
    ImportWorkspaceFile => "Import workspace file…", "Nhập tệp không gian làm việc…";
    ImportWorkspaceFileTip => "Read a workspace file written by Export workspace file", "Đọc một tệp không gian làm việc đã được xuất bằng Xuất tệp không gian làm việc";
    WorkspaceFileJson => "Fanpath workspace file (JSON)", "Tệp không gian làm việc Fanpath (JSON)";
    RestoreBackupTitle => "Restore from backup", "Khôi phục từ bản sao lưu";
    BackupsExplained => "Fanpath backs this workspace up each day you open it and before every deletion or replacement, and keeps the newest backup of each of the last 7 days and of the 4 weeks before, and up to 10 from the last 24 hours.", "Fanpath sao lưu không gian làm việc này mỗi ngày bạn mở nó và trước mỗi lần xoá hoặc thay thế, và giữ bản mới nhất của mỗi ngày trong 7 ngày gần đây cùng 4 tuần trước đó, cùng tối đa 10 bản trong 24 giờ qua.";
    NoBackupsYet => "There are no backups of this workspace yet.", "Chưa có bản sao lưu nào của không gian làm việc này.";
    BackupsKeptIn => "Kept in", "Lưu tại";
    BackupTaken => "Taken", "Thời điểm";
    BackupSize => "Size", "Dung lượng";
    Customers => "Customers", "Khách hàng";
    RestoreEllipsis => "Restore…", "Khôi phục…";
    Restore => "Restore", "Khôi phục";
    RestoreConsequence => "Everything in the workspace is replaced by this backup. The current state is backed up first, so you can come back to it.", "Toàn bộ dữ liệu trong không gian làm việc sẽ được thay bằng bản sao lưu này. Trạng thái hiện tại được sao lưu trước, nên bạn vẫn có thể quay lại.";
    ReplaceWorkspaceQuestion => "Replace everything in this workspace?", "Thay toàn bộ dữ liệu trong không gian làm việc này?";
    ReplaceWorkspaceConsequence => "This workspace holds data. Importing the file replaces all of it; the current state is backed up first, so you can restore it from File → Restore from backup….", "Không gian làm việc này đã có dữ liệu. Nhập tệp sẽ thay toàn bộ dữ liệu đó; trạng thái hiện tại được sao lưu trước, bạn có thể khôi phục bằng Tệp → Khôi phục từ bản sao lưu….";
    Replace => "Replace", "Thay thế";
    RestoredBackup => "Restored the backup", "Đã khôi phục bản sao lưu";
    PreviousStateIn => "the previous state is in", "trạng thái trước đó nằm ở";
    BackupFailed => "Backup failed:", "Sao lưu thất bại:";

    // Work off the frame (issue #9, point 2).
    Computing => "Computing…", "Đang tính…";

    // File safety (issue #9, H5): read-only workspaces.
    ReadOnlyBanner => "Read-only: changes cannot be saved", "Chỉ đọc: không lưu được thay đổi";
    ReadOnlyTip => "This file or its folder cannot be written, so Fanpath opened it for viewing. Save a copy to work on it.", "Không ghi được vào tệp này hoặc thư mục chứa nó, nên Fanpath mở tệp để xem. Hãy lưu một bản sao để làm việc trên đó.";

    // Hand-outs (issue #11 §3): journey map poster, persona one-pager, workshop pack.
    HandoutJourneyMap => "Journey map", "Bản đồ hành trình";
    HandoutWorkshopPack => "Workshop pack", "Bộ tài liệu hội thảo";
    HandoutEightStages => "The eight stages", "Tám giai đoạn";
    HandoutLaneGoal => "What the customer goes through", "Khách hàng đang trải qua";
    HandoutLaneQuotes => "Quotes", "Lời khách hàng";
    HandoutLaneOpportunities => "Opportunities", "Cơ hội cải thiện";
    HandoutObservedMean => "Observed mean", "Trung bình ghi nhận";
    ExportJourneyMap => "Export journey map…", "Xuất bản đồ hành trình…";
    ExportJourneyMapTip => "Write the selected persona's journey map as an A3 poster (PDF or PNG) to print or hand out", "Ghi bản đồ hành trình của chân dung đang chọn thành áp phích khổ A3 (PDF hoặc PNG) để in hoặc phát cho học viên";
    ExportWorkshopPack => "Export workshop pack…", "Xuất bộ tài liệu hội thảo…";
    ExportWorkshopPackTip => "Write one PDF with the eight stages, every persona's card and journey map, the funnel and the findings", "Ghi một tệp PDF gồm tám giai đoạn, thẻ và bản đồ hành trình của từng chân dung, phễu và các phát hiện";
    SelectPersonaForMap => "Select a persona first: a journey map is drawn for one persona.", "Hãy chọn một chân dung trước: mỗi bản đồ hành trình vẽ cho một chân dung.";
    PdfFiles => "PDF document", "Tài liệu PDF";
    HandoutFailed => "Could not draw the hand-out", "Không tạo được tài liệu phát tay";
}
