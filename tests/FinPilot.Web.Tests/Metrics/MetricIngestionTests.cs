using System.Net;
using System.Text.RegularExpressions;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Supervision;
using FinPilot.Ledger.Notes;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Metrics.MetricsApi;
using static FinPilot.Web.Tests.Metrics.MetricsTestKit;

namespace FinPilot.Web.Tests.Metrics;

public sealed partial class MetricIngestionTests(MetricsApps apps) : IClassFixture<MetricsApps>
{
    [Theory, AllProviders]
    public async Task A_batch_is_saved_and_its_signed_receipt_verifies_with_the_published_ledger_key(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (clientId, secret) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);
        var source = UniqueSource();
        var events = Enumerable.Range(1, 3).Select(i => Event($"e{i}", MetricCodes.Transactions, 100 * i, $"2026-0{i}", source)).ToList();

        using var response = await SendBatchAsync(machine, projectId, events);
        var answer = await response.ReadAsync<SubmissionDto>();
        using var anonymous = app.Anonymous();
        var ledgerPage = await anonymous.GetStringAsync("/ledger");
        var publishedKey = LedgerKeyPattern().Match(ledgerPage).Groups[1].Value;
        var verifier = NoteKeys.ParseVerifierKey(System.Net.WebUtility.HtmlDecode(publishedKey)).Value;
        var verified = SignedNote.Parse(answer.Receipt!.Note).Value.Verify(new NoteVerifierSet(verifier));
        var literals = events.Select(e => new ReceiptLiterals(
            source, (string)e["id"]!, MetricCodes.Transactions, ((Dictionary<string, object?>)e["data"]!)["value"]!.ToString()!,
            (string)((Dictionary<string, object?>)e["data"]!)["periodStart"]!, (string)((Dictionary<string, object?>)e["data"]!)["periodEnd"]!, "2026-11-01T02:00:00Z"));
        var expectedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(MetricReceipts.CanonicalBytes(literals)));

        Assert.Equal((3, 0, 0), (answer.Accepted, answer.Duplicates, answer.Rejected));
        Assert.All(answer.Events, e => Assert.Equal("accepted", e.Status));
        Assert.Equal(3, await SampleCountAsync(app, projectId, source));
        Assert.True(verified.IsSuccess, verified.IsSuccess ? null : verified.Error);
        Assert.Equal(
            $"{MetricReceipts.Header}\nproject {projectId}\nclient {clientId}\nreceived {answer.ReceivedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}\naccepted 3\nsha256 {expectedHash}\n",
            verified.Value.Text);
        Assert.Equal(expectedHash, answer.Receipt.AcceptedSha256);
    }

    [Theory, AllProviders]
    public async Task One_bad_event_never_refuses_the_good_ones_and_each_refusal_says_why(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);
        var source = UniqueSource();
        var future = app.Clock.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        object[] events =
        [
            Event("good-1", source: source),
            Event("unknown", "no_such_metric", source: source),
            Event("text-value", value: "12", source: source),
            Event("fraction", MetricCodes.Transactions, 1.5, source: source),
            Event("outside", period: "2021-06", source: source),
            Event("future", source: source, change: e => e["time"] = future),
            Event("no-id", source: source, change: e => e.Remove("id")),
            Event("no-source", source: source, change: e => e.Remove("source")),
            Event("unit", source: source, change: e => ((Dictionary<string, object?>)e["data"]!)["unit"] = "CNY"),
            Event("type", source: source, change: e => e["type"] = "com.example.other"),
            Event("good-2", MetricCodes.Availability, 99.95, source: source),
            "not an object",
        ];

        using var response = await SendBatchAsync(machine, projectId, events);
        var answer = await response.ReadAsync<SubmissionDto>();

        Assert.Equal((2, 0, 10), (answer.Accepted, answer.Duplicates, answer.Rejected));
        Assert.Equal(Enumerable.Range(0, 12), answer.Events.Select(e => e.Index));
        Assert.Equal(
            [null, MetricsErrors.MetricUnknown, MetricsErrors.ValueNotNumber, MetricsErrors.ValueNotCount, MetricsErrors.PeriodOutsidePilot, MetricsErrors.TimeInFuture,
             MetricsErrors.IdMissing, MetricsErrors.SourceMissing, MetricsErrors.UnitMismatch, MetricsErrors.TypeUnsupported, null, MetricsErrors.EventMalformed],
            answer.Events.Select(e => e.Code));
        Assert.All(answer.Events.Where(e => e.Status == "rejected"), e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.DoesNotContain(answer.Events, e => e.Message is not null && e.Message.StartsWith("Metrics.", StringComparison.Ordinal));
        Assert.Equal(2, await SampleCountAsync(app, projectId, source));
        Assert.Equal(2, answer.Receipt!.AcceptedCount);
    }

    [Theory, AllProviders]
    public async Task A_resubmission_is_taken_as_duplicate_and_not_counted_twice(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);
        var source = UniqueSource();
        var events = new[] { Event("a", source: source), Event("b", source: source), Event("a", source: source) };

        using var first = await SendBatchAsync(machine, projectId, events);
        using var again = await SendBatchAsync(machine, projectId, events.Take(2).Append(Event("c", source: source)));
        var one = await first.ReadAsync<SubmissionDto>();
        var two = await again.ReadAsync<SubmissionDto>();

        Assert.Equal(["accepted", "accepted", "duplicate"], one.Events.Select(e => e.Status));
        Assert.Equal(["duplicate", "duplicate", "accepted"], two.Events.Select(e => e.Status));
        Assert.Equal(1, two.Receipt!.AcceptedCount);
        Assert.Equal(3, await SampleCountAsync(app, projectId, source));
    }

    [Theory, AllProviders]
    public async Task Two_identical_batches_at_once_save_each_event_once_without_an_error(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        var source = UniqueSource();
        var events = Enumerable.Range(0, 200).Select(i => (object)Event($"race-{i}", MetricCodes.Transactions, i, source: source)).ToList();
        using var one = Machine(app, secret);
        using var two = Machine(app, secret);

        var answers = await Task.WhenAll(SendBatchAsync(one, projectId, events), SendBatchAsync(two, projectId, events));
        var results = new List<SubmissionDto>();
        foreach (var answer in answers)
        {
            results.Add(await answer.ReadAsync<SubmissionDto>());
            answer.Dispose();
        }

        Assert.Equal(200, results.Sum(r => r.Accepted));
        Assert.Equal(200, results.Sum(r => r.Duplicates));
        Assert.Equal(200, await SampleCountAsync(app, projectId, source));
    }

    [Theory, AllProviders]
    public async Task Listeners_hear_of_the_accepted_samples_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (clientId, secret) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);
        var source = UniqueSource();
        await (await SendOneAsync(machine, projectId, Event("old", source: source))).ReadAsync<SubmissionDto>();
        apps.Listener.Calls.Clear();

        using var response = await SendBatchAsync(machine, projectId, [Event("old", source: source), Event("new", value: 1300, source: source), Event("bad", "nope", source: source)]);
        await response.ReadAsync<SubmissionDto>();

        var (heardProject, samples) = Assert.Single(apps.Listener.Calls);
        var sample = Assert.Single(samples);
        Assert.Equal(projectId, heardProject);
        Assert.Equal(("new", 1300d, clientId, source), (sample.EventId, sample.Value, sample.ClientId!.Value, sample.Source));
    }

    [Theory, AllProviders]
    public async Task Another_organisations_client_is_refused_403_and_an_unknown_project_is_404(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await PilotAsync(app, JinghuaCode);
        var (_, yanshan) = await PilotAsync(app, YanshanCode);
        var (_, secret) = await ClientAsync(app, yanshan);
        using var stranger = Machine(app, secret);
        var source = UniqueSource();

        using var refused = await SendOneAsync(stranger, projectId, Event("x", source: source));
        using var unknown = await SendOneAsync(stranger, Guid.NewGuid(), Event("x", source: source));

        await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await SampleCountAsync(app, projectId, source));
    }

    [Theory, AllProviders]
    public async Task A_persons_token_or_session_is_refused_on_the_endpoint_and_a_client_everywhere_else(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        using var person = await app.ApiClientAsync(DemoUsers.Applicant);
        using var session = await app.SignedInAsync(DemoUsers.Applicant);
        using var machine = Machine(app, secret);
        var source = UniqueSource();

        using var byToken = await SendOneAsync(person, projectId, Event("p", source: source));
        using var bySession = await SendOneAsync(session.Client, projectId, Event("s", source: source));
        using var me = await machine.GetAsync("/api/v1/me");
        using var clients = await machine.GetAsync($"/api/v1/organisations/{organisationId}/api-clients");
        using var tokens = await machine.PostAsync("/api/v1/tokens", new { name = "escalate", expiresInDays = 30 });
        using var page = await machine.GetAsync("/supervision/api-clients");

        await byToken.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await bySession.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await me.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await clients.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await tokens.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(0, await SampleCountAsync(app, projectId, source));
    }

    [Theory, AllProviders]
    public async Task Expired_retired_and_revoked_secrets_are_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, shortLived) = await ClientAsync(app, organisationId, days: 1);
        var (revokedId, revokedSecret) = await ClientAsync(app, organisationId);
        using var expiring = Machine(app, shortLived);
        using var revoked = Machine(app, revokedSecret);
        var source = UniqueSource();
        using var before = await SendOneAsync(expiring, projectId, Event("before", source: source));
        await app.WithDbAsync(async db =>
        {
            var client = await db.ApiClients.FindAsync(revokedId);
            Assert.True(client!.Revoke(app.Clock.GetUtcNow(), "metrics-test").Succeeded);
            return await db.SaveChangesAsync();
        });

        // Other clients of this class live 90 days; two days on only this one has run out.
        app.Clock.Advance(TimeSpan.FromDays(2));
        using var expired = await SendOneAsync(expiring, projectId, Event("after", source: source));
        using var afterRevoke = await SendOneAsync(revoked, projectId, Event("revoked", source: source));

        await before.AssertStatusAsync(HttpStatusCode.OK);
        await expired.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await afterRevoke.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1, await SampleCountAsync(app, projectId, source));
    }

    [Theory, AllProviders]
    public async Task A_project_not_under_supervision_is_refused_409(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (_, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        var draft = await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.FirstAsync();
            var project = FinPilot.Domain.Projects.PilotProject.Create(
                Guid.NewGuid(), call.Id, call.RegionId, organisationId, FinPilot.Domain.Projects.ProjectCategory.BusinessInnovation, "草稿项目", app.Clock.GetUtcNow(), "metrics-test").ValueOrThrow();
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        using var machine = Machine(app, secret);

        using var response = await SendOneAsync(machine, draft, Event("d", source: UniqueSource()));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }

    [GeneratedRegex("data-testid=\"ledger-key\">([^<]+)<")]
    private static partial Regex LedgerKeyPattern();
}
