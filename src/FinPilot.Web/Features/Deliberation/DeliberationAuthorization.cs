using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Deliberation;

public static class MeetingOperations
{
    /// <summary>Read meetings: the coordination group, administrators, integrity officers.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("meeting.read");

    /// <summary>Schedule and run meetings (the chair records resolutions): the coordination group, administrators helping.</summary>
    public static readonly OperationAuthorizationRequirement Manage = Operations.Named("meeting.manage");

    /// <summary>Vote on an item: any member of the coordination group (recusal is the meeting's to decide), and administrators.</summary>
    public static readonly OperationAuthorizationRequirement Vote = Operations.Named("meeting.vote");
}

/// <summary>
/// The handler for meetings. The coordination group is national, so the answer does not depend on
/// which meeting: it is asked with the meeting, or with none before the meeting is loaded (so
/// that a refused user learns nothing of which meetings exist).
/// </summary>
public sealed class MeetingAuthorizationHandler(CurrentUser current) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        if (context.Resource is not (null or Meeting) || !IsMeetingOperation(requirement))
        {
            return;
        }

        if (Allows(await current.GrantsOfAsync(context.User), requirement))
        {
            context.Succeed(requirement);
        }
    }

    public static bool Allows(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation) =>
        operation == MeetingOperations.Read
            ? grants.Any(g => g.Role is Role.CoordinationGroup or Role.PlatformAdmin or Role.IntegrityOfficer)
            : IsMeetingOperation(operation) && grants.Any(g => g.Role is Role.CoordinationGroup or Role.PlatformAdmin);

    private static bool IsMeetingOperation(OperationAuthorizationRequirement operation) =>
        operation == MeetingOperations.Read || operation == MeetingOperations.Manage || operation == MeetingOperations.Vote;
}
