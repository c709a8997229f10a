using System.Globalization;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.PlanChanges;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>A metric as the comparison shows it: its limits, or in words that it has none.</summary>
public sealed class PlanChangeTextsTests
{
    [Theory]
    [InlineData("zh-CN", null, null, "系统可用率（%）：不设限值")]
    [InlineData("en", null, null, "Availability (%): no limits")]
    [InlineData("zh-CN", 99.5, 100.0, "系统可用率（%）：99.5～100")]
    [InlineData("en", null, 100.0, "Availability (%): — to 100")]
    public void A_metric_reads_with_its_limits_or_says_it_has_none(string culture, double? lower, double? upper, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var metric = new MetricDefinition { Code = "availability", NameZh = "系统可用率", NameEn = "Availability", Unit = "%", LowerLimit = lower, UpperLimit = upper };
            Assert.Equal(expected, PlanChangeTexts.Metric(metric));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
