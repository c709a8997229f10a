using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Supervision;

public sealed class SupervisionPlanTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;

    [Fact]
    public void A_plan_is_drafted_from_the_admission_terms_and_the_category_defaults()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);

        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();

        Assert.False(plan.InForce);
        Assert.Equal(0, plan.Revision);
        Assert.Equal(ProjectTestData.Start.StartsOn, plan.Terms.Parameters.StartsOn);
        Assert.Equal(ProjectTestData.Start.PlannedEndOn, plan.Terms.Parameters.EndsOn);
        Assert.Equal(500, plan.Terms.Parameters.CustomerCap);
        Assert.Contains(plan.Terms.Metrics, m => m.Code == MetricCodes.Latency);
        Assert.DoesNotContain(plan.Terms.Metrics, m => m.Code == MetricCodes.TransactionAmount);
        Assert.Empty(plan.Terms.Validate());
    }

    [Theory]
    [InlineData(ProjectStage.Draft)]
    [InlineData(ProjectStage.PublicNotice)]
    [InlineData(ProjectStage.Rejected)]
    public void Only_a_running_pilot_gets_a_plan(ProjectStage stage)
    {
        var project = ProjectTestData.InStage(stage);

        var result = SupervisionPlan.Draft(project, new SupervisionTerms(), Now);

        Assert.Equal(SupervisionErrors.ProjectNotRunning, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Each_confirmation_with_changed_terms_is_a_new_revision_and_an_unchanged_one_is_refused()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();
        var terms = plan.Terms;

        Assert.True(plan.Confirm(terms, Now, "wg").Succeeded);
        Assert.True(plan.InForce);
        Assert.Equal(1, plan.Revision);

        var same = terms with { Metrics = [.. terms.Metrics] };
        Assert.Equal(SupervisionErrors.AlreadyConfirmed, Assert.Single(plan.Confirm(same, Now, "wg").Errors).Code);

        Assert.True(plan.Confirm(terms with { ReportFrequency = ReportFrequency.Quarterly }, Now.AddDays(1), "wg").Succeeded);
        Assert.Equal(2, plan.Revision);
        Assert.Equal(ReportFrequency.Quarterly, plan.Terms.ReportFrequency);
    }

    [Fact]
    public void Invalid_terms_are_refused_with_every_error_and_change_nothing()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();
        var bad = plan.Terms with
        {
            Metrics =
            [
                new MetricDefinition { Code = "Bad Code", NameZh = "x", Unit = "个" },
                new MetricDefinition { Code = "ok", NameZh = "甲", Unit = "个", LowerLimit = 5, UpperLimit = 1 },
                new MetricDefinition { Code = "ok", NameZh = "乙", Unit = "个" },
            ],
            Parameters = plan.Terms.Parameters with { CustomerCap = 0, EndsOn = plan.Terms.Parameters.StartsOn },
            Endpoints = [new ProbeEndpoint { Url = "ftp://example.com/status" }, new ProbeEndpoint { Url = "https://user:pw@example.com/" }],
        };

        var codes = plan.Confirm(bad, Now, "wg").Errors.Select(e => e.Code).ToArray();

        Assert.Contains(SupervisionErrors.MetricCodeInvalid, codes);
        Assert.Contains(SupervisionErrors.MetricLimitsReversed, codes);
        Assert.Contains(SupervisionErrors.MetricDuplicate, codes);
        Assert.Contains(SupervisionErrors.CapInvalid, codes);
        Assert.Contains(SupervisionErrors.WindowInvalid, codes);
        Assert.Equal(2, codes.Count(c => c == SupervisionErrors.EndpointInvalid));
        Assert.False(plan.InForce);
    }

    [Theory]
    [InlineData(99.0, true)]
    [InlineData(99.5, false)]
    [InlineData(100.0, false)]
    [InlineData(100.1, true)]
    public void A_value_outside_a_metrics_limits_is_out_of_limits(double value, bool outOfLimits)
    {
        var availability = SupervisionDefaults.MetricsFor(ProjectCategory.BusinessInnovation).Single(m => m.Code == MetricCodes.Availability);

        Assert.Equal(outOfLimits, availability.IsOutOfLimits(value));
    }
}
