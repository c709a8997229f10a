namespace FinPilot.Domain.Evaluation;

/// <summary>A post an expert held or holds. <paramref name="To"/> null means the post is current.</summary>
public sealed record Employment(Guid OrganisationId, DateOnly From, DateOnly? To);

/// <summary>What the platform knows about an expert that may make them partial (回避事由).</summary>
/// <param name="ExpertId">The expert's user id.</param>
/// <param name="EmployerOrganisationId">The employer on the expert's profile, if any.</param>
/// <param name="History">Past (and further current) posts the expert declared.</param>
/// <param name="MemberOfOrganisations">Organisations the expert is a user of on the platform.</param>
/// <param name="DeclaredOrganisations">Organisations the expert declared a conflict with (shareholding, family, consulting, …).</param>
/// <param name="DeclaredProjects">Projects the expert declared a conflict with.</param>
/// <param name="CoachedOrganisations">Organisations the expert coached (培育辅导) or scored at a roadshow (路演) as a panellist.</param>
public sealed record ExpertConflictFacts(
    string ExpertId,
    Guid? EmployerOrganisationId,
    IReadOnlyList<Employment> History,
    IReadOnlyList<Guid> MemberOfOrganisations,
    IReadOnlyList<Guid> DeclaredOrganisations,
    IReadOnlyList<Guid> DeclaredProjects,
    IReadOnlyList<Guid>? CoachedOrganisations = null);

/// <summary>The organisations on a project: the lead institution and its partners are all parties.</summary>
public sealed record ProjectParties(Guid ProjectId, Guid LeadOrganisationId, IReadOnlyList<Guid> PartnerOrganisationIds);

/// <summary>Why an expert may not evaluate a project. The numbers are stored, so they never change.</summary>
public enum ConflictReason
{
    /// <summary>The expert's current employer is the lead or a partner.</summary>
    EmployerIsParty = 1,

    /// <summary>The expert worked for the lead or a partner within the lookback period.</summary>
    FormerEmployerIsParty = 2,

    /// <summary>The expert is a user of the lead's or a partner's organisation on the platform.</summary>
    MemberOfParty = 3,

    /// <summary>The expert declared a conflict with the lead or a partner.</summary>
    DeclaredOrganisation = 4,

    /// <summary>The expert declared a conflict with this project.</summary>
    DeclaredProject = 5,

    /// <summary>The expert coached the lead or a partner, or sat on a roadshow panel they presented to (scenario matching).</summary>
    CoachedParty = 6,
}

/// <summary>One reason an expert conflicts with a project; <paramref name="OrganisationId"/> is null for a declared project.</summary>
public sealed record Conflict(ConflictReason Reason, Guid? OrganisationId);

/// <summary>回避: which experts may not evaluate which projects, decided from facts rather than left to memory.</summary>
public static class ConflictRules
{
    public const int DefaultLookbackYears = 3;
    public const int MaxLookbackYears = 20;

    /// <summary>
    /// Every conflict between the expert and the project, ordered by reason, then lead before
    /// partners; empty when the expert may evaluate it.
    /// </summary>
    /// <remarks>
    /// A past post counts when it ended on or after the day <paramref name="lookbackYears"/> years
    /// before <paramref name="today"/> (with a lookback of 3 on 2025-06-30: a post that ended on
    /// 2022-06-30 counts, one that ended on 2022-06-29 does not; from 29 February the day before is
    /// 28 February). A post not yet ended, or ending in the future, always counts. Each reason is
    /// reported once per organisation, and a history entry for the current employer adds nothing
    /// to <see cref="ConflictReason.EmployerIsParty"/>.
    /// </remarks>
    public static IReadOnlyList<Conflict> Find(ExpertConflictFacts expert, ProjectParties project, DateOnly today, int lookbackYears)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentOutOfRangeException.ThrowIfNegative(lookbackYears);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lookbackYears, MaxLookbackYears);

        Guid[] parties = [project.LeadOrganisationId, .. (project.PartnerOrganisationIds ?? []).Where(p => p != project.LeadOrganisationId).Distinct()];
        var cutoff = today.AddYears(-lookbackYears);
        var formerEmployers = (expert.History ?? [])
            .Where(e => e.To is null || e.To.Value >= cutoff)
            .Select(e => e.OrganisationId)
            .Where(o => o != expert.EmployerOrganisationId)
            .ToHashSet();
        var members = (expert.MemberOfOrganisations ?? []).ToHashSet();
        var declared = (expert.DeclaredOrganisations ?? []).ToHashSet();
        var coached = (expert.CoachedOrganisations ?? []).ToHashSet();

        var conflicts = new List<Conflict>();
        void Add(ConflictReason reason, Func<Guid, bool> applies) =>
            conflicts.AddRange(parties.Where(applies).Select(p => new Conflict(reason, p)));

        Add(ConflictReason.EmployerIsParty, p => p == expert.EmployerOrganisationId);
        Add(ConflictReason.FormerEmployerIsParty, formerEmployers.Contains);
        Add(ConflictReason.MemberOfParty, members.Contains);
        Add(ConflictReason.DeclaredOrganisation, declared.Contains);
        if ((expert.DeclaredProjects ?? []).Contains(project.ProjectId))
        {
            conflicts.Add(new Conflict(ConflictReason.DeclaredProject, null));
        }

        Add(ConflictReason.CoachedParty, coached.Contains);

        return conflicts;
    }
}
