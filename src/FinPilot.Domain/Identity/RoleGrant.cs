using FinPilot.Domain.Common;

namespace FinPilot.Domain.Identity;

/// <summary>
/// One role a user holds, with the scope it holds it in: a working-group member for one region,
/// an applicant for one organisation, a secretariat for the nation (no region) or one sub-group.
/// </summary>
public sealed record RoleGrant(Role Role, int? RegionId = null, Guid? OrganisationId = null)
{
    public static Result<RoleGrant> Create(Role role, int? regionId, Guid? organisationId)
    {
        if (!Enum.IsDefined(role))
        {
            return new Error(RoleGrantErrors.UnknownRole, "Role");
        }

        return ScopeRule(role) switch
        {
            ScopeKind.Region when regionId is null => new Error(RoleGrantErrors.RegionRequired, "RegionId"),
            ScopeKind.Region when organisationId is not null => new Error(RoleGrantErrors.OrganisationNotAllowed, "OrganisationId"),
            ScopeKind.OptionalRegion when organisationId is not null => new Error(RoleGrantErrors.OrganisationNotAllowed, "OrganisationId"),
            ScopeKind.Organisation when organisationId is null => new Error(RoleGrantErrors.OrganisationRequired, "OrganisationId"),
            ScopeKind.Organisation when regionId is not null => new Error(RoleGrantErrors.RegionNotAllowed, "RegionId"),
            ScopeKind.National when regionId is not null => new Error(RoleGrantErrors.RegionNotAllowed, "RegionId"),
            ScopeKind.National when organisationId is not null => new Error(RoleGrantErrors.OrganisationNotAllowed, "OrganisationId"),
            _ => new RoleGrant(role, regionId, organisationId),
        };
    }

    public static ScopeKind ScopeRule(Role role) => role switch
    {
        Role.RegionalWorkingGroup => ScopeKind.Region,
        Role.EvaluationSecretariat => ScopeKind.OptionalRegion,
        Role.Applicant => ScopeKind.Organisation,
        _ => ScopeKind.National,
    };

    /// <summary>Whether this grant reaches a resource that belongs to the given region.</summary>
    public bool CoversRegion(int regionId) => ScopeRule(Role) switch
    {
        ScopeKind.National => true,
        ScopeKind.OptionalRegion => RegionId is null || RegionId == regionId,
        ScopeKind.Region => RegionId == regionId,
        _ => false,
    };

    public bool CoversOrganisation(Guid organisationId) =>
        Role == Role.Applicant && OrganisationId == organisationId;
}

public enum ScopeKind
{
    National,
    Region,
    OptionalRegion,
    Organisation,
}

public static class RoleGrantErrors
{
    public static readonly ErrorCode UnknownRole = ErrorCode.Validation("RoleGrant.UnknownRole");
    public static readonly ErrorCode RegionRequired = ErrorCode.Validation("RoleGrant.RegionRequired");
    public static readonly ErrorCode RegionNotAllowed = ErrorCode.Validation("RoleGrant.RegionNotAllowed");
    public static readonly ErrorCode OrganisationRequired = ErrorCode.Validation("RoleGrant.OrganisationRequired");
    public static readonly ErrorCode OrganisationNotAllowed = ErrorCode.Validation("RoleGrant.OrganisationNotAllowed");
}
