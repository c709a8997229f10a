using FinPilot.Domain.Common;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.PlanChanges;

public sealed class PlanChangeTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;
    private static readonly ChangeRules Rules = new();

    private static TestParameters Current => new()
    {
        CustomerCap = 500,
        AmountPerCustomerCap = 100_000m,
        Scope = "北京地区专业投资者",
        StartsOn = new DateOnly(2026, 1, 1),
        EndsOn = new DateOnly(2026, 12, 31),
    };

    [Fact]
    public void Lowering_a_cap_or_extending_within_the_limit_is_minor()
    {
        var routing = PlanChangeRouting.Route(Current, Current with { CustomerCap = 400, EndsOn = Current.EndsOn.AddMonths(3) }, Rules);

        Assert.Equal(ChangeRoute.Minor, routing.Route);
        Assert.Equal([RouteReason.WithinMinorLimits], routing.Reasons);
    }

    [Fact]
    public void Raising_or_lifting_a_cap_rewording_the_scope_or_a_long_extension_is_major_and_says_each_reason()
    {
        var routing = PlanChangeRouting.Route(Current,
            Current with { CustomerCap = 800, AmountPerCustomerCap = null, Scope = "全国投资者", EndsOn = Current.EndsOn.AddMonths(3).AddDays(1) }, Rules);

        Assert.Equal(ChangeRoute.Major, routing.Route);
        Assert.Equal([RouteReason.CustomerCapRaised, RouteReason.AmountCapRaised, RouteReason.ScopeChanged, RouteReason.ExtensionBeyondLimit], routing.Reasons);
    }

    [Theory]
    [InlineData(0, 1, ChangeRoute.Major)]
    [InlineData(6, 6, ChangeRoute.Minor)]
    [InlineData(6, 7, ChangeRoute.Major)]
    public void The_extension_limit_comes_from_the_rules(int limitMonths, int extensionMonths, ChangeRoute expected)
    {
        var routing = PlanChangeRouting.Route(Current, Current with { EndsOn = Current.EndsOn.AddMonths(extensionMonths) }, new ChangeRules { MinorMaxExtensionMonths = limitMonths });

        Assert.Equal(expected, routing.Route);
    }

    [Fact]
    public void A_request_keeps_both_sides_field_by_field_and_is_routed_on_creation()
    {
        var (project, plan) = Pilot();

        var change = PlanChange.Request(project, plan, Proposal(customerCap: 800), Rules, Now, "applicant").ValueOrThrow();

        Assert.Equal(PlanChangeStatus.AwaitingCoordinationGroup, change.Status);
        Assert.Equal(ChangeRoute.Major, change.Route);
        Assert.Equal([PlanField.CustomerCap], change.ChangedFields);
        Assert.Equal(Current.CustomerCap, change.Current.CustomerCap);
        Assert.Equal(800, change.Proposed.CustomerCap);
        Assert.Equal(Current.StartsOn, change.Proposed.StartsOn);
        Assert.IsType<PlanChangeRequested>(Assert.Single(((IRecordsEvents)change).PendingEvents));
    }

    [Fact]
    public void A_request_that_changes_nothing_is_in_the_past_or_has_no_reason_is_refused()
    {
        var (project, plan) = Pilot();

        var same = PlanChange.Request(project, plan, Proposal(), Rules, Now, "applicant");
        var past = PlanChange.Request(project, plan, Proposal(customerCap: 400) with { EffectiveOn = Today.AddDays(-1) }, Rules, Now, "applicant");
        var silent = PlanChange.Request(project, plan, Proposal(customerCap: 400) with { Reason = " " }, Rules, Now, "applicant");

        Assert.Contains(same.Errors, e => e.Code == PlanChangeErrors.NothingChanged);
        Assert.Contains(past.Errors, e => e.Code == PlanChangeErrors.EffectiveInPast);
        Assert.Contains(silent.Errors, e => e.Code == Text.RequiredCode && e.Field == nameof(ChangeProposal.Reason));
    }

    [Fact]
    public void A_pilot_not_running_cannot_ask()
    {
        var (_, plan) = Pilot();
        var exiting = ProjectTestData.InStage(ProjectStage.Deliberation);

        Assert.Equal(PlanChangeErrors.ProjectNotRunning, Assert.Single(PlanChange.Request(exiting, plan, Proposal(customerCap: 400), Rules, Now, "a").Errors).Code);
    }

    [Fact]
    public void The_working_group_decides_a_minor_change_once_and_never_a_major_one()
    {
        var (project, plan) = Pilot();
        var minor = PlanChange.Request(project, plan, Proposal(customerCap: 400), Rules, Now, "applicant").ValueOrThrow();
        var major = PlanChange.Request(project, plan, Proposal(customerCap: 800), Rules, Now, "applicant").ValueOrThrow();

        Assert.Contains(minor.Decide(true, " ", Now, "wg").Errors, e => e.Code == Text.RequiredCode);
        Assert.True(minor.Decide(true, "符合一般变更条件", Now, "wg").Succeeded);
        Assert.Equal(PlanChangeStatus.Approved, minor.Status);
        Assert.Equal(PlanChangeErrors.NotAwaiting, Assert.Single(minor.Decide(false, "再议", Now, "wg").Errors).Code);
        Assert.Equal(PlanChangeErrors.MajorNeedsCoordinationGroup, Assert.Single(major.Decide(true, "同意", Now, "wg").Errors).Code);
    }

    [Fact]
    public void A_major_change_is_resolved_by_the_coordination_group_and_cannot_be_withdrawn_once_on_the_agenda()
    {
        var (project, plan) = Pilot();
        var major = PlanChange.Request(project, plan, Proposal(customerCap: 800), Rules, Now, "applicant").ValueOrThrow();
        var meeting = Guid.NewGuid();
        var item = Guid.NewGuid();

        Assert.True(major.PutOnAgenda(meeting, item).Succeeded);
        Assert.Equal(PlanChangeErrors.AlreadyOnAgenda, Assert.Single(major.PutOnAgenda(meeting, Guid.NewGuid()).Errors).Code);
        Assert.Equal(PlanChangeErrors.NotAwaiting, Assert.Single(major.Withdraw(Now, "applicant").Errors).Code);
        Assert.True(major.Resolve(meeting, item, false, "风险尚不可控", Now, "chair").Succeeded);
        Assert.Equal((PlanChangeStatus.Rejected, "风险尚不可控"), (major.Status, major.DecisionNote));
    }

    [Fact]
    public void An_approved_change_applies_its_parameters_from_its_effective_date_only_once()
    {
        var (project, plan) = Pilot();
        var change = PlanChange.Request(project, plan, Proposal(customerCap: 400) with { EffectiveOn = Today.AddDays(10) }, Rules, Now, "applicant").ValueOrThrow();
        Assert.True(change.Decide(true, "同意", Now, "wg").Succeeded);

        Assert.False(change.IsDueOn(Today.AddDays(9)));
        Assert.True(change.IsDueOn(Today.AddDays(10)));
        var terms = change.ApplyTo(plan.Terms with { ReportFrequency = ReportFrequency.Quarterly });
        Assert.Equal((400, ReportFrequency.Quarterly, Current.StartsOn), (terms.Parameters.CustomerCap, terms.ReportFrequency, terms.Parameters.StartsOn));
        Assert.True(change.MarkApplied(2, Now, automatic: true).Succeeded);
        Assert.False(change.IsDueOn(Today.AddDays(10)));
        Assert.False(change.MarkApplied(3, Now, automatic: true).Succeeded);
    }

    private static DateOnly Today => global::FinPilot.Domain.Calendar.ChinaTime.DateOf(Now);

    private static ChangeProposal Proposal(int? customerCap = 500) => new()
    {
        CustomerCap = customerCap,
        AmountPerCustomerCap = Current.AmountPerCustomerCap,
        Scope = Current.Scope,
        EndsOn = Current.EndsOn,
        Reason = "业务发展需要",
        EffectiveOn = Today,
    };

    private static (PilotProject Project, SupervisionPlan Plan) Pilot()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, new SupervisionTerms { Parameters = Current }, Now).ValueOrThrow();
        Assert.True(plan.Confirm(plan.Terms, Now, "wg").Succeeded);
        return (project, plan);
    }
}
