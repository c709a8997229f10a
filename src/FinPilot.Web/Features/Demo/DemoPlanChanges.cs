using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// 方案变更: Beijing's digital-RMB fund-sales pilot with two approved changes in 2022 — a minor one (a
/// per-customer amount cap set where there was none, decided by the working group) and a major one
/// (the customer cap raised, reviewed by three experts, resolved by the coordination group and published) — each a revision of
/// its plan from its effective date.
/// </summary>
internal sealed class DemoPlanChanges(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private const string PilotOrganisation = "MA03YJJ42";

    /// <summary>智链数科, the technology company the major change brings in as a partner.</summary>
    private const string TechnologyPartner = "MA04ALK53";

    private static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var pilot = await (
            from p in db.Projects
            join o in db.Organisations on p.LeadOrganisationId equals o.Id
            where o.CreditCode.Contains(PilotOrganisation) && p.Stage == ProjectStage.Running && p.StartsOn == new DateOnly(2021, 12, 30)
            select p).FirstOrDefaultAsync(cancellationToken);
        var plan = pilot is null ? null : await db.SupervisionPlans.SingleOrDefaultAsync(s => s.ProjectId == pilot.Id, cancellationToken);
        if (pilot is null || plan is not { InForce: true } || await db.PlanChanges.AnyAsync(c => c.ProjectId == pilot.Id, cancellationToken))
        {
            return;
        }

        var officer = await UserAsync("wg.beijing", cancellationToken);
        const string applicant = "demo-seed";
        var chair = await UserAsync("coordination", cancellationToken);
        if (officer is null || chair is null)
        {
            return;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var book = new ObligationBook(db, clock);
        var rules = new ChangeRules();

        // 一般变更: a per-customer amount cap where the admission set none; the working group decides in a week.
        var minor = PlanChange.Request(pilot, plan, Proposal(plan.Terms.Parameters, "根据投资者保护要求，增设单一客户金额上限 5 万元。", new DateOnly(2022, 3, 15)) with
        {
            AmountPerCustomerCap = 50_000m,
        }, rules, At(2022, 3, 1), applicant).ValueOrThrow();
        db.PlanChanges.Add(minor);
        await OweAsync(book, minor, At(2022, 3, 1), calendar, cancellationToken);
        minor.Decide(true, "增设金额上限属收紧性调整，符合一般变更条件，同意。", At(2022, 3, 8), officer).OrThrow();
        await book.FulfilAsync(minor.ProjectId, ObligationKind.PlanChangeReview, PlanChangeService.Subject(minor), At(2022, 3, 8), officer, cancellationToken);
        Apply(pilot, plan, minor, At(2022, 3, 15, 0), officer);

        // 重大变更: the customer cap doubled, with a technology partner and big-data profiling brought in for the larger
        // customer base; the coordination group resolves it at a meeting and it is published.
        var partner = await db.Organisations.Where(o => o.CreditCode.Contains(TechnologyPartner)).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var current = plan.Terms.Parameters;
        var major = PlanChange.Request(pilot, plan, Proposal(current, "试点运行平稳，申请将客户数量上限提高一倍，并引入技术合作机构提供大数据客户画像支持。", new DateOnly(2022, 7, 1)) with
        {
            CustomerCap = (current.CustomerCap ?? 500) * 2,
            PartnerOrganisationIds = partner is { } id ? [.. current.PartnerOrganisationIds, id] : current.PartnerOrganisationIds,
            TechnologyCodes = [.. current.TechnologyCodes.Append("big-data").Distinct(StringComparer.Ordinal)],
        }, rules with { MajorNeedsExpertReview = true }, At(2022, 6, 1), applicant).ValueOrThrow();
        db.PlanChanges.Add(major);
        await OweAsync(book, major, At(2022, 6, 1), calendar, cancellationToken);
        await ReviewAsync(book, major, officer, cancellationToken);
        var meetingDay = At(2022, 6, 20, 9);
        var meeting = Meeting.Schedule(Guid.CreateVersion7(meetingDay), new MeetingDetails("2022年第二次试点协调小组会议", new DateOnly(2022, 6, 20), new TimeOnly(9, 30), chair, [chair]),
            At(2022, 6, 10), chair).ValueOrThrow();
        var itemId = Guid.CreateVersion7(meetingDay);
        meeting.AddAgendaItem(itemId, AgendaItemKind.MajorPlanChange, $"重大方案变更审议：{pilot.Title}", [pilot], "北京工作组认为试点运行平稳、风险可控，建议同意提高客户数量上限。",
            At(2022, 6, 13), chair).OrThrow();
        major.PutOnAgenda(meeting.Id, itemId).OrThrow();
        meeting.Convene(At(2022, 6, 20), chair).OrThrow();
        meeting.Vote(itemId, chair, VoteChoice.Approve, "同意", null, [], At(2022, 6, 20)).OrThrow();
        const string resolution = "经审议，同意将该试点客户数量上限提高一倍、引入智链数科为技术合作机构并应用大数据技术，自 2022 年 7 月 1 日起执行。";
        meeting.RecordResolution(itemId, chair, [ProjectOutcome.Approved(pilot.Id)], resolution, [], At(2022, 6, 20, 11)).OrThrow();
        meeting.Close(At(2022, 6, 20, 12), chair).OrThrow();
        db.Add(meeting);
        major.Resolve(meeting.Id, itemId, true, resolution, At(2022, 6, 20, 11), chair).OrThrow();
        await book.FulfilAsync(major.ProjectId, ObligationKind.PlanChangeReview, PlanChangeService.Subject(major), At(2022, 6, 20, 11), chair, cancellationToken);
        Publish(major, meeting.Id, itemId, At(2022, 6, 20, 11));
        Apply(pilot, plan, major, At(2022, 7, 1, 0), officer);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// 变更专家评审: the working group starts the review, three experts of the pool score the change on
    /// the change rubric, and the working group forwards it with its view (each step's obligation met).
    /// </summary>
    private async Task ReviewAsync(ObligationBook book, PlanChange change, string officer, CancellationToken cancellationToken)
    {
        var due = At(2022, 6, 15, 18);
        change.StartReview(3, due, At(2022, 6, 2), officer).OrThrow();
        await book.EnsureAsync(new ObligationDraft(change.ProjectId, change.RegionId, change.OrganisationId, ObligationKind.PlanChangeReview,
            PlanChangeReviewService.ReviewSubject(change.Id), due), cancellationToken);
        var sheets = new (string Name, int Score, Domain.Evaluation.Recommendation Recommendation, string Opinion)[]
        {
            ("expert", 8, Domain.Evaluation.Recommendation.Recommend, "试点运行平稳，客户投诉率低，提高上限的必要性充分。"),
            ("expert.legal", 7, Domain.Evaluation.Recommendation.RecommendWithConditions, "建议同步完善适当性管理和信息披露，按月报送客户结构。"),
            ("expert.finance", 8, Domain.Evaluation.Recommendation.Recommend, "资金清算与风险准备安排可支撑扩大后的客户规模。"),
        };
        var day = 6;
        foreach (var (name, score, recommendation, opinion) in sheets)
        {
            if (await UserAsync(name, cancellationToken) is not { } expert)
            {
                continue;
            }

            change.AssignReviewer(expert, [], due, At(2022, 6, 2, 11), officer).OrThrow();
            await book.EnsureAsync(new ObligationDraft(change.ProjectId, change.RegionId, change.OrganisationId, ObligationKind.PlanChangeReview,
                PlanChangeReviewService.ExpertSubject(change.Id, expert), due), cancellationToken);
            var scores = ExpertReview.Criteria.Select(c => new CriterionScore(c, c == ChangeCriterion.RiskControl ? score - 1 : score, opinion)).ToList();
            change.SubmitReview(expert, scores, recommendation, opinion, At(2022, 6, day)).OrThrow();
            await book.FulfilAsync(change.ProjectId, ObligationKind.PlanChangeReview, PlanChangeReviewService.ExpertSubject(change.Id, expert), At(2022, 6, day), expert, cancellationToken);
            day++;
        }

        change.Forward("专家评审总体支持，工作组同意提请协调小组审议，建议附加适当性管理条件。", At(2022, 6, 12), officer).OrThrow();
        await book.FulfilAsync(change.ProjectId, ObligationKind.PlanChangeReview, PlanChangeReviewService.ReviewSubject(change.Id), At(2022, 6, 12), officer, cancellationToken);
    }

    private static ChangeProposal Proposal(TestParameters current, string reason, DateOnly effectiveOn) => new()
    {
        CustomerCap = current.CustomerCap,
        AmountPerCustomerCap = current.AmountPerCustomerCap,
        Scope = current.Scope,
        EndsOn = current.EndsOn,
        Reason = reason,
        EffectiveOn = effectiveOn,
    };

    private static async Task OweAsync(ObligationBook book, PlanChange change, DateTimeOffset at, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        await book.EnsureAsync(new ObligationDraft(change.ProjectId, change.RegionId, change.OrganisationId, ObligationKind.PlanChangeReview,
            PlanChangeService.Subject(change), ObligationRules.PlanChangeReviewDue(at, calendar)), cancellationToken);

    private void Apply(PilotProject pilot, SupervisionPlan plan, PlanChange change, DateTimeOffset at, string officer)
    {
        plan.Confirm(change.ApplyTo(plan.Terms), at, officer).OrThrow();
        pilot.FollowPlan(plan.Terms.Parameters.EndsOn, plan.Terms.Parameters.CustomerCap).OrThrow();
        db.SupervisionPlanRevisions.Add(SupervisionPlanRevision.Of(plan, $"方案变更（{change.Id}）自 {change.EffectiveOn:yyyy-MM-dd} 起生效"));
        change.MarkApplied(plan.Revision, at, automatic: true).OrThrow();
    }

    private void Publish(PlanChange change, Guid meetingId, Guid itemId, DateTimeOffset at)
    {
        var effective = change.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        new PublicRecordWriter(db).Write(
            PublicRecord.Create(PlanChangeActions.RecordMajorChange, change.Id.ToString(), at, new
            {
                change.Id,
                change.ProjectId,
                change.RegionId,
                meetingId,
                itemId,
                fields = change.ChangedFields.Select(f => f.ToString()),
                change.Current,
                change.Proposed,
                effectiveOn = change.EffectiveOn,
                resolution = change.DecisionNote,
            }),
            change.RegionId,
            [new PublicEvent(change.ProjectId, PublicEventKind.PlanChanged, at, Title("zh-CN", effective, change.ChangedFields), Title("en", effective, change.ChangedFields), $"/pilots/{change.ProjectId}")]);
    }

    private static string Title(string culture, string effective, IReadOnlyList<PlanField> fields) =>
        PlanChangeResolution.Title(CultureInfo.GetCultureInfo(culture), effective, fields);

    private Task<string?> UserAsync(string name, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Email == $"{name}@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
}
