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
    BackingUpBeforeDelete => "Backing up the workspace before the deletion…", "Đang sao lưu không gian làm việc trước khi xoá…";
    ReadingWorkspaceFile => "Reading the workspace file…", "Đang đọc tệp không gian làm việc…";

    // Work off the frame (issue #9, point 2).
    Computing => "Computing…", "Đang tính…";

    // File safety (issue #9, H5): read-only workspaces.
    ReadOnlyBanner => "Read-only: changes cannot be saved", "Chỉ đọc: không lưu được thay đổi";
    ReadOnlyTip => "This file or its folder cannot be written, so Fanpath opened it for viewing. Save a copy to work on it.", "Không ghi được vào tệp này hoặc thư mục chứa nó, nên Fanpath mở tệp để xem. Hãy lưu một bản sao để làm việc trên đó.";

    // Trainer mode (issue #11, H17): presenting the eight stages to a room.
    Present => "Present", "Trình chiếu";
    PresentTip => "Show the eight stages to a room, full screen, from this workspace's data (Esc leaves)", "Trình chiếu tám giai đoạn cho cả lớp, toàn màn hình, bằng dữ liệu của không gian làm việc này (Esc để thoát)";
    ProjectorDark => "Dark projector theme", "Nền tối khi trình chiếu";
    ProjectorDarkTip => "Light text on a dark background, easier on the eyes in a darkened room", "Chữ sáng trên nền tối, dễ nhìn hơn trong phòng tối";
    RevealMode => "Reveal mode for workshops", "Chế độ cho lớp đoán trước";
    RevealModeTip => "On stage slides, the observed emotion and drop-off stay hidden until you press R (or the next key), so the room can guess first", "Trên trang từng giai đoạn, cảm xúc thực tế và tỷ lệ rời đi được giấu cho đến khi bạn nhấn R (hoặc phím chuyển trang), để cả lớp đoán trước";
    ThePath => "The eight-stage path", "Hành trình tám giai đoạn";
    PathSubtitle => "From a first look to a raving fan", "Từ lần đầu tìm hiểu đến người hâm mộ nhiệt thành";
    TrainerSubtitle => "The customer experience in eight stages", "Trải nghiệm khách hàng qua tám giai đoạn";
    ObservedEmotion => "Observed", "Thực tế";
    NoEntriesHere => "no emotion logged here yet", "chưa ghi cảm xúc nào ở đây";
    PersonasHere => "Personas here", "Chân dung ở đây";
    NoPersonasHere => "none of the personas stands here", "chưa có chân dung nào ở đây";
    NoQuotesHere => "no quotes logged yet", "chưa ghi lại lời nào";
    FunnelSoFar => "The funnel up to here", "Phễu tới giai đoạn này";
    GuessFirst => "What do you expect? Press R to reveal", "Bạn đoán thế nào? Nhấn R để xem";
    EndOfPath => "The end of the path: these are your fans", "Cuối hành trình: đây là những người hâm mộ của bạn";
    PresenterNotes => "Presenter notes", "Ghi chú cho người trình bày";
    PresentKeys => "→ PageDown Space: next · ← PageUp: back · Home End · 1–8: stage · P: notes · B: blank · R: reveal · T: theme · Esc: leave", "→ PageDown Space: tiếp · ← PageUp: lùi · Home End · 1–8: giai đoạn · P: ghi chú · B: màn đen · R: hé lộ · T: nền · Esc: thoát";
    PresentFor => "Present for", "Trình chiếu cho";
    NextSlide => "Next:", "Tiếp theo:";
    TitleSlide => "Title", "Trang bìa";
    // The import wizard, File → Import data… (issue #8 §3, H12).
    ImportData => "Import data…", "Nhập dữ liệu…";
    ImportDataTip => "Bring a CSV file into this workspace: an event log or order history, customers with their stages, or emotion entries", "Đưa một tệp CSV vào không gian làm việc này: nhật ký sự kiện hoặc lịch sử đơn hàng, khách hàng kèm giai đoạn, hoặc các mục cảm xúc";
    WizardKindEvents => "An event log or order history", "Nhật ký sự kiện hoặc lịch sử đơn hàng";
    WizardKindEventsTip => "One row per thing a customer did (customer, event, time); you decide which events mean which stage.", "Mỗi dòng là một việc khách hàng đã làm (khách hàng, sự kiện, thời điểm); bạn chọn sự kiện nào ứng với giai đoạn nào.";
    WizardKindCustomers => "Customers with their stages", "Khách hàng kèm giai đoạn";
    WizardKindCustomersTip => "customer_id, persona, stage, reached_at: the file already says which stage each customer reached, and when.", "customer_id, persona, stage, reached_at: tệp đã ghi sẵn mỗi khách hàng đạt giai đoạn nào và vào lúc nào.";
    WizardKindEmotions => "Emotion entries", "Các mục cảm xúc";
    WizardKindEmotionsTip => "persona, stage, score, and if you have them label, note, touchpoint, source, logged_at.", "persona, stage, score, và nếu có thì label, note, touchpoint, source, logged_at.";
    WizardStepSource => "File", "Tệp";
    WizardStepColumns => "Columns", "Cột";
    WizardStepRules => "Events → stages", "Sự kiện → giai đoạn";
    WizardStepFunnel => "Funnel preview", "Xem trước phễu";
    WizardStepRun => "Import", "Nhập";
    WizardWhatKind => "What does the file hold?", "Tệp chứa gì?";
    WizardWhichFile => "Which file?", "Tệp nào?";
    WizardChooseFile => "Choose a file…", "Chọn tệp…";
    WizardOrDrop => "or drop a CSV file onto the window", "hoặc kéo thả một tệp CSV vào cửa sổ";
    WizardReading => "Reading the file…", "Đang đọc tệp…";
    WizardCsvFiles => "CSV files", "Tệp CSV";
    WizardBack => "Back", "Quay lại";
    WizardNext => "Next", "Tiếp";
    WizardImport => "Import", "Nhập";
    WizardClose => "Close", "Đóng";
    WizardExpects => "The import reads these columns (bold: in the file; red: required but missing; grey: optional, not in the file):", "Phần nhập đọc các cột sau (đậm: có trong tệp; đỏ: bắt buộc nhưng còn thiếu; xám: không bắt buộc, tệp không có):";
    WizardHasEverything => "The file has every column the import needs.", "Tệp có đủ các cột cần thiết.";
    WizardSkipInvalid => "Import the valid rows and list the invalid ones, instead of refusing the whole file", "Nhập các dòng hợp lệ và liệt kê các dòng không hợp lệ, thay vì từ chối cả tệp";
    WizardCustomerColumn => "Customer", "Khách hàng";
    WizardTimeColumn => "Time", "Thời điểm";
    WizardEventColumn => "Event", "Sự kiện";
    WizardFromColumn => "from the column", "lấy từ cột";
    WizardEveryRowIs => "every row is one event named", "mỗi dòng là một sự kiện có tên";
    WizardPersona => "Persona", "Chân dung";
    WizardNoPersona => "none (the customers count in the overall funnel)", "không có (khách hàng được tính vào phễu chung)";
    WizardOnePersona => "one persona for every customer:", "một chân dung cho mọi khách hàng:";
    WizardRulesExplained => "Choose the stage each event means. The occurrence says which time counts: the customer's earliest, or their 2nd, 3rd … distinct time (an order on several lines of one day is one time). Events left on Ignore are counted, not imported.", "Chọn giai đoạn mà mỗi sự kiện thể hiện. Lần xảy ra cho biết thời điểm nào được tính: lần sớm nhất của khách hàng, hay lần thứ 2, thứ 3 … khác nhau (một đơn hàng nằm trên nhiều dòng trong cùng một ngày được tính là một lần). Sự kiện để Bỏ qua chỉ được đếm, không được nhập.";
    WizardRows => "Rows", "Số dòng";
    WizardStage => "Stage", "Giai đoạn";
    WizardOccurrence => "Occurrence", "Lần xảy ra";
    WizardIgnore => "Ignore", "Bỏ qua";
    WizardAddRule => "Another stage from a later time of this event", "Thêm một giai đoạn ứng với một lần sau của sự kiện này";
    WizardRemoveRule => "Remove this line", "Xoá dòng này";
    WizardOtherSavedRules => "Saved rules for events not in this file (kept as they are):", "Các quy tắc đã lưu cho những sự kiện không có trong tệp này (giữ nguyên):";
    WizardFunnelExplained => "The funnel these rules give on this file. Nothing is written until you import.", "Phễu mà các quy tắc này cho ra trên tệp này. Chưa có gì được ghi cho đến khi bạn bấm Nhập.";
    WizardNoDropOff => "No customer drops off between stages.", "Không có khách hàng nào rời đi giữa các giai đoạn.";
    WizardNoRules => "Map at least one event to a stage.", "Hãy gán ít nhất một sự kiện cho một giai đoạn.";
    WizardStarting => "Starting…", "Đang bắt đầu…";
    WizardCancelling => "Cancelling…", "Đang huỷ…";
    WizardImported => "Imported.", "Đã nhập xong.";
    WizardCancelled => "Cancelled: nothing was written.", "Đã huỷ: không có gì được ghi.";
    // Cohorts and the date range of the Analytics view (issue #8 §4, H13).
    Cohorts => "Cohorts", "Nhóm theo kỳ";
    ByMonth => "By month", "Theo tháng";
    ByWeek => "By week (Monday to Sunday)", "Theo tuần (thứ Hai đến Chủ nhật)";
    CohortMonth => "Month", "Tháng";
    CohortWeekOf => "Week of", "Tuần từ";
    CohortsExplained => "Customers grouped by when their first event happened, and the share of each group that reached each stage. Darker cells: a larger share.", "Khách hàng được nhóm theo thời điểm có sự kiện đầu tiên, cùng tỷ lệ của mỗi nhóm đã tới từng giai đoạn. Ô càng đậm, tỷ lệ càng cao.";
    FirstEventFrom => "First event from", "Sự kiện đầu tiên từ";
    FirstEventTo => "to (not including)", "đến trước ngày";
    DateHint => "e.g. 2025-03-01", "vd. 2025-03-01";
    DateRangeTip => "Only customers whose first event falls in these dates, and emotions logged in them, count in every chart. Leave a box empty for no limit. Dates: YYYY-MM-DD or DD/MM/YYYY.", "Mọi biểu đồ chỉ tính những khách hàng có sự kiện đầu tiên nằm trong khoảng ngày này, cùng các cảm xúc được ghi trong đó. Để trống một ô nếu không giới hạn. Ngày viết dạng YYYY-MM-DD hoặc DD/MM/YYYY.";
    NotADate => "Not a date: write YYYY-MM-DD or DD/MM/YYYY", "Chưa đúng dạng ngày: hãy viết YYYY-MM-DD hoặc DD/MM/YYYY";
    RangeEndsBeforeStart => "The end date must come after the start date", "Ngày kết thúc phải sau ngày bắt đầu";
    ClearDates => "Clear dates", "Xoá khoảng ngày";
    NoCustomersInRange => "No customer's first event falls in this date range.", "Không có khách hàng nào có sự kiện đầu tiên trong khoảng ngày này.";
    ExportCohortsCsv => "Export cohorts CSV…", "Xuất CSV nhóm theo kỳ…";
    // The opportunity backlog (issue #10 §3, H15).
    Backlog => "Backlog", "Cơ hội cải tiến";
    Opportunities => "Opportunities", "Cơ hội";
    OpportunityTitle => "Title", "Tiêu đề";
    Status => "Status", "Trạng thái";
    AllStatuses => "All statuses", "Mọi trạng thái";
    Value => "Value", "Giá trị";
    ValueTip => "How much it would improve the customer's experience, from 1 (a little) to 5 (a lot)", "Nó cải thiện trải nghiệm của khách nhiều đến đâu, từ 1 (chút ít) đến 5 (rất nhiều)";
    Effort => "Effort", "Công sức";
    EffortTip => "How much work it takes, from 1 (an afternoon) to 5 (a project)", "Cần bao nhiêu công sức, từ 1 (một buổi chiều) đến 5 (cả một dự án)";
    Owner => "Owner", "Người phụ trách";
    AnyOwner => "Any owner", "Mọi người phụ trách";
    Evidence => "Evidence", "Bằng chứng";
    EvidenceHint => "What customers said or did that shows the need", "Điều khách hàng đã nói hoặc đã làm cho thấy nhu cầu này";
    EvidenceEntries => "Backed by emotion entries of this stage", "Dựa trên các mục cảm xúc của giai đoạn này";
    NoEntriesAtStage => "No emotion entries at this stage yet.", "Giai đoạn này chưa có mục cảm xúc nào.";
    Created => "Created", "Ngày tạo";
    Priority => "Priority", "Ưu tiên";
    PriorityTip => "Value for the effort: quick wins first, then big bets; done and dropped last", "Giá trị so với công sức: việc nhanh mà hiệu quả lên trước, rồi đến các khoản đầu tư lớn; việc đã xong hoặc đã bỏ xếp cuối";
    NewOpportunity => "New opportunity", "Cơ hội mới";
    AddOpportunity => "Add opportunity", "Thêm cơ hội";
    EditOpportunity => "Edit opportunity", "Sửa cơ hội";
    DeleteOpportunity => "Delete opportunity", "Xoá cơ hội";
    NoOpportunitiesYet => "No opportunities yet. Add one with the form, or from a stage's detail under the board.", "Chưa có cơ hội nào. Hãy thêm bằng biểu mẫu, hoặc từ phần chi tiết của một giai đoạn dưới bảng hành trình.";
    NoOpportunityMatches => "No opportunity matches the filters.", "Không có cơ hội nào khớp bộ lọc.";
    TitleRequired => "Give the opportunity a title.", "Hãy đặt tiêu đề cho cơ hội.";
    ValueEffortMatrix => "Value × effort", "Giá trị × công sức";
    MatrixHint => "Click a dot to select its row.", "Bấm vào một chấm để chọn dòng tương ứng.";
    QuickWins => "Quick wins", "Thắng nhanh";
    BigBets => "Big bets", "Đầu tư lớn";
    FillIns => "Fill-ins", "Việc lấp chỗ trống";
    MoneyPits => "Money pits", "Tốn công, ít lợi";
    QuickAddHint => "A new idea for this stage…", "Một ý tưởng mới cho giai đoạn này…";
    QuickAdd => "Add", "Thêm";
    OpenOpportunitiesTip => "Open opportunities (idea, planned, in progress) at this stage", "Các cơ hội đang mở (ý tưởng, đã lên kế hoạch, đang làm) ở giai đoạn này";

    // Journey versions and the Compare view (issue #10 §1, §2; H14).
    JourneyVersion => "Journey version", "Phiên bản hành trình";
    ManageVersions => "Journey versions…", "Các phiên bản hành trình…";
    ManageVersionsTip => "Create, copy, rename or delete versions of the journey (as-is / to-be)", "Tạo, sao chép, đổi tên hoặc xoá các phiên bản của hành trình (hiện trạng / mục tiêu)";
    VersionsTitle => "Journey versions", "Các phiên bản hành trình";
    VersionKindLabel => "Kind", "Loại";
    LaunchDate => "Launch date", "Ngày triển khai";
    LaunchDateHint => "YYYY-MM-DD, empty if not launched", "YYYY-MM-DD, để trống nếu chưa triển khai";
    NewVersion => "New version", "Phiên bản mới";
    NewVersionName => "To-be", "Mục tiêu";
    StartFrom => "Start from", "Bắt đầu từ";
    EmptyVersion => "Empty (no touchpoints)", "Trống (chưa có điểm chạm)";
    CopyOf => "Copy of", "Bản sao của";
    CreateVersion => "Create", "Tạo";
    DeleteVersionEllipsis => "Delete version…", "Xoá phiên bản…";
    Close => "Close", "Đóng";
    TargetEmotion => "Target emotion", "Cảm xúc mục tiêu";
    TargetEmotionTip => "The emotion this version of the journey aims for at this stage. Until you set one, it is the model's expected level.", "Cảm xúc mà phiên bản hành trình này hướng tới ở giai đoạn này. Khi chưa đặt, đó là mức kỳ vọng của mô hình.";
    ExpectedLevel => "Expected level", "Mức kỳ vọng";
    CompareVersions => "Compare", "So sánh";
    VersionA => "Before (A)", "Trước (A)";
    VersionB => "After (B)", "Sau (B)";
    TouchpointChanges => "Touchpoints A → B", "Điểm chạm A → B";
    TargetA => "Target A", "Mục tiêu A";
    TargetB => "Target B", "Mục tiêu B";
    Observed => "Observed mean", "Trung bình thực tế";
    GapB => "Observed − target B", "Thực tế − mục tiêu B";
    Added => "Added", "Thêm";
    Removed => "Removed", "Bỏ";
    Kept => "Kept", "Giữ";
    CompareEmotionChart => "Target emotion of both versions against the observed mean", "Cảm xúc mục tiêu của hai phiên bản so với trung bình thực tế";
    CompareTitle => "Compare journey versions", "So sánh các phiên bản hành trình";

    // Issue #10 §4–5 (H16): the stage playbook and before/after a launch.
    StagePlaybook => "Stage playbook", "Cẩm nang giai đoạn";
    StagePlaybookTip => "For each stage: what customers go through, the emotion to expect, questions for the team and an example action per channel", "Với mỗi giai đoạn: khách đang trải qua điều gì, cảm xúc thường gặp, câu hỏi cho đội ngũ và một hành động mẫu cho mỗi kênh";
    PlaybookSituation => "What they go through", "Khách đang trải qua";
    PlaybookEmotion => "Emotion to expect", "Cảm xúc thường gặp";
    PlaybookQuestions => "Questions for the team", "Câu hỏi cho đội ngũ";
    PlaybookActions => "Example actions", "Hành động mẫu";
    AddAsOpportunity => "+ Opportunity", "+ Cơ hội";
    AddAsOpportunityTip => "Add this action to the stage's opportunity backlog", "Thêm hành động này vào danh sách cơ hội của giai đoạn";
    ShowPlaybook => "Playbook »", "Cẩm nang »";
    ShowPlaybookTip => "Show the stage playbook beside the stage detail", "Hiện cẩm nang giai đoạn bên cạnh chi tiết giai đoạn";
    HidePlaybook => "« Hide", "« Ẩn";
    OpenPlaybook => "Open the stage playbook", "Mở cẩm nang giai đoạn";
    BeforeAfterLaunch => "Before / after launch", "Trước / sau khi ra mắt";
    ExportLaunchCsv => "Export before/after CSV…", "Xuất CSV trước/sau…";
    LaunchNeedsDate => "Give a to-be version a launch date to compare the customers who started before it with those who started after it.", "Hãy đặt ngày ra mắt cho một phiên bản tương lai để so sánh khách bắt đầu trước ngày đó với khách bắt đầu sau ngày đó.";
    LaunchGroupEmpty => "One of the groups has no customers yet: shorten the window, or wait until the customers who started after the launch have had the time.", "Một trong hai nhóm chưa có khách hàng: hãy thu hẹp khoảng thời gian, hoặc chờ đến khi khách bắt đầu sau ngày ra mắt có đủ thời gian.";
    PercentOfGroup => "% of the group", "% của nhóm";
    StepChangePoints => "Change in step conversion (points)", "Thay đổi tỷ lệ chuyển bước (điểm)";
    LaunchWindowDays => "Days on each side of the launch", "Số ngày mỗi phía của ngày ra mắt";
    LaunchVersion => "Version", "Phiên bản";
    // The Compare view's backlog column (issue #10 §2, §3).
    OpenOpportunitiesAB => "Open opportunities A / B", "Cơ hội đang mở A / B";
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
    // Templates (issue #11 §2): File → New from template….
    NewFromTemplate => "New from template…", "Tạo mới từ mẫu…";
    NewFromTemplateTip => "Start a new workspace from a ready-made business: personas, touchpoints, emotions and made-up customers", "Tạo không gian làm việc mới từ một doanh nghiệp mẫu có sẵn: chân dung, điểm chạm, cảm xúc và khách hàng giả lập";
    TemplatesTitle => "New workspace from a template", "Không gian làm việc mới từ mẫu";
    TemplatesIntro => "Each template is a complete workspace to explore or to adapt: change anything afterwards, it is yours.", "Mỗi mẫu là một không gian làm việc đầy đủ để khám phá hoặc chỉnh sửa: sau khi tạo, bạn có thể thay đổi mọi thứ.";
    TemplateLanguage => "Written in", "Ngôn ngữ nội dung";
    TemplateCustomers => "Made-up customers", "Khách hàng giả lập";
    TemplatePersonas => "Personas", "Chân dung";
    TemplateCreate => "Create…", "Tạo…";
    TemplateCreateTip => "Choose where to save the new workspace; it opens when it is ready", "Chọn nơi lưu không gian làm việc mới; tệp sẽ mở ra khi đã sẵn sàng";
    MakingFromTemplate => "Making the workspace from the template…", "Đang tạo không gian làm việc từ mẫu…";
    StartFromTemplate => "Start from a template…", "Bắt đầu từ một mẫu…";
    // Trainer mode, presenter notes window and F1 (issue #11 §1, H21).
    PresenterNotesWindow => "Fanpath — presenter notes", "Fanpath — ghi chú người trình bày";
    // The import wizard's funnel preview, stages without a rule (H25).
    WizardNoEventMapped => "no event mapped yet", "chưa gán sự kiện nào";
    WizardNoEventMappedBetween => "no event mapped: counted from the stages after it", "chưa gán sự kiện: tính từ các giai đoạn sau";
}
