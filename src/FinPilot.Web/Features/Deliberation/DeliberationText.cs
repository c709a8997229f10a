using System.Globalization;
using System.Text;
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

    /// <summary>A vote count in words ("同意 3 票、…"); the template depends on the reader's language, so it is parsed per call.</summary>
    public static string Tally(VoteTally tally) =>
        string.Format(CultureInfo.CurrentCulture, CompositeFormat.Parse(DeliberationStrings.Minutes_Tally),
            tally.Approve, tally.ApproveWithConditions, tally.Reject, tally.Abstain, tally.Recused);

    private static string Lookup(string key) => DeliberationStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
