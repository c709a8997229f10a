using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Tests.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.IntegrityFlags;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Deliberation;

public sealed class DeliberationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Members_vote_a_member_with_a_conflict_is_recused_and_the_chairs_resolution_moves_the_projects(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var jinghua = await app.OrganisationIdAsync("京华证券股份有限公司");
        var suffix = provider.ToString().ToLowerInvariant();
        var second = await app.CreateUserAsync($"member2.{suffix}@deliberation.test", Role.CoordinationGroup);
        var conflicted = await app.CreateUserAsync($"member3.{suffix}@deliberation.test", Role.CoordinationGroup);
        await app.WithDbAsync(async db =>
        {
            // The third member also acts for the lead institution: a conflict on its projects.
            db.RoleAssignments.Add(FinPilot.Web.Features.Identity.RoleAssignment.For(conflicted.User.Id, RoleGrant.Create(Role.Applicant, null, jinghua).Value!, app.Clock.GetUtcNow(), "test"));
            return await db.SaveChangesAsync();
        });
        var outsider = await app.CreateUserAsync($"member4.{suffix}@deliberation.test", Role.CoordinationGroup);
        var (_, projects) = await app.InEvaluationAsync("审议表决 征集", ["审议表决甲", "审议表决乙"]);
        await app.CompleteEvaluationAsync(projects);

        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var chairId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Coordination).Select(u => u.Id).SingleAsync());
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails("第一次审议会议", today, new TimeOnly(9, 30), chairId, [chairId, second.User.Id, conflicted.User.Id])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items", new DeliberationApi.ItemRequest(AgendaItemKind.Admission, "第二批项目入箱", projects, "工作组建议纳入试点。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        var item = (await chair.GetMeetingAsync(meeting.Id)).Items.Single().Id;
        var votes = $"/api/v1/meetings/{meeting.Id}/items/{item}/votes";

        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, null, null))).AssertStatusAsync(HttpStatusCode.Conflict);

        // Business departments from the maintained list are asked for opinions before the vote.
        var opinions = $"/api/v1/meetings/{meeting.Id}/items/{item}/opinions";
        await (await chair.PostAsync(opinions, new DeliberationApi.OpinionRequestDto("no-such-department", today.AddDays(3)))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await chair.PostAsync(opinions, new DeliberationApi.OpinionRequestDto("institutions", today.AddDays(3)))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PutAsync(opinions, new DeliberationApi.OpinionDto("institutions", "机构部原则同意，建议限定客户范围。"))).AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("机构部原则同意，建议限定客户范围。", (await chair.GetMeetingAsync(meeting.Id)).Items.Single().Opinions.Single().Opinion);
        // Only the chair opens the meeting.
        using var member = await app.ApiClientAsync(second.User.Email!);
        await (await member.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.Conflict);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Reject, "改主意", null))).AssertStatusAsync(HttpStatusCode.Conflict);
        await (await member.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.ApproveWithConditions, null, null, projects[0]))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await member.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.ApproveWithConditions, "限定客户", ["客户不超过 300 户"], projects[0]))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await member.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, null, null, Guid.NewGuid()))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await member.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null, projects[1]))).AssertStatusAsync(HttpStatusCode.NoContent);
        using var recused = await app.ApiClientAsync(conflicted.User.Email!);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var refusal = await (await recused.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, null, null))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(refusal.Detail);
        using var notAttending = await app.ApiClientAsync(outsider.User.Email!);
        await (await notAttending.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, null, null))).AssertStatusAsync(HttpStatusCode.Conflict);

        // A member who is not an expert declares a conflict of their own; an absentee cannot.
        var conflicts = $"/api/v1/meetings/{meeting.Id}/items/{item}/conflicts";
        await (await recused.PostAsync(conflicts, new DeliberationApi.ConflictRequest("本人兼任申报机构顾问"))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await recused.PostAsync(conflicts, new DeliberationApi.ConflictRequest("再次申报"))).AssertStatusAsync(HttpStatusCode.Conflict);
        await (await notAttending.PostAsync(conflicts, new DeliberationApi.ConflictRequest("未出席"))).AssertStatusAsync(HttpStatusCode.Conflict);
        await (await wg.PostAsync(conflicts, new DeliberationApi.ConflictRequest("工作组"))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await wg.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, null, null))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await wg.GetAsync($"/api/v1/meetings/{meeting.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);

        var resolution = $"/api/v1/meetings/{meeting.Id}/items/{item}/resolution";
        var outcomes = new[] { ProjectOutcome.ApprovedWithConditions(projects[0], ["客户不超过 300 户"]), ProjectOutcome.Rejected(projects[1], "监管启发不足") };
        await (await member.PostAsync(resolution, new DeliberationApi.ResolutionRequest(outcomes, "经表决"))).AssertStatusAsync(HttpStatusCode.Conflict);

        // Both members voted for the second project: rejecting it goes against the majority and needs a written reason.
        var unreasoned = await (await chair.PostAsync(resolution, new DeliberationApi.ResolutionRequest(outcomes, "经表决"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("outcomes[1].deviationReason", unreasoned.Errors.Keys);
        outcomes[1] = outcomes[1] with { DeviationReason = "会前收到该项目的重大风险线索" };
        await (await chair.PostAsync(resolution, new DeliberationApi.ResolutionRequest(outcomes, "经表决，甲项目附条件通过，乙项目不予通过。"))).AssertStatusAsync(HttpStatusCode.NoContent);

        var after = (await chair.GetMeetingAsync(meeting.Id)).Items.Single();
        Assert.Contains(conflicted.User.Id, after.Recused);
        Assert.Equal("本人兼任申报机构顾问", Assert.Single(after.DeclaredConflicts).Reason);
        // Outcomes are in the item's order; find each project's own.
        var firstOutcome = after.Resolution!.Outcomes.Single(o => o.ProjectId == projects[0]);
        var secondOutcome = after.Resolution.Outcomes.Single(o => o.ProjectId == projects[1]);
        Assert.Equal((1, 1, 1), (firstOutcome.Tally!.Approve, firstOutcome.Tally.ApproveWithConditions, firstOutcome.Tally.Recused));
        Assert.Equal((false, true), (firstOutcome.AgainstMajority, secondOutcome.AgainstMajority));

        // The integrity scan flags the outcome against the majority, about the chair who recorded it; the other is not flagged.
        await app.ScanAsync();
        var against = Assert.Single(await app.FlagsAsync(IntegrityRule.DecisionAgainstMajority, projects[1].ToString()));
        Assert.Equal((IntegrityRecordKind.Project, after.Resolution.RecordedBy), (against.RecordKind, against.PersonId));
        Assert.Empty(await app.FlagsAsync(IntegrityRule.DecisionAgainstMajority, projects[0].ToString()));
        var record = await app.WithDbAsync(db => db.PublicRecords.SingleAsync(r => r.Kind == DeliberationActions.RecordResolution && r.SubjectId == projects[1].ToString()));
        using (var payload = System.Text.Json.JsonDocument.Parse(record.Payload))
        {
            var fields = payload.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
            Assert.True(fields["againstMajority"].GetBoolean());
            Assert.Equal("会前收到该项目的重大风险线索", fields["deviationReason"].GetString());
        }
        var (approved, rejected) = await app.WithDbAsync(async db => (
            await db.Projects.SingleAsync(p => p.Id == projects[0]), await db.Projects.SingleAsync(p => p.Id == projects[1])));
        Assert.Equal(ProjectStage.PublicNotice, approved.Stage);
        Assert.Equal(["客户不超过 300 户"], approved.ApprovalConditions);
        Assert.Equal((ProjectStage.Rejected, "监管启发不足"), (rejected.Stage, rejected.RejectionReason));
        Assert.Equal(2, await app.WithDbAsync(db => db.PublicEvents.CountAsync(e => projects.Contains(e.ProjectId) && e.Kind == PublicEventKind.ResolutionPublished)));
        Assert.Equal(2, await app.WithDbAsync(db => db.PublicRecords.CountAsync(r => r.Kind == DeliberationActions.RecordResolution && (r.SubjectId == projects[0].ToString() || r.SubjectId == projects[1].ToString()))));
        await (await member.PostAsync($"/api/v1/meetings/{meeting.Id}/close", new { })).AssertStatusAsync(HttpStatusCode.Conflict);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/close", new { })).AssertStatusAsync(HttpStatusCode.NoContent);

        // One line per change of the meeting, one per batch of votes, none for a refused one: from the meeting's events at the save.
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == meeting.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ResourceType, a.RegionId, a.Details }).ToListAsync());
        Assert.Equal(
            [
                "meeting.scheduled", "meeting.item-added", "meeting.opinion-requested", "meeting.opinion-recorded", "meeting.convened",
                "meeting.voted", "meeting.voted", "meeting.voted", "meeting.conflict-declared", "meeting.resolved", "meeting.closed",
            ],
            lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal(("meeting", (int?)null), (l.ResourceType, l.RegionId)));
        Assert.Equal($"{{\"title\":\"第一次审议会议\",\"date\":\"{today:yyyy-MM-dd}\",\"attendees\":3}}", lines[0].Details);
        Assert.Contains($"\"projectIds\":[\"{projects[0]}\",\"{projects[1]}\"]", lines[1].Details, StringComparison.Ordinal);
        Assert.Equal($"{{\"itemId\":\"{item}\",\"choice\":{(int)VoteChoice.Approve}}}", lines[5].Details);
        Assert.Equal($"{{\"itemId\":\"{item}\",\"votes\":[{{\"projectId\":\"{projects[0]}\",\"choice\":{(int)VoteChoice.ApproveWithConditions}}}]}}", lines[6].Details);
        Assert.Equal($"{{\"itemId\":\"{item}\",\"reason\":\"本人兼任申报机构顾问\"}}", lines[8].Details);
        Assert.Contains("\"text\":\"经表决，甲项目附条件通过，乙项目不予通过。\"", lines[9].Details, StringComparison.Ordinal);
        Assert.Null(lines[10].Details);

        // The integrity officer sees the outcome against the majority and the declared conflict.
        using (var officer = await app.SignedInAsync(DemoUsers.Integrity))
        {
            var integrity = await (await officer.GetAsync("/integrity")).Content.ReadAsStringAsync();
            Assert.Contains("会前收到该项目的重大风险线索", integrity, StringComparison.Ordinal);
            Assert.Contains("本人兼任申报机构顾问", integrity, StringComparison.Ordinal);
        }

        // The minutes are generated from the record.
        var docx = await chair.GetAsync($"/api/v1/meetings/{meeting.Id}/minutes.docx");
        await docx.AssertStatusAsync(HttpStatusCode.OK);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("经表决，甲项目附条件通过，乙项目不予通过。", text, StringComparison.Ordinal);
            Assert.Contains("审议表决甲", text, StringComparison.Ordinal);
            Assert.Contains("机构部", text, StringComparison.Ordinal);
        }

        await (await wg.GetAsync($"/api/v1/meetings/{meeting.Id}/minutes.docx")).AssertStatusAsync(HttpStatusCode.Forbidden);

        // The lead applicant hears of it and confirms the conditions, once; nobody else may.
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == FinPilot.Web.Features.Notifications.NotificationKind.ProjectApproved && n.Link == $"/applications/{projects[0]}")));
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var confirm = $"/api/v1/applications/{projects[0]}/confirm-conditions";
        await (await wg.PostAsync(confirm, new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.PostAsync(confirm, new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await applicant.PostAsync(confirm, new { })).AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.NotNull(await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projects[0]).Select(p => p.ConditionsConfirmedAt).SingleAsync()));

        // The rejected applicant is told it was the coordination group, not screening, that said no.
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == FinPilot.Web.Features.Notifications.NotificationKind.RejectedByCoordinationGroup && n.Link == $"/applications/{projects[1]}")));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == FinPilot.Web.Features.Notifications.NotificationKind.ApplicationRejected && n.Link == $"/applications/{projects[1]}")));
        using (var lead = await app.SignedInAsync(DemoUsers.Applicant))
        {
            var page = await (await lead.GetAsync($"/applications/{projects[1]}")).Content.ReadAsStringAsync();
            Assert.Contains("协调小组审议未通过", page, StringComparison.Ordinal);
            Assert.DoesNotContain("未通过形式审查", page, StringComparison.Ordinal);
            // The progress log names each step, never the trigger's code name.
            Assert.Contains("专业评估完成，提交协调小组审议", page, StringComparison.Ordinal);
            Assert.DoesNotContain("CompleteEvaluation", page, StringComparison.Ordinal);
            Assert.DoesNotContain("RejectAfterDeliberation", page, StringComparison.Ordinal);
        }

        // The rejected project never reaches the register: its public record points to the resolution's own page, which exists.
        Assert.Equal(DeliberationActions.ResolutionPage(projects[1]), record.Link);
        using var visitor = app.Anonymous();
        var resolutionPage = System.Net.WebUtility.HtmlDecode(await visitor.GetStringAsync(record.Link));
        Assert.Contains("不予通过", resolutionPage, StringComparison.Ordinal);
        Assert.Contains("会前收到该项目的重大风险线索", resolutionPage, StringComparison.Ordinal);
        await (await visitor.GetAsync(DeliberationActions.ResolutionPage(Guid.NewGuid()))).AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/pilots/{projects[1]}")).StatusCode);

        // On the ledger page the entry is linked to its own page and to the resolution's, named in the reader's language.
        await FinPilot.Web.Tests.Ledger.LedgerTestKit.RunLedgerAsync(app);
        var index = await app.WithDbAsync(db => db.LedgerEntries.Where(e => e.RecordSequence == record.Sequence).Select(e => e.Index).SingleAsync());
        var ledger = System.Net.WebUtility.HtmlDecode(await visitor.GetStringAsync("/ledger"));
        Assert.Contains($"href=\"ledger/entries/{index}\"", ledger, StringComparison.Ordinal);
        Assert.Contains($"href=\"resolutions/{projects[1]}\"", ledger, StringComparison.Ordinal);
        Assert.Contains("协调小组审议决议", ledger, StringComparison.Ordinal);
        Assert.Contains("北京", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain($">{DeliberationActions.RecordResolution}<", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(">BJ<", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(">/pilots/", ledger, StringComparison.Ordinal);
        var entryPage = System.Net.WebUtility.HtmlDecode(await visitor.GetStringAsync($"/ledger/entries/{index}"));
        Assert.Contains("协调小组审议决议", entryPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"resolutions/{projects[1]}\"", entryPage, StringComparison.Ordinal);
        Assert.Contains(DeliberationTestKit.LedgerEntryHash(record.Payload), entryPage, StringComparison.Ordinal);
        await (await visitor.GetAsync("/ledger/entries/999999")).AssertStatusAsync(HttpStatusCode.NotFound);
        using var english = app.Anonymous();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var englishLedger = System.Net.WebUtility.HtmlDecode(await english.GetStringAsync("/ledger"));
        Assert.Contains("Coordination group resolution", englishLedger, StringComparison.Ordinal);
        Assert.Contains("Beijing", englishLedger, StringComparison.Ordinal);
        Assert.Contains("Not approved", System.Net.WebUtility.HtmlDecode(await english.GetStringAsync(record.Link)), StringComparison.Ordinal);
    }
}

internal static class DeliberationTestKit
{
    public static string LedgerEntryHash(string payload) => LedgerEntry.ContentHashOf(payload);

    public static async Task<DeliberationApi.MeetingDto> GetMeetingAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/meetings/{id}")).ReadAsync<DeliberationApi.MeetingDto>();

    /// <summary>Ends evaluation through the aggregate (the evaluation tests cover the real round).</summary>
    public static Task<int> CompleteEvaluationAsync(this FinPilotApp app, IReadOnlyList<Guid> projects) =>
        app.WithDbAsync(async db =>
        {
            foreach (var project in await db.Projects.Where(p => projects.Contains(p.Id)).ToListAsync())
            {
                Assert.True(project.CompleteEvaluation(app.Clock.GetUtcNow(), "test").Succeeded);
            }

            return await db.SaveChangesAsync();
        });
}
