namespace FinPilot.Domain.Incidents;

/// <summary>How grave an incident is: I (特别重大) the gravest to IV (一般). Numbers are stored and compared.</summary>
public enum IncidentSeverity
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

/// <summary>Where an incident stands with the working group. Stored by name.</summary>
public enum IncidentStatus
{
    /// <summary>Reported and not yet looked at by the working group.</summary>
    Reported = 1,

    /// <summary>The working group has acknowledged it.</summary>
    Acknowledged = 2,

    /// <summary>The working group asked the institution for more; an update from the institution answers it.</summary>
    InformationRequested = 3,

    /// <summary>Closed with the working group's conclusion; final.</summary>
    Closed = 4,
}

/// <summary>What the working group does with an incident (分级处置).</summary>
public enum TriageAction
{
    Acknowledge = 1,
    RequestInformation = 2,
    Close = 3,
}

/// <summary>What moves an incident: the working group's actions, and the institution's update.</summary>
public enum IncidentTrigger
{
    Acknowledge = 1,
    RequestInformation = 2,
    Close = 3,
    Update = 4,
}

public sealed record IncidentTransition(IncidentStatus From, IncidentTrigger Trigger, IncidentStatus To);

/// <summary>An incident's lifecycle as data; an update outside it is refused.</summary>
public static class IncidentLifecycle
{
    public static IReadOnlyList<IncidentTransition> Transitions { get; } =
    [
        new(IncidentStatus.Reported, IncidentTrigger.Acknowledge, IncidentStatus.Acknowledged),
        new(IncidentStatus.InformationRequested, IncidentTrigger.Acknowledge, IncidentStatus.Acknowledged),
        new(IncidentStatus.Reported, IncidentTrigger.RequestInformation, IncidentStatus.InformationRequested),
        new(IncidentStatus.Acknowledged, IncidentTrigger.RequestInformation, IncidentStatus.InformationRequested),
        new(IncidentStatus.Reported, IncidentTrigger.Close, IncidentStatus.Closed),
        new(IncidentStatus.Acknowledged, IncidentTrigger.Close, IncidentStatus.Closed),
        new(IncidentStatus.InformationRequested, IncidentTrigger.Close, IncidentStatus.Closed),

        // The institution may add to an open incident at any time; an update answers a request for more.
        new(IncidentStatus.Reported, IncidentTrigger.Update, IncidentStatus.Reported),
        new(IncidentStatus.Acknowledged, IncidentTrigger.Update, IncidentStatus.Acknowledged),
        new(IncidentStatus.InformationRequested, IncidentTrigger.Update, IncidentStatus.Acknowledged),
    ];

    public static IncidentStatus? Next(IncidentStatus from, IncidentTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Trigger == trigger)?.To;

    public static IncidentTrigger TriggerOf(TriageAction action) => action switch
    {
        TriageAction.Acknowledge => IncidentTrigger.Acknowledge,
        TriageAction.RequestInformation => IncidentTrigger.RequestInformation,
        _ => IncidentTrigger.Close,
    };

    /// <summary>The triage actions open to an incident in <paramref name="status"/>, for pages to offer.</summary>
    public static IReadOnlyList<TriageAction> ActionsFrom(IncidentStatus status) =>
        [.. Enum.GetValues<TriageAction>().Where(a => Next(status, TriggerOf(a)) is not null)];
}

/// <summary>
/// Which incidents are severe: those of <see cref="SevereLevel"/> or graver (a smaller number). A
/// severe incident is reported within <see cref="ReportHours"/> of its detection (an obligation).
/// </summary>
public sealed record IncidentPolicy(IncidentSeverity SevereLevel = IncidentSeverity.II, int ReportHours = Obligations.ObligationRules.DefaultIncidentReportHours)
{
    public bool IsSevere(IncidentSeverity severity) => (int)severity <= (int)SevereLevel;
}
