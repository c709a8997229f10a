using FinPilot.Domain.Common;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.PlanChanges;

/// <summary>Partners, technologies and metrics in a plan change: value equality of the parameters, routing and application.</summary>
public sealed class PlanChangeListFieldsTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;
    private static readonly ChangeRules Rules = new();
    private static readonly Guid PartnerA = Guid.Parse("0199a7c0-0000-7000-8000-00000000000a");
    private static readonly Guid PartnerB = Guid.Parse("0199a7c0-0000-7000-8000-00000000000b");

    private static TestParameters Current => new()
    {
        CustomerCap = 500,
        Scope = "北京地区专业投资者",
        StartsOn = new DateOnly(2026, 1, 1),
        EndsOn = new DateOnly(2026, 12, 31),
        PartnerOrganisationIds = [PartnerA],
        TechnologyCodes = ["blockchain"],
    };

    private static readonly MetricDefinition Availability = new() { Code = "availability", NameZh = "系统可用率", Unit = "%", LowerLimit = 99.5, UpperLimit = 100 };

    private static readonly MetricDefinition Latency = new() { Code = "latency_p95", NameZh = "响应时间", Unit = "ms", UpperLimit = 2000, Direction = MetricDirection.HigherIsWorse };

    private static readonly MetricDefinition Complaints = new() { Code = "complaints", NameZh = "投诉", Unit = "件", Kind = MetricKind.Counter };

    [Fact]
    public void Parameters_with_the_same_lists_are_equal_whatever_the_list_instances_or_order()
    {
        var a = Current with { PartnerOrganisationIds = [PartnerA, PartnerB], TechnologyCodes = ["ai", "blockchain"] };
        var b = Current with { PartnerOrganisationIds = new List<Guid> { PartnerB, PartnerA }, TechnologyCodes = new[] { "blockchain", "ai" } };

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { PartnerOrganisationIds = [PartnerA] });
        Assert.NotEqual(a, b with { TechnologyCodes = ["ai", "cloud"] });
        Assert.NotEqual(a, b with { Scope = "全国" });
    }

    [Fact]
    public void A_plan_confirmed_again_with_equal_lists_is_refused_and_with_another_partner_is_a_new_revision()
    {
        var (_, plan) = Pilot();

        var same = plan.Terms with { Parameters = plan.Terms.Parameters with { PartnerOrganisationIds = [.. plan.Terms.Parameters.PartnerOrganisationIds] } };
        Assert.Equal(SupervisionErrors.AlreadyConfirmed, Assert.Single(plan.Confirm(same, Now, "wg").Errors).Code);

        var other = plan.Terms with { Parameters = plan.Terms.Parameters with { PartnerOrganisationIds = [PartnerA, PartnerB] } };
        Assert.True(plan.Confirm(other, Now, "wg").Succeeded);
        Assert.Equal(2, plan.Revision);
    }

    [Fact]
    public void Adding_a_partner_or_a_technology_is_major_and_removing_one_is_minor()
    {
        var added = PlanChangeRouting.Route(Current, Current with { PartnerOrganisationIds = [PartnerA, PartnerB], TechnologyCodes = ["ai", "blockchain"] }, Rules);
        Assert.Equal(ChangeRoute.Major, added.Route);
        Assert.Equal([RouteReason.PartnerAdded, RouteReason.TechnologyAdded], added.Reasons);

        var removed = PlanChangeRouting.Route(Current, Current with { PartnerOrganisationIds = [], TechnologyCodes = [] }, Rules);
        Assert.Equal((ChangeRoute.Minor, RouteReason.WithinMinorLimits), (removed.Route, Assert.Single(removed.Reasons)));
        Assert.Equal([PlanField.PartnerOrganisations, PlanField.Technologies],
            PlanChangeRouting.ChangedFields(Current, Current with { PartnerOrganisationIds = [], TechnologyCodes = [] }));
    }

    [Fact]
    public void The_rules_may_make_adding_a_partner_or_technology_and_loosening_a_limit_minor()
    {
        var rules = new ChangeRules { PartnerAddedIsMajor = false, TechnologyAddedIsMajor = false, MetricLooseningIsMajor = false };

        var routing = PlanChangeRouting.Route(Current, Current with { PartnerOrganisationIds = [PartnerA, PartnerB], TechnologyCodes = ["ai"] }, rules,
            [Availability], [Availability with { LowerLimit = 95 }]);

        Assert.Equal(ChangeRoute.Minor, routing.Route);
    }

    [Theory]
    [InlineData(99.0, 100.0, true)]
    [InlineData(null, 100.0, true)]
    [InlineData(99.5, 101.0, true)]
    [InlineData(99.5, null, true)]
    [InlineData(99.8, 100.0, false)]
    [InlineData(99.5, 100.0, false)]
    public void Loosening_a_metric_limit_is_major_and_tightening_is_not(double? lower, double? upper, bool major)
    {
        var routing = PlanChangeRouting.Route(Current, Current, Rules, [Availability], [Availability with { LowerLimit = lower, UpperLimit = upper }]);

        Assert.Equal(major ? ChangeRoute.Major : ChangeRoute.Minor, routing.Route);
        Assert.Equal(major, routing.Reasons.Contains(RouteReason.MetricLimitLoosened));
    }

    [Fact]
    public void Removing_a_limited_metric_loosens_but_adding_one_or_removing_an_unlimited_one_does_not()
    {
        Assert.True(PlanChangeRouting.Loosened([Availability, Complaints], [Complaints]));
        Assert.False(PlanChangeRouting.Loosened([Availability, Complaints], [Availability]));
        Assert.False(PlanChangeRouting.Loosened([Availability], [Availability, Latency]));
    }

    [Fact]
    public void A_request_proposing_partners_technologies_and_metrics_names_each_field_and_applies_them()
    {
        var (project, plan) = Pilot();
        var proposal = Proposal() with
        {
            PartnerOrganisationIds = [PartnerB],
            TechnologyCodes = [" AI ", "blockchain"],
            Metrics = [Availability with { LowerLimit = 99.9 }, Latency],
        };

        var change = PlanChange.Request(project, plan, proposal, Rules, Now, "applicant").ValueOrThrow();

        Assert.Equal([PlanField.PartnerOrganisations, PlanField.Technologies, PlanField.Metrics], change.ChangedFields);
        Assert.Equal(ChangeRoute.Major, change.Route);
        Assert.Equal([RouteReason.PartnerAdded, RouteReason.TechnologyAdded], change.RouteReasons);
        Assert.Equal(["ai", "blockchain"], change.Proposed.TechnologyCodes);
        Assert.Equal(["availability", "complaints"], change.CurrentMetrics!.Select(m => m.Code));

        var terms = change.ApplyTo(plan.Terms);
        Assert.Equal([PartnerB], terms.Parameters.PartnerOrganisationIds);
        Assert.Equal(["ai", "blockchain"], terms.Parameters.TechnologyCodes);
        Assert.Equal(99.9, terms.Metric("availability")!.LowerLimit);
        Assert.NotNull(terms.Metric("latency_p95"));
        Assert.Null(terms.Metric("complaints"));
        Assert.True(terms.Metrics.Single(m => m.Code == "complaints").Retired);
    }

    [Fact]
    public void Lists_not_proposed_stay_and_an_unchanged_metric_set_is_no_change()
    {
        var (project, plan) = Pilot();

        var change = PlanChange.Request(project, plan, Proposal(customerCap: 400) with { Metrics = [Complaints, Availability] }, Rules, Now, "applicant").ValueOrThrow();

        Assert.Equal([PlanField.CustomerCap], change.ChangedFields);
        Assert.Equal(Current.PartnerOrganisationIds, change.Proposed.PartnerOrganisationIds);
        Assert.Equal(plan.Terms.Metrics, change.ApplyTo(plan.Terms).Metrics);
    }

    [Fact]
    public void An_invalid_technology_code_or_metric_is_refused()
    {
        var (project, plan) = Pilot();

        var refused = PlanChange.Request(project, plan, Proposal() with { TechnologyCodes = ["not a code!"], Metrics = [Complaints with { Unit = "" }] }, Rules, Now, "applicant");

        Assert.Contains(refused.Errors, e => e.Code == SupervisionErrors.TechnologiesInvalid);
        Assert.Contains(refused.Errors, e => e.Field is { } f && f.StartsWith("Metrics", StringComparison.Ordinal));
    }

    private static ChangeProposal Proposal(int? customerCap = 500) => new()
    {
        CustomerCap = customerCap,
        AmountPerCustomerCap = Current.AmountPerCustomerCap,
        Scope = Current.Scope,
        EndsOn = Current.EndsOn,
        Reason = "业务发展需要",
        EffectiveOn = ChinaTimeToday(),
    };

    private static DateOnly ChinaTimeToday() => global::FinPilot.Domain.Calendar.ChinaTime.DateOf(Now);

    private static (PilotProject Project, SupervisionPlan Plan) Pilot()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, new SupervisionTerms { Parameters = Current, Metrics = [Availability, Complaints] }, Now).ValueOrThrow();
        Assert.True(plan.Confirm(plan.Terms, Now, "wg").Succeeded);
        return (project, plan);
    }
}
