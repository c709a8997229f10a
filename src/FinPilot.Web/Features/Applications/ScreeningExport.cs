using FinPilot.Domain.Calendar;
using FinPilot.Web.Components.Shared;
using FinPilot.Web.Features.Applications.Pages;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Applications;

/// <summary>The screening queue as the working group files it: one row per application, names in the reader's language.</summary>
public static class ScreeningExport
{
    public static byte[] Workbook(IReadOnlyList<ScreeningRow> rows, DateOnly today)
    {
        string[] headers =
        [
            ApplicationFieldNames.Label("Name"), ApplicationsStrings.Screening_Applicant, Strings.Organisation_Type, ApplicationFieldNames.Label("Category"),
            ApplicationsStrings.Screening_Call, ApplicationsStrings.App_Stage, ApplicationsStrings.Screening_SubmittedAt, ApplicationsStrings.Screening_DaysWaiting,
            ApplicationsStrings.Screening_DueOn,
        ];
        return Spreadsheet.OneSheet(ApplicationsStrings.Screening_Title, headers, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Project.Title, r.OrganisationName, Names.Of(r.OrganisationType), ApplicationFieldNames.Of(r.Project.Category), r.CallTitle,
            ApplicationFieldNames.Of(r.Project.Stage),
            r.SubmittedAt is { } at ? ChinaTime.Format(at) : string.Empty,
            ScreeningAge.DaysWaiting(r, today),
            r.SupplementDueOn is { } due ? due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
        ]));
    }
}

/// <summary>How long an application has waited for the working group, in calendar days since its latest submission.</summary>
public static class ScreeningAge
{
    public static int? DaysWaiting(ScreeningRow row, DateOnly today) =>
        row.SubmittedAt is { } at && row.Project.Stage is Domain.Projects.ProjectStage.Submitted or Domain.Projects.ProjectStage.Screening
            ? today.DayNumber - ChinaTime.DateOf(at).DayNumber
            : null;
}
