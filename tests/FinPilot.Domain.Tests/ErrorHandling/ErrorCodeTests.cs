using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.ErrorHandling;

public sealed class ErrorCodeTests
{
    [Fact]
    public void An_error_has_the_kind_its_code_declares()
    {
        Assert.Equal(ErrorKind.NotFound, new Error(ProjectErrors.NotFound).Kind);
        Assert.Equal(ErrorKind.Conflict, new Error(ProjectErrors.Concurrency).Kind);
        Assert.Equal(ErrorKind.Validation, new Error(Text.RequiredCode, "Title").Kind);
        Assert.Equal(ErrorKind.InvalidState, new Error(ErrorCode.InvalidState("Test.State")).Kind);
        Assert.Equal(ErrorKind.Forbidden, new Error(ErrorCode.Forbidden("Test.Forbidden")).Kind);
    }

    [Fact]
    public void A_code_is_its_string_wherever_a_string_is_wanted()
    {
        string text = ProjectErrors.NotFound;

        Assert.Equal("Project.NotFound", text);
        Assert.Equal("Project.NotFound", ProjectErrors.NotFound.ToString());
        Assert.Equal("Field: Project.NotFound", new Error(ProjectErrors.NotFound, "Field").ToString());
        Assert.True(new Error(ProjectErrors.NotFound).Code == "Project.NotFound");
    }

    [Fact]
    public void Codes_compare_by_their_string_alone()
    {
        Assert.Equal(ErrorCode.Validation("Test.Same"), ErrorCode.InvalidState("Test.Same"));
        Assert.True(ErrorCode.Validation("Test.Same") == ErrorCode.InvalidState("Test.Same"));
        Assert.Equal(ErrorCode.Validation("Test.Same").GetHashCode(), ErrorCode.InvalidState("Test.Same").GetHashCode());
        Assert.True(ErrorCode.Validation("Test.Same") != ErrorCode.Validation("Test.Other"));
        Assert.NotEqual(new Error(ProjectErrors.NotFound), new Error(ProjectErrors.Concurrency));
    }

    [Fact]
    public void A_code_is_never_blank()
    {
        Assert.ThrowsAny<ArgumentException>(() => ErrorCode.Validation(" "));
        Assert.Equal(string.Empty, default(ErrorCode).Value);
    }

    [Fact]
    public void A_checked_success_holds_its_value()
    {
        Result<string> result = "value";

        // Compiles without '!' because Succeeded and Failed tell the compiler Value's null state.
        Assert.Equal(5, result.Succeeded ? result.Value.Length : -1);
        Assert.Equal(5, result.Failed ? -1 : result.Value.Length);
        Assert.True(Result<string>.Fail(new Error(ProjectErrors.NotFound)).Failed);
    }

    [Fact]
    public void A_result_that_cannot_fail_gives_its_value_or_throws_with_its_errors()
    {
        Assert.Equal("value", Result<string>.Ok("value").ValueOrThrow());
        var thrown = Assert.Throws<InvalidOperationException>(() => Result<string>.Fail(new Error(ProjectErrors.NotFound, "Id")).ValueOrThrow());
        Assert.Contains("Id: Project.NotFound", thrown.Message, StringComparison.Ordinal);
    }
}
