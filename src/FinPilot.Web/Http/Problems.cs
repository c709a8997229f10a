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
    public static readonly ErrorCode AccessForbidden = ErrorCode.Forbidden("Access.Forbidden");

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
    /// Answers with the status of the deciding error's kind (<see cref="StatusOf"/>): access and
    /// existence come first (and say nothing about the record), then conflicts with the record's
    /// version or stage, then input errors; a refusal by the record's state decides only when it
    /// comes alone (beside input errors it is listed with them).
    /// </summary>
    public static ProblemHttpResult From(IReadOnlyList<Error> errors)
    {
        var deciding = errors.FirstOrDefault(e => e.Kind == ErrorKind.Forbidden)
            ?? errors.FirstOrDefault(e => e.Kind == ErrorKind.NotFound)
            ?? errors.FirstOrDefault(e => e.Kind == ErrorKind.Conflict)
            ?? (errors.Count > 0 && errors.All(e => e.Kind == ErrorKind.InvalidState) ? errors[0] : null);
        return deciding is null
            ? Validation(errors)
            : StatusOf(deciding.Kind) switch
            {
                StatusCodes.Status403Forbidden => Denied(),
                StatusCodes.Status404NotFound => NotFound(),
                StatusCodes.Status409Conflict => Conflict(deciding),
                _ => Validation(errors),
            };
    }

    /// <summary>The one mapping of an error's kind to the HTTP status that answers it.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict or ErrorKind.InvalidState => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

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
