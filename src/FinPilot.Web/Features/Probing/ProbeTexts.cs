using System.Globalization;
using FinPilot.Domain.Probing;

namespace FinPilot.Web.Features.Probing;

/// <summary>Outcomes and availability as people read them, from <see cref="ProbingStrings"/>; never the code names.</summary>
public static class ProbeTexts
{
    public static string Of(ProbeOutcome? outcome, CultureInfo? culture = null) =>
        outcome is { } o
            ? ProbingStrings.ResourceManager.GetString($"Outcome_{o}", culture ?? CultureInfo.CurrentUICulture) ?? ProbingStrings.Outcome_None
            : ProbingStrings.Outcome_None;

    /// <summary>A share of probes that answered, e.g. "99.5%"; a dash with no probe in the window.</summary>
    public static string Availability(double? share) =>
        share is { } s ? s.ToString("P1", CultureInfo.CurrentCulture) : "—";

    public static string Latency(int? milliseconds) =>
        milliseconds is { } ms ? ProbingStrings.Latency_Ms.Replace("{0}", ms.ToString(CultureInfo.CurrentCulture), StringComparison.Ordinal) : "—";

    public static string Failing(int failures) =>
        ProbingStrings.Target_Failing.Replace("{0}", failures.ToString(CultureInfo.CurrentCulture), StringComparison.Ordinal);
}
