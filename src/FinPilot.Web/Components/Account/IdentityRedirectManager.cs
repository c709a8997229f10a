using System.Globalization;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace FinPilot.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects: the site's own absolute addresses become relative; any other
        // address (another host, //host, /\host) is ignored and leads home rather than failing.
        if (uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = navigationManager.ToBaseRelativePath(uri);
        }
        else if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || !(uri.Length == 0 || LocalUrl.IsLocal(uri) || IsSiteRelative(uri)))
        {
            uri = "";
        }

        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, StatusKind kind, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, StatusCookie.Encode(kind, message), StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    /// <summary>A path relative to the base (<c>Account/Login</c>), as the Identity pages pass them.</summary>
    private static bool IsSiteRelative(string uri) =>
        uri[0] != '/' && uri[0] != '\\' && !uri.Contains(':', StringComparison.Ordinal) && !uri.Any(char.IsControl);

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(StatusKind kind, string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, kind, message, context);

    public void RedirectToInvalidUser(UserManager<User> userManager, HttpContext context)
        => RedirectToWithStatus(
            "Account/InvalidUser",
            StatusKind.Error,
            Format(AccountStrings.Status_InvalidUser, userManager.GetUserId(context.User)),
            context);

    private static string Format(string template, object? value) => string.Format(CultureInfo.CurrentCulture, template, value);
}
