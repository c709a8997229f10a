using FinPilot.Domain.Common;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FinPilot.Web.Http;

/// <summary>
/// The one place where expected failures become RFC 9457 problem documents, with titles and
/// messages in the caller's language (Accept-Language or the culture cookie).
/// </summary>
public static class Problems
{
    public const string AccessForbidden = "Access.Forbidden";

    public static readonly Error Forbidden = new(AccessForbidden);

    public static ProblemHttpResult Validation(IEnumerable<Error> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(ErrorText.ByField(errors))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Strings.Problem_Validation,
        });

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Strings.Problem_NotFound);

    public static ProblemHttpResult Denied() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Strings.Problem_Forbidden);

    public static ProblemHttpResult Conflict(Error error) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Strings.Problem_Conflict, detail: ErrorText.Describe(error));

    /// <summary>
    /// Picks the status from the errors: access and existence come first (and say nothing about
    /// the record), then conflicts with the record's state, then validation problems on fields.
    /// </summary>
    public static ProblemHttpResult From(IReadOnlyList<Error> errors)
    {
        if (errors.Any(e => e.Code == AccessForbidden))
        {
            return Denied();
        }

        if (errors.Any(e => e.Code.EndsWith(".NotFound", StringComparison.Ordinal)))
        {
            return NotFound();
        }

        // An error about no field is about the record's state (changed by another, wrong stage): 409.
        var conflict = errors.FirstOrDefault(e => e.Code.EndsWith(".ChangedByAnother", StringComparison.Ordinal) || e.Field == "Stage")
            ?? (errors.Count > 0 && errors.All(e => e.Field is null) ? errors[0] : null);
        return conflict is not null ? Conflict(conflict) : Validation(errors);
    }

    public static Task Write(HttpContext context, int status, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => Strings.Problem_Unauthorized,
                StatusCodes.Status403Forbidden => Strings.Problem_Forbidden,
                _ => Strings.Problem_Error,
            },
            Detail = detail,
        };
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
