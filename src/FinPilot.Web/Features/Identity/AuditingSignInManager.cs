using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Identity;

/// <summary>
/// Every sign-in attempt, success or failure, and every sign-out goes into the audit trail.
/// Attempts on an address are held back by <see cref="SignInThrottle"/> after repeated failures; an
/// unknown address costs the same password hashing as a wrong password, so neither the answer nor
/// its time tells whether an account exists; signing out renews the security stamp, so a copy of
/// the cookie stops working at once.
/// </summary>
public sealed class AuditingSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    AuditLog audit,
    SignInThrottle throttle)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var address = UserManager.NormalizeName(userName) ?? string.Empty;
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.RetryAfterAsync(address, client) is { } wait)
        {
            await audit.WriteAsync(AuditActions.LoginThrottled, AuditResource.User, null, new { userName, retryAfterSeconds = (int)Math.Ceiling(wait.TotalSeconds) }, actorId: null, actorName: userName);
            return new ThrottledSignInResult(wait);
        }

        var user = await UserManager.FindByNameAsync(userName);
        SignInResult result;
        if (user is null)
        {
            VerifyAgainstDummy(password);
            await audit.WriteAsync(AuditActions.LoginFailed, AuditResource.User, null, new { userName, reason = "unknown-user" }, actorId: null, actorName: userName);
            result = SignInResult.Failed;
        }
        else
        {
            result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.RecordSuccessAsync(address, client);
        }
        else
        {
            await throttle.RecordFailureAsync(address, client);
        }

        return result;
    }

    public override async Task<SignInResult> PasswordSignInAsync(User user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        SignInResult result;
        if (user.Disabled)
        {
            VerifyAgainstDummy(password);
            result = SignInResult.NotAllowed;
        }
        else
        {
            result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

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
        var principal = Context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(AuditActions.Logout, AuditResource.User, UserManager.GetUserId(principal));

            // A new stamp makes every cookie issued before it fail the stamp check on its next request.
            if (await UserManager.GetUserAsync(principal) is { } user)
            {
                await UserManager.UpdateSecurityStampAsync(user);
            }
        }

        await base.SignOutAsync();
    }

    /// <summary>The hashing work of a real check, against a hash of a password nobody has.</summary>
    private void VerifyAgainstDummy(string password)
    {
        var hash = _dummyHash ??= UserManager.PasswordHasher.HashPassword(new User(), Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(new User(), hash, password);
    }

    private static string? _dummyHash;

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
