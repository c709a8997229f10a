using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using static FinPilot.Domain.Tests.Disclosure.NoticeTestData;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>The working group answers and resolves objections; admission waits for them.</summary>
public sealed class ObjectionHandlingTests
{
    private static readonly DateTimeOffset Later = EveOfNationalDay.AddDays(2);

    [Fact]
    public void An_objection_is_answered_then_dismissed_and_is_no_longer_open()
    {
        var objection = Respond(NewPublished(), Objection(ProjectA));

        Assert.True(objection.Answer(" 经核实，处罚已整改完毕。 ", Later, WorkingGroup).Succeeded);
        Assert.True(objection.IsOpenObjection);
        Assert.True(objection.Resolve(ObjectionOutcome.Dismissed, "异议不成立", Later.AddHours(1), WorkingGroup).Succeeded);

        Assert.Equal(new ResponseReply("经核实，处罚已整改完毕。", Later.ToUniversalTime(), WorkingGroup), objection.Reply);
        Assert.Equal(new ObjectionResolution(ObjectionOutcome.Dismissed, "异议不成立", Later.AddHours(1).ToUniversalTime(), WorkingGroup), objection.Resolution);
        Assert.False(objection.IsOpenObjection);
        Assert.False(objection.Resolution!.SendsBack);
    }

