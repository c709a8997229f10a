using FinPilot.Domain.Identity;

namespace FinPilot.Web.Features.Identity;

/// <summary>A stored <see cref="RoleGrant"/>: which role a user holds and in which region or organisation.</summary>
public sealed class RoleAssignment
{
    private RoleAssignment()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public Role Role { get; private set; }

    public int? RegionId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public string? GrantedBy { get; private set; }

    public RoleGrant Grant => new(Role, RegionId, OrganisationId);

    public static RoleAssignment For(string userId, RoleGrant grant, DateTimeOffset at, string? grantedBy) => new()
    {
        Id = Guid.CreateVersion7(at),
        UserId = userId,
        Role = grant.Role,
        RegionId = grant.RegionId,
        OrganisationId = grant.OrganisationId,
        GrantedAt = at,
        GrantedBy = grantedBy,
    };
}
