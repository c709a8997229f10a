using FinPilot.Web.Features.Demo;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Identity;

/// <summary>
/// Before a signed-in user can act: a printed one-time password must be replaced, and staff
/// (everyone but applicants) must have enrolled an authenticator. Only the pages that let them do
/// that, sign-out and static files stay reachable. Demo mode lifts the two-factor rule only.
/// </summary>
public sealed class StaffGateMiddleware(RequestDelegate next, DemoOptions demo)
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";
    public const string EnableAuthenticatorPath = "/Account/Manage/EnableAuthenticator";

    private static readonly string[] AlwaysOpen =
    [
        "/Account/Logout", "/Account/Login", "/Account/Lockout", "/Account/AccessDenied", "/culture",
        "/health", "/api/docs", "/openapi", "/_framework", "/_content", "/css", "/favicon", "/not-found", "/Error",
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || IsOpen(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (user.HasClaim(FinPilotClaimTypes.MustChangePassword, "true"))
        {
            await BlockAsync(context, ChangePasswordPath, IdentityStrings.Gate_MustChangePassword);
            return;
        }

        if (!demo.Enabled && user.IsStaff() && !user.HasClaim(FinPilotClaimTypes.TwoFactor, "true"))
        {
            await BlockAsync(context, EnableAuthenticatorPath, IdentityStrings.Gate_TwoFactorRequired, "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/ResetAuthenticator", "/Account/Manage/GenerateRecoveryCodes");
            return;
        }

        await next(context);
    }

    private async Task BlockAsync(HttpContext context, string allowedPath, string message, params string[] alsoAllowed)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(allowedPath) || alsoAllowed.Any(p => path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api"))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, message);
            return;
        }

        context.Response.Redirect(allowedPath);
    }

    private static bool IsOpen(PathString path) =>
        AlwaysOpen.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(path.Value);
}
