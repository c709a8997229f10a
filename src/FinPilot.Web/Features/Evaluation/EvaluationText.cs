using System.Globalization;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>Names of the evaluation's values in the reader's language.</summary>
public static class EvaluationText
{
    public static string Of(ExpertDomain domain) => Lookup($"Domain_{domain}");

    public static string Of(EvaluationDimension dimension) => Lookup($"Dimension_{dimension}");

    public static string Of(Recommendation recommendation) => Lookup($"Recommendation_{recommendation}");

    public static string Of(AssignmentState state) => Lookup($"AssignmentState_{state}");

    public static string Of(RoundStatus status) => Lookup($"RoundStatus_{status}");

    public static string Of(ConflictReason reason) => Lookup($"ConflictReason_{reason}");

    public static string Of(ConflictDeclarationKind kind) => Lookup($"DeclarationKind_{kind}");

    public static string Of(DisagreementFlag flag) => Lookup($"Flag_{flag}");

    public static string Domains(IEnumerable<ExpertDomain> domains) => string.Join("、", domains.Select(Of));

    /// <summary>A solver's problem as a sentence; arguments that name a domain are translated too.</summary>
    public static string Describe(this SolveProblem problem) =>
        ErrorText.Describe(new Error(ErrorCode.Validation(problem.Code), null, [.. problem.Arguments.Select(a => Enum.TryParse<ExpertDomain>(a, out var d) && !int.TryParse(a, out _) ? Of(d) : (object)a)]));

    private static string Lookup(string key) => EvaluationStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
