using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Regions;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>What may be done to a public notice (公示); answered by <see cref="RegionScopedAuthorizationHandler"/>.</summary>
public static class NoticeOperations
{
    /// <summary>Draft, publish, withdraw, answer responses: its own permission, though today the same people hold it as calls.</summary>
    public static readonly RegionOperation Manage = new("notice.manage", Access.CanManageNoticesIn);
}
