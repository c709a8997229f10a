using FinPilot.Web.Features.Demo;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>The accounts of <see cref="DemoData.Users"/>, by what they are for.</summary>
public static class DemoUsers
{
    public const string Admin = "admin@" + DemoData.DemoDomain;
    public const string Coordination = "coordination@" + DemoData.DemoDomain;
    public const string WorkingGroupBeijing = "wg.beijing@" + DemoData.DemoDomain;
    public const string WorkingGroupShanghai = "wg.shanghai@" + DemoData.DemoDomain;
    public const string Secretariat = "secretariat@" + DemoData.DemoDomain;
    public const string Expert = "expert@" + DemoData.DemoDomain;
    public const string Integrity = "integrity@" + DemoData.DemoDomain;

    /// <summary>Acts for 京华证券股份有限公司 (Beijing).</summary>
    public const string Applicant = "applicant@" + DemoData.DemoDomain;
}
