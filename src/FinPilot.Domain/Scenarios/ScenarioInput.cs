using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

/// <summary>What a publisher writes about a scenario (应用场景).</summary>
public sealed record ScenarioInput
{
    public string Title { get; init; } = string.Empty;

    /// <summary>The pain point (痛点) the institution wants solved.</summary>
    public string PainPoint { get; init; } = string.Empty;

    public BusinessArea Area { get; init; }

    public IReadOnlyList<Technology> Technologies { get; init; } = [];

    /// <summary>What data the publisher can make available.</summary>
    public string DataAvailable { get; init; } = string.Empty;

    public ScenarioConstraints Constraints { get; init; }

    public string ExpectedOutcome { get; init; } = string.Empty;

    /// <summary>The timeline, as the publisher words it (e.g. 2023 年内完成试点).</summary>
    public string Timeline { get; init; } = string.Empty;

    public ScenarioVisibility Visibility { get; init; } = ScenarioVisibility.Public;

    /// <summary>The organisations invited, when <see cref="Visibility"/> is <see cref="ScenarioVisibility.Invited"/>.</summary>
    public IReadOnlyList<Guid> InvitedOrganisationIds { get; init; } = [];
}

/// <summary>What an organisation writes about a solution (解决方案).</summary>
public sealed record SolutionInput
{
    public string Title { get; init; } = string.Empty;

    /// <summary>What it can do (能力).</summary>
    public string Capability { get; init; } = string.Empty;

    public IReadOnlyList<Technology> Technologies { get; init; } = [];

    /// <summary>The business area it serves, when it serves one; a solution answering a scenario may leave it to the scenario's.</summary>
    public BusinessArea? Area { get; init; }

    /// <summary>References and deployments (案例与部署).</summary>
    public string References { get; init; } = string.Empty;

    /// <summary>Certifications held (资质认证).</summary>
    public string Certifications { get; init; } = string.Empty;
}

/// <summary>The checks both aggregates share.</summary>
internal static class MatchingRules
{
    public const int MaxTechnologies = 8;

    public static IEnumerable<Error> Technologies(IReadOnlyList<Technology> technologies)
    {
        if (technologies.Count == 0 || technologies.Any(t => !Enum.IsDefined(t)))
        {
            yield return new Error(ScenarioErrors.TechnologiesInvalid, "technologies");
        }
        else if (technologies.Distinct().Count() > MaxTechnologies)
        {
            yield return new Error(ScenarioErrors.TooManyTechnologies, "technologies", MaxTechnologies);
        }
    }
}
