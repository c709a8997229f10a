using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Regions;

/// <summary>
/// An operation on a record that belongs to a region, allowed by a rule over the user's grants and
/// that region (<see cref="Access.RunsRegion"/> for most). Modules declare theirs in their
/// <c>…Operations</c>; <see cref="RegionScopedAuthorizationHandler"/> answers them all.
/// </summary>
public sealed class RegionOperation : OperationAuthorizationRequirement
{
    private readonly Func<IEnumerable<RoleGrant>, int, bool> _rule;

    public RegionOperation(string name, Func<IEnumerable<RoleGrant>, int, bool> rule)
    {
        Name = name;
        _rule = rule;
    }

    public bool Allows(IEnumerable<RoleGrant> grants, IRegionScoped record) => _rule(grants, record.RegionId);

    public override string ToString() => Name;
}

/// <summary>The handler for region-scoped records: calls, notices, organisations, projects, and a region itself.</summary>
public sealed class RegionScopedAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<RegionOperation, IRegionScoped>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, RegionOperation operation, IRegionScoped resource, AuthorizationHandlerContext context) =>
        Task.FromResult(operation.Allows(grants, resource));
}
