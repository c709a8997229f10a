using System.Security.Claims;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Evaluation;

public static class RoundOperations
{
    /// <summary>Create a round for a call, asked with the call before the round exists (<see cref="EvaluationAccess.CanManageRoundsIn"/>).</summary>
    public static readonly RegionOperation Create = new("round.create", EvaluationAccess.CanManageRoundsIn);

    /// <summary>Build and run the round: settings, assignment, opening, consensus, completion (<see cref="RoundPolicy.MayManage"/>).</summary>
    public static readonly OperationAuthorizationRequirement Manage = Operations.Named("round.manage");

    /// <summary>Read the round, its summary and its reports (<see cref="RoundPolicy.MayRead"/>).</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("round.read");
}

/// <summary>An assignment with the round it belongs to: who may act on it depends on both.</summary>
public sealed record AssignmentInRound(EvaluationRound Round, ExpertAssignment Assignment);

public static class AssignmentOperations
{
    /// <summary>Read one's own assignment as the expert (the materials only once cleared, which the service decides).</summary>
    public static readonly OperationAuthorizationRequirement View = Operations.Named("assignment.view");

    /// <summary>Confirm no conflict, or declare one: the assigned expert.</summary>
    public static readonly OperationAuthorizationRequirement Declare = Operations.Named("assignment.declare");

    /// <summary>Write and submit the sheet, ask the applicant: the assigned expert.</summary>
    public static readonly OperationAuthorizationRequirement Score = Operations.Named("assignment.score");

    /// <summary>Reopen a submitted sheet: the secretariat managing the round.</summary>
    public static readonly OperationAuthorizationRequirement Reopen = Operations.Named("assignment.reopen");

    /// <summary>The trigger whose entitlement <see cref="AssignmentPolicy.MayPull"/> answers for each operation.</summary>
    internal static AssignmentTrigger? TriggerOf(OperationAuthorizationRequirement operation) =>
        operation == View || operation == Score ? AssignmentTrigger.SaveDraft
        : operation == Declare ? AssignmentTrigger.ConfirmNoConflict
        : operation == Reopen ? AssignmentTrigger.Reopen
        : null;
}

/// <summary>What may be done to the expert pool; the pool is national, so most are asked with no resource.</summary>
public static class ExpertOperations
{
    /// <summary>List experts and write their profiles (<see cref="EvaluationAccess.CanManageExperts"/>).</summary>
    public static readonly OperationAuthorizationRequirement Manage = Operations.Named("expert.manage");

    /// <summary>Read one expert's profile and declarations, asked with <see cref="ExpertRecord"/>: the secretariat, integrity officers, the expert.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("expert.read");

    /// <summary>Declare a standing conflict of one's own: anyone holding the Expert role.</summary>
    public static readonly OperationAuthorizationRequirement Declare = Operations.Named("expert.declare");

    /// <summary>End a standing declaration, asked with the <see cref="ConflictDeclaration"/>: the expert who made it.</summary>
    public static readonly OperationAuthorizationRequirement EndDeclaration = Operations.Named("expert.end-declaration");
}

/// <summary>One expert of the pool, by user id, as <see cref="ExpertOperations.Read"/> is asked about.</summary>
public sealed record ExpertRecord(string UserId);

public static class QuestionOperations
{
    /// <summary>Read and answer the experts' questions on a project: the lead organisation's users.</summary>
    public static readonly OperationAuthorizationRequirement Answer = Operations.Named("question.answer");
}

/// <summary>The handler for <see cref="RoundOperations"/> on a round (creation is region-scoped, see <see cref="RegionScopedAuthorizationHandler"/>).</summary>
public sealed class RoundAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, EvaluationRound>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, EvaluationRound resource, AuthorizationHandlerContext context) =>
        Task.FromResult(Allows(grants, operation, resource));

    public static bool Allows(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, EvaluationRound round) =>
        operation == RoundOperations.Manage ? RoundPolicy.MayManage(round, grants)
        : operation == RoundOperations.Read && RoundPolicy.MayRead(round, grants);
}

/// <summary>
/// The handler for <see cref="AssignmentOperations"/>. Beyond the grants, a conflicted expert never
/// acts on the assignment: declared, or (once cleared) found by the rules now, which is a query.
/// </summary>
public sealed class AssignmentAuthorizationHandler(CurrentUser current, ConflictFinder conflicts)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, AssignmentInRound>(current)
{
    protected override async Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, AssignmentInRound resource, AuthorizationHandlerContext context)
    {
        if (!Allows(grants, context.User.FindFirstValue(ClaimTypes.NameIdentifier), operation, resource))
        {
            return false;
        }

        var assignment = resource.Assignment;
        return operation == AssignmentOperations.Reopen
            || !(assignment.ClearedAt is not null && (await conflicts.FindAsync(assignment.ExpertUserId, assignment.ProjectId, RoundPeriod.Of(resource.Round))).Count > 0);
    }

    /// <summary>The rules that need nothing but the grants and the records (all but the conflicts found now).</summary>
    public static bool Allows(IReadOnlyList<RoleGrant> grants, string? userId, OperationAuthorizationRequirement operation, AssignmentInRound resource) =>
        AssignmentOperations.TriggerOf(operation) is { } trigger
        && AssignmentPolicy.MayPull(resource.Round, resource.Assignment, trigger, userId, grants)
        && (trigger == AssignmentTrigger.Reopen || resource.Assignment.ConflictDeclaredAt is null);
}

/// <summary>The handler for <see cref="ExpertOperations"/> and <see cref="QuestionOperations"/>.</summary>
public sealed class ExpertAuthorizationHandler(CurrentUser current) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        if (!IsOwn(requirement))
        {
            return;
        }

        if (Allows(await current.GrantsOfAsync(context.User), context.User.FindFirstValue(ClaimTypes.NameIdentifier), requirement, context.Resource))
        {
            context.Succeed(requirement);
        }
    }

    public static bool Allows(IReadOnlyList<RoleGrant> grants, string? userId, OperationAuthorizationRequirement operation, object? resource) =>
        (operation, resource) switch
        {
            _ when operation == ExpertOperations.Manage && resource is null => grants.CanManageExperts(),
            _ when operation == ExpertOperations.Declare && resource is null => grants.IsExpert(),
            (_, ExpertRecord expert) when operation == ExpertOperations.Read =>
                grants.CanManageExperts() || grants.CanReadIntegrityReport() || (userId is not null && userId == expert.UserId),
            (_, ConflictDeclaration declaration) when operation == ExpertOperations.EndDeclaration => userId is not null && declaration.ExpertUserId == userId,
            (_, PilotProject project) when operation == QuestionOperations.Answer => grants.Any(g => g.CoversOrganisation(project.LeadOrganisationId)),
            _ => false,
        };

    private static bool IsOwn(OperationAuthorizationRequirement operation) =>
        operation == ExpertOperations.Manage || operation == ExpertOperations.Read || operation == ExpertOperations.Declare
        || operation == ExpertOperations.EndDeclaration || operation == QuestionOperations.Answer;
}
