using FinPilot.Domain.Identity;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>Role grants the authorisation tests ask with: two regions, a lead organisation and another.</summary>
public static class Grants
{
    public const int Beijing = 1;
    public const int Shanghai = 2;
    public static readonly Guid Lead = Guid.NewGuid();
    public static readonly Guid Other = Guid.NewGuid();

    public static readonly RoleGrant Admin = new(Role.PlatformAdmin);
    public static readonly RoleGrant NationalSecretariat = new(Role.EvaluationSecretariat);
    public static readonly RoleGrant SecretariatBeijing = new(Role.EvaluationSecretariat, Beijing);
    public static readonly RoleGrant SecretariatShanghai = new(Role.EvaluationSecretariat, Shanghai);
    public static readonly RoleGrant WorkingGroupBeijing = new(Role.RegionalWorkingGroup, Beijing);
    public static readonly RoleGrant WorkingGroupShanghai = new(Role.RegionalWorkingGroup, Shanghai);
    public static readonly RoleGrant Coordination = new(Role.CoordinationGroup);
    public static readonly RoleGrant Integrity = new(Role.IntegrityOfficer);
    public static readonly RoleGrant Expert = new(Role.Expert);
    public static readonly RoleGrant LeadApplicant = new(Role.Applicant, OrganisationId: Lead);
    public static readonly RoleGrant OtherApplicant = new(Role.Applicant, OrganisationId: Other);
}
