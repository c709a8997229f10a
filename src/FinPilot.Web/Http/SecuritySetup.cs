using FinPilot.Web.Features.Demo;
using Microsoft.AspNetCore.HttpOverrides;

namespace FinPilot.Web.Http;

/// <summary>
/// Safe defaults for a platform on the public internet (README, "Security"): outside Development
/// HTTPS only (redirect and HSTS) and every cookie <c>Secure</c>; everywhere the browser-hardening
/// headers, forwarded headers only from configured proxies, and 400 rather than 500 for bad input.
/// </summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddFinPilotSecurity(this WebApplicationBuilder builder)
    {
        DemoGuard.Check(builder.Configuration, builder.Environment);

        var services = builder.Services;
        services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersSetup.Configure(o, builder.Configuration));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddCookiePolicy(o =>
        {
            // Sign-in, two-factor, antiforgery, culture and status cookies alike: over TLS only,
            // except on a developer's plain-HTTP machine.
            o.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None;
        });
        services.AddFinPilotBadInput();
        return builder;
    }

    /// <summary>First in the pipeline: what follows must see the client's real address and scheme.</summary>
    public static WebApplication UseFinPilotSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();

            // A load balancer's health probe may speak plain HTTP to the node.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
        return app;
    }
}
