using System.Net;
using ClosedXML.Excel;
using FinPilot.Domain.Integrity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Integrity.IntegrityApi;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>
/// Officer flags end to end over HTTP: the integrity officer raises a flag on a record, asks the
/// responsible unit to explain by a deadline (an obligation, with a notice), the unit answers, the
/// officer closes it; the coordination group reads; everyone else is refused or told nothing.
/// </summary>
public sealed class IntegrityFlagApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static async Task<string> UserIdAsync(FinPilotApp app, string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory, AllProviders]
    public async Task The_officer_raises_a_flag_asks_for_an_explanation_the_working_group_answers_and_the_officer_closes_it(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.PilotAsync("廉政说明");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var officer = await app.ApiClientAsync(DemoUsers.Integrity);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        var order = await app.OrderAsync(wg, projectId);
        var wgId = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing);

        var flag = await (await officer.PostAsync("/api/v1/integrity/flags", new RaiseRequest
        {
            RecordKind = IntegrityRecordKind.CorrectionOrder,
            RecordId = order.Id.ToString(),
            PersonId = wgId,
            Note = "整改要求明显宽于同类案件。",
        })).ReadAsync<FlagDto>(HttpStatusCode.Created);
        Assert.Equal((IntegrityRule.RaisedByOfficer, IntegrityFlagStatus.Open, projectId), (flag.Rule, flag.Status, flag.ProjectId));
        Assert.Contains("整改要求明显宽于同类案件。", flag.FactsText);

        flag = await (await officer.PostAsync($"/api/v1/integrity/flags/{flag.Id}/explanation-request",
            new ExplanationRequest { Request = "请说明整改要求的依据。", WorkingDays = 5, Version = flag.Version })).ReadAsync<FlagDto>();
        Assert.Equal(IntegrityFlagStatus.ExplanationRequested, flag.Status);
        var subject = $"{flag.Id:N}:1";
        var duty = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.IntegrityExplanationByWorkingGroup && o.Subject == subject));
        Assert.Equal((ObligationStatus.Open, flag.ExplanationDueAt), (duty.Status, (DateTimeOffset?)duty.DueAt));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == wgId && n.Kind == NotificationKind.IntegrityExplanationRequested && n.Link == $"/integrity/flags/{flag.Id}")));

        // The coordination group reads it, read-only.
        (await coordination.GetAsync($"/api/v1/integrity/flags/{flag.Id}")).EnsureSuccessStatusCode();
        await (await coordination.PostAsync($"/api/v1/integrity/flags/{flag.Id}/closure",
            new CloseRequest { Conclusion = IntegrityConclusion.Cleared, Text = "无", Confirmed = true, Version = flag.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);

        flag = await (await wg.PostAsync($"/api/v1/integrity/flags/{flag.Id}/explanation", new ExplainRequest { Text = "依据同类案件标准。", Version = flag.Version })).ReadAsync<FlagDto>();
        Assert.Equal((IntegrityFlagStatus.Explained, "依据同类案件标准。"), (flag.Status, flag.Explanation));
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Subject == subject))).Status);

        await (await officer.PostAsync($"/api/v1/integrity/flags/{flag.Id}/closure",
            new CloseRequest { Conclusion = IntegrityConclusion.Cleared, Text = "理由成立。", Confirmed = false, Version = flag.Version })).ReadProblemAsync(HttpStatusCode.BadRequest);
        flag = await (await officer.PostAsync($"/api/v1/integrity/flags/{flag.Id}/closure",
            new CloseRequest { Conclusion = IntegrityConclusion.Cleared, Text = "理由成立。", Confirmed = true, Version = flag.Version })).ReadAsync<FlagDto>();
        Assert.Equal((IntegrityFlagStatus.Closed, IntegrityConclusion.Cleared), (flag.Status, flag.Conclusion));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == wgId && n.Kind == NotificationKind.IntegrityFlagClosed)));

        var listed = await (await coordination.GetAsync("/api/v1/integrity/flags?status=Closed&pageSize=100")).ReadAsync<Page<FlagRow>>();
        Assert.Contains(listed.Items, r => r.Id == flag.Id && r.Conclusion == IntegrityConclusion.Cleared);
        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == flag.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([IntegrityActions.Raised, IntegrityActions.ExplanationRequested, IntegrityActions.Explained, IntegrityActions.Closed], actions.Where(a => a != IntegrityActions.Exported));
    }

    [Fact]
    public async Task Everyone_but_the_officer_is_refused_and_units_it_is_not_addressed_to_learn_nothing()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("廉政权限");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var officer = await app.ApiClientAsync(DemoUsers.Integrity);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var other = await app.OtherApplicantAsync();
        using var expert = await app.ApiClientAsync(DemoUsers.Expert);
        var order = await app.OrderAsync(wg, projectId);
        var raise = new RaiseRequest { RecordKind = IntegrityRecordKind.CorrectionOrder, RecordId = order.Id.ToString(), Note = "关注。" };

        // Only the officer raises; a record that does not exist cannot be flagged.
        foreach (var client in new[] { wg, applicant, expert })
        {
            await client.PostAsync("/api/v1/integrity/flags", raise).AssertDeniedAsync();
        }

        await (await officer.PostAsync("/api/v1/integrity/flags", raise with { RecordId = Guid.NewGuid().ToString() })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await officer.PostAsync("/api/v1/integrity/flags", raise with { RecordKind = (IntegrityRecordKind)99 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.PostAsync("/api/v1/integrity/flags", raise with { Unit = ResponsibleUnitKind.Organisation, PersonId = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing) }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        var toWorkingGroup = await (await officer.PostAsync("/api/v1/integrity/flags", raise with { PersonId = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing) }))
            .ReadAsync<FlagDto>(HttpStatusCode.Created);
        var toInstitution = await (await officer.PostAsync("/api/v1/integrity/flags", raise with { Unit = ResponsibleUnitKind.Organisation }))
            .ReadAsync<FlagDto>(HttpStatusCode.Created);
        toWorkingGroup = await (await officer.PostAsync($"/api/v1/integrity/flags/{toWorkingGroup.Id}/explanation-request",
            new ExplanationRequest { Request = "请说明。", WorkingDays = 5, Version = toWorkingGroup.Version })).ReadAsync<FlagDto>();
        toInstitution = await (await officer.PostAsync($"/api/v1/integrity/flags/{toInstitution.Id}/explanation-request",
            new ExplanationRequest { Request = "请说明。", WorkingDays = 5, Version = toInstitution.Version })).ReadAsync<FlagDto>();
        await (await officer.PostAsync($"/api/v1/integrity/flags/{toInstitution.Id}/explanation-request",
            new ExplanationRequest { Request = "请说明。", WorkingDays = 0, Version = toInstitution.Version })).ReadProblemAsync(HttpStatusCode.BadRequest);

        // Another region's working group, the institution about a person, and another institution are told nothing.
        await (await shanghai.GetAsync($"/api/v1/integrity/flags/{toWorkingGroup.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await shanghai.PostAsync($"/api/v1/integrity/flags/{toWorkingGroup.Id}/explanation", new ExplainRequest { Text = "说明", Version = toWorkingGroup.Version }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await applicant.GetAsync($"/api/v1/integrity/flags/{toWorkingGroup.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/integrity/flags/{toInstitution.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/v1/integrity/flags/{toInstitution.Id}/explanation", new ExplainRequest { Text = "说明", Version = toInstitution.Version }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await expert.GetAsync($"/api/v1/integrity/flags/{toInstitution.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await expert.GetAsync("/api/v1/integrity/flags")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // The Beijing working group answers its own, not the institution's; the officer may not answer; the unit may not close or ask.
        await (await wg.GetAsync($"/api/v1/integrity/flags/{toInstitution.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await officer.PostAsync($"/api/v1/integrity/flags/{toWorkingGroup.Id}/explanation", new ExplainRequest { Text = "说明", Version = toWorkingGroup.Version })
            .AssertDeniedAsync();
        await (await wg.PostAsync($"/api/v1/integrity/flags/{toWorkingGroup.Id}/closure",
            new CloseRequest { Conclusion = IntegrityConclusion.Cleared, Text = "无", Confirmed = true, Version = toWorkingGroup.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);

        // The lead institution reads and answers the flag addressed to it, which names no person; its list holds only that one.
        (await applicant.GetAsync($"/api/v1/integrity/flags/{toInstitution.Id}")).EnsureSuccessStatusCode();
        var mine = await (await applicant.GetAsync("/api/v1/integrity/flags?pageSize=100")).ReadAsync<Page<FlagRow>>();
        Assert.Contains(mine.Items, r => r.Id == toInstitution.Id);
        Assert.DoesNotContain(mine.Items, r => r.PersonId is not null || r.Unit != ResponsibleUnitKind.Organisation);
        await (await applicant.PostAsync($"/api/v1/integrity/flags/{toInstitution.Id}/explanation", new ExplainRequest { Text = "已按要求说明。", Version = toInstitution.Version }))
            .ReadAsync<FlagDto>();
        var shanghaiList = await (await shanghai.GetAsync("/api/v1/integrity/flags?pageSize=100")).ReadAsync<Page<FlagRow>>();
        Assert.DoesNotContain(shanghaiList.Items, r => r.Id == toWorkingGroup.Id || r.Id == toInstitution.Id);
    }

    [Fact]
    public async Task Reads_of_a_correction_order_appear_in_the_read_records_and_their_export_and_only_officers_see_them()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("查阅留痕");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var officer = await app.ApiClientAsync(DemoUsers.Integrity);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        var order = await app.OrderAsync(wg, projectId);

        (await wg.GetAsync($"/api/v1/corrections/{order.Id}")).EnsureSuccessStatusCode();
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.GetAsync($"/api/v1/corrections/{order.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var reads = await (await officer.GetAsync("/api/v1/integrity/reads?recordKind=CorrectionOrder&pageSize=100")).ReadAsync<Page<TrailRow>>();
        var read = Assert.Single(reads.Items, r => r.ResourceId == order.Id.ToString());
        var wgId = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing);
        Assert.Equal(wgId, read.ActorId);
        var byPerson = await (await officer.GetAsync($"/api/v1/integrity/reads?person={wgId}&pageSize=100")).ReadAsync<Page<TrailRow>>();
        Assert.Contains(byPerson.Items, r => r.ResourceId == order.Id.ToString());
        var byOther = await (await officer.GetAsync($"/api/v1/integrity/reads?person={await UserIdAsync(app, DemoUsers.WorkingGroupShanghai)}&pageSize=100")).ReadAsync<Page<TrailRow>>();
        Assert.DoesNotContain(byOther.Items, r => r.ResourceId == order.Id.ToString());

        var decisions = await (await officer.GetAsync("/api/v1/integrity/decisions?pageSize=100")).ReadAsync<Page<TrailRow>>();
        Assert.Contains(decisions.Items, r => r.ResourceId == order.Id.ToString() && r.Action == "correction.issued");

        var file = await officer.GetAsync("/api/v1/integrity/reads/export?recordKind=CorrectionOrder");
        file.EnsureSuccessStatusCode();
        Assert.Equal(IntegrityExport.ContentType, file.Content.Headers.ContentType?.MediaType);
        using (var workbook = new XLWorkbook(await file.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Contains(sheet.RowsUsed().Skip(1), r => r.Cell(4).GetString().EndsWith(order.Id.ToString(), StringComparison.Ordinal));
        }

        foreach (var client in new[] { coordination, wg })
        {
            await client.GetAsync("/api/v1/integrity/reads").AssertDeniedAsync();
            await client.GetAsync("/api/v1/integrity/decisions/export").AssertDeniedAsync();
        }
    }

    [Fact]
    public async Task The_flags_export_opens_and_holds_the_flags()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("导出事项");
        await app.DismissedAlertAsync(projectId, "wg-export", "无");
        await app.ScanAsync();
        using var officer = await app.ApiClientAsync(DemoUsers.Integrity);
        var count = await app.WithDbAsync(db => db.IntegrityFlags.CountAsync(f => f.Rule == IntegrityRule.AlertDismissedWithoutReason));

        var file = await officer.GetAsync($"/api/v1/integrity/flags/export?rule={IntegrityRule.AlertDismissedWithoutReason}");
        file.EnsureSuccessStatusCode();
        using var workbook = new XLWorkbook(await file.Content.ReadAsStreamAsync());
        var rows = workbook.Worksheets.First().RowsUsed().Skip(1).ToList();
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal("预警排除未说明理由", r.Cell(2).GetString()));
    }

    [Fact]
    public async Task The_demo_holds_an_officer_flag_explained_by_the_working_group_and_cleared()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);

        var closed = await (await coordination.GetAsync($"/api/v1/integrity/flags?rule={IntegrityRule.RaisedByOfficer}&status=Closed&pageSize=100")).ReadAsync<Page<FlagRow>>();
        var row = Assert.Single(closed.Items, r => r.RaisedAt < new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var flag = await (await coordination.GetAsync($"/api/v1/integrity/flags/{row.Id}")).ReadAsync<FlagDto>();
        Assert.Equal((IntegrityRecordKind.CorrectionOrder, IntegrityConclusion.Cleared), (flag.RecordKind, flag.Conclusion));
        Assert.NotNull(flag.Explanation);
        var subject = $"{flag.Id:N}:1";
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Subject == subject))).Status);
    }
}
