using FinPilot.Web.Http;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;

namespace FinPilot.Web.Features.Identity;

/// <summary>
/// The API accepts the sign-in cookie as well as bearer tokens, and a browser sends the cookie with
/// any site's request. So a state-changing call authenticated by the cookie must show that it came
/// from the platform's own pages: an antiforgery token in the <c>RequestVerificationToken</c>
/// header, or an <c>Origin</c> header naming this site. Bearer-token calls carry no ambient
/// credential and pass untouched.
/// </summary>
public sealed class CookieApiCsrf(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (NeedsProof(http) && !IsSameOrigin(http.Request) && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Strings.Problem_Forbidden, detail: Strings.Problem_CrossSiteRequest);
        }

        return await next(context);
    }

    private static bool NeedsProof(HttpContext http) =>
        !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && http.User.Identity?.IsAuthenticated == true
        && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Behind a proxy the scheme is the forwarded one (see <see cref="ForwardedHeadersSetup"/>).</summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
