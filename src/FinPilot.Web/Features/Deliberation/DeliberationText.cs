using System.Globalization;
using FinPilot.Domain.Deliberation;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>Names of deliberation's values in the reader's language.</summary>
public static class DeliberationText
{
    public static string Of(MeetingStatus status) => Lookup($"MeetingStatus_{status}");

    public static string Of(VoteChoice choice) => Lookup($"Vote_{choice}");

    public static string Of(OutcomeKind outcome) => Lookup($"Outcome_{outcome}");

    public static string Of(AgendaItemKind kind) => Lookup($"ItemKind_{kind}");

    private static string Lookup(string key) => DeliberationStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
