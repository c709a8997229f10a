using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Deliberation;

/// <summary>The checks votes and resolutions share: conditions, and one outcome per project.</summary>
internal static class DecisionRules
{
    /// <summary>Checks every outcome and returns them cleaned, in the item's project order.</summary>
    public static ProjectOutcome[] CleanOutcomes(IReadOnlyList<Guid> projectIds, IReadOnlyList<ProjectOutcome> outcomes, List<Error> errors)
    {
        var byProject = new Dictionary<Guid, ProjectOutcome>();
        for (var i = 0; i < (outcomes ?? []).Count; i++)
        {
            var field = $"{nameof(outcomes)}[{i}]";
            var outcome = outcomes![i];
            if (outcome is null)
            {
                errors.Add(new Error(Text.RequiredCode, field));
            }
            else if (!projectIds.Contains(outcome.ProjectId))
            {
                errors.Add(new Error(DeliberationErrors.OutcomeNotOnItem, field, outcome.ProjectId));
            }
            else if (!byProject.TryAdd(outcome.ProjectId, outcome))
            {
                errors.Add(new Error(DeliberationErrors.OutcomeDuplicate, field, outcome.ProjectId));
            }
            else if (!Enum.IsDefined(outcome.Kind))
            {
                errors.Add(new Error(DeliberationErrors.OutcomeKindUnknown, $"{field}.kind", (int)outcome.Kind));
            }
            else
            {
                var conditions = Clean(outcome.Conditions);
                errors.AddRange(ConditionErrors(outcome.Kind == OutcomeKind.ApprovedWithConditions, conditions, $"{field}.conditions"));
                if (outcome.Kind == OutcomeKind.Rejected)
                {
                    errors.AddRange(Text.Required(outcome.Reason, $"{field}.reason", PilotProject.MaxReasonLength));
                }
                else if (!string.IsNullOrWhiteSpace(outcome.Reason))
                {
                    errors.Add(new Error(DeliberationErrors.ReasonNotAllowed, $"{field}.reason"));
                }

                byProject[outcome.ProjectId] = outcome with { Conditions = conditions, Reason = Text.Clean(outcome.Reason) };
            }
        }

        errors.AddRange(projectIds.Where(p => !byProject.ContainsKey(p)).Select(p => new Error(DeliberationErrors.OutcomeMissing, nameof(outcomes), p)));
        return [.. projectIds.Where(byProject.ContainsKey).Select(p => byProject[p])];
    }

    /// <summary>
    /// Conditions must be given exactly when the choice or outcome is "with conditions", within the
    /// limits a project's approval takes, so that they can be carried onto the project unchanged.
    /// </summary>
    public static IEnumerable<Error> ConditionErrors(bool withConditions, string[] conditions, string field)
    {
        if (withConditions && conditions.Length == 0)
        {
            return [new Error(DeliberationErrors.ConditionsRequired, field)];
        }

        if (!withConditions && conditions.Length > 0)
        {
            return [new Error(DeliberationErrors.ConditionsNotAllowed, field)];
        }

        return PilotProject.ConditionErrors(conditions, field);
    }

    public static string[] Clean(IReadOnlyList<string>? items) => [.. (items ?? []).Select(Text.Clean).OfType<string>()];

    /// <summary>
    /// Gives each cleaned outcome its project's count and marks the ones that go against the
    /// majority of the votes; such an outcome needs a written reason, any other must have none.
    /// </summary>
    public static ProjectOutcome[] AgainstMajority(
        ProjectOutcome[] cleaned, IReadOnlyDictionary<Guid, VoteTally> tallies, IReadOnlyList<ProjectOutcome> given, List<Error> errors) =>
        [.. cleaned.Select(outcome =>
        {
            var tally = tallies[outcome.ProjectId];

            // An unknown kind is already refused; it has no side to be for or against.
            var against = Enum.IsDefined(outcome.Kind) && tally.Majority is { } approve && approve != outcome.IsApproval;
            var reason = Text.Clean(outcome.DeviationReason);
            var field = $"outcomes[{IndexOf(given, outcome.ProjectId)}].deviationReason";
            if (against)
            {
                errors.AddRange(reason is null
                    ? [new Error(DeliberationErrors.DeviationReasonRequired, field, outcome.ProjectId)]
                    : Text.Optional(reason, field, PilotProject.MaxReasonLength));
            }
            else if (reason is not null)
            {
                errors.Add(new Error(DeliberationErrors.DeviationReasonNotAllowed, field));
            }

            return outcome with { Tally = tally, AgainstMajority = against, DeviationReason = against ? reason : null };
        })];

    private static int IndexOf(IReadOnlyList<ProjectOutcome> given, Guid projectId)
    {
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i]?.ProjectId == projectId)
            {
                return i;
            }
        }

        return 0;
    }
}
