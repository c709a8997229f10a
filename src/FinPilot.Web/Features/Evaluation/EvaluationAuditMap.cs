using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>How many projects a new round took: noted by the use case, written on the line.</summary>
public sealed record RoundProjectsTaken(int Count);

/// <summary>The pairs the solver chose (<c>project:expert</c>): noted by the use case, written on the line.</summary>
public sealed record RoundSolvedPairs(IReadOnlyList<string> Pairs);

/// <summary>How many assignments a round opened with: noted by the use case, written on the line.</summary>
public sealed record RoundOpenedWith(int Assignments);

/// <summary>The ranking a round completed with, best first: noted by the use case, written on the line.</summary>
public sealed record RoundRanking(IReadOnlyList<RankedProject> Projects);

public sealed record RankedProject(Guid ProjectId, double WeightedTotal, double CalibratedTotal);

/// <summary>
/// The audit line of every event an <see cref="EvaluationRound"/> records: the secretariat's work,
/// about the round, in its region. Experts the solver assigns have no line of their own (the
/// solve's line lists the pairs).
/// </summary>
public sealed class RoundAuditMap : AuditMap<EvaluationRound>
{
    protected override AuditLine? Map(EvaluationRound round, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        RoundCreated => Line(round, AuditActions.RoundCreated,
            new { callId = round.CallId, projects = facts.Get<RoundProjectsTaken>(round)?.Count ?? 0, round.ExpertsPerProject, round.Deadline }),
        RoundSettingsChanged e => Line(round, AuditActions.RoundUpdated, e.Given),
        RoundSolved e => Line(round, AuditActions.AssignmentSolved, new
        {
            e.Report.Feasible,
            pairs = facts.Get<RoundSolvedPairs>(round)?.Pairs ?? [],
            e.Report.Objective,
            e.Report.Bound,
            problems = e.Report.Problems.Select(p => p.Code),
        }),
        ExpertAssigned { Source: AssignmentSource.Manual } e => Line(round, AuditActions.AssignmentAdded, new { projectId = e.ProjectId, expertId = e.ExpertUserId }),
        RoundOpened => Line(round, AuditActions.RoundOpened, new { assignments = facts.Get<RoundOpenedWith>(round)?.Assignments ?? 0 }),
        RoundCompleted => Line(round, AuditActions.RoundCompleted, new { ranking = facts.Get<RoundRanking>(round)?.Projects ?? [] }),
        _ => null,
    };

    private static AuditLine Line(EvaluationRound round, string action, object? details) =>
        AuditLines.EvaluationRound(action, round.Id, round.RegionId, details);
}

/// <summary>The audit line of every event an <see cref="ExpertAssignment"/> records: the expert's work, about the round, in its region.</summary>
public sealed class AssignmentAuditMap : AuditMap<ExpertAssignment>
{
    protected override AuditLine? Map(ExpertAssignment assignment, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        AssignmentCleared e => Line(assignment, e, AuditActions.NoConflictConfirmed, new { assignment.ProjectId }),
        AssignmentConflictFound e => Line(assignment, e, AuditActions.ConflictFoundOnConfirm, new { assignment.ProjectId, reasons = e.Reasons }),
        AssignmentConflictDeclared e => Line(assignment, e, AuditActions.ConflictDeclaredOnAssignment, new { assignment.ProjectId, note = assignment.ConflictNote }),
        SheetSubmitted e => Line(assignment, e, AuditActions.SheetSubmitted, new { assignment.ProjectId, sheet = e.Sheet }),
        SheetReopened e => Line(assignment, e, AuditActions.SheetReopened, new { assignment.ProjectId, assignment.ExpertUserId, reason = assignment.LastReopenReason }),
        _ => null,
    };

    private static AuditLine Line(ExpertAssignment assignment, AssignmentEvent recorded, string action, object details) =>
        AuditLines.EvaluationRound(action, assignment.RoundId, recorded.RegionId, details);
}
