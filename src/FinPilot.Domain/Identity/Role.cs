namespace FinPilot.Domain.Identity;

/// <summary>The roles of DESIGN.md; the code names are the ones used in claims and the API.</summary>
public enum Role
{
    PlatformAdmin = 1,
    CoordinationGroup = 2,
    RegionalWorkingGroup = 3,
    EvaluationSecretariat = 4,
    Expert = 5,
    IntegrityOfficer = 6,
    Applicant = 7,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>Staff act for the regulator and must use two-factor sign-in before they can act.</summary>
    public static bool IsStaff(this Role role) => role != Role.Applicant;
}
