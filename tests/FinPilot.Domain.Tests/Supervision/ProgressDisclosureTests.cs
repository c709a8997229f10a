using FinPilot.Domain.Common;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Supervision;

public sealed class ProgressDisclosureTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;

    private static ProgressDisclosure Draft(DisclosureKind kind = DisclosureKind.MajorProgress) =>
        ProgressDisclosure.Draft(Guid.NewGuid(), 1, ProjectTestData.LeadOrganisationId, kind, "服务客户突破一百户", "试点服务客户数达到 100 户。", Now, "applicant").ValueOrThrow();

    [Fact]
    public void The_transition_table_sends_then_approves_or_returns()
    {
        Assert.Equal(DisclosureStatus.Pending, DisclosureLifecycle.Next(DisclosureStatus.Draft, DisclosureTrigger.Send));
        Assert.Equal(DisclosureStatus.Pending, DisclosureLifecycle.Next(DisclosureStatus.Returned, DisclosureTrigger.Send));
        Assert.Equal(DisclosureStatus.Published, DisclosureLifecycle.Next(DisclosureStatus.Pending, DisclosureTrigger.Approve));
        Assert.Equal(DisclosureStatus.Returned, DisclosureLifecycle.Next(DisclosureStatus.Pending, DisclosureTrigger.Return));
        Assert.Null(DisclosureLifecycle.Next(DisclosureStatus.Draft, DisclosureTrigger.Approve));
        Assert.Null(DisclosureLifecycle.Next(DisclosureStatus.Published, DisclosureTrigger.Return));
        Assert.Null(DisclosureLifecycle.Next(DisclosureStatus.Published, DisclosureTrigger.Send));
    }

    [Fact]
    public void A_draft_is_sent_returned_with_a_reason_edited_sent_again_and_approved()
    {
        var disclosure = Draft();

        Assert.Equal(ProgressDisclosureErrors.WrongStatus, Assert.Single(disclosure.Approve(Now, "wg").Errors).Code);
        Assert.True(disclosure.Send(Now).Succeeded);
        Assert.Equal(ProgressDisclosureErrors.WrongStatus, Assert.Single(disclosure.Edit(DisclosureKind.Milestone, "t", "x").Errors).Code);
        Assert.Equal(Text.RequiredCode, Assert.Single(disclosure.Return(" ", Now, "wg").Errors).Code);
        Assert.True(disclosure.Return("请写明数据口径。", Now, "wg").Succeeded);
        Assert.Equal((DisclosureStatus.Returned, "请写明数据口径。"), (disclosure.Status, disclosure.ReturnReason));
        Assert.True(disclosure.Edit(DisclosureKind.ScopeReached, "达到测试规模", "按累计开户口径，服务客户 100 户。").Succeeded);
        Assert.True(disclosure.Send(Now).Succeeded);
        Assert.True(disclosure.Approve(Now.AddHours(1), "wg").Succeeded);

        Assert.Equal((DisclosureStatus.Published, Now.AddHours(1), DisclosureKind.ScopeReached), (disclosure.Status, disclosure.PublishedAt, disclosure.Kind));
        Assert.Null(disclosure.ReturnReason);
        Assert.Equal(ProgressDisclosureErrors.WrongStatus, Assert.Single(disclosure.Return("x", Now, "wg").Errors).Code);
    }

    [Fact]
    public void An_institution_may_not_write_a_supervision_disclosure_and_needs_a_title_and_text()
    {
        var refused = ProgressDisclosure.Draft(Guid.NewGuid(), 1, Guid.NewGuid(), DisclosureKind.Supervision, "", "", Now, "applicant");

        var codes = refused.Errors.Select(e => e.Code).ToArray();
        Assert.Contains(ProgressDisclosureErrors.KindInvalid, codes);
        Assert.Equal(2, codes.Count(c => c == Text.RequiredCode));
        Assert.Equal(ProgressDisclosureErrors.KindInvalid, Assert.Single(Draft().Edit(DisclosureKind.Supervision, "t", "x").Errors).Code);
    }

    [Fact]
    public void The_working_groups_own_disclosure_is_published_as_written()
    {
        var own = ProgressDisclosure.PublishBySupervisor(Guid.NewGuid(), 1, Guid.NewGuid(), "监管提示", "本试点已完成阶段性检查。", Now, "wg").ValueOrThrow();

        Assert.Equal((DisclosureKind.Supervision, DisclosureStatus.Published, Now), (own.Kind, own.Status, own.PublishedAt));
    }
}
