using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Obligations;

public static class ObligationOperations
{
    /// <summary>
    /// Read obligations: the owing organisation's applicants, the region's working group,
    /// integrity officers, the coordination group and administrators everywhere.
    /// </summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("obligation.read");
}

/// <summary>
/// Which obligations a list asks for before any is loaded: one region's, one organisation's, or
/// (both null) whatever the caller may see.
/// </summary>
public sealed record ObligationScope(int? RegionId, Guid? OrganisationId);

/// <summary>What a user's grants let them see of obligations; the lists restrict their SQL with it.</summary>
public sealed record ObligationVisibility(bool Everything, IReadOnlyList<int> Regions, IReadOnlyList<Guid> Organisations)
{
    public bool Nothing => !Everything && Regions.Count == 0 && Organisations.Count == 0;

    public static ObligationVisibility Of(IReadOnlyList<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.IntegrityOfficer or Role.CoordinationGroup)
            ? new ObligationVisibility(true, [], [])
            : new ObligationVisibility(
                false,
                [.. grants.Where(g => g.Role == Role.RegionalWorkingGroup && g.RegionId is not null).Select(g => g.RegionId!.Value).Distinct()],
                [.. grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).Distinct()]);

    public bool Covers(Obligation obligation) =>
        Everything || Regions.Contains(obligation.RegionId) || Organisations.Contains(obligation.OrganisationId);

    /// <summary>
    /// A list scope is allowed when what it names is the caller's: a named region must be one the
    /// caller's working group runs, a named organisation the caller's own (a working group may name
    /// any organisation: its list stays restricted to its regions).
    /// </summary>
    public bool Covers(ObligationScope scope) =>
        Everything
        || (scope.OrganisationId is { } organisation
            ? Organisations.Contains(organisation) || (Regions.Count > 0 && (scope.RegionId is not { } within || Regions.Contains(within)))
            : scope.RegionId is { } region ? Regions.Contains(region) : !Nothing);
}

/// <summary>
/// The handler for obligations, asked with the obligation itself or with the scope of a list. The
/// rule is <see cref="ObligationVisibility"/>, so a list and a single obligation agree.
/// </summary>
public sealed class ObligationAuthorizationHandler(CurrentUser current) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        if (requirement != ObligationOperations.Read || context.Resource is not (Obligation or ObligationScope))
        {
            return;
        }

        var grants = await current.GrantsOfAsync(context.User);
        var visibility = ObligationVisibility.Of(grants);
        var allowed = context.Resource switch
        {
            Obligation obligation => visibility.Covers(obligation),
            ObligationScope scope => visibility.Covers(scope),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
