using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Applications.Pages;
using FinPilot.Web.Features.Calls.Pages;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Disclosure.Pages;

/// <summary>Display text of the register's values in the current UI language, for the pages, the feed and the API.</summary>
public static class PilotNames
{
    public static string Of(PilotStatus status) => Lookup("Status_" + status, status.ToString());

    public static string Of(PublicEventKind kind) => Lookup("Kind_" + kind, kind.ToString());

    public static string Of(ProjectCategory category) => ApplicationFieldNames.Of(category);

    /// <summary>The status, with how the project left once it has.</summary>
    public static string Status(PilotEntry pilot) =>
        pilot is { Status: PilotStatus.Exited or PilotStatus.Exiting, ExitMode: { } mode }
            ? Format(DisclosureStrings.Pilot_StatusWithExit, Of(pilot.Status), Lookup("ExitMode_" + mode, mode.ToString()))
            : Of(pilot.Status);

    /// <summary>北京 · 第1批.</summary>
    public static string Batch(BilingualName region, RegisterBatch batch) =>
        Format(DisclosureStrings.Pilot_Batch, region.Name, CallNames.Batch(batch.Number));

    /// <summary>The event's title in English when there is one and English is wanted.</summary>
    public static string Title(PublicEventRecord e) =>
        !BilingualName.Chinese && !string.IsNullOrWhiteSpace(e.TitleEn) ? e.TitleEn : e.TitleZh;

    /// <summary>Names run together: 大数据、区块链 / Big data, Blockchain.</summary>
    public static string List(IEnumerable<string> names) => string.Join(BilingualName.Chinese ? "、" : ", ", names);

    /// <summary>The Beijing date of an instant, as the register shows when something happened.</summary>
    public static string Date(DateTimeOffset instant) => ChinaTime.DateOf(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Months(int months) => Format(DisclosureStrings.Pilot_Months, months);

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.CurrentUICulture, template, values);

    private static string Lookup(string key, string fallback) =>
        DisclosureStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? fallback;
}
