using System.Globalization;
using System.Security.Claims;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Localization;

public static class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly CultureInfo[] Supported = [new(Chinese), new(English)];

    public static WebApplicationBuilder AddFinPilotLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentUICultures = true;

            // Pages stay in Chinese until a person picks English; machines say what they want per request.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseFinPilotLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary><c>/culture?c=en&amp;returnUrl=/…</c> remembers the choice in a cookie for a year.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", async (HttpContext context, string? c, string? returnUrl, FinPilotDbContext db) =>
        {
            var culture = Supported.FirstOrDefault(s => string.Equals(s.Name, c, StringComparison.OrdinalIgnoreCase))?.Name ?? Chinese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

            // Mail is written in the language the person last chose on the site.
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture));
            }

            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api")
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}
