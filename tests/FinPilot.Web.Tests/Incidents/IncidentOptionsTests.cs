using FinPilot.Domain.Incidents;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Probing;
using Microsoft.Extensions.Configuration;

namespace FinPilot.Web.Tests.Incidents;

public sealed class IncidentOptionsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void By_default_I_and_II_are_severe_and_due_within_24_hours() =>
        Assert.Equal(new IncidentPolicy(IncidentSeverity.II, 24), IncidentOptions.From(Settings()));

    [Fact]
    public void The_hours_fall_back_to_the_obligations_setting_and_the_own_setting_wins()
    {
        Assert.Equal(12, IncidentOptions.From(Settings(("Obligations:IncidentReportHours", "12"))).ReportHours);
        Assert.Equal(6, IncidentOptions.From(Settings(("Obligations:IncidentReportHours", "12"), ("Incidents:SevereReportHours", "6"))).ReportHours);
        Assert.Equal(IncidentSeverity.I, IncidentOptions.From(Settings(("Incidents:SevereLevel", "1"))).SevereLevel);
    }

    [Theory]
    [InlineData("Incidents:SevereLevel", "0")]
    [InlineData("Incidents:SevereLevel", "5")]
    [InlineData("Incidents:SevereReportHours", "0")]
    [InlineData("Incidents:SevereReportHours", "721")]
    public void Bad_settings_stop_the_start_naming_the_setting(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => IncidentOptions.From(Settings((key, value))));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Private_addresses_are_refused_unless_allowed()
    {
        Assert.False(ProbingOptions.From(Settings()).AllowPrivateAddresses);
        Assert.True(ProbingOptions.From(Settings(("Probing:AllowPrivateAddresses", "true"))).AllowPrivateAddresses);
    }
}
