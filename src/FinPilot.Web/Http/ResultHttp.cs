using FinPilot.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Http;

/// <summary>
/// Turns a service's <see cref="Result"/> into the endpoint's answer: the success given, or the
/// problem <see cref="Problems.From"/> picks from the errors' kinds.
/// </summary>
public static class ResultHttp
{
    public static Results<NoContent, ProblemHttpResult> ToHttp(this Result result) =>
        result.Succeeded ? TypedResults.NoContent() : Problems.From(result.Errors);

    public static async Task<Results<NoContent, ProblemHttpResult>> ToHttp(this Task<Result> result) =>
        (await result).ToHttp();

    public static Results<TSuccess, ProblemHttpResult> ToHttp<T, TSuccess>(this Result<T> result, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        result.Succeeded ? success(result.Value) : Problems.From(result.Errors);

    public static async Task<Results<TSuccess, ProblemHttpResult>> ToHttp<T, TSuccess>(this Task<Result<T>> result, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        (await result).ToHttp(success);
}
