using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// Why a round cannot be staffed, or what is wrong with an assignment. Every error has the field
/// <see cref="Field"/>; arguments are strings and ints, domains given by their enum name.
/// </summary>
public static class AssignmentErrors
{
    public const string Field = "Assignment";

    /// <summary>Arguments: the smallest and largest number of experts per project.</summary>
    public static readonly ErrorCode ExpertsPerProjectOutOfRange = ErrorCode.Validation("Assignment.ExpertsPerProjectOutOfRange");

    /// <summary>A project or expert id appears twice in the problem. Arguments: the id.</summary>
    public static readonly ErrorCode DuplicateId = ErrorCode.Validation("Assignment.DuplicateId");

    /// <summary>A pair names a project or expert not in the problem. Arguments: the pair as "project id:expert id".</summary>
    public static readonly ErrorCode Unknown = ErrorCode.Validation("Assignment.Unknown");

    /// <summary>Arguments: project title, domain, how many eligible experts have that domain.</summary>
    /// <remarks>
    /// Eligible: available, no conflict, not forbidden. Also raised when each domain has someone
    /// but not three different people can stand for the three (one expert is the only one of two domains).
    /// </remarks>
    public static readonly ErrorCode DomainUncovered = ErrorCode.Validation("Assignment.DomainUncovered");

    /// <summary>Arguments: project title, eligible experts, experts needed.</summary>
    public static readonly ErrorCode TooFewEligible = ErrorCode.Validation("Assignment.TooFewEligible");

    /// <summary>
    /// The experts of a domain cannot cover every project. Arguments: domain, projects needing it,
    /// total load of the domain's experts (each capped at the projects the expert may evaluate).
    /// </summary>
    public static readonly ErrorCode DomainCapacity = ErrorCode.Validation("Assignment.DomainCapacity");

    /// <summary>Arguments: places to fill (projects × experts per project), total load available (capped as for <see cref="DomainCapacity"/>).</summary>
    public static readonly ErrorCode TotalCapacity = ErrorCode.Validation("Assignment.TotalCapacity");

    /// <summary>Arguments: project title, expert name.</summary>
    public static readonly ErrorCode PinConflicted = ErrorCode.Validation("Assignment.PinConflicted");

    /// <summary>Arguments: project title, expert name.</summary>
    public static readonly ErrorCode PinForbidden = ErrorCode.Validation("Assignment.PinForbidden");

    /// <summary>Arguments: expert name, pinned projects, the expert's maximum load.</summary>
    public static readonly ErrorCode PinsOverLoad = ErrorCode.Validation("Assignment.PinsOverLoad");

    /// <summary>Arguments: project title, pinned experts, experts per project.</summary>
    public static readonly ErrorCode TooManyPins = ErrorCode.Validation("Assignment.TooManyPins");

    /// <summary>No assignment found and no simpler cause among the checks above. No arguments.</summary>
    /// <remarks>Proven only when the solution is exhaustive; otherwise the candidate pairs were not enough.</remarks>
    public static readonly ErrorCode Infeasible = ErrorCode.Validation("Assignment.Infeasible");

    /// <summary>Arguments: project title, experts assigned, experts needed.</summary>
    public static readonly ErrorCode WrongCount = ErrorCode.Validation("Assignment.WrongCount");

    /// <summary>No expert of the assignment is left to stand for the domain. Arguments: project title, domain.</summary>
    public static readonly ErrorCode MissingDomain = ErrorCode.Validation("Assignment.MissingDomain");

    /// <summary>Arguments: project title, expert name.</summary>
    public static readonly ErrorCode Conflicted = ErrorCode.Validation("Assignment.Conflicted");

    /// <summary>Arguments: project title, expert name.</summary>
    public static readonly ErrorCode Forbidden = ErrorCode.Validation("Assignment.Forbidden");

    /// <summary>A pinned pair is not in the assignment. Arguments: project title, expert name.</summary>
    public static readonly ErrorCode PinMissing = ErrorCode.Validation("Assignment.PinMissing");

    /// <summary>Arguments: expert name, projects assigned, the expert's maximum load.</summary>
    public static readonly ErrorCode OverLoad = ErrorCode.Validation("Assignment.OverLoad");

    /// <summary>The same pair twice. Arguments: project title, expert name.</summary>
    public static readonly ErrorCode Duplicate = ErrorCode.Validation("Assignment.Duplicate");

    internal static string Describe(ExpertPair pair) => $"{pair.ProjectId}:{pair.ExpertId}";
}
