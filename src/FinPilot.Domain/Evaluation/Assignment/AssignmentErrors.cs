namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// Why a round cannot be staffed, or what is wrong with an assignment. Every error has the field
/// <see cref="Field"/>; arguments are strings and ints, domains given by their enum name.
/// </summary>
public static class AssignmentErrors
{
    public const string Field = "Assignment";

    /// <summary>Arguments: the smallest and largest number of experts per project.</summary>
    public const string ExpertsPerProjectOutOfRange = "Assignment.ExpertsPerProjectOutOfRange";

    /// <summary>A project or expert id appears twice in the problem. Arguments: the id.</summary>
    public const string DuplicateId = "Assignment.DuplicateId";

    /// <summary>A pair names a project or expert not in the problem. Arguments: the pair as "project id:expert id".</summary>
    public const string Unknown = "Assignment.Unknown";

    /// <summary>Arguments: project title, domain, how many eligible experts have that domain.</summary>
    /// <remarks>
    /// Eligible: available, no conflict, not forbidden. Also raised when each domain has someone
    /// but not three different people can stand for the three (one expert is the only one of two domains).
    /// </remarks>
    public const string DomainUncovered = "Assignment.DomainUncovered";

    /// <summary>Arguments: project title, eligible experts, experts needed.</summary>
    public const string TooFewEligible = "Assignment.TooFewEligible";

    /// <summary>
    /// The experts of a domain cannot cover every project. Arguments: domain, projects needing it,
    /// total load of the domain's experts (each capped at the projects the expert may evaluate).
    /// </summary>
    public const string DomainCapacity = "Assignment.DomainCapacity";

    /// <summary>Arguments: places to fill (projects × experts per project), total load available (capped as for <see cref="DomainCapacity"/>).</summary>
    public const string TotalCapacity = "Assignment.TotalCapacity";

    /// <summary>Arguments: project title, expert name.</summary>
    public const string PinConflicted = "Assignment.PinConflicted";

    /// <summary>Arguments: project title, expert name.</summary>
    public const string PinForbidden = "Assignment.PinForbidden";

    /// <summary>Arguments: expert name, pinned projects, the expert's maximum load.</summary>
    public const string PinsOverLoad = "Assignment.PinsOverLoad";

    /// <summary>Arguments: project title, pinned experts, experts per project.</summary>
    public const string TooManyPins = "Assignment.TooManyPins";

    /// <summary>No assignment found and no simpler cause among the checks above. No arguments.</summary>
    /// <remarks>Proven only when the solution is exhaustive; otherwise the candidate pairs were not enough.</remarks>
    public const string Infeasible = "Assignment.Infeasible";

    /// <summary>Arguments: project title, experts assigned, experts needed.</summary>
    public const string WrongCount = "Assignment.WrongCount";

    /// <summary>No expert of the assignment is left to stand for the domain. Arguments: project title, domain.</summary>
    public const string MissingDomain = "Assignment.MissingDomain";

    /// <summary>Arguments: project title, expert name.</summary>
    public const string Conflicted = "Assignment.Conflicted";

    /// <summary>Arguments: project title, expert name.</summary>
    public const string Forbidden = "Assignment.Forbidden";

    /// <summary>A pinned pair is not in the assignment. Arguments: project title, expert name.</summary>
    public const string PinMissing = "Assignment.PinMissing";

    /// <summary>Arguments: expert name, projects assigned, the expert's maximum load.</summary>
    public const string OverLoad = "Assignment.OverLoad";

    /// <summary>The same pair twice. Arguments: project title, expert name.</summary>
    public const string Duplicate = "Assignment.Duplicate";

    internal static string Describe(ExpertPair pair) => $"{pair.ProjectId}:{pair.ExpertId}";
}
