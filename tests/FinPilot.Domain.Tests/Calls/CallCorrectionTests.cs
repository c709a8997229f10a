using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using static FinPilot.Domain.Tests.Calls.CallTestData;

namespace FinPilot.Domain.Tests.Calls;

/// <summary>After publication a call changes only by a correction that says why and shows what changed.</summary>
public sealed class CallCorrectionTests
{
    private static readonly DateTimeOffset Later = OpensAt.AddDays(5);

    [Fact]
    public void A_correction_changes_the_call_and_is_recorded_with_when_who_why_and_what()
    {
        var call = NewPublished();
        var version = call.Version;

        var result = call.Correct(Complete() with { Title = "更正后的标题", Contact = "新电话" }, "  电话有误  ", Later, WorkingGroup);

        Assert.True(result.Succeeded);
        Assert.Equal("更正后的标题", call.Title);
        Assert.Equal(new CallCorrection(Later, WorkingGroup, "电话有误", ["Title", "Contact"]), Assert.Single(call.Corrections), CorrectionComparer.Instance);
        Assert.NotEqual(version, call.Version);
        Assert.Equal(CallStatus.Published, call.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_correction_needs_a_note(string note)
    {
        var call = NewPublished();

        var error = Assert.Single(call.Correct(Complete() with { Title = "更正" }, note, Later, WorkingGroup).Errors);

        Assert.Equal((Text.RequiredCode, "Note"), (error.Code, error.Field));
        Assert.Equal(Complete().Title, call.Title);
        Assert.Empty(call.Corrections);
    }

    [Fact]
    public void An_over_long_note_is_refused()
    {
        var error = Assert.Single(NewPublished().Correct(Complete() with { Title = "更正" }, new string('注', Call.MaxNoteLength + 1), Later, WorkingGroup).Errors);
        Assert.Equal(Text.TooLongCode, error.Code);
    }

    [Fact]
    public void A_correction_that_changes_nothing_is_refused()
    {
        var call = NewPublished();

        // Whitespace and repeated lines are cleaned away, so this is the same call.
        var same = Complete() with { Title = " " + Complete().Title, Directions = [.. Complete().Directions!, Complete().Directions![0]] };
        var error = Assert.Single(call.Correct(same, "说明", Later, WorkingGroup).Errors);

        Assert.Equal(CallErrors.NothingChanged, error.Code);
        Assert.Empty(call.Corrections);
    }

    [Fact]
    public void A_correction_must_leave_the_call_complete()
    {
        var call = NewPublished();

        var errors = call.Correct(Complete() with { Directions = [] }, "删去方向", Later, WorkingGroup).Errors;

        Assert.Equal((CallErrors.ItemsRequired, "Directions"), (Assert.Single(errors).Code, errors[0].Field));
    }

    [Fact]
    public void An_open_call_may_be_extended()
    {
        var call = NewPublished();

        Assert.True(call.Correct(Complete() with { ClosesAt = ClosesAt.AddDays(14) }, "延长截止时间", Later, WorkingGroup).Succeeded);

        Assert.Equal(ClosesAt.AddDays(14), call.ClosesAt);
        Assert.Equal(["ClosesAt"], call.Corrections[0].ChangedFields);
    }

    [Fact]
    public void An_open_call_cannot_be_corrected_to_a_close_time_already_past()
    {
        var call = NewPublished();

        var error = Assert.Single(call.Correct(Complete() with { ClosesAt = Later.AddMinutes(-1) }, "提前截止", Later, WorkingGroup).Errors);

        Assert.Equal((CallErrors.ClosesInPast, "ClosesAt"), (error.Code, error.Field));
        Assert.Equal(ClosesAt, call.ClosesAt);
    }

    [Fact]
    public void A_closed_call_may_be_corrected_but_not_its_window()
    {
        var call = NewClosed();
        var afterClose = ClosesAt.AddDays(2);

        var window = call.Correct(Complete() with { ClosesAt = ClosesAt.AddDays(7) }, "延期", afterClose, WorkingGroup);
        var text = call.Correct(Complete() with { Contact = "新联系方式" }, "联系方式更新", afterClose, WorkingGroup);

        Assert.Equal(CallErrors.WindowFrozen, Assert.Single(window.Errors).Code);
        Assert.True(text.Succeeded);
        Assert.Equal(CallStatus.Closed, call.Status);
        Assert.Equal(["Contact"], Assert.Single(call.Corrections).ChangedFields);
    }

    [Fact]
    public void Corrections_accumulate_oldest_first()
    {
        var call = NewPublished();

        Assert.True(call.Correct(Complete() with { Title = "一" }, "第一次", Later, WorkingGroup).Succeeded);
        Assert.True(call.Correct(Complete() with { Title = "二" }, "第二次", Later.AddHours(1), WorkingGroup).Succeeded);

        Assert.Equal(["第一次", "第二次"], call.Corrections.Select(c => c.Note));
    }

    [Fact]
    public void Every_field_is_named_when_it_changes()
    {
        var before = Complete();
        var after = new CallDetails(
            3, "新", "<p>新</p>", ["新方向"], [FinPilot.Domain.Organisations.OrganisationType.FundManager], OpensAt.AddDays(1), ClosesAt.AddDays(1), ["新材料"], "新");

        Assert.Equal(
            ["BatchNumber", "Title", "BodyHtml", "Directions", "EligibleTypes", "OpensAt", "ClosesAt", "Materials", "Contact"],
            before.ChangedFields(after));
        Assert.Empty(before.ChangedFields(Complete()));
    }

    private sealed class CorrectionComparer : IEqualityComparer<CallCorrection>
    {
        public static readonly CorrectionComparer Instance = new();

        public bool Equals(CallCorrection? x, CallCorrection? y) =>
            x is not null && y is not null && x.At == y.At && x.By == y.By && x.Note == y.Note && x.ChangedFields.SequenceEqual(y.ChangedFields);

        public int GetHashCode(CallCorrection obj) => obj.At.GetHashCode();
    }
}
