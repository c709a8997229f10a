namespace FinPilot.Domain.Calendar;

/// <summary>
/// The official holiday schedules of the State Council General Office (国务院办公厅关于部分节假日
/// 安排的通知), in the calendar file format, so a new installation counts deadlines correctly from
/// the start and the admin has a worked example of the import format. Each notice comes out in
/// November for the following year; the admin imports the next one when it is published.
/// </summary>
/// <remarks>
/// Every day of each 放假 run is listed as a holiday, weekend days included, exactly as the
/// notice gives the run; each 上班 day is listed as an adjusted working day.
/// </remarks>
public static class OfficialHolidaySchedules
{
    public const string FileText = """
        # 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12, Xinhua)
        # 元旦 1/1; 春节 1/28–2/4, work 1/26 (Sun) 2/8 (Sat); 清明节 4/4–4/6;
        # 劳动节 5/1–5/5, work 4/27 (Sun); 端午节 5/31–6/2; 国庆节、中秋节 10/1–10/8, work 9/28 (Sun) 10/11 (Sat)
        2025-01-01,holiday,元旦
        2025-01-26,workday,春节调休
        2025-01-28,holiday,春节
        2025-01-29,holiday,春节
        2025-01-30,holiday,春节
        2025-01-31,holiday,春节
        2025-02-01,holiday,春节
        2025-02-02,holiday,春节
        2025-02-03,holiday,春节
        2025-02-04,holiday,春节
        2025-02-08,workday,春节调休
        2025-04-04,holiday,清明节
        2025-04-05,holiday,清明节
        2025-04-06,holiday,清明节
        2025-04-27,workday,劳动节调休
        2025-05-01,holiday,劳动节
        2025-05-02,holiday,劳动节
        2025-05-03,holiday,劳动节
        2025-05-04,holiday,劳动节
        2025-05-05,holiday,劳动节
        2025-05-31,holiday,端午节
        2025-06-01,holiday,端午节
        2025-06-02,holiday,端午节
        2025-09-28,workday,国庆节调休
        2025-10-01,holiday,国庆节、中秋节
        2025-10-02,holiday,国庆节、中秋节
        2025-10-03,holiday,国庆节、中秋节
        2025-10-04,holiday,国庆节、中秋节
        2025-10-05,holiday,国庆节、中秋节
        2025-10-06,holiday,国庆节、中秋节
        2025-10-07,holiday,国庆节、中秋节
        2025-10-08,holiday,国庆节、中秋节
        2025-10-11,workday,国庆节调休

        # 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, Xinhua)
        # 元旦 1/1–1/3, work 1/4 (Sun); 春节 2/15–2/23, work 2/14 (Sat) 2/28 (Sat); 清明节 4/4–4/6;
        # 劳动节 5/1–5/5, work 5/9 (Sat); 端午节 6/19–6/21; 中秋节 9/25–9/27;
        # 国庆节 10/1–10/7, work 9/20 (Sun) 10/10 (Sat)
        2026-01-01,holiday,元旦
        2026-01-02,holiday,元旦
        2026-01-03,holiday,元旦
        2026-01-04,workday,元旦调休
        2026-02-14,workday,春节调休
        2026-02-15,holiday,春节
        2026-02-16,holiday,春节
        2026-02-17,holiday,春节
        2026-02-18,holiday,春节
        2026-02-19,holiday,春节
        2026-02-20,holiday,春节
        2026-02-21,holiday,春节
        2026-02-22,holiday,春节
        2026-02-23,holiday,春节
        2026-02-28,workday,春节调休
        2026-04-04,holiday,清明节
        2026-04-05,holiday,清明节
        2026-04-06,holiday,清明节
        2026-05-01,holiday,劳动节
        2026-05-02,holiday,劳动节
        2026-05-03,holiday,劳动节
        2026-05-04,holiday,劳动节
        2026-05-05,holiday,劳动节
        2026-05-09,workday,劳动节调休
        2026-06-19,holiday,端午节
        2026-06-20,holiday,端午节
        2026-06-21,holiday,端午节
        2026-09-20,workday,国庆节调休
        2026-09-25,holiday,中秋节
        2026-09-26,holiday,中秋节
        2026-09-27,holiday,中秋节
        2026-10-01,holiday,国庆节
        2026-10-02,holiday,国庆节
        2026-10-03,holiday,国庆节
        2026-10-04,holiday,国庆节
        2026-10-05,holiday,国庆节
        2026-10-06,holiday,国庆节
        2026-10-07,holiday,国庆节
        2026-10-10,workday,国庆节调休
        """;

    /// <summary>The schedules above as a calendar; the text is tested, so reading it cannot fail.</summary>
    public static WorkingDayCalendar Calendar { get; } = CalendarFile.ParseCalendar(FileText).ValueOrThrow();
}
