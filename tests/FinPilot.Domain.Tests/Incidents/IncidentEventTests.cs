using FinPilot.Domain.Common;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Incidents;

/// <summary>Incidents, obligations and API clients record one event per change (the save step audits them); a refused change records nothing.</summary>
public sealed class IncidentEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<IDomainEvent> Taken(IRecordsEvents aggregate)
    {
        var events = aggregate.PendingEvents.ToList();
        aggregate.ClearEvents();
        return events;
    }

    [Fact]
    public void An_incident_records_its_report_updates_and_triage_as_typed()
    {
        var input = new IncidentInput
        {
            Title = "交易系统中断",
            Severity = IncidentSeverity.III,
            OccurredAt = Now.AddHours(-3),
            DetectedAt = Now.AddHours(-2),
            Description = "撮合服务中断。",
            Measures = "切换备用节点。",
        };
        var incident = Incident.Report(ProjectTestData.InStage(ProjectStage.Running), input, new IncidentPolicy(), Now, "applicant").ValueOrThrow();
        Assert.IsType<IncidentReported>(Assert.Single(Taken(incident)));

        Assert.True(incident.AddUpdate("已恢复", Now.AddHours(-1), Now, "applicant").Succeeded);
        Assert.False(incident.TriageWith(TriageAction.Close, null, Now, "wg").Succeeded);
        Assert.True(incident.TriageWith(TriageAction.Acknowledge, null, Now, "wg").Succeeded);
        Assert.Equal([new IncidentUpdated("已恢复", Now.AddHours(-1)), new IncidentTriaged(TriageAction.Acknowledge, null)], Taken(incident));
    }

    [Fact]
    public void An_obligation_records_reminders_dealt_with_and_the_overdue_claim_once()
    {
        var due = new DateTimeOffset(2026, 2, 24, 23, 59, 59, TimeSpan.FromHours(8));
        var obligation = Obligation.Create(Guid.NewGuid(), 1, Guid.NewGuid(), ObligationKind.PeriodicReport, "2026-01", due, due.AddDays(-30)).ValueOrThrow();
        Assert.Empty(Taken(obligation));

        Assert.True(obligation.RecordReminders([-5, -1]).Succeeded);
        Assert.False(obligation.RecordReminders([-1]).Succeeded);
        Assert.True(obligation.MarkOverdueNotified(due.AddDays(1)).Succeeded);
        Assert.False(obligation.MarkOverdueNotified(due.AddDays(2)).Succeeded);
        Assert.Collection(
            Taken(obligation),
            e => Assert.Equal([-5, -1], Assert.IsType<ObligationReminded>(e).Offsets),
            e => Assert.IsType<ObligationOverdueClaimed>(e));
    }

    [Fact]
    public void An_api_client_records_creation_rotation_retirement_and_revocation()
    {
        var (client, _) = ApiClient.Create(Guid.NewGuid(), "核心系统", 30, Now, "u1").ValueOrThrow();
        Assert.IsType<ApiClientCreated>(Assert.Single(Taken(client)));

        var (secret, _) = client.Rotate(30, Now).ValueOrThrow();
        var first = client.Secrets.First(s => s.Id != secret.Id);
        Assert.True(client.RetireSecret(first.Id, Now).Succeeded);
        Assert.False(client.RetireSecret(secret.Id, Now).Succeeded);
        Assert.True(client.Revoke(Now, "u1").Succeeded);
        Assert.Collection(
            Taken(client),
            e => Assert.Equal(secret, Assert.IsType<ApiClientSecretIssued>(e).Secret),
            e => Assert.Equal(first, Assert.IsType<ApiClientSecretRetired>(e).Secret),
            e => Assert.IsType<ApiClientRevoked>(e));
    }
}
