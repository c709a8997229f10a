using FinPilot.Web.Components.Account;
using FinPilot.Web.Data;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FinPilot.Web.Features.Identity;

public static class IdentitySetup
{
    /// <summary>Picks the bearer handler for API calls that carry a token, the sign-in cookie otherwise.</summary>
    public const string SmartScheme = "FinPilot";

    public const string ApiPolicy = "api";

    /// <summary>Accounts, passwords and role grants; sign-in by cookie for people and by bearer token for machines; the platform-administration permissions.</summary>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuthorizationHandler, PlatformAuthorizationHandler>();
        var throttleOptions = builder.Configuration.GetSection(SignInThrottleOptions.Section).Get<SignInThrottleOptions>() ?? new SignInThrottleOptions();
        services.AddSingleton(throttleOptions);
        services.AddSingleton<ThrottlePurge>();
        services.AddScoped<ThrottleCounters>();
        services.AddScoped<SignInThrottle>();
        var resetOptions = builder.Configuration.GetSection(PasswordResetOptions.Section).Get<PasswordResetOptions>() ?? new PasswordResetOptions();
        services.AddSingleton(resetOptions);
        services.AddScoped<PasswordResetPace>();
        services.AddSingleton<PasswordResetOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<PasswordResetOutbox>());
        services.AddScoped<PasswordResets>();
        services.AddIdentityCore<User>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
                // Above what one client may try (SignIn:FailuresPerClient): a stranger from one network
                // is held back by the throttle long before the account itself is locked.
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("SignIn:LockoutAfterFailures", 10);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<FinPilotDbContext>()
            .AddClaimsPrincipalFactory<FinPilotClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.Name);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api")
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "finpilot.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        new IdentityBuilder(typeof(User), services).AddSignInManager<AuditingSignInManager>();

        // A sign-out, a role change or a password reset takes effect on the very next request: the
        // cookie's security stamp is compared with the account's on every request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>The account pages' endpoints (sign-out, …) and <c>/api/v1/me</c>.</summary>
    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        app.MapAdditionalIdentityEndpoints();
        return app.MapMeApi();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return Problems.Write(context.HttpContext, status, status == StatusCodes.Status401Unauthorized ? Strings.Problem_Unauthorized : Strings.Problem_Forbidden);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