    [Theory]
    [InlineData(null, "zh-CN")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "zh-CN")]
    public void An_objection_keeps_the_language_it_was_written_in_so_mail_back_reads_in_it(string? language, string kept)
    {
        var objection = Respond(NewPublished(), Objection(ProjectA) with { Language = language });

        Assert.Equal(kept, objection.Language);
    }

    [Theory]
    [InlineData(ObjectionOutcome.Dismissed)]
    [InlineData(ObjectionOutcome.Upheld)]
    public void Dismissing_or_upholding_needs_an_answer_first(ObjectionOutcome outcome)
    {
        var objection = Respond(NewPublished(), Objection(ProjectA));

        var result = objection.Resolve(outcome, "处理意见", Later, WorkingGroup);

        Assert.Equal((DisclosureErrors.AnswerRequired, "Answer"), result.Errors.Select(e => (e.Code, e.Field)).Single());
        Assert.True(objection.IsOpenObjection);
    }

    [Fact]
    public void An_objection_its_author_withdrew_is_resolved_without_an_answer()
    {
        var objection = Respond(NewPublished(), Objection(ProjectA));

        Assert.True(objection.Resolve(ObjectionOutcome.Withdrawn, "异议人来电撤回", Later, WorkingGroup).Succeeded);

        Assert.False(objection.IsOpenObjection);
        Assert.Null(objection.Reply);
    }

    [Fact]
    public void Only_an_upheld_objection_sends_its_project_back()
    {
        Assert.True(new ObjectionResolution(ObjectionOutcome.Upheld, "成立", Later, WorkingGroup).SendsBack);
        Assert.False(new ObjectionResolution(ObjectionOutcome.Dismissed, "不成立", Later, WorkingGroup).SendsBack);
        Assert.False(new ObjectionResolution(ObjectionOutcome.Withdrawn, "撤回", Later, WorkingGroup).SendsBack);
    }

    [Fact]
    public void A_resolution_needs_a_note_and_a_known_outcome()
    {
        var objection = Respond(NewPublished(), Objection(ProjectA));
        Assert.True(objection.Answer("答复", Later, WorkingGroup).Succeeded);

        var result = objection.Resolve((ObjectionOutcome)7, "", Later, WorkingGroup);

        Assert.Equal([(Text.RequiredCode, "Note"), (DisclosureErrors.OutcomeInvalid, "Outcome")], result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void An_answer_is_given_once_and_a_resolution_is_final()
    {
        var objection = Respond(NewPublished(), Objection(ProjectA));
        Assert.True(objection.Answer("答复", Later, WorkingGroup).Succeeded);
        Assert.True(objection.Resolve(ObjectionOutcome.Dismissed, "不成立", Later, WorkingGroup).Succeeded);

        Assert.Equal(DisclosureErrors.AlreadyResolved, Assert.Single(objection.Resolve(ObjectionOutcome.Upheld, "成立", Later, WorkingGroup).Errors).Code);
        Assert.Equal(DisclosureErrors.AlreadyResolved, Assert.Single(objection.Answer("再答复", Later, WorkingGroup).Errors).Code);
        Assert.Equal(ObjectionOutcome.Dismissed, objection.Resolution!.Outcome);

        var other = Respond(NewPublished(), Objection(ProjectA));
        Assert.True(other.Answer("答复", Later, WorkingGroup).Succeeded);
        Assert.Equal(DisclosureErrors.AlreadyAnswered, Assert.Single(other.Answer("再答复", Later, WorkingGroup).Errors).Code);
        Assert.Equal("答复", other.Reply!.Text);
    }

    [Fact]
    public void A_comment_may_be_answered_but_is_never_resolved()
    {
        var comment = Respond(NewPublished(), Comment(ProjectA));

        Assert.True(comment.Answer("感谢关注", Later, WorkingGroup).Succeeded);
        var result = comment.Resolve(ObjectionOutcome.Dismissed, "不成立", Later, WorkingGroup);

        Assert.Equal(DisclosureErrors.NotAnObjection, Assert.Single(result.Errors).Code);
        Assert.Null(comment.Resolution);
        Assert.Equal("感谢关注", comment.Reply!.Text);
    }

    [Fact]
    public void No_project_is_ready_for_admission_before_the_period_has_ended()
    {
        var notice = NewPublished();

        Assert.Empty(notice.ProjectsReadyForAdmission(EndsAt));
        Assert.Equal([ProjectA, ProjectB], notice.ProjectsReadyForAdmission(AfterEnd).Select(l => l.ProjectId));
        var early = notice.Admit(ProjectA, EndsAt, WorkingGroup);
        Assert.Equal((DisclosureErrors.PeriodNotEnded, "EndsAt"), early.Errors.Select(e => (e.Code, e.Field)).Single());
    }

    [Fact]
    public void A_project_with_an_open_objection_waits_until_it_is_resolved()
    {
        var notice = NewPublished();
        var objection = Respond(notice, Objection(ProjectA));
        Respond(notice, Comment(ProjectB));

        Assert.Equal([ProjectB], notice.ProjectsReadyForAdmission(AfterEnd).Select(l => l.ProjectId));
        var refused = notice.Admit(ProjectA, AfterEnd, WorkingGroup);
        Assert.Equal((DisclosureErrors.ObjectionOpen, "ProjectId"), refused.Errors.Select(e => (e.Code, e.Field)).Single());
        Assert.Equal(1, Assert.Single(refused.Errors).Arguments.Single());

        Assert.True(objection.Answer("已核实", AfterEnd, WorkingGroup).Succeeded);
        Assert.True(objection.Resolve(ObjectionOutcome.Dismissed, "不成立", AfterEnd, WorkingGroup).Succeeded);

        Assert.Equal([ProjectA, ProjectB], notice.ProjectsReadyForAdmission(AfterEnd).Select(l => l.ProjectId));
        Assert.True(notice.Admit(ProjectA, AfterEnd, WorkingGroup).Succeeded);
        Assert.Equal(ListingStatus.Admitted, notice.Listings[0].Status);
        Assert.Equal([ProjectB], notice.ProjectsReadyForAdmission(AfterEnd).Select(l => l.ProjectId));
    }

    [Fact]
    public void An_upheld_objection_keeps_the_project_out_and_it_is_sent_back()
    {
        var notice = NewPublished();
        var objection = Respond(notice, Objection(ProjectA));
        Assert.True(objection.Answer("经核实情况属实", Later, WorkingGroup).Succeeded);
        Assert.True(objection.Resolve(ObjectionOutcome.Upheld, "异议成立，退回审议", Later, WorkingGroup).Succeeded);

        Assert.True(objection.Resolution!.SendsBack);
        Assert.Equal([ProjectA], notice.ProjectsToSendBack().Select(l => l.ProjectId));
        Assert.Equal([ProjectB], notice.ProjectsReadyForAdmission(AfterEnd).Select(l => l.ProjectId));
        Assert.Equal(DisclosureErrors.ObjectionUpheld, Assert.Single(notice.Admit(ProjectA, AfterEnd, WorkingGroup).Errors).Code);

        Assert.True(notice.SendBack(ProjectA, " 异议成立 ", Later, WorkingGroup).Succeeded);

        var listing = notice.Listings[0];
        Assert.Equal((ListingStatus.SentBack, "异议成立", WorkingGroup), (listing.Status, listing.Reason, listing.DecidedBy));
        Assert.Empty(notice.ProjectsToSendBack());
    }

    [Fact]
    public void A_decided_project_is_not_decided_again_and_unknown_projects_are_named()
    {
        var notice = NewPublished();
        Assert.True(notice.Admit(ProjectA, AfterEnd, WorkingGroup).Succeeded);

        var again = notice.SendBack(ProjectA, "理由", AfterEnd, WorkingGroup);
        var unknown = notice.Admit(Guid.NewGuid(), AfterEnd, WorkingGroup);
        var noReason = notice.SendBack(ProjectB, "", AfterEnd, WorkingGroup);

        Assert.Equal((DisclosureErrors.ProjectDecided, "ProjectId"), again.Errors.Select(e => (e.Code, e.Field)).Single());
        Assert.Equal(ListingStatus.Admitted, Assert.Single(again.Errors).Arguments.Single());
        Assert.Equal(DisclosureErrors.ProjectNotListed, Assert.Single(unknown.Errors).Code);
        Assert.Equal(Text.RequiredCode, Assert.Single(noReason.Errors).Code);
    }

    [Fact]
    public void Projects_are_still_decided_after_the_notice_is_closed_but_never_on_a_draft()
    {
        var notice = NewPublished();
        Assert.True(notice.Close(AfterEnd).Succeeded);

        Assert.Equal(2, notice.ProjectsReadyForAdmission(AfterEnd).Count);
        Assert.True(notice.Admit(ProjectB, AfterEnd, WorkingGroup).Succeeded);
        Assert.Equal(DisclosureErrors.NotPublished, Assert.Single(NewDraft().Admit(ProjectA, AfterEnd, WorkingGroup).Errors).Code);
        Assert.Empty(NewDraft().ProjectsReadyForAdmission(AfterEnd));
    }
}
