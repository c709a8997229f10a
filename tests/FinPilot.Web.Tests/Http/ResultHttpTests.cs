using FinPilot.Domain.Common;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Tests.Http;

public sealed class ResultHttpTests
{
    private static readonly Error Missing = new(ErrorCode.NotFound("Test.NotFound"));
    private static readonly Error Invalid = new(ErrorCode.Validation("Test.Invalid"), "Name");

    [Fact]
    public void A_success_without_a_value_is_no_content()
    {
        Assert.IsType<NoContent>(Result.Ok().ToHttp().Result);
    }

    [Fact]
    public async Task A_pending_success_without_a_value_is_no_content()
    {
        Assert.IsType<NoContent>((await Task.FromResult(Result.Ok()).ToHttp()).Result);
    }

    [Fact]
    public async Task A_failure_is_the_problem_its_errors_kinds_pick()
    {
        var missing = Assert.IsType<ProblemHttpResult>(Result.Fail(Missing).ToHttp().Result);
        var invalid = Assert.IsType<ProblemHttpResult>((await Task.FromResult(Result.Fail(Invalid)).ToHttp()).Result);

        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(["Name"], Assert.IsType<HttpValidationProblemDetails>(invalid.ProblemDetails).Errors.Keys);
    }

    [Fact]
    public async Task A_success_with_a_value_is_answered_from_the_value()
    {
        var ok = Assert.IsType<Ok<int>>(Result<string>.Ok("four").ToHttp(v => TypedResults.Ok(v.Length)).Result);
        var created = Assert.IsType<Created<string>>((await Task.FromResult(Result<string>.Ok("x")).ToHttp(v => TypedResults.Created($"/things/{v}", v))).Result);

        Assert.Equal(4, ok.Value);
        Assert.Equal("/things/x", created.Location);
    }

    [Fact]
    public async Task A_failure_with_a_value_type_never_calls_the_success()
    {
        var called = false;

        var answer = await Task.FromResult(Result<string>.Fail(Invalid, new Error(ErrorCode.Conflict("Test.ChangedByAnother"))))
            .ToHttp(v =>
            {
                called = true;
                return TypedResults.Ok(v);
            });

        Assert.False(called);
        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(answer.Result).StatusCode);
    }
}
