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

    /// <summary>Why a probe failed, in the reader's language: "HTTP 状态 503", "超时", …; empty when it did not fail.</summary>
    public static string Failure(ProbeFailure? failure, int? statusCode = null, CultureInfo? culture = null)
    {
        if (failure is not { } f)
        {
            return string.Empty;
        }

        culture ??= CultureInfo.CurrentUICulture;
        var text = ProbingStrings.ResourceManager.GetString($"Failure_{f}", culture) ?? ProbingStrings.ResourceManager.GetString("Failure_RequestFailed", culture) ?? string.Empty;
        return text.Replace("{0}", statusCode?.ToString(CultureInfo.InvariantCulture) ?? "?", StringComparison.Ordinal);
    }

    /// <summary>A failure as an alert's evidence keeps it ("HttpStatus:503", "Timeout"), so the alert can name it in any language later.</summary>
    public static string Evidence(ProbeFailure? failure, int? statusCode) =>
        failure is not { } f ? string.Empty : f == ProbeFailure.HttpStatus && statusCode is { } code ? $"{f}:{code.ToString(CultureInfo.InvariantCulture)}" : f.ToString();

    /// <summary>The failure an alert's evidence names (<see cref="Evidence"/>), in the reader's language; older free text is shown as it is.</summary>
    public static string FromEvidence(string? evidence, CultureInfo? culture = null)
    {
        if (string.IsNullOrEmpty(evidence))
        {
            return string.Empty;
        }

        var parts = evidence.Split(':', 2);
        return Enum.TryParse<ProbeFailure>(parts[0], out var failure) && Enum.IsDefined(failure)
            ? Failure(failure, parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null, culture)
            : evidence;
    }
}
