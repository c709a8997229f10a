using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Integrity;

/// <summary>A flag as the resource of an integrity question: its region, the unit it is addressed to, and whether it names a person.</summary>
public sealed record IntegrityFlagResource(int RegionId, ResponsibleUnitKind Unit, Guid? OrganisationId, bool AboutPerson)
{
    public static IntegrityFlagResource Of(IntegrityFlag flag) => new(flag.RegionId, flag.Unit, flag.UnitOrganisationId, flag.PersonId is not null);
}

/// <summary>The integrity trail as a whole (raising a flag, the read and decision records): no one record.</summary>
public sealed record IntegrityTrail
{
    public static readonly IntegrityTrail Instance = new();
}

public static class IntegrityOperations
{
    /// <summary>Read a flag and its outcome: integrity officers, admins, the coordination group (read-only); the unit it is addressed to.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("integrity.read");

    /// <summary>Raise a flag, ask for an explanation, close with a conclusion: integrity officers only.</summary>
    public static readonly OperationAuthorizationRequirement Supervise = Operations.Named("integrity.supervise");

    /// <summary>Explain a flag: the region's working group, or the organisation's applicants (never about a person), it is addressed to.</summary>
    public static readonly OperationAuthorizationRequirement Answer = Operations.Named("integrity.answer");

    /// <summary>Read who read and who decided what (the audited trail) and export it: integrity officers and admins.</summary>
    public static readonly OperationAuthorizationRequirement ReadTrail = Operations.Named("integrity.read-trail");
}

/// <summary>The rules of the module from grants alone, so lists, records, pages and tests ask the same question.</summary>
public static class IntegrityAccess
{
    /// <summary>Whether the reader sees every flag: integrity officers, admins, the coordination group.</summary>
    public static bool SeesAll(IEnumerable<RoleGrant> grants) =>
        grants.Has(Role.IntegrityOfficer) || grants.IsAdmin() || grants.Has(Role.CoordinationGroup);

    public static bool CanSupervise(IEnumerable<RoleGrant> grants) => grants.Has(Role.IntegrityOfficer);

    public static bool CanReadTrail(IEnumerable<RoleGrant> grants) => grants.Has(Role.IntegrityOfficer) || grants.IsAdmin();

    public static bool CanAnswer(IEnumerable<RoleGrant> grants, IntegrityFlagResource flag) => flag.Unit switch
    {
        ResponsibleUnitKind.WorkingGroup => grants.Any(g => g.Role == Role.RegionalWorkingGroup && g.RegionId == flag.RegionId),
        ResponsibleUnitKind.Organisation => !flag.AboutPerson && flag.OrganisationId is { } org && grants.Any(g => g.CoversOrganisation(org)),
        _ => false,
    };

    public static bool CanRead(IEnumerable<RoleGrant> grants, IntegrityFlagResource flag) => SeesAll(grants) || CanAnswer(grants, flag);

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, object? resource) => resource switch
    {
        IntegrityFlagResource flag when operation == IntegrityOperations.Read => CanRead(grants, flag),
        IntegrityFlagResource flag when operation == IntegrityOperations.Answer => CanAnswer(grants, flag),
        IntegrityFlagResource when operation == IntegrityOperations.Supervise => CanSupervise(grants),
        IntegrityTrail when operation == IntegrityOperations.Supervise => CanSupervise(grants),
        IntegrityTrail when operation == IntegrityOperations.ReadTrail => CanReadTrail(grants),
        _ => false,
    };
}

/// <summary>The handler for integrity flags and the integrity trail.</summary>
public sealed class IntegrityFlagAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, IntegrityFlagResource>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, IntegrityFlagResource resource, AuthorizationHandlerContext context) =>
        Task.FromResult(IntegrityAccess.Allows(grants, operation, resource));
}

/// <summary>The handler for the integrity trail as a whole.</summary>
public sealed class IntegrityTrailAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, IntegrityTrail>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, IntegrityTrail resource, AuthorizationHandlerContext context) =>
        Task.FromResult(IntegrityAccess.Allows(grants, operation, resource));
}
