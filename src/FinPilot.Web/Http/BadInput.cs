namespace FinPilot.Web.Http;

/// <summary>
/// Input that cannot be read is the caller's mistake, answered with 400 in every environment:
/// never a 500, and never a stack trace outside Development.
/// </summary>
public static class BadInput
{
    public static IServiceCollection AddFinPilotBadInput(this IServiceCollection services)
    {
        // Development would otherwise throw on malformed JSON, wrong types and unreadable query
        // values, and the exception handler would answer 500. Without the throw the API answers
        // 400, and the status-code pages give it a problem+json body.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        return services;
    }

    /// <summary>
    /// A page's query parameter that does not parse (<c>?page=abc</c>) makes Blazor throw while it
    /// sets the component's parameters; that is a bad request, not a failure of the platform.
    /// </summary>
    public static IApplicationBuilder UseBadQueryValuesAsBadRequest(this IApplicationBuilder pages) =>
        pages.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (InvalidOperationException exception) when (IsUnparsableQueryValue(exception) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        });

    private static bool IsUnparsableQueryValue(Exception exception) =>
        exception.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.AspNetCore.Components.Routing.UrlValueConstraint", StringComparison.Ordinal) == true;
}
