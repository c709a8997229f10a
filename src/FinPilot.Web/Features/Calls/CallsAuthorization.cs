using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Regions;

namespace FinPilot.Web.Features.Calls;

/// <summary>What may be done to a call (or in a region, before the call exists); answered by <see cref="RegionScopedAuthorizationHandler"/>.</summary>
public static class CallOperations
{
    /// <summary>Create, edit, publish, correct, close, archive: the region's working group, admins anywhere.</summary>
    public static readonly RegionOperation Manage = new("call.manage", Access.CanManageCallsIn);

    /// <summary>Read a call before it is published.</summary>
    public static readonly RegionOperation ViewDraft = new("call.view-draft", Access.CanViewDraftCallsIn);
}
