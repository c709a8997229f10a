using System.Reflection;
using FinPilot.Domain.Common;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Tests.Http;

public sealed class ProblemsTests
{
    private static readonly Error Invalid = new(ErrorCode.Validation("Test.Invalid"), "Name");
    private static readonly Error WrongState = new(ErrorCode.InvalidState("Test.WrongState"));
    private static readonly Error Stale = new(ErrorCode.Conflict("Test.ChangedByAnother"));
    private static readonly Error Missing = new(ErrorCode.NotFound("Test.NotFound"));

    [Theory]
    [InlineData(ErrorKind.Validation, StatusCodes.Status400BadRequest)]
    [InlineData(ErrorKind.InvalidState, StatusCodes.Status409Conflict)]
    [InlineData(ErrorKind.Conflict, StatusCodes.Status409Conflict)]
    [InlineData(ErrorKind.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(ErrorKind.Forbidden, StatusCodes.Status403Forbidden)]
    public void Each_kind_has_one_status_and_an_error_of_that_kind_alone_gets_it(ErrorKind kind, int status)
    {
        Assert.Equal(status, Problems.StatusOf(kind));
        Assert.Equal(status, Problems.From([Of(kind, field: null)]).StatusCode);
        Assert.Equal(status, Problems.From([Of(kind, field: "Name")]).StatusCode);
    }

    [Fact]
    public void Every_kind_is_mapped()
    {
        Assert.All(Enum.GetValues<ErrorKind>(), kind => Assert.NotEqual(0, Problems.StatusOf(kind)));
        Assert.Equal(5, Enum.GetValues<ErrorKind>().Length);
    }

    [Fact]
    public void Access_comes_before_existence_and_existence_before_everything_else()
    {
        Assert.Equal(403, Problems.From([Invalid, Stale, Missing, Problems.Forbidden]).StatusCode);
        Assert.Equal(404, Problems.From([Invalid, WrongState, Stale, Missing]).StatusCode);
    }

    [Fact]
    public void A_conflict_wins_over_input_errors_and_is_the_one_described()
    {
        var problem = Problems.From([Invalid, WrongState, Stale]);

        Assert.Equal(409, problem.StatusCode);
        Assert.Equal(ErrorText.Describe(Stale), problem.ProblemDetails.Detail);
    }

    [Fact]
    public void A_refusal_by_the_state_alone_is_a_conflict_described_by_the_first_error()
    {
        var other = new Error(ErrorCode.InvalidState("Test.Other"));

        var problem = Problems.From([WrongState, other]);

        Assert.Equal(409, problem.StatusCode);
        Assert.Equal(ErrorText.Describe(WrongState), problem.ProblemDetails.Detail);
    }

    [Fact]
    public void Beside_input_errors_a_refusal_by_the_state_is_listed_with_them()
    {
        var problem = Problems.From([Invalid, WrongState]);

        Assert.Equal(400, problem.StatusCode);
        var errors = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors;
        Assert.Equal(["", "Name"], errors.Keys.Order());
    }

    [Fact]
    public void The_kind_is_the_code_s_whatever_the_field()
    {
        // Before kinds, a field named "Stage" made a conflict and an error without a field a 409.
        Assert.Equal(400, Problems.From([new Error(ErrorCode.Validation("Test.Stage"), "Stage")]).StatusCode);
        Assert.Equal(400, Problems.From([new Error(ErrorCode.Validation("Test.NoField"))]).StatusCode);
        Assert.Equal(409, Problems.From([new Error(ErrorCode.Conflict("Test.Stale"), "Version")]).StatusCode);
    }

    [Fact]
    public void Forbidden_is_an_error_of_the_forbidden_kind()
    {
        Assert.Equal(ErrorKind.Forbidden, Problems.Forbidden.Kind);
        Assert.Equal(Problems.AccessForbidden, Problems.Forbidden.Code);
    }

    /// <summary>
    /// The kinds were chosen to keep the statuses the codes got from their names before (".NotFound"
    /// → 404, ".ChangedByAnother" → 409); a new code must not break the convention the names still show.
    /// </summary>
    [Fact]
    public void Declared_codes_named_not_found_or_changed_by_another_have_the_matching_kind()
    {
        var codes = DeclaredCodes().ToList();

        Assert.True(codes.Count > 200, $"only {codes.Count} codes found");
        Assert.All(codes.Where(c => c.Code.Value.EndsWith(".NotFound", StringComparison.Ordinal)), c => Assert.Equal(ErrorKind.NotFound, c.Code.Kind));
        Assert.All(codes.Where(c => c.Code.Value.EndsWith(".ChangedByAnother", StringComparison.Ordinal)), c => Assert.Equal(ErrorKind.Conflict, c.Code.Kind));
        Assert.All(codes.Where(c => c.Code.Kind is ErrorKind.NotFound), c => Assert.EndsWith(".NotFound", c.Code.Value, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Name, ErrorCode Code)> DeclaredCodes() =>
        new[] { typeof(Error).Assembly, typeof(Problems).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(ErrorCode))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (ErrorCode)f.GetValue(null)!));

    private static Error Of(ErrorKind kind, string? field) => kind switch
    {
        ErrorKind.Validation => new(ErrorCode.Validation("Test.Validation"), field),
        ErrorKind.InvalidState => new(ErrorCode.InvalidState("Test.InvalidState"), field),
        ErrorKind.Conflict => new(ErrorCode.Conflict("Test.Conflict"), field),
        ErrorKind.NotFound => new(ErrorCode.NotFound("Test.NotFound"), field),
        ErrorKind.Forbidden => new(ErrorCode.Forbidden("Test.Forbidden"), field),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
