using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Calendar;

public static class CalendarApi
{
    public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string Name);

    /// <summary><c>Covered</c> is false when no day of the year is listed: counting then assumes plain Monday–Friday weeks.</summary>
    public sealed record CalendarYearDto(int Year, bool Covered, IReadOnlyList<CalendarDayDto> Days);

    public sealed record WorkingDaysDto(DateOnly From, int Add, DateOnly Date, bool Covered);

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/calendar", "Calendar");
        group.MapGet("/{year:int}", GetYear).WithName("GetCalendarYear")
            .WithSummary("The listed days of a year: public holidays and adjusted working days (调休).");
        group.MapGet("/working-days", AddWorkingDays).WithName("AddWorkingDays")
            .WithSummary("The n-th working day after a date (the start day is not counted), e.g. ?from=2025-09-30&add=5.");
        group.MapGet("/file", ExportAll).WithName("ExportCalendar")
            .WithSummary("Every listed day in the import file format (text/plain).");
        group.MapGet("/{year:int}/file", ExportYear).WithName("ExportCalendarYear")
            .WithSummary("One year in the import file format (text/plain).");
        group.MapPut("/{year:int}", ReplaceYear).WithName("ReplaceCalendarYear")
            .WithSummary("Replace a year's listed days with a file (text/plain body, lines 'yyyy-MM-dd,holiday|workday,name'); " +
                "every error is reported with its line number and nothing is saved unless the whole file is valid (administrators).")
            .Accepts<string>("text/plain")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.PlatformAdmin)));
        return app;
    }

    private static async Task<Results<Ok<CalendarYearDto>, ProblemHttpResult>> GetYear(int year, WorkingCalendarProvider provider, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        var calendar = await provider.GetAsync(ct);
        var days = calendar.Days.Where(d => d.Date.Year == year).Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name)).ToList();
        return TypedResults.Ok(new CalendarYearDto(year, days.Count > 0, days));
    }

    private static async Task<Results<Ok<WorkingDaysDto>, ProblemHttpResult>> AddWorkingDays(DateOnly from, int add, WorkingCalendarProvider provider, CancellationToken ct)
    {
        if (add is < 0 or > CalendarAdminErrors.MaxWorkingDaysToAdd)
        {
            return Problems.Validation([new Error(CalendarAdminErrors.AddOutOfRange, "add", 0, CalendarAdminErrors.MaxWorkingDaysToAdd)]);
        }

        if (YearProblem(from.Year) is { } problem)
        {
            return problem;
        }

        var calendar = await provider.GetAsync(ct);
        var date = calendar.AddWorkingDays(from, add);
        return TypedResults.Ok(new WorkingDaysDto(from, add, date, calendar.Covers(from) && calendar.Covers(date)));
    }

    private static async Task<ContentHttpResult> ExportAll(CalendarAdministration calendar, CancellationToken ct) =>
        TypedResults.Text(await calendar.ExportAsync(null, ct), "text/plain; charset=utf-8");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportYear(int year, CalendarAdministration calendar, CancellationToken ct) =>
        YearProblem(year) is { } problem ? problem : TypedResults.Text(await calendar.ExportAsync(year, ct), "text/plain; charset=utf-8");

    private static async Task<Results<Ok<CalendarImportSummary>, ProblemHttpResult>> ReplaceYear(int year, HttpRequest request, CalendarAdministration calendar, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        var text = await CalendarAdministration.ReadFileAsync(request.Body, request.ContentLength ?? 0, ct);
        if (!text.Succeeded)
        {
            return Problems.From(text.Errors);
        }

        var result = await calendar.ImportAsync(text.Value, year, ct);
        return result.ToHttp(value => TypedResults.Ok(value));
    }

    private static ProblemHttpResult? YearProblem(int year) =>
        year is < CalendarAdminErrors.MinYear or > CalendarAdminErrors.MaxYear
            ? Problems.Validation([new Error(CalendarAdminErrors.YearOutOfRange, "year", CalendarAdminErrors.MinYear, CalendarAdminErrors.MaxYear)])
            : null;
}
