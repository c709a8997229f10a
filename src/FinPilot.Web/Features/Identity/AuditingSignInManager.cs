using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Identity;

/// <summary>Every sign-in attempt, success or failure, and every sign-out goes into the audit trail.</summary>
public sealed class AuditingSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    AuditLog audit)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, AuditResource.User, null, new { userName, reason = "unknown-user" }, actorId: null, actorName: userName);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(User user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = user.Disabled ? SignInResult.NotAllowed : await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await AuditResultAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await AuditResultAsync(user, result, "authenticator");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await AuditResultAsync(user, result, "recovery-code");
        }

        return result;
    }

    public override async Task SignOutAsync()
    {
        var user = Context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(AuditActions.Logout, AuditResource.User, UserManager.GetUserId(user));
        }

        await base.SignOutAsync();
    }

    private Task AuditResultAsync(User user, SignInResult result, string method)
    {
        var action = result.Succeeded ? AuditActions.LoginSucceeded
            : result.RequiresTwoFactor ? AuditActions.LoginSecondFactorRequired
            : result.IsLockedOut ? AuditActions.LoginLockedOut
            : AuditActions.LoginFailed;
        var reason = result.IsNotAllowed ? "not-allowed" : null;
        return audit.WriteAsync(action, AuditResource.User, user.Id, new { method, reason }, actorId: user.Id, actorName: user.UserName);
    }
}
